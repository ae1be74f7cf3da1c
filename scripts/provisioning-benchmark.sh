#!/usr/bin/env bash
# Provisioning boot-storm benchmark.
#
# Usage:  scripts/provisioning-benchmark.sh [SECONDS]          (default 20 s per wrk run)
#         BENCH_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/storm.jfr' scripts/provisioning-benchmark.sh
#         (extra JVM options for the portal, e.g. a JFR recording to read with `jfr print`)
#
# Starts the portal on a fresh embedded PostgreSQL in a temporary directory, loads 1,000,000
# devices (1,000 customers x 1,000, with COPY, as scripts/device-list-benchmark.sh does), then gives
# 10,000 of them (10 customers) a user and a SIP line. Then, on loopback:
#   1. boot storm: wrk (200 connections) walks the 10,000 phones' Yealink files through the portal;
#   2. nginx serves the same 10,000 files, pre-rendered on disk, to the same wrk script;
#   3. miss storm: random keys and MACs for SECONDS (over 100,000 requests; only 404/429 allowed), while
#      the Devices list API is timed one request at a time, compared with the same timing at idle.
# About 6 minutes in all (build, 1,000,000 devices loaded, three 20 s runs).
# Targets (2-core machine): portal throughput >= 50% of nginx's, p99 <= 100 ms, no error; the miss
# storm answers only 404/429 and the list's p95 stays within 2x of idle.
set -euo pipefail

DURATION="${1:-20}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d -t switchboard-prov-bench-XXXXXX)"
EMAIL="bench@switchboard.test"
PASSWORD="bench-password-2026"
SECRET="$(python3 -c 'import os,base64; print(base64.b64encode(os.urandom(32)).decode())')"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  [[ -f "$WORK/nginx.pid" ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)"; exit 1; }
command -v nginx >/dev/null || { echo "nginx is missing (apt-get install nginx)"; exit 1; }

echo "== building"
(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
JAR="$(ls "$ROOT"/target/switchboard-*.jar | grep -v original | head -1)"
unzip -q -o -j "$JAR" 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/lib"
DRIVER="$(ls "$WORK"/lib/postgresql-*.jar)"

HTTP_PORT="$(free_port)"; PG_PORT="$(free_port)"; NGINX_PORT="$(free_port)"
echo "== starting the portal"
SWITCHBOARD_DATA_DIR="$WORK/postgres" SWITCHBOARD_ADMIN_EMAIL="$EMAIL" SWITCHBOARD_ADMIN_PASSWORD="$PASSWORD" \
  SWITCHBOARD_SECRET_KEY="$SECRET" SERVER_PORT="$HTTP_PORT" \
  java -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$JAR" --switchboard.embedded-postgres.port="$PG_PORT" --logging.level.root=WARN \
  --switchboard.provisioning.base-url="http://127.0.0.1:$HTTP_PORT/provisioning" >"$WORK/portal.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres"
# The embedded server asks for its superuser's password, kept owner read-only in its data directory.
export PGPASSWORD="$(cat "$WORK/postgres/switchboard-superuser.password")"
PSQL=(psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1)

echo "== loading 1,000,000 devices"
java -cp "$DRIVER" "$ROOT/scripts/DeviceListBenchmark.java" load "$JDBC" 1000 1000

echo "== giving 10,000 of them (10 customers) a user and a line"
python3 "$ROOT/scripts/provisioning_benchmark_lines.py" "$SECRET" "$WORK/lines.sql"
"${PSQL[@]}" -f "$WORK/lines.sql"
"${PSQL[@]}" -At -c "select '/provisioning/' || s.provisioning_key || '/' || lower(d.mac) || '.cfg'
                     from line l join device d on d.id = l.device_id join customer_sip s on s.customer_id = l.customer_id
                     order by l.id" > "$WORK/paths.txt"
echo "   $(wc -l < "$WORK/paths.txt") phone files"

echo "== pre-rendering the 10,000 files for nginx (fetched once from the portal)"
python3 - "$HTTP_PORT" "$WORK/paths.txt" "$WORK/www" <<'PY'
import http.client, os, sys
port, paths, root = sys.argv[1], sys.argv[2], sys.argv[3]
conn = http.client.HTTPConnection("127.0.0.1", int(port))
for path in open(paths).read().split():
    conn.request("GET", path, headers={"User-Agent": "Yealink SIP-T46U 108.86.0.45"})
    r = conn.getresponse(); body = r.read()
    assert r.status == 200, (path, r.status)
    os.makedirs(os.path.dirname(root + path), exist_ok=True)
    open(root + path, "wb").write(body)
PY
chmod 755 "$WORK"; chmod -R a+rX "$WORK/www"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/plain;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    add_header Cache-Control no-store;
  }
}
NGINX
nginx -c "$WORK/nginx.conf"

cat > "$WORK/walk.lua" <<'LUA'
-- Each thread walks the phone files from its own starting point; counts answers by class.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local threads = {}
local counter = 0
function setup(thread) counter = counter + 1; thread:set("offset", counter * 5000); table.insert(threads, thread) end
local i = 0
c2, c4, c5 = 0, 0, 0
function request()
  i = i + 1
  local p = paths[((i + (offset or 0)) % #paths) + 1]
  return wrk.format("GET", p, {["User-Agent"] = "Yealink SIP-T46U 108.86.0.45"})
end
function response(status) if status >= 500 then c5 = c5 + 1 elseif status >= 400 then c4 = c4 + 1 else c2 = c2 + 1 end end
function done()
  local t2, t4, t5 = 0, 0, 0
  for _, t in ipairs(threads) do t2 = t2 + t:get("c2"); t4 = t4 + t:get("c4"); t5 = t5 + t:get("c5") end
  io.write(string.format("answers: 2xx/3xx %d, 4xx %d, 5xx %d\n", t2, t4, t5))
end
LUA
cat > "$WORK/miss.lua" <<'LUA'
-- Random keys and MACs: every answer must be 404 or 429.
local threads = {}
function setup(thread) table.insert(threads, thread) end
local chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local hex = "0123456789abcdef"
local function random(alphabet, n)
  local t = {}
  for k = 1, n do local r = math.random(#alphabet); t[k] = alphabet:sub(r, r) end
  return table.concat(t)
end
function init() math.randomseed(os.time() + math.random(100000)) end
other = 0
c404, c429 = 0, 0
function request()
  return wrk.format("GET", "/provisioning/" .. random(chars, 32) .. "/805ec0" .. random(hex, 6) .. ".cfg")
end
function response(status) if status == 404 then c404 = c404 + 1 elseif status == 429 then c429 = c429 + 1 else other = other + 1 end end
function done()
  local a, b, o = 0, 0, 0
  for _, t in ipairs(threads) do a = a + t:get("c404"); b = b + t:get("c429"); o = o + t:get("other") end
  io.write(string.format("answers: 404 %d, 429 %d, other %d\n", a, b, o))
end
LUA

echo "== warm-up (load average $(cut -d' ' -f1-3 /proc/loadavg))"
PATHS="$WORK/paths.txt" wrk -t2 -c50 -d5s -s "$WORK/walk.lua" "http://127.0.0.1:$HTTP_PORT" >/dev/null
PATHS="$WORK/paths.txt" wrk -t2 -c50 -d3s -s "$WORK/walk.lua" "http://127.0.0.1:$NGINX_PORT" >/dev/null

echo "== boot storm through the portal: 200 connections, ${DURATION}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
PATHS="$WORK/paths.txt" wrk -t2 -c200 -d"${DURATION}s" --latency -s "$WORK/walk.lua" "http://127.0.0.1:$HTTP_PORT" | tee "$WORK/portal.txt"
echo "== the same files from nginx (load average $(cut -d' ' -f1-3 /proc/loadavg))"
PATHS="$WORK/paths.txt" wrk -t2 -c200 -d"${DURATION}s" --latency -s "$WORK/walk.lua" "http://127.0.0.1:$NGINX_PORT" | tee "$WORK/nginx.txt"

TOKEN="$(curl -fs -u "$EMAIL:$PASSWORD" -H 'Content-Type: application/json' -d '{"name":"bench","expiresInDays":1}' \
  "http://127.0.0.1:$HTTP_PORT/api/v1/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
CUSTOMER="$("${PSQL[@]}" -At -c "select customer_id from line order by id limit 1")"
list_p95() { # requests, or 0 and a number of seconds: as many requests as fit in them
  python3 - "$HTTP_PORT" "$TOKEN" "$CUSTOMER" "$1" "${2:-0}" <<'PY'
import http.client, sys, time
port, token, customer, n, seconds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
conn = http.client.HTTPConnection("127.0.0.1", int(port))
times = []
deadline = time.perf_counter() + seconds
while (len(times) < n) if n else (time.perf_counter() < deadline):
    t = time.perf_counter()
    conn.request("GET", f"/api/v1/customers/{customer}/devices?size=50", headers={"Authorization": "Bearer " + token})
    r = conn.getresponse(); r.read()
    assert r.status == 200, r.status
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"{times[len(times) // 2]:.1f} {times[int(len(times) * 0.95)]:.1f}")
PY
}
list_p95 100 >/dev/null
IDLE="$(list_p95 300)"
echo "== Devices list at idle: p50/p95 ms $IDLE"
echo "== miss storm: random keys and MACs, 50 connections, ${DURATION}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
wrk -t2 -c50 -d"${DURATION}s" -s "$WORK/miss.lua" "http://127.0.0.1:$HTTP_PORT" > "$WORK/miss.txt" &
WRK=$!
sleep 1
# The list is timed while the storm lasts, and only then.
DURING="$(list_p95 0 "$((DURATION - 2))")"
wait "$WRK" || true
cat "$WORK/miss.txt"
echo "== Devices list during the miss storm: p50/p95 ms $DURING"
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
