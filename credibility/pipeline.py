"""The credibility model as one scikit-learn Pipeline, and its exact log-odds explanation.

features (the writing and sourcing families) -> median imputation -> quantile normalisation ->
standard scaling -> :class:`~credibility.classifier.CalibratedLinearClassifier`. The calibrated
log-odds are linear in the transformed features, so the explanation is exact:
``logit = baseline + sum(pulls)``, one pull per feature.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.impute import SimpleImputer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import QuantileTransformer, StandardScaler

from .classifier import CalibratedLinearClassifier
from .features import FeatureFamily, default_families

__all__ = [
    "MODEL_FAMILIES",
    "build_pipeline",
    "LinearExplanation",
    "explain_features",
    "feature_names",
    "family_of",
]

# Families the default model scores with. Page context is measured and shown, but it is left out
# of the score: in the training data its lines (promo furniture such as "Story Continued Below")
# identify publishers rather than writing, the trap the data README warns about.
MODEL_FAMILIES = (
    "loaded_language", "sourcing", "specificity", "readability", "sentiment", "headline",
)


# The direction each feature may pull, fixed before training (+1: only towards credible, -1: only
# away from it, absent: free). These encode what the features mean, not what the training data
# happens to show; a feature whose data disagrees gets a weight of 0 rather than a wrong sign.
_FREE = 0
EXPECTED_SIGNS: dict[str, int] = {
    # loaded language: every loaded category pulls down; careful hedges are left free
    **{f"loaded_language__{n}": -1 for n in (
        "charged_per_100", "intensifier_per_100", "superlative_per_100", "absolutist_per_100",
        "labeling_per_100", "sensational_saying_per_100", "weasel_per_100", "loaded_per_100",
        "distinct_loaded_per_100", "loaded_sentence_share", "max_sentence_loaded",
        "mean_sentence_loaded", "exclamation_per_100", "caps_word_share")},
    # sourcing: quotes, named sources and attributions up; anonymity and scare quotes down
    **{f"sourcing__{n}": +1 for n in (
        "n_quotes", "n_attributions", "quotes_per_1000_words", "distinct_sources",
        "distinct_named_sources", "named_quote_share", "attribution_density")},
    **{f"sourcing__{n}": -1 for n in (
        "unattributed_quote_share", "anonymous_share", "scare_quote_rate")},
    # specificity: concrete, checkable details up
    **{f"specificity__{k}_per_100": +1 for k in (
        "weekday", "date", "time", "percent", "money", "number", "specific")},
    # sentiment: strong emotion down
    "sentiment__mean_abs_compound": -1,
    "sentiment__strong_share": -1,
    "sentiment__compound_std": -1,
    # headline: every clickbait cue down
    **{f"headline__{n}": -1 for n in (
        "n_caps_words", "caps_word_share", "has_media_tag", "has_breaking", "has_exclusive",
        "n_question", "n_exclamation", "starts_with_number", "second_person",
        "n_clickbait_phrases", "forward_reference", "clickbait_cues")},
}


def expected_signs(names: Sequence[str]) -> list[int]:
    """The allowed sign of each feature's weight (see :data:`EXPECTED_SIGNS`; 0 = free)."""
    return [EXPECTED_SIGNS.get(n, _FREE) for n in names]


def build_pipeline(
    *,
    C: float = 0.003,
    prior: float | None = None,
    calibration_folds: int = 5,
    n_quantiles: int = 200,
    constrain_signs: bool = True,
    families: Sequence[FeatureFamily] | None = None,
) -> Pipeline:
    """A fresh, unfitted credibility pipeline.

    Parameters
    ----------
    C : float
        Inverse L2 regularisation strength (strong by default: it generalises across
        publishers far better than a loosely fitted model).
    prior : float or None
        Share of credible articles the probabilities are calibrated for (None: the share in
        the training labels).
    calibration_folds : int
        Folds for the Platt calibration's out-of-fold decision values.
    n_quantiles : int
        Quantiles of the per-feature normalisation (capped at the number of training rows).
    constrain_signs : bool
        Hold each weight to the sign in :data:`EXPECTED_SIGNS`.
    families : sequence of FeatureFamily, optional
        Defaults to the families named in :data:`MODEL_FAMILIES`.
    """
    if families is None:
        families = [f for f in default_families() if f.name in MODEL_FAMILIES]
    names = [f"{f.name}__{n}" for f in families for n in f.get_feature_names_out()]
    return Pipeline(
        [
            ("features", FeatureUnion([(f.name, f) for f in families])),
            ("impute", SimpleImputer(strategy="median", keep_empty_features=True)),
            ("normalise", QuantileTransformer(n_quantiles=n_quantiles,
                                              output_distribution="normal", random_state=0)),
            ("scale", StandardScaler()),
            ("classify", CalibratedLinearClassifier(
                C=C, signs=expected_signs(names) if constrain_signs else None, prior=prior,
                calibration_folds=calibration_folds)),
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

    A pull is measured against a typical training article (a transformed value of 0).
    """

    names: list[str]
    baseline: float
    pulls: np.ndarray  # (n_articles, n_features)
    logits: np.ndarray  # (n_articles,)
    scaled: np.ndarray  # (n_articles, n_features): the classifier's inputs

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


def linear_parts(pipeline: Pipeline) -> tuple[np.ndarray, float]:
    """Weights and intercept of the calibrated log-odds over the classifier's inputs."""
    clf = pipeline.named_steps["classify"]
    return np.asarray(clf.coef_, dtype=float).ravel(), float(clf.intercept_)


def explain_features(pipeline: Pipeline, X_raw: np.ndarray) -> LinearExplanation:
    """Explain raw feature rows (the output of the pipeline's ``features`` step)."""
    z = pipeline[1:-1].transform(np.asarray(X_raw, dtype=float))
    w, b = linear_parts(pipeline)
    pulls = z * w
    logits = b + pulls.sum(axis=1)
    return LinearExplanation(feature_names(pipeline), b, pulls, logits, z)
