"""One contract suite, run over every feature family."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.pipeline import FeatureUnion

from credibility.document import parse_document
from credibility.features import default_families, family_classes

ARTICLES = pd.DataFrame(
    {
        "title": [
            "City council approves water bond after long debate",
            "BREAKING: You Won't BELIEVE What This Corrupt Mayor Did!!",
            "",
        ],
        "text": [
            "The city council voted 6-1 on Monday to approve a $40 million bond for water "
            "repairs, according to the city clerk. \"The pipes under Main Street are older than "
            "anyone in this room,\" said Ana Ruiz, the city's finance director. \"We are out of "
            "time.\" Council member Tom Okafor, who voted no, said the plan may raise rates.",
            "This is an absolute DISGRACE! The corrupt mayor and his radical cronies are "
            "destroying everything we love. Insiders say the \"experts\" are lying to you. "
            "Share this post\n\nFollow us on WhatsApp: https://chat.example/abc",
            "Short note without a headline.",
        ],
    }
)

FAMILIES = family_classes()


@pytest.fixture(params=FAMILIES, ids=lambda c: c.name)
def family(request):
    return request.param()


def test_families_in_pipeline_order():
    assert [c.name for c in FAMILIES] == [
        "loaded_language", "sourcing", "specificity", "readability", "sentiment", "headline",
        "page_context",
    ]


def test_init_takes_keyword_only_params_and_stores_them(family):
    sig = inspect.signature(type(family).__init__)
    for name in type(family)._get_param_names():
        p = sig.parameters[name]
        assert p.kind is inspect.Parameter.KEYWORD_ONLY, name
        assert getattr(family, name) == p.default
    assert clone(family).get_params() == family.get_params()


def test_names_are_unique_and_match_output_width(family):
    names = list(family.get_feature_names_out())
    assert names and len(names) == len(set(names)) == len(family.feature_names)
    out = family.fit(ARTICLES).transform(ARTICLES)
    assert out.shape == (len(ARTICLES), len(names)) and out.dtype == float


def test_fit_returns_self_and_transform_is_pure(family):
    before = ARTICLES.copy()
    assert family.fit(ARTICLES) is family
    a = family.transform(ARTICLES)
    b = family.transform(ARTICLES)
    np.testing.assert_array_equal(a, b)
    pd.testing.assert_frame_equal(ARTICLES, before)


def test_values_are_finite_or_nan_never_infinite(family):
    out = family.fit(ARTICLES).transform(ARTICLES)
    assert not np.isinf(out).any()


def test_transform_equals_extract_values(family):
    out = family.fit(ARTICLES).transform(ARTICLES)
    for i, row in ARTICLES.iterrows():
        values = family.extract(parse_document(row["text"], row["title"])).values
        expected = [values[n] for n in family.feature_names]
        np.testing.assert_array_equal(out[i], expected)


def test_accepts_lists_of_strings_articles_and_dicts(family):
    from credibility.article import Article

    texts = ARTICLES["text"].tolist()
    as_str = family.transform(texts)
    as_articles = family.transform([Article(text=t) for t in texts])
    as_dicts = family.transform([{"text": t} for t in texts])
    np.testing.assert_array_equal(as_str, as_articles)
    np.testing.assert_array_equal(as_str, as_dicts)


def test_evidence_spans_index_the_cleaned_text(family):
    for _, row in ARTICLES.iterrows():
        doc = parse_document(row["text"], row["title"])
        for key, records in family.extract(doc).evidence.items():
            for rec in records:
                if not isinstance(rec, dict) or "start" not in rec or key == "page_signals":
                    continue
                base = doc.title if key == "headline_signals" else doc.text
                assert 0 <= rec["start"] <= rec["end"] <= len(base), (key, rec)
                if "text" in rec:
                    assert base[rec["start"]:rec["end"]] == rec["text"], (key, rec)


def test_families_compose_in_a_feature_union():
    union = FeatureUnion([(f.name, f) for f in default_families()])
    out = union.fit_transform(ARTICLES)
    names = union.get_feature_names_out()
    assert out.shape == (3, len(names))
    assert all("__" in n for n in names)


_text = st.lists(
    st.sampled_from(list("abcxyzABC .,!?\"'“”‘’:;-\n") + ["said ", "never ", "VIDEO: "]),
    max_size=120,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(text=_text, title=_text)
def test_any_text_gives_finite_or_nan_values_and_valid_shares(text, title):
    doc = parse_document(text, title)
    for fam in default_families():
        result = fam.extract(doc)
        assert set(result.values) == set(fam.feature_names)
        for name, v in result.values.items():
            assert isinstance(v, float), (fam.name, name)
            assert not math.isinf(v), (fam.name, name)
            if math.isnan(v):
                continue
            if "share" in name or name.startswith("has_"):
                assert 0.0 <= v <= 1.0, (fam.name, name, v)
            if name.startswith(("n_", "num_")) or name.endswith(("per_100", "per_1000_words")):
                assert v >= 0.0, (fam.name, name, v)
