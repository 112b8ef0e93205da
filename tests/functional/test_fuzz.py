"""Random and hostile input to every form, public and staff: never a 500, never markup from input.

Each test walks a journey as a person would and, on every page, posts random values (hypothesis)
to every form the page holds, to the fields the form has, before answering properly and going
on. `PORTAL_FUZZ_EXAMPLES` sets the examples per form (default 15; try 500 for a long hunt).
"""

from __future__ import annotations

import os
import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CheckingClient, sign_in, submit_complaint
from tests.journeys import ADULT_ANSWERS, COMPLAINT, COMPLIMENT
from tests.young import ADVOCACY, BY_ADVOCATE, WRONG

EXAMPLES = int(os.environ.get("PORTAL_FUZZ_EXAMPLES", "15"))
MARK = "fuzzmark"
HOSTILE = [
    f'<script>alert("{MARK}")</script>',
    f'"><img src=x onerror=alert("{MARK}")>',
    f"'><svg onload=alert('{MARK}')>",
    f"javascript:alert('{MARK}')",
    "{{ 7*7 }} {% if 1 %}x{% endif %} ${7*7}",
    "%(name)s %s %% {0}",
    "' OR '1'='1'; DROP TABLE cases; --",
    "\x00", "a\x00b", "\x1b[31m", "\ufeff", "\u202eevil", "\ud7ff",
    "٢٧", "੨੭", "𝕏😀👨‍👩‍👧", "ا" * 300,
    "A" * 5000,
    "-1", "0", "00", "31", "13", "2000", "99999999999999999999", "1e309", "NaN", "1.5", " 7 ",
    "../../etc/passwd", "\r\nBcc: victim@example.com", "a@b", "@", "x@" + "y" * 300 + ".com",
    "", " ", "yes", "no", "on", "y", "email", "phone", "post", "none", "other",
]
VALUE = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))


def forms_on(html: str) -> list[tuple[str, str, list[str]]]:
    """Each form's method, where it goes, and the names of its fields."""
    found = []
    for form in BeautifulSoup(html, "html.parser").find_all("form"):
        names = sorted({f["name"] for f in form.find_all(["input", "select", "textarea", "button"])
                        if f.get("name")})
        found.append(((form.get("method") or "get").lower(), form.get("action") or "", names))
    return found


def shaped(names: list[str]):
    """Some of the form's fields, each with one value or several, sometimes with a stranger."""
    field = st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3))
    known = st.fixed_dictionaries({}, optional={name: field for name in names})
    extra = st.dictionaries(st.text(min_size=1, max_size=12), VALUE, max_size=2)
    return st.tuples(known, extra).map(lambda pair: {**pair[1], **pair[0]})


def fuzz_page(client, path: str, leave: tuple[str, ...] = ("/staff/sign-out",)) -> int:
    """Post random input to every form on the page at `path` but those going to `leave` (signing
    out would end the fuzzing of the rest); returns how many forms there were."""
    response = client.get(path, follow_redirects=True)
    assert response.status_code == 200, (path, response.status_code)
    path = response.request.path
    html = response.get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]*)"', html)
    forms = [f for f in forms_on(html) if not f[1].startswith(("http", "mailto")) and f[1] not in leave]
    for method, action, names in forms:
        fuzz_form(client, method, action or path, names, token.group(1) if token else "")
    return len(forms)


def fuzz_form(client, method: str, action: str, names: list[str], token: str) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=shaped(names))
    def attempt(data):
        if method == "post":
            response = client.post(action, data={"csrf_token": token, **data})
        else:
            response = client.get(action, query_string=data)
        body = response.get_data(as_text=True)
        assert response.status_code < 500, (method, action, data, body[:500])
        assert "Traceback" not in body

    attempt()


def walk(client, prefix: str, steps) -> int:
    """Through a journey: fuzz each page, then answer it properly and go on. Returns forms fuzzed."""
    client.get(f"{prefix}/start")
    count = 0
    for slug, data in steps:
        count += fuzz_page(client, f"{prefix}/{slug}")
        page = client.get(f"{prefix}/{slug}")
        token = re.search(r'name="csrf_token"[^>]*value="([^"]*)"', page.get_data(as_text=True)).group(1)
        response = client.post(f"{prefix}/{slug}", data={**data, "csrf_token": token})
        assert response.status_code == 302, (slug, response.status_code)
    return count + fuzz_page(client, f"{prefix}/check")


def assert_no_markup_from_input(html: str, where: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    assert not [s for s in soup.find_all("script") if MARK in (s.string or "")], where
    assert not [t for t in soup.find_all(True) if any(a.lower().startswith("on") for a in t.attrs)], where
    assert not soup.find_all("svg", attrs={"onload": True}) and not soup.find_all("img", src="x"), where
    assert not soup.select('a[href^="javascript"]'), where


@pytest.mark.parametrize("steps", [COMPLAINT, COMPLIMENT], ids=["complaint", "compliment"])
def test_the_adult_form_never_fails_whatever_is_posted(app, steps):
    client = app.test_client()
    assert walk(client, "/tell-us", steps) >= len(steps)
    # Whatever was kept is shown as text: the check page, or what was sent and its copy.
    for path in ("/tell-us/check", "/tell-us/sent", "/tell-us/sent/copy"):
        assert_no_markup_from_input(client.get(path).get_data(as_text=True), path)


def test_the_equality_questions_never_fail_whatever_is_posted(app):
    client = CheckingClient(app.test_client())
    submit_complaint(client)
    raw = client.client
    intro = raw.get("/equality/adult")
    assert intro.status_code == 200
    fuzz_page(raw, "/equality/adult")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]*)"', intro.get_data(as_text=True)).group(1)
    response = raw.post("/equality/adult", data={"csrf_token": token, "answer": "yes"})
    path = response.headers.get("Location", "")
    forms = 0
    for _ in range(len(ADULT_ANSWERS)):  # every question page, fuzzed, then answered
        if "/equality/adult/" not in path:
            break
        forms += fuzz_page(raw, path)
        page = raw.get(path)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]*)"', page.get_data(as_text=True)).group(1)
        answer = ADULT_ANSWERS[path.rsplit("/", 1)[1]]
        path = raw.post(path, data={"csrf_token": token, **answer}).headers.get("Location", "")
    assert forms >= 6, "the fuzzing reached every question about the child"


@pytest.mark.parametrize("flow, steps", [("tell-us", WRONG), ("tell-us", BY_ADVOCATE), ("advocate", ADVOCACY)],
                         ids=["young-person", "advocate-for", "advocacy-request"])
def test_the_young_persons_forms_never_fail_whatever_is_posted(app, flow, steps):
    client = app.test_client()
    assert walk(client, f"/young-people/{flow}", steps) >= len(steps)
    for path in (f"/young-people/{flow}/check", f"/young-people/{flow}/sent"):
        assert_no_markup_from_input(client.get(path).get_data(as_text=True), path)


def test_every_staff_form_never_fails_whatever_is_posted(app):
    public = CheckingClient(app.test_client())
    reference = submit_complaint(public, {"what-happened": {"what": HOSTILE[0] + HOSTILE[1]},
                                          "your-name": {"full_name": HOSTILE[2]}})
    staff = sign_in(app, "admin").client
    forms = fuzz_page(staff, f"/staff/cases/{reference}")
    assert forms >= 15, "every action on the case page"
    this_year = staff.get("/staff/statistics/", follow_redirects=True).request.path
    for path in ("/staff/", "/staff/cases/new", this_year, f"{this_year}/context", "/staff/equalities"):
        forms += fuzz_page(staff, path)
    assert staff.get("/staff/").status_code == 200, "still signed in: the fuzzing reached every form"
    for path in (f"/staff/cases/{reference}", "/staff/", f"/staff/?q={reference}"):
        assert_no_markup_from_input(staff.get(path).get_data(as_text=True), path)
    # Signing in, by someone who is not signed in; and out.
    forms += fuzz_page(app.test_client(), "/staff/sign-in")
    forms += fuzz_page(staff, "/staff/", leave=())
    assert forms >= 22
