"""A journey: named question pages in order, each shown only when the answers so far call for it.

The same page list decides where "Continue" goes, which pages may be opened (no skipping
ahead), and what Check your answers shows, so the three can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

Answers = dict[str, dict[str, Any]]


def always(_answers: Answers) -> bool:
    return True


@dataclass(frozen=True)
class Page:
    slug: str
    template: str
    # form(answers, formdata=..., data=...) -> a QuestionForm for this page.
    form: Callable[..., Any]
    applies: Callable[[Answers], bool] = always
    # rows(page_answers, answers) -> [(key, value)] for Check your answers.
    rows: Callable[[dict[str, Any], Answers], list[tuple[str, Any]]] = field(
        default=lambda _page, _all: []
    )
    # Whether the stored answer still fits: a follow-up asked for an email is not answered
    # once the person chooses post instead.
    answered: Callable[[Answers], bool] | None = None

    def is_answered(self, answers: Answers) -> bool:
        if self.slug not in answers:
            return False
        return self.answered(answers) if self.answered else True


@dataclass(frozen=True)
class Journey:
    name: str
    pages: tuple[Page, ...]

    def page(self, slug: str) -> Page | None:
        return next((p for p in self.pages if p.slug == slug), None)

    def path(self, answers: Answers) -> list[Page]:
        return [p for p in self.pages if p.applies(answers)]

    def first_missing(self, answers: Answers) -> Page | None:
        return next((p for p in self.path(answers) if not p.is_answered(answers)), None)

    def can_visit(self, slug: str, answers: Answers) -> bool:
        """A page may be opened if it is on the path and every page before it is answered."""
        for page in self.path(answers):
            if page.slug == slug:
                return True
            if not page.is_answered(answers):
                return False
        return False

    def next_slug(self, slug: str, answers: Answers, changing: bool = False) -> str | None:
        """Where Continue goes: the next page, or (when changing an answer) the next gap.

        None means every question is answered: go to Check your answers.
        """
        path = self.path(answers)
        if changing:
            missing = self.first_missing(answers)
            return missing.slug if missing else None
        slugs = [p.slug for p in path]
        if slug not in slugs:
            missing = self.first_missing(answers)
            return missing.slug if missing else None
        following = slugs[slugs.index(slug) + 1 :]
        return following[0] if following else None

    def previous_slug(self, slug: str, answers: Answers) -> str | None:
        slugs = [p.slug for p in self.path(answers)]
        if slug not in slugs or slugs.index(slug) == 0:
            return None
        return slugs[slugs.index(slug) - 1]

    def complete(self, answers: Answers) -> bool:
        return self.first_missing(answers) is None

    def relevant(self, answers: Answers) -> Answers:
        """Only the answers of pages still on the path: a changed answer can make others moot."""
        return {p.slug: answers[p.slug] for p in self.path(answers) if p.is_answered(answers)}
