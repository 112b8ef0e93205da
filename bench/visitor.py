"""A person part of the way through the adult form, for wrk to borrow their session cookie.

    python bench/visitor.py http://127.0.0.1:PORT --pages N

Begins the form and answers its first N pages (tests/journeys.py's complaint; all of them by
default), then prints the session cookie as `portal_session=...`, ready for `wrk -H "Cookie: ..."`.
"""

from __future__ import annotations

import argparse
import re
import sys
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.journeys import COMPLAINT  # noqa: E402 (after the path is set)

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]*)"')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--pages", type=int, default=len(COMPLAINT))
    options = parser.parse_args()
    jar = CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = browser.open(options.base + "/tell-us/start", timeout=30).read().decode()
    for slug, answers in COMPLAINT[:options.pages]:
        data = urllib.parse.urlencode({**answers, "csrf_token": TOKEN.search(page).group(1)}).encode()
        with browser.open(f"{options.base}/tell-us/{slug}", data=data, timeout=30) as response:
            page = response.read().decode()
    [cookie] = [c for c in jar if c.name == "portal_session"]
    print(f"{cookie.name}={cookie.value}")


if __name__ == "__main__":
    main()
