"""A calibrated linear classifier whose log-odds stay linear in its inputs.

Why not ``CalibratedClassifierCV`` around a ``LogisticRegression``: grouped cross-validation
holds out whole publishers, and each fold's training set then has a different share of credible
articles. A classifier that learns that share in its intercept shifts every fold's predictions by
a different constant, which scrambles the pooled out-of-fold ranking (and says nothing about the
writing). This classifier separates the two: the weights are learned with balanced classes, the
Platt calibration is fitted with balanced classes, and the base rate enters as one explicit
log-odds offset, ``logit(prior)``, fixed per model.
"""

from __future__ import annotations

import math

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.utils.class_weight import compute_sample_weight
from sklearn.utils.validation import check_is_fitted, validate_data

__all__ = ["CalibratedLinearClassifier"]


class CalibratedLinearClassifier(ClassifierMixin, BaseEstimator):
    """L2 logistic regression with balanced classes, Platt-calibrated, plus a prior offset.

    Parameters
    ----------
    C : float
        Inverse regularisation strength.
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
    """

    def __init__(self, *, C: float = 0.01, calibration_folds: int = 5,
                 prior: float | None = None, random_state: int = 0):
        self.C = C
        self.calibration_folds = calibration_folds
        self.prior = prior
        self.random_state = random_state

    def _linear(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight="balanced", max_iter=5000)

    def fit(self, X: np.ndarray, y: np.ndarray) -> CalibratedLinearClassifier:
        X, y = validate_data(self, X, y, ensure_all_finite=True)
        y = np.asarray(y, dtype=int)
        self.classes_ = np.array([0, 1])
        if len(np.unique(y)) != 2:
            raise ValueError("training needs both classes")
        if self.prior is not None and not 0.0 < self.prior < 1.0:
            raise ValueError(f"prior must be in (0, 1), got {self.prior}")
        linear = self._linear().fit(X, y)
        k = int(max(2, min(self.calibration_folds, np.bincount(y).min())))
        folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=self.random_state)
        scores = cross_val_predict(self._linear(), X, y, cv=folds, method="decision_function")
        platt = LogisticRegression(C=1e6, max_iter=5000)
        platt.fit(scores.reshape(-1, 1), y, sample_weight=compute_sample_weight("balanced", y))
        a = float(platt.coef_[0, 0])
        b = float(platt.intercept_[0])
        prior = float(np.mean(y)) if self.prior is None else float(self.prior)
        self.prior_ = prior
        self.coef_ = a * linear.coef_.ravel()
        self.intercept_ = a * float(linear.intercept_[0]) + b + math.log(prior / (1 - prior))
        return self

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        """Calibrated log-odds of credible."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, ensure_all_finite=True)
        return X @ self.coef_ + self.intercept_

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.column_stack([1.0 - p, p])

    def predict(self, X: np.ndarray) -> np.ndarray:
        return (self.decision_function(X) >= 0).astype(int)
