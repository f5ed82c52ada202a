#!/usr/bin/env python3
"""The growth bench: whole open cases copied in SQL, so that the other measures can be taken at
10,000 and at 100,000 open cases of the same process.

  growth.py seed URL USER PASSWORD KEY CONTRACT DATABASE TEMPLATES OPEN LABEL
      fills DATABASE to OPEN open cases of process KEY. The first time, it starts TEMPLATES real
      cases through the engine REST API (load.py) and remembers them (table bench_growth_template);
      then it copies those cases, all of them per round, until OPEN cases of KEY are open: their
      executions, variables (and the byte arrays they point at), tasks, identity links, the
      authorizations on the instance and its tasks, timer jobs and event subscriptions, the history
      of the instance and of its tasks, and, in the application, the case's register row
      (serious_incident, with a new id from its sequence and a new number) and deadlines
      (case_deadline). Every id of a copy is the template's with '-<round in two base-36 digits>'
      added, so foreign keys hold; the business key and the variables that held the template's
      case number hold the copy's. Copied timers are due
      ten years later than the template's, so none fires during the bench. Then VACUUM ANALYZE.
      Prints one JSON line: open cases, rows per table, seconds taken.
  growth.py check URL DATABASE KEY LABEL STAFF:PASSWORD PROVIDER:PASSWORD
      checks that the engine takes the copies for real cases: the open instance count through the
      REST API as the staff user equals the database's; the tasks of a copy not completed by an
      earlier check are listed for the provider user, one is claimed and unclaimed through the
      REST API (an update with the engine's revision check) and its variables are read; in the
      application the copy's number is found by GET /api/incidents/{number} and its variable
      incidentNumber holds it; then the provider
      completes that task (the reporting form) through the REST API and the copy must still be
      open with the task gone, and in the application the register must have recorded the form
      and met the copy's deadline. Then that no other copied case has run an activity and no
      copied timer is due or locked. Prints one JSON line; exits 1 when a check fails.
  growth.py lists URL DATABASE LABEL OPEN USER:PASSWORD...
      the application's register lists over HTTP, 1 and 8 clients, 10 requests per client after
      one warm-up: /api/incidents' first page and last page (size 50) and /api/contracts' first
      page (a register that does not grow), p50/p95. One JSON line per series.
  growth.py table DIRECTORY
      the figures of a growth run (starts, timers, task list, lists) side by side per size.

The database is reached with psql; PGHOST, PGPORT, PGUSER and PGPASSWORD apply.
"""
import contextlib
import io
import json
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import load  # noqa: E402
import tasklist  # noqa: E402

# Columns that hold an id of the case itself (the copy gets its own); every other column, such as
# the definition, job definition, deployment, user or group, is shared with the template.
CASE_IDS = {"id_", "proc_inst_id_", "execution_id_", "parent_id_", "super_exec_",
            "root_proc_inst_id_", "task_id_", "bytearray_id_", "var_scope_", "resource_id_",
            "act_inst_id_", "parent_act_inst_id_", "process_instance_id_", "exception_stack_id_",
            "parent_task_id_"}
# A timer copied from a template is due this much later, so that none fires while the bench runs.
COPY_TIMER_DELAY = "interval '3650 days'"
COPY = "'%-%-%-%-%-%'"  # a copy's id: a UUID (four dashes) and its round's suffix
# A round's suffix: '-' and the round in two base-36 digits (up to 1,295 rounds). The engine's ids
# are at most 64 characters and an activity instance id (activity id, ':', UUID) can take 61 of them.
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
SUFFIX = f"'-' || substr('{ALPHABET}', k / 36 + 1, 1) || substr('{ALPHABET}', k % 36 + 1, 1)"
# The reporting form a provider submits (src/test/resources/form-values/incidents/reporting-form.json).
REPORTING_FORM = {
    "incidentChronology": "07:55 carer arrived, no answer; 08:05 entered with key safe; found on floor",
    "currentPosition": "In hospital, surgery planned; package suspended",
    "contributoryFactors": "Rug in the hallway; pendant alarm not worn",
    "lessonsAndActions": "Home hazard check at every review; pendant reminders in the care plan",
    "othersInformed": "Daughter 08:20; CQC notification not required",
}


def psql(database, sql):
    answer = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", database],
                            input=sql, capture_output=True, text=True, check=False)
    if answer.returncode != 0:
        raise RuntimeError(f"psql {database}: {answer.stderr.strip()}")
    return answer.stdout.strip()


def columns(database, table):
    return psql(database, f"""select string_agg(column_name, ',' order by ordinal_position)
                              from information_schema.columns
                              where table_name = '{table}' and table_schema = 'public';""").split(",")


def exists(database, table):
    return psql(database, f"select to_regclass('public.{table}') is not null;") == "t"


def open_cases(database, key):
    return int(psql(database, f"""select count(*) from act_ru_execution e
                                  join act_re_procdef d on d.id_ = e.proc_def_id_
                                  where e.parent_id_ is null and e.id_ = e.proc_inst_id_
                                    and d.key_ = '{key}';"""))


def copy_list(database, table, alias, replaced):
    """The select list of a copy of TABLE's row ALIAS in round k: the case's ids suffixed."""
    out = []
    for column in columns(database, table):
        if column in replaced:
            out.append(replaced[column])
        elif column in CASE_IDS:
            out.append(f"{alias}.{column} || g.sfx")
        else:
            out.append(f"{alias}.{column}")
    return ", ".join(out)


# Each engine table copied: the column that names the template instance (or, with a temp table of
# the templates' tasks tt, byte arrays tv or authorized resources ta, the id that leads to it) and
# the columns it replaces.
# A value that is the template's case number (the business key, by which the application finds the
# register row, and the variables that show it) becomes the copy's.
NUMBER = "case when r.{0} = n.old then n.number else r.{0} end"


def engine_tables():
    return [
        ("act_ru_execution", "proc_inst_id_", None, {"business_key_": NUMBER.format("business_key_")}),
        ("act_ru_task", "proc_inst_id_", None, {"create_time_": "r.create_time_ - make_interval(secs => g.k)"}),
        ("act_ru_variable", "proc_inst_id_", None, {"text_": NUMBER.format("text_")}),
        ("act_ge_bytearray", "id_", "tv", {}),
        ("act_ru_identitylink", "task_id_", "tt", {}),
        ("act_ru_authorization", "resource_id_", "ta", {}),
        ("act_ru_job", "process_instance_id_", None,
         {"duedate_": f"r.duedate_ + {COPY_TIMER_DELAY}", "lock_owner_": "null", "lock_exp_time_": "null"}),
        ("act_ru_event_subscr", "proc_inst_id_", None, {}),
        ("act_hi_procinst", "proc_inst_id_", None, {"business_key_": NUMBER.format("business_key_")}),
        ("act_hi_taskinst", "proc_inst_id_", None, {}),
    ]


def start_templates(url, user, password, key, contract, count, label):
    with contextlib.redirect_stdout(io.StringIO()):
        return load.starts(url, user, password, key, contract, count, 8, label)


def seed(url, user, password, key, contract, database, templates, wanted, label):
    began = time.perf_counter()
    app = exists(database, "serious_incident")
    if not exists(database, "bench_growth_template"):
        before = set(psql(database, f"""select e.id_ from act_ru_execution e
                                       join act_re_procdef d on d.id_ = e.proc_def_id_
                                       where e.id_ = e.proc_inst_id_ and d.key_ = '{key}';""").split())
        if start_templates(url, user, password, key, contract, templates, label):
            return 1
        now = set(psql(database, f"""select e.id_ from act_ru_execution e
                                    join act_re_procdef d on d.id_ = e.proc_def_id_
                                    where e.id_ = e.proc_inst_id_ and d.key_ = '{key}';""").split())
        started = sorted(now - before)
        values = ",".join(f"('{i}')" for i in started)
        psql(database, f"""create table bench_growth_template (id_ varchar(64) primary key);
                           insert into bench_growth_template values {values};
                           create table bench_growth_round (k int primary key);""")
    per_round = int(psql(database, "select count(*) from bench_growth_template;"))
    have = open_cases(database, key)
    done = int(psql(database, "select coalesce(max(k), 0) from bench_growth_round;"))
    wanted_copies = max(0, wanted - have)
    rounds = -(-wanted_copies // per_round)
    if done + rounds >= len(ALPHABET) ** 2:
        sys.exit(f"{label}: {done + rounds} rounds of copies; the suffix holds {len(ALPHABET) ** 2 - 1}")
    inserted = {}
    copy_seconds = 0.0
    if rounds:
        first, last = done + 1, done + rounds
        # g: which template is copied in which round k; the last round copies only as many
        # templates as are still missing.
        script = [f"""
            begin;
            create temp table g as select t.id_ as template, k, {SUFFIX} as sfx from
              (select id_, row_number() over (order by id_) i from bench_growth_template) t
              cross join generate_series({first}, {last}) k
              where (k - {first}) * {per_round} + t.i <= {wanted_copies};
            create index on g (template);
            create temp table tt as select id_, proc_inst_id_ from act_ru_task
              where proc_inst_id_ in (select id_ from bench_growth_template);
            create temp table tv as select bytearray_id_ as id_, proc_inst_id_ from act_ru_variable
              where proc_inst_id_ in (select id_ from bench_growth_template) and bytearray_id_ is not null;
            create temp table ta as select id_, id_ as proc_inst_id_ from bench_growth_template
              union all select id_, proc_inst_id_ from tt;
            -- The copies' case numbers: a new id from the register's sequence per copy, and the
            -- number made from it as the register makes it (SI-<year>-<id, six digits at least>).
            create temp table n (template varchar(64), k int, sfx varchar(4), id bigint, number varchar(20),
                                 old varchar(20));"""]
        if app:
            script.append("""
            insert into n select s.process_instance_id, g.k, g.sfx, nextval('serious_incident_number'), null,
                                 s.incident_number
            from serious_incident s join g on g.template = s.process_instance_id order by g.k, s.id;
            update n set number = split_part(old, '-', 1) || '-' || split_part(old, '-', 2) || '-'
                                  || case when id < 1000000 then lpad(id::text, 6, '0') else id::text end;
            create index on n (template, k);""")
        for table, instance, via, replaced in engine_tables():
            if not exists(database, table):
                continue
            select = copy_list(database, table, "r", replaced)
            join = f"join {via} v on v.id_ = r.{instance} join g on g.template = v.proc_inst_id_" if via \
                else f"join g on g.template = r.{instance}"
            if "n.number" in select:
                join += " left join n on n.template = r.proc_inst_id_ and n.k = g.k"
            script.append(f"insert into {table} select {select} from {table} r {join};")
        if app:
            incident = ", ".join(
                {"id": "n.id", "incident_number": "n.number",
                 "process_instance_id": "s.process_instance_id || n.sfx"}.get(c, f"s.{c}")
                for c in columns(database, "serious_incident"))
            deadline_columns = [c for c in columns(database, "case_deadline") if c != "id"]
            deadline = ", ".join(
                {"case_reference": "n.number",
                 "process_instance_id": "d.process_instance_id || n.sfx"}.get(c, f"d.{c}")
                for c in deadline_columns)
            script.append(f"""
                insert into serious_incident select {incident} from serious_incident s
                  join n on n.template = s.process_instance_id;
                insert into case_deadline ({", ".join(deadline_columns)}) select {deadline}
                  from case_deadline d join n on n.template = d.process_instance_id;""")
        script.append(f"""insert into bench_growth_round select k from generate_series({first}, {last}) k;
                          commit;""")
        counts_before = table_rows(database)
        copy_began = time.perf_counter()
        psql(database, "\n".join(script))
        copy_seconds = time.perf_counter() - copy_began
        counts_after = table_rows(database)
        inserted = {t: counts_after[t] - counts_before.get(t, 0) for t in counts_after
                    if counts_after[t] != counts_before.get(t, 0)}
    vacuum_began = time.perf_counter()
    psql(database, "vacuum analyze;")
    print(json.dumps({"label": label, "open_cases": open_cases(database, key), "templates": per_round,
                      "rounds_copied": rounds, "rows_inserted": inserted,
                      "copy_seconds": round(copy_seconds, 1),
                      "vacuum_analyze_seconds": round(time.perf_counter() - vacuum_began, 1),
                      "seconds": round(time.perf_counter() - began, 1)}), flush=True)
    return 0


def table_rows(database):
    """The rows of each table the seeding writes, counted (the statistics' estimates lag)."""
    wanted = [t for t, _, _, _ in engine_tables()] + ["serious_incident", "case_deadline"]
    present = [t for t in wanted if exists(database, t)]
    sql = " union all ".join(f"select '{t}', count(*) from {t}" for t in present)
    return {t: int(c) for t, c in (line.split("|") for line in psql(database, sql + ";").splitlines())}


def call(url, method, path, user, password, body=None):
    conn = load.connection(url)
    headers = {"Authorization": load.authorization(user, password), "Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    conn.request(method, path, body, headers)
    response = conn.getresponse()
    answer = response.read()
    conn.close()
    return response.status, answer


def check(url, database, key, label, staff, provider):
    staff_user, staff_password = staff.split(":", 1)
    provider_user, provider_password = provider.split(":", 1)
    result, failures = {"label": label}, []
    in_database = open_cases(database, key)
    status, answer = call(url, "GET", f"/engine-rest/process-instance/count?processDefinitionKey={key}",
                          staff_user, staff_password)
    result["open_cases"] = in_database
    result["open_cases_rest"] = json.loads(answer)["count"] if status == 200 else f"HTTP {status}"
    if result["open_cases_rest"] != in_database:
        failures.append("instance count")
    psql(database, "create table if not exists bench_growth_completed (id_ varchar(64) primary key);")
    copy = psql(database, f"""select id_ from act_ru_execution where id_ = proc_inst_id_
                               and id_ like {COPY} and id_ not in (select id_ from bench_growth_completed)
                               order by length(id_) desc, id_ desc limit 1;""")
    result["copy"] = copy
    status, answer = call(url, "GET", f"/engine-rest/task?processInstanceId={copy}",
                          provider_user, provider_password)
    tasks = json.loads(answer) if status == 200 else []
    result["copy_tasks_seen_by_provider"] = len(tasks)
    if not tasks:
        failures.append(f"copy's tasks: HTTP {status}")
    else:
        task = tasks[0]["id"]
        claimed = call(url, "POST", f"/engine-rest/task/{task}/claim", provider_user, provider_password,
                       json.dumps({"userId": provider_user}))[0]
        assignee = psql(database, f"select assignee_ from act_ru_task where id_ = '{task}';")
        unclaimed = call(url, "POST", f"/engine-rest/task/{task}/unclaim", provider_user,
                         provider_password, "{}")[0]
        status, answer = call(url, "GET", f"/engine-rest/task/{task}/variables", provider_user,
                              provider_password)
        variables = json.loads(answer) if status == 200 else {}
        result.update(claim=claimed, assignee_after_claim=assignee, unclaim=unclaimed,
                      variables_read=len(variables))
        if claimed != 204 or assignee != provider_user or unclaimed != 204 or not variables:
            failures.append("claim, unclaim or variables of a copied task")
        app = exists(database, "serious_incident")
        if app:
            number = psql(database, f"select incident_number from serious_incident "
                                    f"where process_instance_id = '{copy}';")
            status, answer = call(url, "GET", f"/api/incidents/{number}", staff_user, staff_password)
            held = variables.get("incidentNumber", {}).get("value")
            result.update(copy_number=number, api_incident=status, variable_incidentNumber=held)
            if status != 200 or held != number:
                failures.append("the copy's register row or number")
        # The provider submits the copy's reporting form, as the process test does: the engine
        # ends the task, its boundary timer and the subprocess, and the application records the
        # form in the copy's register row and meets its deadline.
        psql(database, f"insert into bench_growth_completed values ('{copy}');")
        completed = call(url, "POST", f"/engine-rest/task/{task}/complete", provider_user, provider_password,
                         json.dumps({"variables": {k: {"value": v} for k, v in REPORTING_FORM.items()}}))
        after = psql(database, f"""select (select count(*) from act_ru_execution where id_ = '{copy}'),
            (select count(*) from act_ru_task where id_ = '{task}'),
            (select string_agg(task_def_key_, ',' order by task_def_key_) from act_ru_task where proc_inst_id_ = '{copy}');""")
        still_open, task_left, waiting = after.split("|")
        result.update(complete=completed[0], copy_open_after=int(still_open), copy_waiting_at=waiting)
        if completed[0] not in (200, 204) or still_open != "1" or task_left != "0":
            failures.append(f"completing the copy's reporting form: HTTP {completed[0]} {completed[1][:200]!r}")
        if app:
            recorded = psql(database, f"""select (select count(*) from serious_incident
                                                  where process_instance_id = '{copy}' and reporting_form_at is not null),
                (select state from case_deadline where process_instance_id = '{copy}' and kind = 'REPORTING_FORM');""")
            form_recorded, deadline_state = recorded.split("|")
            result.update(register_form_recorded=form_recorded == "1", deadline_after=deadline_state)
            if form_recorded != "1" or deadline_state != "MET":
                failures.append("the copy's register after its reporting form")
    fired = psql(database, f"""select
          (select count(*) from act_ru_job where process_instance_id_ like {COPY}
             and process_instance_id_ not in (select id_ from bench_growth_completed)
             and (duedate_ <= now() + interval '1 day' or lock_owner_ is not null)),
          (select count(*) from act_hi_actinst where proc_inst_id_ like {COPY}
             and proc_inst_id_ not in (select id_ from bench_growth_completed)),
          (select count(*) from act_ru_job where process_instance_id_ like {COPY});""").split("|")
    result.update(copied_timers_due_or_locked=int(fired[0]), copied_activities_run=int(fired[1]),
                  copied_timers=int(fired[2]))
    if int(fired[0]) or int(fired[1]):
        failures.append("a copied timer is due, locked or has fired")
    result["ok"] = not failures
    print(json.dumps(result), flush=True)
    if failures:
        print(f"FAILED: {label}: {failures}", file=sys.stderr)
        return 1
    return 0


def lists(url, database, label, open_count, users):
    for credentials in users:
        user, password = credentials.split(":", 1)
        status, answer = call(url, "GET", "/api/incidents?page=0&size=1", user, password)
        if status == 404:
            return 0  # the bare application has no /api
        # The last page this user has: staff see every incident, the provider those of its own
        # organisation (all of the bench's cases are on one of its contracts).
        mine = "" if user == "quality" else """where provider_id = (select s.provider_id from serious_incident s
                                 join bench_growth_template t on t.id_ = s.process_instance_id limit 1)"""
        seen = int(psql(database, f"select count(*) from serious_incident {mine};"))
        pages = {"first": 0, "last": max(0, (seen - 1) // 50)}
        calls = [(f"incidents {name} page", f"/api/incidents?page={page}&size=50") for name, page in pages.items()]
        calls.append(("contracts first page", "/api/contracts?page=0&size=50"))
        for clients in (1, 8):
            for what, path in calls:
                latencies, failures, items = tasklist.series(url, user, password, what, path, "GET", None,
                                                             "application/json", clients, 10)
                result = {"label": label, "open": open_count, "user": user, "call": what, "clients": clients,
                          "ok": len(latencies), "failed": len(failures),
                          "p50_ms": round(load.percentile(latencies, 0.50) * 1000, 1) if latencies else None,
                          "p95_ms": round(load.percentile(latencies, 0.95) * 1000, 1) if latencies else None,
                          "page": page_of(path), "rows": len(json.loads(items[0])) if items else None,
                          "first_failures": failures[:2]}
                print(json.dumps(result), flush=True)
    return 0


def page_of(path):
    return int(path.split("page=")[1].split("&")[0])


def table(directory):
    """One row per figure, its value at each size side by side, application then bare."""
    def read(name):
        path = os.path.join(directory, name)
        if not os.path.exists(path):
            return []
        return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip().startswith("{")]

    figures, sizes = {}, set()

    def put(name, label, size, text):
        sizes.add(size)
        figures.setdefault(name, {})[(label, size)] = text

    for r in read("growth-starts.jsonl"):
        put("cases started per second", r["label"], r["open"], f"{r['starts_per_second']:.1f}")
        put("start latency p50 / p95 (ms)", r["label"], r["open"], f"{r['p50_ms']:.0f} / {r['p95_ms']:.0f}")
    for r in read("growth-timers.jsonl"):
        put("due timers fired per second", r["label"], r["open"], f"{r['fired_per_second']:.1f}")
        put("due to all fired (s)", r["label"], r["open"], f"{r['due_to_all_fired_s']:.1f}")
        put("rows inserted per fired timer", r["label"], r["open"], f"{r['rows_inserted_per_timer']:.1f}")
    for r in read("growth-tasklist.jsonl") + read("growth-lists.jsonl"):
        if "call" not in r or (r["call"] == "incidents" and "page" not in r):
            continue
        name = f"{r['call']}, {r['user']}, {r['clients']} client{'s' if r['clients'] > 1 else ''} (p50 / p95 ms)"
        text = "no answer" if r["p50_ms"] is None else f"{r['p50_ms']:.0f} / {r['p95_ms']:.0f}"
        put(name, r["label"], r["open"], text)
    order = sorted(sizes)
    heads = [f"{label} {size:,}" for label in ("application", "bare") for size in order]
    print("| figure | " + " | ".join(heads) + " |")
    print("|---|" + "---|" * len(heads))
    for name, cells in figures.items():
        row = [cells.get((label, size), "") for label in ("application", "bare") for size in order]
        print(f"| {name} | " + " | ".join(row) + " |")
    return 0


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    command, args = argv[1], argv[2:]
    if command == "seed" and len(args) == 9:
        url, user, password, key, contract, database, templates, wanted, label = args
        return seed(url, user, password, key, contract, database, int(templates), int(wanted), label)
    if command == "check" and len(args) == 6:
        return check(*args)
    if command == "lists" and len(args) >= 5:
        url, database, label, open_count = args[:4]
        return lists(url, database, label, int(open_count), args[4:])
    if command == "table" and len(args) == 1:
        return table(args[0])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
