"""The generated part of docs/plugins.md: the hook reference and the tables of the declaration values.

docs/plugins.md holds the output between ``<!-- generated:NAME -->`` and ``<!-- /generated:NAME -->``
markers, committed, so the page reads completely in the repository; a test checks it is in sync.
After changing a hook or a declaration, regenerate it with::

    python -m campaignsim.lint.reference docs/plugins.md
"""

from __future__ import annotations

import inspect
import re
import sys
import typing
from pathlib import Path

import attrs

BLOCK = re.compile(r"(<!-- generated:([\w-]+)(?: ([\w.]+))? -->\n)(.*?)(<!-- /generated:\2(?: [\w.]+)? -->)", re.S)


def _markdown(text: str) -> str:
    """A docstring in Markdown: ``code`` and Sphinx roles become backticks, paragraphs are kept."""
    text = inspect.cleandoc(text or "")
    text = re.sub(r":(?:class|func|meth|attr|data|mod):`(~?)([\w.]+)`",
                  lambda m: f"`{m.group(2).split('.')[-1] if m.group(1) else m.group(2)}`", text)  # Sphinx: ~ shows the last part only
    text = text.replace("``", "`")
    text = re.sub(r"::\n", ":\n", text)
    out: list[str] = []
    block = False
    for line in text.splitlines():
        if line.startswith("    ") and not block and out and out[-1].endswith(":"):
            out += ["", "```"]
            block = True
        elif block and line.strip() and not line.startswith("    "):
            out += ["```", ""]
            block = False
        out.append(line[4:] if block else line)
    if block:
        out.append("```")
    return "\n".join(out).strip()


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _type(tp) -> str:
    text = str(tp) if not isinstance(tp, type) else tp.__name__
    text = text.replace("typing.", "").replace("campaignsim.model.extension.", "")
    text = re.sub(r"Optional\[(.*)\]$", r"\1 | None", text)
    return text


def hooks() -> str:
    from campaignsim.plugin import hookspecs

    specs = [(name, f) for name, f in inspect.getmembers(hookspecs, inspect.isfunction) if hasattr(f, "campaignsim_spec")]
    lines = []
    for name, function in sorted(specs, key=lambda item: item[1].__code__.co_firstlineno):
        signature = inspect.signature(function)
        returns = str(signature.return_annotation).strip("'\"")
        lines += [f"### `{name}`", "", "```python", "@hookimpl", f"def {name}({', '.join(signature.parameters)}) -> {returns}: ...", "```", "",
                  _markdown(function.__doc__ or ""), ""]
    return "\n".join(lines).rstrip() + "\n"


def _default(f) -> str:
    if f.default is attrs.NOTHING:
        return "**required**"
    if attrs.has(type(f.default)):
        return f"`{type(f.default).__name__}()`"
    return f"`{f.default!r}`"


def fields(name: str) -> str:
    """A table of one declaration class's fields: name, type, default and meaning."""
    import importlib

    extension, rule_module = importlib.import_module("campaignsim.model.extension"), importlib.import_module("campaignsim.lint.rule")
    cls = getattr(extension, name, None) or getattr(rule_module, name)
    hints = typing.get_type_hints(cls)
    lines = ["| Field | Type | Default | Meaning |", "|---|---|---|---|"]
    for f in attrs.fields(cls):
        doc = f.metadata.get("doc") or _FIELD_DOCS.get((name, f.name), "")
        if not doc:
            raise ValueError(f"{name}.{f.name} has no documentation")
        lines.append(f"| `{f.name}` | `{_cell(_type(hints[f.name]))}` | {_cell(_default(f))} | {_cell(doc)} |")
    return "\n".join(lines) + "\n"


_FIELD_DOCS = {
    ("RuleOption", "name"): "The option's key (snake_case); settings may write it with hyphens.",
    ("RuleOption", "type"): "`int`, `float`, `bool` or `str`.",
    ("RuleOption", "default"): "What the rule uses when the user sets nothing; None: not set (the rule decides, e.g. from the platform).",
    ("RuleOption", "doc"): "What the option means, shown by `campaignsim explain` and the rule's page.",
    ("RuleOption", "ge"): "Lowest allowed value of a number (None: unbounded).",
    ("RuleOption", "le"): "Highest allowed value of a number (None: unbounded).",
    ("RuleOption", "choices"): "The only values a `str` option may take (None: any).",
    ("Enforcement", "weight"): "Multiplies the hazard while the rule is broken; 1 is the platform's typical enforcement (0 to 100).",
    ("Enforcement", "source"): "Where the weight comes from, with its mark (`[V]`, `[S]`, `[S-]`), or `\"[U]\"` for an assumption; required.",
    ("Enforcement", "kind"): "`takedown` (× the platform's `takedown_hazard_per_day` and `enforcement_level`) or `backlash` (× `backlash_hazard_per_day`).",
    ("Enforcement", "family"): "Rules of one family (kebab-case, such as every form of induced sharing) count once, with the largest weight among those broken; None: the rule is its own family.",
}


def verification_levels() -> str:
    from campaignsim.lint.rule import VERIFIED

    return "\n".join(f"- `{key}`: {meaning}" for key, meaning in VERIFIED.items()) + "\n"


def limits() -> str:
    from campaignsim.lint.guard import MAX_FINDINGS_PER_RULE, RULE_TIME_LIMIT

    return (f"- time: {RULE_TIME_LIMIT:g} seconds per rule and scenario (the environment variable `CAMPAIGNSIM_RULE_TIME_LIMIT` "
            "changes it; enforced with `SIGALRM` on Linux and macOS when the linter runs in the main thread);\n"
            f"- findings: {MAX_FINDINGS_PER_RULE} per rule and scenario, then one finding saying how many more there were.\n")


GENERATORS = {"hooks": hooks, "fields": fields, "verification-levels": verification_levels, "limits": limits}


def refresh(text: str) -> str:
    """``text`` with every generated block regenerated."""
    def replace(match):
        name, arg = match.group(2), match.group(3)
        generate = GENERATORS[name]
        return match.group(1) + (generate(arg) if arg else generate()) + match.group(5)

    return BLOCK.sub(replace, text)


def main(argv: list[str]) -> int:
    for path in argv or ["docs/plugins.md"]:
        page = Path(path)
        text = page.read_text(encoding="utf-8")
        new = refresh(text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            print(f"{path}: regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
