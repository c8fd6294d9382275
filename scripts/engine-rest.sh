#!/usr/bin/env bash
# Everyday engine REST API calls for operators (docs/operating.md explains each).
#
#   scripts/engine-rest.sh incidents                          open incidents
#   scripts/engine-rest.sh retry <jobId>                      give a failed job one more try
#   scripts/engine-rest.sh tasks                              open user tasks (e.g. a modelled review)
#   scripts/engine-rest.sh complete <taskId>                  complete a user task
#   scripts/engine-rest.sh instances <processKey>             running instances with their business keys
#   scripts/engine-rest.sh correlate <message> <businessKey>  send a message to an instance (repair only)
#
# Settings: SIGNFLOW_URL (http://localhost:8080), SIGNFLOW_ADMIN_USER (admin), SIGNFLOW_ADMIN_PASSWORD.
set -euo pipefail
url=${SIGNFLOW_URL:-http://localhost:8080}/engine-rest
auth="${SIGNFLOW_ADMIN_USER:-admin}:${SIGNFLOW_ADMIN_PASSWORD:?set SIGNFLOW_ADMIN_PASSWORD}"
call() { curl -sS --fail-with-body -u "$auth" -H 'Content-Type: application/json' "$@"; echo; }

case "${1:-}" in
  incidents) call "$url/incident?sortBy=incidentTimestamp&sortOrder=desc" ;;
  retry)     call -X PUT "$url/job/${2:?jobId}/retries" -d '{"retries": 1}' ;;
  tasks)     call "$url/task?sortBy=created&sortOrder=asc" ;;
  complete)  call -X POST "$url/task/${2:?taskId}/complete" -d '{}' ;;
  instances) call "$url/process-instance?processDefinitionKey=${2:?processKey}" ;;
  correlate) call -X POST "$url/message" \
               -d "{\"messageName\": \"${2:?message}\", \"businessKey\": \"${3:?businessKey}\", \"resultEnabled\": true}" ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
