"""The translations: the template is current, and every catalogue is whole and keeps its
placeholders, so no page ever shows English by accident or breaks on a lost %(name)s."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from portal.languages import CODES

from tests.conftest import ROOT

TRANSLATIONS = ROOT / "translations"
CATALOGUES = sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%%|%\{[a-z]+\}")


def problems(path) -> list[str]:
    """Entries of a catalogue that are missing, fuzzy, or lose or add a placeholder."""
    found = []
    with open(path, "rb") as handle:
        catalogue = read_po(handle)
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            found.append(f"fuzzy: {ids[0]!r}")
        for text in strings:
            if not text:
                found.append(f"untranslated: {ids[0]!r}")
            elif sorted(PLACEHOLDER.findall(ids[0])) != sorted(PLACEHOLDER.findall(text)):
                found.append(f"placeholders differ: {ids[0]!r}")
    return found


def test_there_is_a_catalogue_for_every_language_a_council_can_offer():
    assert {p.parts[-3] for p in CATALOGUES} == set(CODES) - {"en"}


@pytest.mark.parametrize("path", CATALOGUES, ids=[p.parts[-3] for p in CATALOGUES])
def test_every_catalogue_compiles_for_its_own_language(path):
    with open(path, "rb") as handle:
        catalogue = read_po(handle)
    assert str(catalogue.locale).split("_")[0] == path.parts[-3]
    assert [error for message, errors in catalogue.check() for error in errors] == []
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    assert len(compiled.getvalue()) > 10_000


@pytest.mark.parametrize("path", CATALOGUES, ids=[p.parts[-3] for p in CATALOGUES])
def test_every_catalogue_is_complete_and_keeps_its_placeholders(path):
    assert problems(path) == []


@pytest.mark.parametrize("path", CATALOGUES, ids=[p.parts[-3] for p in CATALOGUES])
def test_every_catalogue_says_whether_a_qualified_translator_reviewed_it(path):
    assert re.search(r"^# Reviewed by a qualified translator: (yes|no)", path.read_text(), re.M)


def test_the_check_itself_catches_a_missing_entry_and_a_lost_placeholder(tmp_path):
    broken = tmp_path / "messages.po"
    broken.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Hello %(name)s"\nmsgstr "Helo"\n\n'
        'msgid "Goodbye"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Continue"\nmsgstr "Parhau"\n\n'
        'msgid "Up to 400%% bigger"\nmsgstr "Hyd at 400% yn fwy"\n', encoding="utf-8")
    assert problems(broken) == ["placeholders differ: 'Hello %(name)s'", "untranslated: 'Goodbye'",
                                "fuzzy: 'Continue'", "placeholders differ: 'Up to 400%% bigger'"]


def test_the_committed_template_holds_every_string_in_the_code(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", "translations/babel.cfg",
         "-k", "_l", "-k", "lazy_gettext", "-k", "_n:1,2", "-k", "lazy_pgettext:1c,2", "--no-location", "--sort-output",
         "-o", str(fresh), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    def ids(path):
        with open(path, "rb") as handle:
            return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(handle) if m.id}
    missing = ids(fresh) - ids(TRANSLATIONS / "messages.pot")
    assert not missing, f"run `make translations-update` and translate: {sorted(missing)[:5]}"
