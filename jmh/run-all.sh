#!/usr/bin/env bash
# The PERF.md runs: the whole suite on JDK 25 at the preferred width, then the headline kernels
# on JDK 17 and at 256 and 128 bits. Results: jmh/results/*.json; tables: python3 jmh/report.py.
# JDK25 and JDK17 name java executables (defaults: the ones installed on the project's machines).
set -euo pipefail
cd "$(dirname "$0")/.."
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
mvn -B -q -f jmh/pom.xml package
B=jmh/target/benchmarks.jar
HEAD="Forward1dBench|LossGrad1dBench|MultivariateBench|PeakFma"
mkdir -p jmh/results
"$JDK25" -jar $B -prof gc -rf json -rff jmh/results/jdk25-512.json
"$JDK17" -jar $B "$HEAD" -p k=1024 -p shape=1024x64x256 -wi 4 -prof gc -rf json -rff jmh/results/jdk17-512.json
"$JDK17" -jar $B StepsBench -prof gc -rf json -rff jmh/results/jdk17-512-steps.json
# TrainBench is in the full run above (jdk25-512.json); jdk25-train.json holds it alone
for flags in "-XX:UseAVX=2:256" "-XX:MaxVectorSize=16:128"; do
  "$JDK25" -jar $B "$HEAD" -p k=1024 -p shape=1024x64x256 \
    -jvmArgsAppend "--add-modules jdk.incubator.vector ${flags%:*}" -rf json -rff "jmh/results/jdk25-${flags##*:}.json"
done
