"""Reports of a hostile article, loaded in headless Chromium: markup shows as text, no script runs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from research_utils.report.registry import stems
from research_utils.report.render import tables_script

NOTEBOOKS = stems()

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

if not CHROMIUM and not os.environ.get("CI"):
    pytest.skip(
        "Chromium is not installed (apt-get install chromium); make test installs it as root",
        allow_module_level=True,
    )

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "CI must have Chromium: make test installs it (apt-get, as root)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _pages(folder: Path) -> list[Path]:
    return [folder / "index.html"] + [
        folder / f"{s}{kind}" for s in NOTEBOOKS for kind in (".html", ".reader.html")
    ]


def test_hostile_markup_is_text_and_never_runs(hostile_report: Path, browser) -> None:
    dialogs: list[str] = []
    for page_path in _pages(hostile_report):
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(page_path.as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", page_path.name
        assert page.title() != "pwned"
        assert dialogs == []
        assert page.evaluate("document.querySelectorAll('iframe').length") == 0, page_path.name
        scripts = page.evaluate("Array.from(document.scripts).map(s => s.textContent)")
        if page_path.name == "index.html":
            assert scripts == [], "the index page runs no script"
        else:  # exactly one script, the package's own table script, admitted by its hash
            js, digest = tables_script()
            assert scripts == [js], page_path.name
            csp = page.evaluate(
                "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content"
            )
            assert (
                f"script-src 'sha256-{digest}'" in csp
                and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
            )
        assert page.evaluate("document.body.offsetHeight") > 100, (
            f"{page_path.name} body hidden by article CSS"
        )
        if page_path.name != "index.html":
            text = page.evaluate("document.body.innerText")
            assert "<script>" in text or "window.__pwned" in text, (
                f"{page_path.name}: markup not shown as text"
            )
        page.close()


def test_bundled_report_renders(bundled_report: Path, browser, tmp_path: Path) -> None:
    for page_path in _pages(bundled_report):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(page_path.as_uri())
        assert page.evaluate("document.images.length") >= (0 if page_path.name == "index.html" else 1)
        broken = page.evaluate(
            "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).length"
        )
        assert broken == 0, page_path.name
        page.screenshot(path=str(tmp_path / f"{page_path.stem}.png"))
        page.close()


def test_tables_can_be_searched_and_sorted(bundled_report: Path, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((bundled_report / "01_text_statistics.reader.html").as_uri())
    tools = page.locator(".rr-table-tools")
    assert tools.count() >= 5
    # the structure table (38 rows, folded: open it first): search it for a line that was set aside
    block = page.locator(".rr-block").filter(has=page.locator("table", has_text="Back to top button")).first
    block.locator("summary").click()
    table = block.locator("table")
    rows = table.locator("tbody tr")
    total = rows.count()
    box = block.locator(".rr-table-tools input")
    box.fill("back to top")
    visible = page.evaluate(
        "Array.from(document.querySelectorAll('table')).filter(t => t.textContent.includes('Back to top button'))[0]"
        ".querySelectorAll('tbody tr:not([hidden])').length"
    )
    assert 1 <= visible < total
    box.fill("")
    # sort the counts table by value: the first row after an ascending sort has the smallest value
    header = page.locator("th", has_text="words").first
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    page.close()
