"""Booking a collection in a real browser: the demo seller books parcels at a station from the
menu, sees them on the booking's page and opens every label to print, on a 360 px phone in
both languages."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_market import by_id, click, ensure_language, fill, html_lang, log_in, log_out, nav_click


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
def test_a_seller_books_a_collection_and_prints_its_labels(browser, language):
    browser.phone()
    log_in(browser, "seller")
    ensure_language(browser, language)
    nav_click(browser, "/bookings")
    assert html_lang(browser) == language
    assert browser.scroll_width() <= 360
    browser.screenshot(f"bookings-{language}-360")

    stations = [o.get_attribute("value") for o in by_id(browser, "node").find_elements(By.TAG_NAME, "option")]
    station = next(value for value in stations if value.startswith("STA-"))
    Select(by_id(browser, "node")).select_by_value(station)
    Select(by_id(browser, "carrier")).select_by_value("ems")
    fill(browser, "count", "2")
    fill(browser, "weight", "2.5")
    fill(browser, "contents", "桃子" if language == "zh-Hans" else "peaches")
    click(browser, "book")
    assert "done=1" in browser.driver.current_url, browser.driver.find_element(By.TAG_NAME, "main").text
    assert browser.driver.find_element(By.CSS_SELECTOR, ".notice").is_displayed()
    parcels = browser.driver.find_elements(By.CSS_SELECTOR, "#booked-parcels li")
    assert len(parcels) == 2
    assert all(row.find_element(By.CSS_SELECTOR, ".t").text.startswith("JS") for row in parcels)
    assert browser.scroll_width() <= 360
    browser.screenshot(f"booking-{language}-360")

    click(browser, "print-all")
    labels = browser.driver.find_elements(By.CSS_SELECTOR, "div.label")
    assert len(labels) == 2
    assert browser.driver.find_element(By.ID, "print").is_displayed(), "the print script runs under the page's policy"
    assert browser.scroll_width() <= 360
    browser.screenshot(f"booking-labels-{language}-360")
    ensure_language(browser, "zh-Hans")
    log_out(browser)
