"""Shared pieces of the dashboard pages: the cached model, upload checks, charts and messages.

Nothing here computes a result; the pages call the ``credibility`` library and these helpers
only show what it returns.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from credibility.errors import CredibilityError
from credibility.model import CredibilityModel, band_of
from credibility.uploads import check_upload_size

BAND_COLOURS = {"low": "red", "mixed": "orange", "high": "green"}
RAISES, LOWERS = "#15803d", "#b91c1c"


# ------------------------------------------------------------------------------------ pages
def page_header(title: str, caption: str) -> None:
    """A page's title and one-line purpose."""
    st.title(title)
    st.caption(caption)


# ------------------------------------------------------------------------------------ model
def model_setting() -> str | None:
    """The model directory from ``CREDIBILITY_MODEL``; None means ``models/CURRENT``."""
    return os.environ.get("CREDIBILITY_MODEL") or None


@st.cache_resource(show_spinner="Loading the model…")
def load_model(path: str | None) -> CredibilityModel:
    """Load a model once per server process and path."""
    return CredibilityModel.load(path)


def current_model() -> CredibilityModel:
    """The dashboard's model, or a message and a stopped page when it cannot be loaded."""
    try:
        return load_model(model_setting())
    except CredibilityError as exc:
        st.error(f"The model could not be loaded: {exc}")
        st.stop()
        raise  # st.stop() raises; this line only reassures type checkers


def show_error(exc: BaseException, what: str = "") -> None:
    """One clear line for an error a user caused (never a traceback)."""
    st.error(f"{what}{exc}" if what else str(exc), icon="⚠️")


# ----------------------------------------------------------------------------------- inputs
def upload_bytes(uploaded: Any) -> bytes | None:
    """The content of an uploaded file, or None (with a message) when it is over the limit.

    The size is checked before the content is read.
    """
    if uploaded is None:
        return None
    try:
        check_upload_size(uploaded.size, uploaded.name)
    except CredibilityError as exc:
        show_error(exc)
        return None
    return uploaded.getvalue()


def uploaded_table(label: str, key: str) -> tuple[Any, bytes, pd.DataFrame, list[str]]:
    """A table upload with its preview and the columns that hold article text.

    Stops the page (with a clear message) when nothing is uploaded, the file is too large or
    unreadable, or no column holds article text.
    """
    from credibility.uploads import TABLE_TYPES, preview_table, text_columns

    uploaded = st.file_uploader(label, type=list(TABLE_TYPES), key=key)
    data = upload_bytes(uploaded)
    if data is None:
        st.stop()
    try:
        preview = preview_table(data, uploaded.name)
    except CredibilityError as exc:
        show_error(exc)
        st.stop()
    texts = text_columns(preview)
    if not texts:
        st.error(f"No column of {uploaded.name} holds article text (columns: "
                 f"{', '.join(preview.columns)}). Add a column with each article's full text.",
                 icon="⚠️")
        st.stop()
    return uploaded, data, preview, texts


def example_articles() -> dict[str, Any]:
    """The example articles shipped with the package: display name -> resource path."""
    folder = resources.files("credibility") / "data" / "examples"
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)
    return {p.name[:-4].replace("_", " ").capitalize(): p for p in files}


# ----------------------------------------------------------------------------------- charts
def pull_chart(frame: pd.DataFrame) -> alt.Chart:
    """Horizontal bars of each family's signed pull (log-odds), green raising, red lowering."""
    base = alt.Chart(frame).encode(
        y=alt.Y("family:N", sort="-x", title=None),
    )
    bars = base.mark_bar().encode(
        x=alt.X("pull:Q", title="pull on the score (log-odds)"),
        color=alt.Color("direction:N", title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=["raises the score", "lowers the score"],
                                        range=[RAISES, LOWERS])),
        tooltip=["family", alt.Tooltip("pull:Q", format="+.2f"), "direction"],
    )
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#6b7280").encode(x="x:Q")
    return (bars + zero).properties(height=alt.Step(30))


def sentiment_chart(frame: pd.DataFrame) -> alt.Chart:
    """Bars of each sentence's sentiment (VADER compound, -1 to 1), the sentence in a tooltip."""
    shown = frame.assign(excerpt=frame["text"].str.slice(0, 140))
    return alt.Chart(shown).mark_bar().encode(
        x=alt.X("sentence:O", title="sentence", axis=alt.Axis(labelAngle=0, labelOverlap=True)),
        y=alt.Y("sentiment:Q", scale=alt.Scale(domain=[-1, 1]), title="sentiment"),
        color=alt.condition(alt.datum.sentiment >= 0, alt.value(RAISES), alt.value(LOWERS)),
        tooltip=["sentence", alt.Tooltip("sentiment:Q", format="+.2f"), "excerpt"],
    ).properties(height=220)


def score_histogram(scores: pd.Series) -> alt.Chart:
    """Distribution of 0-100 scores in bins of 5, coloured by band."""
    frame = pd.DataFrame({"score": scores.astype(float)})
    frame["band"] = [band_of(s) for s in frame["score"]]
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("score:Q", bin=alt.Bin(extent=[0, 100], step=5), title="score"),
        y=alt.Y("count():Q", title="articles"),
        color=alt.Color("band:N", scale=alt.Scale(domain=list(BAND_COLOURS),
                                                  range=list(BAND_COLOURS.values()))),
    ).properties(height=240)


def reliability_chart(rows: Sequence[Mapping[str, Any]]) -> alt.Chart:
    """Observed share credible against mean predicted probability, per bin, with the diagonal."""
    frame = pd.DataFrame(rows)
    diagonal = alt.Chart(pd.DataFrame({"p": [0.0, 1.0]})).mark_line(
        strokeDash=[4, 4], color="#9ca3af").encode(x="p:Q", y="p:Q")
    base = alt.Chart(frame).encode(
        x=alt.X("mean_predicted:Q", scale=alt.Scale(domain=[0, 1]),
                title="mean predicted probability"),
        y=alt.Y("observed:Q", scale=alt.Scale(domain=[0, 1]), title="observed share credible"),
    )
    line = base.mark_line(color="#2563eb")
    points = base.mark_circle(color="#2563eb", opacity=0.8).encode(
        size=alt.Size("n:Q", legend=None, scale=alt.Scale(range=[40, 400])),
        tooltip=["bin_low", "bin_high", "mean_predicted", "observed", "n"],
    )
    return (diagonal + line + points).properties(height=320)


def weights_chart(frame: pd.DataFrame, *, top: int = 20) -> alt.Chart:
    """The ``top`` features by absolute weight, signed, coloured by family."""
    shown = frame.reindex(frame["weight"].abs().sort_values(ascending=False).index).head(top)
    return alt.Chart(shown).mark_bar().encode(
        x=alt.X("weight:Q", title="weight (log-odds per standard deviation)"),
        y=alt.Y("feature:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
        color=alt.Color("family:N", legend=alt.Legend(orient="bottom", columns=3)),
        tooltip=["feature", "family", alt.Tooltip("weight:Q", format="+.3f")],
    ).properties(height=alt.Step(20))


def score_metrics(result: Any) -> None:
    """The score, its band and the calibrated probability, side by side."""
    left, mid, right = st.columns(3)
    left.metric("Credibility score", f"{result.score} / 100")
    mid.metric("Band", result.band)
    right.metric("Probability credible", f"{result.probability:.0%}",
                 help="Calibrated probability that the article is credible reporting.")
    st.badge(f"{result.band} credibility", color=BAND_COLOURS.get(result.band, "gray"))
