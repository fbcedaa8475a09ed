"""One owner for what campaignsim remembers: the session (campaignsim._session) holds the plugin
registries, the lint settings found and the lint engine's rule index per registry; purge() forgets
them all, and nothing remembered can be handed to an object it was not made for."""

from __future__ import annotations

import gc

from campaignsim import _session
from campaignsim.lint import config
from campaignsim.lint.index import RULE_INDEXES, rule_index
from campaignsim.plugin.manager import REGISTRIES, Registry, get_registry


def test_purge_forgets_registries_settings_and_rule_indexes(tmp_path, fresh_caches):
    registry = get_registry()
    assert get_registry() is registry  # remembered
    rule_index(registry)["marker"] = True
    scenario = tmp_path / "campaign.toml"
    scenario.write_text("", encoding="utf-8")
    (tmp_path / "campaignsim.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert config.discover(scenario).fail_on == "warning"
    (tmp_path / "campaignsim.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    assert config.discover(scenario).fail_on == "warning"  # remembered

    fresh_caches()

    assert dict(_session.current()) == {}
    again = get_registry()
    assert again is not registry
    assert "marker" not in rule_index(again)
    assert "marker" not in rule_index(registry)  # the old registry's index went with the purge
    assert config.discover(scenario).fail_on == "info"


def test_a_rule_index_is_never_handed_to_another_registry_at_a_reused_address(fresh_caches):
    indexes = _session.current()[RULE_INDEXES]
    first = Registry()
    rule_index(first)["marker"] = "first"
    address = id(first)
    del first
    gc.collect()
    assert address not in indexes  # the index went with its registry

    # A registry at the address of one that has gone (CPython reuses freed memory for an object of the
    # same size), and the same case made certain: an entry under this id that was made for another object.
    for _ in range(1000):
        second = Registry()
        if id(second) == address:
            assert "marker" not in rule_index(second)
            break
        del second
    other, later = Registry(), Registry()
    rule_index(other)["marker"] = "other"
    indexes[id(later)] = indexes[id(other)]
    assert "marker" not in rule_index(later)
    assert rule_index(other)["marker"] == "other"


def test_an_object_that_cannot_be_weakly_referred_to_keeps_its_own_index(fresh_caches):
    class Plain:
        __slots__ = ("rules",)

    one, two = Plain(), Plain()
    rule_index(one)["marker"] = 1
    assert rule_index(one) == {"marker": 1}
    assert rule_index(two) == {}


def test_a_session_of_its_own_does_not_share_or_disturb_the_current_one(fresh_caches):
    outer = get_registry()
    with _session.using() as session:
        inner = get_registry()
        assert inner is not outer
        assert session[REGISTRIES]
    assert get_registry() is outer
    assert inner not in _session.current()[REGISTRIES].values()
