"""The council's configuration: every mistake is caught at start-up and names its key."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib

import pytest

from portal.council import CouncilConfigError, contrast_with_white, load_council, parse_council
from tests.conftest import ROOT

DEMO = ROOT / "portal" / "councils" / "demo.toml"


def demo() -> dict:
    return tomllib.loads(DEMO.read_text())


def test_the_shipped_example_loads_with_everything_the_pages_need():
    council = load_council(DEMO)
    assert council.name == "Northbrook Borough Council"
    assert council.advocacy["phone"] and council.safeguarding["childline_phone"] == "0800 1111"
    assert council.languages == ("en", "cy", "pl", "ro", "pa", "ur", "pt", "es", "ar", "bn")
    assert council.default_language == "en"
    assert [a.slug for a in council.service_areas][:2] == ["assessment", "children-in-care"]
    assert council.service_area("education").function == "education"
    assert "partially_upheld" in council.outcomes
    assert council.text("council.service_name", "cy") == "Gwasanaethau plant: cwynion a chanmoliaeth"
    assert council.text("council.service_name", "en") == council.service_name


def broken(path: str, value):
    raw = demo()
    *parents, last = path.split(".")
    table = raw
    for part in parents:
        table = table[part]
    if value is KeyError:
        del table[last]
    else:
        table[last] = value
    return raw


MISTAKES = [
    ("council.name", KeyError, "council.name: expected a value (it is missing)"),
    ("council.name", 42, "council.name: expected some text in quotes, got 42"),
    ("council.website", "www.example.org", "council.website: expected a web address starting with https://"),
    ("branding.colour", "blue", "branding.colour: expected a colour written #rrggbb, got 'blue'"),
    ("branding.colour", "#ffdd00", "branding.colour: expected a colour dark enough for white text"),
    ("contact.email", "team at council", "contact.email: expected an email address"),
    ("contact.address", [], "contact.address: expected a list of lines of text"),
    ("advocacy.phone", KeyError, "advocacy.phone: expected a value (it is missing)"),
    ("safeguarding.front_door_phone", "", "safeguarding.front_door_phone: expected some text in quotes"),
    ("advocacy.referrals_email", "the provider", "advocacy.referrals_email: expected an email address"),
    ("safeguarding.exit_url", "weather", "safeguarding.exit_url: expected a web address starting with https://"),
    ("languages.offered", ["en", "klingon"], "languages.offered: expected a list of codes from"),
    ("languages.default", "fr", "languages.default: expected one of the offered languages"),
    ("outcomes.use", ["upheld", "maybe"], "outcomes.use: expected a list drawn from"),
    ("calendar.closure_days", ["25/12/2026"], "calendar.closure_days: expected a list of dates"),
    ("reference.prefix", "csc", "reference.prefix: expected 2 to 6 capital letters"),
]


@pytest.mark.parametrize("path,value,message", MISTAKES, ids=[m[0] + "-" + str(i) for i, m in enumerate(MISTAKES)])
def test_a_wrong_or_missing_value_names_its_key_and_what_is_expected(path, value, message):
    with pytest.raises(CouncilConfigError) as caught:
        parse_council(broken(path, value))
    assert message in str(caught.value)


def test_referral_emails_and_the_exit_address_are_optional():
    raw = broken("advocacy.referrals_email", KeyError)
    council = parse_council(raw)
    assert council.advocacy["referrals_email"] == ""
    assert council.safeguarding["exit_url"] == "https://www.bbc.co.uk/weather"
    raw["safeguarding"]["exit_url"] = "https://www.example.org.uk/weather"
    assert parse_council(raw).safeguarding["exit_url"] == "https://www.example.org.uk/weather"


def test_a_service_area_with_a_wrong_function_is_named_by_position():
    raw = demo()
    raw["service_areas"][2]["function"] = "health"
    with pytest.raises(CouncilConfigError, match=r"service_areas\[2\]\.function: expected one of"):
        parse_council(raw)


def test_two_categories_with_the_same_code_are_refused():
    raw = demo()
    raw["categories"][1]["slug"] = raw["categories"][0]["slug"]
    with pytest.raises(CouncilConfigError, match="categories\\[\\].slug: expected codes used once each"):
        parse_council(raw)


def test_a_translation_for_an_unknown_text_is_refused():
    raw = demo()
    raw["translations"]["cy"]["council.motto"] = "Ymlaen"
    with pytest.raises(CouncilConfigError, match="translations.cy.council.motto"):
        parse_council(raw)


def test_contrast_is_worked_out_as_wcag_does():
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert round(contrast_with_white("#1d4f76"), 1) >= 4.5
    assert contrast_with_white("#ffdd00") < 4.5


def start_with(tmp_path, old: str, new: str) -> subprocess.CompletedProcess:
    """Start the portal's command line with the demo configuration changed from `old` to `new`."""
    bad = tmp_path / "council.toml"
    bad.write_text(DEMO.read_text().replace(old, new))
    env = {**os.environ, "PORTAL_COUNCIL_FILE": str(bad), "SECRET_KEY": "x"}
    return subprocess.run(
        [sys.executable, "-m", "flask", "--app", "portal", "routes"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )


def test_the_portal_refuses_to_start_with_a_broken_configuration(tmp_path):
    result = start_with(tmp_path, 'colour = "#1d4f76"', 'colour = "sky blue"')
    assert result.returncode != 0
    assert "branding.colour: expected a colour written #rrggbb, got 'sky blue'" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_timescales_stop_the_portal_too(tmp_path):
    result = start_with(tmp_path, "acknowledge = 3 ", "acknowledge = 0 ")
    assert result.returncode != 0 and "timescales.statutory.acknowledge" in result.stderr
