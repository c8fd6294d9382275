#!/usr/bin/env bash
# Two Signflow nodes on one PostgreSQL: builds the jar, starts both nodes on free ports against a fresh
# database, creates auto-signed contract groups through both, kills one node with SIGKILL partway and
# checks that every accepted group still ends exactly once (sealed PDFs, signatures, callbacks, quota
# ledger). The nodes' logs are in target/server-logs/.
#
#   scripts/cluster-demo.sh                                  # the machine's PostgreSQL on 127.0.0.1:5432
#   SIGNFLOW_TEST_POSTGRES_URL=jdbc:postgresql://db:5432/postgres SIGNFLOW_TEST_POSTGRES_USER=... scripts/cluster-demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export SIGNFLOW_TEST_POSTGRES_URL=${SIGNFLOW_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}
./mvnw -B -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterIT verify \
  | grep -E "ClusterIT|accepted|groups|Tests run|BUILD"
