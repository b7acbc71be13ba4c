#!/usr/bin/env python3
"""The baselines of docs/EVIDENCE.md, in PyTorch 2.x (CPU, one thread), on the splits prepare.py wrote.

Every network is the library's affine model, f(x) = v . relu(W x + b) + a . x + c, of the same
width, trained full-batch with Adam (lr 0.01, 3000 epochs) on standardized inputs and target, the
affine part starting at the least-squares plane and never pruned or decayed (so the methods differ
only in how they sparsify the neurons). Parameters are counted as the library counts them: nonzero
entries of W and b (in raw units, after the exact map back) in neurons whose output weight is
nonzero, plus nonzero affine coefficients; a product |v w| <= 1e-6 counts as zero (the library's
threshold).
  ols        least squares on the raw data
  adamw      AdamW, decoupled weight decay on W, b, v at 6 strengths
  magprune   one dense Adam run, then global magnitude pruning of W, b, v to 50%, 25%, ... 1.6%
             of the weights, each fine-tuned 1000 epochs under its mask
  imp        iterative magnitude pruning with rewinding (lottery tickets): train, prune 50% of the
             remaining weights, rewind the rest to their epoch-100 values, retrain; 6 rounds
Usage: baselines.py DATA_DIR OUT.csv WIDTH SPLITS DATASET...
"""
import csv
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
EPOCHS = 3000
FINE_TUNE = 1000
REWIND = 100
LR = 0.01
THRESHOLD = 1e-6


def load(path):
    with open(path) as f:
        rows = list(csv.reader(f))[1:]
    a = np.array(rows, dtype=float)
    return a[:, :-1], a[:, -1]


class Scale:
    def __init__(self, x, y):
        self.mx = x.mean(0)
        self.sx = x.std(0)
        self.sx[self.sx == 0] = 1
        self.my = y.mean()
        self.sy = y.std() or 1.0

    def x(self, x):
        return torch.tensor((x - self.mx) / self.sx)

    def y(self, y):
        return torch.tensor((y - self.my) / self.sy)


class Net:
    def __init__(self, d, k, seed, plane):
        g = torch.Generator().manual_seed(seed)
        bw = 1 / np.sqrt(d)
        self.W = ((torch.rand(k, d, generator=g, dtype=torch.float64) * 2 - 1) * bw).requires_grad_()
        self.b = ((torch.rand(k, generator=g, dtype=torch.float64) * 2 - 1) * bw).requires_grad_()
        self.v = ((torch.rand(k, generator=g, dtype=torch.float64) * 2 - 1) / np.sqrt(k)).requires_grad_()
        self.a = torch.tensor(plane[:-1]).clone().requires_grad_()
        self.c = torch.tensor(plane[-1:]).clone().requires_grad_()
        self.masks = [torch.ones_like(self.W), torch.ones_like(self.b), torch.ones_like(self.v)]

    def neural(self):
        return [self.W, self.b, self.v]

    def forward(self, x):
        return torch.relu(x @ self.W.T + self.b) @ self.v + x @ self.a + self.c

    def state(self):
        return [p.detach().clone() for p in self.neural() + [self.a, self.c]]

    def load(self, state):
        with torch.no_grad():
            for p, s in zip(self.neural() + [self.a, self.c], state):
                p.copy_(s)

    def apply_masks(self):
        with torch.no_grad():
            for p, m in zip(self.neural(), self.masks):
                p.mul_(m)


def train(net, x, y, epochs, decay=0.0):
    if decay > 0:
        opt = torch.optim.AdamW([{"params": net.neural(), "weight_decay": decay},
                                 {"params": [net.a, net.c], "weight_decay": 0.0}], lr=LR)
    else:
        opt = torch.optim.Adam(net.neural() + [net.a, net.c], lr=LR)
    for _ in range(epochs):
        opt.zero_grad()
        loss = torch.mean((net.forward(x) - y) ** 2)
        loss.backward()
        opt.step()
        net.apply_masks()
    return net


def prune_to(net, keep):
    """Global magnitude pruning over the surviving entries of W, b, v: keep the largest `keep` of them."""
    with torch.no_grad():
        values = torch.cat([(p * m).abs().flatten() for p, m in zip(net.neural(), net.masks)])
        alive = values[values > 0]
        if keep >= alive.numel():
            return
        cut = torch.sort(alive, descending=True).values[keep - 1] if keep > 0 else float("inf")
        net.masks = [((p.abs() >= cut) & (m > 0)).double() for p, m in zip(net.neural(), net.masks)]
        net.apply_masks()


def raw_count(net, scale):
    """Nonzero parameters of the raw-units network, counted as the library counts them."""
    W = net.W.detach().numpy()
    b = net.b.detach().numpy()
    v = net.v.detach().numpy()
    params, neurons = 0, 0
    for k in range(len(v)):
        w = W[k].copy()
        bk = b[k]
        w[np.abs(v[k] * w) <= THRESHOLD] = 0
        if abs(v[k] * bk) <= THRESHOLD:
            bk = 0.0
        if v[k] == 0 or (not w.any() and bk == 0):
            continue
        wr = w / scale.sx
        br = bk - wr @ scale.mx
        params += int(np.count_nonzero(wr)) + (1 if br != 0 else 0)
        neurons += 1
    a = net.a.detach().numpy()
    ar = a / scale.sx
    cr = net.c.detach().numpy()[0] - ar @ scale.mx
    params += int(np.count_nonzero(ar)) + (1 if cr != 0 else 0)
    return params, neurons


def pruned_copy(net):
    """The network with products at or below the threshold set to 0 (as the library prunes)."""
    with torch.no_grad():
        out = Net.__new__(Net)
        out.W, out.b, out.v, out.a, out.c = [p.detach().clone() for p in (net.W, net.b, net.v, net.a, net.c)]
        out.W[(out.v[:, None] * out.W).abs() <= THRESHOLD] = 0
        out.b[(out.v * out.b).abs() <= THRESHOLD] = 0
        out.masks = [torch.ones_like(out.W), torch.ones_like(out.b), torch.ones_like(out.v)]
    return out


def rmse(net, scale, x, y):
    with torch.no_grad():
        pred = net.forward(scale.x(x)).numpy() * scale.sy + scale.my
    return float(np.sqrt(np.mean((pred - y) ** 2)))


def main():
    data, out_path, width, splits = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    with open(out_path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["dataset", "split", "method", "setting", "parameters", "neurons", "test_rmse", "chosen", "seconds"])
        for name in sys.argv[5:]:
            for s in range(splits):
                xtr, ytr = load("%s/%s/split%d_train.csv" % (data, name, s))
                xte, yte = load("%s/%s/split%d_test.csv" % (data, name, s))
                d = xtr.shape[1]

                def row(method, setting, net, t0):
                    p = pruned_copy(net)
                    params, neurons = raw_count(p, scale)
                    out.writerow([name, s, method, setting, params, neurons, "%.9g" % rmse(p, scale, xte, yte), 0,
                                  "%.2f" % (time.time() - t0)])
                    f.flush()

                t0 = time.time()
                A = np.hstack([xtr, np.ones((len(ytr), 1))])
                coef = np.linalg.lstsq(A, ytr, rcond=None)[0]
                ols = float(np.sqrt(np.mean((np.hstack([xte, np.ones((len(yte), 1))]) @ coef - yte) ** 2)))
                out.writerow([name, s, "ols", "", int(np.count_nonzero(coef)), 0, "%.9g" % ols, 1, "%.2f" % (time.time() - t0)])
                scale = Scale(xtr, ytr)
                x, y = scale.x(xtr), scale.y(ytr)
                Az = np.hstack([x.numpy(), np.ones((len(ytr), 1))])
                plane = np.linalg.lstsq(Az, y.numpy(), rcond=None)[0]
                for decay in (1e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1.0):
                    t0 = time.time()
                    row("adamw", decay, train(Net(d, width, s, plane), x, y, EPOCHS, decay), t0)
                t0 = time.time()
                dense = train(Net(d, width, s, plane), x, y, EPOCHS)
                row("magprune", 1.0, dense, t0)
                total = width * (d + 2)
                trained = dense.state()
                for keep in (0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625):
                    t0 = time.time()
                    net = Net(d, width, s, plane)
                    net.load(trained)
                    prune_to(net, int(round(keep * total)))
                    row("magprune", keep, train(net, x, y, FINE_TUNE), t0)
                t0 = time.time()
                net = Net(d, width, s, plane)
                train(net, x, y, REWIND)
                rewind = net.state()
                train(net, x, y, EPOCHS - REWIND)
                for r in range(1, 7):
                    t0 = time.time()
                    alive = int(sum(m.sum().item() for m in net.masks))
                    prune_to(net, alive // 2)
                    masks = net.masks
                    net.load(rewind)
                    net.masks = masks
                    net.apply_masks()
                    train(net, x, y, EPOCHS - REWIND)
                    row("imp", 0.5 ** r, net, t0)
                print("%s split %d done" % (name, s), flush=True)


if __name__ == "__main__":
    main()
