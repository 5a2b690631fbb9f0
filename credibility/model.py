"""A trained credibility model: load it safely, score articles, explain every score."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .analysis import Analysis, analyze
from .article import Article
from .errors import ModelError
from .features import default_families, to_documents
from .persist import load_pipeline, read_json
from .pipeline import LinearExplanation, explain_features, family_of, feature_names
from .reasons import Reason, top_reasons

__all__ = ["BANDS", "band_of", "CredibilityModel", "ScoreResult", "resolve_model_dir"]

# Score bands on the 0-100 scale: [low, high) -> name.
BANDS: tuple[tuple[int, int, str], ...] = ((0, 40, "low"), (40, 65, "mixed"), (65, 101, "high"))


def band_of(score: float) -> str:
    for low, high, name in BANDS:
        if low <= score < high:
            return name
    return BANDS[-1][2]


@dataclass(frozen=True, kw_only=True)
class ScoreResult:
    """A credibility score and why.

    ``logit == baseline + sum(pulls.values())`` and ``probability == sigmoid(logit)``; the
    family pulls are the feature pulls summed per family.
    """

    id: str | None
    probability: float
    logit: float
    baseline: float
    pulls: dict[str, float]
    family_pulls: dict[str, float]
    reasons: list[Reason]
    analysis: Analysis | None = field(default=None, repr=False, compare=False)

    @property
    def score(self) -> int:
        """The probability on a 0-100 scale, rounded."""
        return int(round(100 * self.probability))

    @property
    def band(self) -> str:
        return band_of(self.score)

    def to_dict(self, *, with_analysis: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "score": self.score,
            "band": self.band,
            "probability": self.probability,
            "logit": self.logit,
            "baseline": self.baseline,
            "family_pulls": self.family_pulls,
            "pulls": self.pulls,
            "reasons": [r.to_dict() for r in self.reasons],
        }
        if with_analysis and self.analysis is not None:
            out["analysis"] = self.analysis.to_dict()
        return out


def resolve_model_dir(model: str | Path | None = None) -> Path:
    """The directory of a model: a path given, or ``models/CURRENT`` (read from the working
    directory, else from the project checkout the package lives in)."""
    if model is not None:
        path = Path(model)
        if path.name == "CURRENT" and path.is_file():
            return path.parent / path.read_text(encoding="utf-8").strip()
        return path
    for root in (Path.cwd(), Path(__file__).resolve().parent.parent):
        current = root / "models" / "CURRENT"
        if current.is_file():
            return current.parent / current.read_text(encoding="utf-8").strip()
    raise ModelError("no default model: models/CURRENT not found; pass --model DIR")


class CredibilityModel:
    """A fitted pipeline with its metadata.

    Load with :meth:`load`; score with :meth:`score` (one article, with evidence) or
    :meth:`score_many` (many, features only).
    """

    def __init__(self, pipeline: Any, metadata: dict[str, Any], path: Path | None = None):
        self.pipeline = pipeline
        self.metadata = metadata
        self.path = path

    @classmethod
    def load(cls, model: str | Path | None = None) -> CredibilityModel:
        """Load ``model.skops`` and ``metadata.json`` from a model directory (safely)."""
        directory = resolve_model_dir(model)
        if not directory.is_dir():
            raise ModelError(f"no model directory at {str(directory)!r}; pass --model DIR")
        meta_path = directory / "metadata.json"
        metadata = read_json(meta_path) if meta_path.is_file() else {}
        versions = metadata.get("versions", {})
        pipeline = load_pipeline(directory / "model.skops", trained_with=versions.get("sklearn"))
        return cls(pipeline, metadata, directory)

    @cached_property
    def feature_names(self) -> list[str]:
        return feature_names(self.pipeline)

    @property
    def families(self) -> list[Any]:
        return [t for _, t in self.pipeline.named_steps["features"].transformer_list]

    @property
    def name(self) -> str:
        return str(self.metadata.get("id") or (self.path.name if self.path else "model"))

    @cached_property
    def family_names(self) -> list[str]:
        return [f.name for f in self.families]

    @cached_property
    def _analysis_families(self) -> list[Any]:
        """This model's own families (same parameters as in training), plus default instances
        of any family it does not score with (page context), so the evidence is complete."""
        own = {f.name: f for f in self.families}
        families = [own.get(f.name, f) for f in default_families()]
        return families + [f for name, f in own.items() if name not in {g.name for g in families}]

    def analyze(self, article: Article | str) -> Analysis:
        """Analyze with every family, using this model's own where it has them."""
        return analyze(article, families=self._analysis_families)

    def score(self, article: Article | str | Analysis) -> ScoreResult:
        """Score one article and keep its analysis (evidence) on the result."""
        analysis = article if isinstance(article, Analysis) else self.analyze(article)
        return self.score_analyses([analysis])[0]

    def score_analyses(self, analyses: Sequence[Analysis]) -> list[ScoreResult]:
        """Score analyzed articles together, keeping each analysis: the same results as
        :meth:`score` on each, with one explanation call for all (much faster in batches)."""
        if not analyses:
            return []
        X = np.asarray([a.feature_row(self.family_names) for a in analyses], dtype=float)
        return self._results(X, [a.article.id for a in analyses], list(analyses))

    def explain(self, X_raw: np.ndarray) -> LinearExplanation:
        return explain_features(self.pipeline, np.asarray(X_raw, dtype=float))

    def featurize(self, frame: pd.DataFrame) -> np.ndarray:
        """Raw feature rows for a DataFrame with ``text`` (and ``title``) columns (each article
        parsed once, then measured by every family)."""
        return self.pipeline.named_steps["features"].transform(to_documents(frame))

    def predict_proba(self, frame: pd.DataFrame) -> np.ndarray:
        """Probability of credible per row of a DataFrame with ``text``/``title`` columns."""
        return self.pipeline[1:].predict_proba(self.featurize(frame))[:, 1]

    def score_many(self, articles: Iterable[Article]) -> list[ScoreResult]:
        """Score many articles from their features (no evidence kept)."""
        articles = list(articles)
        frame = pd.DataFrame(
            {"text": [a.text for a in articles], "title": [a.title or "" for a in articles]}
        )
        return self._results(self.featurize(frame), [a.id for a in articles], None)

    def _results(
        self, X: np.ndarray, ids: list[str | None], analyses: list[Analysis] | None
    ) -> list[ScoreResult]:
        expl = self.explain(X)
        fams, fam_pulls = expl.family_pulls()
        results = []
        for i, art_id in enumerate(ids):
            pulls = dict(zip(expl.names, expl.pulls[i].tolist(), strict=True))
            values = dict(zip(expl.names, X[i].tolist(), strict=True))
            analysis = analyses[i] if analyses else None
            n_sent = len(analysis.document.sentences) if analysis else None
            logit = float(expl.logits[i])
            results.append(
                ScoreResult(
                    id=art_id,
                    probability=1.0 / (1.0 + math.exp(-logit)),
                    logit=logit,
                    baseline=expl.baseline,
                    pulls=pulls,
                    family_pulls=dict(zip(fams, fam_pulls[i].tolist(), strict=True)),
                    reasons=top_reasons(
                        pulls,
                        values,
                        zscores=dict(zip(expl.names, expl.scaled[i].tolist(), strict=True)),
                        n_sentences=n_sent,
                    ),
                    analysis=analysis,
                )
            )
        return results

    def global_weights(self) -> pd.DataFrame:
        """Each feature's weight in log-odds per standard deviation, with its family."""
        from .pipeline import linear_parts

        w, _ = linear_parts(self.pipeline)
        return pd.DataFrame(
            {
                "feature": self.feature_names,
                "family": [family_of(n) for n in self.feature_names],
                "weight": w,
            }
        )
