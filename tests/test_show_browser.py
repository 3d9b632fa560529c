"""The HTML view (`sanaq show`, notebooks) opened in headless Chromium.

Every record is rendered and labelled; values are written as a reader would; quotes are
visible; a legend names the colours; speakers are marked where they stand; links jump to
their record and light it up; the table never cuts a word; details open from the keyboard;
a view placed inside another page restyles nothing around it.

Needs Debian's chromium and chromium-driver (.ci/run installs them); skipped where they
are missing so a laptop without a browser can still run the suite.
"""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import extractor
from extractor.show import COLOURS, render_fragment

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
                 "--disable-dev-shm-usage", "--window-size=1200,1600",
                 f"--user-data-dir={tmp_path_factory.mktemp('chrome')}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def doc():
    return extractor.extract(SAMPLE.read_text(encoding="utf-8"), date="2024-11-22")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("show") / "sample.html"
    cmd = [sys.executable, "-m", "extractor", "show", str(SAMPLE), "--date", "2024-11-22", "--html", str(out)]
    subprocess.run(cmd, check=True, capture_output=True)
    return out.as_uri()


def css(browser, element, prop):
    return browser.execute_script("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])",
                                  element, prop)


def luminance(colour: str) -> float:
    r, g, b = (int(x) / 255 for x in re.findall(r"\d+", colour)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_every_record_rendered_in_chromium(browser, page, doc):
    from selenium.webdriver.common.by import By

    browser.get(page)
    assert browser.title == str(SAMPLE)
    for r in doc.records:
        pieces = browser.find_elements(By.CSS_SELECTOR, f'span.seg[data-ids~="{r.id}"]')
        assert pieces, f"record {r.id} ({r.kind} {r.text!r}) not rendered"
        shown = "".join(p.get_attribute("textContent") for p in pieces)
        assert shown == r.text                      # the highlighted pieces spell the record exactly
        assert pieces[0].is_displayed()
        label = browser.find_element(By.CSS_SELECTOR, f'a.label[data-for="{r.id}"]')
        assert label.text == r.kind
        assert r.id in pieces[0].get_attribute("title")   # hover text names the record and its values


def test_values_written_as_a_reader_would(browser, page, doc):
    from selenium.webdriver.common.by import By

    browser.get(page)
    money = doc.records_of("money")[0]                     # шамамен 2 млрд долларға
    title = browser.find_element(By.CSS_SELECTOR, f'span.seg[data-ids~="{money.id}"]').get_attribute("title")
    assert "≈\u00a02\u00a0млрд\u00a0USD" in title and "2000000000" not in title
    row = browser.find_element(By.CSS_SELECTOR, f'tr[data-record="{money.id}"] td.value')
    assert row.text.replace("\u00a0", " ") == "≈ 2 млрд USD"
    percent = doc.records_of("percent")[0]
    row = browser.find_element(By.CSS_SELECTOR, f'tr[data-record="{percent.id}"] td.value')
    assert row.text.replace("\u00a0", " ").startswith("4,1 %")
    assert ".0" not in browser.find_element(By.TAG_NAME, "table").text.replace("2024", "")


def test_quotes_visible_and_legend(browser, page, doc):
    from selenium.webdriver.common.by import By

    browser.get(page)
    quote = doc.records_of("quote")[0]
    only_quote = [p for p in browser.find_elements(By.CSS_SELECTOR, f'span.seg[data-ids~="{quote.id}"]')
                  if "k-quote" in p.get_attribute("class")]
    assert only_quote
    background = css(browser, only_quote[0], "background-color")
    assert (1.05) / (luminance(background) + 0.05) > 1.3          # tinted clearly, not near-white
    for p in browser.find_elements(By.CSS_SELECTOR, f'span.seg[data-ids~="{quote.id}"]'):
        assert css(browser, p, "border-bottom-style") == "solid"    # an amount inside a quote still shows it
        assert float(css(browser, p, "border-bottom-width").rstrip("px")) >= 2
    for kind in {r.kind for r in doc.records}:
        chip = browser.find_element(By.CSS_SELECTOR, f'.legend li[data-kind="{kind}"] .chip')
        seg = browser.find_element(By.CSS_SELECTOR, f"span.seg.k-{kind}")
        assert css(browser, chip, "background-color") == css(browser, seg, "background-color")
        count = browser.find_element(By.CSS_SELECTOR, f'.legend li[data-kind="{kind}"]').text
        assert count.endswith(str(len(doc.records_of(kind))))


def test_speakers_marked_where_they_stand(browser, page, doc):
    from selenium.webdriver.common.by import By

    browser.get(page)
    quotes = [q for q in doc.records_of("quote") if q.speaker_start is not None]
    assert len(quotes) >= 3
    for q in quotes:
        pieces = browser.find_elements(By.CSS_SELECTOR, f'span.speaker[data-speaker-of~="{q.id}"]')
        assert "".join(p.get_attribute("textContent") for p in pieces) == q.speaker_text
        assert int(css(browser, pieces[0], "font-weight")) >= 600


def test_links_jump_and_light_up_their_record(browser, page, doc):
    from selenium.webdriver.common.by import By

    browser.get(page)
    amount = next(r for r in doc.records if getattr(r, "period_id", None))
    link = browser.find_element(By.CSS_SELECTOR, f'tr[data-record="{amount.id}"] a[data-link="{amount.period_id}"]')
    target = browser.find_elements(By.CSS_SELECTOR, f'span.seg[data-ids~="{amount.period_id}"]')
    assert css(browser, target[0], "outline-style") == "none"
    link.click()
    assert browser.current_url.endswith(f"#sanaq-{amount.period_id}")
    for piece in target:
        assert css(browser, piece, "outline-style") == "solid"
    # and from the text to the table: the label opens the record's row
    browser.find_element(By.CSS_SELECTOR, f'a.label[data-for="{amount.id}"]').click()
    assert browser.current_url.endswith(f"#sanaq-row-{amount.id}")
    row = browser.find_element(By.CSS_SELECTOR, f'tr[data-record="{amount.id}"]')
    assert css(browser, row, "outline-style") == "solid"


def test_table_never_cuts_a_word(browser, page, doc):
    from selenium.webdriver.common.by import By

    browser.get(page)
    long_ones = 0
    for r in doc.records:
        cell = browser.find_element(By.CSS_SELECTOR, f'tr[data-record="{r.id}"] td:nth-child(3)')
        shown, full = cell.get_attribute("textContent"), " ".join(r.text.split())
        if shown.endswith("…"):
            long_ones += 1
            kept = shown[:-1]
            assert full.startswith(kept) and full[len(kept)] in " ,;:", (shown, full)
            assert cell.get_attribute("title") == r.text
        else:
            assert shown == full
    assert long_ones >= 1


def test_details_open_from_the_keyboard(browser, page, doc):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(page)
    first = doc.records[0]
    tip = browser.find_element(By.ID, f"sanaq-tip-{first.id}")
    assert not tip.is_displayed()
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)     # Tab reaches the labels
    active = browser.switch_to.active_element
    assert active.get_attribute("class") == "label"
    shown = browser.find_element(By.ID, active.get_attribute("aria-describedby"))
    assert shown.is_displayed() and shown.text.startswith(active.get_attribute("data-for") + " ·")
    for r in doc.records:                                   # every label is reachable by Tab (a link)
        label = browser.find_element(By.CSS_SELECTOR, f'a.label[data-for="{r.id}"]')
        assert label.get_attribute("href").endswith(f"#sanaq-row-{r.id}")


def test_a_view_restyles_nothing_around_it(browser, tmp_path, doc):
    from selenium.webdriver.common.by import By

    host = ('<!doctype html><html><head><meta charset="utf-8"><style>body { font: 13px serif; }</style></head>'
            '<body><p id="before">before</p><table id="outside"><tr><td id="cell">x</td></tr></table>'
            f"{render_fragment(doc)}{render_fragment(doc)}</body></html>")
    path = tmp_path / "host.html"
    path.write_text(host, encoding="utf-8")
    browser.get(path.as_uri())
    cell = browser.find_element(By.ID, "cell")
    assert css(browser, cell, "border-top-style") == "none"
    assert css(browser, browser.find_element(By.ID, "before"), "font-size") == "13px"
    views = browser.find_elements(By.CSS_SELECTOR, "div.sanaq-view")
    assert len(views) == 2 and views[0].get_attribute("id") != views[1].get_attribute("id")
    seg = views[1].find_element(By.CSS_SELECTOR, "span.seg.k-money")
    assert css(browser, seg, "background-color") == "rgb(255, 213, 79)"      # COLOURS["money"]
    assert COLOURS["money"] == "#ffd54f"
