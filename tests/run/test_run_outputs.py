"""What run shows: 80-column terminal tables, suggestions, warnings in every output, escaping of
every scenario string in Markdown and HTML, charts with $ and CJK names."""

from __future__ import annotations

import io
import json
import re
import warnings

import pytest
from rich.cells import cell_len
from rich.console import Console

from campaignsim.plugin.manager import get_registry
from campaignsim.report import charts
from campaignsim.report.html import render_html
from campaignsim.report.markdown import md_escape, render_markdown
from campaignsim.report.run_text import render, sparkline
from campaignsim.runner import run_scenarios


@pytest.fixture(scope="module")
def registry():
    return get_registry()


@pytest.fixture(scope="module")
def wechat_run(project_root, registry):
    return run_scenarios([project_root / "scenarios" / "wechat_lucky_draw_variants.toml"], registry, runs=30, seed=0)


def terminal(result, width=80) -> str:
    buffer = io.StringIO()
    render(result, Console(file=buffer, width=width, color_system=None, legacy_windows=False))
    return buffer.getvalue()


def _table_numbers(text: str) -> list[str]:
    return re.findall(r"\d[\d,.]*k?", text)


@pytest.mark.parametrize("width", [80, 100])
def test_terminal_report_fits_the_width_without_cutting_a_number(wechat_run, width):
    text = terminal(wechat_run, width)
    too_wide = [line for line in text.splitlines() if cell_len(line) > width]
    assert not too_wide, too_wide[:3]
    assert "…" not in text
    # every figure of the launch and outcome rows is printed whole, e.g. the entrants if live of each variant
    for st in wechat_run.standings:
        mean = st.entrants_if_live["mean"]
        whole, short = f"{round(mean):,}", f"{round(mean) / 1000:.1f}k"
        assert whole in text or short in text, (whole, short)


def test_many_variants_spill_into_a_second_table_rather_than_being_cut(project_root, registry):
    files = [project_root / "scenarios" / name for name in
             ("wechat_lucky_draw_variants.toml", "wechat_share_to_enter.toml", "wechat_lucky_draw_variants.toml")]
    result = run_scenarios(files, registry, runs=5, seed=0)
    text = terminal(result, 80)
    assert not [line for line in text.splitlines() if cell_len(line) > 80]
    assert "…" not in text
    assert "Simulation (2/" in text


def test_a_long_finding_wraps_under_its_message_not_under_its_code(wechat_run):
    """In the lint box, a finding's message and suggestion wrap in a column of their own: the lines
    after a finding's first are indented past its code and severity."""
    text = terminal(wechat_run, 80)
    lines = [line.strip("│").rstrip() for line in text.splitlines()]
    first = next(i for i, line in enumerate(lines) if line.lstrip().startswith("WX001 error"))
    message_at = lines[first].index("step")
    following = lines[first + 1:first + 4]
    assert all(line[:message_at].strip() == "" and line[message_at:message_at + 1].strip() for line in following), following
    assert any(line[message_at:].startswith("suggestion:") for line in lines[first + 1:first + 8])


def test_terminal_shows_suggestions_warnings_assumptions_and_the_recommendation_last(wechat_run):
    text = terminal(wechat_run, 120)
    assert "suggestion: Ask entrants to comment on the article instead" in text
    assert "takedown hazard" in text and "[U]" in text
    last = text.rstrip().splitlines()
    top = max(i for i, line in enumerate(last) if line.startswith("╭─ Recommendation"))
    assert last[-1].startswith("╰") and all(line.startswith("│") for line in last[top + 1:-1]), "the recommendation closes the report"
    assert "Recommended: comment to enter" in text
    assert "launchable" in text and "no:" in text


def test_each_sparkline_row_is_scaled_to_its_own_total():
    small = [0, 1, 2, 3]
    line = sparkline(small, 10, top=max(small))
    assert line.strip() and line[-1] == "█"


def test_small_variants_are_not_blank_beside_large_ones(wechat_run):
    text = terminal(wechat_run, 120)
    row = next(line for line in text.splitlines() if line.strip().startswith("collect 38 likes") and "█" in line)
    assert "█" in row


# ------------------------------------------------------------------------------ simulator warnings
ZAR = """
[[prize.items]]
name = "Voucher"
value = 500
currency = "ZAR"
quantity = 5
"""


@pytest.fixture(scope="module")
def zar_run(project_root, registry, tmp_path_factory):
    text = (project_root / "scenarios" / "wechat_comment_to_enter.toml").read_text(encoding="utf-8")
    text = text.replace("comments_enabled = false          # no 留言 (comment) permission on this account yet", "comments_enabled = true")
    text = text.replace("[fulfilment]", ZAR.strip() + "\n\n[fulfilment]", 1)
    path = tmp_path_factory.mktemp("zar") / "zar.toml"
    path.write_text(text, encoding="utf-8")
    return run_scenarios([path], registry, runs=5, seed=0)


def test_simulator_warnings_reach_every_output(zar_run):
    message = "no exchange rate for ZAR: its value is taken as USD"
    assert message in terminal(zar_run, 120)
    doc = zar_run.to_json_dict()
    assert {"variant": "base", "message": message} in doc["warnings"]
    assert message in render_html(zar_run)
    assert md_escape(message) in render_markdown(zar_run, {})


# --------------------------------------------------------------------------------- escaping
PAYLOAD = "x\n# Owned <script>alert(1)</script> [click](javascript:alert(1)) | $\\frac$ <img src=x onerror=alert(1)>"

FIELDS = {
    "campaign name": ("[campaign]\nname = {v}\n", None),
    "brand": ("[campaign]\nbrand = {v}\n", None),
    "variant name": (None, "name = {v}"),
    "prize name": ("[[prize.items]]\nname = {v}\nvalue = 10\ncurrency = \"CNY\"\nquantity = 1\n", None),
    "hashtag (finding message)": ("[content]\nhashtags = [{v}]\n", None),
}


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _hostile(project_root, tmp_path, field: str, payload: str):
    text = (project_root / "scenarios" / "wechat_comment_to_enter.toml").read_text(encoding="utf-8")
    table, variant = FIELDS[field]
    value = _toml_string(payload + (" earthquake" if "hashtag" in field else ""))
    if field == "campaign name":
        text = text.replace('name = "Spring harvest tea comment draw"', f"name = {value}")
    elif field == "brand":
        text = text.replace('brand = "Qingshan Tea"', f"brand = {value}")
    elif field == "prize name":
        text = text.replace('name = "Qingshan ceramic travel tea set"', f"name = {value}")
    elif field == "hashtag (finding message)":
        text = text.replace("[content]\n", f"[content]\nhashtags = [{value}]\n")
    text += f'\n[[variants]]\nname = {value if variant else _toml_string("plain variant")}\nplatform.comments_enabled = true\n'
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("field", list(FIELDS))
def test_markdown_and_html_escape_every_scenario_string(field, project_root, registry, tmp_path):
    path = _hostile(project_root, tmp_path, field, PAYLOAD)
    result = run_scenarios([path], registry, runs=3, seed=0)
    assert not result.lint.load_errors, result.lint.load_errors
    md = render_markdown(result, {"funnel": "r-funnel.png"})
    assert "Owned" in md, "the payload should reach the report"
    assert "<script" not in md and "<img" not in md
    assert not re.search(r"(?<!\\)\]\(javascript", md), "a link to javascript: formed"
    assert "$\\frac$" not in md  # GitHub would read it as maths
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert all("Owned" not in h or h.startswith("# x \\# Owned") for h in headings), headings
    assert not any(line.startswith("# Owned") for line in md.splitlines())
    html = render_html(result)
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html
    if field == "hashtag (finding message)":
        assert any(f.code == "GEN009" for r in result.runs for f in r.lint.findings)


def test_md_escape_keeps_text_readable_and_inert():
    assert md_escape("a\nb") == "a b"
    assert md_escape("1. first") == "1\\. first"
    assert md_escape("- item") == "\\- item"
    assert md_escape("[x](javascript:alert(1))") == "\\[x\\]\\(javascript:alert\\(1\\)\\)"
    assert md_escape("Café & tea, 12:00.") == "Café &amp; tea, 12:00."


def test_html_sources_are_links_only_for_http_urls():
    from campaignsim.report.html import _sources, safe_url

    assert safe_url("javascript:alert(1)") is None and safe_url("https://ok.example/a") == "https://ok.example/a"
    html = _sources([{"title": "<b>T</b>", "url": "javascript:alert(1)", "verified": "S", "status": "secondary source"},
                     {"title": "Rules", "url": "https://example.org/r?a=1&b=2", "verified": "V", "status": "official text seen"}])
    assert "javascript" not in html and "&lt;b&gt;T&lt;/b&gt;" in html
    assert '<a href="https://example.org/r?a=1&amp;b=2" rel="noopener noreferrer">Rules</a>' in html
    assert "[V: official text seen]" in html


def test_report_sources_are_clickable_titles_with_their_status(wechat_run):
    html = render_html(wechat_run)
    assert re.search(r'<a href="https://[^"]+" rel="noopener noreferrer">[^<]+</a> <span class="status">\[S: secondary source\]', html)
    assert "&lt;https://" not in html and "<https://" not in html
    md = render_markdown(wechat_run, {})
    assert re.search(r"\[[^\]]+\]\(https://[^)]+\) \\\[S: secondary source\\\]", md)


def test_report_opens_with_the_summary_and_defines_every_metric(wechat_run):
    md = render_markdown(wechat_run, {})
    order = [md.index(h) for h in ("## Summary", "## The campaign", "## Variants side by side", "## Findings, most severe first",
                                   "## What the figures mean")]
    assert order == sorted(order)
    assert "**Launch the “comment to enter” variant.**" in md
    for metric in ("entrants if live", "takedown risk", "draw tickets", "late prizes", "public complaints", "prizes on time",
                   "support response", "ahead in"):
        assert f"- **{metric}**:" in md
    assert "% of winners" in md
    findings = md[md.index("## Findings"):]
    severities = re.findall(r"^\| (error|warning|info) \|", findings, flags=re.M)
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


# ----------------------------------------------------------------------------------------- charts
def _named(result, names):
    for run, name in zip(result.runs, names):
        run.label = name
    return result


def test_a_dollar_sign_in_a_name_is_text_not_mathtext(project_root, registry):
    result = run_scenarios([project_root / "scenarios" / "wechat_lucky_draw_variants.toml"], registry, runs=3, seed=0)
    _named(result, ["$5 off$", "win $^$ now", "\\frac{$", "$$"])
    for make in charts.CHARTS.values():
        assert charts.png(make(result))[:4] == b"\x89PNG"
        assert charts.svg(make(result)).startswith("<svg")


def test_chinese_names_draw_without_missing_glyphs(project_root, registry):
    assert charts.cjk_font() is not None, "no CJK font: apt-get install fonts-noto-cjk (.ci/run installs it)"
    result = run_scenarios([project_root / "scenarios" / "wechat_lucky_draw_variants.toml"], registry, runs=3, seed=0)
    _named(result, ["基础方案", "留言抽奖", "填表报名", "集赞38个"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for make in charts.CHARTS.values():
            charts.png(make(result))
            charts.svg(make(result))
    glyphs = [str(w.message) for w in caught if "Glyph" in str(w.message) or "missing from font" in str(w.message)]
    assert glyphs == []
