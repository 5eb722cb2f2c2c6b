"""The counter on a bad network, in a real Chromium: with the network switched off by DevTools
network emulation (on the page and on the stations' service worker), the agent keeps reading
the counter and registers two villagers, one of them sent twice; the page shows what is queued;
when the network is back the queue is replayed and each villager is registered exactly once."""

import json
import time
import urllib.request

import websocket
from selenium.webdriver.common.by import By

from test_market import (by_id, click, ensure_language, fill, log_in, log_out, mark_page, wait_for,
                         wait_for_next_page)
from test_stations import open_counter, villager_names


class DevTools:
    """Network emulation on every target of this Chromium that loads our pages: the page itself
    (through Selenium) and the service worker (through its own DevTools connection, kept open
    while the emulation must hold)."""

    def __init__(self, browser):
        self.browser = browser
        self.address = browser.driver.capabilities["goog:chromeOptions"]["debuggerAddress"]
        self.sockets = []

    def workers(self):
        with urllib.request.urlopen(f"http://{self.address}/json/list") as answer:
            targets = json.load(answer)
        return [target for target in targets
                if target.get("type") == "service_worker" and "/stations/offline-worker.js" in target.get("url", "")]

    def offline(self, offline):
        conditions = {"offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
        self.browser.driver.execute_cdp_cmd("Network.enable", {})
        self.browser.driver.execute_cdp_cmd("Network.emulateNetworkConditions", conditions)
        if offline:
            for worker in self.workers():
                socket = websocket.create_connection(worker["webSocketDebuggerUrl"], timeout=10,
                                                     suppress_origin=True)
                for number, (method, params) in enumerate(
                        [("Network.enable", {}), ("Network.emulateNetworkConditions", conditions)], start=1):
                    socket.send(json.dumps({"id": number, "method": method, "params": params}))
                    while json.loads(socket.recv()).get("id") != number:
                        pass
                self.sockets.append(socket)
        else:
            for socket in self.sockets:
                socket.send(json.dumps({"id": 9, "method": "Network.emulateNetworkConditions", "params": conditions}))
                socket.close()
            self.sockets = []


def queued_count(browser):
    box = by_id(browser, "offline-queue")
    return box.text if box.is_displayed() else ""


def submit_villager(browser, name):
    fill(browser, "name", name)
    fill(browser, "idDigits", "4417")
    click(browser, "register")
    assert by_id(browser, "offline-saved").is_displayed()


def test_the_counter_queues_what_it_cannot_send_and_sends_it_once_when_back_online(browser):
    browser.phone()
    log_in(browser, "agent")
    devtools = DevTools(browser)
    try:
        ensure_language(browser, "zh-Hans")
        open_counter(browser)
        counter = browser.driver.current_url
        # The worker installs and takes the page over; the page is then kept for offline use.
        wait_for(browser, lambda driver: driver.execute_script(
            "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)"), timeout=20)
        browser.driver.get(counter)
        wait_for(browser, lambda driver: devtools.workers(), timeout=10)
        before = villager_names(browser)

        devtools.offline(True)
        # Offline: the counter still opens, from the phone.
        browser.driver.get(counter)
        assert "丁秀兰" in villager_names(browser)
        fill(browser, "name", "丁离线")
        fill(browser, "idDigits", "4417")
        form = by_id(browser, "villager-form")
        action = form.get_attribute("action")
        fields = {element.get_attribute("name"): element.get_attribute("value")
                  for element in form.find_elements(By.CSS_SELECTOR, "input") if element.get_attribute("name")}
        click(browser, "register")
        assert by_id(browser, "offline-saved").is_displayed()
        # The same form sent again (the same key, as a double tap or a resend would): queued
        # twice, registered once.
        mark_page(browser)
        browser.driver.execute_script("""
            const form = document.createElement('form');
            form.method = 'post'; form.action = arguments[0];
            for (const [name, value] of Object.entries(arguments[1])) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value; form.appendChild(input);
            }
            document.body.appendChild(form); form.submit();""", action, fields)
        wait_for_next_page(browser)
        assert by_id(browser, "offline-saved").is_displayed()
        # Another villager from the counter as the phone kept it: a new key, a second registration.
        browser.driver.get(counter)
        submit_villager(browser, "丁离线二")
        click(browser, "offline-back")
        wait_for(browser, lambda driver: "3" in queued_count(browser), timeout=10)
        assert browser.scroll_width() <= 360
        browser.screenshot("station-offline-zh-Hans-360")

        devtools.offline(False)
        browser.driver.get(counter)
        deadline = time.time() + 20
        while time.time() < deadline:
            names = villager_names(browser)
            if "丁离线" in names and "丁离线二" in names:
                break
            time.sleep(1)
            browser.driver.get(counter)
        names = villager_names(browser)
        assert names.count("丁离线") == 1 and names.count("丁离线二") == 1, names
        assert len(names) == len(before) + 2
        wait_for(browser, lambda driver: queued_count(browser) == "", timeout=10)
    finally:
        devtools.offline(False)
        browser.driver.execute_script(
            "return navigator.serviceWorker && navigator.serviceWorker.getRegistrations()"
            ".then(rs => Promise.all(rs.map(r => r.unregister())))")
        log_out(browser)
