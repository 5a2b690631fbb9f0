"""The contract every feature family follows.

A family is a scikit-learn transformer: ``__init__`` stores keyword-only parameters, ``fit``
validates and learns nothing, ``transform`` is pure and returns one float row per article (NaN
where a value is undefined), and ``get_feature_names_out`` names every column. The same family
also explains its numbers: :meth:`FeatureFamily.extract` returns the values together with the
evidence spans behind them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from ..article import Article
from ..document import Document, parse_document
from ..errors import InputError

__all__ = ["FamilyResult", "FeatureFamily", "to_documents", "rate", "share"]


@dataclass(frozen=True, slots=True)
class FamilyResult:
    """What one family measured on one article.

    Attributes
    ----------
    values : dict of str to float
        One value per name in the family's ``feature_names``; NaN where undefined.
    evidence : dict of str to list
        Named lists of JSON-ready records (spans with ``start``/``end`` into ``Document.text``).
    """

    values: dict[str, float]
    evidence: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def rate(count: float, total: float, per: float = 100.0) -> float:
    """``count`` per ``per`` units of ``total``; NaN when ``total`` is zero."""
    return count / total * per if total else math.nan


def share(part: float, whole: float) -> float:
    """``part / whole`` in [0, 1]; NaN when ``whole`` is zero."""
    return part / whole if whole else math.nan


def to_documents(X: Any) -> list[Document]:
    """Parse any supported input into documents.

    Accepts a pandas DataFrame with a ``text`` column (and optionally ``title``), a sequence of
    strings, of :class:`~credibility.Article`, of :class:`Document`, or of mappings with
    ``text``/``title`` keys.
    """
    if hasattr(X, "columns"):
        if "text" not in X.columns:
            raise InputError(
                "the input table has no 'text' column; rename the article text column to 'text'"
            )
        texts = X["text"].tolist()
        titles = X["title"].tolist() if "title" in X.columns else [""] * len(texts)
        return [parse_document(_as_str(t), _as_str(h)) for t, h in zip(texts, titles, strict=True)]
    if isinstance(X, str | bytes):
        raise InputError("expected a list of articles, got a single string; wrap it in a list")
    docs = []
    for item in X if isinstance(X, Iterable) else [X]:
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, Article):
            docs.append(parse_document(item.text, item.title or ""))
        elif isinstance(item, str):
            docs.append(parse_document(item, ""))
        elif isinstance(item, Mapping):
            docs.append(parse_document(_as_str(item.get("text")), _as_str(item.get("title"))))
        else:
            raise InputError(
                f"cannot read an article from a {type(item).__name__}; pass text, Article or dict"
            )
    return docs


def _as_str(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


class FeatureFamily(TransformerMixin, BaseEstimator):
    """Base class of the feature families. Subclasses set ``name`` and ``feature_names`` and
    implement :meth:`extract`."""

    name: ClassVar[str] = ""
    feature_names: ClassVar[tuple[str, ...]] = ()

    def fit(self, X: Any, y: Any = None) -> FeatureFamily:
        """Check the parameters and that the input can be read; nothing is learned.

        Only the first article is parsed: parsing all of them here would be thrown away.
        """
        self._validate_params()
        if hasattr(X, "columns"):
            to_documents(X.head(1))
        elif isinstance(X, Sequence) and not isinstance(X, str | bytes):
            to_documents(X[:1])
        else:
            to_documents(X)
        self.n_features_out_ = len(self.feature_names)
        return self

    def _validate_params(self) -> None:
        """Subclasses check their parameters here (called from ``fit``)."""

    def transform(self, X: Any) -> np.ndarray:
        """One row of floats per article, columns in ``feature_names`` order."""
        docs = to_documents(X)
        names = self.feature_names
        out = np.empty((len(docs), len(names)), dtype=float)
        for i, doc in enumerate(docs):
            values = self.extract(doc).values
            out[i] = [values[n] for n in names]
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return np.asarray(self.feature_names, dtype=object)

    def extract(self, doc: Document) -> FamilyResult:  # pragma: no cover - abstract
        raise NotImplementedError

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.requires_fit = False
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags
