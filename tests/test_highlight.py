"""The highlighted article view: escaping, overlapping spans, speaker colours, the legend."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credibility.highlight import (
    PALETTE,
    UNATTRIBUTED,
    Mark,
    article_marks,
    highlight_article,
    highlight_headline,
    legend_html,
    render_marks,
    speaker_colours,
)

TEXT = (
    '"The levy is a disgrace," said Marta Quill, the union secretary.\n\n'
    "Officials, who asked not to be named, said the plan might change. "
    '"We will appeal," a spokesman said.'
)


def span(text: str, sub: str, **extra: object) -> dict:
    start = TEXT.index(sub)
    return {"text": sub, "start": start, "end": start + len(sub), **extra}


RECORD = {
    "title": "Union <b>slams</b> levy",
    "text": TEXT,
    "quotes": [
        span(TEXT, '"The levy is a disgrace,"', speaker="Marta Quill", role="union secretary",
             kind="named"),
        span(TEXT, '"We will appeal,"', speaker=None, role=None, kind="unattributed"),
    ],
    "attributions": [
        span(TEXT, "said Marta Quill", speaker="Marta Quill", kind="named"),
        span(TEXT, "Officials, who asked not to be named, said", kind="anonymous"),
    ],
    "loaded_terms": [
        span(TEXT, "disgrace", category="charged"),
        span(TEXT, "might", category="hedge"),
    ],
    "headline_signals": [{"text": "slams", "kind": "loaded_verb", "start": 13, "end": 18}],
}


def strip_tags(markup: str) -> str:
    """The text a browser would show: tags removed, <br> as line breaks, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup.replace("<br>", "\n")))


def marks_around(markup: str, needle: str) -> str:
    """The opening <mark ...> tag of the piece whose text starts with ``needle``."""
    m = re.search(r'(<mark [^>]*>)' + re.escape(html.escape(needle)), markup)
    assert m, f"{needle!r} is not the start of a marked piece"
    return m.group(1)


def test_script_in_article_text_is_shown_as_text() -> None:
    text = "Before <script>alert(1)</script> after & <img src=x onerror=alert(2)>"
    start = text.index("alert(1)")
    out = render_marks(text, [Mark(start, start + 8, "loaded", "Loaded term (x)")])
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "&amp;" in out
    assert strip_tags(out) == text


def test_speaker_names_and_terms_in_tooltips_and_legend_are_escaped() -> None:
    quotes = [{"start": 0, "end": 5, "speaker": '<script>x</script>" onmouseover="y'}]
    out = highlight_article({"text": "Hello world", "quotes": quotes})
    legend = legend_html(speaker_colours(quotes))
    for markup in (out, legend):
        assert "<script" not in markup and '" onmouseover' not in markup
        assert "&lt;script&gt;" in markup


def test_overlapping_spans_combine_on_the_overlap() -> None:
    out = highlight_article(RECORD)
    disgrace = marks_around(out, "disgrace")
    assert "cred-quote" in disgrace and "cred-loaded" in disgrace
    assert PALETTE[0] in disgrace and "font-weight:700" in disgrace
    opening = marks_around(out, '"The levy is a ')
    assert "cred-loaded" not in opening
    assert strip_tags(out) == TEXT


def test_partially_overlapping_spans_are_cut_into_three_pieces() -> None:
    out = render_marks("abcdefghij", [Mark(0, 6, "quote", "q", "#fff000"),
                                      Mark(4, 10, "attribution", "a")])
    pieces = re.findall(r'<mark class="([^"]+)"[^>]*>([^<]*)</mark>', out)
    assert pieces == [("cred-quote", "abcd"), ("cred-quote cred-attribution", "ef"),
                      ("cred-attribution", "ghij")]


@pytest.mark.parametrize(
    ("needle", "layer"),
    [
        ("said Marta Quill", "cred-attribution"),
        ("Officials, who asked", "cred-anonymous"),
        ("might", "cred-hedge"),
        ('"We will appeal,"', "cred-quote"),
    ],
)
def test_each_kind_of_evidence_gets_its_layer(needle: str, layer: str) -> None:
    assert layer in marks_around(highlight_article(RECORD), needle)


def test_speakers_get_palette_colours_in_order_and_unattributed_is_grey() -> None:
    quotes = [{"speaker": "Ann Lee"}, {"speaker": None}, {"speaker": "Bo Chen"},
              {"speaker": "Ann Lee"}, {"speaker": " "}]
    assert speaker_colours(quotes) == {"Ann Lee": PALETTE[0], None: UNATTRIBUTED,
                                       "Bo Chen": PALETTE[1]}
    out = highlight_article(RECORD)
    assert UNATTRIBUTED in marks_around(out, '"We will appeal,"')


def test_bad_spans_are_ignored_and_text_kept() -> None:
    marks = [Mark(-1, 3, "loaded", "x"), Mark(5, 2, "loaded", "x"), Mark(0, 99, "quote", "x"),
             Mark(0, 3, "no-such-layer", "x"), Mark(2, 2, "hedge", "x")]
    out = render_marks("short text", marks)
    assert "<mark" not in out and out == "short text"


def test_output_is_one_html_block_without_blank_lines() -> None:
    out = highlight_article(RECORD)
    assert "\n" not in out and out.count("<br>") == 2
    assert out.startswith('<div class="cred-article"') and out.endswith("</div>")


def test_headline_signals_are_marked_and_headline_escaped() -> None:
    out = highlight_headline(RECORD)
    assert "&lt;b&gt;" in out and "<b>" not in out
    assert strip_tags(out) == RECORD["title"]
    assert highlight_headline({"title": None}) == ""


def test_article_marks_reads_every_evidence_list() -> None:
    layers = sorted(m.layer for m in article_marks(RECORD))
    assert layers == ["anonymous", "attribution", "hedge", "loaded", "quote", "quote"]


def test_legend_names_each_layer_and_speaker() -> None:
    legend = strip_tags(legend_html({"Marta Quill": PALETTE[0], None: UNATTRIBUTED}))
    for label in ("Loaded term", "Hedge", "Quote", "Attribution", "Anonymous source",
                  "Marta Quill", "unattributed"):
        assert label in legend


@st.composite
def text_and_marks(draw: st.DrawFn) -> tuple[str, list[Mark]]:
    text = draw(st.text(alphabet=st.sampled_from("ab <>&\"'\n"), max_size=60))
    bounds = st.integers(min_value=0, max_value=len(text))
    layers = st.sampled_from(["quote", "attribution", "anonymous", "loaded", "hedge"])
    marks = draw(st.lists(st.builds(Mark, bounds, bounds, layers, st.just("n")), max_size=8))
    return text, marks


@given(text_and_marks())
def test_rendering_keeps_the_text_and_never_emits_raw_article_markup(case) -> None:
    text, marks = case
    out = render_marks(text, marks)
    assert strip_tags(out) == text
    assert out.count("<mark") == out.count("</mark>")
    assert re.sub(r"<(/?mark|br)\b[^>]*>", "", out).count("<") == 0
