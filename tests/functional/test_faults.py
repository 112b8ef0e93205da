"""A bad day: the mail server down, the database restarting, two hundred people sending at once.

Each test serves the portal with gunicorn (several worker processes) and sends forms over HTTP,
as people's browsers would, then looks in the database for what was kept.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text

from tests.conftest import ROOT, database_url
from tests.journeys import COMPLAINT, COMPLIMENT
from tests.live import BIN, Answer, Server, Visitor, flask, free_port, portal_env
from tests.smtp import SMTPServer, text_of

pytestmark = pytest.mark.xdist_group("live")
UNAVAILABLE = "Sorry, the service is unavailable"


class Person:
    """Someone sending a form who, shown an error page, waits and presses the button again."""

    def __init__(self, base: str, patience: float = 60.0) -> None:
        self.visitor = Visitor(base)
        self.patience = patience
        self.refusals: list[Answer] = []

    def _until_it_works(self, attempt) -> Answer:
        given_up = time.monotonic() + self.patience
        while True:
            answer = attempt()
            if answer.status == 200:
                return answer
            self.refusals.append(answer)
            if time.monotonic() > given_up:
                raise AssertionError(f"still refused after {self.patience} s: {answer.status} {answer.body[:300]}")
            time.sleep(0.3)

    def send(self, steps, email: str | None = None) -> str:
        """Go through the adult form with these answers, send it, and return the reference shown."""
        page = self._until_it_works(lambda: self.visitor.get("/tell-us/start"))
        for slug, data in steps:
            if email and slug == "contact-details":
                data = {"email": email}
            form = page
            page = self._until_it_works(
                lambda slug=slug, data=data, form=form: self.visitor.post(f"/tell-us/{slug}", data, form))
        assert page.url.endswith("/tell-us/check"), page.url
        check = page
        self._until_it_works(lambda: self.visitor.post("/tell-us/check", {"homepage": ""}, check))
        sent = self._until_it_works(lambda: self.visitor.get("/tell-us/sent"))
        assert sent.reference, sent.body[:500]
        return sent.reference


def rows_of(database: str, sql: str) -> list:
    """What the database holds, read apart from the portal."""
    engine = create_engine(database)
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(sql)))
    finally:
        engine.dispose()


def references_in(database: str) -> list[str]:
    return [row.reference for row in rows_of(database, "SELECT reference FROM cases")]


def fresh_database(tmp_path: Path, purpose: str) -> str:
    """An empty database: SQLite in the test's folder, or a PostgreSQL database made anew."""
    database = database_url(tmp_path, purpose)
    if database.startswith("postgresql"):
        server, _, name = database.rpartition("/")
        with psycopg.connect(server.replace("+psycopg", "") + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
    return database


def prepared(tmp_path: Path, database: str, **env: str) -> dict[str, str]:
    settings = portal_env(database, tmp_path, **env)
    flask(settings, "db", "upgrade")
    return settings


def test_two_hundred_people_sending_at_once_make_two_hundred_cases(tmp_path):
    database = fresh_database(tmp_path, "crowd")
    settings = prepared(tmp_path, database)
    server = Server(settings, workers=4, log=tmp_path / "gunicorn.log")
    people = [Person(server.base) for _ in range(200)]
    ready = threading.Barrier(len(people), timeout=120)

    def walk_then_send(person: Person) -> str:
        page = person._until_it_works(lambda: person.visitor.get("/tell-us/start"))
        for slug, data in COMPLIMENT:
            form = page
            page = person._until_it_works(
                lambda slug=slug, data=data, form=form: person.visitor.post(f"/tell-us/{slug}", data, form))
        ready.wait()  # everyone presses Send at the same moment
        person._until_it_works(lambda: person.visitor.post("/tell-us/check", {"homepage": ""}, page))
        return person._until_it_works(lambda: person.visitor.get("/tell-us/sent")).reference

    try:
        with ThreadPoolExecutor(max_workers=len(people)) as pool:
            shown = list(pool.map(walk_then_send, people))
    finally:
        server.stop()
    stored = references_in(database)
    assert len(shown) == 200 and all(shown)
    assert len(set(shown)) == 200, "every person was given a reference of their own"
    assert sorted(stored) == sorted(shown), "exactly one case for each person, none lost"
    assert not [p.refusals for p in people if p.refusals], "nobody was turned away"


def test_with_the_mail_server_down_forms_are_received_and_every_email_follows_when_it_is_back(tmp_path):
    smtp = SMTPServer()  # its port is chosen, but nothing answers there yet
    database = fresh_database(tmp_path, "maildown")
    settings = prepared(tmp_path, database, MAIL_HOST="127.0.0.1", MAIL_PORT=str(smtp.port),
                        MAIL_SECURITY="none", MAIL_TIMEOUT="5", MAIL_RETRY_SECONDS="1",
                        MAIL_RETRY_MAX_SECONDS="2")
    server = Server(settings, workers=2, log=tmp_path / "gunicorn.log")
    worker = subprocess.Popen([str(BIN / "flask"), "--app", "portal", "outbox", "run", "--interval", "0.5"],
                              cwd=ROOT, env=settings, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    people = {f"person{n}@example.com": Person(server.base) for n in range(20)}
    try:
        with ThreadPoolExecutor(max_workers=10) as pool:
            shown = dict(zip(people, pool.map(lambda item: item[1].send(COMPLAINT, email=item[0]),
                                              people.items())))
        assert all(shown.values()) and not [p.refusals for p in people.values() if p.refusals]
        waiting = outbox_rows(database)
        assert len(waiting) == 40, "an acknowledgement and a message to the team for each complaint"
        given_up = time.monotonic() + 20
        while not all(row.last_error for row in waiting) and time.monotonic() < given_up:
            time.sleep(0.2)  # the worker tries each one at least once while the server is down
            waiting = outbox_rows(database)
        assert {row.status for row in waiting} <= {"pending", "sending"}, "none sent, none given up"
        assert min(row.attempts for row in waiting) >= 1
        assert all("Could not connect" in (row.last_error or "") for row in waiting)

        smtp.start()
        given_up = time.monotonic() + 60
        while len(smtp.messages) < 40 and time.monotonic() < given_up:
            time.sleep(0.2)
        time.sleep(1.5)  # two more passes of the worker: nothing may go twice
    finally:
        worker.terminate()
        worker.wait(timeout=20)
        server.stop()
        smtp.stop()
    assert len(smtp.messages) == 40 and len(set(smtp.message_ids())) == 40
    for address, reference in shown.items():
        [acknowledgement] = smtp.to(address)
        assert reference in text_of(acknowledgement)
    assert {row.status for row in outbox_rows(database)} == {"sent"}


def outbox_rows(database: str) -> list:
    return rows_of(database, "SELECT status, attempts, last_error FROM outbox")


def load_through(server: Server, outage, people: int = 8) -> tuple[list[str], list[Answer]]:
    """People keep sending compliments; when a few have gone through, `outage()` runs (and
    returns when the database is back); the load goes on until everyone has sent two more.

    Returns the references people were shown, and every page that refused them."""
    crowd = [Person(server.base) for _ in range(people)]
    shown: list[list[str]] = [[] for _ in crowd]
    back = threading.Event()
    after: list[int] = [0] * people

    def keep_sending(n: int) -> None:
        while not back.is_set() or after[n] < 2:
            shown[n].append(crowd[n].send(COMPLIMENT))
            if back.is_set():
                after[n] += 1

    with ThreadPoolExecutor(max_workers=people) as pool:
        running = [pool.submit(keep_sending, n) for n in range(people)]
        while sum(map(len, shown)) < people and not any(r.done() for r in running):
            time.sleep(0.05)
        outage()
        back.set()
        for done in running:
            done.result()
    return [ref for refs in shown for ref in refs], [page for p in crowd for page in p.refusals]


def assert_nothing_lost(database: str, shown: list[str], refused: list[Answer]) -> None:
    assert refused, "the outage was seen by the people sending"
    for page in refused:
        assert page.status == 503 and UNAVAILABLE in page.body, (page.status, page.body[:400])
        assert "Traceback" not in page.body and "sqlalchemy" not in page.body.lower()
    assert len(set(shown)) == len(shown), "every reference given once"
    assert sorted(references_in(database)) == sorted(shown), "every case a person was told of is kept, once"


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"),
                    reason="the PostgreSQL pass restarts a PostgreSQL cluster of its own")
def test_a_database_restart_during_a_load_loses_nothing_and_people_see_a_clear_page(tmp_path):
    cluster = Path(tempfile.mkdtemp(prefix="portal-pg-restart-"))  # postgres must reach it: not in tmp_path
    env = {**os.environ, "PG_TEST_DIR": str(cluster), "PG_TEST_PORT": str(free_port())}
    pg = str(ROOT / "tests" / "pg.sh")
    url = subprocess.run(["bash", pg, "start"], env=env, check=True, capture_output=True, text=True).stdout.strip()
    try:
        server_url, _, name = url.rpartition("/")
        with psycopg.connect(server_url.replace("+psycopg", "") + "/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        settings = prepared(tmp_path, url)
        server = Server(settings, workers=2, log=tmp_path / "gunicorn.log")

        def restart() -> None:
            subprocess.run(["bash", pg, "halt"], env=env, check=True)
            time.sleep(2)
            subprocess.run(["bash", pg, "resume"], env=env, check=True)

        try:
            shown, refused = load_through(server, restart)
        finally:
            server.stop()
        assert_nothing_lost(url, shown, refused)
    finally:
        subprocess.run(["bash", pg, "stop"], env=env, check=False)


@pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")), reason="SQLite's own outage: a writer holding the file")
def test_a_database_held_too_long_by_another_writer_loses_nothing_and_people_see_a_clear_page(tmp_path):
    database = fresh_database(tmp_path, "held")
    settings = prepared(tmp_path, database, PORTAL_SQLITE_BUSY_MS="300")
    server = Server(settings, workers=2, log=tmp_path / "gunicorn.log")

    def held() -> None:
        # As a long purge or a careless backup would: every writer waits, then gives up.
        holder = sqlite3.connect(database.removeprefix("sqlite:///"), isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        time.sleep(2)
        holder.execute("COMMIT")
        holder.close()

    try:
        shown, refused = load_through(server, held)
    finally:
        server.stop()
    assert_nothing_lost(database, shown, refused)
