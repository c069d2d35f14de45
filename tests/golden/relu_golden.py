#!/usr/bin/env python3
"""Golden values on ReLU-shaped embeddings (issue 12): a seeded, small embedding with dead units,
near-dead units, unequal scales, heavy tails and rank below d, and the values an implementation
independent of WSCA (numpy, scipy, scikit-learn) computes from it.

A benchmark-time tool, not a runtime or build dependency: it needs Debian's python3-sklearn (which
brings numpy and scipy). It writes relu.csv and relu.reference.json into the folder given as its
only argument (the project keeps them in common/src/test/resources/golden/). Re-running it with
the same library versions gives the same files.

Objective of every head (docs/method.md section 3): (1/n) sum of cross-entropy + (lambda/2)|W|^2
over all rows, raw coordinates, intercepts not penalised. The exact optimum is found by scipy's
L-BFGS-B on that objective, polished by Newton steps with the exact Hessian (the gradient norm
at the optimum is reported, about 1e-15); scikit-learn's
LogisticRegression(lbfgs, C = 1/(n lambda)) is fitted too, as a cross-check.
"""
import json
import sys

import numpy as np
import scipy
import scipy.optimize
import sklearn
from sklearn.linear_model import LogisticRegression

SEED = 20261201
N = 600
D = 16
LAMBDA = 0.01
DEAD = [3, 9, 14]
NEAR_DEAD = [5, 11]


def embeddings(rng):
    """Latent factors -> random 2-layer ReLU map -> d units, some dead, some nearly dead."""
    label = rng.integers(0, 3, N)
    scanner = (rng.random(N) < np.where(label == 2, 0.7, 0.35)).astype(int)
    latent = np.column_stack(
        [np.eye(3)[label] * 1.5, scanner * 1.2, rng.standard_t(3, size=(N, 4)) * 0.7]
    )
    hidden = np.maximum(latent @ rng.normal(size=(latent.shape[1], 24)) - 0.3, 0)
    out = hidden @ rng.normal(size=(24, D)) / np.sqrt(24)
    scales = np.exp(rng.uniform(np.log(0.05), np.log(4.0), D))
    x = np.maximum(out - 0.2, 0) * scales
    x[:, DEAD] = 0.0
    for j in NEAR_DEAD:
        x[:, j] = 0.0
        active = rng.choice(N, size=3, replace=False)
        x[active, j] = rng.uniform(1e-3, 2e-2, size=3)
    return np.round(x, 9), label, scanner


def objective(params, x, y, classes):
    n, d = x.shape
    if classes == 2:
        w, b = params[:d], params[d]
        z = x @ w + b
        loss = np.mean(np.logaddexp(0, z) - y * z)
        p = 1 / (1 + np.exp(-z))
        grad_w = x.T @ (p - y) / n + LAMBDA * w
        grad_b = np.mean(p - y)
        return loss + LAMBDA / 2 * w @ w, np.append(grad_w, grad_b)
    w = params[: classes * d].reshape(classes, d)
    b = params[classes * d :]
    z = x @ w.T + b
    zmax = z.max(axis=1, keepdims=True)
    log_norm = zmax[:, 0] + np.log(np.exp(z - zmax).sum(axis=1))
    loss = np.mean(log_norm - z[np.arange(n), y])
    p = np.exp(z - log_norm[:, None])
    p[np.arange(n), y] -= 1
    grad_w = p.T @ x / n + LAMBDA * w
    grad_b = p.mean(axis=0)
    return loss + LAMBDA / 2 * np.sum(w * w), np.concatenate([grad_w.ravel(), grad_b])


def exact_head(x, y, classes):
    d = x.shape[1]
    size = (d + 1) if classes == 2 else classes * (d + 1)
    result = scipy.optimize.minimize(
        objective,
        np.zeros(size),
        args=(x, y, classes),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": 100000, "gtol": 1e-13, "ftol": 1e-16, "maxcor": 50},
    )
    params = newton_polish(result.x, x, y, classes)
    f, g = objective(params, x, y, classes)
    result.x = params
    if classes == 2:
        return result.x[:d], result.x[d:], f, float(np.linalg.norm(g))
    w = result.x[: classes * d].reshape(classes, d)
    return w, result.x[classes * d :], f, float(np.linalg.norm(g))


def hessian(params, x, y, classes):
    """Exact Hessian of the objective; parameters ordered as in objective()."""
    n, d = x.shape
    xt = np.column_stack([x, np.ones(n)])
    penalty = np.append(np.full(d, LAMBDA), 0.0)
    if classes == 2:
        p = 1 / (1 + np.exp(-(x @ params[:d] + params[d])))
        h = xt.T @ (xt * (p * (1 - p))[:, None]) / n + np.diag(penalty)
        order = list(range(d + 1))
        return h, order
    w = params[: classes * d].reshape(classes, d)
    z = x @ w.T + params[classes * d :]
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    size = classes * (d + 1)
    h = np.zeros((size, size))
    for k in range(classes):
        for l in range(classes):
            weight = p[:, k] * ((k == l) - p[:, l])
            block = xt.T @ (xt * weight[:, None]) / n
            if k == l:
                block += np.diag(penalty)
            h[k * (d + 1) : (k + 1) * (d + 1), l * (d + 1) : (l + 1) * (d + 1)] = block
    # objective() orders all weights first, then the intercepts.
    order = [k * (d + 1) + j for k in range(classes) for j in range(d)]
    order += [k * (d + 1) + d for k in range(classes)]
    return h[np.ix_(order, order)], order


def newton_polish(params, x, y, classes, steps=20):
    """Newton steps from the L-BFGS-B point to the optimum (least squares: the softmax intercepts
    are defined only up to a common shift, so the Hessian is singular along it)."""
    for _ in range(steps):
        f, g = objective(params, x, y, classes)
        if np.linalg.norm(g) < 1e-14:
            break
        h, _ = hessian(params, x, y, classes)
        params = params - np.linalg.lstsq(h, g, rcond=None)[0]
    return params


def sklearn_head(x, y):
    model = LogisticRegression(C=1 / (len(y) * LAMBDA), tol=1e-12, max_iter=100000)
    model.fit(x, y)
    return model.coef_, model.intercept_


def directions(w, classes):
    """Binary: the log-odds vector; categorical: the centred class vectors (method.md section 3)."""
    if classes == 2:
        return np.atleast_2d(w)
    return w - w.mean(axis=0)


def t_statistic(a, b, metric=None):
    def cos(u, v):
        if metric is None:
            return u @ v / np.sqrt((u @ u) * (v @ v))
        return u @ metric @ v / np.sqrt((u @ metric @ u) * (v @ metric @ v))

    matrix = np.array([[cos(u, v) for v in b] for u in a])
    return float(np.max(np.abs(matrix))), float(np.sqrt(np.mean(matrix**2))), matrix


def main(folder):
    rng = np.random.default_rng(SEED)
    x, label, scanner = embeddings(rng)
    names = [f"x{j}" for j in range(D)]
    with open(f"{folder}/relu.csv", "w") as out:
        out.write(",".join(names + ["label", "scanner"]) + "\n")
        for i in range(N):
            out.write(",".join(f"{v:.9g}" for v in x[i]) + f",{label[i]},{scanner[i]}\n")
    x = np.loadtxt(f"{folder}/relu.csv", delimiter=",", skiprows=1)[:, :D]

    ref = {
        "provenance": {
            "script": "tests/golden/relu_golden.py",
            "seed": SEED,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "scikit-learn": sklearn.__version__,
        },
        "lambda": LAMBDA,
        "rows": N,
        "dimension": D,
        "dead_units": DEAD,
        "near_dead_units": NEAR_DEAD,
    }
    sd = x.std(axis=0)
    cov = np.cov(x, rowvar=False, bias=False)
    eigenvalues, eigenvectors = np.linalg.eigh(cov)
    order = np.argsort(eigenvalues)[::-1]
    eigenvalues, eigenvectors = eigenvalues[order], eigenvectors[:, order]
    rank = int(np.sum(eigenvalues > eigenvalues[0] * 1e-12))
    ref["feature_sd"] = sd.tolist()
    ref["covariance_rank"] = rank
    ref["covariance_eigenvalues"] = eigenvalues.tolist()

    heads = {}
    for task, y, classes in (("label", label, 3), ("scanner", scanner, 2)):
        w, b, f, gnorm = exact_head(x, y, classes)
        sk_w, sk_b = sklearn_head(x, y)
        heads[task] = directions(w, classes)
        ref[task] = {
            "classes": classes,
            "directions": heads[task].tolist(),
            "intercepts": np.atleast_1d(b).tolist(),
            "objective": f,
            "gradient_norm": gnorm,
            "sklearn_directions": directions(sk_w[0] if classes == 2 else sk_w, classes).tolist(),
            "sklearn_objective": objective(
                np.concatenate([sk_w.ravel(), sk_b]), x, y, classes
            )[0],
        }
    t, rms, matrix = t_statistic(heads["label"], heads["scanner"])
    projection = eigenvectors[:, :rank].T
    t_pca, rms_pca, _ = t_statistic(heads["label"] @ projection.T, heads["scanner"] @ projection.T)
    t_logit, rms_logit, _ = t_statistic(heads["label"], heads["scanner"], metric=cov)
    ref["wsc"] = {
        "matrix": matrix.tolist(),
        "t": t,
        "rms": rms,
        "t_pca_rank": t_pca,
        "rms_pca_rank": rms_pca,
        "t_logit_correlation": t_logit,
        "rms_logit_correlation": rms_logit,
    }
    with open(f"{folder}/relu.reference.json", "w") as out:
        json.dump(ref, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
