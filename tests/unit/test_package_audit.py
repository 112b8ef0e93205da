"""The package audit (.ci/audit_packages.py) fails on an advisory, and on a release it cannot see.

The advisories come from a project page given here, not fetched: the point is that pip-audit,
fed through our endpoint, reports what the page lists. `make audit` runs it against PyPI.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("audit_packages", ROOT / ".ci" / "audit_packages.py")
audit_packages = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit_packages)

PAGE = {"info": {"version": "3.1.3"}, "releases": {"3.1.2": [], "3.1.3": []}, "vulnerabilities": [
    {"id": "PYSEC-2099-1", "aliases": ["CVE-2099-0001"], "details": "Sessions can be forged.",
     "fixed_in": ["3.1.4"], "summary": None, "withdrawn": None}]}


def run_audit(tmp_path: Path, pin: str, page: dict) -> subprocess.CompletedProcess:
    advisories = audit_packages.Advisories()
    advisories.projects["flask"] = page
    server = audit_packages.serve(advisories)
    lock = tmp_path / "requirements.lock"
    lock.write_text(f"{pin}\n")
    try:
        return subprocess.run(
            [str(Path(sys.executable).parent / "pip-audit"), "-r", str(lock), "--no-deps", "--disable-pip",
             "--strict", "--progress-spinner", "off", "-s", "osv", "--cache-dir", str(tmp_path / "cache"),
             "--osv-url", f"http://127.0.0.1:{server.server_address[1]}/v1/query"],
            capture_output=True, text=True, timeout=120)
    finally:
        server.shutdown()


def test_an_advisory_on_the_pinned_release_fails_the_audit_and_names_the_fix(tmp_path):
    done = run_audit(tmp_path, "flask==3.1.3", PAGE)
    assert done.returncode == 1
    assert "PYSEC-2099-1" in done.stdout and "3.1.4" in done.stdout


def test_a_clean_page_passes(tmp_path):
    done = run_audit(tmp_path, "flask==3.1.3", {**PAGE, "vulnerabilities": []})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No known vulnerabilities found" in done.stdout + done.stderr


def test_a_release_the_page_does_not_know_fails_rather_than_passing_unaudited(tmp_path):
    done = run_audit(tmp_path, "flask==9.9.9", PAGE)
    assert done.returncode != 0
