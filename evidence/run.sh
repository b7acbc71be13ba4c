#!/usr/bin/env bash
# Regenerates docs/EVIDENCE.md, docs/evidence/*.png and the raw rows docs/evidence/*.csv (about 35 minutes
# on 2 cores). evidence/findings.md, the prose, is written by hand from the new tables.
# Needs: a JDK 17+ and Maven; Debian's python3-sklearn, python3-statsmodels and python3-matplotlib
# (for /usr/bin/python3); PyTorch 2.x for the default python3 (`pip install --no-deps --no-index torch`).
set -euo pipefail
cd "$(dirname "$0")/.."
WIDTH=${WIDTH:-32}
SPLITS=${SPLITS:-5}
DATASETS=${DATASETS:-"diabetes star98 grunfeld macrodata"}
work=target/evidence
mkdir -p "$work/classes"
[ -f target/sparsest-relu.jar ] || mvn -B -q -DskipTests package
/usr/bin/python3 evidence/prepare.py "$work/data" "$SPLITS"
javac --release 17 -cp target/sparsest-relu.jar -d "$work/classes" evidence/Evidence.java
python3 evidence/baselines.py "$work/data" "$work/baselines.csv" "$WIDTH" "$SPLITS" $DATASETS > "$work/baselines.log" 2>&1 &
baselines=$!
java --add-modules jdk.incubator.vector -cp "target/sparsest-relu.jar:$work/classes" Evidence "$work/data" "$work/ours.csv" \
  "$WIDTH" "$SPLITS" $DATASETS 2>/dev/null
wait "$baselines" || { cat "$work/baselines.log"; exit 1; }
mkdir -p docs/evidence
cp "$work/ours.csv" "$work/baselines.csv" docs/evidence/   # the raw rows behind every table and plot
TORCH_VERSION=$(python3 -c 'import torch; print(torch.__version__)') \
  /usr/bin/python3 evidence/report.py docs/evidence/ours.csv docs/evidence/baselines.csv evidence/findings.md docs
echo "docs/EVIDENCE.md written"
