"""Scored rows: one flat record per article, computed a chunk at a time.

:func:`score_items` turns a chunk of articles (and unreadable rows) into output rows; the local
batch engine (:mod:`credibility.batch`), the Dask engine and ``credibility score`` call it. A
row holds the id, source, title, score, band, probability, the pull of each feature family, the
top reasons, the quoting figures the outlet profiles need, an ``error`` (empty when fine) and,
on request, every raw feature. A bad row never stops the others: it becomes an error row.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .article import Article
from .errors import CredibilityError
from .ingest import RowError
from .pipeline import family_of

__all__ = [
    "BASE_COLUMNS",
    "output_columns",
    "score_items",
    "result_row",
    "error_row",
    "load_model",
    "model_dir_of",
    "release_parse_caches",
]

BASE_COLUMNS = ("id", "source", "title", "score", "band", "probability")
QUOTE_COLUMNS = ("reasons", "named_quote_share", "n_quotes", "speakers", "error")
EXPLAIN_BATCH = 64


@lru_cache(maxsize=4)
def load_model(model_dir: str) -> Any:
    """The model in ``model_dir``, loaded once per process (worker processes share nothing)."""
    from .model import CredibilityModel

    return CredibilityModel.load(model_dir)


def output_columns(feature_names: Sequence[str], *, with_features: bool = False) -> list[str]:
    """Column names of the rows for a model with these ``family__feature`` names."""
    families = list(dict.fromkeys(family_of(n) for n in feature_names))
    columns = [*BASE_COLUMNS, *(f"pull_{f}" for f in families), *QUOTE_COLUMNS]
    return columns + list(feature_names) if with_features else columns


def _quote_figures(analysis: Any) -> tuple[float, int, list[list[Any]]]:
    """Share of quotes with a named speaker, number of quotes, ``[name, quotes]`` per speaker."""
    quotes = analysis.evidence("quotes")
    named = sum(1 for q in quotes if q.get("kind") == "named" and q.get("speaker"))
    share = named / len(quotes) if quotes else math.nan
    speakers = [
        [s["name"], int(s.get("quotes") or 0)]
        for s in analysis.evidence("sources")
        if s.get("kind") == "named" and s.get("quotes")
    ]
    speakers.sort(key=lambda s: (-s[1], s[0]))
    return share, len(quotes), speakers


def result_row(result: Any, *, with_features: bool = False) -> dict[str, Any]:
    """The output row of one :class:`~credibility.model.ScoreResult` that kept its analysis."""
    analysis = result.analysis
    article = analysis.article
    share, n_quotes, speakers = _quote_figures(analysis)
    row: dict[str, Any] = {
        "id": result.id or "",
        "source": article.source or "",
        "title": article.title or "",
        "score": result.score,
        "band": result.band,
        "probability": result.probability,
    }
    row.update({f"pull_{family}": pull for family, pull in result.family_pulls.items()})
    row.update(
        reasons="; ".join(r.text for r in result.reasons),
        named_quote_share=share,
        n_quotes=n_quotes,
        speakers=json.dumps(speakers, ensure_ascii=False),
        error="",
    )
    if with_features:
        row.update(zip(result.pulls, analysis.feature_row(list(result.family_pulls)), strict=True))
    return row


def error_row(row_id: str | None, message: str, article: Article | None = None) -> dict[str, Any]:
    """The output row of an article that could not be read or analyzed."""
    return {
        "id": row_id or "",
        "source": (article.source if article else None) or "",
        "title": (article.title if article else None) or "",
        "error": message,
    }


def score_items(
    model: Any, items: Iterable[Article | RowError], *, with_features: bool = False
) -> list[dict[str, Any]]:
    """Score a chunk of articles; a RowError or an article that fails becomes an error row.

    Parameters
    ----------
    model : CredibilityModel
        The model; each article is analyzed once (features and evidence together) and the
        chunk is explained in one call.
    items : iterable of Article or RowError
        What :func:`credibility.ingest.read_articles` yields.
    with_features : bool
        Add every raw feature as a ``family__feature`` column.

    Returns
    -------
    list of dict
        One row per item, in order; missing keys are empty (see :func:`output_columns`).
    """
    rows: list[dict[str, Any]] = []
    pending: list[tuple[int, Any]] = []  # (row slot, analysis) waiting to be explained

    def explain_pending() -> None:
        # One explanation call per EXPLAIN_BATCH articles: per article it costs more than the
        # analysis itself; in batches, next to nothing. Small batches keep few analyses alive.
        results = model.score_analyses([analysis for _, analysis in pending])
        for (slot, _), result in zip(pending, results, strict=True):
            rows[slot] = result_row(result, with_features=with_features)
        pending.clear()

    for item in items:
        if isinstance(item, RowError):
            rows.append(error_row(item.id, item.message))
            continue
        try:
            pending.append((len(rows), model.analyze(item)))
        except CredibilityError as exc:
            rows.append(error_row(item.id, str(exc), item))
            continue
        except Exception as exc:  # one odd article must not end a run of thousands
            rows.append(error_row(item.id, f"analysis failed ({type(exc).__name__}: {exc}); "
                                  "please report this article", item))
            continue
        rows.append({})
        if len(pending) >= EXPLAIN_BATCH:
            explain_pending()
    if pending:
        explain_pending()
    return rows


def release_parse_caches() -> None:
    """Forget the cached parses of texts already analyzed.

    :func:`credibility.document.parse_document` keeps the last 256 parsed texts (about
    85 KB each) so the pipeline's families share one parse; a batch analyzes each text once,
    so between chunks those parses only hold memory.
    """
    from .document import parse_document
    from .text import split_sentences

    parse_document.cache_clear()
    split_sentences.cache_clear()


def model_dir_of(model: str | Path | None) -> str:
    """The resolved model directory as a string (what workers are given)."""
    from .model import resolve_model_dir

    return str(Path(resolve_model_dir(model)).resolve())
