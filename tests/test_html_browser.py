"""The HTML report in a real browser: what a reader sees, not just what parses.

Headless Chromium (Debian's chromium + chromium-driver, installed by `make browser`)
opens the seed-vs-later report.  With FACTCOMPARE_SCREENSHOT=1 the test also saves
docs/report.png, the screenshot the README shows.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compare.pipeline import compare_articles, read_articles
from compare.render.html import COLOURS, TARGET_COLOUR
from compare.render.output import render, write_atomic
from tests.conftest import FIXTURES, ROOT, SEED

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1400,1000",
)  # fmt: skip

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="headless Chromium not installed "
    "(run `make browser`: apt-get install chromium chromium-driver)",
)


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, 1)"


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    later = FIXTURES / "01-seed-later-update" / "b.txt"
    report = compare_articles(read_articles([os.path.relpath(SEED), os.path.relpath(later)]))
    with tempfile.TemporaryDirectory() as folder:
        html = Path(folder) / "report.html"
        write_atomic(str(html), render(report, "html"))
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (*FLAGS, f"--user-data-dir={Path(folder) / 'profile'}"):
            options.add_argument(flag)
        # Paths given, so Selenium Manager never looks for (or downloads) a driver.
        driver = webdriver.Chrome(
            options=options, service=Service(executable_path=str(CHROMEDRIVER))
        )
        try:
            driver.get(html.as_uri())
            yield driver
        finally:
            driver.quit()


def test_table_rows_are_visible(page: Any) -> None:
    from selenium.webdriver.common.by import By

    rows = page.find_elements(By.CSS_SELECTOR, "table.rows tbody tr")
    assert len(rows) > 5
    assert rows[0].is_displayed()
    update = page.find_element(By.CSS_SELECTOR, "tr.v-row-update")
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", update)
    assert update.is_displayed()
    assert "At least 27,840" in update.text and "at least 28,663" in update.text


def test_figure_is_highlighted_in_its_verdict_colour(page: Any) -> None:
    from selenium.webdriver.common.by import By

    marks = [
        m for m in page.find_elements(By.CSS_SELECTOR, "#article-a mark.fig") if "27,840" in m.text
    ]
    assert len(marks) == 1
    mark = marks[0]
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    assert mark.is_displayed()
    assert mark.get_attribute("data-verdict") == "update"
    assert mark.value_of_css_property("background-color") == rgb(COLOURS["update"])
    assert len(page.find_elements(By.CSS_SELECTOR, "mark.fig")) == len(
        page.find_elements(By.CSS_SELECTOR, "mark.fig[data-verdict]")
    )


def test_row_link_targets_the_sentence(page: Any) -> None:
    from selenium.webdriver.common.by import By

    row = page.find_element(By.CSS_SELECTOR, "tr.v-row-update")
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    link = row.find_elements(By.CSS_SELECTOR, "td a[href^='#a-s']")[0]
    anchor = link.get_attribute("href").split("#", 1)[1]
    link.click()
    assert page.execute_script("return location.hash") == f"#{anchor}"
    sentence = page.find_element(By.ID, anchor)
    assert sentence.is_displayed() and "27,840" in sentence.text
    assert sentence.value_of_css_property("background-color") == rgb(TARGET_COLOUR)
    top, bottom, height = page.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return [r.top, r.bottom, window.innerHeight];",
        sentence,
    )
    assert top >= 0 and bottom <= height  # scrolled into view
    # The row's other side is highlighted too (inline script), in B's column.
    other = page.find_element(By.ID, row.get_attribute("data-b"))
    assert "28,663" in other.text and "hit" in other.get_attribute("class")


def test_screenshot_for_the_readme(page: Any) -> None:
    if os.environ.get("FACTCOMPARE_SCREENSHOT") != "1":
        pytest.skip("set FACTCOMPARE_SCREENSHOT=1 to rewrite docs/report.png")
    from selenium.webdriver.common.by import By

    page.execute_script("location.hash = ''; window.scrollTo(0, 0)")
    row = page.find_element(By.CSS_SELECTOR, "tr.v-row-update")
    page.set_window_size(1400, 1250)
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    row.click()  # both sentences of the update row highlighted and scrolled into their columns
    page.execute_script(  # each highlighted sentence at the top of its column, page at the top
        "document.querySelectorAll('.sent.hit').forEach(function (s) {"
        "  var box = s.closest('.text'); box.scrollTop = s.offsetTop - box.offsetTop - 8; });"
        "window.scrollTo(0, 0);"
    )
    target = ROOT / "docs" / "report.png"
    target.parent.mkdir(exist_ok=True)
    assert page.save_screenshot(str(target))
