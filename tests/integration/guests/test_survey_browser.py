"""The phone survey answered in a real headless browser (Debian's chromium + chromedriver through selenium)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop.core import clock
from desktop.models.guests import SurveyResponse
from desktop.services.common.permissions import Actor
from desktop.services.guests.survey_server import SurveyServer
from desktop.services.system import AppContext
from tests.integration.guests.desk import walk_in
from tests.integration.guests.phones import response_count

WITA = ZoneInfo("Asia/Makassar")
SHOTS = Path("/tmp/shots14")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# A phone-sized window (iPhone 12-14 class).
PHONE = (390, 844)


def _browser_or_skip() -> None:
    if CHROMIUM and CHROMEDRIVER:
        return
    reason = "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser test (.ci/setup-services.sh installs them)")
    pytest.skip(reason)


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    _browser_or_skip()
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    monkeypatch.setenv("SE_OFFLINE", "true")  # the paths are given: selenium must not look for drivers online
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=id-ID"):
        options.add_argument(arg)
    options.add_argument(f"--window-size={PHONE[0]},{PHONE[1]}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def served(ctx: AppContext) -> Iterator[SurveyServer]:
    server = SurveyServer(ctx.db, "127.0.0.1", 0).start()
    yield server
    server.stop()


def _answer(driver: object, values: tuple[int, ...]) -> None:
    from selenium.webdriver.common.by import By

    for i, value in enumerate(values, start=1):
        radio = driver.find_element(By.CSS_SELECTOR, f'input[name="u{i}"][value="{value}"]')  # type: ignore[attr-defined]
        # A tap on the label's text, as a thumb would do it, not on the small circle.
        radio.find_element(By.XPATH, "..").click()
        assert radio.is_selected()


def test_a_phone_answers_once_and_the_same_token_is_refused_after(
    ctx: AppContext, desk: Actor, served: SurveyServer, browser: object
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = browser
    with clock.fixed(datetime(2026, 3, 2, 10, 5, tzinfo=WITA)):
        visit = walk_in(ctx, desk, "Rahmat Hidayat", instansi="Kelurahan Sempaja", no_hp="0813-4444-2211")
        url = f"http://127.0.0.1:{served.port}/s/{visit.survei_token}"

        driver.get(url)  # type: ignore[attr-defined]
        # A second tab with the same form open: the guest pressing "Kirim" twice, or sharing the link.
        first_tab = driver.current_window_handle  # type: ignore[attr-defined]
        driver.switch_to.new_window("tab")  # type: ignore[attr-defined]
        driver.get(url)  # type: ignore[attr-defined]
        second_tab = driver.current_window_handle  # type: ignore[attr-defined]
        driver.switch_to.window(first_tab)  # type: ignore[attr-defined]

        body = driver.find_element(By.TAG_NAME, "body").text  # type: ignore[attr-defined]
        assert "Survei Kepuasan Masyarakat" in body
        assert "Rahmat" not in body and "Sempaja" not in body and "4444" not in body
        choice = driver.find_element(By.CSS_SELECTOR, "label.pilih")  # type: ignore[attr-defined]
        # The hashed stylesheet passed the page's own Content-Security-Policy: the answers are large targets.
        assert choice.value_of_css_property("padding-top") == "12px"
        assert choice.size["height"] >= 44

        SHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SHOTS / "survei_ponsel_390x844.png"))  # type: ignore[attr-defined]
        values = (4, 3, 3, 4, 2, 4, 4, 3, 1)
        _answer(driver, values)
        Select(driver.find_element(By.NAME, "pendidikan")).select_by_value("SMA")  # type: ignore[attr-defined]
        driver.find_element(By.CSS_SELECTOR, 'input[name="jenis_kelamin"][value="L"]').find_element(  # type: ignore[attr-defined]
            By.XPATH, ".."
        ).click()
        driver.find_element(By.NAME, "saran").send_keys("Antrian cepat, parkir sempit.")  # type: ignore[attr-defined]
        _full_page_shot(driver, SHOTS / "survei_ponsel_terisi.png")
        _submit(driver)
        assert driver.find_element(By.TAG_NAME, "h1").text == "Terima kasih"  # type: ignore[attr-defined]
        driver.save_screenshot(str(SHOTS / "survei_ponsel_terima_kasih.png"))  # type: ignore[attr-defined]

        driver.switch_to.window(second_tab)  # type: ignore[attr-defined]
        _answer(driver, (1,) * 9)
        _submit(driver)
        refused = driver.find_element(By.TAG_NAME, "body").text  # type: ignore[attr-defined]
        assert "Survei untuk kunjungan ini sudah diisi." in refused

        driver.get(url)  # type: ignore[attr-defined]  # scanning the QR again later
        again = driver.find_element(By.TAG_NAME, "body").text  # type: ignore[attr-defined]
        assert "Survei untuk kunjungan ini sudah diisi." in again
        assert not driver.find_elements(By.TAG_NAME, "form")  # type: ignore[attr-defined]
        driver.save_screenshot(str(SHOTS / "survei_ponsel_sudah_diisi.png"))  # type: ignore[attr-defined]

    assert response_count(ctx) == 1
    with ctx.db.read() as s:
        row = s.scalars(select(SurveyResponse)).one()
    assert tuple(getattr(row, f"u{i}") for i in range(1, 10)) == values
    assert (row.sumber, row.pendidikan, row.jenis_kelamin, row.saran) == (
        "ponsel",
        "SMA",
        "L",
        "Antrian cepat, parkir sempit.",
    )


def _submit(driver: object) -> None:
    """Press "Kirim" and wait until the next page has replaced the form."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    button = driver.find_element(By.CSS_SELECTOR, "button[type=submit]")  # type: ignore[attr-defined]
    button.click()
    WebDriverWait(driver, 15).until(expected_conditions.staleness_of(button))


def _full_page_shot(driver: object, path: Path) -> None:
    """The whole scrolling page as one image (DevTools), to look at every question as a phone shows it."""
    import base64

    shot = driver.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Page.captureScreenshot", {"captureBeyondViewport": True, "format": "png"}
    )
    path.write_bytes(base64.b64decode(shot["data"]))
