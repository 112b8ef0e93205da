"""How an email leaves the portal: an SMTP server, or files in a folder when none is set."""

from __future__ import annotations

import os
import re
import smtplib
import ssl
from datetime import datetime, timezone
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Mapping, Protocol

SECURITY = ("none", "starttls", "tls")


class Unreachable(Exception):
    """The mail server could not be reached: every email waiting for it would fail the same way."""


class Transport(Protocol):
    def __enter__(self) -> "Transport": ...
    def __exit__(self, *exc: object) -> None: ...
    def send(self, message: EmailMessage) -> None: ...


class SMTPTransport:
    """One connection per pass of the worker, opened at the first email and reused."""

    def __init__(self, host: str, port: int = 25, security: str = "none",
                 # An empty password means no login, not a password written here.
                 username: str = "", password: str = "",  # nosec B107
                 timeout: float = 30) -> None:
        if security not in SECURITY:
            raise ValueError(f"MAIL_SECURITY: expected one of {list(SECURITY)}, got {security!r}")
        self.host, self.port, self.security = host, port, security
        self.username, self.password, self.timeout = username, password, timeout
        self.connection: smtplib.SMTP | None = None

    def __enter__(self) -> "SMTPTransport":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(self, message: EmailMessage) -> None:
        connection = self.connection or self.connect()
        try:
            connection.send_message(message)
        except smtplib.SMTPServerDisconnected:
            # The server went away mid-conversation: the next email starts a new connection.
            self.connection = None
            raise

    def connect(self) -> smtplib.SMTP:
        try:
            self.connection = self.open()
        except (OSError, smtplib.SMTPException) as error:
            raise Unreachable(
                f"Could not connect to the mail server {self.host}:{self.port}: {describe(error)}"
            ) from error
        return self.connection

    def open(self) -> smtplib.SMTP:
        context = ssl.create_default_context()
        if self.security == "tls":
            connection: smtplib.SMTP = smtplib.SMTP_SSL(
                self.host, self.port, timeout=self.timeout, context=context)
        else:
            connection = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            connection.ehlo()
            if self.security == "starttls":
                connection.starttls(context=context)
                connection.ehlo()
            if self.username:
                connection.login(self.username, self.password)
        except BaseException:
            connection.close()
            raise
        return connection

    def close(self) -> None:
        if self.connection is None:
            return
        try:
            self.connection.quit()
        except (OSError, smtplib.SMTPException):
            self.connection.close()
        self.connection = None


class FileTransport:
    """Writes each email to `<folder>/<timestamp>-<message-id>.eml`, for a portal with no server."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def __enter__(self) -> "FileTransport":
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def send(self, message: EmailMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        name = re.sub(r"[^A-Za-z0-9.@_-]", "", message["Message-ID"] or "") or "message"
        path = self.folder / f"{stamp}-{name}.eml"
        # Written aside and renamed, so a reader never opens half an email.
        partial = path.with_suffix(".part")
        partial.write_bytes(message.as_bytes())
        os.replace(partial, path)


def transport_for(config: Mapping[str, Any]) -> Transport:
    if not config.get("MAIL_HOST"):
        return FileTransport(config["MAIL_FILE_DIR"])
    return SMTPTransport(
        host=config["MAIL_HOST"],
        port=int(config.get("MAIL_PORT") or 25),
        security=config.get("MAIL_SECURITY") or "none",
        username=config.get("MAIL_USERNAME") or "",
        password=config.get("MAIL_PASSWORD") or "",
        timeout=float(config.get("MAIL_TIMEOUT") or 30),
    )


def is_permanent(error: BaseException) -> bool:
    """True when sending this email again cannot succeed: the server refused it for good (5xx).

    Only refusals of the email itself count (its recipient, sender or content). Trouble with the
    server or our settings (unreachable, login refused, TLS) is temporary: emails wait for it to
    be put right rather than fail.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(error, (smtplib.SMTPSenderRefused, smtplib.SMTPDataError)):
        return 500 <= error.smtp_code < 600
    return False


def describe(error: BaseException) -> str:
    """A one-line account of a failure, for `last_error` and the status command."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        parts = [f"{address}: {code} {_text(reply)}"
                 for address, (code, reply) in error.recipients.items()]
        return "Recipient refused: " + "; ".join(parts)
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{type(error).__name__}: {error.smtp_code} {_text(error.smtp_error)}"
    return f"{type(error).__name__}: {error}"


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
