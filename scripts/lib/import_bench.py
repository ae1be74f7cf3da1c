"""What the import benchmarks' Python phases share: the phase's arguments, the state kept between phases, calls to
the portal's API with a token, an upload followed until the import ends, and psql on the embedded database.

A phase runs as: python3 - phase port pg_port rows work (see bench_python in import-bench.sh), then
`from import_bench import *`.
"""
import base64
import json
import os
import subprocess
import sys
import time
import urllib.request
import uuid

phase, port, pg_port, rows, work = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
base = f"http://localhost:{port}"
state_file = os.path.join(work, "state.json")
state = json.load(open(state_file)) if os.path.exists(state_file) else {}


def save():
    json.dump(state, open(state_file, "w"))


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


def mint_token():
    """A token minted with the benchmark admin's email and password (HTTP Basic), for every later call."""
    basic = base64.b64encode(b"bench@switchboard.test:bench-password-1").decode()
    _, _, minted = call("POST", "/api/v1/tokens", {"name": "benchmark", "expiresInDays": 1}, {"Authorization": "Basic " + basic})
    state["token"] = minted["token"]


def upload(path, kind):
    """Uploads a file to …/<kind>-imports and polls it until it ends: (seconds in all, seconds to the 202, the import)."""
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
    """Runs SQL as the superuser of the embedded database; answers the seconds it took."""
    started = time.perf_counter()
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p", pg_port, "-U", "postgres", "-d", "postgres", "-c", sql],
                   check=True, stdout=subprocess.DEVNULL, env=dict(os.environ, PGOPTIONS="-c client_min_messages=warning"))
    return time.perf_counter() - started
