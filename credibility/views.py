"""Tables of an analysis and a score, ready to display (the dashboard's data, no rendering).

Each function takes the record :meth:`Analysis.to_dict` returns (or a :class:`ScoreResult`) and
returns a small :class:`pandas.DataFrame` with readable column names, so that a page only has to
show it and a test can check it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .reasons import feature_label

__all__ = ["family_label", "quotes_frame", "sources_frame", "signals_frame", "sentences_frame",
           "pulls_frame", "features_frame", "feature_reference", "readability_frame",
           "READABILITY_MEASURES", "family_weights", "metrics_frame"]

# The readability measures shown against typical writing, with what a higher value means.
READABILITY_MEASURES: dict[str, str] = {
    "flesch_kincaid_grade": "school grade needed (higher = harder)",
    "flesch_reading_ease": "0-100 (higher = easier)",
    "gunning_fog": "years of schooling (higher = harder)",
    "smog_index": "school grade (higher = harder)",
    "coleman_liau_index": "school grade (higher = harder)",
    "dale_chall": "Dale-Chall score (higher = harder)",
    "words_per_sentence": "words per sentence",
    "syllables_per_word": "syllables per word",
    "difficult_word_share": "share of difficult words",
}


def family_label(name: str) -> str:
    """``loaded_language`` -> ``Loaded language``."""
    words = name.replace("_", " ")
    return words[:1].upper() + words[1:]


def _blank(value: Any) -> Any:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else value


def quotes_frame(record: Mapping[str, Any]) -> pd.DataFrame:
    """One row per direct quote: quote, speaker, role, kind."""
    rows = [{"quote": q.get("text", ""), "speaker": _blank(q.get("speaker")) or "(unattributed)",
             "role": _blank(q.get("role")), "kind": _blank(q.get("kind"))}
            for q in record.get("quotes") or []]
    return pd.DataFrame(rows, columns=["quote", "speaker", "role", "kind"])


def sources_frame(record: Mapping[str, Any]) -> pd.DataFrame:
    """One row per distinct source: name, role, kind, quotes, mentions."""
    rows = [{"source": _blank(s.get("name")), "role": _blank(s.get("role")),
             "kind": _blank(s.get("kind")), "quotes": _count(s.get("quotes")),
             "mentions": _count(s.get("mentions"))}
            for s in record.get("sources") or []]
    return pd.DataFrame(rows, columns=["source", "role", "kind", "quotes", "mentions"])


def _count(value: Any) -> int:
    return len(value) if isinstance(value, list | tuple) else int(value or 0)


def signals_frame(signals: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Headline or page signals: the text found and its kind."""
    rows = [{"text": s.get("text", ""), "kind": str(s.get("kind", "")).replace("_", " ")}
            for s in signals]
    return pd.DataFrame(rows, columns=["text", "kind"])


def sentences_frame(record: Mapping[str, Any]) -> pd.DataFrame:
    """One row per sentence: its number, text, VADER compound and loaded-term count."""
    text = record.get("text") or ""
    rows = [{"sentence": i, "text": text[s["start"]:s["end"]],
             "sentiment": np.nan if s.get("sentiment") is None else float(s["sentiment"]),
             "loaded terms": np.nan if s.get("loaded_score") is None else float(s["loaded_score"])}
            for i, s in enumerate(record.get("sentences") or [], 1)]
    return pd.DataFrame(rows, columns=["sentence", "text", "sentiment", "loaded terms"])


def pulls_frame(family_pulls: Mapping[str, float]) -> pd.DataFrame:
    """Each family's pull on the score in log-odds, signed, with its direction."""
    rows = [{"family": family_label(f), "pull": float(p),
             "direction": "raises the score" if p > 0 else "lowers the score"}
            for f, p in family_pulls.items()]
    return pd.DataFrame(rows, columns=["family", "pull", "direction"])


def features_frame(record: Mapping[str, Any]) -> pd.DataFrame:
    """Every feature value of an analysis: family, feature, value (NaN where undefined)."""
    rows = [{"family": family_label(fam), "feature": feature_label(name),
             "value": np.nan if v is None else float(v)}
            for fam, values in (record.get("features") or {}).items()
            for name, v in values.items()]
    return pd.DataFrame(rows, columns=["family", "feature", "value"])


def feature_reference(model: Any) -> pd.DataFrame:
    """Typical values of each feature over the model's training articles.

    Columns ``typical``, ``low`` and ``high``: the median and the 25th and 75th percentiles,
    read from the pipeline's fitted quantile normalisation (after median imputation); for a
    model without one, the fitted scaler's mean and mean -/+ one standard deviation. Indexed by
    ``family__feature`` name; empty when the model has neither.
    """
    steps = getattr(model.pipeline, "named_steps", {})
    index = pd.Index(model.feature_names, name="feature")
    quantile = steps.get("normalise")
    if quantile is not None and hasattr(quantile, "quantiles_"):
        refs, values = quantile.references_, quantile.quantiles_
        at = {p: [np.interp(p, refs, values[:, j]) for j in range(values.shape[1])]
              for p in (0.25, 0.5, 0.75)}
        return pd.DataFrame({"typical": at[0.5], "low": at[0.25], "high": at[0.75]},
                            index=index)
    scaler = steps.get("scale")
    if scaler is not None and hasattr(scaler, "mean_"):
        return pd.DataFrame({"typical": scaler.mean_, "low": scaler.mean_ - scaler.scale_,
                             "high": scaler.mean_ + scaler.scale_}, index=index)
    return pd.DataFrame(columns=["typical", "low", "high"])


def readability_frame(record: Mapping[str, Any], reference: pd.DataFrame) -> pd.DataFrame:
    """This article's readability measures beside the training articles' typical range.

    ``verdict`` says whether the value lies within the typical range (see
    :func:`feature_reference`), above it or below it.
    """
    values = (record.get("features") or {}).get("readability") or {}
    rows = []
    for name, meaning in READABILITY_MEASURES.items():
        if name not in values:
            continue
        value = np.nan if values[name] is None else float(values[name])
        key = f"readability__{name}"
        typical, low, high = (reference.loc[key, ["typical", "low", "high"]].astype(float)
                              if key in reference.index else (np.nan, np.nan, np.nan))
        if math.isnan(value) or math.isnan(typical):
            verdict = "n/a"
        elif low <= value <= high:
            verdict = "typical"
        else:
            verdict = "above typical" if value > high else "below typical"
        rows.append({"measure": feature_label(name), "meaning": meaning, "this article": value,
                     "typical": typical, "typical range": _range(low, high), "verdict": verdict})
    return pd.DataFrame(rows, columns=["measure", "meaning", "this article", "typical",
                                       "typical range", "verdict"])


def _range(low: float, high: float) -> str:
    if math.isnan(low) or math.isnan(high):
        return "n/a"
    digits = 2 if max(abs(low), abs(high)) < 2 else 1
    return f"{low:.{digits}f} to {high:.{digits}f}"


def family_weights(weights: pd.DataFrame) -> pd.DataFrame:
    """Per family: the summed absolute weight of its features and their net signed weight.

    ``weights`` is :meth:`CredibilityModel.global_weights` (feature, family, weight).
    """
    grouped = weights.groupby("family", sort=False)["weight"]
    out = pd.DataFrame({"total |weight|": grouped.apply(lambda w: float(np.abs(w).sum())),
                        "net weight": grouped.sum(), "features": grouped.size()})
    out.index = [family_label(f) for f in out.index]
    return out.rename_axis("family").reset_index().sort_values("total |weight|",
                                                              ascending=False, ignore_index=True)


def metrics_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Fold or evaluation metrics as a table (held-out groups joined into one string)."""
    out = pd.DataFrame([{k: ", ".join(v) if isinstance(v, list) else v for k, v in r.items()}
                        for r in rows])
    first = [c for c in ("held_out", "n", "n_credible", "roc_auc", "f1", "brier", "log_loss",
                         "calibration_error") if c in out.columns]
    return out[first + [c for c in out.columns if c not in first]]
