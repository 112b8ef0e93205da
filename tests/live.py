"""The portal served for real (gunicorn on 127.0.0.1), and visitors who go through it over HTTP.

For the tests of what happens under load and when something fails: several worker processes,
a real socket, the whole stack between a browser and the database.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]*)"')
REFERENCE = re.compile(r'class="portal-reference[^"]*"[^>]*>\s*(?:<[^>]+>\s*)*([A-Z]+-\d{4}-\d+)')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def portal_env(database: str, tmp_path: Path, **more: str) -> dict[str, str]:
    """The environment of a portal of our own: the demo council, emails to files, no limits."""
    return {
        **os.environ,
        "DATABASE_URL": database,
        "SECRET_KEY": "live-secret-" + "s" * 20,
        "EQUALITIES_KEY": "live-equalities-" + "e" * 20,
        "PORTAL_COUNCIL_FILE": str(ROOT / "portal" / "councils" / "demo.toml"),
        "PORTAL_INSECURE_COOKIES": "1",  # the cookie travels over plain http to 127.0.0.1
        "MAIL_FILE_DIR": str(tmp_path / "outbox"),
        "PORTAL_DOCUMENT_DIR": str(tmp_path / "documents"),
        # The tests send many forms from one address: the limits have tests of their own.
        "PORTAL_LIMIT_SEND": "100000 per minute",
        **more,
    }


def flask(env: dict[str, str], *args: str) -> str:
    """Run a command of the portal; its output, or an error that shows what it said."""
    done = subprocess.run([str(BIN / "flask"), "--app", "portal", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"flask {' '.join(args)}: {done.stdout}{done.stderr}"
    return done.stdout


class Server:
    """gunicorn serving the portal with WORKERS processes, started and stopped by the test."""

    def __init__(self, env: dict[str, str], workers: int = 2, log: Path | None = None) -> None:
        self.env = env
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        command = [str(BIN / "gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}",
                   "--no-control-socket", "--timeout", "60", "portal:create_app()"]
        output = open(log, "wb") if log else subprocess.DEVNULL
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        self._wait()

    def _wait(self) -> None:
        for _ in range(300):
            try:
                with urllib.request.urlopen(self.base + "/accessibility", timeout=2):
                    return
            except (OSError, urllib.error.HTTPError):
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("gunicorn did not start" + (f": {self.log.read_text()}" if self.log else ""))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


@dataclass
class Answer:
    status: int
    url: str
    body: str

    @property
    def csrf(self) -> str:
        found = CSRF.search(self.body)
        return found.group(1) if found else ""

    @property
    def reference(self) -> str:
        found = REFERENCE.search(self.body)
        return found.group(1) if found else ""


class Visitor:
    """One person's browser without JavaScript: a cookie jar, and redirects followed."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def request(self, path: str, data: dict[str, str] | None = None, timeout: float = 30) -> Answer:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=timeout) as response:
                return Answer(response.status, response.url, response.read().decode())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.url, error.read().decode(errors="replace"))

    def get(self, path: str) -> Answer:
        return self.request(path)

    def post(self, path: str, data: dict[str, str], page: Answer) -> Answer:
        return self.request(path, {**data, "csrf_token": page.csrf})
