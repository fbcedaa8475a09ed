"""mkdocs hooks: the reference parts of the site are generated from the code at build time.

* ``rules/<CODE>.md`` and ``rules/index.md``: one page per rule of the built-in packs
  (:func:`campaignsim.lint.docs.rule_markdown`) and an index by platform and by jurisdiction;
* ``commands.md``: every command's ``--help``;
* markers ``<!-- campaignsim:NAME [ARG] -->`` in hand-written pages are replaced by generated
  Markdown: the scenario reference from the model, the platforms and actions from the plugins,
  the simulation parameters, the hook reference from ``campaignsim.plugin.hookspecs``, and field
  tables of the plugin value classes. An unknown marker fails the build.

Nothing generated is committed; ``mkdocs build --strict`` regenerates it every time.
"""

from __future__ import annotations

import inspect
import json
import re
import textwrap
import typing
from datetime import date, datetime
from pathlib import Path

import attrs
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from campaignsim.lint.docs import rule_markdown
from campaignsim.lint.rule import SEVERITIES, VERIFIED
from campaignsim.load.validate import _fmt as number
from campaignsim.load.validate import expectation, hints, is_pairs, unwrap_optional, user_fields
from campaignsim.model import Scenario
from campaignsim.plugin.manager import build_registry

OPTIONAL_PAGES = (("Participation model", "model.md"), ("Run and compare", "run.md"))
"""Pages other parts of the project contribute: in the navigation when the file exists, before "Writing plugins"."""

MARKER = re.compile(r"<!--\s*campaignsim:([\w-]+)(?:\s+([\w.]+))?\s*-->")

_state: dict = {}


def registry():
    """The built-in packs only: the site documents what campaignsim ships, not what happens to be installed."""
    if "registry" not in _state:
        _state["registry"] = build_registry(include_third_party=False)
        if _state["registry"].failures:
            raise PluginError("; ".join(f.render() for f in _state["registry"].failures))
    return _state["registry"]


# -- mkdocs events ------------------------------------------------------------------------------------
def on_config(config):
    _state.clear()
    docs = Path(config.docs_dir)
    nav = config.nav
    if nav is None:
        return config
    for i, item in enumerate(nav):  # the generated rule pages, under the rule index
        if isinstance(item, dict) and list(item.values()) == ["rules/index.md"]:
            pages = [{f"{code} {rule.name}": f"rules/{code}.md"} for code, rule in sorted(registry().rules.items())]
            nav[i] = {next(iter(item)): ["rules/index.md", *pages]}
    titles = [next(iter(item)) if isinstance(item, dict) else item for item in nav]
    at = titles.index("Writing plugins") if "Writing plugins" in titles else len(nav)
    for title, page in OPTIONAL_PAGES:
        if (docs / page).is_file() and not any(isinstance(item, dict) and page in item.values() for item in nav):
            nav.insert(at, {title: page})
            at += 1
    return config


def on_files(files, config):
    reg = registry()
    for code, rule in sorted(reg.rules.items()):
        page = rule_markdown(rule, reg) + "\n---\n\n[All rules](index.md) · [Suppressing findings](../index.md#suppressing-findings)\n"
        files.append(File.generated(config, f"rules/{code}.md", content=page))
    files.append(File.generated(config, "rules/index.md", content=rules_index(reg)))
    files.append(File.generated(config, "commands.md", content=commands_page()))
    return files


def on_page_markdown(markdown, page, config, files):
    def replace(match):
        name, arg = match.group(1), match.group(2)
        generate = GENERATORS.get(name)
        if generate is None:
            raise PluginError(f"{page.file.src_uri}: unknown marker campaignsim:{name} (known: {', '.join(sorted(GENERATORS))})")
        return generate(arg) if arg else generate()

    return MARKER.sub(replace, markdown)


# -- helpers ------------------------------------------------------------------------------------------
def cell(text) -> str:
    """Text for one Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def slug(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def rst_to_markdown(text: str) -> str:
    """The reStructuredText of the code's docstrings, as Markdown."""
    text = inspect.cleandoc(text)
    text = re.sub(r":(?:class|func|meth|data|mod|attr):`~?([^`]+)`", lambda m: f"`{m.group(1)}`", text)
    text = text.replace("``", "`")
    out, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        line = lines[i]
        if line.rstrip().endswith("::"):
            out.append(line.rstrip()[:-1])
            block = []
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith(" ")):
                block.append(lines[i])
                i += 1
            out += ["", "```", textwrap.dedent("\n".join(block)).strip("\n"), "```", ""]
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


# -- the scenario reference ---------------------------------------------------------------------------
def _field_kind(tp):
    """("table", cls), ("tables", cls) or (None, None) for a field type."""
    tp = unwrap_optional(tp)
    if attrs.has(tp):
        return "table", tp
    if typing.get_origin(tp) is tuple and not is_pairs(tp):
        inner = typing.get_args(tp)[0]
        if attrs.has(inner):
            return "tables", inner
    return None, None


def _sections(cls, path: str, array: bool, out: list) -> None:
    out.append((cls, path, array))
    for f in user_fields(cls):
        kind, inner = _field_kind(hints(cls)[f.name])
        if kind:
            child = f"{path}.{f.name}" if path else f.name
            if array:
                child = f"{path}[].{f.name}"
            _sections(inner, child, kind == "tables", out)


def _default(f) -> str:
    if f.default is attrs.NOTHING:
        return "**required**"
    if f.default is None or attrs.has(type(f.default)):
        return "—"
    return f"`{toml_value(f.default)}`"


def _meaning(f, tp) -> str:
    meta = f.metadata
    text = meta["doc"]
    example = meta.get("example")
    if example is not None:
        # TOML dates and date-times are bare values; the model gives their examples as ISO text
        shown = example if unwrap_optional(tp) in (date, datetime) else toml_value(example)
        text += f" Example: `{shown}`."
    return cell(text)


def scenario_reference() -> str:
    sections: list = []
    _sections(Scenario, "", False, sections)
    lines = ["## Tables at a glance", "", "| Table | | Meaning |", "|---|---|---|"]
    top = {f.name: f for f in user_fields(Scenario)}
    for f in top.values():
        kind, _ = _field_kind(hints(Scenario)[f.name])
        header = f"[[{f.name}]]" if kind == "tables" else f"[{f.name}]"
        need = "required" if f.default is attrs.NOTHING else "optional"
        lines.append(f"| [`{header}`](#{slug(f.name)}) | {need} | {cell(f.metadata['doc'])} |")
    lines.append("| [`[[variants]]`](#variants) | optional | Alternatives to compare with the base campaign. |")
    lines.append("")
    for cls, path, array in sections:
        if cls is Scenario:
            continue
        header = f"[[{path}]]" if array else f"[{path}]"
        lines += [f"## `{header}` {{#{slug(path)}}}", "", cell(cls.__doc__ or ""), ""]
        lines += ["| Key | Type | Default | Meaning |", "|---|---|---|---|"]
        prefix = f"{path}[]." if array else f"{path}."
        for f in user_fields(cls):
            tp = hints(cls)[f.name]
            kind, _ = _field_kind(tp)
            kind_text = expectation(tp, f.metadata)
            if kind:
                kind_text = f"[{kind_text}](#{slug(prefix + f.name)})"
            lines.append(f"| `{prefix}{f.name}` | {cell(kind_text)} | {_default(f)} | {_meaning(f, tp)} |")
        lines.append("")
        if path == "platform":
            lines += ["### Platforms and their keys", "", platforms(), ""]
        if path == "entry.steps":
            lines += ["### Entry actions", "", actions(), ""]
    simulation = top["simulation"]
    lines += [f"## `[simulation]` {{#simulation}}", "", cell(simulation.metadata["doc"]), "", simulation_parameters(), ""]
    return "\n".join(lines)


def platforms() -> str:
    reg = registry()
    lines = ["The built-in platforms; a plugin can add others. Besides the keys above, `[platform]` takes the keys its platform declares.", "",
             "| `name` | Platform | Account kinds (`account`) | Extra keys | Home jurisdictions |", "|---|---|---|---|---|"]
    for name, spec in sorted(reg.platforms.items()):
        aliases = sorted(a for a, target in reg.platform_aliases.items() if target == name)
        shown = f"`{name}`" + (f" (also {', '.join(f'`{a}`' for a in aliases)})" if aliases else "")
        title = f"[{spec.title}]({spec.rules_url})" if spec.rules_url else spec.title
        extras = "<br>".join(f"`{e.name}` ({_extra_type(e)}): {e.doc}" for e in spec.extra_fields) or "—"
        kinds = ", ".join(f"`{k}`" for k in spec.account_kinds) or "any"
        lines.append(f"| {shown} | {cell(title)} | {kinds} | {cell(extras)} | {', '.join(spec.jurisdictions) or '—'} |")
    return "\n".join(lines)


def _extra_type(extra) -> str:
    """What a plugin's extra key accepts, in the loader's words."""
    tp = {"int": int, "float": float, "bool": bool, "str": str}[extra.type]
    return expectation(tp, {"ge": extra.ge, "le": extra.le, "choices": extra.choices})


def actions() -> str:
    reg = registry()
    lines = ["The built-in entry actions; a plugin can add others. `optional` and `worth` apply to every step; "
             "the other keys only to the actions that use them.", "",
             "| `action` | What the entrant does | Keys it takes |", "|---|---|---|"]
    for name, action in sorted(reg.actions.items()):
        keys = [f"`{k}`" for k in action.fields] + [f"`{e.name}` ({_extra_type(e)})" for e in action.extra_fields]
        lines.append(f"| `{name}` | {cell(action.summary)} | {', '.join(keys) or '—'} |")
    return "\n".join(lines)


def simulation_parameters() -> str:
    try:
        from campaignsim.model.simparams import PARAMETERS
    except ImportError:
        return "A flat table of numbers that override the simulator's parameters."
    import campaignsim.model.simparams as simparams

    plugin_default = {getattr(simparams, "FROM_PLATFORM", None): "from the platform", getattr(simparams, "FROM_ACTION", None): "from the action"}
    lines = ["| Key | Range | Default | Meaning |", "|---|---|---|---|"]
    for name, p in PARAMETERS.items():
        default = number(p.default) if p.default is not None else plugin_default.get(p.source, "from the plugins")
        unit = f" ({p.unit})" if p.unit else ""
        lines.append(f"| `simulation.{name}` | {number(p.ge)}–{number(p.le)}{unit} | {default} | {cell(p.doc)} |")
    try:
        from campaignsim.model.simparams import ACTION_PARAMETERS
    except ImportError:
        ACTION_PARAMETERS = {}
    for what, p in ACTION_PARAMETERS.items():
        unit = f" ({p.unit})" if p.unit else ""
        lines.append(f"| `simulation.{what}_<action>` | {number(p.ge)}–{number(p.le)}{unit} | from the action | {cell(p.doc)} |")
    return "\n".join(lines)


def simulation_priors() -> str:
    """Every parameter's prior (distribution, 90% range, source), and the platforms' own priors."""
    from campaignsim.model.simparams import ACTION_PARAMETERS, PARAMETERS

    lines = ["| parameter | prior | 90% range | source of the range |", "|---|---|---|---|"]
    for name, p in list(PARAMETERS.items()) + [(f"{w}_<action>", p) for w, p in ACTION_PARAMETERS.items()]:
        prior = p.prior
        if not prior.uncertain:
            kind, span = "fixed", "—"
        elif prior.factor is not None:
            kind = prior.kind
            span = {"lognormal": f"default ÷/× {number(prior.factor)}", "logitnormal": f"odds of the default ÷/× {number(prior.factor)}",
                    "normal": f"default ± {number(prior.factor)}"}[prior.kind]
        else:
            lo, hi = prior.range(0.0)
            kind, span = prior.kind, f"{lo:.3g} – {hi:.3g}"
        lines.append(f"| `{name}` | {kind} | {span} | {cell(prior.source)} |")
    reg = registry()
    own = [(pname, field, prior) for pname, spec in sorted(reg.platforms.items()) for field, prior in spec.sim.priors]
    if own:
        lines += ["", "Platforms that declare their own priors:", "", "| platform | parameter | prior | source |", "|---|---|---|---|"]
        lines += [f"| `{pname}` | `{field}` | {cell(prior.describe())} | {cell(prior.source)} |" for pname, field, prior in own]
    return "\n".join(lines)


# -- rules --------------------------------------------------------------------------------------------
def _rule_line(rule) -> str:
    return f"- [{rule.code}]({rule.code}.md) `{rule.name}` ({rule.severity}): {' '.join(rule.summary.split())}"


def _region_name(code: str) -> str:
    from campaignsim.load.codes import EXTRA_REGIONS

    if code in EXTRA_REGIONS:
        return EXTRA_REGIONS[code]
    try:
        import pycountry

        found = pycountry.subdivisions.get(code=code) if "-" in code else pycountry.countries.get(alpha_2=code)
    except (ImportError, LookupError, KeyError):
        found = None
    return getattr(found, "name", code) if found is not None else code


def rules_index(reg) -> str:
    rules = sorted(reg.rules.values(), key=lambda r: r.code)
    counts = {s: sum(r.severity == s for r in rules) for s in reversed(SEVERITIES)}
    lines = ["# Rules", "",
             f"The built-in packs hold {len(rules)} rules ({', '.join(f'{n} {s}' for s, n in counts.items())}). "
             "Each page says what the rule checks, why it matters, an example that fails and one that passes, "
             "and its sources with how far each was verified:", ""]
    lines += [f"- **{key}**: {meaning}" for key, meaning in VERIFIED.items()]
    lines += ["", "`campaignsim rules` lists the rules of every installed plugin; `campaignsim explain CODE` shows one.", "",
              "## All rules", "", "| Code | Name | Severity | Applies to | Summary |", "|---|---|---|---|---|"]
    for r in rules:
        scope = ", ".join(r.platforms + r.jurisdictions) or "all"
        lines.append(f"| [{r.code}]({r.code}.md) | `{r.name}` | {r.severity} | {cell(scope)} | {cell(r.summary)} |")

    lines += ["", "## By platform", "", "A rule listed under a platform applies to campaigns there (rules for a family, "
              "such as `meta`, apply to each of its platforms); rules for every platform apply too.", "",
              "### Every platform", ""]
    lines += [_rule_line(r) for r in rules if not r.platforms] or ["- none"]
    placed = set()
    for name, spec in sorted(reg.platforms.items(), key=lambda item: item[1].title.lower()):
        names = {name, *(a for a, t in reg.platform_aliases.items() if t == name)} | ({spec.family} if spec.family else set())
        mine = [r for r in rules if names.intersection(r.platforms)]
        placed |= {r.code for r in mine}
        lines += ["", f"### {spec.title}", ""] + ([_rule_line(r) for r in mine] or ["- no platform-specific rules"])
    other = [r for r in rules if r.platforms and r.code not in placed]
    if other:
        lines += ["", "### Platforms without a built-in platform plugin", ""] + [_rule_line(r) for r in other]

    lines += ["", "## By jurisdiction", "", "A rule for a country also applies to campaigns in its subdivisions "
              "(a `US` rule applies to `US-NY`).", "", "### Everywhere", ""]
    lines += [_rule_line(r) for r in rules if not r.jurisdictions] or ["- none"]
    for code in sorted({j for r in rules for j in r.jurisdictions}):
        mine = [r for r in rules if code in r.jurisdictions]
        lines += ["", f"### {code}: {_region_name(code)}", ""] + [_rule_line(r) for r in mine]
    return "\n".join(lines) + "\n"


# -- commands -----------------------------------------------------------------------------------------
def commands_page() -> str:
    import click

    from campaignsim.cli import main

    lines = ["# Command reference", "", "Every command's `--help`, as the installed version prints it.", ""]
    root = click.Context(main, info_name="campaignsim", terminal_width=100, max_content_width=100)
    lines += ["## campaignsim", "", "```text", main.get_help(root), "```", ""]
    for name in sorted(main.commands):
        command = main.commands[name]
        ctx = click.Context(command, info_name=name, parent=root, terminal_width=100, max_content_width=100)
        lines += [f"## campaignsim {name}", "", "```text", command.get_help(ctx), "```", ""]
        for sub_name in sorted(getattr(command, "commands", {})):  # a group's subcommands (new scenario)
            sub = command.commands[sub_name]
            sub_ctx = click.Context(sub, info_name=sub_name, parent=ctx, terminal_width=100, max_content_width=100)
            lines += [f"## campaignsim {name} {sub_name}", "", "```text", sub.get_help(sub_ctx), "```", ""]
    return "\n".join(lines)


# -- plugins ------------------------------------------------------------------------------------------
def hook_reference() -> str:
    from campaignsim.plugin import hookspecs

    lines = []
    specs = [(name, f) for name, f in inspect.getmembers(hookspecs, inspect.isfunction) if hasattr(f, "campaignsim_spec")]
    for name, function in sorted(specs, key=lambda item: item[1].__code__.co_firstlineno):  # the order of hookspecs.py
        params = ", ".join(inspect.signature(function).parameters)
        returns = str(inspect.signature(function).return_annotation).strip("'\"")
        lines += [f"### `{name}`", "", "```python", f"@hookimpl", f"def {name}({params}) -> {returns}: ...", "```", "",
                  rst_to_markdown(function.__doc__ or ""), ""]
    if not lines:
        raise PluginError("campaignsim.plugin.hookspecs declares no hooks")
    return "\n".join(lines)


def value_fields(name: str) -> str:
    import campaignsim.model as model

    cls = getattr(model, name, None)
    if cls is None or not attrs.has(cls):
        raise PluginError(f"campaignsim.model has no value class {name}")
    lines = [cell(rst_to_markdown(cls.__doc__ or "")), "", "| Field | Type | Default |", "|---|---|---|"]
    for f in attrs.fields(cls):
        if f.default is attrs.NOTHING:
            default = "**required**"
        elif isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            default = "—"
        elif attrs.has(type(f.default)) and f.default == type(f.default)():
            default = f"`{type(f.default).__name__}()`"
        else:
            default = f"`{f.default!r}`"
        lines.append(f"| `{f.name}` | `{cell(str(f.type).strip(chr(39)))}` | {cell(default)} |")
    return "\n".join(lines)


def verification_levels() -> str:
    return "\n".join(f"- `{key}`: {meaning}" for key, meaning in VERIFIED.items())


def lint_settings_keys() -> str:
    from campaignsim.lint.config import KEYS

    return ", ".join(f"`{k}`" for k in sorted(KEYS))


def new_scenario_choices() -> str:
    """The rows of the platform × mechanic table of `campaignsim new scenario`."""
    from campaignsim.starter import PLATFORMS

    return "\n".join(f"| `{name}` | {', '.join(f'`{m}`' for m in profile.mechanics)} |" for name, profile in PLATFORMS.items())


GENERATORS = {
    "new-scenario-choices": new_scenario_choices,
    "scenario-reference": scenario_reference,
    "platforms": platforms,
    "actions": actions,
    "simulation-parameters": simulation_parameters,
    "simulation-priors": simulation_priors,
    "hook-reference": hook_reference,
    "value-fields": value_fields,
    "lint-settings-keys": lint_settings_keys,
    "verification-levels": verification_levels,
}
