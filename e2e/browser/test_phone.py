"""Signing up and in with a mobile number in a real browser: the code is read from the outbox
page by an admin in a second browser, a new number opens an account with a Chinese name, and
the number and code pages fit a 360 px phone in both languages."""

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from test_market import by_id, click, ensure_language, fill, html_lang, log_in, log_out, wait_for

# One number a language; the server allows one code a minute per number.
NUMBERS = {"zh-Hans": "139 0000 5555", "en": "+86 139 0000 6666"}
NAMES = {"zh-Hans": "王小明", "en": "李秀英"}


def code_from_outbox(admin, digits):
    """The newest code the outbox shows for `digits`, as the admin reads it."""
    admin.open(f"/admin/outbox?phone={digits}")
    first = admin.driver.find_element(By.CSS_SELECTOR, "#outbox li .items")
    found = re.search(r"\d{6}", first.text)
    assert found, first.text
    return found.group(0)


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
def test_a_villager_signs_up_with_a_phone_number_and_logs_back_in(browser, other_browser, language):
    log_in(other_browser, "admin")
    browser.phone()
    browser.open("/login")
    browser.driver.delete_all_cookies()
    browser.open("/login")
    ensure_language(browser, language)
    assert browser.scroll_width() <= 360
    browser.screenshot(f"phone-login-{language}-360")

    fill(browser, "phone", NUMBERS[language])
    click(browser, "phone-send")
    wait_for(browser, EC.presence_of_element_located((By.ID, "phone-code-form")))
    assert html_lang(browser) == language
    assert browser.scroll_width() <= 360
    browser.screenshot(f"phone-code-new-{language}-360")
    digits = re.sub(r"\D", "", NUMBERS[language])[-11:]
    code = code_from_outbox(other_browser, digits)
    assert f"{digits[:3]}****{digits[-4:]}" in other_browser.driver.page_source
    other_browser.screenshot(f"outbox-{language}")

    # A wrong code first: it is explained and the form comes back.
    fill(browser, "code", "000000" if code != "000000" else "111111")
    fill(browser, "displayName", NAMES[language])
    by_id(browser, "role-seller").click()
    click(browser, "phone-verify")
    assert by_id(browser, "code-error").is_displayed()
    fill(browser, "code", code)
    fill(browser, "displayName", NAMES[language])
    click(browser, "phone-verify")
    wait_for(browser, EC.presence_of_element_located((By.ID, "log-out")))
    assert NAMES[language] in browser.driver.page_source
    assert html_lang(browser) == language, "the visitor's language stays"
    browser.screenshot(f"phone-signed-up-{language}-360")

    # The account sells: its header offers the shops.
    assert browser.driver.find_elements(By.CSS_SELECTOR, "nav a[href='/shops']")
    log_out(browser)
