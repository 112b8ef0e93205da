"""The equality questions as a journey, built for one case: about whom they are asked, in
whose words, and which pages apply.

- On the adult form, a parent or carer answers about the child (age, sex, ethnic group,
  disability, religion) and then about themselves. A young person using the adult form answers
  about themselves only.
- On the young person's form, the young person answers about themselves, in plain words; an
  adult filling it in for them answers about the young person.
- Gender identity and sexual orientation are asked only of people aged 16 or over, about
  themselves: never about someone else, never when the age is not known.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l

from portal.domain import equalities as eq
from portal.flow.journey import Answers, Journey, Page
from portal.forms import equalities as forms

QUESTIONS = ("date-of-birth", "age", "sex", "gender", "sexual-orientation", "ethnic-group",
             "ethnic-background", "health", "health-impact", "religion")

# Titles and hints, by voice: "you" (an adult about themselves), "child" (about the child or
# young person), "young" (a young person about themselves, in plain words).
TITLES: dict[str, dict[str, Any]] = {
    "you": {
        "date-of-birth": _l("What is your date of birth?"),
        "age": _l("What is your age?"),
        "sex": _l("What is your sex?"),
        "gender": _l("Is the gender you identify with the same as your sex registered at birth?"),
        "sexual-orientation": _l("Which of the following best describes your sexual orientation?"),
        "ethnic-group": _l("What is your ethnic group?"),
        "ethnic-background": _l("Which of the following best describes your %(group)s background?"),
        "ethnic-background-any": _l("Which of the following best describes your background?"),
        "health": _l("Do you have any physical or mental health conditions or illnesses lasting or expected to last 12 months or more?"),
        "health-impact": _l("Do any of your conditions or illnesses reduce your ability to carry out day-to-day activities?"),
        "religion": _l("What is your religion?"),
    },
    "child": {
        "age": _l("How old is the child or young person?"),
        "sex": _l("What is the child or young person’s sex?"),
        "ethnic-group": _l("What is the child or young person’s ethnic group?"),
        "ethnic-background": _l("Which of the following best describes their %(group)s background?"),
        "ethnic-background-any": _l("Which of the following best describes their background?"),
        "health": _l("Does the child or young person have any physical or mental health conditions or illnesses lasting or expected to last 12 months or more?"),
        "health-impact": _l("Do any of their conditions or illnesses reduce their ability to carry out day-to-day activities?"),
        "religion": _l("What is the child or young person’s religion?"),
    },
    "young": {
        "date-of-birth": _l("What is your date of birth?"),
        "age": _l("How old are you?"),
        "sex": _l("What is your sex?"),
        "ethnic-group": _l("What is your ethnic group?"),
        "ethnic-background": _l("Which of these best describes your background?"),
        "ethnic-background-any": _l("Which of these best describes your background?"),
        "health": _l("Do you have a health problem or illness that has lasted, or will last, a year or more?"),
        "health-impact": _l("Does it make everyday things harder for you?"),
        "religion": _l("What is your religion?"),
    },
}
HINTS: dict[str, dict[str, Any]] = {
    "you": {
        "date-of-birth": _l("For example, 31 3 1980 – if you prefer not to say, continue without entering any information"),
        "ethnic-group": _l("Choose one option that best describes your ethnic group or background"),
        "health-impact": _l("For example eating, washing, walking or going shopping"),
    },
    "child": {
        "age": _l("Their age today"),
        "ethnic-group": _l("Choose one option that best describes their ethnic group or background"),
        "health-impact": _l("For example eating, washing, walking or going to school"),
    },
    "young": {
        "date-of-birth": _l("For example, 27 3 2012. You do not have to say: you can leave it blank."),
        "ethnic-group": _l("Choose the one that fits you best."),
        "health": _l("This can be your body or your mental health."),
        "health-impact": _l("Like eating, washing, walking or going to school."),
    },
}
TEXT_LABELS = {
    "gender_text": _l("Enter gender identity (optional)"),
    "sexual_orientation_text": _l("Enter sexual orientation (optional)"),
    "religion_text": _l("Enter religion (optional)"),
    "ethnic_text": {"you": _l("How would you describe your background? (optional)"),
                    "young": _l("How would you describe your background? (optional)"),
                    "child": _l("How would you describe their background? (optional)")},
}
CHRISTIAN_HINT = _l("Including Church of England, Catholic, Protestant and all other Christian denominations")


@dataclass(frozen=True)
class Person:
    """Whom a set of questions is about: the stored subject, the voice, the bands offered, and
    the age band already known from the complaint (a child's date of birth), if any."""

    subject: str  # child | complainant
    voice: str  # you | child | young
    prefix: str  # you | child (the pages' addresses)
    bands: tuple[str, ...]
    known_band: str | None = None

    def slug(self, question: str) -> str:
        return f"{self.prefix}-{question}"

    def question(self, slug: str) -> str | None:
        head = f"{self.prefix}-"
        return slug[len(head):] if slug.startswith(head) else None


@dataclass(frozen=True)
class Setting:
    """The equality questions for one case."""

    people: tuple[Person, ...]
    received_on: date

    def person(self, slug: str) -> Person | None:
        return next((p for p in self.people if p.question(slug)), None)

    def page_answers(self, person: Person, answers: Answers) -> dict[str, Any]:
        """One person's answers, question name -> value, from the pages they reached."""
        merged: dict[str, Any] = {}
        for page in self.journey().path(answers):
            if self.person(page.slug) is person and page.slug in answers:
                merged.update(answers[page.slug])
        return merged

    def band(self, person: Person, answers: Answers) -> str | None:
        if person.known_band:
            return person.known_band
        given = answers.get(person.slug("date-of-birth"), {}).get("dob")
        from_birth = eq.band_from_birth(given, self.received_on)
        return from_birth or answers.get(person.slug("age"), {}).get("age_band")

    def records(self, answers: Answers) -> dict[str, dict[str, Any]]:
        """subject -> stored values, for each person with at least one page answered."""
        found = {}
        for person in self.people:
            given = self.page_answers(person, answers)
            if given or any(person.slug(q) in answers for q in QUESTIONS):
                found[person.subject] = eq.record_values(given, self.band(person, answers))
        return found

    def journey(self) -> Journey:
        return Journey("equality", tuple(page for person in self.people
                                         for page in self._pages(person)))

    def _pages(self, person: Person) -> list[Page]:
        def on(question, applies=None, **form_args):
            return Page(person.slug(question), "equality/question.html",
                        _form(question, form_args), applies or (lambda _a: True))

        def birth_blank(answers):
            dob = answers.get(person.slug("date-of-birth"), {}).get("dob") or {}
            return not any((dob or {}).values())

        def sixteen_plus(answers):
            return person.voice != "child" and eq.sixteen_or_over(self.band(person, answers))

        def group(answers):
            return answers.get(person.slug("ethnic-group"), {}).get("ethnic_group")

        pages = []
        if not person.known_band:
            if person.voice != "child":
                pages.append(on("date-of-birth"))
                pages.append(on("age", birth_blank, bands=person.bands))
            else:
                pages.append(on("age", bands=person.bands))
        pages += [
            on("sex"),
            on("gender", sixteen_plus),
            on("sexual-orientation", sixteen_plus),
            on("ethnic-group"),
            Page(person.slug("ethnic-background"), "equality/question.html",
                 lambda answers, **kw: forms.BackgroundForm(group=group(answers), **kw),
                 lambda answers: group(answers) in eq.GROUPS_BY_CODE),
            on("health"),
            on("health-impact", lambda a: a.get(person.slug("health"), {}).get("condition") == "yes"),
            on("religion"),
        ]
        return pages


FORMS = {
    "date-of-birth": forms.BirthForm, "age": forms.AgeForm, "sex": forms.SexForm,
    "gender": forms.GenderForm, "sexual-orientation": forms.OrientationForm,
    "ethnic-group": forms.EthnicGroupForm, "health": forms.ConditionForm,
    "health-impact": forms.ImpactForm, "religion": forms.ReligionForm,
}


def _form(question: str, form_args: dict[str, Any]):
    def build(_answers, **kw):
        return FORMS[question](**form_args, **kw)
    return build


def setting_for(case, origin: str) -> Setting:
    """Whom to ask about, for a case sent from the adult or the young person's form."""
    if origin == "young":
        # An adult filling it in for the young person (an advocate too) answers about them.
        if (case.answers or {}).get("who", {}).get("who") == "for":
            people = (Person("child", "child", "child", eq.BANDS_OFFERED["child"]),)
        else:
            people = (Person("child", "young", "you", eq.BANDS_OFFERED["young"]),)
    elif case.complainant_role == "young_person":
        people = (Person("child", "you", "you", eq.BANDS_OFFERED["young"]),)
    else:
        child_dob = (case.answers or {}).get("child", {}).get("child_dob")
        known = eq.band_from_birth(child_dob, case.received_on)
        people = (Person("child", "child", "child", eq.BANDS_OFFERED["child"], known),
                  Person("complainant", "you", "you", eq.BANDS_OFFERED["adult"]))
    return Setting(people, case.received_on)


def wording(person: Person, question: str, group_label: str | None = None) -> dict[str, Any]:
    """The title and hint of a question in this person's voice (translated now)."""
    voice = person.voice
    if question == "ethnic-background" and group_label is None:
        question = "ethnic-background-any"
    title = str(TITLES[voice].get(question) or TITLES["you"][question])
    if "%(group)s" in title:
        # Translated with the placeholder in place, then filled with the translated group.
        title = title % {"group": group_label or ""}
    hint = HINTS[voice].get(question)
    return {"title": title, "hint": str(hint) if hint else None}
