#!/usr/bin/env bash
# The README's real-data examples, re-run: prints each command's report and writes the plots
# to docs/examples/. ReadmeExamplesTest checks the numbers the README quotes.
set -euo pipefail
cd "$(dirname "$0")/.."
s=bin/sparsest
d=examples/data
out=docs/examples
mkdir -p "$out"
run() { echo "\$ sparsest $*"; "$s" "$@" || true; echo; }
run fit $d/diabetes-bmi.csv
run fit $d/diabetes-bmi.csv --select cv --plot $out/diabetes-bmi-cv.png
run fit $d/nile.csv --select bic --plot $out/nile-bic.png
run fit $d/sunspots.csv --select cv --plot $out/sunspots-cv.png
run fit $d/sunspots.csv --tube 25 --plot $out/sunspots-tube.png
run fit $d/co2-monthly.csv --tube 4 --shape increasing --plot $out/co2-increasing.png
run fit $d/engel.csv --tube 300 --shape increasing
run fit $d/engel.csv --tube 353.3 --shape increasing --plot $out/engel-increasing.png
