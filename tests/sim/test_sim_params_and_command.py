"""Parameter declarations, light imports, and the `simulate` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
import sim_helpers as H
from click.testing import CliRunner

from campaignsim.model.simparams import ACTION_PARAMETERS, PARAMETERS, Param, check_overrides, find_param
from campaignsim import runner
from campaignsim.cli import run_commands as command
from campaignsim.report.json_format import simulations_from_json
from campaignsim.sim.config import build_config

REPO = Path(__file__).resolve().parents[2]


def test_every_parameter_has_a_doc_a_source_and_a_default_within_its_bounds():
    for name, p in {**PARAMETERS, **ACTION_PARAMETERS}.items():
        assert isinstance(p, Param) and p.doc and p.source, name
        assert p.ge <= p.le, name
        if p.default is not None:
            assert p.ge <= p.default <= p.le, name
            assert ("[U]" in p.source or "[S]" in p.source or "[V]" in p.source or "anchors" in p.source), name


def test_parameters_without_a_default_are_exactly_the_platform_and_action_ones():
    from_plugins = {n for n, p in PARAMETERS.items() if p.default is None}
    assert from_plugins == {f.name for f in attrs.fields(type(H.WECHAT_LIKE.sim)) if f.name not in ("sources", "priors")}
    assert all(p.default is None for p in ACTION_PARAMETERS.values())


def test_overrides_are_checked_against_names_and_bounds():
    problems = dict(check_overrides({"effort_sensitivity": 0.3, "base_entry_rate": 1.5, "nonsense": 1, "completion_share": 2.0,
                                     "completion_share2": 0.5, "bass_q": True}, actions=["share", "follow"]))
    assert set(problems) == {"base_entry_rate", "nonsense", "completion_share", "completion_share2", "bass_q"}
    assert "between 0 and 1" in problems["base_entry_rate"]
    assert find_param("delay_follow").name == "delay_follow" and find_param("delay_follow").le == 720
    assert find_param("completion_") is None


def test_a_scenario_override_changes_the_resolved_value_and_records_its_origin():
    cfg = build_config(H.scenario(simulation={"attention_half_life_hours": 2.5}), H.registry())
    params = {name: (value, source) for name, value, source in cfg.parameters}
    assert cfg.kernel[1] == 2.5 and params["attention_half_life_hours"] == (2.5, "scenario [simulation]")
    assert params["share_delay_hours"][1].startswith("platform wechat")


def test_every_parameter_is_described_in_the_model_documentation():
    text = (REPO / "docs" / "model.md").read_text(encoding="utf-8")
    missing = [name for name in PARAMETERS if f"`{name}`" not in text]
    assert not missing


@pytest.mark.parametrize("module", ["campaignsim.model.simparams", "campaignsim.cli", "campaignsim.sim"])
def test_modules_the_cli_and_loader_import_do_not_load_numpy_or_simpy(module):
    code = f"import sys, {module}; print('numpy' in sys.modules or 'simpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


# ------------------------------------------------------------------------------------- the command
@attrs.define
class FakeError:
    message: str

    def render(self) -> str:
        return self.message


class _Settings:
    """What the command line hands a command: the registry of the test helpers' plugins."""

    def registry(self):
        return H.registry()


SETTINGS = _Settings()


@attrs.define
class FakeLoaded:
    scenarios: list
    errors: list


@pytest.fixture
def fake_file(monkeypatch):
    """The command with a loader returning the reference draw and its 'comment to enter' variant."""
    loaded = FakeLoaded([H.scenario(reach=3_000), H.scenario(reach=3_000, steps=(H.step("comment"),), variant="comment to enter")], [])
    monkeypatch.setattr(command, "_load_file", lambda path, registry: loaded)
    monkeypatch.setattr(runner, "takedown_codes", lambda scenario, registry, failures=None, path="<scenario>": ())
    return loaded


def test_command_prints_one_json_object_listing_base_and_variants(fake_file):
    result = CliRunner().invoke(command.simulate, ["x.toml", "--runs", "4", "--format", "json"], obj=SETTINGS)
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert set(document) == {"simulations"}
    docs = document["simulations"]
    assert [d["variant"] for d in docs] == [None, "comment to enter"] and all(d["runs"] == 4 and d["seed"] == 0 for d in docs)


def test_command_gives_one_variant_in_the_same_shape_and_the_same_bytes_twice(fake_file):
    args = ["x.toml", "--runs", "3", "--seed", "7", "--format", "json", "--variant", "comment to enter"]
    first = CliRunner().invoke(command.simulate, args, obj=SETTINGS)
    second = CliRunner().invoke(command.simulate, args + ["--jobs", "2"], obj=SETTINGS)
    assert first.exit_code == 0
    # one scenario has the same shape as several: an object whose simulations list has one entry
    assert [d["variant"] for d in json.loads(first.output)["simulations"]] == ["comment to enter"]
    assert first.output == second.output


def test_command_writes_text_to_a_file_without_markup(fake_file, tmp_path):
    out = tmp_path / "sim.txt"
    result = CliRunner().invoke(command.simulate, ["x.toml", "--runs", "2", "--variant", "base", "--output", str(out)], obj=SETTINGS)
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Spring tea lucky draw — base" in text and "[bold]" not in text and "comment to enter" not in text


def test_command_reports_load_errors_on_stderr_and_exits_2(monkeypatch):
    monkeypatch.setattr(command, "_load_file", lambda path, registry: FakeLoaded([], [FakeError("x.toml:3: campaign.end: must be after start")]))
    result = CliRunner().invoke(command.simulate, ["x.toml"], obj=SETTINGS)
    assert result.exit_code == 2 and "campaign.end: must be after start" in result.output


def test_command_rejects_an_unknown_variant(fake_file):
    result = CliRunner().invoke(command.simulate, ["x.toml", "--variant", "tag three friends"], obj=SETTINGS)
    assert result.exit_code == 2 and "no variant named" in result.output


def test_command_runs_the_real_loader_and_lint_on_a_shipped_scenario():
    from campaignsim.load import load_file
    from campaignsim.plugin.manager import get_registry
    from campaignsim.sim.config import build_config as build

    path = REPO / "scenarios" / "wechat_share_to_enter.toml"
    real = type("RealSettings", (), {"registry": staticmethod(get_registry)})()
    result = CliRunner().invoke(command.simulate, [str(path), "--runs", "3", "--format", "json"], obj=real)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)["simulations"][0]
    assert doc["scenario"] == "Mid-Autumn mooncake lucky draw" and doc["runs"] == 3
    # sharing to Moments for entry breaks WeChat's rules: lint gives error codes, and they switch the hazard on
    registry = get_registry()
    scenario = load_file(str(path), registry).scenarios[0]
    codes = runner.takedown_codes(scenario, registry)
    assert codes and build(scenario, registry, codes).takedown_active


def test_help_params_lists_every_parameter_with_its_source_without_a_path():
    result = CliRunner().invoke(command.simulate, ["--help-params"], obj=SETTINGS)
    assert result.exit_code == 0
    for name in PARAMETERS:
        assert f"{name}  (default" in result.output
    assert "completion_<action>" in result.output and "SweepWidget" in result.output


def test_json_documents_of_the_earlier_shape_are_still_read():
    one = {"scenario": "A", "variant": None, "runs": 3}
    two = [one, {"scenario": "A", "variant": "b", "runs": 3}]
    assert simulations_from_json({"simulations": two}) == two
    assert simulations_from_json(one) == [one]  # earlier: one object for one scenario
    assert simulations_from_json(two) == two  # earlier: a list for several
    with pytest.raises(ValueError, match="simulations"):
        simulations_from_json({"lint": {}})
