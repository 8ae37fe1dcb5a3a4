"""Playwright against a live server, with Debian's Chromium and axe-core.

Screenshots of every page a journey passes land in test-artifacts/screenshots/, at desktop
and at phone width, so that a person can look at them.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import require

# Playwright's sync API runs an event loop in this thread; the ORM calls that tests make
# between browser steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
# The flags Debian's Chromium needs here: no sandbox as root, and no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    require(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - dev dependencies are installed by make test
        require(False, "playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visitor:
    """One person's browser: a context of its own, with every request checked as local."""

    def __init__(self, browser, live_server, name: str):
        self.name = name
        self.context = browser.new_context(
            base_url=live_server.url, locale="de-DE", viewport=DESKTOP
        )
        self.foreign_requests: list[str] = []
        self.context.on("request", self._check_request)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)

    def _check_request(self, request):
        host = urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:")) or host in ("localhost", "127.0.0.1"):
            return
        self.foreign_requests.append(request.url)

    def screenshot(self, step: str):
        """Save the page at desktop and phone width."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^a-z0-9]+", "-", f"{self.name}-{step}".lower()).strip("-")
        self.page.screenshot(path=SCREENSHOTS / f"{slug}-desktop.png", full_page=True)
        self.page.set_viewport_size(PHONE)
        self.page.screenshot(path=SCREENSHOTS / f"{slug}-phone.png", full_page=True)
        # Nothing may stick out sideways on a phone (the page would scroll horizontally).
        overflow = self.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        self.page.set_viewport_size(DESKTOP)
        assert overflow <= 0, f"{step} ({self.page.url}) is {overflow}px too wide for a phone"

    def check(self, step: str):
        """Screenshots, no serious or critical axe violation, no request to a foreign host."""
        self.screenshot(step)
        assert_accessible(self.page, step)
        assert not self.foreign_requests, f"requests to third parties: {self.foreign_requests}"


def assert_accessible(page, step: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, f"axe violations on {step} ({page.url}):\n" + "\n".join(serious)


@pytest.fixture
def visitor(browser, live_server):
    """Make a browser for one persona: visitor("carla")."""
    visitors = []

    def make(name: str) -> Visitor:
        v = Visitor(browser, live_server, name)
        visitors.append(v)
        return v

    yield make
    for v in visitors:
        v.context.close()
