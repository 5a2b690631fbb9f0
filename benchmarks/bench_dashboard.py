"""How long the dashboard takes to render the analysis of a 700-word article, model loaded.

    python benchmarks/bench_dashboard.py [--model DIR] [--repeats 15] [--browser]

The Analyze page is driven through Streamlit's AppTest (the same script run a browser triggers):
one warm-up click loads the model (``st.cache_resource``) and the lazy imports, then each timed
click analyzes the article anew (a varied copy, so no cache holds its parse) and renders every
element: score, family chart, reasons, highlighted text, quotes, sources, readability,
sentence sentiment, signals. Reported: the median, min and max over ``--repeats`` clicks, and
the part of it spent in ``model.score`` (the library) for comparison. ``--browser`` also times,
in Debian's Chromium, a click on Analyze until the highlighted article is on the screen.

The article is built from the project's own example articles (credibility/data/examples), cut
to exactly 700 words. Without --model and without models/CURRENT, a model is trained on the
labeled test fixture first (a few seconds).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "dashboard")]

from credibility.ingest import read_article  # noqa: E402
from credibility.model import CredibilityModel  # noqa: E402
from credibility.text import WORD_RE  # noqa: E402

EXAMPLES = ROOT / "credibility" / "data" / "examples"
N_WORDS = 700


def article_of(n_words: int = N_WORDS) -> str:
    """Paragraphs of the example articles (wire report first), cut at exactly ``n_words``."""
    names = ["wire_report.txt", "mixed_feature.txt", "science_news.txt"]
    paragraphs = [p for name in names for p in read_article(EXAMPLES / name).text.split("\n\n")]
    out, count = [], 0
    for paragraph in paragraphs:
        words = list(WORD_RE.finditer(paragraph))
        if count + len(words) >= n_words:
            out.append(paragraph[: words[n_words - count - 1].end()] + ".")
            break
        out.append(paragraph)
        count += len(words)
    return "\n\n".join(out)


def model_dir(given: str | None, workdir: Path) -> Path:
    if given:
        return Path(given)
    try:
        return CredibilityModel.load().path
    except Exception:  # noqa: BLE001 - no default model: train one on the fixture
        from credibility.labels import load_labeled
        from credibility.registry import save_model
        from credibility.training import train

        print("no models/CURRENT: training a model on tests/fixtures/labeled_articles.jsonl")
        data = load_labeled([ROOT / "tests" / "fixtures" / "labeled_articles.jsonl"])
        return save_model(train(data, n_splits=4), workdir / "fixture-model", data=data,
                          command="benchmarks/bench_dashboard.py")


def bench_apptest(model: Path, article: str, repeats: int) -> tuple[list[float], list[float]]:
    from streamlit.testing.v1 import AppTest

    os.environ["CREDIBILITY_MODEL"] = str(model)
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
    at.run()
    at.text_area(key="article_text").input(article)
    at.button(key="analyze").click().run()  # warm-up: model load, lazy imports
    assert not at.exception and at.metric, "the warm-up analysis failed"
    loaded = CredibilityModel.load(model)
    loaded.score(article)
    render, library = [], []
    for i in range(repeats):
        text = article.replace("$48 million", f"${48 + i + 1} million")
        at.text_area(key="article_text").input(text)
        at.run()  # the text edit alone (no analysis) is not timed
        start = time.perf_counter()
        at.button(key="analyze").click().run()
        render.append(time.perf_counter() - start)
        assert not at.exception and at.metric[0].value.endswith("/ 100")
        start = time.perf_counter()
        loaded.score(text + " ")  # a fresh parse, as in the page
        library.append(time.perf_counter() - start)
    return render, library


def bench_browser(model: Path, article: str, repeats: int) -> list[float]:
    import socket
    import subprocess
    import urllib.request

    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, CREDIBILITY_MODEL=str(model), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
         "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port",
         str(port), "--browser.gatherUsageStats", "false"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/")
            for i in range(repeats + 1):
                area = page.get_by_label("Article text")
                area.fill(article.replace("$48 million", f"${48 + i + 1} million"))
                area.press("Control+Enter")
                page.wait_for_timeout(300)
                marker = f"${48 + i + 1} million"
                start = time.perf_counter()
                page.get_by_role("button", name="Analyze", exact=True).click()
                page.locator(".cred-article", has_text=marker).wait_for(timeout=60_000)
                page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
                if i:  # the first click is the warm-up
                    times.append(time.perf_counter() - start)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return times


def summary(name: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return (f"{name:<34} median {statistics.median(ms):7.1f} ms   min {min(ms):7.1f} ms   "
            f"max {max(ms):7.1f} ms   (n={len(ms)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="model directory (default: CURRENT)")
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--browser", action="store_true", help="also time it in Chromium")
    args = parser.parse_args()
    article = article_of()
    with tempfile.TemporaryDirectory() as tmp:
        model = model_dir(args.model, Path(tmp))
        print(f"model: {model}\narticle: {len(WORD_RE.findall(article))} words, "
              f"{len(article):,} characters")
        render, library = bench_apptest(model, article, args.repeats)
        print(summary("Analyze click, full render", render))
        print(summary("  of which model.score (library)", library))
        if args.browser:
            print(summary("Chromium: click to highlighted text", bench_browser(
                model, article, max(3, args.repeats // 3))))


if __name__ == "__main__":
    main()
