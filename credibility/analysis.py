"""Run every feature family on an article and gather values and evidence into one record."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .article import Article
from .document import Document, parse_document
from .errors import InputError
from .features import FamilyResult, FeatureFamily, default_families

__all__ = ["Analysis", "analyze", "MAX_CHARS"]

MAX_CHARS = 5_000_000  # longer texts are refused rather than analyzed for minutes


@dataclass(frozen=True, kw_only=True)
class Analysis:
    """Everything the feature families measured on one article.

    Attributes
    ----------
    article : Article
        The input record.
    document : Document
        The parsed text; every ``start``/``end`` in the evidence indexes ``document.text``
        (headline signals index ``document.title``).
    results : dict of str to FamilyResult
        One result per family, keyed by family name, in pipeline order.
    """

    article: Article
    document: Document
    results: dict[str, FamilyResult]

    @property
    def features(self) -> dict[str, dict[str, float | None]]:
        """``{family: {name: value}}`` with None where a value is undefined."""
        return {
            fam: {k: _finite_or_none(v) for k, v in res.values.items()}
            for fam, res in self.results.items()
        }

    def feature_row(self, families: Sequence[str] | None = None) -> list[float]:
        """Values in pipeline column order: the given families (default: all) in that order,
        names in each family's order."""
        names = list(self.results) if families is None else families
        return [v for fam in names for v in self.results[fam].values.values()]

    def evidence(self, key: str) -> list[dict[str, Any]]:
        """The evidence list named ``key`` from whichever family produced it (empty if none)."""
        for res in self.results.values():
            if key in res.evidence:
                return res.evidence[key]
        return []

    def sentences(self) -> list[dict[str, Any]]:
        """Per-sentence records: offsets, VADER compound and loaded-language score."""
        sentiment = self.evidence("sentence_sentiment")
        loaded = self.evidence("sentence_scores")
        out = []
        for i, (start, end) in enumerate(self.document.sentences):
            out.append(
                {
                    "start": start,
                    "end": end,
                    "sentiment": sentiment[i] if i < len(sentiment) else None,
                    "loaded_score": loaded[i] if i < len(loaded) else None,
                }
            )
        return out

    def to_dict(self) -> dict[str, Any]:
        """The JSON record ``credibility analyze`` prints."""
        a = self.article
        return {
            "id": a.id,
            "title": self.document.title or None,
            "source": a.source,
            "url": a.url,
            "author": a.author,
            "published": a.published,
            "text": self.document.text,
            "word_count": self.document.word_count,
            "features": self.features,
            "quotes": self.evidence("quotes"),
            "non_speech_quotes": self.evidence("non_speech_quotes"),
            "attributions": self.evidence("attributions"),
            "sources": self.evidence("sources"),
            "loaded_terms": self.evidence("loaded_terms"),
            "page_signals": self.evidence("page_signals"),
            "headline_signals": self.evidence("headline_signals"),
            "sentences": self.sentences(),
        }


def _finite_or_none(value: float) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


def analyze(
    article: Article | str,
    *,
    families: Sequence[FeatureFamily] | None = None,
    max_chars: int = MAX_CHARS,
) -> Analysis:
    """Measure one article with every feature family, keeping the evidence.

    Parameters
    ----------
    article : Article or str
        The article, or its plain text.
    families : sequence of FeatureFamily, optional
        Defaults to :func:`credibility.features.default_families`.
    max_chars : int
        Texts longer than this are refused.

    Raises
    ------
    InputError
        When the text is empty or too long.
    """
    if isinstance(article, str):
        article = Article(text=article)
    document = check_article(article, max_chars=max_chars)
    fams = default_families() if families is None else families
    return Analysis(
        article=article,
        document=document,
        results={f.name: f.extract(document) for f in fams},
    )


def check_article(article: Article, *, max_chars: int = MAX_CHARS) -> Document:
    """Parse an article, refusing empty and oversized texts with a one-line message."""
    label = f"article {article.id!r}" if article.id else "the article"
    text = article.text if isinstance(article.text, str) else ""
    if len(text) > max_chars:
        raise InputError(
            f"{label} has {len(text):,} characters, over the limit of {max_chars:,}; "
            "split it or pass a larger max_chars"
        )
    document = parse_document(text, article.title or "")
    if not document.text.strip():
        raise InputError(f"{label} has no text to analyze; check the text column or file")
    return document
