#!/usr/bin/env bash
# Smoke test of the README's start command as built: start on a free data folder, check the pages a
# newcomer opens, sign in as the demo user, talk to the concierge, stop with SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
port=${SMOKE_PORT:-3987}
log="$data/start.log"
CONCIERGE_DATA_DIR="$data" CONCIERGE_PORT=$port CONCIERGE_LOG_FORMAT=json node bin/concierge.js start --seed-if-empty >"$log" 2>&1 &
pid=$!
trap 'kill -9 $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do curl -sf "localhost:$port/readyz" >/dev/null && break; sleep 0.2; done
check() { code=$(curl -s -o /dev/null -w '%{http_code}' -H 'accept: text/html' "localhost:$port$1"); echo "$1 -> $code"; [ "$code" = "$2" ]; }
check /readyz 200
check / 200
check /chat 200
check /app-config.json 200
check /docs/ 200
check /openapi.json 200
check /oidc/.well-known/openid-configuration 200
check "/v1/restaurants?cuisine=italian&area=chelsea&limit=3" 200
token=$(curl -sf -X POST "localhost:$port/v1/auth/signin" -H 'content-type: application/json' \
  -d '{"email":"demo@concierge.local","password":"Concierge-demo-1"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).idToken')
reply=$(curl -sf -X POST "localhost:$port/v1/nlu" -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"messages":[{"type":"unstructured","unstructured":{"id":"1","text":"hi there","timestamp":"2026-11-27T12:00:00Z"}}]}')
echo "chat: ${reply:0:160}"
echo "$reply" | grep -q conversationId
# A checkout: accepted at once, then paid and confirmed by the background thread (CONCIERGE_BACKGROUND).
access=$(curl -sf -X POST "localhost:$port/v1/auth/signin" -H 'content-type: application/json' \
  -d '{"email":"demo@concierge.local","password":"Concierge-demo-1"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')
product=$(curl -sf "localhost:$port/v1/products?inStock=true&limit=1" | node -pe 'JSON.parse(require("fs").readFileSync(0)).items[0].id')
day=$(node -pe 'new Date(Date.now() + 2 * 86400000).toISOString().slice(0, 10)')
order=$(curl -sf -X POST "localhost:$port/v1/checkout" -H "authorization: Bearer $access" -H 'content-type: application/json' \
  -d "{\"productId\":\"$product\",\"deliveryAddress\":\"350 5th Ave, New York, NY 10118\",\"deliveryDate\":\"$day\"}" |
  node -pe 'JSON.parse(require("fs").readFileSync(0)).orderId')
status=pending
for _ in $(seq 1 150); do
  status=$(curl -sf "localhost:$port/v1/orders/$order" -H "authorization: Bearer $access" | node -pe 'JSON.parse(require("fs").readFileSync(0)).status')
  [ "$status" = pending ] || break
  sleep 0.2
done
echo "checkout: order $order $status"
[ "$status" = confirmed ]
for _ in $(seq 1 150); do grep -qs "$order" "$data"/outbox/* && break; sleep 0.2; done
grep -qs "$order" "$data"/outbox/*
echo "checkout: confirmation e-mailed"
kill -TERM $pid
wait $pid
grep -q 'Concierge is ready' "$log"
echo "smoke test passed"
