"""The portal as a council runs it: gunicorn with several workers, behind a reverse proxy."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Case
from tests.conftest import ROOT, CheckingClient, database_url, make_app
from tests.journeys import COMPLIMENT

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gunicorn_serves_the_portal_with_several_workers(tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url(tmp_path, "gunicorn"), "SECRET_KEY": "s" * 32,
           "EQUALITIES_KEY": "e" * 32, "PORTAL_COUNCIL_FILE": str(ROOT / "portal" / "councils" / "demo.toml"),
           "MAIL_FILE_DIR": str(tmp_path / "outbox")}
    subprocess.run([str(BIN / "flask"), "--app", "portal", "db", "upgrade"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}", "--no-control-socket",
         "portal:create_app()"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        body = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    body = response.read().decode()
                    break
            except OSError:
                time.sleep(0.1)
        assert "Tell us about children's social care" in body
        request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Accept-Language": "ar"})
        with urllib.request.urlopen(request, timeout=5) as response:
            assert 'lang="ar" dir="rtl"' in response.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_behind_a_proxy_each_client_address_has_its_own_allowance(tmp_path):
    app = make_app(tmp_path, "proxied", RATELIMIT_ENABLED=True, PORTAL_PROXIES=1, PORTAL_LIMIT_SEND="1 per minute")

    def send_from(address: str, expect: int) -> None:
        client = CheckingClient(app.test_client())
        headers = {"X-Forwarded-For": address}
        client.get("/tell-us/start", expect=302, headers=headers)
        for slug, data in COMPLIMENT:
            form = client.get(f"/tell-us/{slug}", headers=headers)
            client.post(f"/tell-us/{slug}", {**data, "csrf_token": form.csrf()}, headers=headers)
        check = client.get("/tell-us/check", headers=headers)
        client.post("/tell-us/check", {"csrf_token": check.csrf(), "homepage": ""}, expect=expect, headers=headers)

    send_from("198.51.100.7", 302)
    send_from("198.51.100.7", 429)
    send_from("203.0.113.9", 302)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Case)) == 2
