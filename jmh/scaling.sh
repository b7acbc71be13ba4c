#!/usr/bin/env bash
# The scaling runs behind PERF.md's plots (about 12 minutes): the exact solver from 10^3 to 10^7
# points, dense against sweep over N and K, d-D against d, one thread against two. JDK 17 vs 25
# and the vector widths come from jmh/run-all.sh. Then python3 jmh/plots.py draws the PNGs.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
JAVA=${JAVA:-java}
mvn -B -q -f jmh/pom.xml package
B=jmh/target/benchmarks.jar
R=jmh/results
mkdir -p $R
"$JAVA" -jar $B ExactSolverBench -wi 2 -w 1 -i 3 -r 2 -rf json -rff $R/scaling-exact.json
"$JAVA" -jar $B SweepBench -wi 2 -i 3 -rf json -rff $R/scaling-sweep.json
"$JAVA" -jar $B 'MultivariateBench.(forward|lossGrad)' -p impl=vector -p shape=1024x8x256,1024x16x256,1024x32x256,1024x64x256,1024x128x256 \
  -wi 2 -i 3 -rf json -rff $R/scaling-nd.json
"$JAVA" -jar $B 'Threads1dBench|ThreadsNdBench' -wi 2 -i 3 -rf json -rff $R/scaling-threads.json
if ! /usr/bin/python3 -c "import matplotlib" 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-matplotlib >/dev/null
fi
/usr/bin/python3 jmh/plots.py
