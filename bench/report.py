"""Turn the run's measurements into bench/results/queue.md (and print it).

    python bench/report.py --wrk wrk.tsv --sql sql.json --meta meta.json --out bench/results/queue.md

wrk.tsv has one line per request: name, path, the BENCH line printed by report.lua, and the CPU
line printed by wrkrun.py.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
from datetime import datetime, timezone
from pathlib import Path

LABELS = {
    "baseline": "(a) baseline: tiny Flask page",
    "queue": "(b) queue, first page",
    "overdue": "(c) queue, ?state=overdue",
    "search": "(d) queue, ?q=<reference>",
    "case": "(e) case page",
}


def parse_wrk(path: Path) -> dict[str, dict]:
    found = {}
    for line in path.read_text().splitlines():
        name, url, bench, cpu = line.split("\t")
        values = dict(part.split("=") for part in bench.split()[1:] + cpu.split()[1:])
        values = {k: float(v) for k, v in values.items()}
        values["rps"] = values["requests"] / values["seconds"] if values["seconds"] else 0.0
        values["path"] = url
        found[name] = values
    return found


def number(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}"


def timing(found: dict | None, digits: int = 1) -> str:
    """Wall-clock median, with the CPU-time median in brackets."""
    if not found:
        return "–"
    return f"{number(found['median'], digits)} ({number(found['cpu'], digits)})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wrk", type=Path, required=True)
    parser.add_argument("--sql", type=Path, required=True)
    parser.add_argument("--meta", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--wrk-options", default="")
    options = parser.parse_args()
    wrk = parse_wrk(options.wrk)
    sql = json.loads(options.sql.read_text())
    meta = json.loads(options.meta.read_text())
    base = wrk.get("baseline", {}).get("rps") or 0.0

    lines = [
        "# Queue benchmark",
        "",
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; {meta['cases']:,} cases "
        f"({meta['open_cases']:,} open), SQLite; gunicorn 2 sync workers on 127.0.0.1; "
        f"wrk `{options.wrk_options}` on the same machine ({os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}). Seeding took {meta['seconds']['total']} s.",
        "",
        "HTTP columns come from wrk. \"Server ms\" is the median of "
        f"{sql['repeat']} requests through Flask's test client (no HTTP, one at a time); the SQL "
        "columns are the median of each of the queue's three queries run alone: `total` (count of "
        "matching cases), `rows` (the page of 50, sorted), `counts` (per-state counts). Each is "
        "wall-clock ms with CPU ms in brackets: SQLite runs in the process, so the CPU figure is "
        "the work itself even when other work on the machine slows the wall clock.",
        "",
        "| Request | Path | Requests/s | Mean latency ms | p99 ms | × baseline req/s | Server ms (test client) | SQL total ms | SQL rows ms | SQL counts ms | Not 200 / errors | CPU %: server / wrk / other / kernel |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, label in LABELS.items():
        w = wrk.get(name)
        if w is None:
            continue
        page = sql["pages"].get(name)
        queries = sql["queries"].get(name, {})
        ratio = f"{w['rps'] / base:.3f}" if base else "–"
        problems = int(w["not_200"]) + int(w["socket_errors"]) + int(w["timeouts"])
        lines.append(
            f"| {label} | `{w['path']}` | {number(w['rps'])} | {number(w['mean_ms'])} | "
            f"{number(w['p99_ms'])} | {ratio} | {timing(page)} | "
            + " | ".join(timing(queries.get(k)) for k in ("total", "rows", "counts"))
            + f" | {int(w['not_200'])} / {int(w['socket_errors']) + int(w['timeouts'])}"
            + (" ⚠" if problems else "") + f" | {w['server_pct']:.0f} / {w['wrk_pct']:.0f} / {w['other_pct']:.0f} / {w['kernel_pct']:.0f} |"
        )
    lines += [
        "",
        "Read `× baseline` as the share of this machine's ceiling the request reaches: 1.0 would "
        "be as fast as an empty Flask page; 0.1 means each request costs ten times the bare "
        "minimum of the server and Flask. The last column shares all CPUs over each wrk run: the "
        "server, wrk, the user time of every other process on the machine (`other`), and system "
        "time charged to nobody above (`kernel`: loopback networking, disk journaling, steal). "
        "When `other` is more than a few per cent, someone else's work shared the CPUs and that "
        "row's HTTP figures are pessimistic.",
        "",
        "## Query plans (EXPLAIN QUERY PLAN)",
        "",
    ]
    for name, plans in sql["plans"].items():
        lines.append(f"### {LABELS[name]}")
        lines.append("")
        for query, steps in plans.items():
            lines.append(f"- `{query}`: " + "; ".join(f"`{s}`" for s in steps))
        lines.append("")
    lines += ["## SQL of the first page", ""]
    for query, text in sql["sql"]["queue"].items():
        lines += [f"`{query}`:", "", "```sql", text.strip(), "```", ""]
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
