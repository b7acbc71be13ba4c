#!/usr/bin/env bash
# The exact l0 search's tables in PERF.md ("The exact l0 search"): the Lee-Linderoth grid (N 3..6,
# d 1..6, 5 seeds, proofs) and N = 10, 15, 20 in d = 2, 3 (3 seeds, bounds after 60 s).
# Writes docs/evidence/l0-grid.csv and docs/evidence/l0-large.csv. About 20 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/sparsest-relu.jar ] || mvn -B -q -DskipTests package
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
javac --release 17 -cp target/sparsest-relu.jar -d "$work" evidence/L0Table.java
run() { java --add-modules jdk.incubator.vector -cp "target/sparsest-relu.jar:target/lib/*:$work" L0Table "$@" 2>/dev/null; }
run 3,4,5,6 1,2,3,4,5,6 5 60 > docs/evidence/l0-grid.csv
run 10,15,20 2,3 3 60 > docs/evidence/l0-large.csv
echo "wrote docs/evidence/l0-grid.csv and docs/evidence/l0-large.csv"
