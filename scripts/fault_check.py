"""The fault script of issue 9 (see fault-check.sh): every figure it prints is measured, none assumed."""
import base64, json, os, random, shutil, signal, socket, statistics, subprocess, sys, tempfile, threading, time
import urllib.error, urllib.request

JAR = os.path.abspath(sys.argv[1])
WORK = tempfile.mkdtemp(prefix="switchboard-faults-")
DATA = os.path.join(WORK, "postgres")
EMAIL, PASSWORD = "faults@switchboard.test", "faults-password-1"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


PORT = free_port()
BASE = f"http://127.0.0.1:{PORT}"
app = None
failures = []


def check(ok, text):
    print(("  PASS " if ok else "  FAIL ") + text, flush=True)
    if not ok:
        failures.append(text)


def start_app(log_name):
    global app
    env = dict(os.environ, SERVER_PORT=str(PORT), SWITCHBOARD_DATA_DIR=DATA,
               SWITCHBOARD_ADMIN_EMAIL=EMAIL, SWITCHBOARD_ADMIN_PASSWORD=PASSWORD)
    log = open(os.path.join(WORK, log_name), "w")
    app = subprocess.Popen(["java", "-Xmx512m", "-jar", JAR], env=env, stdout=log, stderr=subprocess.STDOUT)
    started = time.time()
    while time.time() - started < 180:
        if app.poll() is not None:
            return None
        if status("GET", "/actuator/health")[0] == 200:
            return time.time() - started
        time.sleep(0.25)
    return None


def request(method, path, body=None, headers=None, timeout=30, raw=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=dict(headers or {}))
    if body is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception:
        return 0, b""


def status(method, path, **kw):
    return request(method, path, **kw)


def basic(email, password):
    return {"Authorization": "Basic " + base64.b64encode(f"{email}:{password}".encode()).decode()}


def token(email, password):
    code, body = request("POST", "/api/v1/tokens", {"name": "faults", "expiresInDays": 1}, basic(email, password))
    assert code == 201, (code, body)
    return {"Authorization": "Bearer " + json.loads(body)["token"]}


def api(auth, method, path, body=None, expect=(200, 201)):
    code, out = request(method, path, body, auth)
    assert code in expect, (method, path, code, out[:300])
    return json.loads(out) if out else None


def postmaster():
    with open(os.path.join(DATA, "postmaster.pid")) as f:
        return int(f.readline())


def postgres_processes():
    pm = postmaster()
    children = subprocess.run(["pgrep", "-P", str(pm)], capture_output=True, text=True).stdout.split()
    return [pm] + [int(c) for c in children]


def pg_port():
    with open(os.path.join(DATA, "postmaster.pid")) as f:
        return f.read().splitlines()[3]


def psql(sql):
    with open(os.path.join(DATA, "switchboard-superuser.password")) as f:
        password = f.read().strip()
    out = subprocess.run(["psql", "-At", "-h", "127.0.0.1", "-p", pg_port(), "-U", "postgres", "-d", "postgres", "-c", sql],
                         env=dict(os.environ, PGPASSWORD=password), capture_output=True, text=True, check=True)
    return out.stdout.strip()


def random_mac():
    # A burned-in address: neither multicast nor locally administered.
    first = random.randrange(0, 256) & 0xFC
    return ":".join(f"{b:02X}" for b in [first] + [random.randrange(256) for _ in range(5)])


class Writers:
    """Several clients adding devices as fast as they can; remembers what was acknowledged with 201."""

    def __init__(self, auth, customer, site, model, clients=4):
        self.auth, self.path, self.site, self.model = auth, f"/api/v1/customers/{customer}/devices", site, model
        self.acknowledged, self.statuses, self.stop = [], {}, threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(clients)]

    def run(self):
        while not self.stop.is_set():
            mac = random_mac()
            code, _ = request("POST", self.path, {"siteId": self.site, "modelId": self.model, "macAddress": mac}, self.auth, timeout=90)
            with self.lock:
                self.statuses[code] = self.statuses.get(code, 0) + 1
                if code == 201:
                    self.acknowledged.append(mac.replace(":", "").lower())
            if code != 201:
                time.sleep(0.05)

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join(120)


def missing(macs):
    if not macs:
        return []
    stored = set(m.lower() for m in psql("select mac from device").split())
    return [m for m in macs if m not in stored]


def p95(values):
    values = sorted(values)
    return values[max(0, int(len(values) * 0.95) - 1)]


def main():
    print(f"Portal on {BASE}, data in {WORK}", flush=True)
    up = start_app("app-1.log")
    if up is None:
        print("The portal did not start", file=sys.stderr)
        sys.exit(1)
    provider = token(EMAIL, PASSWORD)
    a = api(provider, "POST", "/api/v1/customers", {"name": "Tenant A", "country": "CA", "language": "en"})["id"]
    b = api(provider, "POST", "/api/v1/customers", {"name": "Tenant B", "country": "CA", "language": "en"})["id"]
    site_a = api(provider, "POST", f"/api/v1/customers/{a}/sites", {"name": "A", "country": "CA", "timeZone": "America/Toronto"})["id"]
    site_b = api(provider, "POST", f"/api/v1/customers/{b}/sites", {"name": "B", "country": "CA", "timeZone": "America/Toronto"})["id"]
    model = api(provider, "GET", f"/api/v1/customers/{a}/sites/{site_a}/device-models")[0]
    b_email = "admin-b@faults.test"
    api(provider, "POST", f"/api/v1/customers/{b}/admins", {"email": b_email, "name": "B admin", "password": "tenant-b-password"})

    print("1. kill -9 of the JVM during writes, then one restart", flush=True)
    with Writers(provider, a, site_a, model["id"]) as writers:
        time.sleep(4)
        app.send_signal(signal.SIGKILL)
        app.wait()
        time.sleep(1)
    orphan_alive = os.path.exists(os.path.join(DATA, "postmaster.pid"))
    restart = start_app("app-2.log")
    check(restart is not None, f"first restart after kill -9 succeeded ({restart:.1f} s to healthy; PostgreSQL left running: {orphan_alive})"
          if restart else "first restart after kill -9 failed")
    if restart is None:
        sys.exit(1)
    provider = token(EMAIL, PASSWORD)
    lost = missing(writers.acknowledged)
    check(not lost, f"{len(writers.acknowledged)} devices answered 201 before the kill, {len(lost)} missing")

    print("2. kill -9 of PostgreSQL during writes", flush=True)
    with Writers(provider, a, site_a, model["id"]) as writers:
        time.sleep(3)
        killed = time.time()
        os.kill(postmaster(), signal.SIGKILL)
        while status("GET", "/actuator/health")[0] != 200 and time.time() - killed < 60:
            time.sleep(0.2)
        back = time.time() - killed
        time.sleep(3)
    lost = missing(writers.acknowledged)
    check(not lost, f"{len(writers.acknowledged)} devices answered 201, {len(lost)} missing after the crash; "
                    f"healthy again {back:.1f} s after the kill; answers {writers.statuses}")
    check(500 not in writers.statuses, "no 500 while PostgreSQL was down")

    print("3. PostgreSQL frozen (SIGSTOP) for 30 s", flush=True)
    frozen = postgres_processes()
    answers = {}
    for pid in frozen:
        os.kill(pid, signal.SIGSTOP)
    stopped = time.time()
    down_after = None
    while time.time() - stopped < 30:
        if down_after is None and status("GET", "/actuator/health", timeout=10)[0] == 503:
            down_after = time.time() - stopped
        code, _ = request("GET", f"/api/v1/customers/{a}/devices?size=1", headers=provider, timeout=10)
        answers[code] = answers.get(code, 0) + 1
        time.sleep(0.2)
    for pid in frozen:
        os.kill(pid, signal.SIGCONT)
    thawed = time.time()
    while status("GET", "/actuator/health", timeout=10)[0] != 200 and time.time() - thawed < 60:
        time.sleep(0.1)
    health_back = time.time() - thawed
    while request("GET", f"/api/v1/customers/{a}/devices?size=1", headers=provider, timeout=10)[0] != 200 and time.time() - thawed < 60:
        time.sleep(0.1)
    api_back = time.time() - thawed
    check(down_after is not None and down_after <= 5, f"health DOWN {down_after:.1f} s after the freeze" if down_after is not None
          else "health never went DOWN")
    check(answers.get(503, 0) > 0 and 500 not in answers, f"API answers during the freeze: {answers}")
    check(health_back <= 5 and api_back <= 5, f"health UP {health_back:.1f} s and the API {api_back:.1f} s after the thaw")

    print("4. 200 concurrent large exports of tenant A while tenant B signs in and lists devices", flush=True)
    rows = ["site,model,mac address,label"] + [f"A,{model['displayName']},{random_mac()},row {i}" for i in range(20000)]
    boundary = "faultsboundary"
    upload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n"
              + "\r\n".join(rows) + f"\r\n--{boundary}--\r\n").encode()
    code, out = request("POST", f"/api/v1/customers/{a}/device-imports", headers=dict(provider, **{
        "Content-Type": f"multipart/form-data; boundary={boundary}"}), raw=upload, timeout=120)
    job = json.loads(out)["id"]
    while api(provider, "GET", f"/api/v1/customers/{a}/device-imports/{job}")["status"] not in ("COMPLETED", "REJECTED", "FAILED"):
        time.sleep(0.5)
    exports = token(EMAIL, PASSWORD)

    def tenant_b(seconds):
        timings, codes, end = [], {}, time.time() + seconds
        while time.time() < end:
            started = time.time()
            code, out = request("POST", "/api/v1/tokens", {"name": "b", "expiresInDays": 1}, basic(b_email, "tenant-b-password"))
            codes[code] = codes.get(code, 0) + 1
            if code == 201:
                auth = {"Authorization": "Bearer " + json.loads(out)["token"]}
                code, _ = request("GET", f"/api/v1/customers/{b}/devices?size=50", headers=auth)
                codes[code] = codes.get(code, 0) + 1
            timings.append(time.time() - started)
        return timings, codes

    idle, idle_codes = tenant_b(15)
    flood_codes, stop = {}, threading.Event()
    lock = threading.Lock()

    def export():
        while not stop.is_set():
            code, _ = request("GET", f"/api/v1/customers/{a}/devices.csv", headers=exports, timeout=120)
            with lock:
                flood_codes[code] = flood_codes.get(code, 0) + 1
            if code == 429:
                time.sleep(0.5)

    threads = [threading.Thread(target=export, daemon=True) for _ in range(200)]
    for t in threads:
        t.start()
    time.sleep(2)
    busy, busy_codes = tenant_b(20)
    stop.set()
    for t in threads:
        t.join(120)
    ratio = p95(busy) / p95(idle)
    check(ratio <= 2, f"tenant B sign-in + list p95: idle {p95(idle) * 1000:.0f} ms, under the flood {p95(busy) * 1000:.0f} ms ({ratio:.2f}x)")
    check(500 not in busy_codes and 500 not in flood_codes,
          f"answers to tenant B {busy_codes} (idle {idle_codes}); to the exports {flood_codes}")

    app.send_signal(signal.SIGTERM)
    app.wait(60)
    print(f"{'All checks passed' if not failures else str(len(failures)) + ' check(s) failed'}; logs in {WORK}", flush=True)
    if not failures:
        shutil.rmtree(WORK, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    try:
        main()
    finally:
        if app is not None and app.poll() is None:
            app.kill()
