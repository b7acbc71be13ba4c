"""PyTorch (CPU) version of the paper's training loop, as sparsest-relu runs it (THEORY.md section 3).

Full batch, one step per epoch: remember the products q = v w, one Adam step (betas 0.9/0.999,
eps 1e-8) on the MSE, and after the warm-up the reweighted proximal step on the products with
threshold lambda * lr * p * |q_prev|^(p-1), re-factored balanced (|v| = ||w||, signs kept). 1-D:
skip term a x + c, the knot kept by scaling b with w (the fixes THEORY.md asks for). d-D: bias
penalized, no skip term. float64, as ours. Initialization as nn.Linear (uniform +-1/sqrt(fan_in)).

Prints one JSON line: config, threads, epochs, seconds of the loop (no set-up), seconds per
epoch, final active neurons (1-D) or nonzero parameters (d-D), final MSE.
"""
import argparse
import json
import math
import time

import numpy as np
import torch


def data(config):
    rng = np.random.default_rng(8)
    if config == "paper1d":
        return np.array([-2, -1, 0, 1, 2, 3], float)[:, None], np.array([0, 0, 1, 1, 0, 0], float), 80, 0.003
    if config == "large1d":
        x = np.sort(rng.uniform(-2, 2, 4096))
        return x[:, None], rng.uniform(-1, 1, 4096), 1024, 0.003
    if config == "paperNd":
        return rng.uniform(-1, 1, (10, 50)), rng.uniform(-1, 1, 10), 100, 0.005
    if config == "largeNd":
        return rng.uniform(-1, 1, (1024, 64)), rng.uniform(-1, 1, 1024), 256, 0.005
    raise SystemExit("unknown config " + config)


def uniform(shape, bound):
    return ((torch.rand(shape, dtype=torch.float64) * 2 - 1) * bound).requires_grad_()


def train(config, epochs, threads, p=0.4, lr=0.01, warmup=5, seed=1):
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    x_np, y_np, k, lam = data(config)
    x = torch.tensor(x_np, dtype=torch.float64)
    y = torch.tensor(y_np, dtype=torch.float64)
    n, d = x.shape
    univariate = config.endswith("1d")
    if univariate:
        w, b = uniform(k, 1.0), uniform(k, 1.0)
        v = uniform(k, 1 / math.sqrt(k))
        a, c = uniform(1, 1.0), uniform(1, 1 / math.sqrt(k))
        params = [w, b, v, a, c]
        xs = x[:, 0]

        def forward():
            return torch.relu(xs[:, None] * w + b) @ v + a * xs + c
    else:
        xa = torch.cat([x, torch.ones(n, 1, dtype=torch.float64)], dim=1)
        w = uniform((k, d + 1), 1 / math.sqrt(d))
        v = uniform(k, 1 / math.sqrt(k))
        params = [w, v]

        def forward():
            return torch.relu(xa @ w.T) @ v
    opt = torch.optim.Adam(params, lr=lr, betas=(0.9, 0.999), eps=1e-8)
    threshold = 1e-8 if univariate else 1e-6
    start = time.perf_counter()
    for epoch in range(1, epochs + 1):
        with torch.no_grad():
            q_prev = (v * w) if univariate else v[:, None] * w
        opt.zero_grad(set_to_none=True)
        loss = torch.mean((forward() - y) ** 2)
        loss.backward()
        opt.step()
        if epoch > warmup:
            with torch.no_grad():
                q = (v * w) if univariate else v[:, None] * w
                mag = q_prev.abs()
                t = torch.where(mag > 0, lam * lr * p * mag.pow(p - 1), torch.full_like(mag, math.inf))
                u = torch.sign(q) * torch.clamp(q.abs() - t, min=0)
                if univariate:
                    v_abs = u.abs().sqrt()
                    v_new = torch.sign(v) * v_abs
                    alive = v_new != 0
                    w_new = torch.where(alive, u / torch.where(alive, v_new, torch.ones_like(v_new)), torch.zeros_like(u))
                    scale = torch.where(alive & (w != 0), w_new / torch.where(w != 0, w, torch.ones_like(w)), torch.zeros_like(w))
                    b.mul_(scale)
                    w.copy_(w_new)
                    v.copy_(v_new)
                else:
                    v_abs = u.norm(dim=1).sqrt()
                    v_new = torch.sign(v) * v_abs
                    alive = v_new != 0
                    w.copy_(torch.where(alive[:, None], u / torch.where(alive, v_new, torch.ones_like(v_new))[:, None],
                                        torch.zeros_like(u)))
                    v.copy_(v_new)
    seconds = time.perf_counter() - start
    with torch.no_grad():
        mse = float(torch.mean((forward() - y) ** 2))
        products = (v * w) if univariate else v[:, None] * w
        active = int((products.abs() > threshold).sum())
    return {"side": "pytorch", "config": config, "threads": threads, "epochs": epochs, "seconds": seconds,
            "seconds_per_epoch": seconds / epochs, "active": active, "mse": mse, "torch": torch.__version__}


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("config", choices=["paper1d", "paperNd", "large1d", "largeNd"])
    ap.add_argument("--epochs", type=int, default=100_000)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    print(json.dumps(train(args.config, args.epochs, args.threads)))
