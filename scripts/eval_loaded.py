"""How much credibility signal each loaded-language feature carries, and how fast it is.

Reads the labeled data beside the checkout (``../shared/data``, never part of the project) and
prints, for every feature of :class:`credibility.features.loaded.LoadedLanguage`, its ROC-AUC
against ``credible`` on BuzzFeed-Webis and on Horne 2017, and within BuzzFeed the mean AUC
inside each publisher that has enough of both labels (so a feature that only tells publishers
apart does not look good). AUC < 0.5 means higher values go with *non*-credible articles.

Usage::

    .venv/bin/python scripts/eval_loaded.py [--data ../shared/data] [--top-terms 15]

Exits with status 2 and a message when the data folder is missing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from credibility.document import parse_document
from credibility.features.loaded import LoadedLanguage

DATASETS = {"buzzfeed": "buzzfeed_webis_2016/articles.csv", "horne": "horne2017/articles.csv"}
MIN_PER_CLASS = 5  # a publisher needs this many articles of each label for a within-AUC


def _auc(y: np.ndarray, x: np.ndarray) -> float:
    keep = ~np.isnan(x)
    y, x = y[keep], x[keep]
    if len(set(y)) < 2:
        return float("nan")
    return float(roc_auc_score(y, x))


def _load(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path)
    frame = frame[frame["credible"].notna()].copy()
    frame["credible"] = frame["credible"].astype(int)
    return frame


def _features(frame: pd.DataFrame, family: LoadedLanguage) -> tuple[pd.DataFrame, list]:
    docs = [parse_document(str(t), str(h) if isinstance(h, str) else "")
            for t, h in zip(frame["text"].fillna(""), frame["title"], strict=True)]
    results = [family.extract(d) for d in docs]
    table = pd.DataFrame([r.values for r in results], index=frame.index)
    return table, results


def _speed(frame: pd.DataFrame, family: LoadedLanguage) -> None:
    """CPU time (not wall time, which other processes inflate) of extract on fresh parses."""
    texts = frame["text"].fillna("").astype(str).tolist()
    docs = [parse_document(t + " ", "") for t in texts]  # new Documents: nothing cached yet
    start = time.process_time()
    for d in docs:
        d.word_spans  # noqa: B018 - shared by every family; timed apart
    spans = (time.process_time() - start) / len(docs)
    mean_words = sum(d.word_count for d in docs) / len(docs)
    start = time.process_time()
    for d in docs:
        family.extract(d)
    per = (time.process_time() - start) / len(docs)
    print(f"  speed over {len(docs)} articles of {mean_words:.0f} words on average (CPU time):")
    print(f"    extract {per * 1e3:.3f} ms/article = {per * 560 / mean_words * 1e3:.3f} ms per "
          f"560 words; word spans (shared, computed once per document) {spans * 1e3:.3f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(__file__).resolve().parents[2] / "shared" / "data"
    parser.add_argument("--data", type=Path, default=default, help="the shared data folder")
    parser.add_argument("--top-terms", type=int, default=15, help="terms to list per label")
    args = parser.parse_args(argv)
    paths = {name: args.data / rel for name, rel in DATASETS.items()}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        print(f"eval_loaded: data not found: {', '.join(missing)}; pass --data <folder>",
              file=sys.stderr)
        return 2

    family = LoadedLanguage()
    family.extract(parse_document("A warm-up compiles the lexicons."))  # not timed
    rows: dict[str, dict[str, float]] = {n: {} for n in family.feature_names}
    for name, path in paths.items():
        frame = _load(path)
        table, results = _features(frame, family)
        y = frame["credible"].to_numpy()
        print(f"{name}: {len(frame)} labeled articles")
        for feat in family.feature_names:
            rows[feat][f"{name}_auc"] = _auc(y, table[feat].to_numpy(dtype=float))
        if name == "buzzfeed":
            counts = frame.groupby("source")["credible"].agg(["sum", "count"])
            usable = [s for s, r in counts.iterrows()
                      if min(r["sum"], r["count"] - r["sum"]) >= MIN_PER_CLASS]
            print(f"  within-publisher AUC over: {', '.join(usable)}")
            for feat in family.feature_names:
                aucs = [_auc(y[(frame["source"] == s).to_numpy()],
                             table[feat].to_numpy(dtype=float)[(frame["source"] == s).to_numpy()])
                        for s in usable]
                rows[feat]["buzzfeed_within"] = float(np.nanmean(aucs))
            _speed(frame, family)
        for label in (0, 1):
            terms: Counter[str] = Counter()
            for r, lab in zip(results, y, strict=True):
                if lab == label:
                    terms.update(f"{t['category'][:5]}:{t['text'].lower()}"
                                 for t in r.evidence["loaded_terms"])
            top = ", ".join(f"{t} {n}" for t, n in terms.most_common(args.top_terms))
            print(f"  top terms, credible={label}: {top}")
    report = pd.DataFrame(rows).T
    with pd.option_context("display.float_format", "{:.3f}".format, "display.width", 120):
        print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
