"""What the county government reads, in a real browser: the year's Taobao villages from the
staff tools (the demo's 丁庄村 recognised since 2013, as Village D was), another year chosen,
the printable report, and a file of other platforms' shops loaded — a bad one first, refused
with its lines named — on a 360 px phone in both languages."""

import os
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_market import by_id, click, ensure_language, html_lang, log_in, log_out, nav_click

DINGZHUANG = "371799101201"


def csv_file(text):
    handle = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8")
    handle.write(text)
    handle.close()
    return handle.name


def test_the_recognition_report_on_a_phone_in_both_languages(browser):
    browser.phone()
    log_in(browser, "official")
    for language in ["zh-Hans", "en"]:
        ensure_language(browser, language)
        nav_click(browser, "/manage")
        click(browser, "tool-recognition")
        assert html_lang(browser) == language
        assert browser.driver.find_element(By.ID, "recognition-summary").text
        village = by_id(browser, f"village-{DINGZHUANG}")
        assert village.find_elements(By.CSS_SELECTOR, ".tag-yes"), "丁庄村 is a Taobao village"
        assert browser.driver.find_elements(By.CSS_SELECTOR, "#recognition-towns li")
        assert browser.driver.find_elements(By.CSS_SELECTOR, "#recognition-counties li")
        assert "/insights/recognition/csv?year=" in by_id(browser, "recognition-csv").get_attribute("href")
        assert browser.scroll_width() <= 360
        browser.screenshot(f"recognition-{language}-360")

    # 2012: the first shops sold too little; 2013: the village's first year on the list.
    for year, recognised in [("2012", False), ("2013", True)]:
        Select(by_id(browser, "year")).select_by_value(year)
        click(browser, "show")
        village = by_id(browser, f"village-{DINGZHUANG}")
        assert bool(village.find_elements(By.CSS_SELECTOR, ".tag-yes")) == recognised, year

    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.driver.find_element(By.CSS_SELECTOR, "header.site").is_displayed()
        assert not by_id(browser, "year-form").is_displayed()
        assert by_id(browser, "recognition-villages").is_displayed()
        browser.screenshot("recognition-print")
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    ensure_language(browser, "zh-Hans")
    log_out(browser)


def test_loading_other_platforms_shops_from_the_tools(browser):
    browser.phone()
    log_in(browser, "official")
    bad = csv_file(
        "platform,shop_ref,kind,village_code,opened_on,closed_on\n"
        f"douyin,E2E-1,individual,{DINGZHUANG},2026-02-30,\n"
        "douyin,E2E-2,shop,000000000000,2026-01-01,\n")
    good = csv_file(
        "platform,shop_ref,kind,village_code,opened_on,closed_on\n"
        f"douyin,E2E-1,individual,{DINGZHUANG},2026-02-03,\n"
        f"douyin,E2E-2,enterprise,{DINGZHUANG},2026-01-01,\n")
    try:
        for language, path, refused in [("en", bad, True), ("zh-Hans", good, False)]:
            ensure_language(browser, language)
            nav_click(browser, "/manage")
            click(browser, "tool-imports")
            assert html_lang(browser) == language
            by_id(browser, "kind-shops").click()
            by_id(browser, "file").send_keys(path)
            click(browser, "load")
            if refused:
                errors = [item.text for item in browser.driver.find_elements(By.CSS_SELECTOR, "#import-errors li")]
                assert any(text.startswith("line 2, column opened_on") for text in errors), errors
                assert any(text.startswith("line 3, column kind") for text in errors), errors
                assert browser.driver.find_elements(By.CSS_SELECTOR, "p.alert")
            else:
                assert browser.driver.find_element(By.CSS_SELECTOR, "p.notice").text
            assert browser.scroll_width() <= 360
            browser.screenshot(f"imports-{language}-{'refused' if refused else 'loaded'}-360")
    finally:
        os.unlink(bad)
        os.unlink(good)
    log_out(browser)


def test_growth_charts_the_map_and_the_registry_on_a_phone(browser):
    browser.phone()
    log_in(browser, "official")
    for language in ["zh-Hans", "en"]:
        ensure_language(browser, language)
        nav_click(browser, "/manage")
        click(browser, "tool-growth")
        assert html_lang(browser) == language
        charts = browser.driver.find_elements(By.CSS_SELECTOR, "#growth-charts svg.chart")
        assert len(charts) == 4, "shops, sales, shops per household and parcels"
        assert browser.driver.find_elements(By.CSS_SELECTOR, "#growth-charts polyline.series")
        assert browser.driver.find_elements(By.CSS_SELECTOR, f"#growth-map circle#map-{DINGZHUANG}")
        assert browser.driver.find_elements(By.CSS_SELECTOR, "#growth-points li#period-2013")
        assert browser.scroll_width() <= 360
        browser.screenshot(f"growth-{language}-360")

    # One village, by month.
    Select(by_id(browser, "place")).select_by_value(DINGZHUANG)
    Select(by_id(browser, "by")).select_by_value("month")
    click(browser, "show")
    assert DINGZHUANG in by_id(browser, "growth-summary").text
    assert len(browser.driver.find_elements(By.CSS_SELECTOR, "#growth-points li")) == 24
    assert browser.scroll_width() <= 360

    nav_click(browser, "/manage")
    click(browser, "tool-registry")
    assert by_id(browser, "registry-summary").text
    snapshots = browser.driver.find_elements(By.CSS_SELECTOR, "#registry-snapshots li")
    assert len(snapshots) >= 2, "the demo's two months"
    click(browser, "take-snapshot")
    assert browser.driver.find_element(By.CSS_SELECTOR, "p.notice").text
    assert len(browser.driver.find_elements(By.CSS_SELECTOR, "#registry-snapshots li")) == len(snapshots) + 1
    # This month's snapshot against last month's: the demo market's shops opened this month.
    assert browser.driver.find_elements(By.CSS_SELECTOR, "#registry-changes li.change-opened")
    assert browser.scroll_width() <= 360
    browser.screenshot("registry-en-360")
    ensure_language(browser, "zh-Hans")
    log_out(browser)


def test_siting_the_next_stations_on_a_phone(browser):
    browser.phone()
    log_in(browser, "official")
    for language in ["en", "zh-Hans"]:
        ensure_language(browser, language)
        nav_click(browser, "/manage")
        click(browser, "tool-siting")
        assert html_lang(browser) == language
        by_id(browser, "sites").clear()
        by_id(browser, "sites").send_keys("3")
        click(browser, "site")
        chosen = browser.driver.find_elements(By.CSS_SELECTOR, "#siting-chosen li")
        assert len(chosen) == 3
        assert by_id(browser, "siting-before").text and by_id(browser, "siting-after").text
        assert by_id(browser, "siting-bound").text
        assert len(browser.driver.find_elements(By.CSS_SELECTOR, "#siting-map polygon.new-site")) == 3
        assert browser.scroll_width() <= 360
        browser.screenshot(f"siting-{language}-360")
    log_out(browser)


def test_quality_and_prices_with_the_offices_rules_on_a_phone(browser):
    browser.phone()
    log_in(browser, "official")
    for language in ["zh-Hans", "en"]:
        ensure_language(browser, language)
        nav_click(browser, "/manage")
        click(browser, "tool-quality")
        assert html_lang(browser) == language
        assert by_id(browser, "quality-form").is_displayed()
        assert by_id(browser, "rules-form").is_displayed()
        assert browser.scroll_width() <= 360
        browser.screenshot(f"quality-{language}-360")
    # A threshold out of range comes back on the page; a good one is saved.
    def fill_rule(field, value):
        by_id(browser, field).clear()
        by_id(browser, field).send_keys(value)

    fill_rule("priceDrop", "95")
    click(browser, "save-rules")
    assert browser.driver.find_element(By.CSS_SELECTOR, "p.alert").text
    fill_rule("priceDrop", "25")
    click(browser, "save-rules")
    assert browser.driver.find_element(By.CSS_SELECTOR, "p.notice").text
    assert by_id(browser, "priceDrop").get_attribute("value") == "25"
    click(browser, "detect")
    assert browser.driver.find_element(By.CSS_SELECTOR, "p.notice").text
    ensure_language(browser, "zh-Hans")
    log_out(browser)
