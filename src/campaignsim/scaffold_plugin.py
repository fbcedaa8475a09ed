"""A new plugin package (``campaignsim new plugin NAME``), laid out like the example plugin, whose tests pass.

The package declares one platform (with an extra key), one entry action, a friction hook and one
rule with an option and data-driven cases: each a working model to replace with the plugin's own.
Its tests load the plugin in-process (``registry_with``), so ``pytest`` passes before it is even
installed; ``pip install -e .`` then makes ``campaignsim`` itself find it.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import click

NAME = re.compile(r"^[a-z][a-z0-9_]{1,30}$")


def _names(raw: str) -> dict[str, str]:
    name = raw.strip().lower().replace("-", "_")
    if name.startswith("campaignsim_"):
        name = name[len("campaignsim_"):]
    if not NAME.match(name):
        raise click.BadParameter(f"{raw!r}: use 2 to 31 lower-case letters, digits or underscores, starting with a letter (e.g. acme)",
                                 param_hint="NAME")
    prefix = re.sub(r"[^A-Z]", "", name.upper())[:8]
    return {"name": name, "package": f"campaignsim_{name}", "dist": f"campaignsim-{name.replace('_', '-')}", "prefix": prefix,
            "code": f"{prefix}001", "title": name.replace("_", " ").title(), "action": f"{name}_checkin"}


def _files(n: dict[str, str]) -> dict[str, str]:
    files = {
        "pyproject.toml": '''\
            [build-system]
            requires = ["setuptools>=68", "wheel"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "{dist}"
            version = "0.1.0"
            description = "campaignsim plugin: the {title} platform, an entry action and rule {code}."
            readme = "README.md"
            requires-python = ">=3.10"
            dependencies = ["campaignsim>=0.1"]

            [project.optional-dependencies]
            test = ["pytest>=7.4"]

            # campaignsim finds the plugin through this entry point once installed: the name on the left
            # is what `campaignsim plugins` shows and `--plugin NAME` takes.
            [project.entry-points.campaignsim]
            {package} = "{package}.plugin"

            [tool.setuptools.packages.find]
            where = ["src"]

            [tool.pytest.ini_options]
            testpaths = ["tests"]
            pythonpath = ["src"]
            ''',
        "README.md": '''\
            # {dist}

            A campaignsim plugin: the {title} platform (`[platform] name = "{name}"`), the `{action}` entry
            action, and rule {code}. Written by `campaignsim new plugin {name}`; replace each part with your own
            (the guide: docs/plugins.md in campaignsim).

            ```console
            $ pip install -e .[test]
            $ pytest
            $ campaignsim plugins
            $ campaignsim lint scenarios/example.toml
            ```
            ''',
        "src/{package}/__init__.py": '''\
            """{dist}: a campaignsim plugin. campaignsim imports :mod:`{package}.plugin` through the entry point."""

            __version__ = "0.1.0"
            ''',
        "src/{package}/plugin.py": '''\
            """The hooks campaignsim calls. Import what they return inside the functions: campaignsim loads every
            installed plugin at start-up, and a lazy plugin costs nothing until it is used."""

            from campaignsim.plugin import hookimpl


            @hookimpl
            def campaignsim_rules():
                from {package}.rules.{lower_code} import SlowAnswerOn{Camel}

                return [SlowAnswerOn{Camel}]


            @hookimpl
            def campaignsim_platforms():
                from {package}.platform import PLATFORMS

                return list(PLATFORMS)


            @hookimpl
            def campaignsim_actions():
                from {package}.actions import ACTIONS

                return list(ACTIONS)


            @hookimpl
            def campaignsim_step_friction(scenario, step):
                # Plugin keys reach the simulator: nobody can check in while check-ins are switched off.
                if step.action == "{action}" and scenario.platform.extra("checkins_enabled") is False:
                    from campaignsim.model import StepFriction

                    return StepFriction(completion=0.0, note="check-ins are switched off (platform.checkins_enabled = false)")
                return None
            ''',
        "src/{package}/platform.py": '''\
            """The {title} platform. Every simulation default states its source, or that it is an assumption [U]."""

            from campaignsim.model import ExtraField, PlatformSpec, SimDefaults

            ASSUMED = "assumption [U]: no published figure; calibrate to past campaigns"

            PLATFORMS = (
                PlatformSpec(
                    name="{name}",
                    title="{title}",
                    account_kinds=("personal", "business"),
                    extra_fields=(
                        ExtraField("checkins_enabled", "bool", "Whether check-ins are switched on for the account."),
                        ExtraField("daily_posts", "int", "Posts the account plans per day during the campaign.", ge=0, le=100),
                    ),
                    jurisdictions=("US",),
                    rules_url=None,
                    sim=SimDefaults(
                        reach_per_follower=0.1,
                        attention_kernel="exponential",
                        attention_half_life_hours=6.0,
                        sources=(("reach_per_follower", ASSUMED), ("attention_half_life_hours", ASSUMED)),
                    ),
                ),
            )
            ''',
        "src/{package}/actions.py": '''\
            """The {action} entry action and its friction (assumptions [U] until calibrated)."""

            from campaignsim.model import ActionSpec

            ASSUMED = "assumption [U]: no published completion rate; calibrate to past campaigns"

            ACTIONS = (
                ActionSpec(
                    name="{action}",
                    summary="Check in at the campaign's page or venue.",
                    fields=("url", "external"),
                    effort_minutes=2.0,
                    completion_probability=0.7,
                    public=True,
                    sources=(("effort_minutes", ASSUMED), ("completion_probability", ASSUMED)),
                ),
            )
            ''',
        "src/{package}/rules/__init__.py": '''\
            """One rule per module, named by its code."""
            ''',
        "src/{package}/rules/{lower_code}.py": '''\
            """{code}: entrants on {title} are promised an answer more slowly than the option allows."""

            from campaignsim.lint.rule import Reference, Rule, RuleOption

            MAX_HOURS = 48  # assumption [U]: a house threshold, not a platform rule; users change it as an option


            class SlowAnswerOn{Camel}(Rule):
                code = "{code}"
                name = "{kebab}-slow-answer"
                severity = "warning"
                platforms = ("{name}",)
                reads = ("fulfilment",)
                summary = "On {title}, entrants are promised answers more slowly than the configured number of hours."
                rationale = (
                    "Questions come in bursts during a campaign, and an unanswered winner complains in public. "
                    "The threshold is an option (`max_hours`): set it under [tool.campaignsim.rules.{code}]."
                )
                fail_example = """\\
            [platform]
            name = "{name}"
            account = "business"

            [fulfilment]
            response_time_hours = 72
            """
                pass_example = """\\
            [platform]
            name = "{name}"
            account = "business"

            [fulfilment]
            response_time_hours = 12
            """
                references = (Reference("House threshold: no platform rule or study sets it", None, "U"),)
                options = (RuleOption("max_hours", "float", MAX_HOURS, "Slowest promised answer accepted, in hours.", ge=0),)

                def check(self, scenario, context):
                    hours = scenario.fulfilment.response_time_hours
                    limit = self.option(context, "max_hours")
                    if hours is not None and hours > limit:
                        yield self.violation("fulfilment.response_time_hours", f"answers are promised within {{hours:g}} hours, more than {{limit:g}}",
                                             f"Staff the contact so that entrants get an answer within {{limit:g}} hours.")
            ''',
        "tests/rule_cases/{code}.toml": '''\
            rule = "{code}"
            base = \'\'\'
            [platform]
            name = "{name}"
            account = "business"
            \'\'\'

            [[cases]]
            name = "three_days_to_answer"
            fires = true
            key = "fulfilment.response_time_hours"
            message = "72 hours"
            scenario = \'\'\'
            [fulfilment]
            response_time_hours = 72
            \'\'\'

            [[cases]]
            name = "half_a_day"
            fires = false
            scenario = \'\'\'
            [fulfilment]
            response_time_hours = 12
            \'\'\'

            [[cases]]
            name = "stricter_option"
            fires = true
            options = {{ max_hours = 6 }}
            scenario = \'\'\'
            [fulfilment]
            response_time_hours = 12
            \'\'\'
            ''',
        "tests/test_plugin.py": '''\
            """The plugin loads without a refused declaration, its rule cases hold, and its keys reach the simulator."""

            from pathlib import Path

            import pytest

            from campaignsim.testing import (assert_reads, check_rule_case, load_rule_cases, minimal_scenario, registry_with,
                                             rule_case_params, scenario_from_string)

            REGISTRY = registry_with(("{package}", "{package}.plugin"), strict=True)
            CASES = Path(__file__).parent / "rule_cases"


            @pytest.mark.parametrize("case", rule_case_params(CASES))
            def test_rule_case(case):
                check_rule_case(case, registry=REGISTRY)


            def test_every_rule_has_a_firing_and_a_passing_case():
                ours = {{code for code, plugin in REGISTRY.rule_plugins.items() if plugin == "{package}"}}
                covered = {{}}
                for file in CASES.glob("*.toml"):
                    for case in load_rule_cases(file):
                        covered.setdefault(case.rule, set()).add(case.fires)
                assert ours and {{code for code in ours if covered.get(code) != {{True, False}}}} == set()


            def test_rules_read_only_what_they_declare():
                for file in CASES.glob("*.toml"):
                    for case in load_rule_cases(file):
                        assert_reads(case.rule, case.scenario, base=minimal_scenario("{name}", registry=REGISTRY), registry=REGISTRY)


            def test_the_example_scenario_loads_on_the_platform():
                text = (Path(__file__).parents[1] / "scenarios" / "example.toml").read_text(encoding="utf-8")
                loaded = scenario_from_string(text, base=None, registry=REGISTRY)
                assert loaded.base.platform.name == "{name}" and loaded.base.platform.extra("checkins_enabled") is True


            def test_check_ins_switched_off_mean_nobody_completes_the_step():
                from campaignsim.sim.config import build_config

                base = minimal_scenario("{name}", registry=REGISTRY)
                steps = '[[entry.steps]]\\naction = "{action}"\\n'
                on = scenario_from_string("[platform]\\ncheckins_enabled = true\\n" + steps, base=base, registry=REGISTRY).base
                off = scenario_from_string("[platform]\\ncheckins_enabled = false\\n" + steps, base=base, registry=REGISTRY).base
                assert build_config(on, REGISTRY).steps[0].completion == pytest.approx(0.7)
                assert build_config(off, REGISTRY).steps[0].completion == 0.0
            ''',
    }
    return files


def scenario(n: dict[str, str]) -> str:
    from campaignsim.testing import MINIMAL_SCENARIO

    text = MINIMAL_SCENARIO.replace('name = "weibo"\naccount = "blue_v"\n',
                                    f'name = "{n["name"]}"\naccount = "business"\ncheckins_enabled = true\ndaily_posts = 2\n')
    text = text.replace('draw_tool = "weibo_lottery"\n', "").replace('jurisdictions = ["CN"]', 'jurisdictions = ["US"]')
    text = text.replace('action = "comment"', f'action = "{n["action"]}"\nurl = "https://test-brand.example/checkin"')
    return f"# An example campaign on {n['title']}: `campaignsim lint scenarios/example.toml`.\n" + text.lstrip("\n")


def write_plugin(raw_name: str, into: Path) -> Path:
    """Write the package ``campaignsim-NAME`` below ``into``; returns its folder. Refuses to overwrite."""
    n = _names(raw_name)
    from campaignsim.plugin.manager import build_registry

    builtin = build_registry(include_third_party=False)
    if builtin.platform(n["name"]) is not None or builtin.action(n["action"]) is not None or builtin.rule(n["code"]) is not None:
        raise click.BadParameter(f"{raw_name!r}: a built-in pack already provides {n['name']!r}; choose another name", param_hint="NAME")
    root = into / n["dist"]
    if root.exists():
        raise click.ClickException(f"{root} already exists: nothing was written")
    n = dict(n, lower_code=n["code"].lower(), Camel=n["title"].replace(" ", ""), kebab=n["name"].replace("_", "-"))
    files = {path.format(**n): textwrap.dedent(body).format(**n) for path, body in _files(n).items()}
    files["scenarios/example.toml"] = scenario(n)
    staging = into / f".{n['dist']}.partial"
    try:
        for relative, text in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        staging.rename(root)  # all of it, or nothing
    finally:
        if staging.exists():
            import shutil

            shutil.rmtree(staging)
    return root
