"""Display tables of an analysis and a model (what the dashboard shows)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from credibility.views import (
    family_label,
    family_weights,
    feature_reference,
    features_frame,
    metrics_frame,
    pulls_frame,
    quotes_frame,
    readability_frame,
    sentences_frame,
    signals_frame,
    sources_frame,
)

TEXT = 'Rates rose. "We had no choice," said Ines Moreau, the bank\'s governor. Critics balked.'
RECORD = {
    "text": TEXT,
    "quotes": [
        {"text": "We had no choice,", "start": 13, "end": 30, "speaker": "Ines Moreau",
         "role": "the bank's governor", "kind": "named"},
        {"text": "balked", "start": 0, "end": 1, "speaker": None, "role": None,
         "kind": "unattributed"},
    ],
    "sources": [{"name": "Ines Moreau", "role": "the bank's governor", "kind": "named",
                 "quotes": 1, "mentions": 2}],
    "page_signals": [{"text": "Share on Facebook", "kind": "share", "start": 0, "end": 17}],
    "sentences": [{"start": 0, "end": 11, "sentiment": 0.0, "loaded_score": 0},
                  {"start": 12, "end": TEXT.index("Critics") - 1, "sentiment": -0.3,
                   "loaded_score": None},
                  {"start": TEXT.index("Critics"), "end": len(TEXT), "sentiment": None,
                   "loaded_score": 1}],
    "features": {"readability": {"flesch_kincaid_grade": 9.0, "flesch_reading_ease": None,
                                 "words_per_sentence": 30.0},
                 "sentiment": {"mean_abs_compound": 0.1}},
}


def test_quotes_frame_names_speakers_and_marks_unattributed() -> None:
    frame = quotes_frame(RECORD)
    assert list(frame.columns) == ["quote", "speaker", "role", "kind"]
    assert frame["speaker"].tolist() == ["Ines Moreau", "(unattributed)"]
    assert frame["role"].tolist() == ["the bank's governor", ""]
    assert quotes_frame({}).empty and list(quotes_frame({}).columns) == list(frame.columns)


def test_sources_frame_counts_lists_and_numbers_alike() -> None:
    frame = sources_frame(RECORD)
    assert frame.iloc[0].to_dict() == {"source": "Ines Moreau", "role": "the bank's governor",
                                       "kind": "named", "quotes": 1, "mentions": 2}
    listed = sources_frame({"sources": [{"name": "X", "quotes": [1, 2], "mentions": None}]})
    assert listed[["quotes", "mentions"]].iloc[0].tolist() == [2, 0]


def test_signals_and_sentences() -> None:
    assert signals_frame(RECORD["page_signals"]).to_dict("records") == [
        {"text": "Share on Facebook", "kind": "share"}]
    sentences = sentences_frame(RECORD)
    assert sentences["sentence"].tolist() == [1, 2, 3]
    assert sentences["text"].iloc[2] == "Critics balked."
    assert sentences["sentiment"].iloc[1] == -0.3 and math.isnan(sentences["sentiment"].iloc[2])
    assert math.isnan(sentences["loaded terms"].iloc[1])


def test_pulls_frame_is_signed_with_direction() -> None:
    frame = pulls_frame({"sourcing": 0.8, "loaded_language": -1.2})
    assert frame.to_dict("records") == [
        {"family": "Sourcing", "pull": 0.8, "direction": "raises the score"},
        {"family": "Loaded language", "pull": -1.2, "direction": "lowers the score"},
    ]


def test_features_frame_keeps_undefined_as_nan() -> None:
    frame = features_frame(RECORD)
    assert len(frame) == 4 and frame["value"].isna().sum() == 1
    assert family_label("page_context") == "Page context"


@pytest.mark.parametrize(
    ("measure", "verdict"),
    [("Flesch kincaid grade", "typical"), ("Flesch reading ease", "n/a"),
     ("Words per sentence", "above typical")],
)
def test_readability_against_reference(measure: str, verdict: str) -> None:
    reference = pd.DataFrame(
        {"typical": [10.0, 60.0, 20.0], "low": [8.0, 50.0, 15.0], "high": [12.0, 70.0, 25.0]},
        index=["readability__flesch_kincaid_grade", "readability__flesch_reading_ease",
               "readability__words_per_sentence"])
    frame = readability_frame(RECORD, reference).set_index("measure")
    assert frame.loc[measure, "verdict"] == verdict
    assert frame.loc["Flesch kincaid grade", "typical range"] == "8.0 to 12.0"


def test_family_weights_and_metrics_tables() -> None:
    weights = pd.DataFrame({"feature": ["a", "b", "c"],
                            "family": ["sourcing", "sourcing", "headline"],
                            "weight": [0.5, -0.25, 1.0]})
    fam = family_weights(weights).set_index("family")
    assert fam.loc["Sourcing", "total |weight|"] == 0.75
    assert fam.loc["Sourcing", "net weight"] == 0.25 and fam.loc["Headline", "features"] == 1
    assert fam.index[0] == "Headline"
    folds = metrics_frame([{"roc_auc": 0.8, "n": 10, "held_out": ["a.example", "b.example"]}])
    assert list(folds.columns) == ["held_out", "n", "roc_auc"]
    assert folds["held_out"].iloc[0] == "a.example, b.example"


def test_feature_reference_reads_the_models_training_statistics(trained_model) -> None:
    reference = feature_reference(trained_model)
    assert list(reference.index) == trained_model.feature_names
    assert np.isfinite(reference.to_numpy()).all()
    assert (reference["low"] <= reference["typical"]).all()
    assert (reference["typical"] <= reference["high"]).all()
    low, grade, high = reference.loc["readability__flesch_kincaid_grade",
                                     ["low", "typical", "high"]]
    assert 3 < low < grade < high < 20  # school grades, as news writing has
