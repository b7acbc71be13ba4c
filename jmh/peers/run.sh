#!/usr/bin/env bash
# Ours against PyTorch, NumPy and C on this machine, in one run, on identical data and settings.
# Installs what it needs (today's PyTorch CPU wheel, 2.x with MKL and oneDNN, into the default
# python3: `pip install --no-deps --no-index torch`, which these machines serve offline; gcc),
# builds everything, runs each side, and prints the table of medians and ratios
# (jmh/peers/report.py). Results: jmh/peers/results/*.json. Takes about 10 minutes. Run it on a
# quiet machine.
#   JAVA   the java to run ours with (default: the newest JDK under /usr/lib/jvm, else java)
#   PY     the python with torch and numpy (default: python3 on the PATH). The history runs used
#          PY=/usr/bin/python3 with Debian's python3-torch 1.13.1 and python3-numpy 1.24.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-python3}
if ! $PY -c "import torch, numpy" 2>/dev/null; then
  $PY -m pip install -q --no-deps --no-index torch
fi
$PY -c "import torch, numpy; print('PyTorch', torch.__version__, '(MKL', torch.backends.mkl.is_available(), ', oneDNN', torch.backends.mkldnn.is_available(), '), NumPy', numpy.__version__)"
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
JAVA=${JAVA:-java}
OUT=jmh/peers/results
DATA=$OUT/data
mkdir -p "$DATA"

echo "== C reference (gcc -O3 -march=native)"
gcc -O3 -march=native -o "$OUT/forward1d" jmh/peers/forward1d.c -lm
gcc -O3 -march=native -mprefer-vector-width=512 -o "$OUT/forward1d-512" jmh/peers/forward1d.c -lm
{ echo -n '{"side": "c", "march-native": "'; "$OUT/forward1d" 4096 1024 300 | tr -d '\n'
  echo -n '", "prefer-512": "'; "$OUT/forward1d-512" 4096 1024 300 | tr -d '\n'; echo '"}'; } > "$OUT/c.json"
cat "$OUT/c.json"

echo "== NumPy forward (one BLAS thread)"
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 $PY jmh/peers/numpy_forward.py 50 > "$OUT/numpy.json"
cat "$OUT/numpy.json"

echo "== PyTorch training loop"
: > "$OUT/torch.jsonl"
for spec in "paper1d 100000 1" "paperNd 100000 1" "large1d 200 1" "large1d 200 2" "largeNd 200 1" "largeNd 200 2"; do
  set -- $spec
  (cd jmh/peers && OMP_NUM_THREADS=$3 $PY torch_train.py "$1" --epochs "$2" --threads "$3") | tee -a "$OUT/torch.jsonl"
done

echo "== ours: JMH (kernels and whole training runs) with $JAVA"
mvn -B -q -f jmh/pom.xml package
"$JAVA" -jar jmh/target/benchmarks.jar Forward1dBench -p k=1024 -p impl=vector -rf json -rff "$OUT/ours-forward.json" > "$OUT/ours.log"
"$JAVA" -jar jmh/target/benchmarks.jar TrainBench -rf json -rff "$OUT/ours-train.json" >> "$OUT/ours.log"
"$JAVA" -jar jmh/target/benchmarks.jar ThreadsNdBench -p shapeNd=1024x64x256 -rf json -rff "$OUT/ours-threads.json" >> "$OUT/ours.log"

echo "== ours: the CLI on the identical data (cold JVM, for the final sparsity and loss)"
(cd jmh/peers && $PY export_data.py "../../$DATA")
mvn -B -q -DskipTests package
: > "$OUT/ours-cli.txt"
for spec in "paper1d 100000 80 0.003" "paperNd 100000 100 0.005" "large1d 200 1024 0.003" "largeNd 200 256 0.005"; do
  set -- $spec
  echo "## $1" >> "$OUT/ours-cli.txt"
  model=""; case "$1" in *Nd) model="--model paper";; esac # PyTorch trains the paper's d-D model
  "$JAVA" --add-modules jdk.incubator.vector -cp "target/sparsest-relu.jar:target/lib/*" dev.sparsest.cli.Main \
    train "$DATA/$1.csv" --epochs "$2" --width "$3" --lambda "$4" $model 2>/dev/null >> "$OUT/ours-cli.txt"
done
cat "$OUT/ours-cli.txt"

$PY jmh/peers/report.py "$OUT"
