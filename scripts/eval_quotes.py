"""Evaluate quoted-span extraction against the BuzzFeed-Webis 2016 quote markup.

Usage::

    .venv/bin/python scripts/eval_quotes.py [--data ../shared/data/buzzfeed_webis_2016]

The corpus marks, per article, the spans it found in quote marks (speech, titles and scare quotes
alike; the markup is imperfect). Protocol:

* articles: those with at least one marked span (an article without any has no markup to score);
* gold: the marked spans, mojibake repaired with ``normalize_text`` and outer marks stripped,
  that occur in the article's cleaned text (``parse_document(text).text``) hugged by quote marks
  (a mark touching the first character, another after the last, closing punctuation allowed);
* predicted: every quoted span the extractor returns (``quotes`` + ``non_speech_quotes``);
* a predicted span matches a gold span when their texts agree up to punctuation and case, or one
  contains the other and has at least 80% of its length; matching is one-to-one, exact first;
* figures: micro precision, recall and F1 over all spans, and the Spearman correlation of the
  per-article counts. A plain quote-mark regex is scored the same way as the baseline.

Two known habits of the markup are then taken out, for both systems alike: it marks almost no
span in single quote marks ("double marks": only double-quoted spans are scored), and in an
article that mixes straight and curly double marks it marks the curly-quoted spans only ("corpus
mark styles": there, only curly-quoted spans are scored).

Only figures are printed; no text from the corpus.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from credibility.document import parse_document  # noqa: E402
from credibility.features.sourcing import Sourcing  # noqa: E402
from credibility.text import normalize_text  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "buzzfeed_webis_2016"
QUOTE_MARKS = "\"“”„«»'‘’"
_TRUNCATED_MARK_RE = re.compile("(?:\u00e2\u0080?|\u00e2\u20ac)$")  # a closing mark cut mid-byte
_KEY_RE = re.compile(r"[^\w]+")
_BASELINE_RE = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def clean_span(span: str) -> str:
    """A marked span as text: mojibake repaired, outer quote marks and spaces stripped."""
    return normalize_text(_TRUNCATED_MARK_RE.sub("", span)).strip().strip(QUOTE_MARKS + " ")


Span = tuple[str, str]  # (text, the quote mark that opens it)


def mark_before(text: str, start: int) -> str:
    """The quote mark that opens a span starting at ``start`` ("" when there is none)."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 and text[i] in QUOTE_MARKS else ""


def hugged_by_marks(text: str, span: str) -> str:
    """The opening mark when ``span`` occurs in ``text`` hugged by quote marks, else "".

    A mark must touch the span's first character, and another mark must follow its last one
    (after closing punctuation at most): ``"span,"``. Text *between* two quotes (``," he said.
    "``) is not within quote marks, whatever the markup says.
    """
    i = text.find(span)
    while i >= 0:
        after = text[i + len(span) : i + len(span) + 4].lstrip(".,;:!?…")
        if i and text[i - 1] in QUOTE_MARKS and after[:1] and after[0] in QUOTE_MARKS:
            return text[i - 1]
        i = text.find(span, i + 1)
    return ""


def _key(span: str) -> str:
    return _KEY_RE.sub(" ", span.lower()).strip()


def count_matches(predicted: list[str], gold: list[str]) -> int:
    """One-to-one matches: equal up to punctuation and case first, then 80% containment."""
    free = [_key(g) for g in gold]
    rest = []
    hits = 0
    for p in map(_key, predicted):
        if p in free:
            free.remove(p)
            hits += 1
        else:
            rest.append(p)
    for p in rest:
        for j, g in enumerate(free):
            short, long_ = (p, g) if len(p) <= len(g) else (g, p)
            if short and short in long_ and len(short) >= 0.8 * len(long_):
                del free[j]
                hits += 1
                break
    return hits


def baseline(text: str) -> list[Span]:
    """A plain quote-mark regex: double marks around anything without a double mark."""
    return [(m.group(1), text[m.start()]) for m in _BASELINE_RE.finditer(text)]


def extractor(text: str) -> list[Span]:
    """The project's extractor: speech quotes and non-speech quoted spans."""
    ev = Sourcing().extract(parse_document(text)).evidence
    spans = ev["quotes"] + ev["non_speech_quotes"]
    return [(q["text"], mark_before(text, q["start"])) for q in spans]


def load(data: Path) -> list[tuple[str, list[Span]]]:
    """(cleaned text, gold spans hugged by quote marks) for every article with markup."""
    import pandas as pd

    articles = pd.read_csv(data / "articles.csv", dtype=str, keep_default_na=False)
    marked = {}
    with open(data / "quote_spans.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            marked[row["id"]] = row["quotes"]
    out = []
    for art_id, raw in zip(articles["id"], articles["text"], strict=True):
        spans = marked.get(art_id, [])
        if not spans:
            continue
        text = parse_document(raw).text
        gold = [(g, hugged_by_marks(text, g)) for g in map(clean_span, spans) if g]
        out.append((text, [(g, mark) for g, mark in gold if mark]))
    return out


def double_marks(text: str, spans: list[Span]) -> list[Span]:
    """Keep the spans in double marks (the corpus marks almost no single-quoted span)."""
    return [s for s in spans if s[1] and s[1] in '"“”„«»']


def corpus_style(text: str, spans: list[Span]) -> list[Span]:
    """Keep the spans in the marks the corpus marks up: double marks, and in an article that mixes
    straight and curly double marks, the curly ones only."""
    mixed = '"' in text and ("“" in text or "”" in text)
    keep = "“”„«»" if mixed else '"“”„«»'
    return [s for s in spans if s[1] and s[1] in keep]


def score(
    rows: list[tuple[str, list[Span]]],
    predict: Callable[[str], list[Span]],
    restrict: Callable[[str, list[Span]], list[Span]] | None = None,
) -> dict:
    """Precision, recall, F1 and the Spearman correlation of per-article counts."""
    from scipy.stats import spearmanr

    tp = n_pred = n_gold = 0
    pred_counts, gold_counts = [], []
    for text, gold in rows:
        pred = predict(text)
        if restrict is not None:
            pred, gold = restrict(text, pred), restrict(text, gold)
        tp += count_matches([p for p, _ in pred], [g for g, _ in gold])
        n_pred += len(pred)
        n_gold += len(gold)
        pred_counts.append(len(pred))
        gold_counts.append(len(gold))
    p = tp / n_pred if n_pred else float("nan")
    r = tp / n_gold if n_gold else float("nan")
    f1 = 2 * p * r / (p + r) if p + r else float("nan")
    rho = float(spearmanr(pred_counts, gold_counts).statistic)
    return {"precision": p, "recall": r, "f1": f1, "spearman": rho, "predicted": n_pred,
            "gold": n_gold}


def timing(texts: list[str], repeats: int = 3) -> tuple[float, float]:
    """Mean milliseconds per article for ``Sourcing().extract`` (documents parsed beforehand)."""
    docs = [parse_document(text) for text in texts]
    family = Sourcing()
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for doc in docs:
            family.extract(doc)
        best = min(best, time.perf_counter() - t0)
    words = sum(d.word_count for d in docs) / len(docs)
    return best / len(docs) * 1000.0, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the corpus folder")
    args = parser.parse_args(argv)
    needed = (args.data / "articles.csv", args.data / "quote_spans.jsonl")
    if not all(path.is_file() for path in needed):
        print(f"error: no articles.csv and quote_spans.jsonl in {args.data}; pass --data with the "
              "folder of the BuzzFeed-Webis 2016 data", file=sys.stderr)
        return 2
    rows = load(args.data)
    print(f"articles with markup: {len(rows)}")
    protocols = (
        ("all quoted spans", None),
        ("double marks", double_marks),
        ("corpus mark styles", corpus_style),
    )
    for protocol, restrict in protocols:
        for label, fn in (("baseline regex", baseline), ("extractor", extractor)):
            s = score(rows, fn, restrict)
            print(f"{protocol:18s} {label:14s} P={s['precision']:.3f} R={s['recall']:.3f} "
                  f"F1={s['f1']:.3f} Spearman={s['spearman']:.3f} "
                  f"(predicted {s['predicted']}, gold {s['gold']})")
    ms, words = timing([text for text, _ in rows])
    print(f"Sourcing().extract: {ms:.3f} ms per article (mean {words:.0f} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
