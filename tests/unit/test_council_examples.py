"""The five example councils shipped beside the demo: each loads, and each says in
configuration what its published report shows about how it works (COUNCILS.md)."""

from __future__ import annotations

import tomllib

import pytest

from portal.council import CouncilConfigError, load_council, parse_council
from tests.conftest import ROOT

SHIPPED = ROOT / "portal" / "councils"
EXAMPLES = ("milton-keynes", "kingston-richmond", "central-bedfordshire", "harrow", "medway")


def council(name: str):
    return load_council(SHIPPED / f"{name}.toml")


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_loads_with_its_own_areas_categories_and_reference(name):
    found = council(name)
    assert found.name.endswith("(example)")
    assert found.service_areas and found.categories
    assert any(area.function == "childrens_social_care" for area in found.service_areas)
    # Every area is named in every language the form is offered in.
    for area in found.service_areas:
        assert set(found.languages) - {"en"} <= set(area.names), area.slug
    prefixes = {council(other).reference_prefix for other in EXAMPLES}
    assert len(prefixes) == len(EXAMPLES)


def test_what_sets_each_council_apart_is_in_its_configuration():
    mk, kingston, beds, harrow, medway = (council(name) for name in EXAMPLES)
    assert mk.advocacy["name"] == "Coram Voice" and mk.advocacy["phone"] == "0808 800 5792"
    assert [c.slug for c in mk.categories] == ["professional_decision_making", "service_failure",
                                               "staff_conduct", "contractor_related"]
    assert [b.slug for b in kingston.boroughs] == ["kingston", "richmond"]
    assert kingston.records.enquiries and not kingston.records.representations
    assert beds.outcome_label("partially_upheld") == "Upheld in part"
    assert beds.adr.offered and beds.adr.instead_of_stage2 and beds.adr.name == "Conciliation"
    assert (harrow.records.representations, harrow.records.member_enquiries, harrow.records.joint_nhs) == (True, True, True)
    assert (harrow.target.percent, harrow.target.within_working_days) == (85, 20)
    assert harrow.equalities_publish == () and not harrow.records.non_statutory
    assert len(harrow.categories) == 14 and len(medway.categories) == 10
    assert medway.outcomes == ("upheld", "not_upheld")
    assert medway.records.non_statutory and medway.advocacy["name"] == "Young Lives Foundation"
    assert [m.by for m in medway.context_measures if m.slug == "children_supported"] == [("ethnicity",)]
    assert [m.slug for m in harrow.context_measures] == [
        "children_supported", "referrals", "child_protection_plans", "looked_after_children"]


def demo() -> dict:
    return tomllib.loads((SHIPPED / "demo.toml").read_text())


@pytest.mark.parametrize("change,message", [
    (lambda raw: raw.update(boroughs=[{"slug": "only", "name": "Only"}]), "boroughs: expected two or more"),
    (lambda raw: raw.update(boroughs=[{"slug": "a", "name": "A"}, {"slug": "a", "name": "B"}]),
     "boroughs[].slug: expected codes used once each"),
    (lambda raw: raw["records"].update(enquiries="yes"), "records.enquiries: expected true or false"),
    (lambda raw: raw["timeliness"].update(within_working_days=15), "timeliness.within_working_days: expected one of [10, 20, 25]"),
    (lambda raw: raw["timeliness"].update(target_percent=120), "timeliness.target_percent: expected a whole number from 1 to 100"),
    (lambda raw: raw["equalities"].update(publish=["religion"]), "equalities.publish: expected a list drawn from"),
    (lambda raw: raw["context"]["measures"][0].update(slug="visits"), "context.measures[0].slug: expected one of"),
    (lambda raw: raw["context"]["measures"][0].update(by=["age"]), "context.measures[0].by: expected a list drawn from"),
    (lambda raw: raw["outcomes"].update(labels={"maybe": "Perhaps"}), "outcomes.labels.maybe: expected a name in quotes"),
])
def test_a_mistake_in_the_new_settings_names_its_key(change, message):
    raw = demo()
    change(raw)
    with pytest.raises(CouncilConfigError) as caught:
        parse_council(raw)
    assert message in str(caught.value)


def test_left_out_the_new_settings_keep_the_portal_as_it_was():
    raw = demo()
    for table in ("records", "adr", "timeliness", "context"):
        del raw[table]
    del raw["equalities"]["publish"]
    found = parse_council(raw)
    assert found.boroughs == () and found.target is None
    assert found.records.kinds() == () and found.records.non_statutory
    assert found.adr.offered and [m.slug for m in found.context_measures] == ["children_supported"]
    assert found.equalities_publish == ("ethnicity", "age_band", "sex", "disability")
