"""The web desk in a real browser (Debian's headless Chromium, driven by Selenium) against the real bot on the
emulator: a reporter files a tip in the chat; the staff member asks the bot for a link with /web, the browser opens
it, finds the case by its number, claims it, adds a note, refers it and closes it; the bot's /tip then shows those
steps. A tip carrying script is shown inert (checked in the DOM). Screenshots for the README are saved on the way.

Without chromium and chromedriver the test is skipped with the reason, unless CI_REQUIRE_BROWSER=1 (CI sets it):
then it fails instead.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
from pathlib import Path

import pytest
from aiohttp import web

from bot.app import build_desk_app
from tests.e2e.harness import running_bot
from tests.e2e.intake_steps import answer_until_review, case_and_receipt, open_report, submit
from tests.e2e.staff_steps import ADMIN_ID, file_tips, make_draft, register
from tests.e2e.web_steps import web_link

CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
# Where the test's screenshots go: data/screenshots (not tracked), or README's pictures with
# DESK_SCREENSHOTS=docs/images, so that an ordinary run leaves the clone unchanged.
ROOT = Path(__file__).resolve().parents[2]
IMAGES = ROOT / os.environ.get("DESK_SCREENSHOTS", "data/screenshots")
EVIL = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">"


def _browser_or_skip():
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not (Path(p).exists() or shutil.which(p))]
    try:
        from selenium import webdriver
    except ImportError:
        missing.append("selenium (pip install -e .[dev])")
    if missing:
        reason = f"no browser to drive: {', '.join(missing)} missing (apt-get install chromium chromium-driver)"
        if os.environ.get("CI_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + "; CI_REQUIRE_BROWSER=1 forbids skipping")
        pytest.skip(reason)
    return webdriver


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium for the module, with a fresh profile and no background networking (the closed network
    makes it hang otherwise)."""
    webdriver = _browser_or_skip()
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Page:
    """The browser, driven off the event loop (the desk answers on this loop)."""

    def __init__(self, driver) -> None:
        self.driver = driver

    async def run(self, fn, *args):
        return await asyncio.to_thread(fn, *args)

    async def open(self, url: str) -> None:
        await self.run(self.driver.get, url)

    async def click(self, css: str) -> None:
        from selenium.webdriver.common.by import By

        await self.run(lambda: self.driver.find_element(By.CSS_SELECTOR, css).click())

    async def click_to(self, css: str, url_part: str) -> None:
        """Click, then wait for the page the click leads to (a form's answer is a redirect to ``url_part``)."""
        from selenium.webdriver.support.ui import WebDriverWait

        await self.click(css)
        await self.run(lambda: WebDriverWait(self.driver, 30).until(lambda d: url_part in d.current_url))

    async def type(self, css: str, text: str) -> None:
        from selenium.webdriver.common.by import By

        await self.run(lambda: self.driver.find_element(By.CSS_SELECTOR, css).send_keys(text))

    async def select(self, css: str, value: str) -> None:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select

        await self.run(lambda: Select(self.driver.find_element(By.CSS_SELECTOR, css)).select_by_value(value))

    async def text(self) -> str:
        from selenium.webdriver.common.by import By

        return await self.run(lambda: self.driver.find_element(By.TAG_NAME, "body").text)

    async def script(self, source: str):
        return await self.run(self.driver.execute_script, source)

    async def screenshot(self, path: Path, height: int = 1000) -> None:
        """The page as a reader sees it, ``height`` pixels of it (a taller window shows a case's forms too)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        await self.run(self.driver.set_window_size, 1280, height)
        try:
            await self.run(self.driver.save_screenshot, str(path))
        finally:
            await self.run(self.driver.set_window_size, 1280, 1000)

    @property
    def path(self) -> str:
        from urllib.parse import urlparse

        return urlparse(self.driver.current_url).path


async def test_a_case_worked_in_the_browser_shows_in_the_bot(make_settings, browser):
    port = _free_port()
    async with running_bot(make_settings, web_port=port) as harness:
        runner = web.AppRunner(build_desk_app(harness.app), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            await _work_a_case(harness, Page(browser))
        finally:
            await runner.cleanup()


async def _work_a_case(harness, page: Page) -> None:
    # A reporter files a tip in the chat; an older tip carries script in its story.
    reporter = harness.user(555010, "Ana")
    [evil] = await file_tips(harness, make_draft(EVIL, recruiter="<b>Agen</b> <script>x()</script>"))
    await open_report(reporter)
    await answer_until_review(reporter)
    case, _ = case_and_receipt((await submit(reporter)).in_chat(reporter.chat_id))
    await register(harness, ADMIN_ID, "admin", "Maria")

    # The bot's one-time link signs the browser in.
    link = await web_link(harness, ADMIN_ID)
    await page.open(link)
    await page.click_to("#sign-in", "/queue")
    assert page.path == "/queue"
    assert evil.case_number in await page.text() and case in await page.text()
    await page.screenshot(IMAGES / "desk-queue.png")

    # Found by its number, claimed, noted, referred, closed.
    await page.type("#q", case)
    await page.click_to("#search-button", "q=")
    assert "TPPO" in await page.text()
    await page.click_to("a.case-link", f"/case/{case}")
    assert page.path == f"/case/{case}"
    body = await page.text()
    assert "Pak Yohanes dari PT Maju Jaya" in body and "Tetangga saya" in body
    await page.click_to("#claim", "done=claim")
    await page.type("#note-text", "Kepala desa sudah ditelepon <ok>")
    await page.click_to("#add-note", "done=note")
    await page.select("#refer-agency", "polda_tf")
    await page.click_to("#refer", "done=refer")
    await page.screenshot(IMAGES / "desk-case.png", height=2600)
    await page.select("#close-outcome", "actioned")
    await page.click_to("#close", "done=close")
    body = await page.text()
    assert "Kepala desa sudah ditelepon <ok>" in body, body  # the note, shown as written (escaped, not markup)
    assert page.path == f"/case/{case}", body

    # The bot's /tip shows the steps taken in the browser.
    maria = harness.user(ADMIN_ID, "Maria", language_code="en")
    history = (await maria.say(f"/tip {case}")).text
    for step in ("Maria claimed it", "Maria noted:", "Maria referred it to Polda NTT task force", "Maria closed it"):
        assert step in history, history
    assert history.index("claimed it") < history.index("noted:") < history.index("referred it")

    # Script in a tip stays text: no element came from it, the title is the page's own.
    await page.open(f"{harness.app.settings.desk_url()}/case/{evil.case_number}")
    title = await page.script("return document.title")
    assert "pwned" not in title
    story = await page.script(
        "const s = document.getElementById('story');"
        "return [s.textContent, s.querySelectorAll('*').length, document.querySelectorAll('script').length,"
        " document.querySelectorAll('img').length]"
    )
    assert story[0] == EVIL and story[1] == 0 and story[2] == 0 and story[3] == 0
