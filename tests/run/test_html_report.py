"""The HTML report opens in a real browser offline: no console errors, no network requests, not blank."""

import shutil
from pathlib import Path

from campaignsim.report.html import write_html

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def _chromium() -> str:
    for name in CHROMIUM_CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    raise AssertionError("headless Chromium is needed for this test: apt-get install chromium (.ci/run installs it)")


def test_html_report_loads_in_headless_chromium_without_errors_or_network(reference_run, tmp_path):
    from playwright.sync_api import sync_playwright

    page_path = tmp_path / "report.html"
    write_html(reference_run, page_path)
    console_errors, requests = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=_chromium(),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: console_errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_path.as_uri(), wait_until="load")
        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot), full_page=True)
        headings = page.locator("h2").all_inner_texts()
        svg_count = page.locator("figure svg").count()
        first_text = page.locator("main > *").nth(2).inner_text()
        summary = page.locator("section.summary .rec").inner_text()
        browser.close()

    assert console_errors == []
    assert [u for u in requests if u != page_path.as_uri()] == [], "the report fetched something besides itself"
    assert first_text.startswith(summary), "the executive summary comes first, right under the title"
    assert summary == "Launch the “comment to enter” variant."
    assert headings[:3] == ["The campaign", "Variants side by side", "Against the base"]
    assert svg_count == 4  # entrants over time, funnel, entrants per run, support queue
    _assert_not_blank(shot)


def _assert_not_blank(png: Path) -> None:
    import matplotlib.image as mpimg
    import numpy as np

    pixels = mpimg.imread(png)[..., :3]
    distinct = np.unique((pixels * 255).astype(np.uint8).reshape(-1, 3), axis=0)
    assert len(distinct) > 50, f"the screenshot looks blank ({len(distinct)} distinct colours)"
    assert (pixels < 0.5).mean() > 0.005, "almost no dark pixels: no text or charts drawn"


def test_html_report_with_chinese_names_renders_them_in_chromium(project_root, tmp_path):
    from playwright.sync_api import sync_playwright

    from campaignsim.plugin.manager import get_registry
    from campaignsim.runner import run_scenarios

    text = (project_root / "scenarios" / "wechat_lucky_draw_variants.toml").read_text(encoding="utf-8")
    text = text.replace('name = "Dragon Boat Festival zongzi lucky draw"', 'name = "端午节粽子抽奖活动"')
    text = text.replace('name = "comment to enter"', 'name = "留言抽奖"')
    path = tmp_path / "zh.toml"
    path.write_text(text, encoding="utf-8")
    result = run_scenarios([path], get_registry(), runs=10, seed=0)
    page_path = tmp_path / "zh.html"
    write_html(result, page_path)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(page_path.as_uri(), wait_until="load")
        shot = tmp_path / "zh.png"
        page.screenshot(path=str(shot), full_page=True)
        h1 = page.locator("h1").inner_text()
        summary = page.locator("section.summary .rec").inner_text()
        header = page.locator("table").nth(0).locator("th").all_inner_texts()
        browser.close()
    assert h1 == "端午节粽子抽奖活动"
    assert summary == "Launch the “留言抽奖” variant."
    assert "留言抽奖" in header
    _assert_not_blank(shot)
