#!/usr/bin/env bash
# Real-network validation, end to end (a benchmark-time tool; see real_network.py):
#   tests/validation/run_real_network.sh OUT_DIR [biased|balanced ...]
# For each variant: trains the network and measures its real use of the scanner (ground truth),
# converts the embeddings to Parquet, audits them with the network's own head as the primary head,
# and prints the ground truth beside WSCA's tests table. Needs Debian python3-sklearn and
# python3-pandas, and a build (mvn -B -DskipTests package) for the jars.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:?usage: run_real_network.sh OUT_DIR [variant ...]}"; shift
variants=("${@:-biased balanced}")
opens="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"
for variant in ${variants[@]}; do
  dir="$out/$variant"
  /usr/bin/python3 "$here/tests/validation/real_network.py" --out "$dir" --variant "$variant"
  # shellcheck disable=SC2086
  java $opens -cp "$here/jobs/target/spark-home/jars/*" \
    "$here/tests/validation/CsvToParquet.java" "$dir/embeddings.csv" "$dir/input"
  "$here/submit/wsca-submit" --master 'local[2]' -- audit \
    --config "$here/tests/validation/real_network.conf" --input "$dir/input" \
    --set primary-head.path="$dir/head.csv" --output-root "$dir/audit" || true
  echo "== $variant: ground truth"; cat "$dir/ground_truth.json"
done
