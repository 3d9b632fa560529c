"""`sanaq show` page opened in headless Chromium: every record is rendered and labelled.

Needs Debian's chromium and chromium-driver (.ci/run installs them); skipped
where they are missing so a laptop without a browser can still run the suite.
"""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "extractor" / "samples" / "kk-trade-kz-kg.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="chromium and chromedriver not installed")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={tmp_path_factory.mktemp('chrome')}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    yield driver
    driver.quit()


def test_every_record_rendered_in_chromium(tmp_path, browser):
    import extractor
    from selenium.webdriver.common.by import By

    out = tmp_path / "sample.html"
    cmd = [sys.executable, "-m", "extractor", "show", str(SAMPLE), "--date", "2024-11-22", "--html", str(out)]
    subprocess.run(cmd, check=True, capture_output=True)
    doc = extractor.extract(SAMPLE.read_text(encoding="utf-8"), date="2024-11-22")
    browser.get(out.as_uri())
    assert browser.title == str(SAMPLE)
    for r in doc.records:
        pieces = browser.find_elements(By.CSS_SELECTOR, f'span.seg[data-ids~="{r.id}"]')
        assert pieces, f"record {r.id} ({r.kind} {r.text!r}) not rendered"
        shown = "".join(p.get_attribute("textContent") for p in pieces)
        assert shown == r.text                      # the highlighted pieces spell the record exactly
        assert pieces[0].is_displayed()
        label = browser.find_element(By.CSS_SELECTOR, f'span.label[data-for="{r.id}"]')
        assert label.text == r.kind
        assert r.id in pieces[0].get_attribute("title")   # hover text names the record and its values
    money = browser.find_element(By.CSS_SELECTOR, 'span.seg.k-money')
    assert "USD" in money.get_attribute("title")
