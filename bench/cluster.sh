#!/usr/bin/env bash
# Orders/s of a Ferry cluster on this machine, with one node and with two: PostgreSQL (127.0.0.1:5432), an
# Artemis broker, the sandbox and the nodes each in their own process (it-tests/java/dev/ferry/Cluster.java).
# Writes bench/results/cluster.md.   Usage: bench/cluster.sh [orders per run, default 2000] [consumers per node, default 4]
set -euo pipefail
cd "$(dirname "$0")/.."
orders="${1:-2000}"
consumers="${2:-4}"
./mvnw -q -DskipTests package
rm -f target/cluster-throughput.md
for nodes in 1 2; do
  ./mvnw -o -q verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterThroughput \
    -Dferry.cluster.nodes="$nodes" -Dferry.cluster.orders="$orders" -Dferry.cluster.consumers="$consumers"
done
{
  echo "# Cluster throughput"
  echo
  echo "\`bench/cluster.sh $orders $consumers\` on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD),"
  echo "load average when it finished: $(cut -d' ' -f1-3 /proc/loadavg). From the first post to the last order COMPLETED,"
  echo "after 100 warm-up orders; 16 posting threads round-robin over the nodes; PostgreSQL, broker and sandbox"
  echo "on the same machine."
  echo
  echo "| nodes | consumers per node | orders | posting | all completed | orders/s |"
  echo "|---:|---:|---:|---:|---:|---:|"
  cat target/cluster-throughput.md
} > bench/results/cluster.md
cat bench/results/cluster.md
