"""The design registry in a real browser, on a 360 px phone in both languages: the seller finds
the demo's likely copy of their filed skirt from their shop, files a new design with a photo
(a file that is no photo first, refused with nothing filed) and says their side of the copy;
the county's official decides it is a copy and takes the listing off sale."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_market import by_id, click, ensure_language, fill, html_lang, log_in, log_out, nav_click, tiny_png


def alert_rows(browser):
    return browser.driver.find_elements(By.CSS_SELECTOR, "#copy-alerts li.copy-alert")


def filing_rows(browser):
    return browser.driver.find_elements(By.CSS_SELECTOR, "#filings li")


def test_a_seller_files_a_design_and_the_office_decides_a_copy(browser, tmp_path):
    browser.phone()
    log_in(browser, "seller")
    for language in ["zh-Hans", "en"]:
        ensure_language(browser, language)
        browser.open("/shops")
        browser.driver.get(browser.driver.find_element(By.CSS_SELECTOR, "#shop-list a").get_attribute("href"))
        click(browser, "shop-designs")
        assert html_lang(browser) == language
        assert len(alert_rows(browser)) == 1, "the demo's re-coloured skirt"
        assert len(filing_rows(browser)) == 1
        assert browser.scroll_width() <= 360
        browser.screenshot(f"designs-seller-{language}-360")

    # A text file is no photo: refused, and nothing is filed.
    bad = tmp_path / "photo.png"
    bad.write_text("not a photo")
    fill(browser, "design-title", "唐制齐胸襦裙 原创款")
    fill(browser, "design-description", "丁庄村原创齐胸襦裙，刺绣领口。")
    by_id(browser, "design-photos").send_keys(str(bad))
    click(browser, "file-design")
    assert browser.driver.find_elements(By.CSS_SELECTOR, "[role=alert]")
    assert by_id(browser, "design-title").get_attribute("value") == "唐制齐胸襦裙 原创款"
    assert len(filing_rows(browser)) == 1

    by_id(browser, "design-photos").send_keys(str(tiny_png(tmp_path / "ruqun.png")))
    click(browser, "file-design")
    notice = browser.driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert "SJ" in notice
    assert len(filing_rows(browser)) == 2
    assert any(row.find_elements(By.CSS_SELECTOR, "img.ph") for row in filing_rows(browser))

    row = alert_rows(browser)[0]
    alert_id = row.get_attribute("id").removeprefix("alert-")
    fill(browser, f"statement-{alert_id}", "2026年备案在先，照片为原创。")
    click(browser, f"state-{alert_id}")
    assert "2026年备案在先" in by_id(browser, f"alert-{alert_id}").text
    ensure_language(browser, "zh-Hans")
    assert by_id(browser, f"status-{alert_id}").text == "申辩中"
    log_out(browser)

    log_in(browser, "official")
    for language in ["en", "zh-Hans"]:
        ensure_language(browser, language)
        nav_click(browser, "/manage")
        click(browser, "tool-designs")
        assert html_lang(browser) == language
        assert by_id(browser, f"alert-{alert_id}")
        assert browser.scroll_width() <= 360
        browser.screenshot(f"designs-official-{language}-360")
    fill(browser, f"note-{alert_id}", "照片与备案外观一致，仅改了颜色。")
    click(browser, f"copy-{alert_id}")
    assert by_id(browser, f"status-{alert_id}").text == "已认定：抄袭"
    click(browser, f"unlist-{alert_id}")
    assert "已下架" in by_id(browser, f"alert-{alert_id}").text
    assert not browser.driver.find_elements(By.ID, f"unlist-{alert_id}")
    log_out(browser)


def test_a_seller_reports_a_shop_on_another_platform_and_a_month(browser):
    browser.phone()
    log_in(browser, "seller")
    for language in ["en", "zh-Hans"]:
        ensure_language(browser, language)
        browser.open("/shops")
        browser.driver.get(browser.driver.find_element(By.CSS_SELECTOR, "#shop-list a").get_attribute("href"))
        click(browser, "platform-shops")
        assert html_lang(browser) == language
        assert browser.scroll_width() <= 360
        browser.screenshot(f"platform-shops-{language}-360")
    # A closing day before the opening: refused, what was typed kept.
    fill(browser, "platform", "pinduoduo")
    fill(browser, "shopRef", "丁庄汉服小铺")
    browser.driver.execute_script("document.getElementById('openedOn').value = '2021-04-01'")
    browser.driver.execute_script("document.getElementById('closedOn').value = '2020-01-01'")
    click(browser, "report-shop")
    assert browser.driver.find_elements(By.CSS_SELECTOR, "[role=alert]")
    assert by_id(browser, "shopRef").get_attribute("value") == "丁庄汉服小铺"
    assert not browser.driver.find_elements(By.CSS_SELECTOR, "#platform-shops li")
    browser.driver.execute_script("document.getElementById('closedOn').value = ''")
    click(browser, "report-shop")
    rows = browser.driver.find_elements(By.CSS_SELECTOR, "#platform-shops > li")
    assert len(rows) == 1 and "pinduoduo" in rows[0].text
    shop_id = rows[0].get_attribute("id").removeprefix("platform-shop-")
    fill(browser, f"orders-{shop_id}", "120")
    fill(browser, f"sales-{shop_id}", "36000")
    click(browser, f"save-sales-{shop_id}")
    assert "36000.00" in by_id(browser, f"platform-shop-{shop_id}").text
    assert browser.scroll_width() <= 360
    log_out(browser)
