#!/usr/bin/env bash
# Benchmark of the CSV import of users (issue 13, "Performance").
#
# Usage: scripts/user-import-benchmark.sh [rows]        (default 10000)
#
# What it does, on the embedded PostgreSQL in a temporary data directory:
#   1. builds the jar if needed and starts the application; adds a customer, a site, one number per row
#      (through the API, in ranges) and one free phone for every second row (through a device import);
#   2. uploads a valid file of N people, each with a number, every second one with a free phone of the
#      inventory and the others with a new phone (model and MAC), polls it until COMPLETED and prints the
#      end-to-end seconds;
#   3. loads the same rows with PostgreSQL COPY (psql) into copies of the tables the import fills, with
#      the same indexes: N users, N/2 new devices, N assigned numbers; prints that time and the ratio;
#   4. uploads an N-row file in which 10% of the rows have errors and prints the time to REJECTED.
# Needs java 17, python3 and psql. Targets on a 2-core machine: within 3x of COPY; the 10%-error file
# rejected, every error listed, within 5 s.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="${1:-10000}"
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
  for _ in $(seq 1 120); do
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
  echo "The application did not answer in 60 s" >&2
  exit 1
}

echo "Starting the application (data in $WORK)..."
start_app "" "$WORK/app.log"
PG_PORT="$(grep -o 'Embedded PostgreSQL .* started on port [0-9]*' "$WORK/app.log" | grep -o '[0-9]*$' | head -1)"
# The embedded server asks for its superuser's password, kept owner read-only in its data directory.
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


def setup():
    basic = base64.b64encode(b"bench@switchboard.test:bench-password-1").decode()
    _, _, minted = call("POST", "/api/v1/tokens", {"name": "benchmark", "expiresInDays": 1}, {"Authorization": "Basic " + basic})
    state["token"] = minted["token"]
    _, _, customer = call("POST", "/api/v1/customers", {"name": "Benchmark " + uuid.uuid4().hex[:8], "country": "CA", "language": "en"})
    state["customer"] = customer["id"]
    _, _, site = call("POST", f"/api/v1/customers/{customer['id']}/sites", {"name": "Montréal", "country": "CA", "timeZone": "America/Toronto"})
    state["site"] = site["id"]
    # One number per row: +1 514 300 0000 onwards, in ranges of 1,000 (the API's largest).
    for first in range(0, rows, 1000):
        last = min(rows, first + 1000) - 1
        status, _, _ = call("POST", f"/api/v1/customers/{customer['id']}/numbers",
                            {"siteId": site["id"], "from": number(first), "to": number(last)})
        assert status == 201, status
    # The free phones of every second row, added by a device import.
    path = os.path.join(work, "phones.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("Site,Device model,MAC address\r\n")
        for i in range(0, rows, 2):
            f.write(f"Montréal,Yealink T46U,{mac(i)}\r\n")
    _, _, job = upload(path, "device")
    assert job["status"] == "COMPLETED", job

def number(i):
    return "+1514" + str(3000000 + i)

def mac(i):
    return "805EC0" + format(0x100000 + i, "06X")

def generate(name, n, error_rate):
    """N people; with error_rate > 0, no number nor phone, and every 1/error_rate-th row has one mistake."""
    path = os.path.join(work, name)
    every = int(round(1 / error_rate)) if error_rate else 0
    tag = name.split(".")[0]
    with open(path, "w", encoding="utf-8", newline="") as f, \
            open(path + ".users", "w", encoding="utf-8") as users, open(path + ".devices", "w", encoding="utf-8") as devices, \
            open(path + ".numbers", "w", encoding="utf-8") as numbers:
        f.write("First name,Last name,Email,Site,Extension,Language,Phone number,Phone MAC address,Phone model,Phone label\r\n")
        for i in range(n):
            first, last, email, site, ext = f"First{i}", f"Last{i}", f"{tag}{i}@example.com", "Montréal", str(10000000 + i if every else 1000000 + i)
            num, m, model = "", "", ""
            if not every:
                num = number(i)
                m = mac(i) if i % 2 == 0 else "805EC1" + format(i, "06X")
                model = "" if i % 2 == 0 else "Yealink T54W"
            elif i % every == every - 1:
                kind = (i // every) % 5
                if kind == 0: email = "not-an-email"
                elif kind == 1: site = "Atlantis"
                elif kind == 2: ext = "x"
                elif kind == 3: email = f"{tag}0@example.com"
                else: m = "01:5E:C0:00:00:01"
            f.write(f"{first},{last},{email},{site},{ext},,{num},{m},{model},\r\n")
            users.write(f"{state['customer']}\t{state['site']}\t{first}\t{last}\t{email}\t{ext}\ten\n")
            if model:
                devices.write(f"{state['customer']}\t{state['site']}\t{state['models'][model]}\t{m}\tASSIGNED\t{i + 1}\n")
            if num:
                numbers.write(f"{state['customer']}\t{state['site']}\t{num}\t{i + 1}\n")
    return path

def upload(path, kind):
    content = open(path, "rb").read()
    boundary = "bench" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{os.path.basename(path)}\"\r\n"
            f"Content-Type: text/csv\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    started = time.perf_counter()
    status, headers, job = call("POST", f"/api/v1/customers/{state['customer']}/{kind}-imports", raw=body,
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

def psql(sql):
    started = time.perf_counter()
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p", pg_port, "-U", "postgres", "-d", "postgres", "-c", sql],
                   check=True, stdout=subprocess.DEVNULL, env=dict(os.environ, PGOPTIONS="-c client_min_messages=warning"))
    return time.perf_counter() - started

if phase == "valid":
    setup()
    _, _, models = call("GET", "/api/v1/device-models")
    state["models"] = {m["displayName"]: m["id"] for m in models}
    path = generate("valid.csv", rows, 0)
    seconds, accepted, job = upload(path, "user")
    assert job["status"] == "COMPLETED" and job["addedCount"] == rows, job
    print(f"valid file:      {rows} people, {os.path.getsize(path) / 1e6:.1f} MB, upload answered in {accepted:.2f} s")
    print(f"  import end to end: {seconds:.2f} s  ({rows / seconds:,.0f} rows/s)")
    # The same rows with COPY into copies of the tables the import fills, with their indexes (no foreign keys
    # between the copies: the user ids are the rows' numbers).
    psql("drop table if exists app_user_copy, device_copy, phone_number_copy;"
         "create table app_user_copy (like app_user including all);"
         "create table device_copy (like device including all);"
         "create table phone_number_copy (like phone_number including all)")
    copy = psql(f"copy app_user_copy (customer_id, site_id, first_name, last_name, email, extension, language) from '{path}.users'")
    copy += psql(f"copy device_copy (customer_id, site_id, model_id, mac, status, assigned_user_id) from '{path}.devices'")
    copy += psql(f"copy phone_number_copy (customer_id, site_id, e164, assigned_user_id) from '{path}.numbers'")
    psql("drop table app_user_copy, device_copy, phone_number_copy")
    print(f"  COPY of the same rows: {copy:.2f} s (psql: {rows} users, {rows // 2} devices, {rows} numbers, same indexes)")
    print(f"  ratio import / COPY: {seconds / copy:.1f}x")
elif phase == "errors":
    path = generate("errors.csv", rows, 0.10)
    seconds, _, job = upload(path, "user")
    assert job["status"] == "REJECTED", job
    print(f"10%-error file:  {rows} rows, {job['errorCount']} errors reported, nobody set up: {seconds:.2f} s")
json.dump(state, open(state_file, "w"))
PYTHON
}

run valid "$PORT" "$PG_PORT" "$ROWS" "$WORK"
run errors "$PORT" "$PG_PORT" "$ROWS" "$WORK"
echo "Phases, as the application logged them:"
grep -h "User import [0-9]*:" "$WORK"/app*.log | sed 's/^.*: User import/  User import/'
