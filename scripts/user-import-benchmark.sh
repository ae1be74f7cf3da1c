#!/usr/bin/env bash
# Benchmark of the CSV import of users (issue 13, "Performance").
#
# Usage: scripts/user-import-benchmark.sh [rows]        (default 10000)
#        SWITCHBOARD_JAR=path/to/switchboard.jar scripts/user-import-benchmark.sh   (a jar built already)
#
# What it does, on the embedded PostgreSQL in a temporary data directory:
#   1. builds the jar if needed and starts the application; adds a customer, a site, one number per row
#      (through the API, in ranges) and one free phone for every second row (through a device import);
#   2. uploads a valid file of N people, each with a number, every second one with a free phone of the
#      inventory and the others with a new phone (model and MAC), polls it until COMPLETED and prints the
#      end-to-end seconds;
#   3. loads the same rows with PostgreSQL COPY (psql) into copies of the tables the import fills, with
#      the same indexes: N users, N/2 new devices, N assigned numbers; prints that time and the ratio;
#      then also the N SIP lines and the 3.5 N audit rows the import writes, and the ratio to all of it;
#   4. uploads an N-row file in which 10% of the rows have errors and prints the time to REJECTED.
# Needs java 17, python3 and psql. Targets on a 2-core machine: within 3x of COPY; the 10%-error file
# rejected, every error listed, within 5 s.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="${1:-10000}"
# shellcheck source=lib/import-bench.sh
source scripts/lib/import-bench.sh

run() {
  bench_python "$@" <<'PYTHON'
from import_bench import *  # noqa: F403 (phase, rows, work, state, call, upload, psql…)
import hashlib
import os
import uuid

def setup():
    mint_token()
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
            open(path + ".numbers", "w", encoding="utf-8") as numbers, open(path + ".lines", "w", encoding="utf-8") as lines, \
            open(path + ".audit", "w", encoding="utf-8") as audit:
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
            if not every:
                # What the import writes besides: each phone's SIP line (a sealed password of 52 bytes and its two
                # digests) and the audit rows of the wizard's events (user.created, number.assigned, device.created
                # for a new phone, device.assigned), with the columns and JSON arguments the audit module COPYs.
                user = f"bench{i:015d}"
                lines.write(f"{state['customer']}\t{i + 1}\t{i + 1}\t{user}\tbench.sip.test\t\\\\x{os.urandom(52).hex()}\t"
                            f"{hashlib.md5(user.encode()).hexdigest()}\t{hashlib.md5(email.encode()).hexdigest()}\n")
                prefix = f"{state['customer']}\t1\tbench@switchboard.test\t"
                audit.write(f"{prefix}user.created\tuser\t{i + 1}\taudit.summary.user.created\t"
                            f"[\"{first} {last}\",\"{email}\",\"{ext}\",\"{site}\"]\t\\N\t0\n")
                audit.write(f"{prefix}number.assigned\tphone-number\t{i + 1}\taudit.summary.number.assigned\t"
                            f"[\"{num}\",\"{first} {last}\"]\t\\N\t0\n")
                if model:
                    audit.write(f"{prefix}device.created\tdevice\t{i + 1}\taudit.summary.device.imported\t"
                                f"[\"{m}\",\"{model}\",\"{site}\",\"{name}\"]\t\\N\t0\n")
                audit.write(f"{prefix}device.assigned\tdevice\t{i + 1}\taudit.summary.device.assigned\t"
                            f"[\"{m}\",\"{first} {last}\"]\t\\N\t0\n")
    return path

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
    psql("drop table if exists app_user_copy, device_copy, phone_number_copy, line_copy, audit_copy;"
         "create table app_user_copy (like app_user including all);"
         "create table device_copy (like device including all);"
         "create table phone_number_copy (like phone_number including all);"
         "create table line_copy (like line including all);"
         "create table audit_copy (like audit_event including all)")
    copy = psql(f"copy app_user_copy (customer_id, site_id, first_name, last_name, email, extension, language) from '{path}.users'")
    copy += psql(f"copy device_copy (customer_id, site_id, model_id, mac, status, assigned_user_id) from '{path}.devices'")
    copy += psql(f"copy phone_number_copy (customer_id, site_id, e164, assigned_user_id) from '{path}.numbers'")
    lines = psql(f"copy line_copy (customer_id, device_id, user_id, username, domain, password_enc, ha1, ha1b) from '{path}.lines'")
    audit = psql("copy audit_copy (customer_id, actor_id, actor_email, action, object_type, object_id, summary_key,"
                 f" summary_args, remote_addr, import_id) from '{path}.audit'")
    audit_rows = sum(1 for _ in open(path + ".audit", encoding="utf-8"))
    psql("drop table app_user_copy, device_copy, phone_number_copy, line_copy, audit_copy")
    print(f"  COPY of the same rows: {copy:.2f} s (psql: {rows} users, {rows // 2} devices, {rows} numbers, same indexes)")
    print(f"  ratio import / COPY: {seconds / copy:.1f}x")
    print(f"  COPY of everything the import writes: {copy:.2f} + {lines:.2f} ({rows} SIP lines) + {audit:.2f} "
          f"({audit_rows} audit rows) = {copy + lines + audit:.2f} s")
    print(f"  ratio import / COPY of everything: {seconds / (copy + lines + audit):.1f}x")
elif phase == "errors":
    path = generate("errors.csv", rows, 0.10)
    seconds, _, job = upload(path, "user")
    assert job["status"] == "REJECTED", job
    print(f"10%-error file:  {rows} rows, {job['errorCount']} errors reported, nobody set up: {seconds:.2f} s")
save()
PYTHON
}

run valid "$PORT" "$PG_PORT" "$ROWS" "$WORK"
run errors "$PORT" "$PG_PORT" "$ROWS" "$WORK"
echo "Phases, as the application logged them:"
grep -h -e "User import [0-9]*:" -e "lines made for an import" "$WORK"/app*.log | sed 's/^.*INFO [0-9]* --- \[[^]]*\] \[[^]]*\] [^ ]* *: /  /'
