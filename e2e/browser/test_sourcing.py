"""Sourcing between shops in a real browser: a producer opens a product to resellers, a new
reseller lists it at its own price, a buyer orders it from the reseller, and the producer ships
and delivers it straight to the buyer."""

import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from test_market import (by_id, click, fill, fill_delivery, html_lang, log_in, log_out, mark_page,
                         status_text, wait_for, wait_for_next_page)


def first_shop(browser):
    browser.open("/shops")
    return browser.driver.find_element(By.CSS_SELECTOR, "#shop-list a").get_attribute("href").split("?")[0]


def test_a_resale_order_goes_from_listing_to_delivery(browser):
    stamp = str(int(time.time() * 1000) % 10_000_000)
    browser.phone()

    # The producer opens its first product to any shop at ¥1.00 wholesale.
    log_in(browser, "seller")
    producer_shop = first_shop(browser)
    browser.driver.get(producer_shop)
    click(browser, "resellers")
    # Each product is one line until opened.
    offer = browser.driver.find_element(By.CSS_SELECTOR, "details[id^='offer-']")
    product_key = offer.get_attribute("id").removeprefix("offer-")
    assert not offer.find_element(By.CSS_SELECTOR, "input[id^='base-']").is_displayed()
    offer.find_element(By.TAG_NAME, "summary").click()
    title = offer.find_element(By.TAG_NAME, "h2").text
    base = offer.find_element(By.CSS_SELECTOR, "input[id^='base-']")
    base.clear()
    base.send_keys("1")
    click(browser, f"save-offer-{product_key}")
    assert browser.driver.find_element(By.CSS_SELECTOR, ".notice").is_displayed()
    assert browser.scroll_width() <= 360
    height = browser.driver.execute_script("return document.documentElement.scrollHeight")
    assert height < 2500, f"the resellers page is {height}px long with its products shut"
    browser.screenshot("resellers-zh-360")
    log_out(browser)

    # A new seller registers, opens a shop, and lists the product at the suggested price.
    browser.open("/register")
    fill(browser, "username", f"resell{stamp}")
    fill(browser, "displayName", "代销 刘芳")
    fill(browser, "password", "peach-blossom-2026")
    by_id(browser, "role-seller").click()
    mark_page(browser)
    browser.driver.find_element(By.CSS_SELECTOR, "#register-form button[type=submit]").click()
    wait_for_next_page(browser)
    wait_for(browser, EC.presence_of_element_located((By.ID, "log-out")))
    browser.open("/shops/new")
    fill(browser, "name", f"代销小店{stamp}")
    Select(by_id(browser, "village")).select_by_visible_text(
        "Dingzhuang" if html_lang(browser) == "en" else "丁庄村")
    mark_page(browser)
    browser.driver.find_element(By.CSS_SELECTOR, "#open-shop-form button[type=submit]").click()
    wait_for_next_page(browser)
    click(browser, "source-products")
    assert title in by_id(browser, f"offer-{product_key}").text
    browser.screenshot("sourcing-360")
    click(browser, f"link-{product_key}")
    assert browser.driver.find_element(By.CSS_SELECTOR, ".notice").is_displayed()
    click(browser, f"linked-{product_key}")
    product_url = by_id(browser, "view-product").get_attribute("href")
    log_out(browser)

    # The buyer buys it from the reseller and pays.
    log_in(browser, "buyer")
    browser.driver.get(product_url)
    assert title in browser.driver.find_element(By.TAG_NAME, "h1").text
    click(browser, "buy-now")
    fill_delivery(browser)
    click(browser, "place-order")
    click(browser, "pay-approve")
    assert status_text(browser) == "Paid"
    order_url = browser.driver.current_url.split("?")[0]
    log_out(browser)

    # The producer finds the supply order, ships it and delivers it.
    log_in(browser, "seller")
    browser.driver.get(producer_shop + "/sourcing")
    supply = browser.driver.find_element(By.CSS_SELECTOR, "#supplied .supply-order")
    supply_id = supply.get_attribute("id").removeprefix("supply-")
    assert title in supply.text
    click(browser, f"ship-{supply_id}")
    assert browser.driver.find_element(By.CSS_SELECTOR, ".notice").is_displayed()
    click(browser, f"deliver-{supply_id}")
    browser.screenshot("sourcing-supplied-zh-360")
    log_out(browser)

    # The buyer's order from the reseller is delivered.
    log_in(browser, "buyer")
    browser.driver.get(order_url)
    assert status_text(browser) == "Delivered"
    log_out(browser)
