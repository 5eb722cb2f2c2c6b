"""Fixtures for driving the Jishi web pages in Debian's headless Chromium.

scripts/browser-test starts the server and sets JISHI_BASE_URL and JISHI_SCREENSHOTS.
"""

import base64
import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

PHONE = (360, 740)
DESKTOP = (1280, 900)


def make_driver(accept_language):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={DESKTOP[0]},{DESKTOP[1]}", f"--lang={accept_language.split(',')[0]}"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": accept_language})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(0)
    driver.set_page_load_timeout(30)
    return driver


class Browser:
    """One Chromium, with helpers to act as a phone or a desktop and to take screenshots."""

    def __init__(self, driver, base_url, shots):
        self.driver = driver
        self.base_url = base_url
        self.shots = shots

    def open(self, path):
        self.driver.get(self.base_url + path)

    def phone(self):
        width, height = PHONE
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})

    def desktop(self):
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.driver.set_window_size(*DESKTOP)

    def screenshot(self, name):
        """Saves the whole page (not just the viewport) as .build/screenshots/<name>.png."""
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        width = self.driver.execute_script("return document.documentElement.clientWidth")
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": size["height"], "scale": 1}})
        path = self.shots / f"{name}.png"
        path.write_bytes(base64.b64decode(shot["data"]))
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        return path

    def scroll_width(self):
        return self.driver.execute_script("return document.documentElement.scrollWidth")

    def viewport_width(self):
        return self.driver.execute_script("return document.documentElement.clientWidth")


@pytest.fixture(scope="session")
def base_url():
    url = os.environ.get("JISHI_BASE_URL")
    if not url:
        pytest.exit("JISHI_BASE_URL is not set; run scripts/browser-test", returncode=2)
    return url.rstrip("/")


@pytest.fixture(scope="session")
def shots():
    directory = pathlib.Path(os.environ.get("JISHI_SCREENSHOTS", ".build/screenshots"))
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.fixture(scope="session")
def chromium():
    # A villager's phone: Chinese first.
    driver = make_driver("zh-CN,zh")
    yield driver
    driver.quit()


def fresh_page(driver, base_url, shots):
    """`driver` with no cookies, at desktop size."""
    driver.get(base_url + "/healthz")
    driver.delete_all_cookies()
    page = Browser(driver, base_url, shots)
    page.desktop()
    return page


@pytest.fixture
def browser(chromium, base_url, shots):
    """A fresh session for each test: no cookies, desktop size."""
    return fresh_page(chromium, base_url, shots)


@pytest.fixture(scope="session")
def second_chromium():
    # A second, separate browser (its own cookies): the other side of a chat.
    driver = make_driver("zh-CN,zh")
    yield driver
    driver.quit()


@pytest.fixture
def other_browser(second_chromium, base_url, shots):
    """A fresh session in the second Chromium, desktop size."""
    return fresh_page(second_chromium, base_url, shots)
