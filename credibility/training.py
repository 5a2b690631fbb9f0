"""Training, grouped cross-validation, evaluation and the promotion gate.

The feature families learn nothing, so features are computed once per article and only the
impute -> scale -> classify tail of the pipeline is refitted per fold; the result is the same as
cross-validating the whole pipeline, several times faster.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sklearn.model_selection import GroupKFold, StratifiedKFold
from sklearn.pipeline import Pipeline

from .features import to_documents
from .labels import LabeledData
from .metrics import classification_metrics, reliability_table
from .pipeline import build_pipeline

__all__ = ["CVReport", "TrainResult", "make_folds", "cross_validate", "train", "evaluate",
           "compare_on_folds", "is_not_worse"]

Folds = list[tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True, kw_only=True)
class CVReport:
    """Pooled out-of-fold metrics of a cross-validation, and how the folds were made."""

    scheme: str
    metrics: dict[str, float]
    fold_metrics: list[dict[str, Any]]
    oof: np.ndarray = field(repr=False)
    reliability: list[dict[str, float]] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class TrainResult:
    pipeline: Pipeline
    cv: CVReport
    features: np.ndarray = field(repr=False)


def make_folds(data: LabeledData, *, n_splits: int = 5, seed: int = 0) -> tuple[Folds, str]:
    """Folds grouped by publisher when there are groups, else stratified (and said so)."""
    y = data.y
    groups = data.groups
    n_groups = 0 if groups is None else len(np.unique(groups))
    if n_groups >= 2:
        k = min(n_splits, n_groups)
        splitter = GroupKFold(n_splits=k, shuffle=True, random_state=seed)
        folds = list(splitter.split(np.zeros(len(y)), y, groups))
        return folds, f"GroupKFold({k}) grouped by {data.group_column!r} ({n_groups} groups)"
    k = max(2, min(n_splits, int(np.bincount(y).min())))
    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    folds = list(splitter.split(np.zeros(len(y)), y))
    return folds, f"StratifiedKFold({k}), no groups: figures are optimistic for unseen publishers"


def _fit_params(y: np.ndarray, prior: float) -> dict[str, Any]:
    """Pipeline settings that depend on the size of the training set, and the fixed prior."""
    return {
        "calibration_folds": int(max(2, min(5, np.bincount(y, minlength=2).min()))),
        "n_quantiles": int(min(200, len(y))),
        "prior": prior,
    }


def _tail(pipeline: Pipeline) -> Pipeline:
    return pipeline[1:]


def cross_validate(
    X: np.ndarray,
    y: np.ndarray,
    folds: Folds,
    *,
    scheme: str,
    make_pipeline: Callable[..., Pipeline] = build_pipeline,
    progress: Callable[[int, int], None] | None = None,
    groups: np.ndarray | None = None,
    prior: float | None = None,
) -> CVReport:
    """Out-of-fold probabilities of a fresh pipeline per fold, on precomputed features.

    Every fold's model is calibrated for the same ``prior`` (default: the share of credible
    articles in all of ``y``), so that folds holding out publishers with different base rates
    are not shifted against each other.
    """
    prior = float(np.mean(y)) if prior is None else prior
    oof = np.full(len(y), np.nan)
    fold_metrics = []
    for i, (tr, te) in enumerate(folds):
        model = _tail(make_pipeline(**_fit_params(y[tr], prior)))
        model.fit(X[tr], y[tr])
        oof[te] = model.predict_proba(X[te])[:, 1]
        m = classification_metrics(y[te], oof[te])
        if groups is not None:
            m["held_out"] = sorted(map(str, np.unique(groups[te])))
        fold_metrics.append(m)
        if progress:
            progress(i + 1, len(folds))
    return CVReport(
        scheme=scheme,
        metrics=classification_metrics(y, oof),
        fold_metrics=fold_metrics,
        oof=oof,
        reliability=reliability_table(y, oof),
    )


def train(
    data: LabeledData,
    *,
    make_pipeline: Callable[..., Pipeline] = build_pipeline,
    n_splits: int = 5,
    seed: int = 0,
    progress: Callable[[str, int, int], None] | None = None,
) -> TrainResult:
    """Cross-validate (grouped by publisher when possible), then fit on all the data."""
    y = data.y
    prior = float(np.mean(y))
    pipeline = make_pipeline(**_fit_params(y, prior))
    union = pipeline.named_steps["features"]
    docs = to_documents(data.frame)  # parse each article once for every family
    X = union.fit(docs).transform(docs)
    if progress:
        progress("features", 1, 1)
    folds, scheme = make_folds(data, n_splits=n_splits, seed=seed)
    cv = cross_validate(
        X, y, folds, scheme=scheme, make_pipeline=make_pipeline, groups=data.groups, prior=prior,
        progress=(lambda i, n: progress("cv", i, n)) if progress else None,
    )
    _tail(pipeline).fit(X, y)
    return TrainResult(pipeline=pipeline, cv=cv, features=X)


def evaluate(model: Any, data: LabeledData) -> dict[str, Any]:
    """Metrics of a trained :class:`~credibility.model.CredibilityModel` on labeled data."""
    p = model.predict_proba(data.frame)
    out = classification_metrics(data.y, p)
    out["reliability"] = reliability_table(data.y, p)
    return out


def compare_on_folds(base: Any, result: TrainResult, data: LabeledData) -> dict[str, Any]:
    """The current model's metrics on the same held-out folds as the new model's CV.

    The current model is used as it is (not retrained), scored on each fold's test articles;
    its pooled metrics sit beside the new model's out-of-fold metrics.
    """
    p = base.predict_proba(data.frame)
    return {"base": classification_metrics(data.y, p), "new": result.cv.metrics}


def is_not_worse(new: dict[str, float], base: dict[str, float], *, tolerance: float = 0.0) -> bool:
    """The promotion gate: ROC-AUC no lower and log loss no higher (within ``tolerance``)."""
    return (
        new["roc_auc"] >= base["roc_auc"] - tolerance
        and new["log_loss"] <= base["log_loss"] + max(tolerance, 1e-12)
    )
