"""Run pip-audit on requirements.lock where only part of PyPI's API can be reached.

pip-audit asks PyPI about each pinned release (https://pypi.org/pypi/NAME/VERSION/json) or asks
OSV (api.osv.dev). Where neither answers, as on machines whose network lets only the package
index and the project pages (https://pypi.org/pypi/NAME/json) through, pip-audit would mark
every package "could not be audited" and still pass. This script refuses that:

- If PyPI's release pages answer, it runs pip-audit against PyPI as usual, with --strict.
- Otherwise it serves an OSV-style query endpoint on 127.0.0.1 built from the project pages,
  runs pip-audit against it (--strict, so an unanswered package fails the audit), and says
  which pins it could audit only in part. A project page lists the advisories open against its
  latest release: exact for a pin that is the latest release; for an older pin, the advisories
  still open are reported, but one fixed between the pin and the latest would not be seen.

    python .ci/audit_packages.py requirements.lock
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PYPI = "https://pypi.org/pypi"
TIMEOUT = 30


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: Path) -> list[tuple[str, str]]:
    found = []
    for line in lock.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            found.append((canonical(name.split("[", 1)[0]), version.strip()))
    return found


def release_pages_answer(name: str, version: str) -> bool:
    try:
        with urllib.request.urlopen(f"{PYPI}/{name}/{version}/json", timeout=TIMEOUT) as response:
            return response.status == 200
    except urllib.error.URLError:
        return False


def fetch(url: str, attempts: int = 4) -> dict:
    """A JSON page, tried again after a passing network error (a 404 is an answer, not one)."""
    for attempt in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
                return json.load(response)
        except urllib.error.HTTPError:
            raise
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            if attempt == attempts - 1:
                raise
            time.sleep(2 ** attempt)
    raise AssertionError("unreachable")


class Advisories:
    """OSV query answers from PyPI's project pages, remembering which pins were older releases."""

    def __init__(self) -> None:
        self.projects: dict[str, dict] = {}
        self.partly: list[str] = []
        self.lock = threading.Lock()

    def project(self, name: str) -> dict:
        with self.lock:
            if name not in self.projects:
                self.projects[name] = fetch(f"{PYPI}/{name}/json")
            return self.projects[name]

    def query(self, name: str, version: str) -> dict | None:
        project = self.project(name)
        if version not in project.get("releases", {}):
            return None  # not a release PyPI knows: the audit must not pass over it
        latest = project["info"]["version"]
        if version != latest:
            with self.lock:
                self.partly.append(f"{name} {version} (latest {latest})")
        return {"vulns": [osv_record(name, v) for v in project.get("vulnerabilities", [])]}


def osv_record(name: str, vulnerability: dict) -> dict:
    events = [{"introduced": "0"}] + [{"fixed": v} for v in vulnerability.get("fixed_in") or []]
    record = {
        "id": vulnerability["id"],
        "aliases": vulnerability.get("aliases") or [],
        "summary": vulnerability.get("summary") or vulnerability.get("details") or vulnerability["id"],
        "affected": [{"package": {"name": name, "ecosystem": "PyPI"},
                      "ranges": [{"type": "ECOSYSTEM", "events": events}]}],
    }
    if vulnerability.get("withdrawn"):
        record["withdrawn"] = vulnerability["withdrawn"]
    return record


def serve(advisories: Advisories) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
            asked = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            try:
                answer = advisories.query(canonical(asked["package"]["name"]), asked["version"])
            except (urllib.error.URLError, KeyError, ValueError) as error:
                self.send_error(502, str(error))
                return
            if answer is None:
                self.send_error(404, "no such release on PyPI")
                return
            body = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> int:
    lock = Path(sys.argv[1] if len(sys.argv) > 1 else "requirements.lock")
    audit = [str(Path(sys.executable).parent / "pip-audit"), "-r", str(lock), "--no-deps",
             "--disable-pip", "--strict", "--progress-spinner", "off"]
    pinned = pins(lock)
    if release_pages_answer(*pinned[0]):
        return subprocess.call([*audit, "-s", "pypi"])
    advisories = Advisories()
    server = serve(advisories)
    url = f"http://127.0.0.1:{server.server_address[1]}/v1/query"
    print(f"PyPI's release pages do not answer here: auditing {len(pinned)} pins from its project pages.")
    code = subprocess.call([*audit, "-s", "osv", "--osv-url", url])
    server.shutdown()
    if advisories.partly:
        print(f"Audited in part (older than the latest release, so an advisory fixed since would not "
              f"show): {', '.join(sorted(advisories.partly))}")
    return code


if __name__ == "__main__":
    sys.exit(main())
