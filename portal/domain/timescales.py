"""Timescales, in working days, as configuration with the defaults of DOMAIN.md section 1.

Councils differ (one publishes a 2-day acknowledgement), so every number can be overridden from
the council's configuration; a mistake there must name the setting, not just fail.
"""

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

WORKING_DAYS = "a whole number of working days (1 or more)"
_NOT_GIVEN = object()


class ConfigError(ValueError):
    """A configuration value is wrong; the message says which one and what it should be."""

    def __init__(self, key_path: str, expected: str, got: Any = _NOT_GIVEN) -> None:
        self.key_path = key_path
        self.expected = expected
        message = f"{key_path}: expected {expected}"
        if got is not _NOT_GIVEN:
            message += f", got {got!r}"
        super().__init__(message)


def _check_days(key_path: str, value: Any) -> None:
    # bool is a subclass of int, but "acknowledge: true" is a typo, not one day.
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(key_path, WORKING_DAYS, value)


def _check_fields(obj: Any, prefix: str) -> None:
    for f in dataclasses.fields(obj):
        _check_days(f"{prefix}.{f.name}", getattr(obj, f.name))


@dataclass(frozen=True)
class StatutoryTimescales:
    """Children Act 1989 procedure; stage 2 and 3 steps count from the event before them."""

    acknowledge: int = 3
    stage1_respond: int = 10
    stage1_extended: int = 20
    stage2_request_within: int = 20
    stage2_respond: int = 25
    stage2_extended: int = 65
    stage3_request_within: int = 20
    panel_within: int = 30
    panel_report_within: int = 5
    stage3_respond_within: int = 15

    def __post_init__(self) -> None:
        prefix = "timescales.statutory"
        _check_fields(self, prefix)
        for base, extended in (("stage1_respond", "stage1_extended"),
                               ("stage2_respond", "stage2_extended")):
            if getattr(self, extended) < getattr(self, base):
                raise ConfigError(
                    f"{prefix}.{extended}",
                    f"at least {base} ({getattr(self, base)}): an extension never shortens",
                    getattr(self, extended),
                )


@dataclass(frozen=True)
class CorporateTimescales:
    """The council's own procedure, following the Ombudsman's Complaint Handling Code.

    Responses count from the acknowledgement; the extension maxima are extra days on top.
    """

    acknowledge: int = 5
    stage1_respond: int = 10
    stage1_extension_max: int = 10
    stage2_acknowledge: int = 5
    stage2_respond: int = 20
    stage2_extension_max: int = 20

    def __post_init__(self) -> None:
        _check_fields(self, "timescales.corporate")


@dataclass(frozen=True)
class Timescales:
    statutory: StatutoryTimescales = field(default_factory=StatutoryTimescales)
    corporate: CorporateTimescales = field(default_factory=CorporateTimescales)
    due_soon_days: int = 2

    def __post_init__(self) -> None:
        _check_days("timescales.due_soon_days", self.due_soon_days)

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any] | None) -> "Timescales":
        """Read `{"statutory": {...}, "corporate": {...}, "due_soon_days": n}`; all optional."""
        if mapping is None:
            return cls()
        if not isinstance(mapping, Mapping):
            raise ConfigError("timescales", "a table of settings", mapping)
        _refuse_unknown(mapping, "timescales", ("statutory", "corporate", "due_soon_days"))
        settings: dict[str, Any] = {}
        for name, section in (("statutory", StatutoryTimescales),
                              ("corporate", CorporateTimescales)):
            if name in mapping:
                settings[name] = _read_section(mapping[name], f"timescales.{name}", section)
        if "due_soon_days" in mapping:
            settings["due_soon_days"] = mapping["due_soon_days"]
        return cls(**settings)


def _refuse_unknown(mapping: Mapping[str, Any], prefix: str, known: tuple[str, ...]) -> None:
    for key in mapping:
        if key not in known:
            raise ConfigError(f"{prefix}.{key}", "one of the known settings: " + ", ".join(known))


def _read_section(value: Any, prefix: str, section: type) -> Any:
    if not isinstance(value, Mapping):
        raise ConfigError(prefix, "a table of settings", value)
    _refuse_unknown(value, prefix, tuple(f.name for f in dataclasses.fields(section)))
    return section(**value)
