#!/usr/bin/env python3
"""Registration storm: how many authenticated REGISTERs per second does the managed Kamailio hold?

Usage:  scripts/registrar-benchmark.py [RATE ...]      (default rates: 200 400 700 1000 1300 per second)

Builds the portal and starts it on a fresh embedded PostgreSQL in a temporary directory, with its
managed Kamailio. Loads 1,000 customers x 1,000 devices (1,000,000 devices) with COPY-free SQL, of
which 10 customers x 1,000 users have an assigned phone with a SIP line (10,000 lines). Then, for each
rate, SIPp registers those lines with digest authentication for 30 s (REGISTER, 401, REGISTER, 200),
first against the managed Kamailio (subscriber = the portal's view over its lines), then against a
second Kamailio on the same database whose `subscriber` is a plain table with the same rows (the
anchor). It prints, per rate and target, the failed registrations and the p50/p99 of a whole
registration, the highest rate held with no failure and its p99, and the portal's device-list p95
idle and during the storm at the view's highest held rate.
Targets on a 2-core machine: view >= 80% of the anchor's rate, p99 <= 50 ms, list p95 during <= 2x idle.
Needs kamailio, kamailio-postgres-modules, sipp and psql. Takes about 10 minutes.
"""
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import base64
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RATES = [int(r) for r in sys.argv[1:]] or [200, 400, 700, 1000, 1300]
SECONDS = 30
LINES_CUSTOMERS, USERS_PER_CUSTOMER = 10, 1000
CUSTOMERS, DEVICES_PER_CUSTOMER = 1000, 1000
EMAIL, PASSWORD = "bench@switchboard.test", "bench-password-2026"
work = Path(tempfile.mkdtemp(prefix="switchboard-registrar-bench-"))
children = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_udp_tcp_port():
    while True:
        port = free_port()
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
                u.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue


def psql(pg_port, sql):
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres",
                    "-d", "postgres", "-c", sql], check=True, stdout=subprocess.DEVNULL)


def wait_http(url, seconds=240):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except Exception:
            time.sleep(1)
    sys.exit("the portal did not start; see " + str(work / "portal.log"))


def storm(port, rate, users_file, name):
    """SIPp at that rate for SECONDS; returns (failed, p50 ms, p99 ms)."""
    calls = rate * SECONDS
    out = work / f"{name}-{rate}"
    out.mkdir()
    result = subprocess.run(
        ["sipp", f"127.0.0.1:{port}", "-sf", str(ROOT / "scripts/sipp-register-storm.xml"), "-inf", str(users_file),
         "-i", "127.0.0.1", "-r", str(rate), "-m", str(calls), "-l", str(rate * 5), "-timeout", str(SECONDS + 60),
         "-nostdin", "-trace_rtt", "-rtt_freq", "1", "-trace_stat", "-fd", "1", "-max_socket", "1000",
         "-recv_timeout", "5000"],
        cwd=out, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    samples = []
    for rtt in out.glob("*_rtt.csv"):
        for line in rtt.read_text().splitlines()[1:]:
            parts = line.split(";")
            if len(parts) >= 2:
                try:
                    samples.append(float(parts[1]))
                except ValueError:
                    pass
    failed = calls - len(samples)
    if not samples:
        return calls, None, None
    samples.sort()
    return failed if result.returncode != 0 or failed > 0 else 0, samples[len(samples) // 2], samples[int(len(samples) * 0.99) - 1]


def list_latencies(http_port, token, customer, count, stop=None):
    times = []
    for _ in range(count):
        if stop is not None and stop.is_set():
            break
        request = urllib.request.Request(f"http://127.0.0.1:{http_port}/api/v1/customers/{customer}/devices?size=50",
                                         headers={"Authorization": "Bearer " + token})
        start = time.perf_counter()
        urllib.request.urlopen(request).read()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values):
    values = sorted(values)
    return values[int(len(values) * 0.95) - 1]


def main():
    for tool in ("kamailio", "sipp", "psql"):
        if not shutil.which(tool) and not Path("/usr/sbin/" + tool).exists():
            sys.exit(f"{tool} is missing (apt-get install kamailio kamailio-postgres-modules sip-tester postgresql-client)")
    print("== building", flush=True)
    subprocess.run(["./mvnw", "-q", "-B", "-o", "-DskipTests", "package"], cwd=ROOT, check=True)
    jar = next(p for p in (ROOT / "target").glob("switchboard-*.jar") if "original" not in p.name)
    http_port, pg_port, sip_port, rpc_port = free_port(), free_port(), free_udp_tcp_port(), free_port()
    env = dict(os.environ, SWITCHBOARD_DATA_DIR=str(work / "postgres"), SWITCHBOARD_ADMIN_EMAIL=EMAIL,
               SWITCHBOARD_ADMIN_PASSWORD=PASSWORD, SERVER_PORT=str(http_port), SWITCHBOARD_SIP_PORT=str(sip_port),
               SWITCHBOARD_KAMAILIO_RPC_PORT=str(rpc_port))
    print(f"== starting the portal (SIP on 127.0.0.1:{sip_port})", flush=True)
    log = open(work / "portal.log", "w")
    portal = subprocess.Popen(["java", "-Xmx1g", "-jar", str(jar), f"--switchboard.embedded-postgres.port={pg_port}",
                               "--logging.level.root=WARN", "--logging.level.com.switchboard.registrar=INFO"],
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    children.append(portal)
    wait_http(f"http://127.0.0.1:{http_port}/actuator/health")

    print(f"== loading {CUSTOMERS * DEVICES_PER_CUSTOMER:,} devices and {LINES_CUSTOMERS * USERS_PER_CUSTOMER:,} lines", flush=True)
    psql(pg_port, f"""
        insert into customer (name, country) select 'Bench ' || c, 'CA' from generate_series(1, {CUSTOMERS}) c;
        insert into site (customer_id, name, country, time_zone)
            select id, 'Site', 'CA', 'America/Toronto' from customer where name like 'Bench %';
        insert into device (customer_id, site_id, model_id, mac)
            select s.customer_id, s.id, (select min(id) from device_model), upper(lpad(to_hex(s.customer_id * 100000 + d), 12, '0'))
            from site s cross join generate_series(1, {DEVICES_PER_CUSTOMER}) d where s.name = 'Site';
        insert into app_user (customer_id, site_id, first_name, last_name, email, extension)
            select s.customer_id, s.id, 'User', 'N' || u, 'u' || u || '@bench.test', (1000 + u)::text
            from site s cross join generate_series(1, {USERS_PER_CUSTOMER}) u
            where s.name = 'Site' and s.customer_id in (select id from customer where name like 'Bench %' order by id limit {LINES_CUSTOMERS});
        update device d set assigned_user_id = u.id, status = 'ASSIGNED'
            from app_user u where u.customer_id = d.customer_id
             and d.mac = upper(lpad(to_hex(d.customer_id * 100000 + cast(substr(u.last_name, 2) as int)), 12, '0'));
        insert into customer_sip (customer_id, sip_domain, provisioning_key)
            select customer_id, 'c' || customer_id || '.bench.test', md5(random()::text)
            from (select distinct customer_id from app_user) u;
        insert into line (customer_id, device_id, user_id, username, domain, password_enc, ha1, ha1b)
            select d.customer_id, d.id, d.assigned_user_id, 'bench' || lpad(d.id::text, 8, '0'), 'c' || d.customer_id || '.bench.test', '\\x00',
                   md5('bench' || lpad(d.id::text, 8, '0') || ':c' || d.customer_id || '.bench.test:pw-' || d.id),
                   md5('bench' || lpad(d.id::text, 8, '0') || '@c' || d.customer_id || '.bench.test:c' || d.customer_id || '.bench.test:pw-' || d.id)
            from device d where d.assigned_user_id is not null;
        analyze;
    """)
    users = work / "users.csv"
    rows = subprocess.run(["psql", "-At", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "-c",
                           "select username || ';' || domain || ';pw-' || device_id from line order by random()"],
                          check=True, stdout=subprocess.PIPE, text=True).stdout.split()
    users.write_text("RANDOM\n" + "\n".join(rows) + "\n")
    print(f"   {len(rows):,} lines", flush=True)

    # The anchor: the same rows in a plain table, and a second Kamailio reading it.
    anchor_port, anchor_rpc = free_udp_tcp_port(), free_port()
    psql(pg_port, """
        create schema kamailio_anchor;
        create table kamailio_anchor.version as select * from kamailio.version;
        create table kamailio_anchor.subscriber as select * from kamailio.subscriber;
        create unique index on kamailio_anchor.subscriber (username, domain);
        create table kamailio_anchor.location (like kamailio.location including all);
        create table kamailio_anchor.location_attrs (like kamailio.location_attrs including all);
        create table kamailio_anchor.dbaliases as select * from kamailio.dbaliases;
        create role bench_anchor login password 'bench-anchor';
        alter role bench_anchor set search_path = kamailio_anchor;
        grant usage on schema kamailio_anchor to bench_anchor;
        grant select, insert, update, delete on all tables in schema kamailio_anchor to bench_anchor;
        grant usage, select on all sequences in schema kamailio_anchor to bench_anchor;
        analyze;
    """)
    config = work / "kamailio.cfg"
    shutil.copy(ROOT / "src/main/resources/kamailio/kamailio.cfg", config)
    anchor_env = dict(os.environ, TZ="UTC",
                      SWITCHBOARD_KAMAILIO_DB_URL=f"postgres://bench_anchor:bench-anchor@127.0.0.1:{pg_port}/postgres",
                      SWITCHBOARD_KAMAILIO_SIP_LISTEN=f"udp:127.0.0.1:{anchor_port}",
                      SWITCHBOARD_KAMAILIO_TCP_LISTEN=f"tcp:127.0.0.1:{anchor_port}",
                      SWITCHBOARD_KAMAILIO_SIP_PORT=str(anchor_port),
                      SWITCHBOARD_KAMAILIO_RPC_LISTEN=f"tcp:127.0.0.1:{anchor_rpc}",
                      SWITCHBOARD_KAMAILIO_RPC_PORT=str(anchor_rpc))
    anchor = subprocess.Popen([shutil.which("kamailio") or "/usr/sbin/kamailio", "-f", str(config), "-DD", "-E",
                               "-Y", str(work), "-P", str(work / "anchor.pid"), "-m", "64", "-M", "8"],
                              env=anchor_env, stdout=open(work / "anchor.log", "w"), stderr=subprocess.STDOUT)
    children.append(anchor)
    time.sleep(3)

    token = json.loads(urllib.request.urlopen(urllib.request.Request(
        f"http://127.0.0.1:{http_port}/api/v1/tokens", data=json.dumps({"name": "bench", "expiresInDays": 1}).encode(),
        headers={"Content-Type": "application/json",
                 "Authorization": "Basic " + base64.b64encode(f"{EMAIL}:{PASSWORD}".encode()).decode()})).read())["token"]
    customer = subprocess.run(["psql", "-At", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "-c",
                               "select min(customer_id) from line"], check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
    list_latencies(http_port, token, customer, 50)
    idle = p95(list_latencies(http_port, token, customer, 300))
    print(f"== device list idle: p95 {idle:.1f} ms", flush=True)

    results = {}
    for name, port in (("view", sip_port), ("anchor", anchor_port)):
        for rate in RATES:
            failed, p50, p99 = storm(port, rate, users, name)
            results[(name, rate)] = (failed, p99)
            p50s = "-" if p50 is None else f"{p50:.1f}"
            p99s = "-" if p99 is None else f"{p99:.1f}"
            print(f"   {name:6} {rate:5}/s for {SECONDS} s: failed {failed:6}, p50 {p50s} ms, p99 {p99s} ms", flush=True)
            if failed:
                break

    def held(name):
        ok = [r for r in RATES if (name, r) in results and results[(name, r)][0] == 0]
        return (max(ok), results[(name, max(ok))][1]) if ok else (0, None)

    view_rate, view_p99 = held("view")
    anchor_rate, anchor_p99 = held("anchor")
    during = None
    if view_rate:
        stop = threading.Event()
        box = []
        runner = threading.Thread(target=lambda: box.extend(list_latencies(http_port, token, customer, 100000, stop)))
        runner.start()
        storm(sip_port, view_rate, users, "view-with-list")
        stop.set()
        runner.join()
        during = p95(box)
    print("== results")
    print(f"   view  : {view_rate}/s held, p99 {view_p99} ms")
    print(f"   anchor: {anchor_rate}/s held, p99 {anchor_p99} ms")
    if anchor_rate:
        print(f"   view / anchor: {100.0 * view_rate / anchor_rate:.0f}%")
    if during is not None:
        print(f"   device list p95: idle {idle:.1f} ms, during the {view_rate}/s storm {during:.1f} ms ({during / idle:.1f}x)")


try:
    main()
finally:
    for child in reversed(children):
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(20)
        except subprocess.TimeoutExpired:
            child.kill()
    shutil.rmtree(work, ignore_errors=True)
