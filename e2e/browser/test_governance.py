"""The staff pages in a real browser, on a 360 px phone in both languages: an official hides a
reported review and suspends a shop (and undoes both, in the other language); an admin grants
the station agent a town and takes it back; an admin reaches a seller's dashboard only through
the admin view. Every test leaves the demo data as it found it.
"""

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_engage import GARLIC, delivered_order_path, open_product
from test_market import (by_id, open_menu, check_pages_on_a_phone, click, ensure_language, fill, html_lang, log_in, log_out,
                         mark_page, wait_for_next_page)

FURNITURE_SHOP = "桐木村实木家具"


def notice(browser):
    return browser.driver.find_element(By.CSS_SELECTOR, ".notice").text


def follow(browser, element):
    mark_page(browser)
    element.click()
    wait_for_next_page(browser)


def open_manage(browser):
    """The hub, reached from the header's one staff link."""
    open_menu(browser)
    follow(browser, browser.driver.find_element(By.CSS_SELECTOR, "nav.nav a[href='/manage']"))


def garlic_review_key(browser):
    """The garlic review's id on its product page; the demo buyer writes it when no one has."""
    log_in(browser, "buyer")
    open_product(browser, GARLIC)
    reviews = browser.driver.find_elements(By.CSS_SELECTOR, "#review-list li.review")
    if not reviews:
        browser.open(delivered_order_path(browser))
        click(browser, browser.driver.find_element(By.CSS_SELECTOR, "a[id^='review-']").get_attribute("id"))
        for field in ("described", "service", "shipping"):
            Select(by_id(browser, field)).select_by_value("2")
        fill(browser, "text", "加微信买便宜货 " + str(int(time.time())))
        click(browser, "send-review")
        open_product(browser, GARLIC)
        reviews = browser.driver.find_elements(By.CSS_SELECTOR, "#review-list li.review")
    key = reviews[0].get_attribute("id").removeprefix("review-")
    log_out(browser)
    return key


def report(browser, key):
    """The station agent reports the review from the product page."""
    log_in(browser, "agent")
    open_product(browser, GARLIC)
    review = by_id(browser, "review-" + key)
    review.find_element(By.TAG_NAME, "summary").click()
    fill(browser, "report-reason-" + key, "广告 ad")
    click(browser, "report-" + key)
    log_out(browser)


def test_an_official_hides_a_review_and_suspends_a_shop_from_the_pages(browser):
    key = garlic_review_key(browser)
    report(browser, key)

    log_in(browser, "official")
    own_language = html_lang(browser)
    try:
        ensure_language(browser, "zh-Hans")
        browser.phone()
        open_manage(browser)
        browser.screenshot("manage-official-zh-Hans-360")
        click(browser, "tool-reviews")
        row = by_id(browser, "review-" + key)
        assert "被举报" in row.text and "广告 ad" in row.text
        # No reason: the form says so and the review stays.
        click(browser, "hide-" + key)
        assert by_id(browser, f"reason-{key}-error").is_displayed()
        fill(browser, "reason-" + key, "广告，违反评价规则")
        browser.screenshot("reported-reviews-zh-Hans-360")
        click(browser, "hide-" + key)
        assert notice(browser) == "评价已隐藏。"
        assert not browser.driver.find_elements(By.ID, "review-" + key)
        open_product(browser, GARLIC)
        assert not browser.driver.find_elements(By.ID, "review-" + key), "a hidden review leaves the product page"

        # A shop: its quality, then suspended with a reason.
        open_manage(browser)
        click(browser, "tool-shops")
        follow(browser, browser.driver.find_element(By.PARTIAL_LINK_TEXT, FURNITURE_SHOP))
        assert by_id(browser, "shop-quality").is_displayed()
        click(browser, "suspend")
        assert by_id(browser, "reason-error").is_displayed()
        fill(browser, "reason", "以次充好，待核实")
        click(browser, "suspend")
        assert notice(browser) == "店铺已暂停。"
        assert by_id(browser, "shop-status").text == "已暂停"
        assert "以次充好" in by_id(browser, "status-reason").text
        browser.screenshot("moderated-shop-zh-Hans-360")
        assert browser.scroll_width() <= 360

        # In English: the shop reopened and the review restored.
        ensure_language(browser, "en")
        fill(browser, "reason", "Checked: the wood is real")
        click(browser, "reinstate")
        assert notice(browser) == "The shop is open again."
        assert by_id(browser, "shop-status").text == "Open"
        browser.screenshot("moderated-shop-en-360")
        browser.open("/manage/reviews?show=hidden")
        fill(browser, "reason-" + key, "Reported by mistake")
        browser.screenshot("hidden-reviews-en-360")
        click(browser, "restore-" + key)
        assert notice(browser) == "The review shows again."
        open_product(browser, GARLIC)
        assert browser.driver.find_elements(By.ID, "review-" + key)
    finally:
        browser.desktop()
        ensure_language(browser, own_language)
        log_out(browser)


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
def test_an_admin_grants_an_agent_a_scope_from_the_pages(browser, language):
    log_in(browser, "admin")
    own_language = html_lang(browser)
    try:
        ensure_language(browser, language)
        browser.phone()
        open_manage(browser)
        click(browser, "tool-accounts")
        fill(browser, "q", "agent")
        mark_page(browser)
        browser.driver.find_element(By.CSS_SELECTOR, "#account-search button").click()
        wait_for_next_page(browser)
        click(browser, "account-agent")
        granted = {row.get_attribute("id") for row in browser.driver.find_elements(By.CSS_SELECTOR, "#grant-list li")}

        # Without a role the form says so and grants nothing.
        click(browser, "grant")
        assert by_id(browser, "role-error").is_displayed()
        towns = [option for option in Select(by_id(browser, "scope")).options
                 if option.get_attribute("value").startswith("town:")]
        town = next(option for option in towns[::-1]
                    if f"grant-agent-{option.get_attribute('value').replace(':', '-')}" not in granted)
        value, name = town.get_attribute("value"), town.text
        Select(by_id(browser, "role")).select_by_value("agent")
        Select(by_id(browser, "scope")).select_by_value(value)
        browser.screenshot(f"account-grant-{language}-360")
        click(browser, "grant")
        assert notice(browser) == ("角色已授予。" if language == "zh-Hans" else "The role is granted.")
        row = by_id(browser, "grant-agent-" + value.replace(":", "-"))
        assert name in row.text
        assert browser.scroll_width() <= 360

        # Taken back, so the demo agent keeps the one town it had.
        click(browser, "revoke-grant-agent-" + value.replace(":", "-"))
        assert notice(browser) == ("角色已收回。" if language == "zh-Hans" else "The role is taken back.")
        assert not browser.driver.find_elements(By.ID, "grant-agent-" + value.replace(":", "-"))
    finally:
        browser.desktop()
        ensure_language(browser, own_language)
        log_out(browser)


def test_an_admin_reaches_a_sellers_dashboard_only_through_the_admin_view(browser):
    log_in(browser, "seller")
    browser.open("/shops")
    link = browser.driver.find_element(By.PARTIAL_LINK_TEXT, FURNITURE_SHOP)
    shop = link.get_attribute("href").split("?")[0].replace(browser.base_url, "")
    log_out(browser)

    log_in(browser, "admin")
    browser.phone()
    browser.open(shop)
    assert not browser.driver.find_elements(By.ID, "shop-name"), "a typed address is not the admin's dashboard"
    browser.open("/manage/shops/" + shop.rsplit("/", 1)[-1])
    click(browser, "admin-view")
    assert by_id(browser, "admin-view-banner").is_displayed()
    assert not browser.driver.find_elements(By.ID, "add-product")
    browser.screenshot(f"admin-view-{html_lang(browser)}-360")
    browser.desktop()
    log_out(browser)


def staff_pages_of(browser, role):
    """The staff pages `role` has, found from the hub's links."""
    browser.open("/manage")
    pages = ["/manage"]
    for tool in browser.driver.find_elements(By.CSS_SELECTOR, "#manage-tools a"):
        pages.append(tool.get_attribute("href").replace(browser.base_url, ""))
    browser.open("/manage/shops")
    first = browser.driver.find_elements(By.CSS_SELECTOR, "#moderated-shops a")
    if first:
        pages.append(first[0].get_attribute("href").replace(browser.base_url, ""))
    if role == "admin":
        browser.open("/manage/accounts?q=agent")
        pages.append(by_id(browser, "account-agent").get_attribute("href").replace(browser.base_url, ""))
    return pages


@pytest.mark.parametrize("role", ["official", "admin"])
@pytest.mark.parametrize("language", ["zh-Hans", "en"])
def test_staff_pages_fit_a_360px_phone(browser, role, language):
    check_pages_on_a_phone(browser, role, language, staff_pages_of, prefix="staff-")
