#!/usr/bin/python3
"""Collects submit/bench-vs-sklearn's runs into one JSON file and a Markdown table.

  versus_sklearn_table.py OUT_DIR SIZE [SIZE ...]

Each OUT_DIR/SIZE holds sklearn.json, wsca-seconds (wall clock of the whole wsca-submit call) and
the WSCA run's summary.json and manifest. T must agree within TOLERANCE: MLlib stops at
heads.tol = 1e-6 (relative), scikit-learn at its default tolerance on the summed loss.
"""
import glob
import json
import os
import sys
from datetime import datetime

TOLERANCE = 1e-3


def wsca_times(summary):
    start = datetime.fromisoformat(summary["started_at"].replace("Z", "+00:00"))
    end = datetime.fromisoformat(summary["finished_at"].replace("Z", "+00:00"))
    return (end - start).total_seconds()


def blas_of_numpy():
    try:
        import numpy  # noqa: F401  (loads the BLAS that threadpoolctl then reports)
        from threadpoolctl import threadpool_info
        return "; ".join(f"{i['internal_api']} {i.get('version')} ({i['num_threads']} threads)"
                         for i in threadpool_info())
    except ImportError:
        return "unknown (no threadpoolctl)"


def main():
    out, sizes = sys.argv[1], sys.argv[2:]
    rows = []
    for size in sizes:
        d = os.path.join(out, size)
        sk = json.load(open(os.path.join(d, "sklearn.json")))
        summary = json.load(open(glob.glob(os.path.join(d, "wsca", "*", "summary.json"))[0]))
        wall = float(open(os.path.join(d, "wsca-seconds")).read())
        tasks = {}
        for f in summary["findings"]:
            if f["scope"] == "pooled":
                ts = sk["tasks"][f["task"]]["t"]
                tasks[f["task"]] = {"wsca_t": f["t"], "sklearn_t": ts,
                                    "abs_diff": abs(f["t"] - ts),
                                    "agree": abs(f["t"] - ts) <= TOLERANCE,
                                    "wsca_p": f["p"], "sklearn_p": sk["tasks"][f["task"]]["p"]}
        rows.append({"size": size, "rows_train": sk["rows_train"], "d": sk["d"], "b": sk["b"],
                     "wsca_wall_seconds": wall, "wsca_run_seconds": wsca_times(summary),
                     "sklearn_fit_seconds": sk["fit_seconds"],
                     "sklearn_read_seconds": sk["read_seconds"],
                     "sklearn_over_wsca_wall": sk["fit_seconds"] / wall, "tasks": tasks})
    result = {"tolerance": TOLERANCE, "numpy_blas": blas_of_numpy(),
              "load_average_at_end": os.getloadavg(), "cores": os.cpu_count(), "runs": rows}
    json.dump(result, open(os.path.join(out, "versus-sklearn.json"), "w"), indent=2)
    print(f"| rows (train) x d | B | WSCA wall s (run s) | scikit-learn fits s | sklearn / WSCA "
          f"| max abs T difference (<= {TOLERANCE}) |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        diff = max(t["abs_diff"] for t in r["tasks"].values())
        ok = all(t["agree"] for t in r["tasks"].values())
        print(f"| {r['rows_train']} x {r['d']} | {r['b']} | {r['wsca_wall_seconds']:.0f} "
              f"({r['wsca_run_seconds']:.0f}) | {r['sklearn_fit_seconds']:.0f} "
              f"| {r['sklearn_over_wsca_wall']:.2f} | {diff:.1e} {'yes' if ok else 'NO'} |")
    print(f"numpy BLAS: {result['numpy_blas']}; load average at the end: "
          f"{', '.join(f'{v:.1f}' for v in result['load_average_at_end'])}")
    if not all(t["agree"] for r in rows for t in r["tasks"].values()):
        sys.exit("T differs beyond the tolerance: see versus-sklearn.json")


if __name__ == "__main__":
    main()
