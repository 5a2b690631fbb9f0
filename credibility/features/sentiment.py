"""Sentiment: VADER compound scores per sentence, aggregated over the article, and the headline's.

VADER (vaderSentiment 3.3.2) is tuned for sentences, so each sentence of the document is scored
on its own and the scores are summarised. One analyzer is built per process (its constructor
reads the lexicon files). VADER is not changed: a sentence is only skipped when none of its
tokens is in VADER's lexicon and it holds no emoji, in which case VADER's compound is exactly 0.0
(every token then has valence 0, and 0 stays 0 through every rule).
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..document import Document
from .base import FamilyResult, FeatureFamily

__all__ = ["Sentiment", "analyzer", "sentence_compound", "NEGATIVE_BELOW"]

NEGATIVE_BELOW = -0.05  # VADER's usual cut: a compound <= -0.05 reads as negative


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The process-wide VADER ``SentimentIntensityAnalyzer`` (built on first use)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _vader_vocabulary() -> tuple[Any, frozenset[str]]:
    """VADER's lexicon keys and the single characters its emoji step replaces."""
    vader = analyzer()
    return vader.lexicon.keys(), frozenset(k for k in vader.emojis if len(k) == 1)


class _EmojiFree(str):
    """A sentence known to hold no emoji.

    ``polarity_scores`` first rebuilds its input one character at a time, replacing emoji by
    their descriptions. For a sentence without emoji that pass is the identity, so iterating
    this string yields the whole sentence as one piece and the pass costs one step instead of
    one per character (about a third of VADER's time on news text). The result is unchanged.
    """

    __slots__ = ()

    def __iter__(self) -> Iterator[str]:
        yield str(self)


def sentence_compound(sentence: str) -> float:
    """VADER's compound score of one sentence, identical to ``polarity_scores(sentence)``.

    Sentences whose tokens (VADER's whitespace split, with and without the surrounding
    punctuation VADER strips) all miss the lexicon, and that contain no emoji, score exactly
    0.0 and are not passed to VADER.
    """
    lexicon, emojis = _vader_vocabulary()
    if not emojis.isdisjoint(sentence):
        return analyzer().polarity_scores(sentence)["compound"]
    tokens = sentence.lower().split()
    if lexicon.isdisjoint(tokens) and lexicon.isdisjoint(
        [t.strip(string.punctuation) for t in tokens]
    ):
        return 0.0
    return analyzer().polarity_scores(_EmojiFree(sentence))["compound"]


class Sentiment(FeatureFamily):
    """How emotional the article's sentences are, and the headline's tone.

    Parameters
    ----------
    strong_threshold : float, default 0.5
        A sentence is strongly emotional when its absolute compound score reaches this value.

    Features
    --------
    Over the compound scores of ``doc.sentences`` (NaN when there is no sentence):
    ``mean_compound``, ``mean_abs_compound``, ``strong_share`` (share with
    ``|compound| >= strong_threshold``), ``most_negative``, ``most_positive``, ``compound_std``
    (population standard deviation), ``negative_share`` (share with compound <= -0.05); and
    ``headline_compound``, the title's compound (NaN without a title).

    Evidence
    --------
    ``sentence_sentiment``: the compound of each sentence, in ``doc.sentences`` order (floats).
    ``headline_sentiment``: ``[{"compound", "pos", "neg", "neu"}]`` for the title, or ``[]``.
    """

    name = "sentiment"
    feature_names = (
        "mean_compound",
        "mean_abs_compound",
        "strong_share",
        "most_negative",
        "most_positive",
        "compound_std",
        "negative_share",
        "headline_compound",
    )

    def __init__(self, *, strong_threshold: float = 0.5) -> None:
        self.strong_threshold = strong_threshold

    def _validate_params(self) -> None:
        if not 0.0 <= self.strong_threshold <= 1.0:
            raise ValueError(
                f"strong_threshold must be within [0, 1], got {self.strong_threshold!r}"
            )

    def extract(self, doc: Document) -> FamilyResult:
        text = doc.text
        scores = [sentence_compound(text[s:e]) for s, e in doc.sentences]
        values = _aggregate(scores, self.strong_threshold)
        headline: list[dict[str, Any]] = []
        if doc.title:
            polarity = analyzer().polarity_scores(doc.title)
            headline.append({k: polarity[k] for k in ("compound", "pos", "neg", "neu")})
        values["headline_compound"] = headline[0]["compound"] if headline else math.nan
        return FamilyResult(
            values, {"sentence_sentiment": scores, "headline_sentiment": headline}
        )


def _aggregate(scores: list[float], strong_threshold: float) -> dict[str, float]:
    n = len(scores)
    if n == 0:
        return dict.fromkeys(Sentiment.feature_names[:-1], math.nan)
    mean = sum(scores) / n
    return {
        "mean_compound": mean,
        "mean_abs_compound": sum(abs(c) for c in scores) / n,
        "strong_share": sum(1 for c in scores if abs(c) >= strong_threshold) / n,
        "most_negative": min(scores),
        "most_positive": max(scores),
        "compound_std": math.sqrt(max(0.0, sum((c - mean) ** 2 for c in scores) / n)),
        "negative_share": sum(1 for c in scores if c <= NEGATIVE_BELOW) / n,
    }
