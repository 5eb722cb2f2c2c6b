"""The marketplace pages in a real browser: a buyer's journey, a seller's journey, and every new
page on a 360 px phone in both languages.

The demo accounts keep their preferred language (the seller reads Chinese, the buyer English):
a test that switches language switches it back before it ends, since signed-in pages follow the
account's language.
"""

import base64
import struct
import time
import zlib

import pytest
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

DEMO_PASSWORD = "jishi-demo"


def wait_for(browser, condition, timeout=10):
    wait = WebDriverWait(browser.driver, timeout, ignored_exceptions=[StaleElementReferenceException])
    return wait.until(condition)


def by_id(browser, element_id):
    return browser.driver.find_element(By.ID, element_id)


def mark_page(browser):
    browser.driver.execute_script("window.jishiOldPage = true")


def wait_for_next_page(browser, timeout=15):
    """Waits until the page marked by `mark_page` is replaced and the new one has loaded."""
    def loaded(driver):
        try:
            return driver.execute_script(
                "return window.jishiOldPage !== true && document.readyState === 'complete'")
        except WebDriverException:
            return False  # between two documents
    WebDriverWait(browser.driver, timeout).until(loaded)


def click(browser, element_id):
    """Clicks a link or button and waits for the page it leads to."""
    mark_page(browser)
    by_id(browser, element_id).click()
    wait_for_next_page(browser)


def fill(browser, field, value):
    element = by_id(browser, field)
    element.clear()
    element.send_keys(value)


def html_lang(browser):
    return browser.driver.execute_script("return document.documentElement.lang")


def log_in(browser, username):
    """Signs `username` in as on a browser of their own: cookies left by earlier steps (a
    language chosen for someone else) are cleared first, so the account's language applies."""
    browser.open("/login")
    browser.driver.delete_all_cookies()
    browser.open("/login")
    fill(browser, "username", username)
    fill(browser, "password", DEMO_PASSWORD)
    mark_page(browser)
    browser.driver.find_element(By.CSS_SELECTOR, "#log-in-form button[type=submit]").click()
    wait_for_next_page(browser)
    wait_for(browser, EC.presence_of_element_located((By.ID, "log-out")))


def open_menu(browser):
    """Opens the header's menu (a signed-in account's links beyond the first row), if shut."""
    menus = browser.driver.find_elements(By.ID, "menu")
    if menus and menus[0].get_attribute("open") is None:
        menus[0].find_element(By.TAG_NAME, "summary").click()


def nav_click(browser, href):
    """Follows the header's link to `href`, from the row or from the menu."""
    link = browser.driver.find_element(By.CSS_SELECTOR, f"nav a[href='{href}']")
    if not link.is_displayed():
        open_menu(browser)
    mark_page(browser)
    link.click()
    wait_for_next_page(browser)


def nav_text(browser):
    """Everything the header's navigation says, the menu's shut part included."""
    return browser.driver.find_element(By.CSS_SELECTOR, "nav").get_attribute("textContent")


def log_out(browser):
    open_menu(browser)
    click(browser, "log-out")
    assert browser.driver.get_cookie("jishi_session") is None


def ensure_language(browser, language):
    """Switches the page (and a signed-in account) to `language` ("zh-Hans" or "en")."""
    if html_lang(browser) != language:
        mark_page(browser)
        browser.driver.find_element(By.CSS_SELECTOR, "form.lang button").click()
        wait_for_next_page(browser)
    assert html_lang(browser) == language


def status_text(browser):
    return by_id(browser, "order-status").text


def tiny_png(path):
    """Writes a valid 4 × 4 red PNG (no imaging library needed)."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\xcc\x22\x11" * 4 for _ in range(4))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    path.write_bytes(png)
    return path


def fill_delivery(browser):
    fill(browser, "phone", "138 0000 5678")
    Select(by_id(browser, "village")).select_by_visible_text("Shijing" if html_lang(browser) == "en" else "石井村")
    fill(browser, "address", "3 Market Lane")


def test_buyer_searches_buys_pays_and_sees_the_order(browser):
    browser.phone()
    log_in(browser, "buyer")
    assert html_lang(browser) == "en", "the demo buyer reads English"

    # Search from the navigation.
    nav_click(browser, "/search")
    fill(browser, "q", "汉服")
    click(browser, "search-submit")
    results = browser.driver.find_elements(By.CSS_SELECTOR, "#results li a")
    assert len(results) >= 3, "the demo market has hanfu"
    assert "明制马面裙" in by_id(browser, "results").text
    browser.screenshot("search-hanfu-en-360")

    # The product page: photos, attributes, variants with price and stock.
    link = browser.driver.find_element(By.PARTIAL_LINK_TEXT, "明制马面裙")
    mark_page(browser)
    link.click()
    wait_for_next_page(browser)
    assert "¥168.00" in by_id(browser, "buy-form").text
    browser.screenshot("product-en-360")
    fill(browser, "quantity", "2")
    click(browser, "add-to-cart")

    # The cart, with its total; then checkout.
    assert "¥336.00" in by_id(browser, "cart-total").text
    browser.screenshot("cart-en-360")
    click(browser, "to-checkout")
    key = browser.driver.find_element(By.CSS_SELECTOR, "#checkout-form input[name=key]").get_attribute("value")
    assert len(key) == 32, "the form carries an idempotency key"

    # A mistake comes back explained; then the order is placed.
    fill(browser, "phone", "12")
    click(browser, "place-order")
    assert by_id(browser, "phone-error").is_displayed()
    fill_delivery(browser)
    browser.screenshot("checkout-en-360")
    click(browser, "place-order")

    # The sandbox: a declined payment says so and lets the buyer try again.
    assert "¥336.00" in by_id(browser, "payment-total").text
    browser.screenshot("payment-en-360")
    click(browser, "pay-decline")
    assert "declined" in browser.driver.find_element(By.CSS_SELECTOR, ".alert").text
    browser.screenshot("payment-declined-en-360")
    click(browser, "pay-approve")

    # The order, paid, with its history.
    assert status_text(browser) == "Paid"
    history = by_id(browser, "order-history").text
    assert "Order placed" in history and "Awaiting payment → Paid" in history
    assert "¥336.00" in by_id(browser, "order-total").text
    browser.screenshot("order-paid-en-360")

    # It is in the buyer's list of orders.
    nav_click(browser, "/orders")
    assert "Paid" in by_id(browser, "order-list").text
    log_out(browser)


def test_seller_opens_a_shop_lists_a_product_and_ships_the_buyers_order(browser, tmp_path):
    stamp = str(int(time.time() * 1000) % 10_000_000)
    browser.phone()
    log_in(browser, "seller")
    assert html_lang(browser) == "zh-Hans", "the demo seller reads Chinese"

    # Open a shop.
    nav_click(browser, "/shops")
    click(browser, "open-shop")
    fill(browser, "name", f"测试小店{stamp}")
    Select(by_id(browser, "village")).select_by_visible_text("丁庄村")
    browser.screenshot("open-shop-zh-360")
    mark_page(browser)
    browser.driver.find_element(By.CSS_SELECTOR, "#open-shop-form button[type=submit]").click()
    wait_for_next_page(browser)
    assert by_id(browser, "shop-name").text == f"测试小店{stamp}"
    shop_url = browser.driver.current_url.split("?")[0]
    browser.screenshot("shop-zh-360")

    # List a product with one variant, no stock code (Jishi numbers it) and the price as a
    # villager types it; a missing price comes back explained.
    click(browser, "add-product")
    title = f"手工汉服头饰 {stamp}"
    fill(browser, "title", title)
    fill(browser, "description", "手工缠花发簪。Handmade hanfu hairpin.")
    Select(by_id(browser, "category")).select_by_visible_text("演出服与汉服")
    fill(browser, "attr-0-name", "材质")
    fill(browser, "attr-0-value", "铜丝、丝线")
    fill(browser, "variant-0-name", "红色 L")
    fill(browser, "variant-0-stock", "5")
    click(browser, "list-product")
    assert by_id(browser, "variant-0-price-error").is_displayed()
    fill(browser, "variant-0-price", "45元")
    # A photo chosen on the same form (a real PNG, sent as multipart/form-data).
    by_id(browser, "photos").send_keys(str(tiny_png(tmp_path / "hairpin.png")))
    browser.screenshot("new-product-zh-360")
    click(browser, "list-product")
    assert browser.driver.find_element(By.CSS_SELECTOR, ".notice").is_displayed()
    assert len(browser.driver.find_elements(By.CSS_SELECTOR, "#photos .thumbs img")) == 1
    browser.screenshot("edit-product-zh-360")

    # Another photo from the product's page.
    by_id(browser, "photo").send_keys(str(tiny_png(tmp_path / "hairpin-2.png")))
    click(browser, "upload-photo")
    assert len(browser.driver.find_elements(By.CSS_SELECTOR, "#photos .thumbs img")) == 2
    product_url = by_id(browser, "view-product").get_attribute("href")
    log_out(browser)

    # The buyer buys it at once and pays.
    log_in(browser, "buyer")
    browser.driver.get(product_url)
    assert title in browser.driver.find_element(By.TAG_NAME, "h1").text
    assert len(browser.driver.find_elements(By.CSS_SELECTOR, ".gallery img")) == 2
    click(browser, "buy-now")
    fill_delivery(browser)
    click(browser, "place-order")
    click(browser, "pay-approve")
    assert status_text(browser) == "Paid"
    order_url = browser.driver.current_url.split("?")[0]
    order_id = order_url.rstrip("/").split("/")[-1]
    log_out(browser)

    # The seller sees it among the orders to ship, marks it shipped, and the order says so.
    log_in(browser, "seller")
    browser.driver.get(shop_url)
    assert by_id(browser, "orders-to-ship").text.startswith("1")
    click(browser, "orders-to-ship")
    assert f"{title} · 红色 L × 1" in by_id(browser, f"order-{order_id}").text
    browser.screenshot("shop-orders-zh-360")
    # The packing list names the kind to pack.
    browser.driver.get(f"{shop_url}/packing-list?order%5B%5D={order_id}")
    assert "红色 L" in browser.driver.find_element(By.CSS_SELECTOR, "table.pack").text
    assert by_id(browser, "print").is_displayed(), "the print button shows where script runs"
    for header in browser.driver.find_elements(By.CSS_SELECTOR, "table.pack th"):
        # One line of text and its padding (6 px above and below), whatever the font.
        line = browser.driver.execute_script("return parseFloat(getComputedStyle(arguments[0]).lineHeight)", header)
        assert header.size["height"] < 2 * line + 12, f"the column header {header.text!r} wraps"
    browser.driver.get(f"{shop_url}/orders?status=paid")
    # Sending asks how the parcel travels; confirming without saying comes back explained.
    click(browser, f"ship-{order_id}")
    click(browser, "mark-shipped")
    assert by_id(browser, "carrier-error").is_displayed()
    Select(by_id(browser, "carrier")).select_by_visible_text("中通快递")
    fill(browser, "tracking", "ZT7301223344")
    browser.screenshot("ship-form-zh-360")
    click(browser, "mark-shipped")
    assert browser.driver.find_element(By.CSS_SELECTOR, ".notice").is_displayed()
    assert "中通快递 ZT7301223344" in browser.driver.page_source
    browser.driver.get(order_url)
    assert status_text(browser) == "已发货"
    assert "已付款 → 已发货" in by_id(browser, "order-history").text
    browser.screenshot("order-shipped-zh-360")
    log_out(browser)

    # The buyer sees it shipped too.
    log_in(browser, "buyer")
    browser.driver.get(order_url)
    assert status_text(browser) == "Shipped"
    # 丁庄村 has a station: the county network carries the parcel, and the buyer follows it.
    assert "ZT7301223344" in by_id(browser, "journey").text
    assert "红色 L" in browser.driver.find_element(By.CSS_SELECTOR, "li.line").text
    browser.open("/orders")
    assert f"{title} · 红色 L × 1" in by_id(browser, "order-list").text
    log_out(browser)


def pages_of(browser, role):
    """The marketplace pages `role` sees, found by following links from the demo data."""
    if role == "buyer":
        browser.open("/search?q=%E6%B1%89%E6%9C%8D")
        product = browser.driver.find_element(By.CSS_SELECTOR, "#results li a").get_attribute("href")
        browser.open("/orders")
        order = browser.driver.find_element(By.CSS_SELECTOR, "#order-list a").get_attribute("href")
        return ["/search", "/search?q=%E8%A3%99&sort=price_asc", product, "/cart", "/checkout", "/orders", order]
    browser.open("/shops")
    shop = browser.driver.find_element(By.CSS_SELECTOR, "#shop-list a").get_attribute("href")
    browser.driver.get(shop)
    product = browser.driver.find_element(By.CSS_SELECTOR, "#product-list a").get_attribute("href")
    shop_path = shop.split("?")[0]
    return ["/shops", "/shops/new", shop, shop_path + "/orders", shop_path + "/orders?status=shipped",
            shop_path + "/packing-list", shop_path + "/statement", shop_path + "/products/new", product,
            shop_path + "/sourcing", shop_path + "/resellers"]


def check_pages_on_a_phone(browser, role, language, pages_of, prefix=""):
    """Signs `role` in, switches to `language`, and checks every page `pages_of(browser, role)`
    lists on a 360 px phone: its language, weight, width and the size of its controls."""
    log_in(browser, role)
    own_language = html_lang(browser)
    try:
        ensure_language(browser, language)
        browser.phone()
        problems = []
        for path in pages_of(browser, role):
            browser.driver.get(path if path.startswith("http") else browser.base_url + path)
            assert html_lang(browser) == language
            weight = browser.driver.execute_script(
                "return performance.getEntriesByType('navigation')[0].decodedBodySize")
            if not 0 < weight < 60_000:
                problems.append(f"{path} weighs {weight} bytes")
            if browser.scroll_width() > 360:
                problems.append(f"{path} is {browser.scroll_width()} px wide")
            for element in browser.driver.find_elements(
                    By.CSS_SELECTOR, "button, input[type=text], input[type=tel], select, textarea"):
                if element.is_displayed() and element.size["height"] < 44:
                    problems.append(f"{path}: a control is {element.size['height']} px tall")
            name = path.split("//")[-1].split("/", 1)[-1].split("?")[0].replace("/", "-")
            name = "-".join(part[:8] for part in name.split("-")) or "root"
            browser.screenshot(f"{prefix}{role}-{name}-{language}-360-check")
        assert not problems, "\n".join(problems)
    finally:
        browser.desktop()
        ensure_language(browser, own_language)
        log_out(browser)


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
@pytest.mark.parametrize("role", ["buyer", "seller"])
def test_market_pages_fit_a_360px_phone(browser, role, language):
    check_pages_on_a_phone(browser, role, language, pages_of)


def test_packing_list_prints_without_the_navigation(browser):
    log_in(browser, "seller")
    browser.open("/shops")
    shop = browser.driver.find_element(By.CSS_SELECTOR, "#shop-list a").get_attribute("href").split("?")[0]
    browser.driver.get(shop + "/packing-list")
    assert browser.driver.find_elements(By.CSS_SELECTOR, "section.slip"), "the demo shop has an order to ship"
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.driver.find_element(By.CSS_SELECTOR, "header.site").is_displayed()
        assert browser.driver.find_element(By.CSS_SELECTOR, "section.slip").is_displayed()
        browser.screenshot("packing-list-print-zh")
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    log_out(browser)


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
def test_the_header_takes_two_rows_at_most_on_a_phone(browser, language):
    """The seller has the most links; on a 360 px phone the brand bar and one row of links
    leave the page its height (the rest are in the menu, which opens over the page), and every
    link stays reachable."""
    browser.phone()
    log_in(browser, "seller")
    ensure_language(browser, language)
    header = browser.driver.execute_script("return document.querySelector('header.site').getBoundingClientRect().height")
    assert header <= 112, f"header {header}px"
    row = browser.driver.execute_script("return document.querySelector('nav .navrow').getBoundingClientRect().height")
    assert row <= 52, f"the navigation takes {row}px: more than one row"
    overflow = browser.driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    out = by_id(browser, "log-out")
    assert not out.is_displayed()
    open_menu(browser)
    for href in ("/orders", "/messages", "/shops"):
        assert browser.driver.find_element(By.CSS_SELECTOR, f"nav a[href='{href}']").is_displayed()
    assert out.is_displayed()
    browser.screenshot(f"header-menu-open-{language}-360")
    right = browser.driver.execute_script("return document.querySelector('#menu > ul').getBoundingClientRect().right")
    assert right <= 360, f"the menu reaches {right}px"
    ensure_language(browser, "zh-Hans")
    log_out(browser)


def test_statement_amounts_stay_on_one_line_on_a_phone(browser):
    """In English the statement's labels are long; its amounts never break, one character a
    line as they did, on a 360 px phone."""
    browser.phone()
    try:
        log_in(browser, "seller")
        ensure_language(browser, "en")
        browser.driver.get(browser.driver.find_element(By.CSS_SELECTOR, "nav a[href='/shops']").get_attribute("href"))
        shop = browser.driver.find_element(By.CSS_SELECTOR, "a[href^='/shops/']").get_attribute("href").split("?")[0]
        browser.driver.get(shop.rstrip("/") + "/statement")
        # How many line boxes each amount's text takes: one, or it broke.
        lines = browser.driver.execute_script(
            "return [...document.querySelectorAll('#statement dd')].map(d => {"
            " const r = document.createRange(); r.selectNodeContents(d); return r.getClientRects().length; })")
        assert lines and max(lines) == 1, f"lines per amount: {lines}"
        # The date fields take the width and show the whole date.
        for field in ("from", "to"):
            width = by_id(browser, field).size["width"]
            assert width >= 250, f"the {field} date field is {width}px wide"
        browser.screenshot("statement-en-360")
        ensure_language(browser, "zh-Hans")
        log_out(browser)
    finally:
        browser.desktop()
