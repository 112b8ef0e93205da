import pytest

from portal.domain.timescales import (ConfigError, CorporateTimescales, StatutoryTimescales,
                                      Timescales)


def test_defaults_are_those_of_the_guidance_and_the_code():
    t = Timescales.from_mapping(None)
    assert t == Timescales() == Timescales.from_mapping({})
    s = t.statutory
    assert (s.acknowledge, s.stage1_respond, s.stage1_extended) == (3, 10, 20)
    assert (s.stage2_request_within, s.stage2_respond, s.stage2_extended) == (20, 25, 65)
    assert (s.stage3_request_within, s.panel_within, s.panel_report_within,
            s.stage3_respond_within) == (20, 30, 5, 15)
    c = t.corporate
    assert (c.acknowledge, c.stage1_respond, c.stage1_extension_max) == (5, 10, 10)
    assert (c.stage2_acknowledge, c.stage2_respond, c.stage2_extension_max) == (5, 20, 20)
    assert t.due_soon_days == 2


def test_overrides_keep_the_other_defaults():
    t = Timescales.from_mapping({
        "statutory": {"acknowledge": 2, "stage2_extended": 60},
        "corporate": {"stage1_respond": 15},
        "due_soon_days": 3,
    })
    assert t.statutory == StatutoryTimescales(acknowledge=2, stage2_extended=60)
    assert t.corporate == CorporateTimescales(stage1_respond=15)
    assert t.due_soon_days == 3


def test_an_empty_section_is_the_defaults():
    assert Timescales.from_mapping({"statutory": {}, "corporate": {}}) == Timescales()


def test_the_message_names_the_key_and_what_is_expected():
    with pytest.raises(ConfigError) as caught:
        Timescales.from_mapping({"statutory": {"acknowledge": "three"}})
    assert str(caught.value) == ("timescales.statutory.acknowledge: expected a whole number of "
                                 "working days (1 or more), got 'three'")
    assert caught.value.key_path == "timescales.statutory.acknowledge"
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("mapping, key_path", [
    ({"statutory": {"acknowledge": 0}}, "timescales.statutory.acknowledge"),
    ({"statutory": {"acknowledge": -3}}, "timescales.statutory.acknowledge"),
    ({"statutory": {"acknowledge": 2.5}}, "timescales.statutory.acknowledge"),
    ({"statutory": {"acknowledge": None}}, "timescales.statutory.acknowledge"),
    ({"statutory": {"panel_within": True}}, "timescales.statutory.panel_within"),
    ({"statutory": {"stage3_respond_within": "15"}}, "timescales.statutory.stage3_respond_within"),
    ({"corporate": {"stage2_respond": False}}, "timescales.corporate.stage2_respond"),
    ({"corporate": {"stage1_extension_max": 0}}, "timescales.corporate.stage1_extension_max"),
    ({"due_soon_days": "2"}, "timescales.due_soon_days"),
    ({"due_soon_days": 0}, "timescales.due_soon_days"),
    # Unknown keys, at either level: a misspelt setting must not be silently ignored.
    ({"statutory": {"acknowledgement": 3}}, "timescales.statutory.acknowledgement"),
    ({"corporate": {"stage3_respond": 3}}, "timescales.corporate.stage3_respond"),
    ({"welsh": {}}, "timescales.welsh"),
    # Sections that are not tables.
    ({"statutory": 3}, "timescales.statutory"),
    ({"corporate": [5, 10]}, "timescales.corporate"),
    # An extended timescale shorter than the ordinary one.
    ({"statutory": {"stage1_extended": 5}}, "timescales.statutory.stage1_extended"),
    ({"statutory": {"stage2_respond": 70}}, "timescales.statutory.stage2_extended"),
])
def test_every_error_names_its_key(mapping, key_path):
    with pytest.raises(ConfigError) as caught:
        Timescales.from_mapping(mapping)
    assert caught.value.key_path == key_path
    assert str(caught.value).startswith(key_path + ": expected ")


def test_a_whole_mapping_that_is_not_a_table():
    with pytest.raises(ConfigError) as caught:
        Timescales.from_mapping(["statutory"])
    assert caught.value.key_path == "timescales"


def test_an_extension_equal_to_the_ordinary_timescale_is_allowed():
    t = Timescales.from_mapping({"statutory": {"stage1_respond": 20, "stage1_extended": 20}})
    assert t.statutory.stage1_extended == 20


def test_direct_construction_is_checked_too():
    with pytest.raises(ConfigError) as caught:
        StatutoryTimescales(stage1_respond=0)
    assert caught.value.key_path == "timescales.statutory.stage1_respond"
