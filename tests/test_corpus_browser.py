"""The corpus HTML index in headless Chromium: one section per event, figures link to sentences.

Same browser set-up as tests/test_html_browser.py (`make browser` installs it).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compare.corpus import corpus
from compare.render.corpus import render
from compare.render.output import write_atomic
from tests.conftest import ROOT
from tests.test_html_browser import CHROMEDRIVER, CHROMIUM, FLAGS

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="headless Chromium not installed "
    "(run `make browser`: apt-get install chromium chromium-driver)",
)


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    here = Path.cwd()
    os.chdir(ROOT)
    try:
        result = corpus(["tests/corpus"])
    finally:
        os.chdir(here)
    with tempfile.TemporaryDirectory() as folder:
        html = Path(folder) / "events.html"
        write_atomic(str(html), render(result, "html"))
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (*FLAGS, f"--user-data-dir={Path(folder) / 'profile'}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(
            options=options, service=Service(executable_path=str(CHROMEDRIVER))
        )
        try:
            driver.get(html.as_uri())
            yield driver
        finally:
            driver.quit()


def test_one_section_per_event_alarms_first(page: Any) -> None:
    from selenium.webdriver.common.by import By

    headings = [h.text for h in page.find_elements(By.CSS_SELECTOR, "section h2")]
    assert headings == [
        "e1: Two killed in shooting outside Dayton bar",
        "e2: Man killed, two wounded in Tulsa shooting",
        "e3: Teen wounded in Fresno drive-by shooting",
    ]


def test_a_figure_link_brings_its_sentence_into_view_highlighted(page: Any) -> None:
    from selenium.webdriver.common.by import By

    link = next(a for a in page.find_elements(By.CSS_SELECTOR, "#e1 a.fig") if a.text == "Five")
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    target = page.find_element(By.CSS_SELECTOR, ".sent:target")
    assert "Five people were wounded" in target.text
    assert target.is_displayed()
    assert target.value_of_css_property("background-color") == "rgba(255, 245, 157, 1)"
