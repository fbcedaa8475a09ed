"""The shortcuts that make the first lint of a process cheaper give the same answers as the slow way.

Entry points are scanned without parsing every installed distribution's entry_points.txt, and the
ISO tables are read as sets of codes instead of through pycountry's lookup objects.
"""

from __future__ import annotations

import importlib.metadata as metadata
import sys

import pytest

from campaignsim.builtin import wechat
from campaignsim.load import codes
from campaignsim.plugin import ENTRY_POINT_GROUP
from campaignsim.plugin.manager import BUILTIN_PREFIX, _entry_points, build_registry


def standard_scan():
    eps = metadata.entry_points(group=ENTRY_POINT_GROUP)
    return [(ep.name, ep.value, ep.dist.name if ep.dist else None)
            for ep in sorted(eps, key=lambda ep: (not ep.value.startswith(BUILTIN_PREFIX), ep.name))]


def fast_scan():
    return [(ep.name, ep.value, ep.dist.name if ep.dist else None) for ep in _entry_points()]


def write_dist(root, name, entry_points_txt):
    info = root / f"{name}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    if entry_points_txt is not None:
        (info / "entry_points.txt").write_text(entry_points_txt, encoding="utf-8")


def test_entry_point_scan_matches_importlib_metadata():
    assert fast_scan() == standard_scan()
    assert any(value.startswith(BUILTIN_PREFIX) for _, value, _ in fast_scan())


def test_entry_point_scan_matches_importlib_metadata_with_shadowed_and_unrelated_distributions(tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    # A distribution earlier on the path hides a later one of the same name, even without plugins.
    write_dist(first, "cstest_shadow", None)
    write_dist(second, "cstest_shadow", "[campaignsim]\nshadowed = cstest_shadowed\n")
    # The group's name elsewhere in the file, and the group itself among others.
    write_dist(first, "cstest_mentions", "[console_scripts]\ncampaignsim-extra = cstest_mentions:main\n")
    write_dist(first, "cstest_mixed", "[console_scripts]\nx = y:z\n\n[campaignsim]\n# a comment\nmixed = cstest_mixed.plugin\n"
                                      "mixed_two = cstest_mixed.other\n")
    write_dist(second, "cstest_later", "[campaignsim]\nlater = cstest_later\n")
    monkeypatch.setattr(sys, "path", [str(first), str(second), *sys.path])
    found = fast_scan()
    assert found == standard_scan()
    names = [name for name, _, _ in found]
    assert "shadowed" not in names and {"mixed", "mixed_two", "later"} <= set(names)


def test_plugin_versions_come_from_each_distribution():
    registry = build_registry()
    by_name = {ep.name: ep.dist.version for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}
    assert registry.plugins
    for info in registry.plugins:
        assert info.version == by_name[info.name]


def test_pack_rules_are_the_same_classes_on_every_call():
    first = wechat.campaignsim_rules()
    again = wechat.campaignsim_rules()
    assert first == again and first is not again
    assert [rule.code for rule in first] == sorted(rule.code for rule in first)
    again.clear()  # the caller's list is its own
    assert wechat.campaignsim_rules() == first


pycountry = pytest.importorskip("pycountry")


def old_is_currency(code):
    return code.isupper() and pycountry.currencies.get(alpha_3=code) is not None


def old_is_region(code):
    if code in codes.EXTRA_REGIONS:
        return True
    if "-" in code:
        return pycountry.subdivisions.get(code=code) is not None
    return len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code) is not None


def test_codes_agree_with_pycountry_lookups():
    candidates = {"EU", "eu", "", "-", "US-", "XX", "ZZ-ZZ", "USD ", "us-ny", "Us-Ny", "usd", "Usd", "gb"}
    for currency in pycountry.currencies:
        candidates |= {currency.alpha_3, currency.alpha_3.lower()}
    for country in pycountry.countries:
        candidates |= {country.alpha_2, country.alpha_2.lower(), country.alpha_3}
    for subdivision in pycountry.subdivisions:
        candidates |= {subdivision.code, subdivision.code.lower(), subdivision.code + "0"}
    wrong = sorted(c for c in candidates if codes.is_currency(c) != old_is_currency(c) or codes.is_region(c) != old_is_region(c))
    assert wrong == []


def clear_code_caches():
    for function in (codes._codes, codes.is_region, codes.is_currency):
        function.cache_clear()


def test_codes_fall_back_to_pycountry_when_its_files_are_elsewhere(monkeypatch):
    monkeypatch.setattr(codes, "_database_folder", lambda: "/nonexistent")
    clear_code_caches()
    try:
        assert codes.is_region("US-NY") and codes.is_region("CN") and codes.is_currency("CNY")
        assert not codes.is_region("US-XX") and not codes.is_currency("XYZ")
        assert codes._codes.cache_info().currsize == 3
    finally:
        clear_code_caches()


def test_settings_are_found_again_for_a_relative_path_after_the_working_directory_changes(tmp_path, monkeypatch):
    from pathlib import Path

    from campaignsim.lint import config

    strict, plain = tmp_path / "strict", tmp_path / "plain"
    for folder in (strict, plain):
        folder.mkdir()
        (folder / "campaign.toml").write_text("", encoding="utf-8")
    (strict / "campaignsim.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    monkeypatch.chdir(strict)
    assert config.discover(Path("campaign.toml")).fail_on == "warning"
    assert config.discover(Path(".")).fail_on == "warning"
    monkeypatch.chdir(plain)
    assert config.discover(Path("campaign.toml")).fail_on == "error"
    assert config.discover(Path(".")).fail_on == "error"
    monkeypatch.chdir(tmp_path)
    assert config.discover(Path("strict")).fail_on == "warning"
    assert config.discover(Path("strict/campaign.toml")).fail_on == "warning"
    assert config.discover(Path("plain/campaign.toml")).fail_on == "error"


def test_forgotten_settings_are_read_again(tmp_path, fresh_caches):
    from campaignsim.lint import config

    scenario = tmp_path / "campaign.toml"
    scenario.write_text("", encoding="utf-8")
    settings = tmp_path / "campaignsim.toml"
    settings.write_text('fail-on = "warning"\n', encoding="utf-8")
    assert config.discover(scenario).fail_on == "warning"
    settings.write_text('fail-on = "info"\n', encoding="utf-8")
    assert config.discover(scenario).fail_on == "warning"  # remembered for the session
    fresh_caches()  # what the lint benchmark does to time a first lint
    assert config.discover(scenario).fail_on == "info"
