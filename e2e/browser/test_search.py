"""Search in a real browser, on a 360 px phone, in both languages: the filter bar counts the
products of each category, the towns the results come from are listed with their counts and
narrow the results when tapped, and nothing is wider than the phone."""

import re

from selenium.webdriver.common.by import By

from test_market import by_id, ensure_language, html_lang, mark_page, wait_for_next_page


def fits_the_phone(browser):
    assert browser.scroll_width() <= 360
    wide = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll('main form, main select, main nav, main ul'))"
        ".filter(e => e.getBoundingClientRect().right > 360.5)"
        ".map(e => e.tagName + '#' + e.id + ' ' + e.getBoundingClientRect().right)")
    assert not wide, wide


def count_in(text):
    """The count in "大营镇（6）" or "Daying (6)"."""
    found = re.search(r"[（(](\d+)[）)]\s*$", text.strip())
    assert found, text
    return int(found.group(1))


def test_facets_count_and_narrow_on_a_phone_in_both_languages(browser):
    browser.phone()
    for language in ["zh-Hans", "en"]:
        browser.open("/search?sort=newest")
        ensure_language(browser, language)
        assert html_lang(browser) == language
        total = int(re.search(r"\d+", by_id(browser, "result-count").text).group(0))
        assert total >= 10, "the demo market lists a dozen products"

        # Every category option but "all" carries its count; the counts add up to the total.
        options = by_id(browser, "category").find_elements(By.TAG_NAME, "option")[1:]
        assert options
        assert sum(count_in(option.get_attribute("textContent")) for option in options) == total

        # The towns the products come from, each with its count, adding up to the total.
        links = browser.driver.find_elements(By.CSS_SELECTOR, "#town-facets a")
        assert len(links) >= 2, "the demo's villages lie in more than one town"
        assert sum(count_in(link.text) for link in links) == total
        fits_the_phone(browser)
        browser.screenshot(f"search-facets-{language}-360")

        # Tapping a town narrows the results to it, and says so.
        first = links[0]
        expected = count_in(first.text)
        browser.driver.execute_script("arguments[0].scrollIntoView()", first)
        mark_page(browser)
        first.click()
        wait_for_next_page(browser)
        assert "town=" in browser.driver.current_url
        assert by_id(browser, "search-place").is_displayed()
        shown = int(re.search(r"\d+", by_id(browser, "result-count").text).group(0))
        assert shown == expected
        assert len(browser.driver.find_elements(By.CSS_SELECTOR, "#results li")) == min(expected, 20)
        assert not browser.driver.find_elements(By.CSS_SELECTOR, "#town-facets")
        fits_the_phone(browser)
    ensure_language(browser, "zh-Hans")


def test_the_results_say_how_fresh_they_are_on_a_phone_in_both_languages(browser):
    """One line under the count: live from the primary (this server has no replica), or the
    replica's time and age (LoadBalancerTests checks that one through a real replica)."""
    browser.phone()
    for language, live in [("zh-Hans", "实时数据。"), ("en", "Live figures.")]:
        browser.open("/search?sort=newest")
        ensure_language(browser, language)
        line = by_id(browser, "freshness")
        assert line.is_displayed()
        assert line.text == live
        assert line.rect["x"] + line.rect["width"] <= 360.5
        fits_the_phone(browser)
        browser.screenshot(f"search-freshness-{language}-360")
    ensure_language(browser, "zh-Hans")
