"""The dashboard in a real browser: Debian's Chromium driven by Playwright (no downloads).

Starts ``streamlit run dashboard/app.py`` on a free loopback port with the fixture model, pastes
an article with quotes (and a ``<script>`` tag), clicks Analyze and checks what a reader sees.
A screenshot is saved to ``tests/artifacts/``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium "
                              "(apt-get install chromium)"),
]

ARTICLE = """The Millbrook school board voted 5-2 on Monday to keep its four neighbourhood \
libraries open \
on Saturdays, reversing a plan to close them to save $310,000 a year.

"Closing on the one day working parents can come in would have cost us more than it saved," said \
Priya Natarajan, the board's vice chair. "We found the money in the transport budget instead."

Board member Colin Achebe, who voted against the motion, said the district could not keep \
postponing repairs. "The roof at the east branch has leaked for three winters," he said.

A district official, who spoke on condition of anonymity, said the transport savings might not \
last beyond next year.

A parent posted <script>alert(1)</script> in the meeting's online chat, the minutes show."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the dashboard exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"the dashboard did not answer at {url} within {timeout:.0f} s")


@pytest.fixture(scope="module")
def dashboard_url(trained_model_dir: Path, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[str]:
    port = _free_port()
    env = dict(os.environ, CREDIBILITY_MODEL=str(trained_model_dir),
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    log = tmp_path_factory.mktemp("dashboard") / "streamlit.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
             "--server.headless", "true", "--server.address", "127.0.0.1",
             "--server.port", str(port), "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, proc)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def test_paste_analyze_and_see_the_evidence(dashboard_url: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(exist_ok=True)
    dialogs: list[str] = []
    outside: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 4200})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(
                (dashboard_url, "data:", "blob:")) else None)
            page.goto(dashboard_url)
            area = page.get_by_label("Article text")
            area.wait_for(timeout=30_000)
            area.fill(ARTICLE)
            area.press("Control+Enter")  # commit the text before clicking
            page.get_by_role("button", name="Analyze", exact=True).click()

            score = page.locator('[data-testid="stMetricValue"]').first
            score.wait_for(timeout=30_000)
            assert score.inner_text().endswith("/ 100")
            assert 0 <= int(score.inner_text().split("/")[0]) <= 100

            chart = page.locator('[data-testid="stVegaLiteChart"]').first
            chart.wait_for(timeout=15_000)
            chart.locator("canvas, svg").first.wait_for(timeout=15_000)
            assert chart.bounding_box()["height"] > 100

            article = page.locator(".cred-article")
            assert article.locator("mark.cred-quote").count() >= 3
            assert article.locator("mark.cred-quote", has_text="We found the money").count()
            assert article.locator("mark.cred-anonymous").count() >= 1
            assert "<script>alert(1)</script>" in article.inner_text()

            quotes = page.locator('[data-testid="stDataFrame"]').first
            quotes.wait_for(timeout=15_000)
            page.wait_for_timeout(300)
            # the grid is drawn on a canvas; its cells are also in an accessible table
            assert quotes.locator('[role="columnheader"]', has_text="speaker").count() == 1
            assert quotes.locator('[role="gridcell"]', has_text="Priya Natarajan").count() >= 1

            page.screenshot(path=str(ARTIFACTS / "dashboard_analyze.png"), full_page=True)
        finally:
            browser.close()
    assert dialogs == [], f"an alert fired: the article's <script> ran ({dialogs})"
    assert outside == [], f"the page made requests beyond this machine: {outside}"
