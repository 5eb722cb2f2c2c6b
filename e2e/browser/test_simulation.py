"""The officials' policy scenarios in a real browser, on a 360 px phone: the county official
runs a scenario for 丁庄村 in both languages and reads its curves (SVG, mean and p10–p90 band)
and the table of the levers' effect; a bad coverage comes back with its message; a town's
scenario waits for the job worker, its page refreshing itself until the results are in; and the
two saved scenarios are compared side by side. Nothing may be wider than the phone."""

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_market import by_id, click, ensure_language, fill, html_lang, log_in, log_out, nav_click, wait_for

DINGZHUANG = "371799101201"
DAYING = "371799101"


def fits_the_phone(browser):
    """Nothing is wider than the phone: the page does not scroll sideways, and every chart,
    table and form ends inside the screen."""
    assert browser.scroll_width() <= 360
    wide = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll('main svg, main table, main form, main select'))"
        ".filter(e => e.getBoundingClientRect().right > 360.5)"
        ".map(e => e.tagName + '#' + e.id + ' ' + e.getBoundingClientRect().right)")
    assert not wide, wide


def open_the_page(browser):
    nav_click(browser, "/manage")
    click(browser, "tool-simulation")
    assert by_id(browser, "simulation-form").is_displayed()


def charts(browser, where="#simulation-charts"):
    return browser.driver.find_elements(By.CSS_SELECTOR, f"{where} svg.chart")


def test_a_villages_scenario_on_a_phone_in_both_languages(browser):
    browser.phone()
    log_in(browser, "official")
    for language in ["zh-Hans", "en"]:
        ensure_language(browser, language)
        open_the_page(browser)
        assert html_lang(browser) == language
        fits_the_phone(browser)
        browser.screenshot(f"simulation-form-{language}-360")

        Select(by_id(browser, "place")).select_by_value(DINGZHUANG)
        fill(browser, "broadband", "0.9")
        fill(browser, "training", "150")
        fill(browser, "subsidy", "500")
        fill(browser, "runs", "10")
        click(browser, "run")
        assert "/insights/simulation/runs/" in browser.driver.current_url
        assert html_lang(browser) == language
        assert len(charts(browser)) == 5, "households with shops, active shops, sales, parcels out and in"
        assert browser.driver.find_elements(By.CSS_SELECTOR, "#simulation-charts polygon.band")
        assert browser.driver.find_elements(By.CSS_SELECTOR, "#simulation-charts polyline.mean")
        assert by_id(browser, "simulation-legend").text
        effects = browser.driver.find_elements(By.CSS_SELECTOR, "#simulation-effects tbody tr")
        assert len(effects) == 5 * 6, "a heading and five years for each of five figures"
        assert browser.driver.find_elements(By.CSS_SELECTOR, "#simulation-taobao tbody tr")
        assert "/csv" in by_id(browser, "simulation-csv").get_attribute("href")
        fits_the_phone(browser)
        browser.screenshot(f"simulation-village-{language}-360")

    # A coverage above 1 comes back with its message and the form as typed; nothing runs.
    open_the_page(browser)
    saved = len(browser.driver.find_elements(By.CSS_SELECTOR, "#simulation-runs li"))
    fill(browser, "broadband", "1.5")
    click(browser, "run")
    assert by_id(browser, "simulation-error").text
    assert by_id(browser, "broadband").get_attribute("value") == "1.5"
    assert len(browser.driver.find_elements(By.CSS_SELECTOR, "#simulation-runs li")) == saved
    fits_the_phone(browser)
    browser.screenshot("simulation-refused-en-360")

    # A town waits for the job worker; its page reloads itself until the results are in.
    fill(browser, "broadband", "")
    Select(by_id(browser, "place")).select_by_value(DAYING)
    by_id(browser, "station").click()
    fill(browser, "runs", "4")
    fill(browser, "years", "3")
    click(browser, "run")
    assert "/insights/simulation/runs/" in browser.driver.current_url
    assert charts(browser) or by_id(browser, "simulation-progress").is_displayed()

    def finished(driver):
        try:
            return len(driver.find_elements(By.CSS_SELECTOR, "#simulation-charts svg.chart")) == 5
        except WebDriverException:
            return False  # between two loads
    wait_for(browser, finished, timeout=60)
    assert by_id(browser, "view-form").is_displayed()
    assert browser.driver.find_elements(By.CSS_SELECTOR, "#simulation-taobao tbody tr[id^=taobao-town-]")
    fits_the_phone(browser)
    browser.screenshot("simulation-town-en-360")

    # The two latest side by side.
    open_the_page(browser)
    click(browser, "compare")
    assert by_id(browser, "compare-a").text and by_id(browser, "compare-b").text
    assert len(charts(browser, "#compare-charts")) == 5
    assert browser.driver.find_elements(By.CSS_SELECTOR, "#compare-effects tbody tr")
    fits_the_phone(browser)
    browser.screenshot("simulation-compare-en-360")

    ensure_language(browser, "zh-Hans")
    log_out(browser)
