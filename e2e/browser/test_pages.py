"""The Jishi web pages in a real browser: home, language switch, register, log in, log out."""

import time

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from test_market import nav_text, open_menu

DEMO_PASSWORD = "jishi-demo"
PAGES = ["/", "/register", "/login", "/phone", "/track", "/no-such-page"]


def wait_for(browser, condition, timeout=10):
    wait = WebDriverWait(browser.driver, timeout, ignored_exceptions=[StaleElementReferenceException])
    return wait.until(condition)


def html_lang(browser):
    return browser.driver.execute_script("return document.documentElement.lang")


def heading(browser):
    return browser.driver.find_element(By.TAG_NAME, "h1").text


def switch_language(browser):
    before = html_lang(browser)
    browser.driver.find_element(By.CSS_SELECTOR, "form.lang button").click()
    wait_for(browser, lambda d: d.execute_script("return document.documentElement.lang") != before)


def fill(browser, field, value):
    element = browser.driver.find_element(By.ID, field)
    element.clear()
    element.send_keys(value)


def submit(browser, form_id):
    browser.driver.find_element(By.CSS_SELECTOR, f"#{form_id} button[type=submit]").click()


def test_home_lists_the_county_in_chinese_by_default(browser):
    browser.open("/")
    assert html_lang(browser) == "zh-Hans"
    assert heading(browser) == "大集县的乡镇与村"
    towns = browser.driver.find_elements(By.CSS_SELECTOR, "section.town")
    villages = browser.driver.find_elements(By.CSS_SELECTOR, ".villages li")
    assert len(towns) == 4
    assert len(villages) == 31
    assert "丁庄村" in browser.driver.page_source
    browser.screenshot("home-zh-desktop")
    browser.phone()
    browser.open("/")
    browser.screenshot("home-zh-360")


def test_language_switch_changes_the_page_and_persists(browser):
    browser.open("/")
    switch_language(browser)
    assert html_lang(browser) == "en"
    assert heading(browser) == "Towns and villages of Daji County"
    assert "Dingzhuang" in browser.driver.page_source
    browser.screenshot("home-en-desktop")

    browser.driver.refresh()
    assert html_lang(browser) == "en", "the choice survives a reload"
    browser.open("/login")
    assert heading(browser) == "Log in"
    browser.phone()
    browser.open("/")
    browser.screenshot("home-en-360")

    # Switching on a form page comes back to that page.
    browser.open("/register")
    switch_language(browser)
    assert browser.driver.current_url.endswith("/register")
    assert heading(browser) == "注册"


def test_register_log_out_log_in_log_out(browser):
    username = f"web{int(time.time() * 1000) % 10_000_000}"
    browser.phone()
    browser.open("/register")
    assert heading(browser) == "注册"
    browser.screenshot("register-zh-360")

    # A mistake comes back explained, with what was typed kept.
    fill(browser, "username", "x!y")
    fill(browser, "displayName", "桃园 李春生")
    fill(browser, "password", "short")
    submit(browser, "register-form")
    wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".alert")))
    assert "用户名只能用英文字母" in browser.driver.page_source
    assert browser.driver.find_element(By.ID, "displayName").get_attribute("value") == "桃园 李春生"
    assert browser.driver.find_element(By.ID, "password").get_attribute("value") == ""
    browser.screenshot("register-errors-zh-360")

    fill(browser, "username", username)
    fill(browser, "password", "peach-blossom-2026")
    browser.driver.find_element(By.ID, "role-seller").click()
    submit(browser, "register-form")
    wait_for(browser, EC.presence_of_element_located((By.ID, "log-out")))
    assert "桃园 李春生，您好" in nav_text(browser)
    session = browser.driver.get_cookie("jishi_session")
    assert session and session["httpOnly"] and session["sameSite"] == "Lax"
    browser.screenshot("home-signed-in-zh-360")

    open_menu(browser)
    browser.driver.find_element(By.ID, "log-out").click()
    wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "nav a[href='/login']")))
    assert browser.driver.get_cookie("jishi_session") is None

    browser.driver.find_element(By.CSS_SELECTOR, "nav a[href='/login']").click()
    wait_for(browser, EC.presence_of_element_located((By.ID, "log-in-form")))
    fill(browser, "username", username)
    fill(browser, "password", "wrong-password")
    submit(browser, "log-in-form")
    wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".alert")))
    assert "用户名或密码不对" in browser.driver.page_source
    browser.screenshot("log-in-error-zh-360")

    fill(browser, "password", "peach-blossom-2026")
    submit(browser, "log-in-form")
    wait_for(browser, EC.presence_of_element_located((By.ID, "log-out")))
    assert "桃园 李春生" in nav_text(browser)

    open_menu(browser)
    browser.driver.find_element(By.ID, "log-out").click()
    wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "nav a[href='/register']")))


def test_demo_login_in_english_on_a_desktop(browser):
    browser.open("/login")
    switch_language(browser)
    browser.screenshot("log-in-en-desktop")
    fill(browser, "username", "seller")
    fill(browser, "password", DEMO_PASSWORD)
    submit(browser, "log-in-form")
    wait_for(browser, EC.presence_of_element_located((By.ID, "log-out")))
    # The language the visitor chose wins over the account's own (Chinese) until they switch.
    assert html_lang(browser) == "en"
    assert "丁庄 王秀英" in nav_text(browser)
    browser.screenshot("home-signed-in-en-desktop")
    open_menu(browser)
    browser.driver.find_element(By.ID, "log-out").click()
    wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "nav a[href='/login']")))


def test_a_form_without_its_csrf_token_is_refused(browser):
    browser.open("/login")
    browser.driver.execute_script("document.querySelector('#log-in-form input[name=csrf]').value = 'forged'")
    fill(browser, "username", "seller")
    fill(browser, "password", DEMO_PASSWORD)
    submit(browser, "log-in-form")
    wait_for(browser, EC.presence_of_element_located((By.ID, "problem")))
    assert "表单已过期" in browser.driver.find_element(By.ID, "problem").text
    assert browser.driver.get_cookie("jishi_session") is None
    browser.screenshot("error-csrf-zh-desktop")


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_no_horizontal_overflow_on_a_360px_phone(browser, path, language):
    if language == "en":
        browser.open("/")
        switch_language(browser)
    browser.phone()
    browser.open(path)
    assert browser.viewport_width() == 360
    weight = browser.driver.execute_script(
        "return performance.getEntriesByType('navigation')[0].decodedBodySize")
    assert 0 < weight < 60_000, f"{path} ({language}) weighs {weight} bytes"
    assert browser.scroll_width() <= 360, f"{path} ({language}) is {browser.scroll_width()} px wide"
    # Tap targets: every button and text field is at least 44 px tall.
    for element in browser.driver.find_elements(By.CSS_SELECTOR, "button, input[type=text], input[type=password]"):
        assert element.size["height"] >= 44, f"{path}: a control is {element.size['height']} px tall"
    name = "home" if path == "/" else path.strip("/")
    browser.screenshot(f"{name}-{language}-360-check")
