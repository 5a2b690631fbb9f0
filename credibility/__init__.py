"""credibility: explainable media-bias and source-credibility analysis of news articles.

The public API::

    from credibility import Article, analyze, CredibilityModel, read_articles

    analysis = analyze(Article(title="...", text="..."))      # features + evidence spans
    model = CredibilityModel.load()                              # models/CURRENT, loaded safely
    result = model.score(analysis)                               # score, band, pulls, reasons
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "CredibilityError",
    "CredibilityModel",
    "DataError",
    "InputError",
    "ModelError",
    "RowError",
    "ScoreResult",
    "analyze",
    "build_pipeline",
    "default_families",
    "load_labeled",
    "read_article",
    "read_articles",
    "train",
]

# Imported on first use, so `import credibility` stays fast for the CLI and worker processes.
_LAZY = {
    "Analysis": "analysis",
    "analyze": "analysis",
    "Article": "article",
    "CredibilityError": "errors",
    "DataError": "errors",
    "InputError": "errors",
    "ModelError": "errors",
    "CredibilityModel": "model",
    "ScoreResult": "model",
    "RowError": "ingest",
    "read_article": "ingest",
    "read_articles": "ingest",
    "build_pipeline": "pipeline",
    "default_families": "features",
    "load_labeled": "labels",
    "train": "training",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'credibility' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
