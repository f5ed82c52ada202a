#!/usr/bin/env python3
"""The bench's timer measure: many deadline timers due at once, and how fast the engine fires them.

  timers.py round URL USER PASSWORD PROCESS_KEY CONTRACT COUNT CLIENTS LABEL DATABASE
      starts COUNT cases (as load.py starts does), makes the reporting-form timer of each due at
      once with one SQL UPDATE of act_ru_job.duedate_, waits until all of them have fired and
      prints one JSON line: the time from due to the last one fired, the firing rate, the rows
      inserted per fired timer and whether each fired exactly once. Exits 1 on a failed start, a
      failed job, a timeout or a timer that fired other than once.
  timers.py table RESULTS_FILE
      the median, spread and ratio table of those lines, as load.py table does for starts.

The database is reached with psql; PGHOST, PGPORT, PGUSER and PGPASSWORD apply.
"""
import contextlib
import io
import json
import os
import subprocess
import sys
import time

# load.py is a script beside this one, not an installed module; no __pycache__ in the repository.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import load  # noqa: E402

# A case started with a complete initial report waits for the reporting form; the first of its
# deadlines is this non-interrupting boundary timer (seed 002 §12.5, 48 hours after the incident),
# and its first step after firing is this service task. The bare model keeps the same ids.
TIMER = "Timer_FullReport48h"
ESCALATION = "Task_ReportingFormMissed"
# Polled between looks at the remaining jobs.
POLL_SECONDS = 0.5
# A backend with statistics pending sends them to pg_stat_user_tables at the latest 10 seconds after
# it goes idle (PostgreSQL 15); with less, a round's rows come out too many or too few.
STATS_SETTLE_SECONDS = 11.0


def psql(database, sql):
    answer = subprocess.run(
        ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", database],
        input=sql, capture_output=True, text=True, check=False)
    if answer.returncode != 0:
        raise RuntimeError(f"psql {database}: {answer.stderr.strip()}")
    return answer.stdout.strip()


def rows_inserted(database):
    """Rows inserted so far, per table."""
    rows = psql(database, "select relname, n_tup_ins from pg_stat_user_tables;").splitlines()
    return {table: int(count) for table, count in (row.split("|") for row in rows)}


def timer_jobs(key):
    return f"""select j.id_, j.process_instance_id_ from act_ru_job j
               join act_ru_jobdef d on d.id_ = j.job_def_id_
               where d.act_id_ = '{TIMER}' and d.proc_def_key_ = '{key}'"""


def start_cases(url, user, password, key, contract, count, clients, label):
    """load.py's starts, its JSON line kept out of this measure's output."""
    line = io.StringIO()
    with contextlib.redirect_stdout(line):
        failed = load.starts(url, user, password, key, contract, count, clients, label)
    return failed, json.loads(line.getvalue())


def fired_once(database, count):
    """Per case of the round: how often the timer fired and its escalation ran (history)."""
    per_case = psql(database, f"""
        with fired as (
          select b.proc_inst_id_,
                 count(*) filter (where a.act_id_ = '{TIMER}') timers,
                 count(*) filter (where a.act_id_ = '{ESCALATION}') escalations
          from bench_timer_job b
          left join act_hi_actinst a on a.proc_inst_id_ = b.proc_inst_id_
                                    and a.act_id_ in ('{TIMER}', '{ESCALATION}')
          group by b.proc_inst_id_)
        select count(*) filter (where timers = 1 and escalations = 1),
               count(*) filter (where timers > 1 or escalations > 1),
               count(*) filter (where timers = 0 or escalations = 0)
        from fired;""")
    once, more, never = (int(v) for v in per_case.split("|"))
    return {"fired_once": once, "fired_more": more, "not_fired": never, "exactly_once": once == count}


def firing_span(database):
    """Seconds from the first timer fired to the last escalation's end, by the engine's clock."""
    return float(psql(database, f"""
        select extract(epoch from max(a.end_time_) - min(a.start_time_))
        from act_hi_actinst a join bench_timer_job b on b.proc_inst_id_ = a.proc_inst_id_
        where a.act_id_ in ('{TIMER}', '{ESCALATION}');"""))


def breaches_since(database, moment):
    """The application's own record of a missed deadline; none in the bare engine."""
    exists = psql(database, "select to_regclass('deadline_breach') is not null;")
    if exists != "t":
        return None
    return int(psql(database, f"select count(*) from deadline_breach where recorded_at >= '{moment}';"))


def measure_round(url, user, password, key, contract, count, clients, label, database):
    psql(database, "create table if not exists bench_timer_job "
                   "(job_id_ varchar(64) primary key, proc_inst_id_ varchar(64));")
    before = {row.split("|")[0] for row in psql(database, timer_jobs(key) + ";").splitlines()}
    failed, started = start_cases(url, user, password, key, contract, count, clients, label)
    if failed:
        print(f"FAILED: starts of {label}: {started['first_failures']}", file=sys.stderr)
        return 1
    new = [row.split("|") for row in psql(database, timer_jobs(key) + ";").splitlines()
           if row.split("|")[0] not in before]
    if len(new) != count:
        print(f"FAILED: {label}: {count} cases started but {len(new)} new {TIMER} jobs", file=sys.stderr)
        return 1
    values = ",".join(f"('{job}','{instance}')" for job, instance in new)
    psql(database, f"truncate bench_timer_job; insert into bench_timer_job values {values};")

    time.sleep(STATS_SETTLE_SECONDS)
    inserted_before = rows_inserted(database)
    due_at = psql(database, "select now();")
    # One statement, so every timer is due from the same moment; the job executor is not told and
    # finds them at its next acquisition (at most max-wait, 10 s, later when it was idle).
    psql(database, "update act_ru_job set duedate_ = now() "
                   "where id_ in (select job_id_ from bench_timer_job);")
    began = time.perf_counter()
    timeout = 120 + count  # at least one timer a second, whatever the machine
    while True:
        remaining, stuck = (int(v) for v in psql(database, """
            select count(*), count(*) filter (where j.retries_ = 0) from act_ru_job j
            join bench_timer_job b on b.job_id_ = j.id_;""").split("|"))
        if remaining == 0:
            break
        elapsed = time.perf_counter() - began
        if stuck == remaining or elapsed > timeout:
            errors = psql(database, """
                select distinct exception_msg_ from act_ru_job j
                join bench_timer_job b on b.job_id_ = j.id_ where exception_msg_ is not null limit 3;""")
            print(f"FAILED: {label}: {remaining} of {count} timers not fired after {elapsed:.0f} s, "
                  f"{stuck} out of retries; {errors}", file=sys.stderr)
            return 1
        time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - began
    time.sleep(STATS_SETTLE_SECONDS)
    inserted_after = rows_inserted(database)
    by_table = {table: n - inserted_before.get(table, 0) for table, n in inserted_after.items()}
    inserted = sum(by_table.values())
    span = firing_span(database)

    result = {
        "label": label,
        "timers": count,
        "due_to_all_fired_s": round(seconds, 2),
        "firing_span_s": round(span, 2),
        "fired_per_second": round(count / span, 2) if span > 0 else None,
        "rows_inserted_per_timer": round(inserted / count, 1),
        "rows_inserted_per_timer_by_table": {
            table: round(n / count, 2) for table, n in sorted(by_table.items(), key=lambda t: -t[1]) if n},
        "breaches_recorded": breaches_since(database, due_at),
        **fired_once(database, count),
    }
    print(json.dumps(result), flush=True)
    if not result["exactly_once"]:
        print(f"FAILED: {label}: not every timer fired exactly once: {result}", file=sys.stderr)
        return 1
    return 0


MEASURES = [
    ("due timers fired per second", "fired_per_second", "{:.1f}"),
    ("due to all fired (s)", "due_to_all_fired_s", "{:.1f}"),
    ("rows inserted per fired timer", "rows_inserted_per_timer", "{:.1f}"),
]


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    command, args = argv[1], argv[2:]
    if command == "round" and len(args) == 9:
        url, user, password, key, contract, count, clients, label, database = args
        return measure_round(url, user, password, key, contract, int(count), int(clients), label, database)
    if command == "table" and len(args) == 1:
        return load.table(args[0], MEASURES)
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
