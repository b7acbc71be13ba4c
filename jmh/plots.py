#!/usr/bin/env python3
"""Draws PERF.md's scaling plots (PNG, next to PERF.md in docs/perf/) from the JMH results in
jmh/results: the exact solver against N, sweep against dense, d-D against d, two threads against
one, and the headline kernels across JDKs and vector widths. Medians of the JMH iterations.
Needs matplotlib (Debian: python3-matplotlib)."""
import json
import math
import statistics
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

RESULTS = Path(__file__).parent / "results"
OUT = Path(__file__).parent.parent / "docs" / "perf"


def load(name):
    path = RESULTS / name
    if not path.exists():
        return []
    rows = []
    for b in json.loads(path.read_text()):
        raw = [v for fork in b["primaryMetric"]["rawData"] for v in fork]
        scale = {"ns/op": 1e-9, "us/op": 1e-6, "ms/op": 1e-3, "s/op": 1.0}[b["primaryMetric"]["scoreUnit"]]
        rows.append((b["benchmark"].rsplit(".", 1)[-1], b["benchmark"].rsplit(".", 2)[-2], b.get("params", {}),
                     statistics.median(raw) * scale))
    return rows


def save(fig, name):
    OUT.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(OUT / name, dpi=110)
    plt.close(fig)
    print("wrote", OUT / name)


def exact():
    rows = load("scaling-exact.json")
    if not rows:
        return
    fig, ax = plt.subplots(figsize=(6, 4))
    for method, label in (("l0", "l0"), ("lpHalf", "l^0.5"), ("pStar", "p*")):
        pts = sorted((int(p["n"]), t) for m, _, p, t in rows if m == method)
        ax.loglog([n for n, _ in pts], [t for _, t in pts], "o-", label=label)
    n0, t0 = min((int(p["n"]), t) for m, _, p, t in rows if m == "l0")
    ax.loglog([n0, 1e7], [t0, t0 * 1e7 / n0], "k:", label="linear")
    ax.set_xlabel("points N")
    ax.set_ylabel("seconds per solve")
    ax.set_title("Exact solver: time against N")
    ax.legend()
    save(fig, "exact-solver-scaling.png")


def sweep():
    rows = load("scaling-sweep.json")
    if not rows:
        return
    fig, ax = plt.subplots(figsize=(6, 4))
    for n in sorted({int(p["n"]) for _, _, p, _ in rows}):
        for method, style in (("sweepLossGrad", "o-"), ("denseLossGrad", "s--")):
            pts = sorted((int(p["k"]), t) for m, _, p, t in rows if m == method and int(p["n"]) == n)
            if pts:
                ax.loglog([k for k, _ in pts], [t for _, t in pts], style,
                          label=f"{'sweep' if method.startswith('sweep') else 'dense'}, N = {n}")
    ax.set_xlabel("neurons K")
    ax.set_ylabel("seconds per loss + gradients")
    ax.set_title("1-D: sorted-knot sweep against dense")
    ax.legend(fontsize=7)
    save(fig, "sweep-vs-dense.png")


def nd():
    rows = load("scaling-nd.json")
    if not rows:
        return
    fig, ax = plt.subplots(figsize=(6, 4))
    for method in ("forward", "lossGrad"):
        pts = sorted((int(p["shape"].split("x")[1]), t) for m, _, p, t in rows if m == method)
        ax.plot([d for d, _ in pts], [t * 1e3 for _, t in pts], "o-", label=method)
    ax.set_xlabel("input dimension d (N = 1024, K = 256)")
    ax.set_ylabel("milliseconds per call")
    ax.set_title("d-D kernels against d")
    ax.legend()
    save(fig, "nd-vs-d.png")


def threads():
    rows = load("scaling-threads.json")
    if not rows:
        return
    fig, ax = plt.subplots(figsize=(6, 4))
    for bench, key, label in (("Threads1dBench", "shape1d", "1-D"), ("ThreadsNdBench", "shapeNd", "d-D")):
        shapes = sorted({p[key] for _, b, p, _ in rows if b == bench},
                        key=lambda s: math.prod(int(t) for t in s.split("x")))
        speed = []
        for s in shapes:
            one = [t for _, b, p, t in rows if b == bench and p[key] == s and p["threads"] == "1"]
            two = [t for _, b, p, t in rows if b == bench and p[key] == s and p["threads"] == "2"]
            if one and two:
                speed.append((s, one[0] / two[0]))
        ax.plot(range(len(speed)), [v for _, v in speed], "o-", label=label)
        for i, (s, v) in enumerate(speed):
            ax.annotate(s, (i, v), fontsize=6, rotation=30)
    ax.axhline(1, color="k", lw=0.5)
    ax.set_xlabel("problem size (increasing)")
    ax.set_ylabel("speed-up of 2 threads over 1")
    ax.set_title("Data-parallel epochs: where the second thread pays")
    ax.legend()
    save(fig, "threads.png")


def jdk_width():
    # 128 bits left out: the recorded run predates the scalar hand-over of the double kernels (PERF.md)
    runs = (("jdk25-512.json", "JDK 25, 512"), ("jdk25-256.json", "JDK 25, 256"), ("jdk17-512.json", "JDK 17, 512"))
    wanted = (("Forward1dBench", "forwardDouble", {"impl": "vector", "k": "1024"}, "1-D forward (double)"),
              ("Forward1dBench", "forwardFloat", {"impl": "vector", "k": "1024"}, "1-D forward (float)"),
              ("LossGrad1dBench", "lossGradDouble", {"impl": "vector", "k": "1024"}, "1-D loss+grad (double)"),
              ("MultivariateBench", "lossGrad", {"impl": "vector", "shape": "1024x64x256"}, "d-D loss+grad"))
    fig, ax = plt.subplots(figsize=(7, 4))
    width = 0.2
    for r, (name, label) in enumerate(runs):
        rows = load(name)
        values = []
        for bench, method, params, _ in wanted:
            hit = [t for m, b, p, t in rows if b == bench and m == method and all(p.get(k) == v for k, v in params.items())]
            values.append(hit[0] * 1e6 if hit else 0)
        ax.bar([i + r * width for i in range(len(wanted))], values, width, label=label)
    ax.set_xticks([i + width for i in range(len(wanted))])
    ax.set_xticklabels([w[3] for w in wanted], fontsize=7)
    ax.set_ylabel("microseconds per call (N = 4096, K = 1024)")
    ax.set_yscale("log")
    ax.set_title("Kernels across JDKs and vector widths")
    ax.legend(fontsize=7)
    save(fig, "jdk-and-width.png")


if __name__ == "__main__":
    exact()
    sweep()
    nd()
    threads()
    jdk_width()
