#!/usr/bin/env bash
# Device-list benchmark: is the Devices list as fast with 1,000,000 devices as with 10,000?
#
# Usage:  scripts/device-list-benchmark.sh [REQUESTS]        (default 500 per scenario and size)
#
# Builds the application and starts it twice, each on a fresh embedded PostgreSQL in a temporary
# directory: "10k" holds 10 customers x 1,000 devices, "1M" 1,000 customers x 1,000 devices
# (two sites per customer), loaded with COPY. Then it measures both through the HTTP API, one
# request at a time and one application after the other (so that whatever else runs on the
# machine weighs on both alike), after a warm-up, each request on a customer drawn at random:
#   list    the first page of a customer's list, unfiltered (newest first)
#   site    the same filtered by one of its sites
#   mac     the same searched by a partial MAC typed as on a sticker ("C0:1A")
#   label   the same sorted by label
#   pick    a pick-list's search: the first 20 free devices of a site matching part of a MAC
#   device  one device
# It prints p50/p95/p99 per scenario and size, then the 1M/10k ratios.
# Targets on a 2-core machine: p95 <= 30 ms each, p95 ratio <= 1.5. Takes about 5 minutes.
# Run as root, the applications (and their PostgreSQL) and the client run at a raised priority
# (nice -10), so that builds running beside them on a shared machine weigh less on the tails;
# BENCH_NICE=0 measures at normal priority.
# Users and assignments are not loaded: the users table arrives with the users module.
set -euo pipefail

REQUESTS="${1:-500}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d -t switchboard-bench-XXXXXX)"
EMAIL="bench@switchboard.test"
PASSWORD="bench-password-2026"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

echo "== building"
(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
JAR="$(ls "$ROOT"/target/switchboard-*.jar | grep -v original | head -1)"
unzip -q -o -j "$JAR" 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/lib"
DRIVER="$(ls "$WORK"/lib/postgresql-*.jar)"
PRIO=()
if [[ "$(id -u)" == 0 && "${BENCH_NICE:-1}" != 0 ]]; then
  PRIO=(nice -n -10)
fi
BENCH=("${PRIO[@]}" java -cp "$DRIVER" "$ROOT/scripts/DeviceListBenchmark.java")
MEASURE_ARGS=()

start() { # name customers devices-per-customer
  local name="$1" customers="$2" per="$3" http_port pg_port pid
  http_port="$(free_port)"; pg_port="$(free_port)"
  echo "== $name: $customers customers x $per devices"
  SWITCHBOARD_DATA_DIR="$WORK/$name/postgres" SWITCHBOARD_ADMIN_EMAIL="$EMAIL" SWITCHBOARD_ADMIN_PASSWORD="$PASSWORD" \
    SERVER_PORT="$http_port" "${PRIO[@]}" java -Xmx1g -jar "$JAR" --switchboard.embedded-postgres.port="$pg_port" \
    --logging.level.root=WARN >"$WORK/$name.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 120); do
    curl -fs "http://localhost:$http_port/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/$name.log"; exit 1; }
    sleep 1
  done
  # The embedded server asks for its superuser's password, kept owner read-only in its data directory.
  local jdbc="jdbc:postgresql://localhost:$pg_port/postgres?user=postgres&passwordFile=$WORK/$name/postgres/switchboard-superuser.password"
  "${BENCH[@]}" load "$jdbc" "$customers" "$per"
  MEASURE_ARGS+=("$name" "$jdbc" "http://localhost:$http_port" "$EMAIL" "$PASSWORD")
}

start 10k 10 1000
start 1M 1000 1000
echo "== measuring (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
"${BENCH[@]}" measure "$REQUESTS" "${MEASURE_ARGS[@]}"
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
