"""campaignsim.testing for plugin authors: a minimal campaign on any platform, located rule-case
errors, a complete __all__, the reads check, options in tests."""

import pytest

import campaignsim.testing as testing
from campaignsim.lint.rule import RuleOption
from campaignsim.load import ScenarioLoadError
from campaignsim.plugin import hookimpl
from campaignsim.plugin.manager import build_registry
from campaignsim.testing import (RuleCaseError, SketchRule, assert_fires, assert_passes, assert_reads, check_rule_case,
                                 load_rule_cases, minimal_scenario, registry_with, scenario_from_string)


def test_all_names_every_public_helper_and_they_exist():
    assert "ScenarioLoadError" in testing.__all__ and testing.ScenarioLoadError is ScenarioLoadError
    for name in testing.__all__:
        assert hasattr(testing, name), name
    public = {n for n, v in vars(testing).items() if not n.startswith("_") and getattr(v, "__module__", None) == "campaignsim.testing"
              and callable(v)} - {"campaignsim_registry", "CASE_KEYS", "FILE_KEYS"}
    assert public <= set(testing.__all__)


@pytest.mark.parametrize("platform", sorted(build_registry(include_third_party=False).platforms))
def test_minimal_scenario_loads_on_every_built_in_platform(platform):
    registry = build_registry(include_third_party=False)
    loaded = scenario_from_string("", base=minimal_scenario(platform, registry=registry), registry=registry)
    spec = registry.platform(platform)
    assert loaded.base.platform.name == platform
    expected = "blue_v" if platform == "weibo" else spec.account_kinds[0] if spec.account_kinds else None  # weibo: MINIMAL_SCENARIO itself
    assert loaded.base.platform.account == expected


def test_minimal_scenario_on_a_plugin_platform_takes_its_account_kind_and_home_jurisdiction():
    registry = build_registry(only=["campaignsim_example"])
    loaded = scenario_from_string("", base=minimal_scenario("line", registry=registry), registry=registry)
    assert loaded.base.platform.account == "unverified" and loaded.base.campaign.jurisdictions == ("JP",)
    with pytest.raises(ValueError, match="no loaded plugin provides the platform 'bilibili'"):
        minimal_scenario("bilibili", registry=registry)


def test_rule_case_file_errors_name_the_file_and_line(tmp_path):
    path = tmp_path / "ACME001.toml"
    path.write_text('rule = "ACME001"\n\n[[cases]]\nname = "one"\nfires = true\n\n[[cases]]\nname = "two"\nfires = "yes"\n', encoding="utf-8")
    with pytest.raises(RuleCaseError, match=rf"^{path}:7: case 'two': fires must be bool, got 'yes'"):
        load_rule_cases(path)
    path.write_text('rule = "ACME001"\n[[cases]]\nname = "one"\n', encoding="utf-8")
    with pytest.raises(RuleCaseError, match=rf"^{path}:2: case 'one': `fires` is required"):
        load_rule_cases(path)
    path.write_text('rule = "ACME001"\n[[cases]]\nname = "one\n', encoding="utf-8")
    with pytest.raises(RuleCaseError, match=rf"^{path}:3: invalid TOML"):
        load_rule_cases(path)


def test_a_rule_case_whose_scenario_does_not_load_names_the_case_and_its_line(tmp_path):
    path = tmp_path / "GEN011.toml"
    path.write_text('rule = "GEN011"\n[[cases]]\nname = "bad"\nfires = true\nscenario = """\n[fulfilment]\nresponse_time_hours = "soon"\n"""\n',
                    encoding="utf-8")
    [case] = load_rule_cases(path)
    with pytest.raises(ScenarioLoadError) as raised:
        check_rule_case(case)
    assert f"{path}:2 (case 'bad')" in str(raised.value)


class ReadsLess(SketchRule):
    code = "TSTREADS001"
    name = "reads-less-than-it-says"
    reads = ("prize",)

    def check(self, scenario, context):
        if scenario.fulfilment.response_time_hours is None:  # fulfilment: not in reads
            yield self.violation("fulfilment", "x")


class Options(SketchRule):
    code = "TSTOPT001"
    name = "has-an-option"
    options = (RuleOption("max_items", "int", 3, "Prize items allowed.", ge=1),)

    def check(self, scenario, context):
        if len(scenario.prize.items) > self.option(context, "max_items"):
            yield self.violation("prize.items", "too many")


class Plugin:
    @hookimpl
    def campaignsim_rules(self):
        return [ReadsLess, Options]


def test_assert_reads_holds_a_rule_to_its_reads():
    registry = registry_with(("p", Plugin()), strict=True)
    with pytest.raises(AssertionError, match=r"TSTREADS001 reads \['fulfilment'\], which its reads \('prize',\) does not name"):
        assert_reads("TSTREADS001", "", registry=registry)
    assert assert_reads("GEN011", "", registry=registry) == {"fulfilment"}


def test_options_reach_a_plugin_rule_in_tests():
    registry = registry_with(("p", Plugin()), strict=True)
    assert_passes("TSTOPT001", "", registry=registry)
    two = '[[prize.items]]\nname = "a"\nvalue = 1\ncurrency = "CNY"\nquantity = 1\n[[prize.items]]\nname = "b"\nvalue = 1\ncurrency = "CNY"\nquantity = 1\n'
    assert_passes("TSTOPT001", two, registry=registry)
    assert_fires("TSTOPT001", two, registry=registry, options={"max_items": 1})
    from campaignsim.lint.config import ConfigError

    with pytest.raises(ConfigError, match="TSTOPT001 has no such option"):
        assert_fires("TSTOPT001", two, registry=registry, options={"max_itemz": 1})
    with pytest.raises(ConfigError, match="must be at least 1"):
        assert_fires("TSTOPT001", two, registry=registry, options={"max_items": 0})
