#!/usr/bin/env bash
# Registration-storm benchmark: does the portal's managed Kamailio, authenticating from views over the
# portal's lines, hold as many REGISTER/s as a Kamailio reading a plain subscriber table?
#
# Usage:  scripts/registrar-benchmark.sh [SECONDS]        (default 30 s per rate)
#         BENCH_RATES="200 400 800 1200 1600 2000" (the default) sets the rates tried
#
# Starts the portal (with its managed Kamailio) on a fresh embedded PostgreSQL in a temporary
# directory, loads 1,000,000 devices (1,000 customers x 1,000, with COPY) and gives 10,000 of them
# (10 customers) a user and a SIP line, one password for all (scripts/provisioning_benchmark_lines.py).
# The anchor is a second Kamailio, on the same configuration file and the same PostgreSQL, whose
# schema holds a plain `subscriber` table with the same rows (and its own empty `location`, no trigger).
# Then, on loopback, after registering every line once on each: SIPp re-registers the 10,000 lines one
# after the other (REGISTER, 401 challenge, REGISTER with the digest, 200) at increasing rates, each
# held SECONDS, rate by rate against the managed Kamailio then the anchor; each stops climbing at its
# first rate not held (a failed call, or < 95 % of the rate reached). Before the
# storm, a wrong password is checked to fail and the right one to succeed: a storm of 401s counts
# for nothing. The p99 comes from SIPp's own response times (-trace_rtt). While each step runs, the
# portal's Devices list API is timed one request at a time, and compared with the same timing at idle.
# It prints per step and Kamailio, then the highest rate held by each, its p99 and the list's p95.
# Targets (2-core machine): managed >= 80 % of the anchor's rate, p99 <= 50 ms, the list's p95 during
# the storm within 2x of idle. Takes about 8 minutes (build and load about 3), at most 10 (both climbing to 2,000/s).
# Run as root, the portal (and its PostgreSQL and Kamailio), the anchor and SIPp run at a raised
# priority (nice -10), as the other benchmarks do; BENCH_NICE=0 measures at normal priority.
set -euo pipefail

STEP="${1:-30}"
RATES="${BENCH_RATES:-200 400 800 1200 1600 2000}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d -t switchboard-reg-bench-XXXXXX)"
EMAIL="bench@switchboard.test"
PASSWORD="bench-password-2026"
LINE_PASSWORD="BenchPassword2026BenchPw"   # the password provisioning_benchmark_lines.py gives every line
SECRET="$(python3 -c 'import os,base64; print(base64.b64encode(os.urandom(32)).decode())')"
ANCHOR_DB_PASSWORD="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
SCENARIO="$ROOT/scripts/registrar-storm.xml"
HELPER="$ROOT/scripts/registrar_benchmark.py"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { # a port free for TCP and UDP alike (Kamailio listens on both)
  python3 -c '
import socket
while True:
    t = socket.socket(); t.bind(("127.0.0.1", 0)); port = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1", port)); break
    except OSError:
        pass
    finally:
        u.close(); t.close()
print(port)'
}
for tool in sipp kamailio psql; do
  command -v "$tool" >/dev/null || [[ -x "/usr/sbin/$tool" ]] ||
    { echo "$tool is missing (apt-get install kamailio kamailio-postgres-modules sip-tester postgresql-client)"; exit 1; }
done
KAMAILIO="$(command -v kamailio || echo /usr/sbin/kamailio)"
PRIO=()
if [[ "$(id -u)" == 0 && "${BENCH_NICE:-1}" != 0 ]]; then
  PRIO=(nice -n -10)
fi
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "== building"
(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
JAR="$(ls "$ROOT"/target/switchboard-*.jar | grep -v original | head -1)"
unzip -q -o -j "$JAR" 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/lib"
DRIVER="$(ls "$WORK"/lib/postgresql-*.jar)"

HTTP_PORT="$(free_port)"; PG_PORT="$(free_port)"; SIP_PORT="$(free_port)"; RPC_PORT="$(free_port)"
ANCHOR_SIP_PORT="$(free_port)"; ANCHOR_RPC_PORT="$(free_port)"
echo "== starting the portal and its managed Kamailio (SIP on 127.0.0.1:$SIP_PORT)"
SWITCHBOARD_DATA_DIR="$WORK/postgres" SWITCHBOARD_ADMIN_EMAIL="$EMAIL" SWITCHBOARD_ADMIN_PASSWORD="$PASSWORD" \
  SWITCHBOARD_SECRET_KEY="$SECRET" SERVER_PORT="$HTTP_PORT" SWITCHBOARD_SIP_HOST=127.0.0.1 \
  SWITCHBOARD_SIP_PORT="$SIP_PORT" SWITCHBOARD_KAMAILIO_RPC_PORT="$RPC_PORT" \
  "${PRIO[@]}" java -Xmx1g -jar "$JAR" --switchboard.embedded-postgres.port="$PG_PORT" --logging.level.root=WARN \
  >"$WORK/portal.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "${PIDS[0]}" 2>/dev/null || { cat "$WORK/portal.log"; exit 1; }
  sleep 1
done
grep -q "No registrar is attached" "$WORK/portal.log" && { grep "No registrar" "$WORK/portal.log"; exit 1; }
JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres"
# The embedded server asks for its superuser's password, kept owner read-only in its data directory.
export PGPASSWORD="$(cat "$WORK/postgres/switchboard-superuser.password")"
PSQL=(psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1)

echo "== loading 1,000,000 devices"
java -cp "$DRIVER" "$ROOT/scripts/DeviceListBenchmark.java" load "$JDBC" "${BENCH_CUSTOMERS:-1000}" 1000
echo "== giving 10,000 of them (10 customers) a user and a SIP line"
python3 "$ROOT/scripts/provisioning_benchmark_lines.py" "$SECRET" "$WORK/lines.sql"
"${PSQL[@]}" -f "$WORK/lines.sql"
# SIPp's injection file: one line per call, taken in order (field0 = user name, field1 = SIP domain).
{ echo SEQUENTIAL; "${PSQL[@]}" -At -F ';' -c "select username, domain from kamailio.subscriber order by id"; } > "$WORK/lines.csv"
echo "   $(($(wc -l < "$WORK/lines.csv") - 1)) lines in kamailio.subscriber"

echo "== the anchor: a schema whose subscriber is a plain table (same rows), and a second Kamailio on it"
"${PSQL[@]}" <<SQL
create schema kamailio_anchor;
create table kamailio_anchor.version as select * from kamailio.version;
-- Kamailio's own tables, as in the portal's schema, with their own sequences and without triggers.
create table kamailio_anchor.location (like kamailio.location including all);
create sequence kamailio_anchor.location_id_seq owned by kamailio_anchor.location.id;
alter table kamailio_anchor.location alter column id set default nextval('kamailio_anchor.location_id_seq');
create table kamailio_anchor.location_attrs (like kamailio.location_attrs including all);
create sequence kamailio_anchor.location_attrs_id_seq owned by kamailio_anchor.location_attrs.id;
alter table kamailio_anchor.location_attrs alter column id set default nextval('kamailio_anchor.location_attrs_id_seq');
-- Kamailio's standard subscriber DDL keys it by (username, domain) and indexes username.
create table kamailio_anchor.subscriber as select * from kamailio.subscriber;
alter table kamailio_anchor.subscriber add primary key (id);
create unique index on kamailio_anchor.subscriber (username, domain);
create index on kamailio_anchor.subscriber (username);
create table kamailio_anchor.dbaliases as select * from kamailio.dbaliases;
create index on kamailio_anchor.dbaliases (alias_username, alias_domain);
vacuum analyze kamailio_anchor.subscriber;
vacuum analyze kamailio_anchor.dbaliases;
create role bench_anchor login password '$ANCHOR_DB_PASSWORD';
alter role bench_anchor set search_path = kamailio_anchor;
grant usage on schema kamailio_anchor to bench_anchor;
grant select on all tables in schema kamailio_anchor to bench_anchor;
grant insert, update, delete on kamailio_anchor.location, kamailio_anchor.location_attrs to bench_anchor;
grant usage, select on all sequences in schema kamailio_anchor to bench_anchor;
SQL
mkdir -p "$WORK/anchor"
# The same flags as the managed one (ManagedKamailio.launch) and the same configuration file.
TZ=UTC SWITCHBOARD_KAMAILIO_DB_URL="postgres://bench_anchor:$ANCHOR_DB_PASSWORD@127.0.0.1:$PG_PORT/postgres" \
  SWITCHBOARD_KAMAILIO_SIP_LISTEN="udp:127.0.0.1:$ANCHOR_SIP_PORT" SWITCHBOARD_KAMAILIO_TCP_LISTEN="tcp:127.0.0.1:$ANCHOR_SIP_PORT" \
  SWITCHBOARD_KAMAILIO_SIP_PORT="$ANCHOR_SIP_PORT" SWITCHBOARD_KAMAILIO_RPC_LISTEN="tcp:127.0.0.1:$ANCHOR_RPC_PORT" \
  SWITCHBOARD_KAMAILIO_RPC_PORT="$ANCHOR_RPC_PORT" \
  "${PRIO[@]}" "$KAMAILIO" -f "$ROOT/src/main/resources/kamailio/kamailio.cfg" -DD -E -Y "$WORK/anchor" \
  -P "$WORK/anchor/kamailio.pid" -m 64 -M 8 >"$WORK/anchor.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 50); do
  curl -fs -d '{"jsonrpc":"2.0","method":"core.version","id":1}' "http://127.0.0.1:$ANCHOR_RPC_PORT/RPC" >/dev/null 2>&1 && break
  kill -0 "${PIDS[1]}" 2>/dev/null || { cat "$WORK/anchor.log"; exit 1; }
  sleep 0.2
done

sipp_run() { # dir port password calls rate [extra SIPp options]: runs SIPp in dir, returns its exit status
  local dir="$1" port="$2" password="$3" calls="$4" rate="$5"
  shift 5
  mkdir -p "$dir"
  (cd "$dir" && "${PRIO[@]}" sipp "127.0.0.1:$port" -sf "$SCENARIO" -inf "$WORK/lines.csv" -au '[field0]' -ap "$password" \
     -i 127.0.0.1 -p "$(free_port)" -m "$calls" -r "$rate" -rp 1000 -l 4000 -recv_timeout 10000 \
     -nostdin -trace_stat -stf stat.csv -fd 1 -trace_err -error_file errors.log "$@" >sipp.out 2>&1)
}

check_authentication() { # name port
  local name="$1" port="$2"
  if sipp_run "$WORK/$name-wrong" "$port" "not-the-password" 20 20; then
    echo "   $name: a wrong password registered: the benchmark would measure nothing"; exit 1
  fi
  grep -q "401" "$WORK/$name-wrong/errors.log" || { echo "   $name: a wrong password failed without a 401"; exit 1; }
  sipp_run "$WORK/$name-right" "$port" "$LINE_PASSWORD" 20 20 ||
    { echo "   $name: the right password did not register"; cat "$WORK/$name-right/errors.log"; exit 1; }
  echo "   $name: a wrong password is refused (401 to the digest), the right one registers (200)"
}

TOKEN="$(curl -fs -u "$EMAIL:$PASSWORD" -H 'Content-Type: application/json' -d '{"name":"bench","expiresInDays":1}' \
  "http://127.0.0.1:$HTTP_PORT/api/v1/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
CUSTOMER="$("${PSQL[@]}" -At -c "select customer_id from line order by id limit 1")"

echo "== checking that the REGISTERs are authenticated"
check_authentication managed "$SIP_PORT"
check_authentication anchor "$ANCHOR_SIP_PORT"

echo "== Devices list at idle (load average $(load))"
IDLE="$(python3 "$HELPER" list "$HTTP_PORT" "$TOKEN" "$CUSTOMER" 15)"
echo "   p50/p95 ms, requests: $IDLE"

declare -A BEST_RATE BEST_LINE BEST_LIST PORT STOPPED
PORT[managed]="$SIP_PORT"; PORT[anchor]="$ANCHOR_SIP_PORT"
step() { # name rate: one storm step, the Devices list timed meanwhile; returns 1 when the rate was not held
  local name="$1" rate="$2" dir="$WORK/$1-$2" list_pid line held=0 started
  python3 "$HELPER" list "$HTTP_PORT" "$TOKEN" "$CUSTOMER" "$((STEP - 3))" >"$dir.list" &
  list_pid=$!
  started="$(load)"
  sipp_run "$dir" "${PORT[$name]}" "$LINE_PASSWORD" "$((rate * STEP))" "$rate" -trace_rtt -rtt_freq 1000 || true
  wait "$list_pid" || true
  line="$(python3 "$HELPER" step "$dir/stat.csv" "$(ls "$dir"/*_rtt.csv)" "$rate" "$STEP")" || held=1
  printf '   %-7s %s  list p50/p95 %s ms  (load %s)\n' "$name" "$line" "$(cut -d' ' -f1-2 "$dir.list")" "$started"
  if [[ "$held" == 0 ]]; then
    BEST_RATE[$name]="$rate"; BEST_LINE[$name]="$line"; BEST_LIST[$name]="$(cut -d' ' -f1-2 "$dir.list")"
  else
    # What SIPp reported, counted by kind (timeouts, late answers, unexpected answers).
    grep -o 'receive timeout on message [^ ]*\|Dead call\|Aborting call\|Unexpected [a-z]*[^,]*' "$dir/errors.log" 2>/dev/null |
      sort | uniq -c | sort -rn | head -3 | sed 's/^/      /' || true
  fi
  sleep 2
  return "$held"
}

# Every line registered once on each Kamailio (so that the storm re-registers, as phones do), then a
# checkpoint, so that neither pays for the load's dirty pages.
echo "== warm-up: the 10,000 lines registered once on each Kamailio (load average $(load))"
for name in managed anchor; do
  sipp_run "$WORK/$name-warmup" "${PORT[$name]}" "$LINE_PASSWORD" 10000 500 || true
done
"${PSQL[@]}" -c checkpoint
# Rate by rate, the managed Kamailio then the anchor (so that whatever else loads the machine weighs on
# both alike); each climbs until its first rate not held.
echo "== storm: ${STEP}s per rate, managed Kamailio (views over the portal's lines) then anchor (plain table)"
for name in managed anchor; do BEST_RATE[$name]=0; BEST_LINE[$name]="none held"; BEST_LIST[$name]="-"; STOPPED[$name]=0; done
for rate in $RATES; do
  for name in managed anchor; do
    if [[ "${STOPPED[$name]}" == 0 ]] && ! step "$name" "$rate"; then
      STOPPED[$name]=1
    fi
  done
  [[ "${STOPPED[managed]}" == 1 && "${STOPPED[anchor]}" == 1 ]] && break
done

REGISTERED="$("${PSQL[@]}" -At -c "select count(distinct username) from kamailio.location where user_agent = 'SIPp-Switchboard-Storm'")"
echo "== registrations the managed Kamailio wrote: $REGISTERED of 10,000 lines"
echo
echo "== result (load average at the end: $(load))"
echo "   managed: highest rate held ${BEST_RATE[managed]}/s: ${BEST_LINE[managed]}"
echo "   anchor:  highest rate held ${BEST_RATE[anchor]}/s: ${BEST_LINE[anchor]}"
if [[ "${BEST_RATE[anchor]}" != 0 ]]; then
  echo "   managed / anchor: $((100 * BEST_RATE[managed] / BEST_RATE[anchor])) % (target >= 80 %)"
fi
echo "   Devices list p50/p95 ms: idle $(cut -d' ' -f1-2 <<<"$IDLE"), during the managed storm at its highest rate held ${BEST_LIST[managed]} (target p95 <= 2x idle)"
