"""Languages: the browser's choice first, a switch that keeps every answer, every offered
language in full, right to left where the language is, and the language kept with the case."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_skeleton
from babel.support import Translations
from sqlalchemy import select

from portal.extensions import db
from portal.models import Case
from tests.conftest import ROOT, CheckingClient, redirect_path, sign_in, submit_complaint
from tests.journeys import COMPLAINT


def test_the_first_visit_follows_the_browser_language(client):
    page = client.get("/", headers={"Accept-Language": "cy-GB,cy;q=0.9,en;q=0.5"})
    assert page.soup.html["lang"] == "cy"
    assert page.h1 == "Dywedwch wrthym ni am ofal cymdeithasol plant"


def test_a_browser_language_we_do_not_offer_falls_back_to_the_council_default(client):
    page = client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert page.soup.html["lang"] == "en-GB"


def test_the_switcher_names_each_language_in_itself_and_marks_the_current_one(client):
    page = client.get("/tell-us/start", expect=302)
    page = client.get("/")
    links = page.soup.select(".portal-language-nav a")
    assert [a.get_text(strip=True) for a in links] == [
        "English", "Cymraeg", "polski", "română", "ਪੰਜਾਬੀ", "اردو", "português", "español", "العربية", "বাংলা"]
    welsh = links[1]
    assert welsh["lang"] == welsh["hreflang"] == "cy" and welsh["rel"] == ["alternate"]
    assert links[0]["aria-current"] == "true" and not welsh.has_attr("aria-current")
    assert page.soup.select_one(".portal-language-nav")["aria-label"] == "Choose a language"


def test_switching_language_mid_journey_keeps_every_answer(client):
    client.get("/tell-us/start", expect=302)
    for slug, data in COMPLAINT[:4]:
        client.answer(slug, data)
    here = client.get("/tell-us/agreement")
    link = here.soup.select(".portal-language-nav a")[1]["href"]
    assert link == "/language/cy?next=/tell-us/agreement"
    switched = client.get(link, expect=303)
    assert redirect_path(switched) == "/tell-us/agreement"
    page = client.get("/tell-us/child")
    assert page.soup.html["lang"] == "cy"
    assert page.soup.find("input", attrs={"name": "child_name"})["value"] == "Sam Jones"
    assert page.soup.select_one("button.govuk-button").get_text(strip=True) == "Parhau"


def test_a_welsh_case_records_its_language_and_welsh_errors_are_welsh(app, client):
    client.get("/language/cy?next=/", expect=303)
    client.get("/tell-us/start", expect=302)
    page = client.get("/tell-us/what-to-tell-us")
    shown = client.post("/tell-us/what-to-tell-us", {"csrf_token": page.csrf()}, expect=200)
    assert shown.title.startswith("Gwall: ")
    assert shown.soup.select_one(".govuk-error-summary__title").get_text(strip=True) == "Mae problem wedi codi"
    assert shown.soup.select_one(".govuk-error-message .govuk-visually-hidden").get_text(strip=True) == "Gwall:"
    for slug, data in COMPLAINT:
        client.answer(slug, data)
    check = client.get("/tell-us/check")
    client.post("/tell-us/check", {"csrf_token": check.csrf()})
    sent = client.get("/tell-us/sent")
    assert "Tachwedd" in sent.text or "Rhagfyr" in sent.text or "Ionawr" in sent.text or sent.soup.html["lang"] == "cy"
    with app.app_context():
        assert db.session.scalar(select(Case.language)) == "cy"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"])
def test_the_switch_never_sends_anyone_to_another_site(client, target):
    switched = client.get(f"/language/cy?next={target}", expect=303)
    assert redirect_path(switched) == "/"


def test_an_unknown_language_is_ignored_not_an_error(client):
    client.get("/language/xx?next=/", expect=303)
    assert client.get("/").soup.html["lang"] == "en-GB"


def headings_and_buttons(client, language: str) -> dict[str, tuple[str, str, str]]:
    """Each page of the complaint: its heading, its button and its back link, in `language`."""
    client.get(f"/language/{language}?next=/", expect=303)
    client.get("/tell-us/start", expect=302)
    seen = {}
    for slug, data in COMPLAINT:
        page = client.get(f"/tell-us/{slug}")
        heading = page.soup.select_one("h1").get_text(" ", strip=True)
        button = page.soup.select_one("button.govuk-button").get_text(strip=True)
        seen[slug] = (heading, button, page.soup.select_one("a.govuk-back-link").get_text(strip=True))
        client.post(f"/tell-us/{slug}", {**data, "csrf_token": page.csrf()})
    return seen


@pytest.mark.parametrize("language", ["cy", "pl", "ro", "pa", "ur", "pt", "es", "ar", "bn"])
def test_every_page_in_every_language_has_no_english_left_in_its_own_words(app, language):
    english = headings_and_buttons(CheckingClient(app.test_client()), "en")
    shown = headings_and_buttons(CheckingClient(app.test_client()), language)
    catalogue = Translations.load(str(ROOT / "translations"), [language])
    for slug, (heading, button, back) in shown.items():
        assert heading != english[slug][0], (language, slug, heading)
        assert button == catalogue.gettext("Continue") != "Continue", (language, slug)
        assert back == catalogue.gettext("Back") != "Back", (language, slug)


@pytest.mark.parametrize("header, shown", [
    ("ur-PK,ur;q=0.9,en;q=0.5", "ur"),
    ("pt-BR,pt;q=0.9", "pt"),
    ("ar-EG", "ar"),
    ("bn-BD,bn;q=0.8", "bn"),
    ("pa-IN", "pa-Guru"),
    # Panjabi in Shahmukhi is not our Gurmukhi catalogue: its reader gets the next choice.
    ("pa-Arab-PK,pa-PK;q=0.9,ur;q=0.8", "ur"),
    ("pa-Arab-PK", "en-GB"),
    ("de-DE,fr;q=0.9", "en-GB"),
])
def test_the_browser_language_is_matched_among_the_offered_ones(client, header, shown):
    page = client.get("/", headers={"Accept-Language": header})
    assert page.soup.html["lang"] == shown


def test_right_to_left_languages_say_so_and_the_others_do_not(client):
    directions = {}
    for code in ("en", "cy", "pl", "ro", "pa", "ur", "pt", "es", "ar", "bn"):
        client.get(f"/language/{code}?next=/", expect=303)
        page = client.get("/")
        directions[code] = page.soup.html["dir"]
        # Every offered language has its own start page: no English heading left behind.
        if code != "en":
            assert page.h1 != "Tell us about children's social care", code
    assert {code for code, way in directions.items() if way == "rtl"} == {"ur", "ar"}


@pytest.mark.parametrize("code", ["ur", "ar"])
def test_phone_numbers_keep_their_order_in_right_to_left_text(client, code):
    client.get(f"/language/{code}?next=/", expect=303)
    page = client.get("/")
    isolated = [" ".join(bdi.get_text().split()) for bdi in page.soup.select('.portal-safety bdi[dir="ltr"]')]
    assert "01632 960 111" in isolated and "01632 960 222" in isolated


def test_a_council_offers_only_the_languages_it_chooses(tmp_path):
    from tests.conftest import make_app

    config = (ROOT / "portal" / "councils" / "demo.toml").read_text()
    start = config.index("offered = [")
    config = config[:start] + 'offered = ["en", "cy", "ur"]' + config[config.index("\n", start):]
    (tmp_path / "council.toml").write_text(config)
    app = make_app(tmp_path, "chosen", COUNCIL_FILE=str(tmp_path / "council.toml"))
    client = CheckingClient(app.test_client())
    page = client.get("/", headers={"Accept-Language": "pl"})
    assert page.soup.html["lang"] == "en-GB"
    links = page.soup.select(".portal-language-nav a")
    assert [a["hreflang"] for a in links] == ["en-GB", "cy", "ur"]
    client.get("/language/ar?next=/", expect=303)
    assert client.get("/").soup.html["lang"] == "en-GB"


def test_dates_are_written_the_way_each_language_writes_them(client):
    client.get("/language/pl?next=/", expect=303)
    client.get("/tell-us/start", expect=302)
    for slug, data in COMPLAINT:
        client.answer(slug, data)
    check = client.get("/tell-us/check").soup.get_text(" ", strip=True)
    # The child's date of birth, 14 March 2015, in Polish (the genitive month, as Polish writes it).
    assert "14 marca 2015" in check
    # The month on its own is in the nominative: "wrzesień", not "września".
    happened = dict(COMPLAINT)["when"]
    month = format_skeleton("yMMMM", date(int(happened["happened-year"]), int(happened["happened-month"]), 1), locale="pl")
    assert month in check and month.startswith("wrzesień")


def test_staff_see_the_language_used_and_any_interpreter_needed(app, client):
    client.get("/language/bn?next=/", expect=303)
    reference = submit_complaint(client, {"support": {"support": "interpreter", "interpreter_language": "Sylheti"}})
    staff = sign_in(app, "officer")
    page = staff.get(f"/staff/cases/{reference}")
    text = page.soup.get_text(" ", strip=True)
    assert "Language: Bengali (বাংলা)" in text and "Interpreter needed: Sylheti" in text
    queue = staff.get("/staff/?interpreter=yes").soup.get_text(" ", strip=True)
    assert reference in queue and "Interpreter: Sylheti" in queue
    other = staff.get("/staff/?language=ur").soup.get_text(" ", strip=True)
    assert reference not in other


@pytest.mark.parametrize("language", ["ro", "es", "pt"])
def test_the_young_persons_form_speaks_to_a_child_where_the_language_has_a_familiar_you(app, language):
    """A question both forms ask is worded for a child on the young person's form (msgctxt)."""
    adult = CheckingClient(app.test_client())
    adult.get(f"/language/{language}?next=/", expect=303)
    adult.get("/tell-us/start", expect=302)
    young = CheckingClient(app.test_client())
    young.get(f"/language/{language}?next=/", expect=303)
    young.get("/young-people/tell-us/start", expect=302)
    page = young.get("/young-people/tell-us/who")
    young.post("/young-people/tell-us/who", {"who": "me", "csrf_token": page.csrf()})
    catalogue = Translations.load(str(ROOT / "translations"), [language])
    question = "What do you want to tell us?"
    assert adult.get("/tell-us/what-to-tell-us").soup.select_one("h1").get_text(strip=True) == catalogue.gettext(question)
    assert young.get("/young-people/tell-us/what-kind").h1 == catalogue.pgettext("young person", question)
    assert catalogue.pgettext("young person", question) != catalogue.gettext(question)
