"""What the county sees, in a real browser: the demo day planned and published, then the figures
page from the menu's tools and a run's printable manifest from /dispatch, on a 360 px phone in
both languages."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_market import by_id, click, ensure_language, html_lang, log_in, log_out, nav_click


def publish_the_day(browser):
    """Plans and publishes today's demo day from /dispatch, unless that is done already."""
    nav_click(browser, "/manage")
    click(browser, "tool-dispatch")
    if browser.driver.find_elements(By.ID, "plan-day"):
        Select(by_id(browser, "timeLimit")).select_by_value("2")
        click(browser, "plan-day")
        # The search runs in the background; the page looks again each second until the
        # plan is stored and can be published.
        WebDriverWait(browser.driver, 30).until(
            lambda driver: driver.find_elements(By.ID, "publish") or driver.find_elements(By.ID, "plan-status"))
    if browser.driver.find_elements(By.ID, "publish"):
        click(browser, "publish")


def test_the_figures_page_and_a_run_manifest_on_a_phone(browser):
    browser.phone()
    log_in(browser, "dispatcher")
    ensure_language(browser, "zh-Hans")
    publish_the_day(browser)
    manifests = browser.driver.find_elements(By.CSS_SELECTOR, "[id^=manifest-]")
    assert manifests, "each run links its manifest"
    manifest = manifests[0].get_attribute("href")
    log_out(browser)

    log_in(browser, "official")
    for language in ["zh-Hans", "en"]:
        ensure_language(browser, language)
        nav_click(browser, "/manage")
        click(browser, "tool-figures")
        assert html_lang(browser) == language
        assert browser.driver.find_element(By.ID, "figures-summary").text
        assert browser.driver.find_elements(By.CSS_SELECTOR, "#figures-villages li"), "the published day's villages"
        assert browser.driver.find_elements(By.CSS_SELECTOR, "#figures-map svg.map g.roads"), "the map draws roads"
        csv = by_id(browser, "figures-csv").get_attribute("href")
        assert "/figures/csv?from=" in csv
        assert browser.scroll_width() <= 360
        browser.screenshot(f"figures-{language}-360")
    ensure_language(browser, "zh-Hans")
    log_out(browser)

    log_in(browser, "dispatcher")
    for language in ["en", "zh-Hans"]:
        ensure_language(browser, language)
        browser.driver.get(manifest)
        assert html_lang(browser) == language
        assert browser.driver.find_elements(By.CSS_SELECTOR, "li.manifest-stop"), "the run's stops"
        assert browser.driver.find_elements(By.CSS_SELECTOR, "li.manifest-stop .signature")
        assert browser.scroll_width() <= 360
        browser.screenshot(f"manifest-{language}-360")
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.driver.find_element(By.CSS_SELECTOR, "header.site").is_displayed()
        assert browser.driver.find_element(By.CSS_SELECTOR, "li.manifest-stop").is_displayed()
        browser.screenshot("manifest-print")
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    log_out(browser)
