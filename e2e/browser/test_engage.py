"""Reviews and chat in a real browser: a buyer reviews a delivered order and the seller replies;
the buyer and the seller chat from two separate browsers, live; and the new pages on a 360 px
phone in both languages.

The demo buyer reads English and the demo seller Chinese; a test that switches an account's
language switches it back before it ends. The demo seed has one delivered order (with the farm
shop 桃园农家, for 紫皮大蒜) for the buyer to review.
"""

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from test_market import (by_id, check_pages_on_a_phone, click, ensure_language, fill, html_lang, log_in, log_out, mark_page,
                         wait_for, wait_for_next_page)

FARM_SHOP = "桃园农家"
GARLIC = "紫皮大蒜"
# Live delivery must be quick: a bounded wait, far above what a local socket needs.
LIVE_WAIT = 10


def open_product(browser, title):
    browser.open("/search?q=" + title)
    link = browser.driver.find_element(By.PARTIAL_LINK_TEXT, title)
    mark_page(browser)
    link.click()
    wait_for_next_page(browser)


def farm_shop_path(browser):
    browser.open("/shops")
    link = browser.driver.find_element(By.PARTIAL_LINK_TEXT, FARM_SHOP)
    return link.get_attribute("href").split("?")[0].replace(browser.base_url, "")


def delivered_order_path(browser):
    browser.open("/orders")
    for row in browser.driver.find_elements(By.CSS_SELECTOR, "#order-list a"):
        if "Delivered" in row.text or "已送达" in row.text:
            return row.get_attribute("href").replace(browser.base_url, "")
    raise AssertionError("the demo buyer has a delivered order")


def test_buyer_reviews_a_delivered_order_and_the_seller_replies(browser):
    stamp = str(int(time.time() * 1000) % 10_000_000)
    browser.phone()
    log_in(browser, "buyer")
    assert html_lang(browser) == "en"

    # The delivered order offers a review per line.
    browser.open(delivered_order_path(browser))
    assert by_id(browser, "order-status").text == "Delivered"
    write = browser.driver.find_element(By.CSS_SELECTOR, "a[id^='review-']")
    assert write.text == "Write a review"
    browser.screenshot("order-delivered-en-360")
    click(browser, write.get_attribute("id"))

    # A review without stars comes back explained; then it is published.
    assert GARLIC in by_id(browser, "review-item").text
    click(browser, "send-review")
    assert by_id(browser, "described-error").is_displayed()
    Select(by_id(browser, "described")).select_by_value("5")
    Select(by_id(browser, "service")).select_by_value("4")
    Select(by_id(browser, "shipping")).select_by_value("5")
    text = f"<script>document.title='pwned'</script> Very fresh garlic {stamp}"
    fill(browser, "text", text)
    browser.screenshot("review-form-en-360")
    click(browser, "send-review")
    assert "review is published" in browser.driver.find_element(By.CSS_SELECTOR, ".notice").text
    assert browser.driver.find_elements(By.CSS_SELECTOR, "[id^='reviewed-']"), "the line says it is reviewed"

    # The product page: the rating summary, and the review's markup shown as text.
    open_product(browser, GARLIC)
    summary = by_id(browser, "rating-summary").text
    assert "Item as described" in summary and "Shipping speed" in summary and "from 1 review" in summary
    assert "4.7" in summary
    reviews = by_id(browser, "review-list").text
    assert text in reviews, "the script tag shows as text"
    assert browser.driver.title != "pwned"
    assert "★" in by_id(browser, "product-rating").text
    product_url = browser.driver.current_url.split("?")[0]
    browser.screenshot("product-reviews-en-360")

    # Search results carry the rating, and can be sorted by it.
    browser.open("/search?q=%E5%A4%A7%E8%92%9C&sort=rating")
    assert "★ 4.7 (1)" in by_id(browser, "results").text
    log_out(browser)

    # The seller replies from the shop's reviews page.
    log_in(browser, "seller")
    browser.open(farm_shop_path(browser))
    assert "4.7" in by_id(browser, "shop-quality").text
    assert "退款率" in by_id(browser, "refund-rate").text
    click(browser, "shop-reviews")
    assert text in by_id(browser, "review-list").text
    reply_box = browser.driver.find_element(By.CSS_SELECTOR, "textarea[id^='reply-']")
    reply = f"谢谢您的好评！<b>欢迎再来</b> {stamp}"
    reply_box.send_keys(reply)
    browser.screenshot("shop-reviews-zh-360")
    click(browser, browser.driver.find_element(By.CSS_SELECTOR, "button[id^='send-reply-']").get_attribute("id"))
    assert browser.driver.find_element(By.CSS_SELECTOR, ".notice").is_displayed()
    assert not browser.driver.find_elements(By.CSS_SELECTOR, "textarea[id^='reply-']"), "a review is answered once"
    log_out(browser)

    # The buyer sees the reply under the review.
    log_in(browser, "buyer")
    browser.driver.get(product_url)
    assert reply in browser.driver.find_element(By.CSS_SELECTOR, "#review-list .reply-text").text
    log_out(browser)


def wait_until_live(browser):
    wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#chat-log[data-connected]")), LIVE_WAIT)


def still_same_page(browser):
    return browser.driver.execute_script("return window.jishiOldPage === true")


def send(browser, text):
    fill(browser, "message-text", text)
    by_id(browser, "send-message").click()


def wait_for_message(browser, text):
    wait_for(browser, EC.text_to_be_present_in_element((By.ID, "chat-log"), text), LIVE_WAIT)


def test_buyer_and_seller_chat_live_from_two_browsers(browser, other_browser):
    stamp = str(int(time.time() * 1000) % 10_000_000)
    buyer, seller = browser, other_browser
    buyer.phone()
    seller.phone()

    # The buyer contacts the seller from the product page and lands in the conversation.
    log_in(buyer, "buyer")
    open_product(buyer, GARLIC)
    click(buyer, "contact-seller")
    assert FARM_SHOP in by_id(buyer, "conversation-with").text
    conversation = buyer.driver.current_url.split("#")[0]
    wait_until_live(buyer)

    # The seller opens it from the shop's messages (signed in in the other browser).
    log_in(seller, "seller")
    seller.open(farm_shop_path(seller) + "/messages")
    conversation_id = conversation.rstrip("/").split("/")[-1]
    click(seller, f"conversation-{conversation_id}")
    wait_until_live(seller)
    mark_page(buyer)
    mark_page(seller)

    # The buyer sends: it appears on both pages without a reload, the seller's live.
    question = f"<b>有货吗</b>？明天能发吗 {stamp}"
    send(buyer, question)
    wait_for_message(buyer, question)
    wait_for_message(seller, question)
    assert still_same_page(buyer) and still_same_page(seller), "no page was reloaded"
    assert by_id(buyer, "message-text").get_attribute("value") == ""
    theirs = seller.driver.find_elements(By.CSS_SELECTOR, "#chat-log li.theirs")
    assert theirs and question in theirs[-1].text, "the markup shows as text"
    seller.screenshot("chat-seller-zh-360")

    # The seller answers; the buyer sees it live.
    answer = f"有货，明天一早发 {stamp}"
    send(seller, answer)
    wait_for_message(seller, answer)
    wait_for_message(buyer, answer)
    assert still_same_page(buyer) and still_same_page(seller)
    buyer.screenshot("chat-buyer-en-360")

    # After a reload both are still there, newest at the bottom.
    click(buyer, "refresh")
    messages = buyer.driver.find_elements(By.CSS_SELECTOR, "#chat-log li")
    assert question in messages[-2].text and answer in messages[-1].text
    buyer.open("/messages")
    assert FARM_SHOP in by_id(buyer, "conversation-list").text

    # The seller blocks the buyer, who is told and cannot write; then lets them back.
    seller.driver.get(conversation)
    click(seller, "block-buyer")
    assert by_id(seller, "blocked").is_displayed()
    buyer.driver.get(conversation)
    assert "does not accept your messages" in by_id(buyer, "blocked").text
    assert not buyer.driver.find_elements(By.ID, "chat-form")
    buyer.screenshot("chat-blocked-en-360")
    click(seller, "unblock-buyer")
    buyer.driver.get(conversation)
    assert buyer.driver.find_elements(By.ID, "chat-form")
    log_out(buyer)
    log_out(seller)


def test_chat_works_without_javascript(browser):
    """The plain form: POST and back to the conversation."""
    browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        log_in(browser, "buyer")
        open_product(browser, GARLIC)
        click(browser, "contact-seller")
        text = f"No script here {int(time.time() * 1000) % 10_000_000}"
        fill(browser, "message-text", text)
        click(browser, "send-message")
        assert text in by_id(browser, "chat-log").text
        assert by_id(browser, "chat-log").get_attribute("data-connected") is None
        log_out(browser)
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def engage_pages_of(browser, role):
    """The review and chat pages `role` sees, found by following links from the demo data."""
    if role == "buyer":
        order = delivered_order_path(browser)
        browser.open(order)
        review = browser.driver.find_elements(By.CSS_SELECTOR, "a[id^='review-']")
        open_product(browser, GARLIC)
        product = browser.driver.current_url
        click(browser, "contact-seller")
        conversation = browser.driver.current_url.split("#")[0]
        pages = [order, product, "/messages", conversation]
        return pages + [review[0].get_attribute("href")] if review else pages
    shop = farm_shop_path(browser)
    browser.open(shop + "/messages")
    conversations = browser.driver.find_elements(By.CSS_SELECTOR, "#conversation-list a")
    pages = [shop, shop + "/reviews", shop + "/messages", "/messages"]
    return pages + [conversations[0].get_attribute("href").split("#")[0]] if conversations else pages


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
@pytest.mark.parametrize("role", ["buyer", "seller"])
def test_review_and_chat_pages_fit_a_360px_phone(browser, role, language):
    check_pages_on_a_phone(browser, role, language, engage_pages_of, prefix="engage-")
