#!/usr/bin/env bash
# Spark local[2] against the library's batch call on the same generated series:
#   spark/bench.sh [SERIES POINTS ROUNDS]   (default 10000 1000 3)
# Needs the library installed (mvn install -DskipTests at the root). Prints seconds and points/s per core.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q test-compile
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile"
cp=$(cat "$cpfile")
opens=$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' pom.xml)
java $opens -Xmx6g -Dlog4j2.configurationFile=src/test/resources/log4j2.properties \
  -cp "target/classes:target/test-classes:$cp" dev.sparsest.spark.GroupedFitsBench "${1:-10000}" "${2:-1000}" "${3:-3}"
