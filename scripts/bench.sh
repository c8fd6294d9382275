#!/usr/bin/env bash
# Runs the load generator (src/test/java/io/signflow/bench). Without --url it builds the jar and starts
# it on PostgreSQL (SIGNFLOW_BENCH_POSTGRES_URL, or an embedded one) in a fresh database.
#
#   scripts/bench.sh create  --concurrency=4 --rounds=2   (beside the bare-engine baseline, BaselineEngine,
#                                                          which --server-args=... reach too)
#   scripts/bench.sh create  --rate=100 --duration=30s --warmup=10s --organizations=20 --baseline=false
#   scripts/bench.sh create  --concurrency=16
#   scripts/bench.sh scaling --concurrency=4
#   scripts/bench.sh e2e     --rate=50 --duration=30s
#   scripts/bench.sh e2e     --rate=20 --open-groups=20000   (after 20,000 groups left waiting for a signature)
#   scripts/bench.sh signing --groups=200 --concurrency=4 --seconds=60   (after --warmup-groups=50 signed unmeasured)
#   scripts/bench.sh soak    --rate=32 --minutes=10 --warmup-minutes=5 --server-heap=512m
#   scripts/bench.sh keyword --concurrency=4 --rounds=2   (coordinates against keyword placement on a 10-page PDF)
#   scripts/bench.sh overload --duration=20s --warmup=20s --measure=15s   (2x the measured maximum, open loop)
#   scripts/bench.sh create  --url=http://host:8080 --admin-password=...   (a server already running)
#
# Each measured phase warms up for --warmup, then on in 10 s steps until the server's JIT has settled
# (--warmup-max=5m at most; --warmup-jit=false for the fixed warm-up alone). Then the database's
# planner statistics are refreshed, as autovacuum would have (--analyze=false: not).
#
# SIGNFLOW_SERVER_JVM_OPTIONS gives the server started here JVM options, e.g. a CPU profile:
#   SIGNFLOW_SERVER_JVM_OPTIONS=-XX:StartFlightRecording=filename=/tmp/server.jfr,settings=profile scripts/bench.sh e2e
# The CPU time of sealing one contract, stage by stage, without a server (after a run wrote the class path):
#   java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.signflow.sealing.SealingBench 300
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:?usage: scripts/bench.sh <create|scaling|e2e|signing|soak|overload|keyword> [--option=value ...]}
shift
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.signflow.bench.LoadGenerator \
  --scenario="$scenario" "$@"
