"""Speed of the feature families: articles per second on one core, and peak memory.

    python benchmarks/bench_features.py [--data ../shared/data] [--runs 5] [--limit N]

Runs every feature family (with evidence, as `credibility analyze` does) over the BuzzFeed-Webis
texts, several times, clearing the per-document parse caches before each run so every run
parses every article again. Prints per-run throughput, the median, per-family time per article,
and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from credibility.document import parse_document  # noqa: E402
from credibility.features import default_families  # noqa: E402
from credibility.text import split_sentences  # noqa: E402


def load_texts(data: Path, limit: int | None) -> list[tuple[str, str]]:
    path = data / "buzzfeed_webis_2016" / "articles.csv"
    if not path.is_file():
        sys.exit(f"error: {path} not found; this benchmark needs the shared datasets (--data DIR)")
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [(r["text"] or "", r["title"] or "") for r in csv.DictReader(fh)]
    return rows[:limit] if limit else rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    texts = load_texts(args.data, args.limit)
    families = default_families()
    n_words = sum(len(t.split()) for t, _ in texts)
    print(f"{len(texts)} articles, {n_words / len(texts):.0f} words on average, "
          f"{len(families)} families")
    rates, per_family = [], {f.name: [] for f in families}
    per_family["parse"] = []
    for run in range(args.runs):
        parse_document.cache_clear()
        split_sentences.cache_clear()
        spent = dict.fromkeys(per_family, 0.0)
        start = time.perf_counter()
        for text, title in texts:
            t0 = time.perf_counter()
            doc = parse_document(text, title)
            t1 = time.perf_counter()
            spent["parse"] += t1 - t0
            for fam in families:
                fam.extract(doc)
                t2 = time.perf_counter()
                spent[fam.name] += t2 - t1
                t1 = t2
        elapsed = time.perf_counter() - start
        rates.append(len(texts) / elapsed)
        for k, v in spent.items():
            per_family[k].append(v / len(texts) * 1000)
        print(f"run {run + 1}: {rates[-1]:.0f} articles/s")
    print(f"median: {statistics.median(rates):.0f} articles/s on one core "
          f"({1000 / statistics.median(rates):.2f} ms per article)")
    for k, v in per_family.items():
        print(f"  {k:>16}: {statistics.median(v):.3f} ms per article")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
