#!/usr/bin/env python3
"""The bench's load client and its table.

  load.py starts URL USER PASSWORD PROCESS_KEY CONTRACT COUNT CLIENTS LABEL
      starts COUNT cases of serious-incident or complaint through POST /engine-rest/process-definition/key/KEY/start from CLIENTS
      threads, each on its own kept-alive connection, and prints one JSON line: the label, how
      many succeeded and failed, the rate and the latency percentiles. Exits 1 on any failure.
  load.py wait URL USER PASSWORD PROCESS_KEY SECONDS
      waits until the user can read the process definition (the application is up, its users and
      models are in place).
  load.py table RESULTS_FILE
      prints, from the JSON lines of the measured rounds, each measure's median and spread (lowest
      to highest) per application and the ratio of the medians.
"""
import base64
import http.client
import json
import statistics
import sys
import threading
import time
import urllib.parse
from datetime import datetime, timedelta, timezone

# A provider's complete initial report, as the serious-incident start form and the tests give it.
REPORT_ITEMS = {
    "description": "Service user found on the floor by the morning carer; ambulance called",
    "partiesInvolved": "Service user; carer J. Smith; daughter",
    "emergencyServices": "Ambulance attended 08:40, conveyed to the Princess Royal University Hospital",
    "immediateAction": "Carer stayed until the ambulance left; family and office informed",
    "furtherAction": "Falls risk assessment to be reviewed before discharge",
    "serviceUserGroup": "OLDER_PEOPLE",
    "serviceUserName": "Edith Example",
    "serviceUserLbbId": "LBB-204518",
}


def minutes_ago(minutes):
    moment = datetime.now(timezone.utc) - timedelta(minutes=minutes)
    return moment.strftime("%Y-%m-%dT%H:%M+00:00")


def incident_report(contract):
    values = dict(REPORT_ITEMS)
    values.update(
        contractReference=contract,
        category="EMERGENCY_HOSPITAL_ADMISSION",
        occurredAt=minutes_ago(120),
        providerAwareAt=minutes_ago(60),
        safeguardingSuspected=False,
        riddorReportable=False,
    )
    return {"variables": {k: {"value": v} for k, v in values.items()}}


# A complaint a provider records itself (route PROVIDER, on its own contract), as the complaint
# start form gives it.
COMPLAINT_ITEMS = {
    "complainantName": "Jane Example",
    "complainantRelationship": "REPRESENTATIVE",
    "serviceUserName": "Edith Example",
    "complainantContact": "jane@example.org, 07700 900123",
    "howReceived": "EMAIL",
    "summary": "Carers arrived late three times this week and left before the end of the visit",
    "route": "PROVIDER",
    "safeguardingConcern": False,
}


def complaint(contract):
    values = dict(COMPLAINT_ITEMS)
    values.update(contractReference=contract, receivedAt=minutes_ago(60))
    return {"variables": {k: {"value": v} for k, v in values.items()}}


def start_request(key, contract):
    """The start payload of a process the bench knows."""
    if key == "complaint":
        return complaint(contract)
    return incident_report(contract)


def connection(url):
    parts = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)


def authorization(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def starts(url, user, password, key, contract, count, clients, label):
    path = f"/engine-rest/process-definition/key/{key}/start"
    headers = {"Authorization": authorization(user, password), "Content-Type": "application/json"}
    latencies, failures = [], []
    lock = threading.Lock()
    remaining = [count]

    def take():
        with lock:
            if remaining[0] == 0:
                return False
            remaining[0] -= 1
            return True

    def client():
        conn = connection(url)
        while take():
            body = json.dumps(start_request(key, contract))
            began = time.perf_counter()
            try:
                conn.request("POST", path, body, headers)
                response = conn.getresponse()
                answer = response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                conn.close()
                conn = connection(url)
                status, answer = None, str(error).encode()
            elapsed = time.perf_counter() - began
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    failures.append(f"{status}: {answer[:300].decode(errors='replace')}")
        conn.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    result = {
        "label": label,
        "ok": len(latencies),
        "failed": len(failures),
        "seconds": round(seconds, 2),
        "starts_per_second": round(len(latencies) / seconds, 2),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1) if latencies else None,
        "first_failures": failures[:3],
    }
    print(json.dumps(result), flush=True)
    if failures:
        print(f"FAILED: {len(failures)} of {count} starts of {label} failed; first: {failures[:3]}",
              file=sys.stderr)
        return 1
    return 0


def wait(url, user, password, key, seconds):
    deadline = time.time() + seconds
    path = f"/engine-rest/process-definition/key/{key}"
    last = "no answer"
    while time.time() < deadline:
        try:
            conn = connection(url)
            conn.request("GET", path, headers={"Authorization": authorization(user, password)})
            response = conn.getresponse()
            response.read()
            conn.close()
            if response.status == 200:
                return 0
            last = f"HTTP {response.status}"
        except OSError as error:
            last = str(error)
        time.sleep(2)
    print(f"{url}: {user} could not read {key} within {seconds} s ({last})", file=sys.stderr)
    return 1


MEASURES = [
    ("cases started per second", "starts_per_second", "{:.1f}"),
    ("start latency p50 (ms)", "p50_ms", "{:.0f}"),
    ("start latency p95 (ms)", "p95_ms", "{:.0f}"),
]


def table(results_file, measures=MEASURES):
    rounds = [json.loads(line) for line in open(results_file, encoding="utf-8") if line.strip()]
    by_label = {}
    for result in rounds:
        by_label.setdefault(result["label"], []).append(result)
    app, bare = by_label.get("application", []), by_label.get("bare", [])
    print(f"{len(app)} rounds of the application, {len(bare)} of the bare engine")
    print()
    print("| measure | application median (spread) | bare median (spread) | ratio |")
    print("|---|---|---|---|")
    for name, field, fmt in measures:
        cells = []
        medians = []
        for results in (app, bare):
            values = [r[field] for r in results]
            median = statistics.median(values)
            medians.append(median)
            cells.append(f"{fmt.format(median)} ({fmt.format(min(values))}-{fmt.format(max(values))})")
        print(f"| {name} | {cells[0]} | {cells[1]} | {medians[0] / medians[1]:.2f} |")
    return 0


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    command, args = argv[1], argv[2:]
    if command == "starts" and len(args) == 8:
        url, user, password, key, contract, count, clients, label = args
        return starts(url, user, password, key, contract, int(count), int(clients), label)
    if command == "wait" and len(args) == 5:
        url, user, password, key, seconds = args
        return wait(url, user, password, key, int(seconds))
    if command == "table" and len(args) == 1:
        return table(args[0])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
