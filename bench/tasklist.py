#!/usr/bin/env python3
"""The task list bench: a council team's and a provider's Tasklist list and count at N open tasks.

  tasklist.py seed URL USER PASSWORD KEY CONTRACT DATABASE CASES OPEN LABEL
      fills DATABASE to OPEN open tasks of process KEY: starts CASES real cases through the engine
      REST API (load.py) unless that many are open already, then clones their task rows in SQL
      (act_ru_task, act_ru_identitylink and the act_ru_authorization rows of each task, with new
      ids, on the real executions) until OPEN tasks of KEY are open, then VACUUM ANALYZE (the
      visibility map and statistics a database in use would have, so that index-only scans and
      the planner's estimates are those of a settled database, not of freshly inserted rows). Prints one JSON
      line: the open tasks per candidate group.
  tasklist.py measure URL FILTER REQUESTS LABEL OPEN USER:PASSWORD...
      for each user, 1 and then 8 concurrent clients, the Tasklist calls for the shared filter
      FILTER: its list (POST /engine-rest/filter/{id}/list, first page of 15, newest first, HAL as
      Tasklist asks) and its count (GET /engine-rest/filter/{id}/count), and the application's
      own list GET /api/incidents when it answers. REQUESTS per client after one warm-up; a series
      stops early after 30 s, and one whose single
      client took over 10 s a request is not repeated with 8 clients. Prints one JSON line per series.
  tasklist.py table RESULTS_FILE
      prints the series as a table.
"""
import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import load  # noqa: E402

SERIES_SECONDS = 30
# A series whose single client waits longer than this per request is not repeated with 8.
SLOW_SECONDS = 10


def psql(database, sql):
    return subprocess.run(["psql", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def columns(database, table):
    return psql(database, f"select string_agg(column_name, ',' order by ordinal_position) "
                          f"from information_schema.columns where table_name = '{table}'").split(",")


def select_list(database, table, alias, replaced):
    return ", ".join(replaced.get(c, f"{alias}.{c}") for c in columns(database, table))


def open_tasks(database, key):
    return int(psql(database, f"""select count(*) from act_ru_task t join act_re_procdef d
                                  on d.id_ = t.proc_def_id_ where d.key_ = '{key}'"""))


def seed(url, user, password, key, contract, database, cases, wanted, label):
    # The real tasks are those whose id has no clone suffix; each clone round k copies them as
    # id || '-k', created k seconds earlier, so every clone is on a real execution.
    real = f"""select t.* from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_
               where d.key_ = '{key}' and t.id_ not like '%-%-%-%-%-%'"""
    have_cases = int(psql(database, f"""select count(*) from act_ru_execution e
                                        join act_re_procdef d on d.id_ = e.proc_def_id_
                                        where e.parent_id_ is null and d.key_ = '{key}'"""))
    if have_cases < cases:
        with open(os.devnull, "w") as quiet:
            stdout, sys.stdout = sys.stdout, quiet
            try:
                failed = load.starts(url, user, password, key, contract, cases - have_cases, 8, label)
            finally:
                sys.stdout = stdout
        if failed:
            return 1
    per_round = int(psql(database, f"select count(*) from ({real}) r"))
    have = open_tasks(database, key)
    done_rounds = (have - per_round) // per_round
    rounds = -(-wanted // per_round) - 1
    if rounds > done_rounds:
        series = f"generate_series({done_rounds + 1}, {rounds}) k"
        task = select_list(database, "act_ru_task", "t", {
            "id_": "t.id_ || '-' || k",
            "create_time_": "t.create_time_ - make_interval(secs => k)",
        })
        link = select_list(database, "act_ru_identitylink", "l", {
            "id_": "l.id_ || '-' || k", "task_id_": "l.task_id_ || '-' || k"})
        auth = select_list(database, "act_ru_authorization", "a", {
            "id_": "a.id_ || '-' || k", "resource_id_": "a.resource_id_ || '-' || k"})
        psql(database, f"""
            begin;
            create temp table real_task as {real};
            insert into act_ru_task select {task} from real_task t cross join {series};
            insert into act_ru_identitylink select {link} from act_ru_identitylink l
              join real_task t on t.id_ = l.task_id_ cross join {series};
            insert into act_ru_authorization select {auth} from act_ru_authorization a
              join real_task t on t.id_ = a.resource_id_ and a.resource_type_ in (7, 19)
              cross join {series};
            commit;""")
    # Settle the copied rows before measuring: without VACUUM every heap page of the new rows is
    # unmarked in the visibility map and an index-only scan reads the table anyway.
    psql(database, "vacuum analyze")
    groups = psql(database, f"""select l.group_id_ || '=' || count(*) from act_ru_identitylink l
                                join act_ru_task t on t.id_ = l.task_id_
                                join act_re_procdef d on d.id_ = t.proc_def_id_
                                where d.key_ = '{key}' and l.type_ = 'candidate'
                                group by l.group_id_ order by 1""")
    print(json.dumps({"label": label, "open_tasks": open_tasks(database, key),
                      "real_tasks": per_round, "by_group": groups.split("\n"),
                      "authorizations": int(psql(database, "select count(*) from act_ru_authorization"))}),
          flush=True)
    return 0


def request(conn, method, path, headers, body=None):
    conn.request(method, path, body, headers)
    response = conn.getresponse()
    answer = response.read()
    return response.status, answer


def filter_id(url, auth, name):
    conn = load.connection(url)
    status, answer = request(conn, "GET", "/engine-rest/filter?resourceType=Task",
                             {"Authorization": auth, "Accept": "application/json"})
    conn.close()
    if status != 200:
        raise SystemExit(f"{url}: filters answered HTTP {status}: {answer[:300]!r}")
    for found in json.loads(answer):
        if found["name"] == name:
            return found["id"]
    raise SystemExit(f"{url}: no filter named {name!r}")


# What Tasklist sends for a filter's first page (its taskListQuery) and Accept (HAL: the page with
# its count, assignees, definitions and the filter's variables embedded).
LIST_BODY = json.dumps({"processVariables": [], "taskVariables": [], "caseInstanceVariables": [],
                        "sorting": [{"sortBy": "created", "sortOrder": "desc"}], "active": True})


def series(url, user, password, what, path, method, body, accept, clients, requests):
    headers = {"Authorization": load.authorization(user, password), "Accept": accept}
    if body is not None:
        headers["Content-Type"] = "application/json"
    latencies, failures, items = [], [], []
    lock = threading.Lock()
    deadline = time.time() + SERIES_SECONDS

    def client():
        conn = load.connection(url)
        try:
            status, answer = request(conn, method, path, headers, body)  # warm-up, not counted
            for _ in range(requests):
                if time.time() > deadline:
                    break
                began = time.perf_counter()
                status, answer = request(conn, method, path, headers, body)
                elapsed = time.perf_counter() - began
                with lock:
                    if status == 200:
                        latencies.append(elapsed)
                        if not items:
                            items.append(answer)
                    else:
                        failures.append(f"{status}: {answer[:200].decode(errors='replace')}")
        except (OSError, load.http.client.HTTPException) as error:
            with lock:
                failures.append(str(error))
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, failures, items


def shown(what, answer):
    data = json.loads(answer)
    if what == "list":
        return {"count": data.get("count"), "page": len(data.get("_embedded", {}).get("task", []))}
    if what == "count":
        return {"count": data.get("count")}
    return {"count": len(data)}


def measure(url, name, requests, label, open_count, users):
    for credentials in users:
        user, password = credentials.split(":", 1)
        fid = filter_id(url, load.authorization(user, password), name)
        calls = [("list", f"/engine-rest/filter/{fid}/list?firstResult=0&maxResults=15", "POST",
                  LIST_BODY, "application/hal+json"),
                 ("count", f"/engine-rest/filter/{fid}/count", "GET", None, "application/json"),
                 ("incidents", "/api/incidents", "GET", None, "application/json")]
        slow = set()
        for clients in (1, 8):
            for what, path, method, body, accept in calls:
                if what in slow:
                    continue
                latencies, failures, items = series(url, user, password, what, path, method, body,
                                                    accept, clients, requests)
                if what == "incidents" and not latencies and all(f.startswith("404") for f in failures):
                    continue  # the bare application has no /api
                result = {"label": label, "open": open_count, "user": user, "call": what,
                          "clients": clients, "ok": len(latencies), "failed": len(failures),
                          "p50_ms": round(load.percentile(latencies, 0.50) * 1000, 1) if latencies else None,
                          "p95_ms": round(load.percentile(latencies, 0.95) * 1000, 1) if latencies else None,
                          "first_failures": failures[:2]}
                if items:
                    result.update(shown(what, items[0]))
                print(json.dumps(result), flush=True)
                if not latencies or load.percentile(latencies, 0.50) > SLOW_SECONDS:
                    slow.add(what)
    return 0


def table(results_file):
    rows = [json.loads(line) for line in open(results_file, encoding="utf-8") if line.strip()]
    print("| open tasks | application | user | call | clients | requests (failed) | p50 ms | p95 ms | rows |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        if "call" not in r:
            continue
        print(f"| {r['open']:,} | {r['label']} | {r['user']} | {r['call']} | {r['clients']} | {r['ok']} ({r['failed']}) "
              f"| {r['p50_ms']} | {r['p95_ms']} | {r.get('count')} |")
    return 0


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    command, args = argv[1], argv[2:]
    if command == "seed" and len(args) == 9:
        url, user, password, key, contract, database, cases, wanted, label = args
        return seed(url, user, password, key, contract, database, int(cases), int(wanted), label)
    if command == "measure" and len(args) >= 6:
        url, name, requests, label, open_count = args[:5]
        return measure(url, name, int(requests), label, int(open_count), args[5:])
    if command == "table" and len(args) == 1:
        return table(args[0])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
