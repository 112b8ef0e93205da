"""The languages the forms can be offered in: their codes, their names, and which way they are written.

A council offers some of these (`[languages] offered`). Each needs a complete catalogue in
`translations/<code>/`, except English, in which the portal is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale


@dataclass(frozen=True)
class Language:
    code: str  # the catalogue's directory and the value stored with a case
    html_lang: str  # BCP 47, for <html lang> and hreflang
    endonym: str  # the name in the language itself, which is what people look for
    english: str  # the name staff read in the back office
    babel: str  # the locale that dates and numbers are formatted in

    @property
    def direction(self) -> str:
        return "rtl" if Locale.parse(self.babel).character_order == "right-to-left" else "ltr"


# In the order the switcher shows them: English, then Welsh, then by the number of people in
# England and Wales whose main language it is (Census 2021).
LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language("en", "en-GB", "English", "English", "en_GB"),
        Language("cy", "cy", "Cymraeg", "Welsh", "cy"),
        Language("pl", "pl", "polski", "Polish", "pl"),
        Language("ro", "ro", "română", "Romanian", "ro"),
        Language("pa", "pa-Guru", "ਪੰਜਾਬੀ", "Panjabi (Gurmukhi)", "pa_Guru"),
        Language("ur", "ur", "اردو", "Urdu", "ur"),
        Language("pt", "pt", "português", "Portuguese", "pt_PT"),
        Language("es", "es", "español", "Spanish", "es"),
        Language("ar", "ar", "العربية", "Arabic", "ar"),
        Language("bn", "bn", "বাংলা", "Bengali", "bn"),
    )
}
CODES = tuple(LANGUAGES)

# Panjabi written in Shahmukhi (Pakistan) is another script: a reader of it cannot read Gurmukhi.
_NOT_THE_SAME_SCRIPT = {"pa": ("pa-arab", "pa-pk")}


def language(code: str | None) -> Language:
    """The language for a stored code; English for a code no longer offered or never known."""
    return LANGUAGES.get(code or "en", LANGUAGES["en"])


def language_name(code: str | None) -> str:
    """For staff: "Urdu (اردو)", so the language is clear to whoever arranges an interpreter."""
    known = LANGUAGES.get(code or "")
    if known is None:
        return code or "Not known"
    return known.english if known.english == known.endonym else f"{known.english} ({known.endonym})"


def best_match(accepted: list[tuple[str, float]], offered: tuple[str, ...]) -> str | None:
    """The offered language a browser prefers most, from its Accept-Language list, best first.

    A regional tag matches its language ("pt-BR" is Portuguese), but a tag naming another script
    of the same language does not.
    """
    for tag, quality in sorted(accepted, key=lambda item: -item[1]):
        if quality <= 0:
            continue
        tag = tag.lower().replace("_", "-")
        primary = tag.split("-", 1)[0]
        if primary not in offered:
            continue
        if any(tag == other or tag.startswith(other + "-") for other in _NOT_THE_SAME_SCRIPT.get(primary, ())):
            continue
        return primary
    return None
