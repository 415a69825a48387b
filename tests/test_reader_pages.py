"""Every reader page read as a researcher would, in headless Chromium at 1280 px.

The pages of an article report, a --compare report and a corpus report: nothing runs off the
page, no code leftovers (None, NaN, <NA>, Python tuples and dicts, unrounded floats, pandas
row numbers, notebook instructions), every table captioned and searchable (tables of fewer
than five rows are exempt: they are read at a glance, and still sort), and each page shorter
than 12,000 px with its method texts and long tables folded.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = pytest.mark.browser

MAX_HEIGHT = 12_000
SEARCH_ROWS = 5  # as tables.js: fewer rows are exempt from the search box (README, "Sharing")
LEFTOVER_CELLS = {"None", "nan", "NaN", "<NA>", "NaT", "null"}
LEFTOVER_TEXT = {
    "a Python tuple": r"\(\d+,\)",
    "a Python dict": r"\{'[^']+': ",
    "an unrounded float": r"\b\d+\.\d{6,}\b",
    "<NA>": r"<NA>",
    "NaN": r"\bNaN\b",
    "a notebook instruction": r"(?i)parameters\* cell below|parameters cell below",
}

INSPECT = """() => {
  const tables = Array.from(document.querySelectorAll('table'));
  // every text, folded or not, without script and style, one space between the texts of elements
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: n => n.parentElement.closest('script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const texts = [];
  while (walker.nextNode()) texts.push(walker.currentNode.textContent);
  return {
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
    text: texts.join(' '),
    cells: Array.from(document.querySelectorAll('td, th, p, li, pre, span')).map(e => e.textContent.trim()),
    indexCells: document.querySelectorAll('tbody th').length,
    tables: tables.map(t => {
      const block = t.closest('.rr-block');
      const rows = t.tBodies.length ? t.tBodies[0].rows.length : 0;
      const caption = block && (block.querySelector('.rr-caption') || block.querySelector('summary'));
      return {
        rows: rows,
        reader: t.classList.contains('rr-table'),
        caption: caption ? caption.textContent.trim() : '',
        search: !!(block && block.querySelector('.rr-table-tools input')),
        sortable: t.querySelectorAll('th.rr-sortable').length > 0,
        wider: t.getBoundingClientRect().width > document.documentElement.clientWidth,
        scrolls: !!t.closest('.rr-scroll'),
      };
    }),
  };
}"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def problems(browser, page_path: Path) -> list[str]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    seen = page.evaluate(INSPECT)
    page.close()
    name = page_path.name
    out = [f"{name}: script error {e}" for e in errors]
    if seen["width"] > 1280:
        out.append(f"{name}: the page is {seen['width']} px wide at 1280 px")
    if seen["height"] >= MAX_HEIGHT:
        out.append(f"{name}: {seen['height']:,} px high, over {MAX_HEIGHT:,}")
    if seen["indexCells"]:
        out.append(f"{name}: {seen['indexCells']} row headers (a pandas index)")
    leftover = sorted({c for c in seen["cells"] if c in LEFTOVER_CELLS})
    if leftover:
        out.append(f"{name}: cells reading {leftover}")
    for what, pattern in LEFTOVER_TEXT.items():
        found = re.search(pattern, seen["text"])
        if found:
            out.append(f"{name}: {what}: {seen['text'][max(0, found.start() - 60) : found.end() + 20]!r}")
    for i, t in enumerate(seen["tables"]):
        where = f"{name}: table {i + 1} ({t['rows']} rows, {t['caption'][:40]!r})"
        if not t["reader"] or not t["caption"]:
            out.append(f"{where}: not shown as a reader's table with a caption")
        if t["rows"] >= SEARCH_ROWS and not t["search"]:
            out.append(f"{where}: no search box")
        if t["rows"] >= 2 and not t["sortable"]:
            out.append(f"{where}: not sortable")
        if t["wider"] and not t["scrolls"]:
            out.append(f"{where}: runs off the page")
    return out


def _reader_pages(folder: Path) -> list[Path]:
    pages = sorted(folder.glob("*.reader.html"))
    assert pages, folder
    return pages


def test_article_reader_pages(bundled_report: Path, browser) -> None:
    found = [p for page in _reader_pages(bundled_report) for p in problems(browser, page)]
    assert found == []


def test_compare_reader_pages(compare_report: Path, browser) -> None:
    found = [p for page in _reader_pages(compare_report) for p in problems(browser, page)]
    assert found == []


def test_corpus_reader_page(corpus_report: Path, browser) -> None:
    found = [p for page in _reader_pages(corpus_report) for p in problems(browser, page)]
    assert found == []


def test_index_pages_fit_and_say_how_to_open_the_zip(
    bundled_report: Path, corpus_report: Path, browser
) -> None:
    for folder in (bundled_report, corpus_report):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto((folder / "index.html").as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        text = page.evaluate("document.body.innerText")
        page.close()
        assert text.index("Findings") < text.index("Tables (CSV")
        assert "extract an archive before opening its pages" in text
