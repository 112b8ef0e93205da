"""A real SMTP server for tests (aiosmtpd), and what the email tests share.

Import the fixture into a test module: `from tests.smtp import smtp_server`.
"""

from __future__ import annotations

import email
import email.policy
import socket
from contextlib import contextmanager
from email.message import EmailMessage
from typing import Iterator

import pytest
from aiosmtpd.controller import Controller
from flask import Flask


def free_port() -> int:
    # Controller(port=0) fails its own readiness check, so pick the port first.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    """An aiosmtpd handler that keeps every message and refuses the addresses it is told to."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refusals: dict[str, str] = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.refusals.get(address.lower())
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # The default policy decodes headers (the stock handler leaves them encoded).
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append(message)
        return "250 Message accepted for delivery"


class SMTPServer:
    """An SMTP server on 127.0.0.1 that can be stopped and started again on the same port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.handler = Recorder()
        self.controller: Controller | None = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.handler.messages

    def start(self) -> None:
        if self.controller is None:
            self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
            self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def refuse(self, address: str, reply: str = "550 5.1.1 No such user") -> None:
        self.handler.refusals[address.lower()] = reply

    def accept(self, address: str) -> None:
        self.handler.refusals.pop(address.lower(), None)

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"].addresses[0].addr_spec == address]

    def message_ids(self) -> list[str]:
        return [m["Message-ID"] for m in self.messages]


@pytest.fixture
def smtp_server() -> Iterator[SMTPServer]:
    server = SMTPServer()
    server.start()
    yield server
    server.stop()


@contextmanager
def mail_settings(app: Flask, **settings) -> Iterator[None]:
    """Change the app's mail settings for one test; the app is shared, so put them back."""
    saved = {key: app.config.get(key) for key in settings}
    app.config.update(settings)
    try:
        yield
    finally:
        app.config.update(saved)


def smtp_settings(server: SMTPServer, **more) -> dict:
    return {"MAIL_HOST": "127.0.0.1", "MAIL_PORT": server.port, "MAIL_SECURITY": "none",
            "MAIL_TIMEOUT": 5, **more}


def submit(client, steps) -> str:
    """Go through the journey with these answers, send it, and return the reference shown."""
    client.get("/tell-us/start", expect=302)
    for slug, data in steps:
        client.answer(slug, data)
    check = client.get("/tell-us/check")
    client.post("/tell-us/check", {"csrf_token": check.csrf()})
    page = client.get("/tell-us/sent")
    return page.soup.select_one(".portal-reference").get_text(strip=True)


def text_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("html",)).get_content()
