"""Writes the comparison's datasets as CSV (the same arrays torch_train.py trains on), so that
sparsest-relu trains on identical data. Usage: export_data.py OUTDIR"""
import sys

import numpy as np

from torch_train import data

out = sys.argv[1]
for config in ("paper1d", "paperNd", "large1d", "largeNd"):
    x, y, _, _ = data(config)
    np.savetxt(f"{out}/{config}.csv", np.hstack([x, y[:, None]]), delimiter=",", fmt="%.17g")
