"""The county network in a real browser: a dispatcher reaches it from the menu, adds a grocery
pickup point and finds it in the list, on a 360 px phone in both languages."""

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

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
    done = browser.driver.find_elements(By.CSS_SELECTOR, "[id^=done-]")
    assert done, "a loaded run offers each stop's done button"
    click(browser, done[0].get_attribute("id"))
    alerts = [a.text for a in browser.driver.find_elements(By.CSS_SELECTOR, ".alert")]
    assert "done=1" in browser.driver.current_url, f"{browser.driver.current_url} {alerts}"
    assert browser.driver.find_element(By.CSS_SELECTOR, ".notice").is_displayed()
    assert "已完成" in browser.driver.find_element(By.CSS_SELECTOR, "li.stop .tag").text
    browser.screenshot("courier-stop-done-zh-Hans-360")
    log_out(browser)
