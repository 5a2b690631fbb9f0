"""Score a table of articles: map the columns, score with progress, filter, profile, download."""

from __future__ import annotations

import io
from typing import Any

import pandas as pd
import streamlit as st
from components import current_model, page_header, score_histogram, show_error, uploaded_table

from credibility.errors import CredibilityError
from credibility.ingest import read_articles_from_bytes
from credibility.model import BANDS
from credibility.outlets import UNKNOWN_SOURCE, outlet_profiles
from credibility.outputs import row_schema, rows_table
from credibility.rows import output_columns, score_items
from credibility.uploads import guess_column

CHUNK = 25  # rows scored between progress updates
NONE = "(none)"


def _mapping(columns: list[str], texts: list[str]) -> dict[str, str]:
    """Selectboxes for the text, headline, id and publisher columns."""
    st.markdown("**Which column holds what?**")
    cols = st.columns(4)
    text_default = guess_column(texts, "text") or texts[0]
    chosen = {"text_column": cols[0].selectbox("Article text", texts,
                                               index=texts.index(text_default),
                                               key="batch_text_column")}
    for col, (field, label) in zip(cols[1:], (("title", "Headline"), ("id", "Id"),
                                              ("source", "Publisher")), strict=True):
        options = [NONE, *columns]
        guess = guess_column(columns, field)
        value = col.selectbox(label, options, index=options.index(guess) if guess else 0,
                              key=f"batch_{field}_column")
        # (none): the reader's default name, used only if a column of that name exists
        chosen[f"{field}_column"] = field if value == NONE else value
    return chosen


def _score(data: bytes, name: str, mapping: dict[str, str]) -> pd.DataFrame:
    model = current_model()
    items = list(read_articles_from_bytes(data, filename=name, **mapping))
    bar = st.progress(0.0, text=f"Scoring {len(items):,} articles…")
    rows: list[dict[str, Any]] = []
    for start in range(0, len(items), CHUNK):
        rows += score_items(model, items[start:start + CHUNK])
        done = min(start + CHUNK, len(items))
        bar.progress(done / len(items), text=f"Scored {done:,} of {len(items):,} articles")
    bar.empty()
    columns = output_columns(model.feature_names)
    return rows_table(rows, row_schema(columns)).to_pandas()


def _filters(results: pd.DataFrame) -> pd.DataFrame:
    scored = results[results["error"] == ""]
    left, mid, right = st.columns(3)
    bands = left.multiselect("Band", [b for _, _, b in BANDS], default=[b for _, _, b in BANDS],
                             key="batch_bands")
    low, high = mid.slider("Score", 0, 100, (0, 100), key="batch_score_range")
    sources = sorted(s for s in scored["source"].unique() if s)
    picked = right.multiselect("Publisher", sources, key="batch_sources",
                               placeholder="all publishers")
    keep = scored["band"].isin(bands) & scored["score"].between(low, high)
    if picked:
        keep &= scored["source"].isin(picked)
    return scored[keep]


def _outlets(results: pd.DataFrame) -> pd.DataFrame:
    profiles = outlet_profiles([results])
    if profiles.empty:
        return profiles
    return profiles.assign(top_speakers=[", ".join(f"{name} ({n})" for name, n in speakers)
                                         for speakers in profiles["top_speakers"]])


def _downloads(results: pd.DataFrame, stem: str) -> None:
    parquet = io.BytesIO()
    results.to_parquet(parquet, index=False)
    left, right = st.columns(2)
    left.download_button("Download results (CSV)", results.to_csv(index=False).encode("utf-8"),
                         file_name=f"{stem}-scores.csv", mime="text/csv", key="batch_csv")
    right.download_button("Download results (Parquet)", parquet.getvalue(),
                          file_name=f"{stem}-scores.parquet",
                          mime="application/vnd.apache.parquet", key="batch_parquet")


def _show(name: str, results: pd.DataFrame) -> None:
    errors = results[results["error"] != ""]
    scored = results[results["error"] == ""]
    a, b, c = st.columns(3)
    a.metric("Articles scored", f"{len(scored):,}")
    b.metric("Could not be scored", f"{len(errors):,}")
    c.metric("Mean score", f"{scored['score'].mean():.1f}" if len(scored) else "n/a")
    if len(errors):
        with st.expander(f"{len(errors):,} rows could not be scored"):
            st.dataframe(errors[["id", "title", "error"]], hide_index=True, width="stretch")
    if scored.empty:
        st.error("No article could be scored: " + str(errors["error"].iloc[0]))
        return
    st.subheader("Results")
    shown = _filters(results)
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        "score": st.column_config.ProgressColumn("score", min_value=0, max_value=100,
                                                 format="%d"),
        "probability": st.column_config.NumberColumn(format="%.2f")})
    st.caption(f"{len(shown):,} of {len(scored):,} scored articles match the filters; click a "
               "column header to sort.")
    st.subheader("Score distribution")
    st.altair_chart(score_histogram(shown["score"]), width="stretch")
    st.subheader("Publishers")
    outlets = _outlets(results)
    if outlets.empty or set(outlets["source"]) == {UNKNOWN_SOURCE}:
        st.write("No publisher column was mapped (or no row names one).")
    else:
        st.dataframe(outlets, hide_index=True, width="stretch", column_config={
            c: st.column_config.NumberColumn(format="%.2f") for c in outlets.columns
            if c.startswith(("mean_", "median_", "low_", "named_"))})
        st.caption("Across every article of each publisher (filters not applied); pulls are "
                   "mean log-odds per family.")
    st.subheader("Download")
    _downloads(results, name.rsplit(".", 1)[0])


page_header("Score many articles",
            "Upload a table with one article per row; every row is analyzed and scored on this "
            "machine.")
uploaded, data, preview, texts = uploaded_table(
    "A table of articles (CSV, JSONL or Parquet)", "batch_file")
with st.expander(f"Preview of {uploaded.name}"):
    st.dataframe(preview.head(20), hide_index=True)
mapping = _mapping(list(preview.columns), texts)
upload_key = (uploaded.name, uploaded.size, tuple(sorted(mapping.items())))
if st.button("Score", key="batch_score", type="primary"):
    try:
        st.session_state["batch_results"] = (upload_key, _score(data, uploaded.name, mapping))
    except CredibilityError as exc:
        show_error(exc)
stored = st.session_state.get("batch_results")
if stored and stored[0] == upload_key:
    _show(uploaded.name, stored[1])
