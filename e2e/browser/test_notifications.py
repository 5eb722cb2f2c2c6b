"""The notifications page in a real browser: a signed-in villager reaches it from the menu on a
360 px phone, in both languages (the demo county has no parcel for their number yet, so it says
so; the notices themselves are checked by the Swift tests)."""

import pytest
from selenium.webdriver.common.by import By

from test_market import ensure_language, html_lang, log_in, log_out, nav_click

EMPTY = {"zh-Hans": "暂时没有通知", "en": "Nothing yet"}


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
def test_a_villager_opens_their_notifications_from_the_menu(browser, language):
    browser.phone()
    log_in(browser, "buyer")
    own_language = html_lang(browser)  # the account's own, put back at the end for later tests
    ensure_language(browser, language)
    nav_click(browser, "/notifications")
    assert html_lang(browser) == language
    assert browser.driver.find_element(By.TAG_NAME, "h1").text in ("通知", "Notifications")
    assert EMPTY[language] in browser.driver.find_element(By.ID, "no-notifications").text
    assert browser.scroll_width() <= 360
    browser.screenshot(f"notifications-{language}-360")
    ensure_language(browser, own_language)
    log_out(browser)
