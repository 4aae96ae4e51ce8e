#!/usr/bin/env bash
# Gateway overhead: the same GET directly on an upstream and through the gateway (JWT verification,
# revocation check and rate limit in Redis, proxying), with the same load tool and settings, in one run.
#
#   bench/gateway-overhead.sh            # builds the gateway jar when missing
#   BUILD=1 DURATION=30s CONNECTIONS=64 THREADS=2 ROUNDS=3 bench/gateway-overhead.sh
#
# Needs: a JDK 21+, Redis on 127.0.0.1:6379 (dev/stack up), wrk (installed with apt-get when missing),
# python3 (to find free ports). Starts an upstream (bench/GatewayBenchUpstream.java: a Vert.x server that
# also serves the JWKS and signs one token) and the gateway jar on free ports, stops both on exit.
# Prints a table and writes it to bench/results/gateway-overhead-<time>.md. A report, not a test:
# it never fails on the figures.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/dev/lib.sh"
cd "$ROOT"

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-40s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-2}
ACCESS_LOG=${ACCESS_LOG:-true}
GATEWAY_HEAP=${GATEWAY_HEAP:-384m}
PATH_UNDER_TEST=/api/v1/documents/bench

lv_find_jdk
command -v wrk >/dev/null || apt_install wrk
command -v python3 >/dev/null || die "python3 is needed to find free ports"
port_open 6379 || die "Redis is not running on 127.0.0.1:6379 (run dev/stack up)"

JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
if [ "${BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
  say "Building the gateway jar ..."
  ./mvnw -B -q -pl gateway -am package -DskipTests
fi

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "${KEEP:-0}" = 1 ]; then say "Logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

say "Starting the upstream ..."
java -Xmx256m -XX:+UseSerialGC $LV_JAVA_RUN_OPTS -cp "$ROOT/gateway/target/quarkus-app/lib/main/*" \
  "$ROOT/bench/GatewayBenchUpstream.java" "$WORK" >"$WORK/upstream.log" 2>&1 &
PIDS+=($!)
wait_for 60 "the bench upstream" test -s "$WORK/port"
UPSTREAM_PORT=$(cat "$WORK/port")
TOKEN=$(cat "$WORK/token")

GATEWAY_PORT=$(free_port)
MANAGEMENT_PORT=$(free_port)
say "Starting the gateway on $GATEWAY_PORT (management $MANAGEMENT_PORT, upstream $UPSTREAM_PORT) ..."
# Limits raised out of the way: every request still runs the full rate-limit script in Redis.
QUARKUS_HTTP_PORT=$GATEWAY_PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT \
GATEWAY_ROUTES_DOCUMENT_UPSTREAM="http://127.0.0.1:$UPSTREAM_PORT" \
MP_JWT_VERIFY_PUBLICKEY_LOCATION="http://127.0.0.1:$UPSTREAM_PORT/.well-known/jwks.json" \
GATEWAY_RATE_LIMIT_DEFAULT_LIMIT=1000000000 \
QUARKUS_HTTP_ACCESS_LOG_ENABLED=$ACCESS_LOG \
QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  java -Xmx"$GATEWAY_HEAP" $LV_GC $LV_JAVA_RUN_OPTS -jar "$JAR" >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)
wait_for 60 "the gateway" curl -fs -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready"

DIRECT_URL="http://127.0.0.1:$UPSTREAM_PORT$PATH_UNDER_TEST"
GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"

# Smoke: the gateway really checks the token and counts the request.
status=$(curl -s -o /dev/null -w '%{http_code}' "$GATEWAY_URL")
[ "$status" = 401 ] || die "without a token the gateway answered $status, expected 401"
headers=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $TOKEN" "$GATEWAY_URL")
grep -q '^HTTP/1.1 200' <<<"$headers" || { printf '%s\n' "$headers"; tail -n 30 "$WORK/gateway.log"; die "the proxied GET failed"; }
grep -qi '^X-RateLimit-Limit:' <<<"$headers" || die "no rate-limit header: the limiter did not run"

run_wrk() { # label url [header]
  local label=$1 url=$2 out
  shift 2
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url")
  printf '%s\n' "$out" >"$WORK/wrk-$label.txt"
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5} /Socket errors:/ {print "socket: " $0}' <<<"$out")
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" "${errors:-0}"
}

say "Warming up both paths ($WARMUP each) ..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$DIRECT_URL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$GATEWAY_URL" >/dev/null

mkdir -p "$ROOT/bench/results"
REPORT="$ROOT/bench/results/gateway-overhead-$(date +%Y%m%d-%H%M%S).md"
{
  echo "# Gateway overhead ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
  echo
  echo "GET $PATH_UNDER_TEST, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $(nproc) cores shared by wrk, gateway and upstream;"
  echo "gateway: JWT (RS256, cached after first verification) + revocation + rate limit (one Redis script per request),"
  echo "heap $GATEWAY_HEAP SerialGC, access log $ACCESS_LOG. Rounds alternate direct and gateway."
  echo
  echo "| path | requests/s | p50 | p99 | non-2xx |"
  echo "|---|---|---|---|---|"
} >"$REPORT"
for round in $(seq 1 "$ROUNDS"); do
  say "Round $round/$ROUNDS ..."
  run_wrk "direct-$round" "$DIRECT_URL" >>"$REPORT"
  run_wrk "gateway-$round" "$GATEWAY_URL" -H "Authorization: Bearer $TOKEN" >>"$REPORT"
done
echo >>"$REPORT"
echo "Redis errors or fallbacks during the run: $(grep -c 'Redis unavailable' "$WORK/gateway.log" || true)" >>"$REPORT"
cat "$REPORT"
say ""
say "Report: $REPORT"
