#!/usr/bin/env python3
"""Writes the evidence datasets and their seeded 80/20 splits as CSV (header; inputs, then the target).

Reads the copies Debian's python3-sklearn and python3-statsmodels install (nothing is downloaded):
  diabetes  scikit-learn (BSD-3-Clause): Efron, Hastie, Johnstone, Tibshirani (2004), 442 x 10 -> progression
  star98    statsmodels (used with the author's permission): Gill (2001), 303 California school districts,
            12 district variables -> share of students above the national median in maths (PR50M / MATHTOT)
  grunfeld  statsmodels (public domain): Grunfeld (1950), 220 firm-years, value, capital, year -> investment
  macrodata statsmodels (public domain): US quarterly 1959-2009, 203 quarters, 10 series -> unemployment rate
Usage: prepare.py OUT_DIR [SPLITS]
"""
import csv
import gzip
import os
import sys

import numpy as np

SKLEARN = "/usr/lib/python3/dist-packages/sklearn/datasets/data"
STATSMODELS = "/usr/lib/python3/dist-packages/statsmodels/datasets"


def diabetes():
    x = np.loadtxt(gzip.open(os.path.join(SKLEARN, "diabetes_data_raw.csv.gz"), "rt"))
    y = np.loadtxt(gzip.open(os.path.join(SKLEARN, "diabetes_target.csv.gz"), "rt"))
    names = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
    return names, x, y, "progression"


def read(name):
    with open(os.path.join(STATSMODELS, name, name + ".csv")) as f:
        rows = list(csv.DictReader(f))
    return rows


def star98():
    rows = read("star98")
    names = ["LOWINC", "PERASIAN", "PERBLACK", "PERHISP", "PERMINTE", "AVYRSEXP", "AVSALK", "PERSPENK", "PTRATIO",
             "PCTAF", "PCTCHRT", "PCTYRRND"]
    x = np.array([[float(r[n]) for n in names] for r in rows])
    y = np.array([float(r["PR50M"]) / float(r["MATHTOT"]) for r in rows])
    return names, x, y, "share_above_median"


def grunfeld():
    rows = read("grunfeld")
    names = ["value", "capital", "year"]
    x = np.array([[float(r[n]) for n in names] for r in rows])
    y = np.array([float(r["invest"]) for r in rows])
    return names, x, y, "invest"


def macrodata():
    rows = read("macrodata")
    names = ["realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi", "m1", "tbilrate", "pop", "infl"]
    x = np.array([[float(r[n]) for n in names] for r in rows])
    y = np.array([float(r["unemp"]) for r in rows])
    return names, x, y, "unemp"


DATASETS = {"diabetes": diabetes, "star98": star98, "grunfeld": grunfeld, "macrodata": macrodata}


def write(path, names, target, x, y):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(names + [target])
        for row, t in zip(x, y):
            w.writerow([repr(float(v)) for v in row] + [repr(float(t))])


def main():
    out = sys.argv[1]
    splits = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    for name, load in DATASETS.items():
        names, x, y, target = load()
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        write(os.path.join(d, "all.csv"), names, target, x, y)
        n = len(y)
        for s in range(splits):
            order = np.random.default_rng(s).permutation(n)
            test = np.sort(order[: n // 5])
            train = np.sort(order[n // 5:])
            write(os.path.join(d, "split%d_train.csv" % s), names, target, x[train], y[train])
            write(os.path.join(d, "split%d_test.csv" % s), names, target, x[test], y[test])
        print("%s: %d rows, d = %d, %d splits" % (name, n, x.shape[1], splits))


if __name__ == "__main__":
    main()
