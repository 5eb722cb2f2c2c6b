"""A seller's bulk catalogue import on a 360 px phone in both languages: a refused file names
every bad line and column and writes nothing, a good one shows its counts, and the catalogue
downloads as CSV."""

import time
import urllib.request

from selenium.webdriver.common.by import By

from test_market import by_id, click, ensure_language, html_lang, log_in, log_out

HEADER = "product_ref,sku,title,category,variant_name,price_minor,stock,photos,listed\n"


def open_import_page(browser):
    browser.open("/shops")
    shop = browser.driver.find_element(By.CSS_SELECTOR, "#shop-list a").get_attribute("href")
    browser.driver.get(shop)
    click(browser, "import-products")
    assert "/catalogue/import" in browser.driver.current_url


def test_importing_a_catalogue_on_a_phone_in_both_languages(browser, tmp_path):
    stamp = str(int(time.time()))[-6:]
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER
        + f"pin,E2E-{stamp}-R,缠花发簪,costumes,红色,4500,5,,true\n"
        + f"pin,E2E-{stamp}-B,缠花发簪,costumes,蓝色,abc,2,,\n"
        + f"rice,E2E-{stamp}-M,新米 5 斤,no-such-category,,3990,100,,\n",
        encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text(
        HEADER
        + f"pin,E2E-{stamp}-R,缠花发簪,costumes,红色,4500,5,,true\n"
        + f"pin,E2E-{stamp}-B,缠花发簪,costumes,蓝色,4800,2,,\n",
        encoding="utf-8")

    browser.phone()
    log_in(browser, "seller")
    try:
        for language in ["zh-Hans", "en"]:
            ensure_language(browser, language)
            open_import_page(browser)
            assert html_lang(browser) == language
            assert by_id(browser, "export-catalogue").get_attribute("href").endswith("/catalogue/export")
            photos = by_id(browser, "export-photos")
            assert photos.get_attribute("href").endswith("/catalogue/export/photos")
            assert photos.text == ("Download photos (ZIP)" if language == "en" else "下载照片（ZIP）"), photos.text
            # The download, with the page's session (the pages' CSP keeps scripts from fetching it):
            # a ZIP, its bytes starting "PK".
            cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.driver.get_cookies())
            with urllib.request.urlopen(
                    urllib.request.Request(photos.get_attribute("href"), headers={"Cookie": cookies})) as response:
                assert response.status == 200
                assert response.headers["Content-Type"].startswith("application/zip"), response.headers
                assert response.read(2) == b"PK"
            assert browser.scroll_width() <= 360

            by_id(browser, "file").send_keys(str(bad))
            click(browser, "import")
            errors = [item.text for item in browser.driver.find_elements(By.CSS_SELECTOR, "#import-errors li")]
            if language == "en":
                assert any(text.startswith("Line 3, column price_minor") for text in errors), errors
                assert any(text.startswith("Line 4, column category") for text in errors), errors
                assert "Nothing was written" in by_id(browser, "import-failure").text
            else:
                assert any(text.startswith("第 3 行，price_minor 列") for text in errors), errors
                assert any(text.startswith("第 4 行，category 列") for text in errors), errors
                assert "什么都没有写入" in by_id(browser, "import-failure").text
            assert browser.scroll_width() <= 360
            browser.screenshot(f"catalogue-import-{language}-refused-360")

            by_id(browser, "file").send_keys(str(good))
            click(browser, "import")
            done = by_id(browser, "import-done").text
            if language == "zh-Hans":
                assert "新增 1" in done and "新增 2" in done, done
            else:
                assert "Products: 0 added" in done and "2 unchanged" in done, done
            assert browser.scroll_width() <= 360
            browser.screenshot(f"catalogue-import-{language}-done-360")
    finally:
        ensure_language(browser, "zh-Hans")
    log_out(browser)


def test_a_large_catalogue_is_followed_on_its_own_page_in_both_languages(browser, tmp_path):
    """More than the page waits for (256 KiB) goes to the background: the seller lands on a page
    that reloads itself until the import ends, then shows what was imported. The products go
    unlisted into the seller's last shop, with long descriptions so that few rows make the file
    large: the other tests' shop, search and resellers pages stay as the demo has them."""
    stamp = str(int(time.time()))[-6:]
    big = tmp_path / "big.csv"
    description = "织金马面裙配鎏金发簪，丁庄村手工制作。" * 40
    rows = [
        f"bulk{n},E2E-{stamp}-{n},批量商品 {stamp} 第 {n} 号,{description},costumes,红色,{4500 + n},5,,false\n"
        for n in range(300)
    ]
    big.write_text(
        "product_ref,sku,title,description,category,variant_name,price_minor,stock,photos,listed\n" + "".join(rows),
        encoding="utf-8")
    assert big.stat().st_size > 256 * 1024

    browser.phone()
    log_in(browser, "seller")
    try:
        for language in ["zh-Hans", "en"]:
            ensure_language(browser, language)
            browser.open("/shops")
            shops = browser.driver.find_elements(By.CSS_SELECTOR, "#shop-list a")
            browser.driver.get(shops[-1].get_attribute("href"))
            click(browser, "import-products")
            by_id(browser, "file").send_keys(str(big))
            click(browser, "import")
            assert "/catalogue/imports/" in browser.driver.current_url
            assert html_lang(browser) == language
            assert browser.scroll_width() <= 360
            browser.screenshot(f"catalogue-import-{language}-background-360")
            # The page reloads itself every 2 s; the server's worker imports the file meanwhile.
            deadline = time.time() + 120
            while not browser.driver.find_elements(By.ID, "import-done") and time.time() < deadline:
                time.sleep(1)
            done = by_id(browser, "import-done").text
            if language == "zh-Hans":
                assert "商品：新增 300" in done, done
            else:
                assert "Products: 0 added" in done and "300 unchanged" in done, done
            assert browser.scroll_width() <= 360
            browser.screenshot(f"catalogue-import-{language}-background-done-360")
            click(browser, "import-again")
            assert by_id(browser, "recent-imports").text.count("big.csv") >= 1
    finally:
        ensure_language(browser, "zh-Hans")
    log_out(browser)
