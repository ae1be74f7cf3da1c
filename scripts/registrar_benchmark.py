"""Helpers of scripts/registrar-benchmark.sh.

  step STAT_CSV RTT_CSV RATE SECONDS   reads one storm step's SIPp files (-trace_stat, -trace_rtt) and
                                       prints one line: calls, failures, retransmissions, the rate
                                       achieved and the p50/p99 of each response time; exits 0 when the
                                       step was held (every call answered 200 after its challenge, no
                                       failure, at >= 95 % of the rate asked for), 1 otherwise
  list PORT TOKEN CUSTOMER SECONDS     times the Devices list API (first page, 50 devices) one request
                                       at a time for SECONDS (after 20 warm-up requests) and prints
                                       "p50 p95 count" in milliseconds
"""
import csv
import http.client
import sys
import time


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def step(stat_csv, rtt_csv, rate, seconds):
    rate, seconds = int(rate), int(seconds)
    with open(stat_csv, newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    last = rows[-1]
    ok = int(last["SuccessfulCall(C)"])
    failed = int(last["FailedCall(C)"])
    retrans = int(last["Retransmissions(C)"])
    # StartTime and CurrentTime read "date<TAB>time<TAB>epoch seconds" (ElapsedTime is whole seconds only).
    elapsed = float(last["CurrentTime"].split("\t")[2]) - float(last["StartTime"].split("\t")[2])
    # Response times in whole milliseconds (SIPp's clock ticks in ms).
    times = {"challenge": [], "authenticated": []}
    with open(rtt_csv, newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            name = row["rtd_no"]
            if name in times:
                times[name].append(float(row["response_time_ms"]))
    expected = rate * seconds
    achieved = ok / elapsed if elapsed else 0.0
    held = failed == 0 and ok == expected and len(times["authenticated"]) == expected and achieved >= 0.95 * rate
    print(f"{rate:>5}/s asked  {ok:>6} registered  {failed:>4} failed  {retrans:>5} retransmissions  "
          f"{achieved:7.0f}/s achieved  challenge p50/p99 {percentile(times['challenge'], .5):5.1f}/"
          f"{percentile(times['challenge'], .99):5.1f} ms  authenticated REGISTER p50/p99 "
          f"{percentile(times['authenticated'], .5):5.1f}/{percentile(times['authenticated'], .99):5.1f} ms  "
          f"{'held' if held else 'NOT held'}")
    return 0 if held else 1


def device_list(port, token, customer, seconds):
    conn = http.client.HTTPConnection("127.0.0.1", int(port))
    path = f"/api/v1/customers/{customer}/devices?size=50"
    headers = {"Authorization": "Bearer " + token}

    def one():
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        answer = conn.getresponse()
        answer.read()
        if answer.status != 200:
            raise SystemExit(f"the Devices list answered {answer.status}")
        return (time.perf_counter() - started) * 1000

    for _ in range(20):
        one()
    times = []
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        times.append(one())
    print(f"{percentile(times, .5):.1f} {percentile(times, .95):.1f} {len(times)}")
    return 0


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "step":
        sys.exit(step(*args))
    if command == "list":
        sys.exit(device_list(*args))
    raise SystemExit(__doc__)
