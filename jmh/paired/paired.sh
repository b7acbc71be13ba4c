#!/usr/bin/env bash
# The d-D kernels of two commits, alternated on one machine: paired.sh BASE [N d K rounds]
# (default 1024 64 256 15). Builds the main classes at BASE (a git worktree in a temp folder)
# and in the working tree, then runs NdKernelsPaired on each, twice, ABAB. JAVA picks the JDK.
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE=${1:?usage: paired.sh BASE_COMMIT [N d K rounds]}
SHAPE=${2:-1024}\ ${3:-64}\ ${4:-256}\ ${5:-15}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
JAVA=${JAVA:-java}
JAVAC=$(dirname "$JAVA")/javac
TMP=$(mktemp -d)
trap 'git worktree remove --force "$TMP/base" >/dev/null 2>&1 || true; rm -rf "$TMP"' EXIT
git worktree add -q --detach "$TMP/base" "$BASE"
mvn -B -q -o -f "$TMP/base/pom.xml" compile
mvn -B -q -o compile
mkdir -p "$TMP/probe"
"$JAVAC" -nowarn --add-modules jdk.incubator.vector -cp target/classes -d "$TMP/probe" jmh/paired/NdKernelsPaired.java 2>/dev/null
for round in 1 2; do
  for side in base head; do
    classes=target/classes; [ $side = base ] && classes="$TMP/base/target/classes"
    echo -n "$side ($([ $side = base ] && echo "$BASE" || echo working tree)): "
    "$JAVA" --add-modules jdk.incubator.vector -cp "$classes:$TMP/probe" NdKernelsPaired $SHAPE 2>/dev/null
  done
done
