"""NumPy forward passes for the sizes of the comparison: dense 1-D (N = 4096, K = 1024) and d-D
(N = 1024, d = 64, K = 256), float64 and float32. One BLAS thread (set by the runner through
OPENBLAS_NUM_THREADS / OMP_NUM_THREADS). Prints one JSON line with median seconds over reps."""
import json
import sys
import time

import numpy as np


def median_time(fn, reps):
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return float(np.median(times))


def main(reps):
    rng = np.random.default_rng(7)
    out = {"side": "numpy", "numpy": np.__version__}
    for dtype in (np.float64, np.float32):
        n, k = 4096, 1024
        x = np.linspace(-2, 2, n, endpoint=False).astype(dtype)
        w, b, v = (rng.uniform(-1, 1, k).astype(dtype) for _ in range(3))
        a, c = dtype(0.3), dtype(-0.1)
        f = lambda: np.maximum(np.multiply.outer(x, w) + b, 0) @ v + a * x + c
        out["forward1d_" + np.dtype(dtype).name + "_ns_per_pair"] = median_time(f, reps) * 1e9 / (n * k)
    n, d, k = 1024, 64, 256
    xa = np.hstack([rng.uniform(-1, 1, (n, d)), np.ones((n, 1))])
    wr = rng.uniform(-1, 1, (k, d + 1)) / np.sqrt(d)
    v = rng.uniform(-1, 1, k)
    g = lambda: np.maximum(xa @ wr.T, 0) @ v
    out["forwardNd_float64_us"] = median_time(g, reps) * 1e6
    print(json.dumps(out))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
