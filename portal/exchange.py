"""Cases in and out of the portal as JSON Lines (EXCHANGE.md section 1).

Reading a line gives the values of the rows it makes, or every reason it is refused; writing a
case gives its line. Importing checks every line before anything is saved, so a file with a
mistake in it leaves the database as it was unless the good lines are asked for on purpose.

Export conventions, so that files compare line by line:
- every key of the format is written, `null` (or `false`, or `[]`) when there is nothing to say;
  on import an absent key means the same as `null`;
- what the portal works out for itself (due dates) is under "derived", and import ignores it;
- `equalities` is never written (special category data kept apart from the case); on import
  its codes are checked and stored apart, through portal.equality.store;
- `language` and `interpreter` are written too, beyond the keys of section 1, so that a case stays
  in the language it was made in and keeps the interpreter its person asked for.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from portal.audit import audit
from portal.domain import equalities as eq
from portal.equality import store as equality_store
from portal.casework import (
    LATE_REASONS, OMBUDSMAN_DECISIONS, OUTCOMES, REMEDY_KINDS, record, refresh_clock,
)
from portal.cases import begin_write
from portal.domain.codes import Kind, ReceivedVia, Role
from portal.extensions import db
from portal.languages import CODES
from portal.models import AdrMeeting, Case, CaseIssue, CaseStage, Remedy

LONDON = ZoneInfo("Europe/London")
KINDS = tuple(k.value for k in Kind)
RECEIVED_VIA = tuple(v.value for v in ReceivedVia)
ROLES = tuple(r.value for r in Role)
PROCEDURES = ("statutory", "corporate")
REMEDY_STAGES = (1, 2, 3, "ombudsman")
REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Older than any case system the portal replaces: catches a year typed as 0203 or 1023.
EARLIEST = date(1990, 1, 1)
BATCH = 500
IMPORTED_ROUTING_REASON = {"code": "imported", "text": "Imported from another system."}


@dataclass(frozen=True)
class Rules:
    """What a line is checked against besides the code lists: the council's own settings."""

    categories: tuple[str, ...]
    languages: tuple[str, ...]
    today: date
    # The outcomes the council records: a council without "partially upheld" never gets one.
    outcomes: tuple[str, ...] = OUTCOMES


def council_rules(today: date | None = None) -> Rules:
    council = current_app.extensions["council"]
    return Rules(categories=tuple(c.slug for c in council.categories),
                 outcomes=tuple(o for o in OUTCOMES if o in council.outcomes
                                or o in ("withdrawn", "resolved_by_adr")),
                 # Any language with a catalogue: a case keeps its language even where the
                 # council does not offer the form in it, and its emails follow.
                 languages=CODES, today=today or date.today())


@dataclass
class ParsedCase:
    """One line's values: the case's columns and the rows that hang off it."""

    reference: str
    case: dict[str, Any]
    stages: list[dict[str, Any]] = field(default_factory=list)
    issues: list[dict[str, Any]] = field(default_factory=list)
    adr: list[dict[str, Any]] = field(default_factory=list)
    remedies: list[dict[str, Any]] = field(default_factory=list)
    # subject -> coded measure -> code; stored apart from the case, never exported.
    equalities: dict[str, dict[str, str]] = field(default_factory=dict)


class Refused(ValueError):
    """A line that cannot be imported; `problems` holds one reason per mistake."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


# Reading a line ------------------------------------------------------------------------------

def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _is_int(value: Any) -> bool:
    # JSON's true and 1.0 are not whole numbers here, though Python compares them equal to 1.
    return isinstance(value, int) and not isinstance(value, bool)


def _listed(choices: Iterable[Any]) -> str:
    return ", ".join(str(c) for c in choices)


class _Reader:
    """Reads values out of a line, noting every problem instead of stopping at the first."""

    def __init__(self, rules: Rules):
        self.rules = rules
        self.problems: list[str] = []

    def refuse(self, where: str, reason: str) -> None:
        self.problems.append(f"{where}{reason}")

    def text(self, data: dict, key: str, maximum: int, where: str = "",
             required: bool = False) -> str | None:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.refuse(where, f"{key} is missing")
            return None
        if not isinstance(value, str):
            self.refuse(where, f"{key} {_shown(value)} is not text")
            return None
        if len(value) > maximum:
            self.refuse(where, f"{key} is longer than {maximum} characters")
            return None
        return value

    def code(self, data: dict, key: str, allowed: tuple[str, ...], where: str = "",
             required: bool = False, name: str | None = None) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.refuse(where, f"{key} is missing")
            return None
        if value not in allowed:
            self.refuse(where, f"{name or key} {_shown(value)} is not one of {_listed(allowed)}")
            return None
        return value

    def flag(self, data: dict, key: str, where: str = "") -> bool:
        value = data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.refuse(where, f"{key} {_shown(value)} is not true or false")
            return False
        return value

    def day(self, data: dict, key: str, where: str = "", required: bool = False,
            not_before: tuple[str, date | None] | None = None) -> date | None:
        value = data.get(key)
        if value is None:
            if required:
                self.refuse(where, f"{key} is missing")
            return None
        try:
            if not isinstance(value, str) or not ISO_DATE.match(value):
                raise ValueError
            found = date.fromisoformat(value)
        except ValueError:
            self.refuse(where, f"{key} {_shown(value)} is not a date (YYYY-MM-DD)")
            return None
        if found > self.rules.today:
            self.refuse(where, f"{key} {value} is in the future")
        elif found < EARLIEST:
            self.refuse(where, f"{key} {value} is before {EARLIEST.year}")
        elif not_before and not_before[1] and found < not_before[1]:
            name, earlier = not_before
            self.refuse(where, f"{key} {value} is before {name} {earlier.isoformat()}")
        return found

    def items(self, data: dict, key: str) -> list[tuple[str, dict]]:
        """A list of objects, each with the label its problems are reported under."""
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.refuse("", f"{key} is not a list")
            return []
        found = []
        for number, item in enumerate(value, 1):
            where = f"{key}[{number}]: "
            if isinstance(item, dict):
                found.append((where, item))
            else:
                self.refuse(where, "is not an object")
        return found


def parse_line(text: str, rules: Rules) -> ParsedCase:
    """The values of one line, or Refused with every reason it cannot be imported."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise Refused([f"not JSON ({error})"]) from None
    if not isinstance(data, dict):
        raise Refused(["not a JSON object"])
    reader = _Reader(rules)
    parsed = _case(reader, data)
    if reader.problems:
        raise Refused(reader.problems)
    return parsed


def _case(reader: _Reader, data: dict) -> ParsedCase:
    reference = _reference(reader, data)
    kind = reader.code(data, "kind", KINDS, required=True)
    procedure = reader.code(data, "procedure", PROCEDURES)
    if kind == "complaint" and data.get("procedure") is None:
        reader.refuse("", f"procedure is missing: a complaint follows one of {_listed(PROCEDURES)}")
    if kind in ("compliment", "comment") and procedure is not None:
        reader.refuse("", f"procedure must be null for a {kind}")
    received_on = reader.day(data, "received_on", required=True)
    since = ("received_on", received_on)
    language = reader.code(data, "language", reader.rules.languages)
    case = {
        "reference": reference,
        "kind": kind,
        "procedure": procedure,
        "received_on": received_on,
        "received_via": reader.code(data, "received_via", RECEIVED_VIA, required=True),
        "complainant_role": reader.code(data, "complainant_role", ROLES),
        "complainant_key": reader.text(data, "complainant_key", 64),
        "made_by_young_person": reader.flag(data, "made_by_young_person"),
        "advocate_involved": reader.flag(data, "advocate_involved"),
        "service_area": reader.text(data, "service_area", 80),
        "team": reader.text(data, "team", 200),
        "language": language or "en",
        "interpreter": reader.text(data, "interpreter", 200),
        "acknowledged_on": reader.day(data, "acknowledged_on", not_before=since),
        "withdrawn_on": reader.day(data, "withdrawn_on", not_before=since),
    }
    case.update(_ombudsman(reader, data, received_on))
    stages = _stages(reader, data, received_on, kind, procedure)
    if stages:
        case["stage"] = max(s["stage"] for s in stages)
    else:
        case["stage"] = 1 if kind == "complaint" else None
    return ParsedCase(
        reference=reference or "", case=case, stages=stages,
        issues=_issues(reader, data), adr=_adr(reader, data, received_on),
        remedies=_remedies(reader, data), equalities=_equalities(reader, data),
    )


def _equalities(reader: _Reader, data: dict) -> dict[str, dict[str, str]]:
    value = data.get("equalities")
    if value is None:
        return {}
    if not isinstance(value, dict):
        reader.refuse("", "equalities is not an object")
        return {}
    found = {}
    for subject, answers in value.items():
        where = f"equalities.{subject}: "
        if subject not in eq.SUBJECTS:
            reader.refuse("", f"equalities has {_shown(subject)}, not one of {_listed(eq.SUBJECTS)}")
        elif not isinstance(answers, dict):
            reader.refuse(where, "is not an object")
        else:
            for measure in answers:
                if measure not in eq.MEASURES:
                    reader.refuse(where, f"{_shown(measure)} is not one of {_listed(eq.MEASURES)}")
            found[subject] = {
                measure: reader.code(answers, measure, (*codes, eq.PREFER_NOT_TO_SAY, eq.NOT_RECORDED), where)
                for measure, codes in eq.MEASURES.items() if measure in answers}
    return found


def _reference(reader: _Reader, data: dict) -> str | None:
    value = reader.text(data, "reference", 24, required=True)
    # The reference is part of the case page's address: no spaces or slashes.
    if value is not None and not REFERENCE.match(value):
        reader.refuse("", f"reference {_shown(value)} may hold only letters, digits, "
                          "'-', '_' and '.'")
        return None
    return value


def _stages(reader: _Reader, data: dict, received_on: date | None, kind: str | None,
            procedure: str | None) -> list[dict]:
    items = reader.items(data, "stages")
    if items and kind in ("compliment", "comment"):
        reader.refuse("", f"a {kind} has no stages")
        return []
    found: dict[int, dict] = {}
    for where, item in items:
        number = item.get("stage")
        if not _is_int(number) or number not in (1, 2, 3):
            reader.refuse(where, f"stage {_shown(number)} is not 1, 2 or 3")
            continue
        where = f"stage {number}: "
        if number in found:
            reader.refuse(where, "appears more than once")
            continue
        if number == 3 and procedure == "corporate":
            reader.refuse(where, "the corporate procedure has no stage 3")
        found[number] = _stage(reader, item, number, where, received_on)
    _check_stage_order(reader, found)
    return [found[n] for n in sorted(found)]


def _stage(reader: _Reader, item: dict, number: int, where: str, received_on: date | None) -> dict:
    since = ("received_on", received_on)
    requested_on = reader.day(item, "requested_on", where, not_before=since)
    started_on = reader.day(item, "started_on", where, not_before=since)
    start = (("started_on", started_on) if started_on else ("requested_on", requested_on)
             if requested_on else ("received_on", received_on))
    panel_on = reader.day(item, "panel_on", where, not_before=since)
    report_on = reader.day(item, "report_on", where, not_before=("panel_on", panel_on))
    if number != 3 and (panel_on or report_on):
        reader.refuse(where, "panel_on and report_on are for stage 3 only")
    return {
        "stage": number,
        "requested_on": requested_on,
        "started_on": started_on,
        "extended": reader.flag(item, "extended", where),
        "responded_on": reader.day(item, "responded_on", where, not_before=start),
        "outcome": reader.code(item, "outcome", reader.rules.outcomes, where),
        "late_reason": reader.code(item, "late_reason", LATE_REASONS, where),
        "panel_on": panel_on,
        "report_on": report_on,
    }


def _check_stage_order(reader: _Reader, found: dict[int, dict]) -> None:
    """The next stage is asked for after the last one's response, never before it."""
    for number in (2, 3):
        later, earlier = found.get(number), found.get(number - 1)
        if not later or not earlier or not earlier["responded_on"]:
            continue
        asked = later["requested_on"] or later["started_on"]
        if asked and asked < earlier["responded_on"]:
            reader.refuse(f"stage {number}: ", f"starts on {asked.isoformat()}, before stage "
                          f"{number - 1} was responded to on {earlier['responded_on'].isoformat()}")


def _issues(reader: _Reader, data: dict) -> list[dict]:
    found = []
    for where, item in reader.items(data, "issues"):
        category = item.get("category")
        if category is None:
            reader.refuse(where, "category is missing")
        elif category not in reader.rules.categories:
            reader.refuse(where, f"category {_shown(category)} is not one of the configured "
                                 f"categories: {_listed(reader.rules.categories)}")
        outcome = reader.code(item, "outcome", reader.rules.outcomes, where)
        found.append({"category": category, "outcome": outcome})
    return found


def _adr(reader: _Reader, data: dict, received_on: date | None) -> list[dict]:
    return [
        {"held_on": reader.day(item, "held_on", where, required=True,
                               not_before=("received_on", received_on)),
         "resolved": reader.flag(item, "resolved", where)}
        for where, item in reader.items(data, "adr")
    ]


def _ombudsman(reader: _Reader, data: dict, received_on: date | None) -> dict:
    value = data.get("ombudsman")
    if value is None:
        return {"ombudsman_referred_on": None, "ombudsman_decided_on": None,
                "ombudsman_decision": None}
    if not isinstance(value, dict):
        reader.refuse("", "ombudsman is not an object or null")
        return {}
    where = "ombudsman: "
    referred_on = reader.day(value, "referred_on", where, not_before=("received_on", received_on))
    return {
        "ombudsman_referred_on": referred_on,
        "ombudsman_decided_on": reader.day(value, "decided_on", where,
                                           not_before=("referred_on", referred_on)),
        "ombudsman_decision": reader.code(value, "decision", OMBUDSMAN_DECISIONS, where),
    }


def _remedies(reader: _Reader, data: dict) -> list[dict]:
    found = []
    for where, item in reader.items(data, "remedies"):
        stage = item.get("stage")
        if stage != "ombudsman" and not (_is_int(stage) and stage in REMEDY_STAGES):
            reader.refuse(where, f"stage {_shown(stage)} is not one of 1, 2, 3, \"ombudsman\"")
        kind = reader.code(item, "kind", REMEDY_KINDS, where, required=True)
        amount = item.get("amount_pence")
        if amount is not None and (not _is_int(amount) or amount < 0):
            reader.refuse(where, f"amount_pence {_shown(amount)} is not a whole number of pence, "
                                 "0 or more")
        elif amount is None and kind == "financial":
            reader.refuse(where, "amount_pence is missing: a financial remedy needs its amount")
        found.append({"stage": str(stage), "kind": kind, "amount_pence": amount})
    return found


# Checking a file -----------------------------------------------------------------------------

@dataclass
class FileCheck:
    """Every line of a file checked, before anything is imported."""

    rules: Rules
    good: dict[int, ParsedCase] = field(default_factory=dict)
    refused: dict[int, list[str]] = field(default_factory=dict)
    first_line_of: dict[str, int] = field(default_factory=dict)
    lines: int = 0

    def add(self, number: int, raw: bytes | str) -> None:
        try:
            text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError:
            self.refused[number] = ["not UTF-8 text"]
            self.lines += 1
            return
        if not text.strip():
            return  # blank lines, such as a final newline, are not cases
        self.lines += 1
        try:
            parsed = parse_line(text, self.rules)
        except Refused as refusal:
            self.refused[number] = list(refusal.problems)
            self._note_reference(number, text)
            return
        if parsed.reference in self.first_line_of:
            first = self.first_line_of[parsed.reference]
            self.refused[number] = [f"reference {_shown(parsed.reference)} is duplicated within "
                                    f"the file: it is already on line {first}"]
            return
        self.first_line_of[parsed.reference] = number
        self.good[number] = parsed

    def _note_reference(self, number: int, text: str) -> None:
        # A refused line still claims its reference, so that a later line repeating it is caught.
        try:
            reference = json.loads(text).get("reference")
        except (ValueError, AttributeError):
            return
        if isinstance(reference, str):
            self.first_line_of.setdefault(reference, number)

    def against_database(self) -> None:
        """Refuse the lines whose reference is already a case."""
        numbers = list(self.good)
        for start in range(0, len(numbers), BATCH):
            chunk = numbers[start:start + BATCH]
            existing = existing_references(self.good[n].reference for n in chunk)
            for number in chunk:
                if self.good[number].reference in existing:
                    reference = _shown(self.good[number].reference)
                    self.refuse(number, f"reference {reference} already exists")

    def refuse(self, number: int, reason: str) -> None:
        self.good.pop(number, None)
        self.refused.setdefault(number, []).append(reason)

    def report(self, skip: Iterable[int] = ()) -> Iterator[str]:
        """"line N: reason" for each reason each line was refused, in line order."""
        skipped = set(skip)
        for number in sorted(set(self.refused) - skipped):
            for reason in self.refused[number]:
                yield f"line {number}: {reason}"


def existing_references(references: Iterable[str]) -> set[str]:
    wanted = list(references)
    if not wanted:
        return set()
    return set(db.session.scalars(select(Case.reference).where(Case.reference.in_(wanted))))


# Importing -----------------------------------------------------------------------------------

def import_cases(check: FileCheck, on_progress: Callable[[int], None] | None = None) -> int:
    """Save the good lines of a checked file, a batch at a time; returns how many were saved.

    Each batch is written under the database's write lock after its references are looked up
    again, so a case made meanwhile (another import, say) is refused rather than duplicated.
    """
    numbers = sorted(check.good)
    imported = 0
    for start in range(0, len(numbers), BATCH):
        chunk = numbers[start:start + BATCH]
        imported += _import_batch(check, chunk)
        if on_progress:
            on_progress(len(chunk))
    if imported:
        audit("import", "cases", imported=imported, refused=len(check.refused), lines=check.lines)
        db.session.commit()
    return imported


def _import_batch(check: FileCheck, numbers: list[int], tries: int = 3) -> int:
    for attempt in range(tries):
        begin_write()
        existing = existing_references(check.good[n].reference for n in numbers if n in check.good)
        for number in numbers:
            if number in check.good and check.good[number].reference in existing:
                check.refuse(number, f"reference {_shown(check.good[number].reference)} already "
                                     "exists (made while this file was being imported)")
        wanted = [check.good[n] for n in numbers if n in check.good]
        try:
            add_cases(wanted)
            db.session.commit()
            return len(wanted)
        except IntegrityError:
            # PostgreSQL: another import saved one of these references first. Look again.
            db.session.rollback()
            if attempt == tries - 1:
                raise
    return 0


def add_cases(batch: list[ParsedCase]) -> list[Case]:
    """Add imported cases and their rows to the session, each with its clock worked out.

    The cases go in together, then their rows together, then each clock: a flush per kind of
    row instead of one per case keeps ten thousand lines to a minute or less.
    """
    cases = [_new_case(parsed) for parsed in batch]
    db.session.add_all(cases)
    db.session.flush()
    today = date.today()
    for case, parsed in zip(cases, batch):
        db.session.add_all(_rows(case, parsed))
        record(case, "imported", today, None)
        for subject, values in parsed.equalities.items():
            equality_store.save(case.reference, subject, values, "import", today)
    db.session.flush()
    for case in cases:
        refresh_clock(case, today)
    return cases


def _new_case(parsed: ParsedCase) -> Case:
    values = parsed.case
    return Case(
        **values,
        status="imported",
        received_at=datetime.combine(values["received_on"], time(0), LONDON),
        answers={},
        routing={"procedure": values["procedure"], "reasons": [IMPORTED_ROUTING_REASON],
                 "to_decide": [], "tell_iro": False, "decided_by": "import"},
        created_at=datetime.now(timezone.utc),
    )


def _rows(case: Case, parsed: ParsedCase) -> list[Any]:
    # The exchange format gives no stage for an issue: they are recorded against stage 1.
    return (
        [CaseStage(case_id=case.id, **row) for row in parsed.stages]
        + [CaseIssue(case_id=case.id, stage=1, **row) for row in parsed.issues]
        + [AdrMeeting(case_id=case.id, **row) for row in parsed.adr]
        + [Remedy(case_id=case.id, **row) for row in parsed.remedies]
    )


# Exporting -----------------------------------------------------------------------------------

def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _remedy_stage(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def case_line(case: Case, stages: list[CaseStage], issues: list[CaseIssue],
              adr: list[AdrMeeting], remedies: list[Remedy]) -> dict[str, Any]:
    """A case in the exchange format. Never its equalities answers, contact details or story."""
    ombudsman = None
    if case.ombudsman_referred_on or case.ombudsman_decided_on or case.ombudsman_decision:
        ombudsman = {"referred_on": _iso(case.ombudsman_referred_on),
                     "decided_on": _iso(case.ombudsman_decided_on),
                     "decision": case.ombudsman_decision}
    return {
        "reference": case.reference,
        "kind": case.kind,
        "procedure": case.procedure,
        "received_on": _iso(case.received_on),
        "received_via": case.received_via,
        "complainant_role": case.complainant_role,
        "complainant_key": case.complainant_key,
        "made_by_young_person": bool(case.made_by_young_person),
        "advocate_involved": bool(case.advocate_involved),
        "service_area": case.service_area,
        "team": case.team,
        "language": case.language,
        "interpreter": case.interpreter,
        "acknowledged_on": _iso(case.acknowledged_on),
        "withdrawn_on": _iso(case.withdrawn_on),
        "issues": [{"category": i.category, "outcome": i.outcome} for i in issues],
        "stages": [_stage_line(s) for s in stages],
        "adr": [{"held_on": _iso(a.held_on), "resolved": bool(a.resolved)} for a in adr],
        "ombudsman": ombudsman,
        "remedies": [{"stage": _remedy_stage(r.stage), "kind": r.kind,
                      "amount_pence": r.amount_pence} for r in remedies],
        "derived": {"acknowledge_due_on": _iso(case.acknowledge_due_on),
                    "response_due_on": _iso(case.response_due_on)},
    }


def _stage_line(row: CaseStage) -> dict[str, Any]:
    return {
        "stage": row.stage, "requested_on": _iso(row.requested_on),
        "started_on": _iso(row.started_on),
        "extended": bool(row.extended), "responded_on": _iso(row.responded_on),
        "outcome": row.outcome, "late_reason": row.late_reason,
        "panel_on": _iso(row.panel_on), "report_on": _iso(row.report_on),
    }


# Requests for an advocate are not complaints, compliments or comments: the format has no kind
# for them, so they stay out of the exchange (the queue and the case pages show them).
EXCHANGED = Case.kind.in_(KINDS)


def count_cases() -> int:
    return db.session.scalar(select(func.count()).select_from(Case).where(EXCHANGED)) or 0


def export_lines() -> Iterator[str]:
    """Every case as a line of JSON ending in a newline, oldest first, a batch at a time."""
    last_id = 0
    while True:
        batch = list(db.session.scalars(
            select(Case).where(Case.id > last_id, EXCHANGED).order_by(Case.id).limit(BATCH)))
        if not batch:
            return
        rows = _rows_for([c.id for c in batch])
        for case in batch:
            yield json.dumps(case_line(case, *(r.get(case.id, []) for r in rows)),
                             ensure_ascii=False) + "\n"
        last_id = batch[-1].id
        # The batch is written: let the session forget it, so memory stays flat.
        for row in batch + [row for by_case in rows for found in by_case.values() for row in found]:
            db.session.expunge(row)


def _rows_for(case_ids: list[int]) -> tuple[dict[int, list], ...]:
    """Each batch's stages, issues, ADR meetings and remedies, one query per table."""
    queries = (
        select(CaseStage).where(CaseStage.case_id.in_(case_ids)).order_by(CaseStage.stage),
        select(CaseIssue).where(CaseIssue.case_id.in_(case_ids))
        .order_by(CaseIssue.stage, CaseIssue.id),
        select(AdrMeeting).where(AdrMeeting.case_id.in_(case_ids)).order_by(AdrMeeting.id),
        select(Remedy).where(Remedy.case_id.in_(case_ids)).order_by(Remedy.id),
    )
    found = []
    for query in queries:
        by_case: dict[int, list] = {}
        for row in db.session.scalars(query):
            by_case.setdefault(row.case_id, []).append(row)
        found.append(by_case)
    return tuple(found)
