#!/usr/bin/env bash
# Benchmark of the CSV import of devices (issue 3, "Performance").
#
# Usage: scripts/import-benchmark.sh [rows]        (default 100000)
#        BENCH_PHASES="valid errors" scripts/import-benchmark.sh   (leave out the -Xmx256m run)
#
# What it does, on the embedded PostgreSQL in a temporary data directory:
#   1. builds the jar if needed (./mvnw -DskipTests package) and starts the application;
#   2. generates a valid file of N rows, uploads it through the HTTP API (a token minted with Basic),
#      polls the import until COMPLETED and prints the end-to-end seconds and rows/s;
#   3. loads the same N rows with PostgreSQL COPY (psql) into a copy of the device table with the same
#      indexes and foreign keys, and as many audit rows into a copy of audit_event, and prints both times
#      and the ratio import / (COPY device + COPY audit);
#   4. imports an N-row file in which 10% of the rows have errors and prints the time to REJECTED;
#   5. restarts the application with -Xmx256m and imports another valid N-row file.
# Needs java 17, python3 and psql (the client of any recent PostgreSQL). Targets on a 2-core machine:
# valid file <= 10 s and within 1.5x of the two COPYs; the 10%-error file <= 10 s; the 256 MB run succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="${1:-100000}"
JAR="$(ls target/switchboard-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [ -z "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f 2>/dev/null | head -1)" ]; then
  echo "Building the jar..."
  ./mvnw -q -B -DskipTests package
  JAR="$(ls target/switchboard-*.jar | grep -v original | head -1)"
fi

WORK="$(mktemp -d -t switchboard-bench-XXXXXX)"
APP_PID=""
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
cleanup() {
  stop_app
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
export SWITCHBOARD_DATA_DIR="$WORK/postgres"
export SWITCHBOARD_ADMIN_EMAIL="bench@switchboard.test"
export SWITCHBOARD_ADMIN_PASSWORD="bench-password-1"
export SERVER_PORT="$PORT"

start_app() {
  local heap_opts="$1" log="$2"
  # shellcheck disable=SC2086
  java $heap_opts -jar "$JAR" >"$log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 360); do
    if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "The application did not start; see its log:" >&2
      tail -50 "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "The application did not answer in 180 s" >&2
  exit 1
}

echo "Starting the application (data in $WORK)..."
start_app "" "$WORK/app.log"
PG_PORT="$(grep -o 'Embedded PostgreSQL .* started on port [0-9]*' "$WORK/app.log" | grep -o '[0-9]*$' | head -1)"
# The embedded server wants a password: the superuser's is kept, owner read-only, in its data directory.
export PGPASSWORD="$(cat "$SWITCHBOARD_DATA_DIR/switchboard-superuser.password")"

run() {
  python3 - "$@" <<'PYTHON'
import base64, json, os, subprocess, sys, time, urllib.request, uuid

phase, port, pg_port, rows, work = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
base = f"http://localhost:{port}"
state_file = os.path.join(work, "state.json")
state = json.load(open(state_file)) if os.path.exists(state_file) else {}

def call(method, path, body=None, headers=None, raw=None, content_type="application/json"):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content_type)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    if "Authorization" not in (headers or {}) and "token" in state:
        req.add_header("Authorization", "Bearer " + state["token"])
    with urllib.request.urlopen(req, timeout=120) as r:
        text = r.read()
        return r.status, dict(r.headers), (json.loads(text) if text and r.headers.get("Content-Type", "").startswith("application/") else text)

def setup():
    basic = base64.b64encode(b"bench@switchboard.test:bench-password-1").decode()
    _, _, minted = call("POST", "/api/v1/tokens", {"name": "benchmark", "expiresInDays": 1}, {"Authorization": "Basic " + basic})
    state["token"] = minted["token"]
    _, _, customer = call("POST", "/api/v1/customers", {"name": "Benchmark " + uuid.uuid4().hex[:8], "country": "CA", "language": "en"})
    state["customer"] = customer["id"]
    sites = {}
    for name in ("Montréal", "Toronto"):
        _, _, site = call("POST", f"/api/v1/customers/{customer['id']}/sites", {"name": name, "country": "CA", "timeZone": "America/Toronto"})
        sites[name] = site["id"]
    state["sites"] = sites
    _, _, models = call("GET", "/api/v1/device-models")
    state["models"] = {m["displayName"]: m["id"] for m in models}
    state["next_mac"] = 0x100000

MODELS = [("Yealink T46U", "805EC0"), ("Yealink T54W", "805EC0"), ("Poly Edge E220", "64167F"), ("Cisco 8841", "00562B")]

def mac(n, oui):
    return oui + format(n, "06X")

def generate(name, n, error_rate):
    """A file of n rows; with error_rate > 0, every 1/error_rate-th row has one mistake of a rotating kind."""
    start = state["next_mac"]
    state["next_mac"] += n
    path = os.path.join(work, name)
    copy_path = path + ".copy"
    audit_path = path + ".audit"
    every = int(round(1 / error_rate)) if error_rate else 0
    with open(path, "w", encoding="utf-8", newline="") as f, open(copy_path, "w", encoding="utf-8") as c, \
            open(audit_path, "w", encoding="utf-8") as a:
        f.write("Site,Device model,MAC address,Label\r\n")
        for i in range(n):
            site = "Montréal" if i % 2 == 0 else "Toronto"
            model, oui = MODELS[i % len(MODELS)]
            m = mac(start + i, oui)
            shown = ":".join(m[k:k + 2] for k in range(0, 12, 2))
            label = f"Desk {i + 1}"
            if every and i % every == every - 1:
                kind = (i // every) % 5
                if kind == 0: shown = "ZZ:" + shown[3:]
                elif kind == 1: site = "Atlantis"
                elif kind == 2: model = "Nokia 3310"
                elif kind == 3: shown = ":".join(mac(start, MODELS[0][1])[k:k + 2] for k in range(0, 12, 2))
                else: shown = "01:" + shown[3:]
            f.write(f"{site},{model},{shown},{label}\r\n")
            c.write(f"{state['customer']}\t{state['sites'][site] if site in state['sites'] else 0}\t"
                    f"{state['models'].get(model, 0)}\t{m}\t{label}\n")
            # The audit row an imported device gets: the same columns and JSON arguments the audit module COPYs.
            a.write(f"{state['customer']}\t\\N\tbench@example.test\tdevice.created\tdevice\t{i + 1}\t"
                    f"audit.summary.device.imported\t[\"{shown}\",\"{model}\",\"{site}\",\"{name}\"]\t\\N\t0\n")
    return path, copy_path, audit_path

def upload(path):
    content = open(path, "rb").read()
    boundary = "bench" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{os.path.basename(path)}\"\r\n"
            f"Content-Type: text/csv\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    started = time.perf_counter()
    status, headers, job = call("POST", f"/api/v1/customers/{state['customer']}/device-imports", raw=body,
                                content_type="multipart/form-data; boundary=" + boundary)
    assert status == 202, (status, job)
    accepted = time.perf_counter() - started
    location = headers["Location"]
    while True:
        _, _, job = call("GET", location + "?errorsSize=1")
        if job["status"] in ("COMPLETED", "REJECTED", "FAILED"):
            break
        time.sleep(0.05)
    return time.perf_counter() - started, accepted, job

def psql(sql):
    started = time.perf_counter()
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p", pg_port, "-U", "postgres", "-d", "postgres", "-c", sql],
                   check=True, stdout=subprocess.DEVNULL, env=dict(os.environ, PGOPTIONS="-c client_min_messages=warning"))
    return time.perf_counter() - started

if phase == "valid":
    setup()
    path, copy_path, audit_path = generate("valid.csv", rows, 0)
    seconds, accepted, job = upload(path)
    assert job["status"] == "COMPLETED" and job["addedCount"] == rows, job
    print(f"valid file:      {rows} rows, {os.path.getsize(path) / 1e6:.1f} MB, upload answered in {accepted:.2f} s")
    print(f"  import end to end: {seconds:.2f} s  ({rows / seconds:,.0f} rows/s)")
    # The same rows with COPY into a table like device: same columns, defaults, checks, indexes and foreign keys.
    psql("drop table if exists device_copy; create table device_copy (like device including all);"
         "alter table device_copy add foreign key (customer_id) references customer (id),"
         " add foreign key (site_id) references site (id), add foreign key (model_id) references device_model (id)")
    copy = psql(f"copy device_copy (customer_id, site_id, model_id, mac, label) from '{copy_path}'")
    psql("drop table device_copy")
    # And the same number of audit rows with COPY into a table like audit_event (same indexes).
    psql("drop table if exists audit_copy; create table audit_copy (like audit_event including all)")
    audit_copy = psql("copy audit_copy (customer_id, actor_id, actor_email, action, object_type, object_id, summary_key,"
                      f" summary_args, remote_addr, import_id) from '{audit_path}'")
    psql("drop table audit_copy")
    print(f"  COPY of the same rows into device: {copy:.2f} s (psql, same indexes and foreign keys)")
    print(f"  COPY of as many audit rows: {audit_copy:.2f} s (same indexes); sum {copy + audit_copy:.2f} s")
    print(f"  ratio import / (COPY device + COPY audit): {seconds / (copy + audit_copy):.2f}x  (target <= 1.5x)")
    state["valid_seconds"] = seconds
elif phase == "errors":
    path, _, _ = generate("errors.csv", rows, 0.10)
    seconds, _, job = upload(path)
    assert job["status"] == "REJECTED", job
    print(f"10%-error file:  {rows} rows, {job['errorCount']} errors reported, nothing added: {seconds:.2f} s")
elif phase == "small-heap":
    path, _, _ = generate("valid-256m.csv", rows, 0)
    seconds, _, job = upload(path)
    print(f"-Xmx256m:        {rows} rows -> {job['status']}, {job['addedCount']} added in {seconds:.2f} s ({rows / seconds:,.0f} rows/s)")
    assert job["status"] == "COMPLETED", job
json.dump(state, open(state_file, "w"))
PYTHON
}

PHASES="${BENCH_PHASES:-valid errors small-heap}"
run valid "$PORT" "$PG_PORT" "$ROWS" "$WORK"
if [[ " $PHASES " == *" errors "* ]]; then
  run errors "$PORT" "$PG_PORT" "$ROWS" "$WORK"
fi
if [[ " $PHASES " == *" small-heap "* ]]; then
  stop_app
  echo "Restarting the application with -Xmx256m..."
  start_app "-Xmx256m" "$WORK/app-256m.log"
  run small-heap "$PORT" "$PG_PORT" "$ROWS" "$WORK"
fi
echo "Phases, as the application logged them:"
grep -h "Import [0-9]*:" "$WORK"/app*.log | sed 's/^.*: Import/  Import/'
