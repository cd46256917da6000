"""End to end in headless Chromium: ``jekpy serve --drafts`` on a copy of the example blog.

Open the draft, edit it on disk and watch the text change without a manual reload;
break a Liquid tag and see the error page; fix it and see the post again; a page
without ``<head>`` reloads too.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package;
skips (saying which is missing) otherwise.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from servehelpers import copy_example

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
WAIT = 20.0


def _missing() -> str | None:
    if CHROMIUM is None:
        return "chromium is not installed (apt-get install -y chromium chromium-driver)"
    if CHROMEDRIVER is None:
        return "chromedriver is not installed (apt-get install -y chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is not installed (pip install -e '.[test]')"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=_missing() or "")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """``jekpy serve --drafts`` on a copy of the example blog: (site, base URL)."""
    site = copy_example(tmp_path / "blog")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jekpy", "serve", "--drafts", "-s", str(site), "-P", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: list[str] = []
    try:
        assert proc.stdout is not None
        url = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            m = re.search(r"Server address: (\S+)", line)
            if m:
                url = m.group(1)
                break
        assert url, "jekpy serve did not start:\n" + "".join(lines)
        yield site, url.rstrip("/")
    finally:
        proc.terminate()
        try:
            out, _ = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
        assert "Traceback" not in (out or ""), out


@pytest.fixture
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="jekpy-chromium-")
    options = webdriver.ChromeOptions()
    assert CHROMIUM is not None and CHROMEDRIVER is not None
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--window-size=1024,768",
    ):
        options.add_argument(arg)
    try:
        driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    except WebDriverException as err:
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"chromium is installed but could not start: {err.msg}")
    driver.set_page_load_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_until(what: str, check: Callable[[], bool], timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception:  # the page may be mid-reload
            pass
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def body_text(driver: Any) -> str:
    return str(driver.execute_script("return document.body ? document.body.innerText : ''"))


def marked(driver: Any) -> bool:
    """True while the page loaded before the last ``mark`` is still showing."""
    return bool(driver.execute_script("return window.__jekpyTestMark === 1"))


def mark(driver: Any) -> None:
    driver.execute_script("window.__jekpyTestMark = 1")


def fetch_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as err:
        return err.code


def test_draft_live_reload_and_error_page(served: tuple[Path, str], browser: Any) -> None:
    site, base = served
    dest = site / "_site"
    (draft_html,) = list(dest.rglob("a-draft-in-progress.html"))
    draft_url = base + "/" + draft_html.relative_to(dest).as_posix()
    draft = site / "_drafts" / "a-draft-in-progress.md"
    original = draft.read_text()

    browser.get(draft_url)
    wait_until("the draft", lambda: "A draft in progress" in browser.title)
    assert "Edit it while" in body_text(browser)

    # 1. Edit the draft on disk: the open page shows the new text by itself.
    mark(browser)
    draft.write_text(original + "\nA sentence typed while the preview ran.\n")
    wait_until("the edited text", lambda: "typed while the preview ran" in body_text(browser))
    assert not marked(browser), "the page changed without being reloaded?"

    # 2. Break a Liquid tag: the error page replaces the post.
    mark(browser)
    draft.write_text(original + "\n{% if %}broken{% endif %}\n")
    wait_until("the error page", lambda: bool(browser.find_elements("id", "jekpy-error")))
    text = body_text(browser)
    assert "Liquid" in text and "_drafts/a-draft-in-progress.md" in text
    assert "{% if %}broken{% endif %}" in text and "^" in text
    assert not marked(browser)
    _screenshot(browser, "error.png")

    # 3. Fix it: the post comes back.
    draft.write_text(original + "\nFixed and back.\n")
    wait_until(
        "the fixed post",
        lambda: "Fixed and back." in body_text(browser)
        and not browser.find_elements("id", "jekpy-error"),
    )

    # 4. A page without <head> reloads too.
    bare = site / "bare.html"
    bare.write_text("---\n---\n<p id=\"bare\">Bare page, first version.</p>\n")
    wait_until("bare.html to be built", lambda: fetch_status(base + "/bare.html") == 200)
    browser.get(base + "/bare.html")
    wait_until("the bare page", lambda: "first version" in body_text(browser))
    mark(browser)
    bare.write_text("---\n---\n<p id=\"bare\">Bare page, second version.</p>\n")
    wait_until("the bare page to reload", lambda: "second version" in body_text(browser))
    assert not marked(browser)

    browser.get(draft_url)
    _screenshot(browser, "post.png")


def _screenshot(driver: Any, name: str) -> None:
    """Save a screenshot when ``$JEKPY_SCREENSHOTS`` names a folder (for a person to look)."""
    folder = os.environ.get("JEKPY_SCREENSHOTS")
    if folder:
        driver.save_screenshot(os.path.join(folder, name))
