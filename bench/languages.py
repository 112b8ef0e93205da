"""What a language costs: the public pages served in each language, against English in the same run.

    .venv/bin/python bench/languages.py [--repeat 200]

Through Flask's test client (no HTTP), on a throwaway SQLite database under /tmp: for each
language, the median time of the start page, a question page with its error (the error summary,
hint and inline message, where right-to-left text has its numbers isolated) and the young
person's start page. Printed as milliseconds and as a ratio to English.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project first, not bench/: a script here must never hide a module of the same name.
sys.path[0] = str(ROOT)

import argparse  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from portal.languages import CODES  # noqa: E402
from tests.conftest import make_app  # noqa: E402

PAGES = ("start", "question with error", "young start")


def requests_for(app, language: str) -> dict:
    """The three requests, in `language`, ready to repeat."""
    client = app.test_client()
    client.get(f"/language/{language}?next=/")
    client.get("/tell-us/start")
    page = client.get("/tell-us/what-to-tell-us").get_data(as_text=True)
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    return {
        "start": lambda: client.get("/"),
        "question with error": lambda: client.post("/tell-us/what-to-tell-us", data={"csrf_token": token}),
        "young start": lambda: client.get("/young-people"),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    app = make_app(Path(tempfile.mkdtemp(prefix="bench-languages-")), "bench")
    requests = {language: requests_for(app, language) for language in CODES}
    samples = {(language, page): [] for language in CODES for page in PAGES}
    for language in CODES:
        for page in PAGES:
            requests[language][page]()  # templates and catalogue loaded before timing
    # Round by round, every language in turn, so a busy moment on the machine falls on all alike.
    for _ in range(args.repeat):
        for language in CODES:
            for page in PAGES:
                began = time.perf_counter()
                response = requests[language][page]()
                samples[language, page].append(time.perf_counter() - began)
                assert response.status_code == 200, (language, page, response.status_code)
    median = {key: statistics.median(values) * 1000 for key, values in samples.items()}
    print(f"Median of {args.repeat} requests, milliseconds (ratio to English in this run)\n")
    print("| language | " + " | ".join(PAGES) + " |")
    print("| --- |" + " --- |" * len(PAGES))
    for language in CODES:
        cells = [f"{median[language, p]:.2f} ({median[language, p] / median['en', p]:.2f})" for p in PAGES]
        print(f"| {language} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
