"""A calibrated linear classifier whose log-odds stay linear in its inputs.

Why not ``CalibratedClassifierCV`` around a ``LogisticRegression``: grouped cross-validation
holds out whole publishers, and each fold's training set then has a different share of credible
articles. A classifier that learns that share in its intercept shifts every fold's predictions by
a different constant, which scrambles the pooled out-of-fold ranking (and says nothing about the
writing). This classifier separates the two: the weights are learned with balanced classes, the
Platt calibration is fitted with balanced classes, and the base rate enters as one explicit
log-odds offset, ``logit(prior)``, fixed per model.

Weights may also be held to a sign (``signs``): a feature whose direction is known beforehand
(more clickbait cues never make an article more credible) cannot end up pulling the wrong way
because of a quirk of the training publishers, so every explanation reads the right way round.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.model_selection import StratifiedKFold
from sklearn.utils.class_weight import compute_sample_weight
from sklearn.utils.validation import check_is_fitted, validate_data

__all__ = ["CalibratedLinearClassifier", "fit_logistic"]


def fit_logistic(
    X: np.ndarray,
    y: np.ndarray,
    *,
    C: float,
    sample_weight: np.ndarray | None = None,
    signs: Sequence[int] | None = None,
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression, optionally with sign-constrained weights.

    Minimises ``sum_i s_i * log(1 + exp(-y_i (w.x_i + b))) + ||w||^2 / (2C)`` (the objective
    of scikit-learn's ``LogisticRegression``) with L-BFGS-B; ``signs[j]`` of +1 / -1 keeps
    ``w[j]`` >= 0 / <= 0, 0 leaves it free.
    """
    n, d = X.shape
    sw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    ys = 2.0 * np.asarray(y, dtype=float) - 1.0

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:d], theta[d]
        margin = -ys * (X @ w + b)
        loss = float(np.sum(sw * np.logaddexp(0.0, margin)) + 0.5 / C * (w @ w))
        g = sw * -ys * expit(margin)
        return loss, np.append(X.T @ g + w / C, g.sum())

    signs = [0] * d if signs is None else list(signs)
    if len(signs) != d:
        raise ValueError(f"signs has {len(signs)} entries for {d} features")
    bounds = [(0.0, None) if s > 0 else (None, 0.0) if s < 0 else (None, None) for s in signs]
    res = minimize(objective, np.zeros(d + 1), jac=True, method="L-BFGS-B",
                   bounds=[*bounds, (None, None)], options={"maxiter": 5000})
    return res.x[:d], float(res.x[d])


class CalibratedLinearClassifier(ClassifierMixin, BaseEstimator):
    """L2 logistic regression with balanced classes, Platt-calibrated, plus a prior offset.

    Parameters
    ----------
    C : float
        Inverse regularisation strength.
    signs : sequence of int or None
        Per input column: +1 (weight >= 0), -1 (weight <= 0) or 0 (free). None: all free.
    calibration_folds : int
        Folds of the out-of-fold decision values the Platt scaling is fitted on.
    prior : float or None
        Share of credible articles the probabilities are calibrated for; None uses the share
        in the training labels.
    random_state : int
        Seed of the calibration folds.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        Weights of the calibrated log-odds.
    intercept_ : float
        Intercept of the calibrated log-odds (includes ``logit(prior)``).
    prior_ : float
        The prior used.
    """

    def __init__(self, *, C: float = 0.01, signs: Sequence[int] | None = None,
                 calibration_folds: int = 5, prior: float | None = None, random_state: int = 0):
        self.C = C
        self.signs = signs
        self.calibration_folds = calibration_folds
        self.prior = prior
        self.random_state = random_state

    def _fit_linear(self, X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
        return fit_logistic(X, y, C=self.C, signs=self.signs,
                            sample_weight=compute_sample_weight("balanced", y))

    def fit(self, X: np.ndarray, y: np.ndarray) -> CalibratedLinearClassifier:
        X, y = validate_data(self, X, y, ensure_all_finite=True)
        y = np.asarray(y, dtype=int)
        self.classes_ = np.array([0, 1])
        if len(np.unique(y)) != 2:
            raise ValueError("training needs both classes")
        if self.prior is not None and not 0.0 < self.prior < 1.0:
            raise ValueError(f"prior must be in (0, 1), got {self.prior}")
        w, c = self._fit_linear(X, y)
        k = int(max(2, min(self.calibration_folds, np.bincount(y).min())))
        scores = np.empty(len(y))
        folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=self.random_state)
        for tr, te in folds.split(X, y):
            wf, cf = self._fit_linear(X[tr], y[tr])
            scores[te] = X[te] @ wf + cf
        a, b = fit_logistic(scores.reshape(-1, 1), y, C=1e6,
                            sample_weight=compute_sample_weight("balanced", y))
        prior = float(np.mean(y)) if self.prior is None else float(self.prior)
        self.prior_ = prior
        self.coef_ = float(a[0]) * w
        self.intercept_ = float(a[0]) * c + b + math.log(prior / (1 - prior))
        return self

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        """Calibrated log-odds of credible."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, ensure_all_finite=True)
        return X @ self.coef_ + self.intercept_

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        p = expit(self.decision_function(X))
        return np.column_stack([1.0 - p, p])

    def predict(self, X: np.ndarray) -> np.ndarray:
        return (self.decision_function(X) >= 0).astype(int)
