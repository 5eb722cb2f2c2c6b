"""The county network in a real browser: a dispatcher reaches it from the menu, adds a grocery
pickup point and finds it in the list, on a 360 px phone in both languages."""

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_market import by_id, click, ensure_language, fill, html_lang, log_in, log_out, nav_click


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
