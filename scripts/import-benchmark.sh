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
# shellcheck source=lib/import-bench.sh
source scripts/lib/import-bench.sh

run() {
  bench_python "$@" <<'PYTHON'
from import_bench import *  # noqa: F403 (phase, rows, work, state, call, upload, psql…)
import os
import uuid

def setup():
    mint_token()
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

if phase == "valid":
    setup()
    path, copy_path, audit_path = generate("valid.csv", rows, 0)
    seconds, accepted, job = upload(path, "device")
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
    seconds, _, job = upload(path, "device")
    assert job["status"] == "REJECTED", job
    print(f"10%-error file:  {rows} rows, {job['errorCount']} errors reported, nothing added: {seconds:.2f} s")
elif phase == "small-heap":
    path, _, _ = generate("valid-256m.csv", rows, 0)
    seconds, _, job = upload(path, "device")
    print(f"-Xmx256m:        {rows} rows -> {job['status']}, {job['addedCount']} added in {seconds:.2f} s ({rows / seconds:,.0f} rows/s)")
    assert job["status"] == "COMPLETED", job
save()
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
