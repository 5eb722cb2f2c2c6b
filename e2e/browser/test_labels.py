"""Parcel labels in a real browser: a dispatcher opens a parcel's label on a 360 px phone and
at its printed size (100 x 150 mm), in both languages, and both symbols on the screenshot
decode (zxing-cpp) to the tracking number; the SVG the API sends decodes the same, and the
page prints as one 100 x 150 mm page.

scripts/browser-test imports e2e/browser/labels.csv before serving and says where the database
is (JISHI_DATABASE_FILE), so the test can find the parcels' ids.
"""

import base64
import io
import json
import os
import re
import sqlite3
import urllib.request
import uuid

import pytest
import zxingcpp
from PIL import Image
from selenium.webdriver.common.by import By

from test_market import ensure_language, log_in

NUMBERS = ["1173179900012", "ZT7317990001", "yt2026abc0042"]
# 100 x 150 mm at the browser's 96 px per inch.
PRINT_SIZE = (378, 567)


def parcel_id(tracking_number):
    path = os.environ.get("JISHI_DATABASE_FILE")
    if not path:
        pytest.skip("JISHI_DATABASE_FILE is not set; run scripts/browser-test")
    with sqlite3.connect(path) as db:
        row = db.execute("SELECT id FROM parcels WHERE tracking_number = ?", (tracking_number,)).fetchone()
    assert row, f"{tracking_number} is not imported"
    value = row[0]
    return str(uuid.UUID(bytes=value)) if isinstance(value, bytes) else str(uuid.UUID(value))


def decoded(png):
    """What zxing-cpp reads on a screenshot: {format name: [texts]}."""
    image = Image.open(io.BytesIO(png)).convert("L")
    found = {}
    for result in zxingcpp.read_barcodes(image):
        # zxing-cpp names them "Code 128" and "QR Code".
        found.setdefault(str(result.format).split(".")[-1].replace(" ", ""), []).append(result.text)
    return found


def assert_both_symbols(png, number, where):
    found = decoded(png)
    assert found.get("Code128") == [number], f"{where}: Code 128 read {found}"
    assert found.get("QRCode") == [number], f"{where}: QR read {found}"


def label_png(browser):
    return base64.b64decode(browser.driver.find_element(By.ID, "label").screenshot_as_base64)


def emulate(browser, width, height, scale, media=""):
    browser.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": scale, "mobile": width == 360})
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
def test_a_dispatcher_prints_labels_whose_symbols_decode_to_the_tracking_number(browser, language):
    log_in(browser, "dispatcher")
    ensure_language(browser, language)
    try:
        for number in NUMBERS:
            # A phone, 360 px wide at 2 device pixels per px.
            emulate(browser, 360, 740, 2)
            browser.open(f"/parcels/{parcel_id(number)}/label")
            assert browser.driver.execute_script("return document.documentElement.lang") == language
            assert browser.scroll_width() <= 360
            label = browser.driver.find_element(By.ID, "label")
            assert label.size["width"] <= 360
            assert browser.driver.find_element(By.ID, "print").is_displayed()
            text = label.get_attribute("textContent")
            assert number in text
            if number == "ZT7317990001":
                assert ("代收货款" if language == "zh-Hans" else "Cash on delivery") in text
                assert "138****5678" in text and "13800005678" not in browser.driver.page_source
            # The whole page as the phone shows it.
            shot = browser.screenshot(f"label-{number}-{language}-360")
            assert_both_symbols(shot.read_bytes(), number, f"{number} {language} at 360 px")

            # Its printed size, as print media: only the label, 100 x 150 mm.
            emulate(browser, *PRINT_SIZE, 2, media="print")
            assert not browser.driver.find_element(By.ID, "print").is_displayed()
            size = browser.driver.find_element(By.ID, "label").size
            assert abs(size["width"] - PRINT_SIZE[0]) <= 1 and abs(size["height"] - PRINT_SIZE[1]) <= 1, size
            png = label_png(browser)
            (browser.shots / f"label-{number}-{language}-print.png").write_bytes(png)
            assert_both_symbols(png, number, f"{number} {language} at print size")
            emulate(browser, 360, 740, 2)

        # Printing gives one page of 100 x 150 mm (283.5 x 425.2 pt).
        pdf = base64.b64decode(browser.driver.execute_cdp_cmd(
            "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
        pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
        assert len(pages) == 1, len(pages)
        box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
        assert box and abs(float(box.group(1)) - 283.46) < 1 and abs(float(box.group(2)) - 425.2) < 1, box
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        browser.desktop()
        ensure_language(browser, "zh-Hans")


def test_a_buyer_gets_no_label(browser):
    log_in(browser, "buyer")
    browser.open(f"/parcels/{parcel_id('ZT7317990001')}/label")
    assert "138****5678" not in browser.driver.page_source
    assert not browser.driver.find_elements(By.ID, "label")


def test_the_api_label_renders_in_chromium_and_both_symbols_decode(browser, base_url, tmp_path):
    session = urllib.request.Request(
        base_url + "/api/v1/sessions", method="POST",
        data=json.dumps({"username": "dispatcher", "password": "jishi-demo"}).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(session) as response:
        token = json.load(response)["token"]
    for number in NUMBERS:
        request = urllib.request.Request(
            f"{base_url}/api/v1/parcels/{parcel_id(number)}/label",
            headers={"Authorization": f"Bearer {token}", "Accept": "image/svg+xml", "Accept-Language": "en"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Type"].startswith("image/svg+xml")
            svg = response.read()
        assert b'viewBox="0 0 100 150"' in svg and b'width="100mm"' in svg
        path = tmp_path / f"{number}.svg"
        path.write_bytes(svg)
        emulate(browser, *PRINT_SIZE, 2)
        browser.driver.get(path.as_uri())
        png = base64.b64decode(browser.driver.find_element(By.TAG_NAME, "svg").screenshot_as_base64)
        (browser.shots / f"label-{number}-api.png").write_bytes(png)
        assert_both_symbols(png, number, f"{number} from the API")
    browser.desktop()
