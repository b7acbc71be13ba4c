#!/usr/bin/env python3
"""Turns JMH JSON results into the markdown tables of PERF.md.

Usage: python3 jmh/report.py jmh/results/jdk25-512.json [more.json ...]

For every benchmark it prints the median of the measured iterations (not the mean), the
allocation per operation when the run used -prof gc, and derived rates:
  * 1-D dense kernels: ns per (point, neuron) pair, pairs/ns;
  * d-D kernels: GFMA/s (useful fused multiply-adds: n d k forward, 2 n d k with the backward)
    and the fraction of the measured peak (PeakFmaBench, double lanes) of the same file.
"""
import json
import statistics
import sys


def median(bench):
    raw = [v for fork in bench["primaryMetric"]["rawData"] for v in fork]
    return statistics.median(raw)


def to_ns(value, unit):
    return value * {"ns/op": 1, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}[unit]


def alloc(bench):
    sec = bench.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    return None if sec is None else sec["score"]


def lanes_double(jvm_args):
    """Double lanes of the preferred species on this (AVX-512) machine under the run's flags."""
    args = " ".join(jvm_args)
    if "MaxVectorSize=16" in args:
        return 2
    if "UseAVX=2" in args or "MaxVectorSize=32" in args:
        return 4
    return 8


def report(path):
    data = json.load(open(path))
    if not data:
        return
    vm = data[0]
    print(f"### {path}\n")
    print(f"JDK {vm['jdkVersion']} ({vm['vmName']} {vm['vmVersion']}), JVM args: {' '.join(vm['jvmArgs'])}\n")
    lanes = lanes_double(vm["jvmArgs"])
    peak = {}
    for b in data:
        name = b["benchmark"].rsplit(".", 2)
        if name[-2] == "PeakFmaBench":
            ns = to_ns(median(b), b["primaryMetric"]["scoreUnit"])
            peak[name[-1]] = 12 * 1000 / ns  # vector FMAs per ns
    if peak:
        print("| peak | vector FMA/ns | lane FMA/ns (GFMA/s) |")
        print("| --- | --- | --- |")
        for k, v in sorted(peak.items()):
            ln = lanes if k.endswith("Double") else 2 * lanes
            print(f"| {k} | {v:.2f} | {v * ln:.1f} |")
        print()
    print("| benchmark | params | median | unit | derived | B/op |")
    print("| --- | --- | --- | --- | --- | --- |")
    for b in data:
        cls, method = b["benchmark"].rsplit(".", 2)[-2:]
        if cls == "PeakFmaBench":
            continue
        p = b.get("params", {})
        unit = b["primaryMetric"]["scoreUnit"]
        m = median(b)
        ns = to_ns(m, unit)
        derived = ""
        if cls in ("Forward1dBench", "LossGrad1dBench") or (cls == "SweepBench"):
            pairs = int(p["n"]) * int(p["k"])
            derived = f"{ns / pairs:.4f} ns/pair"
        elif cls == "MultivariateBench":
            n, d, k = (int(v) for v in p["shape"].split("x"))
            fmas = n * d * k * (2 if method == "lossGrad" else 1)
            gfma = fmas / ns
            derived = f"{gfma:.1f} GFMA/s"
            if "peakFmaDouble" in peak and p.get("impl") == "vector":
                derived += f" ({gfma / (peak['peakFmaDouble'] * lanes):.0%} of peak)"
        a = alloc(b)
        params = ", ".join(f"{k}={v}" for k, v in p.items())
        print(f"| {cls}.{method} | {params} | {m:.3f} | {unit} | {derived} | {'' if a is None else f'{a:.1f}'} |")
    print()


if __name__ == "__main__":
    for f in sys.argv[1:]:
        report(f)
