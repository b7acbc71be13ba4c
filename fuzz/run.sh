#!/usr/bin/env bash
# Fuzz one target for a while (coverage-guided, Jazzer), e.g.
#   fuzz/run.sh 'CsvFuzzTest#anyBytesGiveADatasetOrInvalidData' 10m
#   fuzz/run.sh 'KernelFuzzTest#univariateKernelsMatchTheReference' 10m -XX:MaxVectorSize=16
# Findings are written as crash files into the target's Inputs folder under
# fuzz/src/test/resources, where every ordinary test run (mvn verify) replays them.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh Class#method [duration] [extra JVM flags]}
duration=${2:-10m}
shift $(( $# >= 2 ? 2 : 1 ))
mvn -q -DskipTests test-compile
JAZZER_FUZZ=1 mvn surefire:test@default-test -Dtest="$target" -Djazzer.max_duration="$duration" \
    -Dfuzz.jvmArgs="-XX:+UseParallelGC $*" -Dsurefire.failIfNoSpecifiedTests=false
