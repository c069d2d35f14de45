#!/usr/bin/python3
"""Real-network validation of WSCA (a benchmark-time tool; nothing in WSCA runs it).

Trains a small MLP (one ReLU hidden layer of 64 units) on scikit-learn's bundled digits images
(load_digits: no download) into which a "scanner" artifact is rendered, a fixed pixel pattern per
scanner. In the `biased` variant the scanner predicts the digit in the training images (a shortcut
is available); in `balanced` it does not. Then, on held-out images:

  * exports the hidden layer's activations as WSCA input (one row per image: sample_id,
    patient_id = the original digit image, site, label = the digit, scanner, noise = a random binary
    task with nothing to find, embedding = the 64 activations) as CSV, for csv_to_parquet.java;
  * exports the network's own output layer as a supplied primary head (class,w0..w63);
  * measures the network's real use of the scanner (the ground truth): each image is re-rendered
    with every other scanner's artifact and the share of predictions that change is reported.

Debian packages: python3-sklearn python3-pandas (pyarrow is not packaged; Parquet is written by
csv_to_parquet.java on Spark). Runs in about a minute on 2 cores.

  /usr/bin/python3 tests/validation/real_network.py --out /tmp/realnet [--variant biased]
"""

import argparse
import json
import os

import numpy as np
from sklearn.datasets import load_digits
from sklearn.neural_network import MLPClassifier

SCANNERS = ["A", "B", "C"]
SITES = ["north", "south", "east"]


def artifact(scanner):
    """The pixel pattern scanner s adds to an 8x8 image (intensities 0..16)."""
    pattern = np.zeros((8, 8))
    if scanner == 0:
        pattern[0, 0:2] = 8.0  # a bright mark in the top-left corner
        pattern[1, 0] = 8.0
    elif scanner == 1:
        pattern[7, 6:8] = 8.0  # a bright mark in the bottom-right corner
        pattern[6, 7] = 8.0
    else:
        pattern[:, 0] += 3.0  # a faint band down the left edge
    return pattern


def augment(image, rng):
    """One acquisition of a digit: shifted by up to a pixel, a gain, sensor noise."""
    shifted = np.roll(image, (rng.integers(-1, 2), rng.integers(-1, 2)), axis=(0, 1))
    return np.clip(shifted * rng.uniform(0.85, 1.15) + rng.normal(0.0, 0.6, (8, 8)), 0.0, 16.0)


def render(clean, scanner):
    return np.clip(clean + artifact(scanner), 0.0, 16.0).reshape(-1)


def draw(images, digits, originals, copies, variant, bias, rng):
    """`copies` acquisitions of each original: clean image, digit, scanner, site, patient."""
    rows = []
    for o in originals:
        site = int(rng.integers(3))  # a patient (an original image) belongs to one site
        for _ in range(copies):
            digit = int(digits[o])
            if variant == "biased" and rng.random() < bias:
                scanner = digit % 3
            else:
                scanner = int(rng.integers(3))
            rows.append((augment(images[o], rng), digit, scanner, site, int(o)))
    return rows


def hidden(net, x):
    return np.maximum(x @ net.coefs_[0] + net.intercepts_[0], 0.0)


def reliance(net, rows):
    """Share of predictions that change when an image is re-rendered with another scanner."""
    own = np.array([render(c, s) for c, _, s, _, _ in rows]) / 16.0
    predicted = net.predict(own)
    flips = []
    for shift in (1, 2):
        other = np.array([render(c, (s + shift) % 3) for c, _, s, _, _ in rows]) / 16.0
        flips.append(float(np.mean(net.predict(other) != predicted)))
    return float(np.mean(flips)), flips


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--variant", choices=["biased", "balanced"], default="biased")
    parser.add_argument("--bias", type=float, default=0.9)
    parser.add_argument("--train-copies", type=int, default=8)
    parser.add_argument("--audit-copies", type=int, default=10)
    parser.add_argument("--seed", type=int, default=20260101)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    digits = load_digits()
    order = rng.permutation(len(digits.target))
    train_originals, audit_originals = order[:1000], order[1000:]
    train = draw(digits.images, digits.target, train_originals, args.train_copies,
                 args.variant, args.bias, rng)
    audit = draw(digits.images, digits.target, audit_originals, args.audit_copies,
                 args.variant, args.bias, rng)
    x = np.array([render(c, s) for c, _, s, _, _ in train]) / 16.0
    y = np.array([d for _, d, _, _, _ in train])
    net = MLPClassifier(hidden_layer_sizes=(64,), activation="relu", alpha=1e-4,
                        max_iter=300, random_state=args.seed).fit(x, y)
    xa = np.array([render(c, s) for c, _, s, _, _ in audit]) / 16.0
    ya = np.array([d for _, d, _, _, _ in audit])
    h = hidden(net, xa)
    os.makedirs(args.out, exist_ok=True)
    write_rows(os.path.join(args.out, "embeddings.csv"), audit, h, rng)
    write_head(os.path.join(args.out, "head.csv"), net)
    flip, per_shift = reliance(net, audit)
    sd = h.std(axis=0, ddof=1)
    facts = {
        "variant": args.variant,
        "bias": args.bias if args.variant == "biased" else 0.0,
        "train_rows": len(train),
        "audit_rows": len(audit),
        "train_accuracy": float(net.score(x, y)),
        "audit_accuracy": float(net.score(xa, ya)),
        "scanner_flip_share": flip,
        "scanner_flip_share_per_shift": per_shift,
        "dead_units": int(np.sum(sd == 0.0)),
        "near_dead_units_sd_below_0.05": int(np.sum((sd > 0.0) & (sd < 0.05))),
        "max_unit_sd": float(sd.max()),
        "rank": int(np.linalg.matrix_rank(h - h.mean(axis=0))),
    }
    with open(os.path.join(args.out, "ground_truth.json"), "w") as f:
        json.dump(facts, f, indent=2)
    print(json.dumps(facts, indent=2))


def write_rows(path, rows, h, rng):
    with open(path, "w") as f:
        f.write("sample_id,patient_id,site,label,scanner,noise,embedding\n")
        for i, ((_, digit, scanner, site, original), e) in enumerate(zip(rows, h)):
            f.write("img%06d,p%04d,%s,d%d,%s,%s,%s\n" % (
                i, original, SITES[site], digit, SCANNERS[scanner],
                "yes" if rng.random() < 0.5 else "no", ";".join("%.9g" % v for v in e)))


def write_head(path, net):
    """The network's output layer as WSCA's supplied head: one weight row per class."""
    w = net.coefs_[1]  # 64 x 10
    with open(path, "w") as f:
        f.write("class," + ",".join("w%d" % j for j in range(w.shape[0])) + "\n")
        for c, name in enumerate(net.classes_):
            f.write("d%d," % name + ",".join("%.12g" % v for v in w[:, c]) + "\n")


if __name__ == "__main__":
    main()
