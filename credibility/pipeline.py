"""The credibility model as one scikit-learn Pipeline, and its exact log-odds explanation.

features (six families) -> median imputation -> standard scaling -> logistic regression,
calibrated with Platt scaling fitted on cross-validated predictions (``ensemble=False``, so one
linear model is kept). The calibrated log-odds stay linear in the scaled features, which makes
the explanation exact: ``logit = baseline + sum(pulls)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler

from .features import FeatureFamily, default_families

__all__ = ["build_pipeline", "LinearExplanation", "explain_features", "feature_names", "family_of"]


def build_pipeline(
    *,
    C: float = 0.1,
    calibration_folds: int = 5,
    families: Sequence[FeatureFamily] | None = None,
) -> Pipeline:
    """A fresh, unfitted credibility pipeline.

    Parameters
    ----------
    C : float
        Inverse L2 regularisation strength of the logistic regression.
    calibration_folds : int
        Folds of the cross-validated predictions the Platt calibration is fitted on.
    families : sequence of FeatureFamily, optional
        Defaults to every family with default parameters.
    """
    fams = default_families() if families is None else list(families)
    classifier = CalibratedClassifierCV(
        LogisticRegression(C=C, max_iter=2000),
        method="sigmoid",
        cv=calibration_folds,
        ensemble=False,
    )
    return Pipeline(
        [
            ("features", FeatureUnion([(f.name, f) for f in fams])),
            ("impute", SimpleImputer(strategy="median", keep_empty_features=True)),
            ("scale", StandardScaler()),
            ("classify", classifier),
        ]
    )


def feature_names(pipeline: Pipeline) -> list[str]:
    """``family__feature`` names of the pipeline's feature columns."""
    return [str(n) for n in pipeline.named_steps["features"].get_feature_names_out()]


def family_of(name: str) -> str:
    return name.split("__", 1)[0]


@dataclass(frozen=True)
class LinearExplanation:
    """Per-article pulls in log-odds: ``logits == baseline + pulls.sum(axis=1)`` exactly.

    A pull is measured against the average training article (a scaled value of 0).
    """

    names: list[str]
    baseline: float
    pulls: np.ndarray  # (n_articles, n_features)
    logits: np.ndarray  # (n_articles,)
    scaled: np.ndarray  # (n_articles, n_features): standardised values after imputation

    @property
    def probabilities(self) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits))

    def family_pulls(self) -> tuple[list[str], np.ndarray]:
        fams = list(dict.fromkeys(family_of(n) for n in self.names))
        idx = {f: i for i, f in enumerate(fams)}
        out = np.zeros((self.pulls.shape[0], len(fams)))
        for j, n in enumerate(self.names):
            out[:, idx[family_of(n)]] += self.pulls[:, j]
        return fams, out


def _linear_parts(pipeline: Pipeline) -> tuple[np.ndarray, float]:
    """Weights and intercept of the calibrated log-odds as a function of scaled features."""
    clf = pipeline.named_steps["classify"]
    if isinstance(clf, CalibratedClassifierCV):
        (cal,) = clf.calibrated_classifiers_
        lr = cal.estimator
        (sig,) = cal.calibrators
        w = lr.coef_.ravel()
        c = float(lr.intercept_[0])
        # sklearn's sigmoid calibration: p = expit(-(a * f + b)) with f = w.z + c
        return -sig.a_ * w, float(-sig.a_ * c - sig.b_)
    return clf.coef_.ravel(), float(clf.intercept_[0])


def explain_features(pipeline: Pipeline, X_raw: np.ndarray) -> LinearExplanation:
    """Explain raw feature rows (the output of the pipeline's ``features`` step)."""
    z = pipeline.named_steps["scale"].transform(pipeline.named_steps["impute"].transform(X_raw))
    w, b = _linear_parts(pipeline)
    pulls = z * w
    logits = b + pulls.sum(axis=1)
    return LinearExplanation(feature_names(pipeline), b, pulls, logits, z)
