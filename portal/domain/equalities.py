"""Equalities monitoring: the categories, the age bands, and the values kept from the answers.

The categories are those of EQUALITIES.md (Census 2021 ethnic groups, GSS harmonised standards),
with the slugs of EXCHANGE.md section 3. Answers are special category data: they are stored
apart from the case and only ever counted (see portal.equality), never shown with a case.

Plain Python. Labels are English, marked with N_ so the catalogues translate them where shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


def N_(text: str) -> str:
    """Marks text for translation without translating it here (no Flask in this module)."""
    return text


PREFER_NOT_TO_SAY = "prefer_not_to_say"
NOT_RECORDED = "not_recorded"
PREFER_NOT_TO_SAY_LABEL = N_("Prefer not to say")


@dataclass(frozen=True)
class EthnicGroup:
    code: str
    label: str
    backgrounds: tuple[tuple[str, str], ...]  # (slug, label); the last is "Any other ..."

    @property
    def other(self) -> str:
        return self.backgrounds[-1][0]


# Census 2021, England and Wales: 19 backgrounds in 5 groups, in the order of the question.
ETHNIC_GROUPS: tuple[EthnicGroup, ...] = (
    EthnicGroup("white", N_("White"), (
        ("white_british", N_("English, Welsh, Scottish, Northern Irish or British")),
        ("white_irish", N_("Irish")),
        ("white_gypsy_or_irish_traveller", N_("Gypsy or Irish Traveller")),
        ("white_roma", N_("Roma")),
        ("white_other", N_("Any other White background")),
    )),
    EthnicGroup("mixed", N_("Mixed or Multiple ethnic groups"), (
        ("mixed_white_black_caribbean", N_("White and Black Caribbean")),
        ("mixed_white_black_african", N_("White and Black African")),
        ("mixed_white_asian", N_("White and Asian")),
        ("mixed_other", N_("Any other Mixed or Multiple ethnic background")),
    )),
    EthnicGroup("asian", N_("Asian or Asian British"), (
        ("asian_indian", N_("Indian")),
        ("asian_pakistani", N_("Pakistani")),
        ("asian_bangladeshi", N_("Bangladeshi")),
        ("asian_chinese", N_("Chinese")),
        ("asian_other", N_("Any other Asian background")),
    )),
    EthnicGroup("black", N_("Black, Black British, Caribbean or African"), (
        ("black_caribbean", N_("Caribbean")),
        ("black_african", N_("African")),
        ("black_other", N_("Any other Black, Black British, or Caribbean background")),
    )),
    EthnicGroup("other", N_("Other ethnic group"), (
        ("other_arab", N_("Arab")),
        ("other_any", N_("Any other ethnic group")),
    )),
)
GROUPS_BY_CODE = {group.code: group for group in ETHNIC_GROUPS}
ETHNICITIES: tuple[str, ...] = tuple(code for g in ETHNIC_GROUPS for code, _label in g.backgrounds)
OTHER_BACKGROUNDS = frozenset(group.other for group in ETHNIC_GROUPS)

SEXES = (("female", N_("Female")), ("male", N_("Male")))
SEXUAL_ORIENTATIONS = (
    ("straight", N_("Straight or Heterosexual")),
    ("gay_or_lesbian", N_("Gay or Lesbian")),
    ("bisexual", N_("Bisexual")),
    ("other", N_("Other sexual orientation")),
)
GENDER_SAME = (("yes", N_("Yes")), ("no", N_("No")))
RELIGIONS = (
    ("none", N_("No religion")),
    ("christian", N_("Christian")),
    ("buddhist", N_("Buddhist")),
    ("hindu", N_("Hindu")),
    ("jewish", N_("Jewish")),
    ("muslim", N_("Muslim")),
    ("sikh", N_("Sikh")),
    ("other", N_("Any other religion")),
)
CONDITION = (("yes", N_("Yes")), ("no", N_("No")))
CONDITION_IMPACT = (
    ("a_lot", N_("Yes, a lot")),
    ("a_little", N_("Yes, a little")),
    ("not_at_all", N_("Not at all")),
)
IMPACT_ANSWERS = frozenset(code for code, _label in CONDITION_IMPACT) | {"prefer_not_to_say"}
DISABILITY = ("yes", "no")

# Reporting bands (EXCHANGE.md); the youngest age in each, and its label.
AGE_BANDS = (
    ("0-4", 0, N_("0 to 4")),
    ("5-10", 5, N_("5 to 10")),
    ("11-15", 11, N_("11 to 15")),
    ("16-17", 16, N_("16 or 17")),
    ("18-24", 18, N_("18 to 24")),
    ("25-64", 25, N_("25 to 64")),
    ("65+", 65, N_("65 or over")),
)
BAND_CODES = tuple(code for code, _start, _label in AGE_BANDS)
# Which bands make sense to offer, by whom the questions are about.
BANDS_OFFERED = {
    "child": ("0-4", "5-10", "11-15", "16-17", "18-24"),
    "young": ("5-10", "11-15", "16-17", "18-24"),
    "adult": ("11-15", "16-17", "18-24", "25-64", "65+"),
}
# Gender identity and sexual orientation are asked of people aged 16 or over, about themselves.
SIXTEEN = 16

# Every coded measure a record holds, and its codes (without prefer_not_to_say / not_recorded).
MEASURES: dict[str, tuple[str, ...]] = {
    "ethnicity": ETHNICITIES,
    "sex": tuple(code for code, _ in SEXES),
    "age_band": BAND_CODES,
    "disability": DISABILITY,
    "religion": tuple(code for code, _ in RELIGIONS),
    "gender_same": tuple(code for code, _ in GENDER_SAME),
    "sexual_orientation": tuple(code for code, _ in SEXUAL_ORIENTATIONS),
}
SUBJECTS = ("child", "complainant")


def group_of(ethnicity: str | None) -> str | None:
    """The high-level group of an ethnicity slug ("white_irish" -> "white"), else the slug."""
    for group in ETHNIC_GROUPS:
        if any(code == ethnicity for code, _label in group.backgrounds):
            return group.code
    return ethnicity


def valid(measure: str, code: Any) -> bool:
    return code in MEASURES[measure] or code in (PREFER_NOT_TO_SAY, NOT_RECORDED)


# Age ---------------------------------------------------------------------------------------------

def youngest_birthday(parts: dict[str, str]) -> date | None:
    """The latest date of birth a partial answer allows (so the youngest age it could mean):
    a year alone means 31 December; a month and year, the month's last day."""
    try:
        year = int(parts.get("year") or "")
    except ValueError:
        return None
    month = int(parts["month"]) if (parts.get("month") or "").isdigit() else 12
    if (parts.get("day") or "").isdigit() and (parts.get("month") or "").isdigit():
        return date(year, month, int(parts["day"]))
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def band_for(age: int) -> str:
    found = BAND_CODES[0]
    for code, start, _label in AGE_BANDS:
        if age >= start:
            found = code
    return found


def band_from_birth(parts: dict[str, str] | None, on: date) -> str | None:
    """The age band on `on` of a (possibly partial) date of birth; None if none was given."""
    if not parts or not (parts.get("year") or "").strip():
        return None
    born = youngest_birthday(parts)
    return band_for(max(0, age_on(born, on))) if born else None


def sixteen_or_over(band: str | None) -> bool:
    """Whether an age band is certainly 16 or over (unknown ages are not)."""
    if band not in BAND_CODES:
        return False
    start = next(start for code, start, _label in AGE_BANDS if code == band)
    return start >= SIXTEEN


# From the answers to the values kept -------------------------------------------------------------

def disability_from(condition: str | None, impact: str | None) -> str:
    """The Equality Act measure from the two GSS questions: a condition lasting 12 months or
    more that reduces day-to-day activity a lot or a little."""
    if condition == "no" or impact == "not_at_all":
        return "no"
    if condition == PREFER_NOT_TO_SAY or impact == PREFER_NOT_TO_SAY:
        return PREFER_NOT_TO_SAY
    if condition == "yes" and impact in ("a_lot", "a_little"):
        return "yes"
    return NOT_RECORDED


def ethnicity_from(group: str | None, background: str | None) -> str:
    if group == PREFER_NOT_TO_SAY:
        return PREFER_NOT_TO_SAY
    if group in GROUPS_BY_CODE and background in ETHNICITIES + (PREFER_NOT_TO_SAY,):
        if background == PREFER_NOT_TO_SAY or group_of(background) == group:
            return background
    return NOT_RECORDED


def coded(value: Any, measure: str) -> str:
    return value if isinstance(value, str) and valid(measure, value) else NOT_RECORDED


FREE_TEXT_MAX = 200


def record_values(answers: dict[str, Any], age_band: str | None) -> dict[str, Any]:
    """What is kept of one person's answers (question name -> answer) as stored columns.

    Nothing of a date of birth is kept but the age band on the day the case was received.
    A question not reached or not answered is "not_recorded".
    """
    def text(name: str, when: bool) -> str | None:
        value = (answers.get(name) or "").strip()[:FREE_TEXT_MAX] if when else ""
        return value or None

    impact = answers.get("condition_impact")
    ethnicity = ethnicity_from(answers.get("ethnic_group"), answers.get("ethnic_background"))
    orientation = coded(answers.get("sexual_orientation"), "sexual_orientation")
    gender_same = coded(answers.get("gender_same"), "gender_same")
    religion = coded(answers.get("religion"), "religion")
    return {
        "ethnicity": ethnicity,
        "ethnicity_text": text("ethnic_text", ethnicity in OTHER_BACKGROUNDS),
        "sex": coded(answers.get("sex"), "sex"),
        "age_band": age_band or NOT_RECORDED,
        "condition": coded(answers.get("condition"), "disability"),
        "condition_impact": impact if impact in IMPACT_ANSWERS else None,
        "disability": disability_from(answers.get("condition"), answers.get("condition_impact")),
        "religion": religion,
        "religion_text": text("religion_text", religion == "other"),
        "gender_same": gender_same,
        "gender_text": text("gender_text", gender_same == "no"),
        "sexual_orientation": orientation,
        "sexual_orientation_text": text("sexual_orientation_text", orientation == "other"),
    }
