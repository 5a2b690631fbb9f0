"""Classification metrics for a probability of credibility, NaN where one is undefined."""

from __future__ import annotations

import math

import numpy as np
from sklearn.metrics import brier_score_loss, f1_score, log_loss, roc_auc_score

__all__ = ["classification_metrics", "expected_calibration_error", "reliability_table"]


def expected_calibration_error(y: np.ndarray, p: np.ndarray, *, n_bins: int = 10) -> float:
    """Mean absolute gap between predicted and observed rates over equal-width bins,
    weighted by the bin's share of articles."""
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    if len(y) == 0:
        return math.nan
    bins = np.minimum((p * n_bins).astype(int), n_bins - 1)
    total = 0.0
    for b in range(n_bins):
        mask = bins == b
        if mask.any():
            total += mask.sum() * abs(p[mask].mean() - y[mask].mean())
    return float(total / len(y))


def reliability_table(y: np.ndarray, p: np.ndarray, *, n_bins: int = 10) -> list[dict[str, float]]:
    """Per bin: mean predicted probability, observed rate of credible articles, count."""
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    bins = np.minimum((p * n_bins).astype(int), n_bins - 1)
    rows = []
    for b in range(n_bins):
        mask = bins == b
        if mask.any():
            rows.append(
                {
                    "bin_low": b / n_bins,
                    "bin_high": (b + 1) / n_bins,
                    "mean_predicted": float(p[mask].mean()),
                    "observed": float(y[mask].mean()),
                    "n": int(mask.sum()),
                }
            )
    return rows


def classification_metrics(y: np.ndarray, p: np.ndarray, *, threshold: float = 0.5) -> dict:
    """ROC-AUC, F1 (credible as the positive class), Brier score, log loss, calibration error.

    ROC-AUC is NaN when ``y`` holds one class only.
    """
    y = np.asarray(y, dtype=int)
    p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    both = len(np.unique(y)) == 2
    return {
        "n": int(len(y)),
        "n_credible": int(y.sum()),
        "roc_auc": float(roc_auc_score(y, p)) if both else math.nan,
        "f1": float(f1_score(y, p >= threshold, zero_division=0.0)),
        "accuracy": float(np.mean((p >= threshold) == y)) if len(y) else math.nan,
        "brier": float(brier_score_loss(y, p)) if len(y) else math.nan,
        "log_loss": float(log_loss(y, p, labels=[0, 1])) if len(y) else math.nan,
        "calibration_error": expected_calibration_error(y, p),
    }
