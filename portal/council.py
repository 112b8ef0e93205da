"""The council's configuration: read from one TOML file and checked before the portal starts.

Every problem names its key and what was expected, because the person reading the message is
an administrator editing a file, not a developer reading a traceback.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from portal.languages import CODES as LANGUAGES

FUNCTIONS = ("childrens_social_care", "education", "other_body")
OUTCOMES = ("upheld", "partially_upheld", "not_upheld")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SHIPPED = Path(__file__).parent / "councils"
# Where "Exit this page" goes: an ordinary site that gives nothing away (GOV.UK's own default).
DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"
# Texts people read that a council may give in each offered language ([translations.cy]).
TRANSLATABLE = (
    "council.service_name", "council.complaints_team", "contact.phone_hours", "contact.in_person",
    "advocacy.name", "advocacy.hours", "safeguarding.front_door_name", "safeguarding.front_door_hours",
)


# What the equalities part of the report (S16) may publish.
EQUALITY_BREAKDOWNS = ("ethnicity", "age_band", "sex", "disability")
# Figures staff may enter for a year, and how a figure may be broken down.
CONTEXT_MEASURES = ("children_supported", "child_records", "referrals", "child_protection_plans",
                    "looked_after_children")
CONTEXT_BREAKDOWNS = ("ethnicity", "sex")
# Records a council may keep and count apart from complaints, compliments and comments (S18).
RECORD_KINDS = ("representation", "enquiry", "member_enquiry")
TARGET_DAYS = (10, 20, 25)

# What the page that follows a case can show: its stage, the dates to expect, the emails we sent,
# and the files the person sent.
TRACKING_PARTS = ("stage", "dates", "messages", "documents")


class CouncilConfigError(ValueError):
    """A value in the council's configuration is wrong or missing."""

    def __init__(self, key: str, expected: str, got: Any = None, source: str = ""):
        self.key, self.expected, self.got, self.source = key, expected, got, source
        shown = "" if got is None else f", got {got!r}"
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{key}: expected {expected}{shown}")


@dataclass(frozen=True)
class ServiceArea:
    slug: str
    name: str
    function: str
    teams: tuple[str, ...]
    names: dict[str, str] = field(default_factory=dict)

    def name_in(self, language: str) -> str:
        return self.names.get(language, self.name)


@dataclass(frozen=True)
class Borough:
    """One council area of an installation that serves more than one; each case is in one."""

    slug: str
    name: str
    names: dict[str, str] = field(default_factory=dict)

    def name_in(self, language: str) -> str:
        return self.names.get(language, self.name)


@dataclass(frozen=True)
class Records:
    """[records]: what the team records and counts apart besides complaints, compliments and
    comments. Each is counted on its own in the statistics (S18), and only if recorded."""

    representations: bool = False
    enquiries: bool = False
    member_enquiries: bool = False
    joint_nhs: bool = False
    non_statutory: bool = True

    def kinds(self) -> tuple[str, ...]:
        """The record kinds staff may choose, besides complaint, compliment and comment."""
        chosen = (self.representations, self.enquiries, self.member_enquiries)
        return tuple(kind for kind, on in zip(RECORD_KINDS, chosen) if on)


@dataclass(frozen=True)
class Adr:
    """[adr]: alternative dispute resolution, by the council's name for it."""

    offered: bool = True
    name: str = "Alternative dispute resolution"
    instead_of_stage2: bool = False


@dataclass(frozen=True)
class Target:
    """[timeliness]: the share of Stage 1 responses the council aims to send within a limit."""

    percent: int
    within_working_days: int


@dataclass(frozen=True)
class Measure:
    """A figure staff enter for each year (children supported...), whole and by breakdown."""

    slug: str
    name: str
    by: tuple[str, ...] = ()


DEFAULT_MEASURES = (Measure("children_supported", "Children supported", ("ethnicity",)),)


@dataclass(frozen=True)
class Category:
    slug: str
    name: str


@dataclass(frozen=True)
class Council:
    name: str
    service_name: str
    website: str
    complaints_team: str
    colour: str
    logo: str
    contact: dict[str, Any]
    advocacy: dict[str, str]
    safeguarding: dict[str, str]
    languages: tuple[str, ...]
    default_language: str
    service_areas: tuple[ServiceArea, ...]
    categories: tuple[Category, ...]
    outcomes: tuple[str, ...]
    timescales: dict[str, Any]
    closure_days: tuple[date, ...]
    reference_prefix: str
    # Years equalities answers are kept after they are given (their own retention period).
    equalities_retention_years: int = 3
    # [retention]: years a closed case (and everything of it) and an audit entry are kept.
    case_retention_years: int = 6
    audit_retention_years: int = 6
    texts: dict[str, str] = field(default_factory=dict)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    # [tracking]: what a person following their case sees, and what they may do there.
    tracking_shows: tuple[str, ...] = TRACKING_PARTS
    tracking_replies: bool = True
    tracking_withdraw: bool = True
    boroughs: tuple[Borough, ...] = ()
    records: Records = Records()
    adr: Adr = Adr()
    target: Target | None = None
    equalities_publish: tuple[str, ...] = EQUALITY_BREAKDOWNS
    context_measures: tuple[Measure, ...] = DEFAULT_MEASURES
    # The council's own words for an outcome ("Upheld in part"); codes stay the same.
    outcome_labels: dict[str, str] = field(default_factory=dict)

    def text(self, key: str, language: str) -> str:
        """A display text in `language` if the council gave one, else as configured."""
        return self.translations.get(language, {}).get(key) or self.texts.get(key, "")

    def service_area(self, slug: str) -> ServiceArea | None:
        return next((area for area in self.service_areas if area.slug == slug), None)

    def borough(self, slug: str | None) -> Borough | None:
        return next((b for b in self.boroughs if b.slug == slug), None)

    def outcome_label(self, code: str) -> str:
        return self.outcome_labels.get(code) or code.replace("_", " ").capitalize()


def load_council(path: Path) -> Council:
    """Read and check the configuration file at `path`."""
    source = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CouncilConfigError("(file)", f"a council configuration file at {path}") from None
    except tomllib.TOMLDecodeError as error:
        raise CouncilConfigError("(file)", f"valid TOML ({error})", source=source) from None
    try:
        return parse_council(raw)
    except CouncilConfigError as error:
        raise CouncilConfigError(error.key, error.expected, error.got, source) from None


def shipped_council_path(name: str) -> Path:
    path = SHIPPED / f"{name}.toml"
    if not SLUG.match(name) or not path.exists():
        choices = ", ".join(sorted(p.stem for p in SHIPPED.glob("*.toml")))
        raise CouncilConfigError("PORTAL_COUNCIL", f"one of the shipped councils ({choices})", name)
    return path


def parse_council(raw: dict[str, Any]) -> Council:
    languages = _languages(raw)
    return Council(
        name=_text(raw, "council.name"),
        service_name=_text(raw, "council.service_name"),
        website=_url(raw, "council.website"),
        complaints_team=_text(raw, "council.complaints_team"),
        colour=_colour(raw, "branding.colour"),
        logo=_text(raw, "branding.logo", required=False),
        contact={
            "phone": _text(raw, "contact.phone"),
            "phone_hours": _text(raw, "contact.phone_hours"),
            "email": _email(raw, "contact.email"),
            "address": _lines(raw, "contact.address"),
            "in_person": _text(raw, "contact.in_person", required=False),
        },
        advocacy={
            "name": _text(raw, "advocacy.name"),
            "phone": _text(raw, "advocacy.phone"),
            "text": _text(raw, "advocacy.text", required=False),
            "email": _email(raw, "advocacy.email"),
            "web": _url(raw, "advocacy.web"),
            "hours": _text(raw, "advocacy.hours", required=False),
            "referrals_email": _optional_email(raw, "advocacy.referrals_email"),
        },
        safeguarding={
            "front_door_name": _text(raw, "safeguarding.front_door_name"),
            "front_door_phone": _text(raw, "safeguarding.front_door_phone"),
            "front_door_hours": _text(raw, "safeguarding.front_door_hours", required=False),
            "out_of_hours_phone": _text(raw, "safeguarding.out_of_hours_phone"),
            "police_emergency": _text(raw, "safeguarding.police_emergency"),
            "police_non_emergency": _text(raw, "safeguarding.police_non_emergency"),
            "childline_phone": _text(raw, "safeguarding.childline_phone"),
            "exit_url": _optional_url(raw, "safeguarding.exit_url", DEFAULT_EXIT_URL),
        },
        languages=languages,
        default_language=_default_language(raw, languages),
        service_areas=_service_areas(raw),
        categories=_categories(raw),
        outcomes=_outcomes(raw),
        timescales=_table(raw, "timescales", required=False),
        closure_days=_dates(raw, "calendar.closure_days"),
        reference_prefix=_prefix(raw, "reference.prefix"),
        equalities_retention_years=_whole(raw, "equalities.retention_years", 3, 1, 10),
        case_retention_years=_whole(raw, "retention.cases_years", 6, 1, 100),
        audit_retention_years=_whole(raw, "retention.audit_years", 6, 1, 100),
        texts={key: _text(raw, key, required=False) for key in TRANSLATABLE},
        translations=_translations(raw),
        tracking_shows=_tracking_parts(raw),
        tracking_replies=_flag(raw, "tracking.replies", True),
        tracking_withdraw=_flag(raw, "tracking.withdraw", True),
        boroughs=_boroughs(raw),
        records=Records(**{f: _flag(raw, f"records.{f}", getattr(Records(), f))
                           for f in Records.__dataclass_fields__}),
        adr=Adr(offered=_flag(raw, "adr.offered", True),
                name=_text(raw, "adr.name", required=False) or Adr().name,
                instead_of_stage2=_flag(raw, "adr.instead_of_stage2", False)),
        target=_target(raw),
        equalities_publish=_chosen(raw, "equalities.publish", EQUALITY_BREAKDOWNS),
        context_measures=_measures(raw),
        outcome_labels=_outcome_labels(raw),
    )


def _boroughs(raw: dict[str, Any]) -> tuple[Borough, ...]:
    items = _lookup(raw, "boroughs", required=False)
    if items is None:
        return ()
    if not isinstance(items, list):
        raise CouncilConfigError("boroughs", "one [[boroughs]] table for each borough served", items)
    found = []
    for index, item in enumerate(items):
        key = f"boroughs[{index}]"
        item = {"b": item} if isinstance(item, dict) else {"b": None}
        found.append(Borough(_slug(item, "b.slug", key), _named(item, "b.name", key),
                             _names(item, "b.names", f"{key}.names")))
    if len(found) == 1:
        raise CouncilConfigError("boroughs", "two or more boroughs (leave it out for one)", len(found))
    _unique([b.slug for b in found], "boroughs[].slug")
    return tuple(found)


def _names(item: dict[str, Any], key: str, shown: str) -> dict[str, str]:
    names = _lookup(item, key, required=False) or {}
    if not isinstance(names, dict) or any(k not in LANGUAGES or not isinstance(v, str) for k, v in names.items()):
        raise CouncilConfigError(shown, "a table of names by language code", names)
    return dict(names)


def _target(raw: dict[str, Any]) -> Target | None:
    if _lookup(raw, "timeliness.target_percent", required=False) is None:
        return None
    days = _whole(raw, "timeliness.within_working_days", 20, 1, 65)
    if days not in TARGET_DAYS:
        # The figures count responses within these limits (the bands of STATISTICS.md S5).
        raise CouncilConfigError("timeliness.within_working_days", f"one of {list(TARGET_DAYS)}", days)
    return Target(_whole(raw, "timeliness.target_percent", 0, 1, 100), days)


def _chosen(raw: dict[str, Any], key: str, allowed: tuple[str, ...], shown: str = "") -> tuple[str, ...]:
    """A list drawn from `allowed`; all of them when left out."""
    value = _lookup(raw, key, required=False)
    if value is None:
        return allowed
    if not isinstance(value, list) or any(v not in allowed for v in value) or len(set(value)) != len(value):
        raise CouncilConfigError(shown or key, f"a list drawn from {list(allowed)}", value)
    return tuple(value)


def _measures(raw: dict[str, Any]) -> tuple[Measure, ...]:
    items = _lookup(raw, "context.measures", required=False)
    if items is None:
        return DEFAULT_MEASURES
    if not isinstance(items, list) or not items:
        raise CouncilConfigError("context.measures", "one or more [[context.measures]] tables", items)
    found = []
    for index, item in enumerate(items):
        key = f"context.measures[{index}]"
        item = {"m": item} if isinstance(item, dict) else {"m": None}
        slug = _slug(item, "m.slug", key)
        if slug not in CONTEXT_MEASURES:
            raise CouncilConfigError(f"{key}.slug", f"one of {list(CONTEXT_MEASURES)}", slug)
        by = (_chosen(item, "m.by", CONTEXT_BREAKDOWNS, f"{key}.by")
              if _lookup(item, "m.by", required=False) is not None else ())
        found.append(Measure(slug, _named(item, "m.name", key), by))
    _unique([m.slug for m in found], "context.measures[].slug")
    return tuple(found)


def _outcome_labels(raw: dict[str, Any]) -> dict[str, str]:
    labels = _table(raw, "outcomes.labels", required=False)
    for code, label in labels.items():
        if code not in OUTCOMES or not isinstance(label, str) or not label.strip():
            raise CouncilConfigError(f"outcomes.labels.{code}", f"a name in quotes for one of {list(OUTCOMES)}", label)
    return {code: label.strip() for code, label in labels.items()}


def _tracking_parts(raw: dict[str, Any]) -> tuple[str, ...]:
    value = _lookup(raw, "tracking.show", required=False)
    if value is None:
        return TRACKING_PARTS
    if not isinstance(value, list) or any(v not in TRACKING_PARTS for v in value):
        raise CouncilConfigError("tracking.show", f"a list drawn from {list(TRACKING_PARTS)}", value)
    return tuple(value)


def _flag(raw: dict[str, Any], key: str, default: bool) -> bool:
    value = _lookup(raw, key, required=False)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise CouncilConfigError(key, "true or false", value)
    return value


def _translations(raw: dict[str, Any]) -> dict[str, dict[str, str]]:
    table = _table(raw, "translations", required=False)
    result = {}
    for language, texts in table.items():
        key = f"translations.{language}"
        # Texts for a language not (or not yet) offered are kept, ready for when it is.
        if language not in LANGUAGES or language == "en":
            raise CouncilConfigError(key, f"a table for a language other than en, from {list(LANGUAGES)}", language)
        if not isinstance(texts, dict):
            raise CouncilConfigError(key, "a table of texts", texts)
        for name, value in texts.items():
            if name not in TRANSLATABLE:
                raise CouncilConfigError(f"{key}.{name}", f"one of {list(TRANSLATABLE)}", name)
            if not isinstance(value, str) or not value.strip():
                raise CouncilConfigError(f"{key}.{name}", "some text in quotes", value)
        result[language] = {name: value.strip() for name, value in texts.items()}
    return result


def _lookup(raw: dict[str, Any], key: str, required: bool = True) -> Any:
    value: Any = raw
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            if required:
                raise CouncilConfigError(key, "a value (it is missing)")
            return None
        value = value[part]
    return value


def _text(raw: dict[str, Any], key: str, required: bool = True) -> str:
    value = _lookup(raw, key, required)
    if value is None:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise CouncilConfigError(key, "some text in quotes", value)
    return value.strip()


def _url(raw: dict[str, Any], key: str) -> str:
    value = _text(raw, key)
    if not re.match(r"^https?://[^\s/]+", value):
        raise CouncilConfigError(key, "a web address starting with https://", value)
    return value


def _email(raw: dict[str, Any], key: str) -> str:
    value = _text(raw, key)
    if not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", value):
        raise CouncilConfigError(key, "an email address like name@example.org.uk", value)
    return value


def _optional_email(raw: dict[str, Any], key: str) -> str:
    return _email(raw, key) if _lookup(raw, key, required=False) not in (None, "") else ""


def _optional_url(raw: dict[str, Any], key: str, default: str) -> str:
    return _url(raw, key) if _lookup(raw, key, required=False) not in (None, "") else default


def _whole(raw: dict[str, Any], key: str, default: int, least: int, most: int) -> int:
    value = _lookup(raw, key, required=False)
    if value is None:
        return default
    if not isinstance(value, int) or isinstance(value, bool) or not least <= value <= most:
        raise CouncilConfigError(key, f"a whole number from {least} to {most}", value)
    return value


def _colour(raw: dict[str, Any], key: str) -> str:
    value = _text(raw, key)
    if not COLOUR.match(value):
        raise CouncilConfigError(key, "a colour written #rrggbb", value)
    if contrast_with_white(value) < 4.5:
        raise CouncilConfigError(key, "a colour dark enough for white text (contrast 4.5:1)", value)
    return value.lower()


def _lines(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = _lookup(raw, key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise CouncilConfigError(key, "a list of lines of text, like [\"Town Hall\", \"NB1 1AA\"]", value)
    return tuple(v.strip() for v in value)


def _table(raw: dict[str, Any], key: str, required: bool = True) -> dict[str, Any]:
    value = _lookup(raw, key, required)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise CouncilConfigError(key, "a table of settings", value)
    return value


def _languages(raw: dict[str, Any]) -> tuple[str, ...]:
    value = _lookup(raw, "languages.offered")
    if (
        not isinstance(value, list)
        or not value
        or any(v not in LANGUAGES for v in value)
        or len(set(value)) != len(value)
    ):
        raise CouncilConfigError("languages.offered", f"a list of codes from {list(LANGUAGES)}", value)
    return tuple(value)


def _default_language(raw: dict[str, Any], offered: tuple[str, ...]) -> str:
    value = _lookup(raw, "languages.default")
    if value not in offered:
        raise CouncilConfigError("languages.default", f"one of the offered languages {list(offered)}", value)
    return value


def _service_areas(raw: dict[str, Any]) -> tuple[ServiceArea, ...]:
    items = _lookup(raw, "service_areas")
    if not isinstance(items, list) or not items:
        raise CouncilConfigError("service_areas", "one or more [[service_areas]] tables", items)
    areas = []
    for index, item in enumerate(items):
        key = f"service_areas[{index}]"
        item = {"area": item} if isinstance(item, dict) else {"area": None}
        slug = _slug(item, "area.slug", key)
        function = _lookup(item, "area.function")
        if function not in FUNCTIONS:
            raise CouncilConfigError(f"{key}.function", f"one of {list(FUNCTIONS)}", function)
        teams = _lookup(item, "area.teams", required=False) or []
        if not isinstance(teams, list) or not all(isinstance(t, str) and t.strip() for t in teams):
            raise CouncilConfigError(f"{key}.teams", "a list of team names", teams)
        names = _names(item, "area.names", f"{key}.names")
        areas.append(
            ServiceArea(slug, _named(item, "area.name", key), function, tuple(teams), dict(names))
        )
    _unique([a.slug for a in areas], "service_areas[].slug")
    return tuple(areas)


def _categories(raw: dict[str, Any]) -> tuple[Category, ...]:
    items = _lookup(raw, "categories")
    if not isinstance(items, list) or not items:
        raise CouncilConfigError("categories", "one or more [[categories]] tables", items)
    categories = []
    for index, item in enumerate(items):
        key = f"categories[{index}]"
        item = {"c": item} if isinstance(item, dict) else {"c": None}
        categories.append(Category(_slug(item, "c.slug", key), _named(item, "c.name", key)))
    _unique([c.slug for c in categories], "categories[].slug")
    return tuple(categories)


def _outcomes(raw: dict[str, Any]) -> tuple[str, ...]:
    value = _lookup(raw, "outcomes.use")
    if not isinstance(value, list) or not value or any(v not in OUTCOMES for v in value):
        raise CouncilConfigError("outcomes.use", f"a list drawn from {list(OUTCOMES)}", value)
    if "upheld" not in value or "not_upheld" not in value:
        raise CouncilConfigError("outcomes.use", "a list that includes upheld and not_upheld", value)
    return tuple(value)


def _dates(raw: dict[str, Any], key: str) -> tuple[date, ...]:
    value = _lookup(raw, key, required=False) or []
    try:
        return tuple(v if isinstance(v, date) else date.fromisoformat(v) for v in value)
    except (TypeError, ValueError):
        raise CouncilConfigError(key, "a list of dates like [\"2026-12-29\"]", value) from None


def _prefix(raw: dict[str, Any], key: str) -> str:
    value = _text(raw, key)
    if not re.match(r"^[A-Z]{2,6}$", value):
        raise CouncilConfigError(key, "2 to 6 capital letters, like CSC", value)
    return value


def _slug(item: dict[str, Any], key: str, shown: str) -> str:
    value = _lookup(item, key, required=False)
    if not isinstance(value, str) or not SLUG.match(value):
        raise CouncilConfigError(f"{shown}.slug", "a short code of lower-case letters, digits, - or _", value)
    return value


def _named(item: dict[str, Any], key: str, shown: str) -> str:
    value = _lookup(item, key, required=False)
    if not isinstance(value, str) or not value.strip():
        raise CouncilConfigError(f"{shown}.name", "a name in quotes", value)
    return value.strip()


def _unique(values: list[str], key: str) -> None:
    seen = {v for v in values if values.count(v) > 1}
    if seen:
        raise CouncilConfigError(key, "codes used once each", sorted(seen))


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white text on `colour` (#rrggbb)."""

    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)
