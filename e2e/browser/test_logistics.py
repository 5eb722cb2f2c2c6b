"""The county network in a real browser: a dispatcher reaches it from the menu, adds a grocery
pickup point and finds it in the list, on a 360 px phone in both languages."""

import re
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_market import (
    by_id, click, ensure_language, fill, html_lang, log_in, log_out, nav_click)


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
def test_a_dispatcher_adds_a_pickup_point_from_the_network_page(browser, language):
    stamp = str(int(time.time() * 1000) % 10_000_000)
    browser.phone()
    log_in(browser, "dispatcher")
    ensure_language(browser, language)
    nav_click(browser, "/manage")
    click(browser, "tool-network")
    assert html_lang(browser) == language
    assert browser.scroll_width() <= 360
    browser.screenshot(f"network-{language}-360")

    fill(browser, "code", f"PUP-T{stamp}")
    Select(by_id(browser, "kind")).select_by_value("pickup_point")
    fill(browser, "name", f"小卖部 {stamp}")
    Select(by_id(browser, "villageId")).select_by_visible_text("孙庄村" if language == "zh-Hans" else "Sunzhuang")
    fill(browser, "opens", "7:00")
    fill(browser, "closes", "21:30")
    fill(browser, "shelfCapacity", "80")
    click(browser, "save-node")
    assert browser.driver.find_element(By.CSS_SELECTOR, ".notice").is_displayed()
    node = browser.driver.find_element(By.ID, f"node-PUP-T{stamp}")
    assert f"小卖部 {stamp}" in node.get_attribute("textContent")
    ensure_language(browser, "zh-Hans")
    log_out(browser)


def test_a_dispatcher_plans_and_publishes_the_day_and_the_courier_drives_it(browser):
    """The demo's day: planned and published from /dispatch (zh-Hans), read in English, then
    the demo courier loads the van and finishes the first stop from /courier, all at 360 px."""
    browser.phone()
    log_in(browser, "dispatcher")
    ensure_language(browser, "zh-Hans")
    nav_click(browser, "/manage")
    click(browser, "tool-dispatch")
    assert html_lang(browser) == "zh-Hans"
    if browser.driver.find_elements(By.ID, "plan-day"):
        Select(by_id(browser, "timeLimit")).select_by_value("2")
        click(browser, "plan-day")
        # The search runs in the background; the page shows its progress and looks again
        # each second until the plan is there.
        WebDriverWait(browser.driver, 30).until(
            lambda driver: driver.find_elements(By.CSS_SELECTOR, "svg.map"))
    assert browser.driver.find_elements(By.CSS_SELECTOR, "svg.map"), "the day's runs are drawn"
    assert browser.driver.find_element(By.ID, "plan-summary").text
    assert browser.scroll_width() <= 360
    browser.screenshot("dispatch-zh-Hans-360")
    ensure_language(browser, "en")
    assert "runs" in browser.driver.find_element(By.ID, "plan-summary").text
    assert browser.scroll_width() <= 360
    browser.screenshot("dispatch-en-360")
    if browser.driver.find_elements(By.ID, "publish"):
        click(browser, "publish")
    assert "Published" in browser.driver.find_element(By.ID, "plan-status").text
    ensure_language(browser, "zh-Hans")
    log_out(browser)

    log_in(browser, "courier")
    for language in ["en", "zh-Hans"]:
        ensure_language(browser, language)
        nav_click(browser, "/courier")
        assert html_lang(browser) == language
        assert browser.scroll_width() <= 360
        browser.screenshot(f"courier-{language}-360")
    assert not browser.driver.find_elements(By.ID, "no-runs"), "the demo courier drives VAN-1, which has a run"
    click(browser, "load")
    assert browser.driver.find_element(By.CSS_SELECTOR, ".notice").is_displayed()
    cameras = browser.driver.find_elements(By.CSS_SELECTOR, "button[data-scan]")
    assert cameras and not cameras[0].is_displayed(), "without barcode reading in the browser, no camera button"

    # A phone whose browser reads barcodes: the camera button appears, reads the label and
    # hands the parcel over. The camera and the detector are stand-ins, installed before the
    # page's own script runs; the page's script is the real one.
    stand_in = browser.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        window.BarcodeDetector = class { constructor() {}
            detect() { return Promise.resolve(window.jishiScan ? [{rawValue: window.jishiScan}] : []); } };
        Object.defineProperty(navigator, "mediaDevices", {configurable: true, value: {getUserMedia: function() {
            var canvas = document.createElement("canvas"); canvas.width = 4; canvas.height = 4;
            canvas.getContext("2d").fillRect(0, 0, 4, 4);
            return Promise.resolve(canvas.captureStream()); }}});
        """})
    try:
        browser.driver.refresh()
        camera = browser.driver.find_elements(By.CSS_SELECTOR, "button[data-scan]")[0]
        assert camera.is_displayed()
        stop = camera.find_element(By.XPATH, "./ancestor::li[contains(@class,'stop')]")
        numbers = re.findall(
            r"[A-Z0-9]{8,}", " ".join(p.text for p in stop.find_elements(By.CSS_SELECTOR, "p.meta")))
        assert numbers, stop.text
        browser.driver.execute_script("window.jishiScan = arguments[0]", numbers[0])
        click(browser, camera.get_attribute("id"))
        assert "done=1" in browser.driver.current_url, browser.driver.find_element(By.TAG_NAME, "main").text
    finally:
        browser.driver.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": stand_in["identifier"]})
    done = browser.driver.find_elements(By.CSS_SELECTOR, "[id^=done-]")
    assert done, "a loaded run offers each stop's done button"
    click(browser, done[0].get_attribute("id"))
    alerts = [a.text for a in browser.driver.find_elements(By.CSS_SELECTOR, ".alert")]
    assert "done=1" in browser.driver.current_url, f"{browser.driver.current_url} {alerts}"
    assert browser.driver.find_element(By.CSS_SELECTOR, ".notice").is_displayed()
    assert "已完成" in browser.driver.find_element(By.CSS_SELECTOR, "li.stop .tag").text
    browser.screenshot("courier-stop-done-zh-Hans-360")
    log_out(browser)
