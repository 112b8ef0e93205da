"""The page-flow rules: no skipping ahead, the right next page, changed answers asked again."""

from __future__ import annotations

from portal.flow.journey import Journey, Page
from portal.security import safe_next


def page(slug, applies=lambda a: True, answered=None):
    return Page(slug, "x.html", form=lambda *a, **k: None, applies=applies, answered=answered)


FLOW = Journey("test", (
    page("kind"),
    page("child", applies=lambda a: a.get("kind", {}).get("kind") == "complaint"),
    page("contact"),
    page("details", applies=lambda a: a.get("contact", {}).get("method") != "none",
         answered=lambda a: a.get("contact", {}).get("method") in a.get("details", {})),
))


def test_the_path_follows_the_answers():
    assert [p.slug for p in FLOW.path({"kind": {"kind": "complaint"}})] == ["kind", "child", "contact", "details"]
    assert [p.slug for p in FLOW.path({"kind": {"kind": "compliment"}, "contact": {"method": "none"}})] == ["kind", "contact"]


def test_a_page_cannot_be_opened_before_the_pages_it_follows():
    answers = {"kind": {"kind": "complaint"}}
    assert FLOW.can_visit("child", answers)
    assert not FLOW.can_visit("contact", answers)
    assert not FLOW.can_visit("nowhere", answers)


def test_continue_goes_to_the_next_page_and_a_change_to_the_next_gap():
    answers = {"kind": {"kind": "complaint"}, "child": {}, "contact": {"method": "email"}, "details": {"email": "a@b.c"}}
    assert FLOW.next_slug("kind", answers) == "child"
    assert FLOW.next_slug("details", answers) is None
    assert FLOW.next_slug("kind", answers, changing=True) is None
    changed = {**answers, "contact": {"method": "phone"}}
    assert FLOW.next_slug("contact", changed, changing=True) == "details", "the email no longer answers it"


def test_answers_of_pages_no_longer_on_the_path_are_dropped():
    answers = {"kind": {"kind": "compliment"}, "child": {"child_name": "Sam"}, "contact": {"method": "none"}}
    assert FLOW.relevant(answers) == {"kind": {"kind": "compliment"}, "contact": {"method": "none"}}


def test_the_back_link_goes_to_the_previous_page_on_the_path():
    answers = {"kind": {"kind": "compliment"}}
    assert FLOW.previous_slug("contact", answers) == "kind"
    assert FLOW.previous_slug("kind", answers) is None


def test_only_same_site_paths_are_followed():
    assert safe_next("/tell-us/child?x=1") == "/tell-us/child?x=1"
    for bad in ["https://evil.example", "//evil.example", "/\\evil", "evil", "", None, "/\x00x"]:
        assert safe_next(bad) == "/"
