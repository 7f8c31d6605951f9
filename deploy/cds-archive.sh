#!/bin/sh
# Unpacks ferry.jar into DIR (DIR/ferry.jar and DIR/lib/) and writes DIR/ferry.jsa, a Class Data
# Sharing archive of the classes a start loads. Started as
#   java -XX:SharedArchiveFile=DIR/ferry.jsa -Xmx512m -jar DIR/ferry.jar
# Ferry reaches readiness on about half the CPU time of `java -jar target/ferry.jar`
# (docs/operations.md#memory-and-start-up).
#
# Usage: deploy/cds-archive.sh [JAR] [DIR]     (defaults: target/ferry.jar target/ferry-cds)
#
# The archive fits only the JVM that wrote it and exactly these jars: run this again after every
# build and on the runtime the nodes use (in the image build, not on a developer's machine). A JVM
# that finds a stale archive says so in a warning and starts without it, only slower.
set -eu

jar=${1:-target/ferry.jar}
dir=${2:-target/ferry-cds}
java=${JAVA:-java}

[ -f "$jar" ] || { echo "cds-archive: no $jar (build it first: ./mvnw -DskipTests package)" >&2; exit 1; }
rm -rf "$dir"
# Spring Boot's own layout for CDS: the application jar plus its libraries side by side, because the
# JVM archives only classes it loaded from plain jars on the class path, never from jars in a jar
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir"

# The training run: Ferry starts in the embedded profile (in-process broker and H2; the production jar has
# no simulated systems, and the training calls nothing), builds its whole context and exits at the end of
# the refresh (Spring's spring.context.exit); the JVM then writes every class it loaded into the archive.
data=$(mktemp -d "${TMPDIR:-/tmp}/ferry-cds-training.XXXXXX")
trap 'rm -rf "$data"' EXIT
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 FERRY_PROFILE=embedded "$java" -Xmx512m \
    -XX:ArchiveClassesAtExit="$dir/ferry.jsa" -Dspring.context.exit=onRefresh \
    -jar "$dir/ferry.jar" --ferry.data-dir="$data" --server.port=0 \
    --logging.level.root=WARN > "$dir/training.log" 2>&1 || {
    echo "cds-archive: the training run failed, see $dir/training.log" >&2
    exit 1
}
[ -s "$dir/ferry.jsa" ] || { echo "cds-archive: no archive written, see $dir/training.log" >&2; exit 1; }
echo "java -XX:SharedArchiveFile=$dir/ferry.jsa -Xmx512m -jar $dir/ferry.jar"
