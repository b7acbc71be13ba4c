#!/usr/bin/env python3
"""The table of the peer comparison from one run's results (jmh/peers/run.sh writes them).

Usage: python3 jmh/peers/report.py jmh/peers/results

Medians throughout: JMH iterations for ours, repetitions for C and NumPy; a PyTorch training run
is timed once (100 000 epochs or 200 epochs is long enough to average itself). Ratios are
peer time / our time, so above 1 means we are faster.
"""
import json
import re
import statistics
import sys
from pathlib import Path


def jmh_medians(path):
    out = {}
    for b in json.loads(Path(path).read_text()):
        raw = [v for fork in b["primaryMetric"]["rawData"] for v in fork]
        unit = b["primaryMetric"]["scoreUnit"]
        scale = {"ns/op": 1e-9, "us/op": 1e-6, "ms/op": 1e-3, "s/op": 1.0}[unit]
        key = b["benchmark"].rsplit(".", 2)[-2] + "." + b["benchmark"].rsplit(".", 1)[-1]
        params = b.get("params", {})
        if params:
            key += "[" + ",".join(f"{k}={v}" for k, v in sorted(params.items())) + "]"
        out[key] = statistics.median(raw) * scale
    return out


def find(medians, prefix, **params):
    for key, value in medians.items():
        if key.startswith(prefix) and all(f"{k}={v}" in key for k, v in params.items()):
            return value
    raise KeyError(prefix + str(params))


def cli_results(path):
    """config -> (active count, MSE trained, seconds) from the CLI's summaries."""
    out = {}
    config = None
    for line in Path(path).read_text().splitlines():
        if line.startswith("## "):
            config = line[3:].strip()
            continue
        m = re.search(r"raw active (\d+)", line) or re.search(r"(\d+) nonzero parameters", line)
        if m:
            out.setdefault(config, {})["active"] = int(m.group(1))
        m = re.search(r"MSE trained ([0-9.eE+-]+)", line)
        if m:
            out.setdefault(config, {})["mse"] = float(m.group(1))
        m = re.search(r"trained in ([0-9.]+) s", line)
        if m:
            out.setdefault(config, {})["seconds"] = float(m.group(1))
    return out


def main(results):
    r = Path(results)
    ours = jmh_medians(r / "ours-forward.json")
    ours.update(jmh_medians(r / "ours-train.json"))
    threads = jmh_medians(r / "ours-threads.json")
    torch = {(j["config"], j["threads"]): j for j in map(json.loads, (r / "torch.jsonl").read_text().splitlines())}
    numpy = json.loads((r / "numpy.json").read_text())
    c = json.loads((r / "c.json").read_text())
    cli = cli_results(r / "ours-cli.txt")
    c_native = dict(zip(*[iter(c["march-native"].split())] * 2))
    c_512 = dict(zip(*[iter(c["prefer-512"].split())] * 2))

    rows = []

    def row(what, ours_s, peer_s, peer, target=""):
        rows.append((what, ours_s, peer_s, peer, peer_s / ours_s, target))

    row("paper 1-D, 100k epochs, whole run", find(ours, "TrainBench.paper1dP04"), torch[("paper1d", 1)]["seconds"],
        "PyTorch, 1 thread", ">= 100x")
    row("paper d-D, 100k epochs, whole run", find(ours, "TrainBench.paperNdP04"), torch[("paperNd", 1)]["seconds"],
        "PyTorch, 1 thread", ">= 100x")
    for t in (1, 2):
        row(f"1-D 4096x1024 training epoch ({t} thread{'s' if t > 1 else ''} each; ours: whole run / 200)",
            find(ours, "TrainBench.large1d") / 200, torch[("large1d", t)]["seconds_per_epoch"], "PyTorch",
            ">= 50x" if t == 1 else "")
    for t in (1, 2):
        row(f"d-D 1024x64x256 training epoch (ours: whole run / 200, automatic threads; PyTorch {t})",
            find(ours, "TrainBench.largeNd") / 200, torch[("largeNd", t)]["seconds_per_epoch"], "PyTorch", "")
    pairs = 4096 * 1024
    fd = find(ours, "Forward1dBench.forwardDouble", k=1024, impl="vector")
    ff = find(ours, "Forward1dBench.forwardFloat", k=1024, impl="vector")
    row("dense 1-D forward, double, 4096x1024", fd, float(c_native["double"]) * 1e-9 * pairs, "C gcc -O3 -march=native",
        "ours within 1.2x of C")
    row("dense 1-D forward, double, 4096x1024", fd, float(c_512["double"]) * 1e-9 * pairs, "C, -mprefer-vector-width=512", "")
    row("dense 1-D forward, float, 4096x1024", ff, float(c_native["float"]) * 1e-9 * pairs, "C gcc -O3 -march=native", "")
    row("dense 1-D forward, float, 4096x1024", ff, float(c_512["float"]) * 1e-9 * pairs, "C, -mprefer-vector-width=512", "")
    row("dense 1-D forward, double, 4096x1024", fd, numpy["forward1d_float64_ns_per_pair"] * 1e-9 * pairs, "NumPy", "")
    row("dense 1-D forward, float, 4096x1024", ff, numpy["forward1d_float32_ns_per_pair"] * 1e-9 * pairs, "NumPy", "")
    nd = find(threads, "ThreadsNdBench.epochNd", threads=1)
    versions = sorted({j.get("torch", "?") for j in torch.values()})
    print(f"Peers: PyTorch {', '.join(versions)}, NumPy {numpy.get('numpy', '?')}, C as built by run.sh")
    print()
    print("| comparison | ours | peer | peer time | peer / ours | target |")
    print("| --- | --- | --- | --- | --- | --- |")
    for what, o, p, peer, ratio, target in rows:
        print(f"| {what} | {fmt(o)} | {peer} | {fmt(p)} | {ratio:.1f}x | {target} |")
    print()
    print(f"d-D loss + gradients alone, 1024x64x256, one thread: ours {fmt(nd)}; NumPy forward alone "
          f"{numpy['forwardNd_float64_us']:.0f} us")
    print()
    print("| final state | ours: active / nonzero | ours: MSE trained | PyTorch: active / nonzero | PyTorch: MSE |")
    print("| --- | --- | --- | --- | --- |")
    for config in ("paper1d", "paperNd", "large1d", "largeNd"):
        o = cli.get(config, {})
        t = torch[(config, 1)]
        print(f"| {config} | {o.get('active', '?')} | {o.get('mse', float('nan')):.3g} | {t['active']} | {t['mse']:.3g} |")
    print()
    print("ours on the CLI, cold JVM, identical data (seconds): "
          + ", ".join(f"{k} {v.get('seconds', float('nan')):.2f}" for k, v in cli.items()))


def fmt(seconds):
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} us"


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "jmh/peers/results")
