"""Page boilerplate: found, reported with its kind, and removed from the analyzed text."""

from __future__ import annotations

import pytest

from credibility.document import parse_document
from credibility.features.page_context import PageContext
from credibility.page import strip_boilerplate

BODY = "The council approved the plan on Tuesday. Residents will vote on it in May."


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Share this post", "share"),
        ("Share this article:", "share"),
        ("Click to share on Facebook (Opens in new window)", "share"),
        ("Follow Daily Ledger channel on WhatsApp: https://chat.example.com/x1", "follow"),
        ("Follow us on Twitter @ledger", "follow"),
        ("Like us on Facebook", "follow"),
        ("Subscribe to our newsletter for the latest news", "subscribe"),
        ("Sign up for our free morning briefing", "subscribe"),
        ("READ ALSO: BREAKING: Senate Passes Budget (VIDEO)", "read_also"),
        ("RELATED: How the vote unfolded", "read_also"),
        ("You may also like", "read_also"),
        ("Leave a Reply", "comment_form"),
        ("Your email address will not be published. Required fields are marked *", "comment_form"),
        ("Notify me of follow-up comments by email.", "comment_form"),
        ("Advertisement", "promo"),
        ("Story continued below", "promo"),
        ("Click here to download the full report", "promo"),
        ("https://example.com/some/page", "link"),
    ],
)
def test_boilerplate_lines_are_removed_with_their_kind(line, kind):
    raw = f"{BODY}\n\n{line}\n\nA final paragraph of the story follows here."
    text, signals = strip_boilerplate(raw)
    assert [(s.text, s.kind) for s in signals] == [(line, kind)]
    assert line not in text
    assert BODY in text and "A final paragraph" in text
    s = signals[0]
    assert raw[s.start:s.end] == line


@pytest.mark.parametrize(
    "prose",
    [
        "Share prices fell sharply on Tuesday after the bank reported a loss of $2 billion.",
        "Readers who follow the council closely will remember the 2019 vote on the bridge.",
        "Related questions about the budget were left for the next meeting, the clerk said.",
        "The advertisement campaign cost the county $40,000, according to records.",
    ],
)
def test_prose_that_mentions_the_words_is_kept(prose):
    text, signals = strip_boilerplate(f"{BODY}\n\n{prose}")
    assert signals == () and prose in text


def test_inline_phrases_in_single_paragraph_text():
    raw = ("The bill passed. Story Continued Below The vote was close. RELATED: Why the vote "
           "matters? Officials said the law takes effect in June.")
    text, signals = strip_boilerplate(raw)
    assert "Story Continued Below" not in text and "RELATED" not in text
    assert "The vote was close." in text and "Officials said" in text
    assert {s.kind for s in signals} == {"promo", "read_also"}


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("(CNN)The Senate voted on Monday.", "The Senate voted on Monday."),
        ("WASHINGTON (Reuters) - The Senate voted.", "The Senate voted."),
        ("CLEVELAND — The convention opened.", "The convention opened."),
        ("NEW YORK, N.Y. — Stocks fell.", "Stocks fell."),
        ("The Senate voted on Monday.", "The Senate voted on Monday."),
    ],
)
def test_leading_dateline_is_stripped_and_not_counted(raw, clean):
    doc = parse_document(raw)
    assert doc.text == clean
    values = PageContext().extract(doc).values
    assert values["n_signals"] == 0.0 and values["boilerplate_share"] == 0.0


def test_page_context_counts_by_kind():
    raw = (f"{BODY}\n\nREAD ALSO: Another story\n\nShare this post\n\nLeave a Reply\n\n"
           "Your email address will not be published.")
    values = PageContext().extract(parse_document(raw)).values
    assert values["n_signals"] == 4.0
    assert values["n_read_also"] == 1.0 and values["n_share"] == 1.0
    assert values["n_comment_form"] == 2.0
    assert 0.0 < values["boilerplate_share"] < 1.0
