#!/bin/sh
# `java -jar target/ferry.jar validate`, faster from the second run after a build: the first run unpacks the
# jar into DIR and writes DIR/validate.jsa, a Class Data Sharing archive of the classes the check loads (most
# of its time is loading classes, out of jars in a jar); the next runs map them from the archive.
#
# Usage: deploy/validate.sh [validate's arguments]     (FERRY_JAR: target/ferry.jar; FERRY_VALIDATE_CDS: DIR,
#                                                       target/ferry-validate-cds)
# A new build (a jar newer than DIR's) starts a new archive. The exit code is validate's.
set -eu

jar=${FERRY_JAR:-target/ferry.jar}
dir=${FERRY_VALIDATE_CDS:-target/ferry-validate-cds}
java=${JAVA:-java}

[ -f "$jar" ] || { echo "validate: no $jar (build it first: ./mvnw -DskipTests package)" >&2; exit 2; }
if [ ! -f "$dir/ferry.jar" ] || [ "$jar" -nt "$dir/ferry.jar" ]; then
    rm -rf "$dir"
    # the JVM archives only classes loaded from plain jars on the class path, never from jars in a jar
    "$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null
    touch -r "$jar" "$dir/ferry.jar"
fi
# a short run: the C1 compiler alone costs less CPU than both compilers for a check of a few seconds
if [ -f "$dir/validate.jsa" ]; then
    exec "$java" -XX:SharedArchiveFile="$dir/validate.jsa" -XX:TieredStopAtLevel=1 -jar "$dir/ferry.jar" validate "$@"
fi
exec "$java" -XX:ArchiveClassesAtExit="$dir/validate.jsa" -XX:TieredStopAtLevel=1 -jar "$dir/ferry.jar" validate "$@"
