"""A station's counter in a real browser, on a 360 px phone in both languages: the demo agent
finds their station from the menu, registers a villager (sending the form twice registers one),
and closes the day against the drawer; the county's official sees the stations from the staff
pages, the villagers masked, and confirms the takings arrived."""

import re

from selenium.webdriver.common.by import By
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import Select

from test_market import (by_id, check_pages_on_a_phone, click, ensure_language, fill, html_lang, log_in, log_out,
                         mark_page, nav_click, wait_for, wait_for_next_page)

STATION = "STA-371799101201"


def open_counter(browser):
    nav_click(browser, "/stations")
    click(browser, "station-" + STATION)


def expect_notice(browser):
    """The page says the step was done; otherwise the assertion shows what the page says instead."""
    try:
        wait_for(browser, lambda driver: driver.find_elements(By.CSS_SELECTOR, ".notice"))
    except TimeoutException:
        raise AssertionError("no notice on " + browser.driver.current_url + ": "
                             + browser.driver.find_element(By.TAG_NAME, "main").text[:600])


def balance_fen(browser):
    """The drawer's balance the page shows, in fen."""
    amount = re.search(r"([\d,]+)\.(\d\d)", by_id(browser, "balance").text)
    return int(amount.group(1).replace(",", "")) * 100 + int(amount.group(2))


def villager_names(browser):
    return [row.find_element(By.CSS_SELECTOR, ".t").text
            for row in browser.driver.find_elements(By.CSS_SELECTOR, "#villagers li.villager")]


def test_an_agent_registers_a_villager_and_closes_the_day(browser):
    browser.phone()
    log_in(browser, "agent")
    try:
        for language in ["en", "zh-Hans"]:
            ensure_language(browser, language)
            open_counter(browser)
            assert html_lang(browser) == language
            assert "20000.00" in by_id(browser, "drawer").text, "the deposit paid in"
            assert "丁秀兰" in villager_names(browser)
            assert by_id(browser, "demand").is_displayed(), "the month's market-demand report"
            # The demo's assisted order earned this month's first commission line, at 4 %.
            lines = browser.driver.find_elements(By.CSS_SELECTOR, "#commission-lines li")
            assert lines and "× 4%" in lines[0].text, by_id(browser, "commission").text
            assert browser.scroll_width() <= 360
            browser.screenshot(f"station-counter-{language}-360")

        # A whole ID number is refused and registers nobody.
        before = len(villager_names(browser))
        fill(browser, "name", "丁春生")
        fill(browser, "idDigits", "371799198001014417")
        click(browser, "register")
        assert by_id(browser, "idDigits-error").is_displayed()
        assert len(villager_names(browser)) == before

        # Registered once, even when the same form (the same key) is sent again.
        fill(browser, "name", "丁春生")
        fill(browser, "idDigits", "4417")
        form = by_id(browser, "villager-form")
        action = form.get_attribute("action")
        fields = {element.get_attribute("name"): element.get_attribute("value")
                  for element in form.find_elements(By.CSS_SELECTOR, "input") if element.get_attribute("name")}
        click(browser, "register")
        expect_notice(browser)
        assert villager_names(browser).count("丁春生") == 1
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
        browser.driver.get(action.rsplit("/", 1)[0])
        assert villager_names(browser).count("丁春生") == 1

        # The day closed against the drawer: short by one yuan, so it must say why.
        balance = balance_fen(browser)
        counted = f"{(balance - 100) // 100}.{(balance - 100) % 100:02d}"
        fill(browser, "counted", counted)
        click(browser, "close-day")
        assert by_id(browser, "explanation-error").is_displayed()
        fill(browser, "counted", counted)
        fill(browser, "explanation", "找零少了一块")
        click(browser, "close-day")
        expect_notice(browser)
        assert not browser.driver.find_elements(By.ID, "close-form"), "one close a day"
        closes = browser.driver.find_elements(By.CSS_SELECTOR, "#closes li")
        assert closes and "找零少了一块" in closes[0].text
        assert balance_fen(browser) == 0, balance
        assert browser.scroll_width() <= 360
        browser.screenshot("station-closed-zh-Hans-360")
    finally:
        ensure_language(browser, "zh-Hans")
        log_out(browser)


def test_the_county_sees_its_stations_masked_and_confirms_a_close(browser):
    browser.phone()
    log_in(browser, "official")
    try:
        for language in ["zh-Hans", "en"]:
            ensure_language(browser, language)
            nav_click(browser, "/manage")
            click(browser, "tool-stations")
            assert html_lang(browser) == language
            assert browser.driver.find_elements(By.CSS_SELECTOR, "#station-list li")
            assert "3,000" in by_id(browser, "training-totals").text or "3000" in by_id(browser, "training-totals").text
            assert browser.scroll_width() <= 360
            browser.screenshot(f"stations-{language}-360")
        click(browser, "station-" + STATION)
        names = villager_names(browser)
        assert names and all(name.endswith("**") for name in names), names
        assert not browser.driver.find_elements(By.ID, "villager-form")
        confirms = browser.driver.find_elements(By.CSS_SELECTOR, "[id^=confirm-]")
        if confirms:
            click(browser, confirms[0].get_attribute("id"))
            expect_notice(browser)
        assert not browser.driver.find_elements(By.CSS_SELECTOR, "[id^=confirm-]")
        assert browser.scroll_width() <= 360
        browser.screenshot("station-official-en-360")
        # The official reads the agents' commission month by month: last month had none.
        assert browser.driver.find_elements(By.CSS_SELECTOR, "#commission-lines li")
        click(browser, "commission-earlier")
        assert not browser.driver.find_elements(By.CSS_SELECTOR, "#commission-lines li")
        assert "?month=" in browser.driver.current_url
    finally:
        ensure_language(browser, "zh-Hans")
        log_out(browser)


def station_pages(browser, role):
    browser.open("/stations")
    counter = by_id(browser, "station-" + STATION).get_attribute("href")
    return ["/stations", counter, counter + "/consignments"]


def test_station_pages_fit_a_360px_phone(browser):
    for language in ["zh-Hans", "en"]:
        check_pages_on_a_phone(browser, "agent", language, station_pages, prefix="station-")


def test_an_agent_hands_out_the_waiting_parcels_on_proof(browser):
    """The demo's two parcels at 丁庄村's station: 丁秀兰's, recognised by her ID digits; 丁大山's,
    by his phone, with ¥35 cash on delivery, which the drawer then holds."""
    browser.phone()
    log_in(browser, "agent")
    try:
        ensure_language(browser, "zh-Hans")
        open_counter(browser)
        parcels = browser.driver.find_elements(By.CSS_SELECTOR, "#parcels li.parcel details")
        assert len(parcels) >= 2
        first, second = [parcel.find_element(By.XPATH, "..").get_attribute("id").removeprefix("parcel-")
                         for parcel in parcels[:2]]
        balance = balance_fen(browser)

        # The agent confirms the courier's drop with its shelf place; a blank place is refused.
        browser.driver.find_element(By.CSS_SELECTOR, f"#parcel-{first} summary").click()
        click(browser, "arrive-" + first)
        assert by_id(browser, f"shelf-{first}-error").is_displayed()
        fill(browser, "shelf-" + first, "A-03")
        click(browser, "arrive-" + first)
        expect_notice(browser)
        assert "A-03" in browser.driver.find_element(By.CSS_SELECTOR, f"#parcel-{first} summary").text

        # Wrong digits: refused, the parcel stays, its form opens with the error.
        browser.driver.find_element(By.CSS_SELECTOR, f"#parcel-{first} summary").click()
        Select(by_id(browser, "proof-" + first)).select_by_value("id_card")
        fill(browser, "digits-" + first, "9999")
        fill(browser, "signature-" + first, "丁秀兰")
        click(browser, "hand-out-" + first)
        assert by_id(browser, f"digits-{first}-error").is_displayed()
        Select(by_id(browser, "proof-" + first)).select_by_value("id_card")
        fill(browser, "digits-" + first, "3021")
        click(browser, "hand-out-" + first)
        expect_notice(browser)
        assert not browser.driver.find_elements(By.ID, "parcel-" + first)

        browser.driver.find_element(By.CSS_SELECTOR, f"#parcel-{second} summary").click()
        fill(browser, "digits-" + second, "1234")
        fill(browser, "signature-" + second, "丁大山")
        by_id(browser, "cod-" + second).click()
        assert browser.scroll_width() <= 360
        browser.screenshot("station-hand-out-zh-Hans-360")
        click(browser, "hand-out-" + second)
        assert not browser.driver.find_elements(By.ID, "parcel-" + second)
        assert balance_fen(browser) == balance + 3500
    finally:
        log_out(browser)


def test_an_agent_pays_a_villagers_bill_and_takes_the_fee_when_it_is_done(browser):
    """The services desk: a bill taken for 丁秀兰, done with the utility's receipt number, and
    the usual fee of ¥1 in the drawer; a fee that is not money is refused beside its field."""
    browser.phone()
    log_in(browser, "agent")
    try:
        ensure_language(browser, "zh-Hans")
        open_counter(browser)
        Select(by_id(browser, "serviceKind")).select_by_value("utility_bill")
        fill(browser, "details", "电费 户号 0531-8812")
        fill(browser, "fee", "一块")
        click(browser, "service-submit")
        assert by_id(browser, "fee-error").is_displayed()

        Select(by_id(browser, "serviceKind")).select_by_value("utility_bill")
        Select(by_id(browser, "villager")).select_by_visible_text("丁秀兰")
        fill(browser, "details", "电费 户号 0531-8812")
        fill(browser, "fee", "")
        click(browser, "service-submit")
        expect_notice(browser)
        request = browser.driver.find_element(By.CSS_SELECTOR, "#service-requests li.service")
        tag = request.get_attribute("id").removeprefix("service-")
        assert "待办" in request.text and "0531-8812" in request.text
        balance = balance_fen(browser)

        request.find_element(By.CSS_SELECTOR, "summary").click()
        assert browser.scroll_width() <= 360
        browser.screenshot("station-service-zh-Hans-360")
        click(browser, "service-done-" + tag)
        assert by_id(browser, f"receipt-{tag}-error").is_displayed(), "a done request needs its receipt"
        fill(browser, "receipt-" + tag, "GD-20261203-77")
        click(browser, "service-done-" + tag)
        expect_notice(browser)
        assert "GD-20261203-77" in by_id(browser, "service-" + tag).text
        assert balance_fen(browser) == balance + 100
    finally:
        log_out(browser)


def test_an_agent_records_a_training_and_anyone_checks_the_certificate(browser):
    """A session of the demo's shop course at 丁庄村: 王桂芝 attends and gets a certificate,
    whose code anyone checks on the public page, signed out, in both languages."""
    browser.phone()
    log_in(browser, "agent")
    try:
        ensure_language(browser, "zh-Hans")
        open_counter(browser)
        assert browser.driver.find_elements(By.CSS_SELECTOR, "#training-sessions li.training"), "the demo's session"
        Select(by_id(browser, "course")).select_by_index(0)
        fill(browser, "trainer", "")
        click(browser, "training-submit")
        assert by_id(browser, "trainer-error").is_displayed()
        fill(browser, "trainer", "李老师")
        click(browser, "training-submit")
        expect_notice(browser)
        session = browser.driver.find_elements(By.CSS_SELECTOR, "#training-sessions li.training")[0]
        tag = session.get_attribute("id").removeprefix("training-")
        Select(by_id(browser, "attendee-" + tag)).select_by_visible_text("王桂芝")
        assert browser.scroll_width() <= 360
        browser.screenshot("station-training-zh-Hans-360")
        click(browser, "attend-" + tag)
        expect_notice(browser)
        text = by_id(browser, "training-" + tag).text
        assert "王桂芝" in text, text
        code = re.search(r"证书 ([A-Z0-9]{10})", text).group(1)
    finally:
        log_out(browser)

    for language in ["zh-Hans", "en"]:
        ensure_language(browser, language)
        browser.open("/certificates")
        fill(browser, "code", code.lower())
        click(browser, "check")
        certificate = by_id(browser, "certificate").text
        assert code in certificate and "王**" in certificate, certificate
        assert html_lang(browser) == language
        assert browser.scroll_width() <= 360
        browser.screenshot(f"certificate-{language}-360")
    fill(browser, "code", "ABCDEFGHJK")
    click(browser, "check")
    assert not browser.driver.find_elements(By.ID, "certificate")
    ensure_language(browser, "zh-Hans")


def test_an_agent_buys_a_stool_for_a_villager_and_takes_the_cash(browser):
    """Assisted buying at 360 px: 丁大山 wants a small stool; the agent finds it, orders it to the
    station for him, and takes the cash, which the drawer then holds."""
    browser.phone()
    log_in(browser, "agent")
    try:
        for language in ["en", "zh-Hans"]:
            ensure_language(browser, language)
            open_counter(browser)
            balance = balance_fen(browser)
            click(browser, "assisted-link")
            assert html_lang(browser) == language
            assert browser.scroll_width() <= 360
            browser.screenshot(f"station-assisted-{language}-360")
        Select(by_id(browser, "villager")).select_by_visible_text("丁大山")
        fill(browser, "q", "小板凳")
        click(browser, "assisted-find")
        buttons = browser.driver.find_elements(By.CSS_SELECTOR, "#assisted-found button[id^=buy-]")
        assert buttons, browser.driver.find_element(By.TAG_NAME, "main").text[:400]
        assert browser.scroll_width() <= 360
        click(browser, buttons[0].get_attribute("id"))
        expect_notice(browser)
        placed = browser.driver.find_elements(By.CSS_SELECTOR, "#assisted-recent li.assisted")[0]
        assert "丁大山" in placed.text
        cash = placed.find_element(By.CSS_SELECTOR, "button")
        total = re.search(r"([\d,]+)\.(\d\d)", cash.text)
        total_fen = int(total.group(1).replace(",", "")) * 100 + int(total.group(2))
        row = placed.get_attribute("id")
        click(browser, cash.get_attribute("id"))
        expect_notice(browser)
        assert not browser.driver.find_elements(By.CSS_SELECTOR, f"#{row} button"), "paid: no cash button any more"
        open_counter(browser)
        assert balance_fen(browser) == balance + total_fen
    finally:
        log_out(browser)


def test_an_agent_sells_for_a_villager_and_pays_out_their_share(browser):
    """Consignment selling at 360 px: 丁秀兰's eggs sold to the demo buyer; she asks what she is
    owed, the agent pays it out in cash (sending the form twice pays once) and the drawer gives
    it; then the agent lists her hand-woven basket, refused until she has agreed in front of a
    witness."""
    browser.phone()
    log_in(browser, "agent")
    try:
        for language in ["en", "zh-Hans"]:
            ensure_language(browser, language)
            open_counter(browser)
            balance = balance_fen(browser)
            click(browser, "consign-link")
            assert html_lang(browser) == language
            assert len(browser.driver.find_elements(By.CSS_SELECTOR, "#consignments li")) >= 2
            assert browser.scroll_width() <= 360
            browser.screenshot(f"station-consign-{language}-360")
        Select(by_id(browser, "ask-villager")).select_by_visible_text("丁秀兰")
        click(browser, "consign-show")
        owed = by_id(browser, "consignor-owed").text
        assert "81.00" in owed, owed  # 90 % of two boxes of eggs at ¥45.00
        payout = by_id(browser, "consign-payout")
        action = payout.get_attribute("action")
        fields = {element.get_attribute("name"): element.get_attribute("value")
                  for element in payout.find_elements(By.CSS_SELECTOR, "input") if element.get_attribute("name")}
        assert browser.scroll_width() <= 360
        browser.screenshot("station-consign-account-zh-Hans-360")
        click(browser, "consign-pay")
        expect_notice(browser)
        assert not browser.driver.find_elements(By.ID, "consign-payout"), "nothing left to pay"
        # The same form again (the same key): still one payout.
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
        lines = [row.text for row in browser.driver.find_elements(By.CSS_SELECTOR, "#consignor-lines li")]
        assert sum("81.00" in line for line in lines) == 2, lines  # the sale and one payout
        open_counter(browser)
        assert balance_fen(browser) == balance - 8100

        # Listing without her agreement is refused; with it, the basket is on sale.
        click(browser, "consign-link")
        Select(by_id(browser, "owner")).select_by_visible_text("丁秀兰")
        fill(browser, "title", "手编柳条篮")
        Select(by_id(browser, "category")).select_by_index(5)
        fill(browser, "price", "38")
        fill(browser, "stock", "4")
        fill(browser, "witness", "邻居 王桂芝")
        click(browser, "consign-list")
        assert browser.driver.find_elements(By.CSS_SELECTOR, ".alert")
        assert "手编柳条篮" not in by_id(browser, "consignments").text
        by_id(browser, "agreed").click()
        click(browser, "consign-list")
        expect_notice(browser)
        assert "手编柳条篮" in by_id(browser, "consignments").text
        assert browser.scroll_width() <= 360
    finally:
        log_out(browser)


def test_a_villager_brings_goods_back_to_the_counter(browser):
    """Returns at 360 px: 丁大山's delivered order comes back; the agent takes it in with a
    reason, and the return (its refund asked of the shop, its parcel) is listed once."""
    browser.phone()
    log_in(browser, "agent")
    try:
        for language in ["en", "zh-Hans"]:
            ensure_language(browser, language)
            open_counter(browser)
            click(browser, "assisted-link")
            forms = browser.driver.find_elements(By.CSS_SELECTOR, "#assisted-recent form[id^=return-]")
            assert forms, by_id(browser, "assisted-recent").text
            assert browser.scroll_width() <= 360
        form = forms[0]
        tag = form.get_attribute("id").removeprefix("return-")
        # Without a reason nothing is taken back.
        click(browser, "take-back-" + tag)
        assert browser.driver.find_elements(By.CSS_SELECTOR, ".alert")
        assert not browser.driver.find_elements(By.ID, "counter-returns")
        fill(browser, "reason-" + tag, "凳子腿不稳")
        click(browser, "take-back-" + tag)
        expect_notice(browser)
        returns = by_id(browser, "counter-returns").find_elements(By.CSS_SELECTOR, "li")
        assert len(returns) == 1 and "丁大山" in returns[0].text, [row.text for row in returns]
        assert not browser.driver.find_elements(By.ID, "return-" + tag), "nothing left to take back"
        assert browser.scroll_width() <= 360
        browser.screenshot("station-return-zh-Hans-360")
    finally:
        log_out(browser)


def test_the_county_admin_sets_the_agents_commission_rate(browser):
    """The county's admin sets the agents' rate on the stations page at 360 px: 4.5 % is saved,
    30 % is refused with the page saying why, and 4 % is put back."""
    browser.phone()
    log_in(browser, "admin")
    try:
        for language in ["en", "zh-Hans"]:
            ensure_language(browser, language)
            browser.open("/stations")
            assert html_lang(browser) == language
            assert by_id(browser, "commission-rate").get_attribute("value") == "4"
            assert browser.scroll_width() <= 360
            browser.screenshot(f"stations-terms-{language}-360")
        fill(browser, "commission-rate", "4.5")
        click(browser, "save-terms")
        expect_notice(browser)
        assert by_id(browser, "commission-rate").get_attribute("value") == "4.5"
        fill(browser, "commission-rate", "30")
        click(browser, "save-terms")
        assert browser.driver.find_elements(By.CSS_SELECTOR, ".alert")
        browser.open("/stations")
        assert by_id(browser, "commission-rate").get_attribute("value") == "4.5"
        fill(browser, "commission-rate", "4")
        click(browser, "save-terms")
        expect_notice(browser)
        assert by_id(browser, "commission-rate").get_attribute("value") == "4"
    finally:
        log_out(browser)
