"""Turn bench/public.sh's measurements into bench/results/public.md (and print it).

    python bench/public_report.py --wrk wrk.tsv --cases N --people P --out bench/results/public.md
"""

from __future__ import annotations

import argparse
import os
import platform
from datetime import datetime, timezone
from pathlib import Path

from report import number, parse_wrk

LABELS = {
    "baseline": "(a) baseline: tiny Flask page",
    "start": "(b) start page",
    "young": "(c) young person's start page",
    "question": "(d) first question, with a draft",
    "check": "(e) Check your answers, every answer given",
    "journey": "(f) the whole form, sent: each person's every request",
}


def rows(wrk: dict[str, dict]) -> list[str]:
    ceiling = wrk["baseline"]["rps"]
    lines = []
    for name, label in LABELS.items():
        r = wrk[name]
        lines.append(
            f"| {label} | `{r['path']}` | {number(r['rps'])} | {number(r['mean_ms'])} | {number(r['p99_ms'])} "
            f"| {r['rps'] / ceiling:.3f} | {int(r['not_200'])} / {int(r['socket_errors'] + r['timeouts'])} "
            f"| {int(r['server_pct'])} / {int(r['wrk_pct'])} / {int(r['other_pct'])} / {int(r['kernel_pct'])} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wrk", type=Path, required=True)
    parser.add_argument("--cases", type=int, required=True)
    parser.add_argument("--people", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--wrk-options", default="")
    options = parser.parse_args()
    wrk = parse_wrk(options.wrk)
    journey = wrk["journey"]
    sent, broken = int(journey["sent"]), int(journey["broken"])
    per_second = sent / journey["seconds"] if journey["seconds"] else 0.0
    per_complaint = journey["requests"] / max(sent, 1)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    text = "\n".join([
        "# Public journey benchmark",
        "",
        f"{when}; SQLite; gunicorn 2 sync workers on 127.0.0.1; wrk `{options.wrk_options}` on the same "
        f"machine ({os.cpu_count()} CPUs, Python {platform.python_version()}); the whole form with "
        f"`-t{options.people} -c{options.people}` (bench/journey.lua: {options.people} people at once).",
        "",
        "| Request | Path | Requests/s | Mean latency ms | p99 ms | × baseline req/s | Not 200 / errors "
        "| CPU %: server / wrk / other / kernel |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
        *rows(wrk),
        "",
        f"**Sending the form:** {sent:,} complaints sent in {journey['seconds']:.0f} s, "
        f"{per_second:.1f} a second ({per_second * 3600:,.0f} an hour), each "
        f"{per_complaint:.0f} requests (every page fetched, answered and followed, the send and the "
        f"page with the reference). Journeys broken off by an unexpected answer: {broken}. "
        f"Cases in the database afterwards: {options.cases:,} (a journey cut off by the end of the "
        "run may have sent without fetching its reference page).",
        "",
        "Read `× baseline` as the share of this machine's ceiling the request reaches: 1.0 would be "
        "as fast as an empty Flask page. For (f) it is the journey's request rate, GETs and POSTs "
        "together, with every send a database write and two emails queued in the outbox.",
        "",
    ])
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
