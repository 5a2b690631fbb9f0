"""Analyze one article: its score, what pulled it, and the evidence highlighted in the text."""

from __future__ import annotations

from typing import Any

import streamlit as st
from components import (
    current_model,
    example_articles,
    page_header,
    pull_chart,
    score_metrics,
    sentiment_chart,
    show_error,
    upload_bytes,
)

from credibility.article import Article
from credibility.errors import CredibilityError, InputError
from credibility.highlight import (
    highlight_article,
    highlight_headline,
    legend_html,
    speaker_colours,
)
from credibility.ingest import RowError, read_article, read_articles_from_bytes
from credibility.language import check_english
from credibility.readers_text import split_title
from credibility.views import (
    feature_reference,
    features_frame,
    pulls_frame,
    quotes_frame,
    readability_frame,
    sentences_frame,
    signals_frame,
    sources_frame,
)

PASTE, UPLOAD, URL = "Paste text", "Upload a file", "From a URL"
NO_EXAMPLE = "(choose an example)"


def _load_example() -> None:
    name = st.session_state.get("example")
    path = example_articles().get(name)
    if path is None:
        return
    article = read_article(str(path))
    st.session_state["headline"] = article.title or ""
    st.session_state["article_text"] = article.text


def _input_article(mode: str) -> Article | None:
    """The article the user gave, or None after telling them what is missing."""
    if mode == PASTE:
        text = st.session_state.get("article_text") or ""
        if not text.strip():
            st.warning("Paste the text of an article into the box first (or pick an example).")
            return None
        headline = st.session_state.get("headline") or None
        if headline is None:  # a pasted page often starts with its headline line
            headline, text = split_title(text)
        return Article(text=text, title=headline, id="pasted")
    if mode == UPLOAD:
        uploaded = st.session_state.get("article_file")
        if uploaded is None:
            st.warning("Choose a .txt or .html file first.")
            return None
        data = upload_bytes(uploaded)
        if data is None:
            return None
        first = next(read_articles_from_bytes(data, filename=uploaded.name))
        if isinstance(first, RowError):
            raise InputError(f"cannot read {uploaded.name!r}: {first.message}")
        return first
    url = (st.session_state.get("article_url") or "").strip()
    if not url:
        st.warning("Enter the address of an article (https://…) first.")
        return None
    return read_article(url)


def _inputs() -> str:
    mode = st.radio("Input", [PASTE, UPLOAD, URL], horizontal=True, key="input_mode",
                    label_visibility="collapsed")
    if mode == PASTE:
        st.selectbox("Try an example article", [NO_EXAMPLE, *example_articles()], key="example",
                     on_change=_load_example)
        st.text_input("Headline (optional)", key="headline")
        st.text_area("Article text", key="article_text", height=260,
                     placeholder="Paste the article's text here…")
    elif mode == UPLOAD:
        st.file_uploader("A .txt or .html file with one article", type=["txt", "html", "htm"],
                         key="article_file")
    else:
        st.text_input("Article URL", key="article_url", placeholder="https://…")
        st.caption("The page is fetched once, now; nothing else ever leaves this machine.")
    return mode


def _table_or(frame: Any, empty: str, **columns: Any) -> None:
    if frame.empty:
        st.write(empty)
    else:
        st.dataframe(frame, hide_index=True, width="stretch", column_config=columns or None)


def _show(result: Any, record: dict[str, Any]) -> None:
    warning = check_english(record["text"]).message
    if warning:
        st.warning(warning, icon="🌐")
    if record.get("title"):
        st.markdown(highlight_headline(record), unsafe_allow_html=True)
    score_metrics(result)

    left, right = st.columns([3, 2])
    with left:
        st.subheader("What pulled the score")
        st.altair_chart(pull_chart(pulls_frame(result.family_pulls)), width="stretch")
        st.caption(f"Pulls in log-odds from the average training article (baseline "
                   f"{result.baseline:+.2f}); they add up to the score's log-odds "
                   f"{result.logit:+.2f}.")
    with right:
        st.subheader("Top reasons")
        if not result.reasons:
            st.write("Nothing in this article moved the score far from average.")
        for reason in result.reasons:
            arrow = "▲" if reason.pull > 0 else "▼"
            st.markdown(f"{arrow} {reason.text} — *{reason.direction} the score* "
                        f"({reason.pull:+.2f})")

    st.subheader("The article, highlighted")
    st.markdown(legend_html(speaker_colours(record["quotes"])), unsafe_allow_html=True)
    st.markdown(highlight_article(record), unsafe_allow_html=True)

    st.subheader("Quotes")
    _table_or(quotes_frame(record), "No direct quotes found.", quote=st.column_config.TextColumn(
        width="large"), speaker=st.column_config.TextColumn(width="medium"))
    st.subheader("Sources")
    _table_or(sources_frame(record), "No sources named or cited.")

    st.subheader("Readability against typical news writing")
    st.dataframe(readability_frame(record, feature_reference(current_model())), hide_index=True,
                 width="stretch", column_config={"this article": st.column_config.NumberColumn(
                     format="%.2f"), "typical": st.column_config.NumberColumn(format="%.2f")})
    st.caption("Typical = the median of the articles the model was trained on; the typical "
               "range holds the middle half of them.")

    st.subheader("Sentiment, sentence by sentence")
    sentences = sentences_frame(record)
    if sentences["sentiment"].notna().any():
        st.altair_chart(sentiment_chart(sentences), width="stretch")
    else:
        st.write("No sentence sentiment was measured.")

    st.subheader("Headline and page signals")
    heads, pages = st.columns(2)
    with heads:
        st.markdown("**Headline**")
        _table_or(signals_frame(record["headline_signals"]), "No headline signals found.")
    with pages:
        st.markdown("**Page boilerplate stripped before analysis**")
        stripped = [s.to_dict() for s in result.analysis.document.page_signals]
        _table_or(signals_frame(stripped), "No page boilerplate found.")

    with st.expander("Every feature value"):
        st.dataframe(features_frame(record), hide_index=True, width="stretch")


page_header("Analyze an article",
            "Paste an article, upload a file or give a URL: the score, and exactly which "
            "sentences, quotes and words drove it.")
model = current_model()
mode = _inputs()
if st.button("Analyze", key="analyze", type="primary"):
    try:
        article = _input_article(mode)
        if article is not None:
            result = model.score(article)
            st.session_state["analyze_result"] = (result, result.analysis.to_dict())
    except CredibilityError as exc:
        st.session_state.pop("analyze_result", None)
        show_error(exc)

if "analyze_result" in st.session_state:
    _show(*st.session_state["analyze_result"])
