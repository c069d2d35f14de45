#!/usr/bin/python3
"""The audit a user would otherwise write in a notebook, for submit/bench-vs-sklearn.

A benchmark-time tool (Debian python3-sklearn), never a runtime dependency of WSCA.

  versus_sklearn.py generate --n N --d D --seed S --out data.csv
  versus_sklearn.py audit --data data.csv --b B --reg-param L --out sklearn.json

`generate` writes seeded rows in the layout tests/validation/CsvToParquet.java turns into WSCA's
input (sample_id, site, label, scanner, noise, split, embedding as ';'-joined numbers).

`audit` is the plain loop: on the training rows, fit the clinical probe (binary label), and per
metadata task the observed head and B heads on labels permuted within sites, each a scikit-learn
LogisticRegression with C = 1 / (n_train * lambda), which minimises WSCA's objective
(1/n) sum CE + (lambda / 2) |W|^2 (docs/method.md section 3); no projection (WSCA's
projection.method = none); T = max |cos| between the probe and the (centred) metadata class
vectors; p = (1 + #{T_b >= T}) / (B + 1). It times the fits only (reading the CSV is timed apart).
"""
import argparse
import json
import time

import numpy as np
from sklearn.linear_model import LogisticRegression

SITES = 3
TEST_FRACTION = 0.2


def generate(n, d, seed, out):
    rng = np.random.default_rng(seed)
    site = rng.integers(0, SITES, n)
    label = rng.integers(0, 2, n)
    scanner = (site + rng.integers(0, 2, n)) % 3  # each site uses two of the three scanners
    noise = rng.integers(0, 2, n)
    directions = rng.standard_normal((4, d)) / np.sqrt(d)
    x = rng.standard_normal((n, d))
    x += 1.5 * np.outer(2 * label - 1, directions[0])
    x += 2.0 * directions[1 + scanner]
    split = np.where(rng.random(n) < TEST_FRACTION, "test", "train")
    with open(out, "w") as f:
        f.write("sample_id,site,label,scanner,noise,split,embedding\n")
        for i in range(n):
            emb = ";".join(f"{v:.6g}" for v in x[i])
            f.write(f"s{i:08d},site{site[i]},y{label[i]},scanner{scanner[i]},"
                    f"n{noise[i]},{split[i]},{emb}\n")


def read(path):
    rows = np.genfromtxt(path, delimiter=",", dtype=str, skip_header=1)
    site, label, scanner, noise, split = (rows[:, k] for k in range(1, 6))
    x = np.array([[float(v) for v in e.split(";")] for e in rows[:, 6]])
    train = split == "train"
    return x[train], site[train], label[train], {"scanner": scanner[train], "noise": noise[train]}


def head(x, y, reg_param):
    """Class vectors: the log-odds vector of the second class for two classes, else centred."""
    # scikit-learn's default tol applies to the summed loss: tighter than WSCA's heads.tol here.
    model = LogisticRegression(C=1.0 / (len(y) * reg_param), max_iter=1000)
    model.fit(x, y)
    w = model.coef_
    return w if w.shape[0] == 1 else w - w.mean(axis=0)


def statistic(primary, metadata):
    a = primary / np.linalg.norm(primary, axis=1, keepdims=True)
    m = metadata / np.linalg.norm(metadata, axis=1, keepdims=True)
    return float(np.abs(a @ m.T).max())


def permuted_within_sites(y, site, rng):
    out = y.copy()
    for s in np.unique(site):
        at = np.flatnonzero(site == s)
        out[at] = y[rng.permutation(at)]
    return out


def audit(data, b, reg_param, out):
    started = time.perf_counter()
    x, site, label, tasks = read(data)
    read_seconds = time.perf_counter() - started
    started = time.perf_counter()
    primary = head(x, label, reg_param)
    rng = np.random.default_rng(1)
    result = {}
    for name, y in tasks.items():
        t = statistic(primary, head(x, y, reg_param))
        nulls = [statistic(primary, head(x, permuted_within_sites(y, site, rng), reg_param))
                 for _ in range(b)]
        result[name] = {"t": t, "p": (1 + sum(v >= t for v in nulls)) / (b + 1)}
    fit_seconds = time.perf_counter() - started
    summary = {"rows_train": int(len(label)), "d": int(x.shape[1]), "b": b,
               "read_seconds": read_seconds, "fit_seconds": fit_seconds, "tasks": result}
    with open(out, "w") as f:
        json.dump(summary, f, indent=2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--n", type=int, required=True)
    g.add_argument("--d", type=int, required=True)
    g.add_argument("--seed", type=int, default=7)
    g.add_argument("--out", required=True)
    a = sub.add_parser("audit")
    a.add_argument("--data", required=True)
    a.add_argument("--b", type=int, required=True)
    a.add_argument("--reg-param", type=float, default=0.01)
    a.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.command == "generate":
        generate(args.n, args.d, args.seed, args.out)
    else:
        audit(args.data, args.b, args.reg_param, args.out)


if __name__ == "__main__":
    main()
