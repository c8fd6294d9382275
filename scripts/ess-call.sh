#!/usr/bin/env bash
# Calls the Signflow (Tencent ESS-compatible) API with a TC3-HMAC-SHA256 signature, using only curl
# and openssl.
#
#   scripts/ess-call.sh <Action> <body.json | -> [host:port]
#
# The key comes from SIGNFLOW_DEMO_SECRET_ID / SIGNFLOW_DEMO_SECRET_KEY (the demo key by default).
set -euo pipefail
action=${1:?usage: $0 <Action> <body.json|-> [host:port]}
body_file=${2:?usage: $0 <Action> <body.json|-> [host:port]}
host=${3:-127.0.0.1:8080}
secret_id=${SIGNFLOW_DEMO_SECRET_ID:-AKIDSignflowDemo00000000000000000000}
secret_key=${SIGNFLOW_DEMO_SECRET_KEY:-SignflowDemoSecretKey00000000000}

body=$(if [ "$body_file" = - ]; then cat; else cat "$body_file"; fi)
timestamp=$(date +%s)
date=$(date -u -d "@$timestamp" +%Y-%m-%d)
service=${host%%.*}          # as the SDK does: the endpoint's first label
content_type="application/json; charset=utf-8"

sha256() { printf '%s' "$1" | openssl dgst -sha256 -hex | sed 's/^.* //'; }
hmac_hex() { printf '%s' "$2" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$1" -hex | sed 's/^.* //'; }

canonical=$(printf 'POST\n/\n\ncontent-type:%s\nhost:%s\n\ncontent-type;host\n%s' "$content_type" "$host" "$(sha256 "$body")")
string_to_sign=$(printf 'TC3-HMAC-SHA256\n%s\n%s/%s/tc3_request\n%s' "$timestamp" "$date" "$service" "$(sha256 "$canonical")")
k_date=$(printf '%s' "$date" | openssl dgst -sha256 -mac HMAC -macopt "key:TC3$secret_key" -hex | sed 's/^.* //')
k_service=$(hmac_hex "$k_date" "$service")
k_signing=$(hmac_hex "$k_service" tc3_request)
signature=$(hmac_hex "$k_signing" "$string_to_sign")

curl -sS "http://$host/" \
  -H "Authorization: TC3-HMAC-SHA256 Credential=$secret_id/$date/$service/tc3_request, SignedHeaders=content-type;host, Signature=$signature" \
  -H "Content-Type: $content_type" -H "Host: $host" \
  -H "X-TC-Action: $action" -H "X-TC-Version: 2020-11-11" -H "X-TC-Timestamp: $timestamp" -H "X-TC-Region: " \
  --data-binary "$body"
echo
