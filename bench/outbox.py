#!/usr/bin/env python3
"""The email outbox's drain rate into a local SMTP sink, and that each recipient got each message once.

  outbox.py --app-jar JAR [--messages N] [--rounds N] [--threads N] [--batch-size N]
            [--interval SECONDS] [--clients N] [--work DIR]

Launches the application (profiles postgres,demo, on a new PostgreSQL database) with its email
pointed at an SMTP sink this script runs (MAIL_HOST/MAIL_PORT; the demo's own mail catcher off).
Each round queues N messages through the application's real path: the demo provider user starts N
serious-incident cases through the engine REST API, and each start queues the email that tells
quality assurance of the report. The dispatcher runs every --interval seconds (its first run that
long after startup); the queue must be complete before it begins, or the round fails. The round
ends when every row of the outbox is SENT (or fails on a FAILED row or a timeout).

Per round: the drain rate, messages sent per second from the first message the sink received to
the last (and recipients per second), the connections the sink saw, and exactly once: every SENT
row's id (the X-Outbox-Id header) reached each of its recipients once, no more and no less, and
nothing else arrived. Environment as bench/run: PGHOST, PGPORT, PGUSER, PGPASSWORD, APP_PORT,
OUTBOX_SINK_PORT (18026), BENCH_JAVA_OPTS.
"""
import argparse
import asyncio
import collections
import contextlib
import io
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import load  # noqa: E402  the bench's load client, for the case starts

USER, PASSWORD, KEY, CONTRACT = "vibrance", "demo", "serious-incident", "ADV-2020-01"


class Sink:
    """An SMTP server that accepts every message and records its outbox id and recipients."""

    def __init__(self, port):
        self.port = port
        self.lock = threading.Lock()
        self.deliveries = []  # (time received, outbox id or None, recipient)
        self.connections = 0
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()
        if not self.ready.wait(10):
            raise RuntimeError(f"the SMTP sink could not listen on port {port}")

    def _run(self):
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(
            asyncio.start_server(self._session, "127.0.0.1", self.port))
        self.server = server
        self.ready.set()
        self.loop.run_forever()

    async def _session(self, reader, writer):
        with self.lock:
            self.connections += 1

        async def reply(line):
            writer.write(line.encode() + b"\r\n")
            await writer.drain()

        await reply("220 bench sink ESMTP")
        recipients = []
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                command = line.decode("utf-8", "replace").strip()
                verb = command[:4].upper()
                if verb == "EHLO":
                    await reply("250-bench sink")
                    await reply("250-8BITMIME")
                    await reply("250 SMTPUTF8")
                elif verb == "HELO":
                    await reply("250 bench sink")
                elif verb == "MAIL":
                    recipients = []
                    await reply("250 OK")
                elif verb == "RCPT":
                    address = command.split(":", 1)[1].strip()
                    recipients.append(address.strip("<>").split(">")[0].lower())
                    await reply("250 OK")
                elif verb == "DATA":
                    await reply("354 End data with <CR><LF>.<CR><LF>")
                    outbox_id, in_headers = None, True
                    while True:
                        data = await reader.readline()
                        if not data or data in (b".\r\n", b".\n"):
                            break
                        if in_headers:
                            if data in (b"\r\n", b"\n"):
                                in_headers = False
                            elif data.lower().startswith(b"x-outbox-id:"):
                                outbox_id = int(data.split(b":", 1)[1].strip())
                    now = time.monotonic()
                    with self.lock:
                        self.deliveries.extend((now, outbox_id, r) for r in recipients)
                    recipients = []
                    await reply("250 OK queued")
                elif verb in ("RSET", "NOOP"):
                    recipients = [] if verb == "RSET" else recipients
                    await reply("250 OK")
                elif verb == "QUIT":
                    await reply("221 Bye")
                    break
                else:
                    await reply("502 Command not implemented")
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    def snapshot(self):
        with self.lock:
            return list(self.deliveries), self.connections


def psql(database, sql):
    out = subprocess.run(["psql", "-At", "-F", "|", "-d", database, "-c", sql], check=True,
                         capture_output=True, text=True).stdout
    return [line.split("|") for line in out.splitlines() if line]


def launch(args, database, log):
    env = dict(os.environ)
    env.update(SPRING_PROFILES_ACTIVE="postgres,demo", DB_HOST=env.get("PGHOST", "127.0.0.1"),
               DB_PORT=env.get("PGPORT", "5432"), DB_NAME=database,
               DB_USER=env.get("PGUSER", "postgres"), DB_PASSWORD=env.get("PGPASSWORD", ""),
               PORT=args.app_port, MAIL_HOST="127.0.0.1", MAIL_PORT=str(args.sink_port),
               MAIL_CATCHER="false")
    command = ["java", *shlex.split(os.environ.get("BENCH_JAVA_OPTS", "")), "-jar", args.app_jar,
               f"--commissioning.mail.dispatch-interval=PT{args.interval}S",
               f"--commissioning.mail.dispatch-threads={args.threads}",
               f"--commissioning.mail.dispatch-batch-size={args.batch_size}"]
    return subprocess.Popen(command, cwd=args.work, env=env, stdout=log, stderr=subprocess.STDOUT)


def round_(number, args, database, sink, after_id):
    url = f"http://127.0.0.1:{args.app_port}"
    began = time.monotonic()
    with contextlib.redirect_stdout(io.StringIO()) as out:
        failed = load.starts(url, USER, PASSWORD, KEY, CONTRACT, args.messages, args.clients,
                             f"outbox-{number}")
    if failed:
        raise RuntimeError(f"starting the cases failed: {out.getvalue().strip()}")
    queued_s = time.monotonic() - began
    rows = psql(database, f"SELECT count(*) FROM notification_outbox WHERE id > {after_id}")
    queued = int(rows[0][0])
    if queued < args.messages:
        raise RuntimeError(f"{args.messages} starts queued only {queued} messages")
    deadline = time.monotonic() + args.interval * 2 + 600
    while True:
        counts = dict(psql(database, f"SELECT status, count(*) FROM notification_outbox "
                                     f"WHERE id > {after_id} GROUP BY status"))
        if counts.get("FAILED"):
            raise RuntimeError(f"{counts['FAILED']} messages FAILED: {counts}")
        if set(counts) == {"SENT"}:
            break
        if time.monotonic() > deadline:
            raise RuntimeError(f"the outbox did not drain: {counts}")
        time.sleep(0.5)
    time.sleep(1)
    sent = psql(database, f"SELECT id, recipients, to_char(created_at, 'YYYY-MM-DD HH24:MI:SS.US'), "
                          f"to_char(sent_at, 'YYYY-MM-DD HH24:MI:SS.US') "
                          f"FROM notification_outbox WHERE id > {after_id}")
    last_created = max(row[2] for row in sent)
    first_sent = min(row[3] for row in sent)
    if first_sent < last_created:
        raise RuntimeError("the dispatcher began before the queue was complete "
                           f"(first sent {first_sent}, last queued {last_created}); raise --interval")
    expected = collections.Counter((int(row[0]), r.lower()) for row in sent for r in row[1].split(","))
    deliveries, connections = sink.snapshot()
    mine = [d for d in deliveries if d[1] is not None and d[1] > after_id]
    if not mine:
        # A build without the X-Outbox-Id header: the rate from what arrived since the round
        # began, and no check of exactly once.
        mine = [d for d in deliveries if d[1] is None and d[0] >= began]
        if not mine:
            raise RuntimeError("the sink received nothing of this round")
    got = collections.Counter((d[1], d[2]) for d in mine)
    checked = mine[0][1] is not None
    duplicates = sum(n - 1 for n in got.values() if n > 1) if checked else None
    missing = sum(1 for pair in expected if pair not in got) if checked else None
    unexpected = sum(n for pair, n in got.items() if pair not in expected) if checked else None
    seconds = max(d[0] for d in mine) - min(d[0] for d in mine)
    messages = len({d[1] for d in mine}) if mine[0][1] is not None else len(sent)
    result = {
        "round": number, "messages": messages, "recipient_deliveries": len(mine),
        "queued_in_s": round(queued_s, 1), "drain_s": round(seconds, 2),
        "messages_per_second": round(messages / seconds, 1) if seconds else None,
        "deliveries_per_second": round(len(mine) / seconds, 1) if seconds else None,
        "sink_connections_total": connections, "duplicates": duplicates, "missing": missing,
        "unexpected": unexpected,
        "exactly_once": (duplicates == 0 and missing == 0 and unexpected == 0) if checked else None,
    }
    return result, max(int(row[0]) for row in sent)


def serve_sink(port):
    """Runs the sink alone until stopped: bench/run --mail-sink sends the application's mail here."""
    sink = Sink(port)
    print(f"SMTP sink on 127.0.0.1:{port}", flush=True)
    while True:
        time.sleep(60)
        with sink.lock:
            print(f"{len(sink.deliveries)} deliveries", flush=True)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "sink":
        return serve_sink(int(sys.argv[2]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app-jar", required=True)
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="commissioning.mail.dispatch-threads")
    parser.add_argument("--batch-size", type=int, default=50,
                        help="commissioning.mail.dispatch-batch-size")
    parser.add_argument("--interval", type=int, default=240,
                        help="seconds between dispatcher runs, and before its first")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--work", help="where the log goes (default: a new temporary directory)")
    args = parser.parse_args()
    args.app_jar = os.path.abspath(args.app_jar)
    args.app_port = os.environ.get("APP_PORT", "18080")
    args.sink_port = int(os.environ.get("OUTBOX_SINK_PORT", "18026"))
    args.work = args.work or tempfile.mkdtemp(prefix="bench-outbox.")
    os.makedirs(args.work, exist_ok=True)
    database = f"bench_outbox_{os.getpid()}"

    sink = Sink(args.sink_port)
    subprocess.run(["psql", "-q", "-d", "postgres", "-c", f"CREATE DATABASE {database}"], check=True)
    log = open(os.path.join(args.work, "outbox-application.log"), "w", encoding="utf-8")
    process = launch(args, database, log)
    results = []
    try:
        url = f"http://127.0.0.1:{args.app_port}"
        if load.wait(url, USER, PASSWORD, KEY, 900):
            raise RuntimeError(f"the application did not answer; see {log.name}")
        for number in range(1, args.rounds + 1):
            print(f"Outbox round {number} of {args.rounds}: {args.messages} messages, "
                  f"{args.threads} thread(s), batches of {args.batch_size}", file=sys.stderr)
            rows = psql(database, "SELECT coalesce(max(id), 0) FROM notification_outbox")
            after_id = int(rows[0][0])
            result, after_id = round_(number, args, database, sink, after_id)
            print(json.dumps(result), flush=True)
            results.append(result)
            if result["exactly_once"] is False:
                raise RuntimeError(f"not exactly once per recipient: {result}")
    finally:
        process.terminate()
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        subprocess.run(["psql", "-q", "-d", "postgres", "-c", f"DROP DATABASE IF EXISTS {database}"])
    rates = [r["messages_per_second"] for r in results]
    print()
    print(f"{len(results)} rounds of {args.messages} messages, {args.threads} dispatcher thread(s), "
          f"batches of {args.batch_size}; log in {args.work}")
    print()
    print("| measure | median (spread) |")
    print("|---|---|")
    for name, field, fmt in [("messages sent per second", "messages_per_second", "{:.1f}"),
                             ("recipient deliveries per second", "deliveries_per_second", "{:.1f}"),
                             ("drain time (s)", "drain_s", "{:.1f}")]:
        values = [r[field] for r in results]
        print(f"| {name} | {fmt.format(statistics.median(values))} "
              f"({fmt.format(min(values))}-{fmt.format(max(values))}) |")
    if all(r["exactly_once"] is not None for r in results):
        print(f"| duplicates, missing, unexpected deliveries | "
              f"{sum(r['duplicates'] for r in results)}, {sum(r['missing'] for r in results)}, "
              f"{sum(r['unexpected'] for r in results)} |")
    else:
        print("| exactly once | not checked: the messages carry no X-Outbox-Id |")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as error:
        sys.exit(f"FAILED: {error}")
