"""Quoted spans in article text: pair the quote marks, and tell speech from other quoted words.

Quote marks in scraped news are messy: straight and curly marks mixed, closing marks typed as
opening ones, quotes that run over several paragraphs, marks that are never closed. Each mark
gets a role from its neighbours (a mark after a space and before a word opens; one after a word
and before a space or punctuation closes; curly marks break ties), and the marks are paired in
one pass, so a stray mark costs at most one quote, never the rest of the text. A quote never
closed ends at its first sentence end. Text is often flattened, so an opening mark after a
sentence end inside an open quote continues it (a lost paragraph break), unless the quote opened
mid-sentence and narrative came between. A double-quoted title or phrase inside a double quote
stays in the outer span. Single marks inside double quotes are nested quotes; single marks
elsewhere pair only when they cannot be apostrophes (don't, Trump's, '60s).

Which quoted spans are speech is decided in :mod:`credibility.nonspeech` and
:mod:`credibility.sources`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quote_spans"]

_DOUBLE_RE = re.compile("[\"“”„«»]")
_SINGLE_RE = re.compile("['‘’]")
_QUOTE_CHARS = "\"“”„«»'‘’"
_SPACE_BEFORE = " \n\t([{—–-/" + _QUOTE_CHARS
_AFTER_CLOSE = " \n\t)]},.;:!?—–-…/" + _QUOTE_CHARS
_OPEN, _CLOSE, _EITHER = 1, 2, 3
_FULL_QUOTE_BEFORE = ("", *".?!…:,;—–-", *_QUOTE_CHARS)  # before a quote that opens a sentence
_MAX_SINGLE = 300  # a single-quoted span never runs longer than this
# Word-initial apostrophes: '60s, '90, 'em, 'til, 'cause, rock 'n' roll, 'tis.
_ELISION_RE = re.compile(
    r"['‘’](?:\d\d|em\b|til\b|cause\b|n['’]|tis\b|twas\b|bout\b|round\b)", re.I
)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One top-level quoted span.

    Attributes
    ----------
    start, end : int
        The quoted words, without the marks (a trailing comma is left out).
    open_at : int
        Offset of the opening mark.
    close_at : int
        Offset of the closing mark, or of the paragraph end when the quote is never closed.
    closed : bool
        Whether a closing mark was found.
    """

    start: int
    end: int
    open_at: int
    close_at: int
    closed: bool


def _role(text: str, i: int) -> int:
    """Whether the quote mark at ``i`` can open, close, or either."""
    mark = text[i]
    prev = text[i - 1] if i else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    can_open = prev in _SPACE_BEFORE or prev == ":"
    can_open = can_open and not nxt.isspace()
    can_close = not prev.isspace() and (nxt in _AFTER_CLOSE or prev in ".,!?…")
    if prev.isspace() and nxt.isspace() and mark not in "“„«":
        return _CLOSE  # a mark between spaces ('at." " Next') closes a quote, never opens one
    if mark in "”»" and prev in "—–-" and not nxt.isspace():
        return _EITHER  # an interrupted quote ("but Dr. Reefer—”displaying")
    if mark in "“„«" and prev in ",;:" and nxt.isalnum():
        return _EITHER  # 'titled,“The Report”'
    if can_open and not can_close:
        return _OPEN
    if can_close and not can_open:
        return _CLOSE
    if mark in "“„«":
        # Neither context ("blacks“while", "culture “ of"): a closing mark typed as an opening
        # one closes an open quote, and opens one otherwise.
        return _OPEN if can_open else _EITHER
    if mark in "”»":
        return _CLOSE if can_close or not can_open else _EITHER
    return _EITHER


def _span(text: str, open_at: int, close_at: int, closed: bool) -> QuoteSpan | None:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end <= start or not any(c.isalnum() for c in text[start:end]):
        return None
    return QuoteSpan(start, end, open_at, close_at, closed)


def _paragraph_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _double_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at = -1
    cursor = 0  # where to look for a paragraph break inside the open quote
    marks = [(m.start(), _role(text, m.start())) for m in _DOUBLE_RE.finditer(text)]
    skip_to = 0
    for k, (i, role) in enumerate(marks):
        if k < skip_to:
            continue
        if open_at >= 0:
            nl = text.find("\n", cursor, i)
            if nl >= 0:
                nxt = nl
                while nxt < i and text[nxt].isspace():
                    nxt += 1
                if nxt == i and role & _OPEN:
                    cursor = i + 1  # the quote goes on in the next paragraph
                    continue
                span = _span(text, open_at, _first_sentence_end(text, cursor, nl), False)
                if span:
                    spans.append(span)
                open_at = -1
        if open_at < 0:
            if role & _OPEN:
                open_at, cursor = i, i + 1
            continue
        if role & _CLOSE:
            span = _span(text, open_at, i, True)
            if span:
                spans.append(span)
            open_at = -1
        elif _char_before(text, i) in ".?!…" and _continues(text, open_at, cursor, i):
            # An opening mark after a sentence end inside an open quote: a paragraph break lost
            # in scraping, and the quote goes on (the multi-paragraph rule).
            cursor = i + 1
        elif (close := _nested_close(text, marks, k)) >= 0:
            # a quote inside the quote ("... he told me, “Go home,” and left.”): the outer
            # quote ends at the next closing mark, or with the inner one when none follows
            span = _span(text, open_at, marks[close][0], True)
            if span:
                spans.append(span)
            open_at, skip_to = -1, close + 1
        else:  # an opening mark mid-sentence while a quote is open: the first was never closed,
            # and ends at its first sentence end, as at a paragraph end
            span = _span(text, open_at, _first_sentence_end(text, cursor, i), False)
            if span:
                spans.append(span)
            open_at, cursor = i, i + 1
    if open_at >= 0:
        end = _first_sentence_end(text, cursor, _paragraph_end(text, cursor))
        span = _span(text, open_at, end, False)
        if span:
            spans.append(span)
    return spans


_SENTENCE_END_RE = re.compile(r"[.!?…](?=\s)")
# Words after which an opening mark inside a quote starts a quote within the quote.
_NESTED_CUE_RE = re.compile(
    r"\b(?:say|says|said|saying|asks?|asked|tells?|told|calls?|called|calling|words?|terms?"
    r"|phrases?|to\s+(?:myself|himself|herself|themselves|me|us|him|her|them))\s*[,:]?\s*$",
    re.I,
)


def _nested_close(text: str, marks: list[tuple[int, int]], k: int) -> int:
    """Index of the mark that closes the outer quote when mark ``k`` opens a nested quote.

    The nested quote must close in the same paragraph. The outer quote closes at a second closing
    mark right after it ("… “Mein Kampf”, and he’s a Jew.”"); when none follows, a speech cue
    before the nested mark ("said to myself, “…”") shows that one mark closes both. Otherwise
    (-1) the outer quote was never closed.
    """
    i = marks[k][0]
    end = _paragraph_end(text, i)
    if k + 1 >= len(marks) or marks[k + 1][0] > end or not marks[k + 1][1] & _CLOSE:
        return -1
    if k + 2 < len(marks) and marks[k + 2][0] < end and marks[k + 2][1] == _CLOSE:
        return k + 2
    return k + 1 if _NESTED_CUE_RE.search(text, max(0, i - 40), i) else -1


def _char_before(text: str, i: int) -> str:
    """The last non-space character before ``i`` ("" at the start)."""
    i -= 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _continues(text: str, open_at: int, cursor: int, i: int) -> bool:
    """Whether an opening mark at ``i``, after a sentence end inside the quote opened at
    ``open_at``, continues that quote in a new paragraph.

    A quote that opens a sentence (or follows a colon, comma or dash) may run over paragraphs.
    One opened mid-sentence ('calling him "a fraud.') goes on only when the new mark follows its
    first sentence; after narrative sentences, it was simply never closed.
    """
    if _char_before(text, open_at) in _FULL_QUOTE_BEFORE:
        return True
    return not text[_first_sentence_end(text, cursor, i) : i].strip()


def _first_sentence_end(text: str, start: int, limit: int) -> int:
    """Where a quote that is never closed ends: its first sentence end, else ``limit``."""
    m = _SENTENCE_END_RE.search(text, start, limit)
    return m.end() if m else limit


def _single_spans(text: str, blocked: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Single-quoted spans outside the double-quoted regions in ``blocked``."""
    starts = [s for s, _ in blocked]
    spans: list[QuoteSpan] = []
    open_at = -1
    for m in _SINGLE_RE.finditer(text):
        i = m.start()
        k = bisect_right(starts, i) - 1
        if k >= 0 and blocked[k][0] <= i <= blocked[k][1]:
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # don't, Trump's
        if open_at >= 0 and (
            i - open_at > _MAX_SINGLE
            or text.find("\n", open_at, i) >= 0
            or k >= 0 and blocked[k][0] > open_at  # a double-quoted span in between
        ):
            open_at = -1
        if open_at < 0:
            if (prev in _SPACE_BEFORE or prev == ":") and nxt.isalnum() and text[i] != "’":
                if not _ELISION_RE.match(text, i):
                    open_at = i
            continue
        if not prev.isspace() and (nxt in _AFTER_CLOSE or nxt == "s" and prev in ".,!?"):
            span = _span(text, open_at, i, True)
            if span:
                spans.append(span)
            open_at = -1
    return spans


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All top-level quoted spans in ``text``, in order.

    Parameters
    ----------
    text : str
        Normalised article text (paragraphs separated by line breaks).

    Returns
    -------
    list of QuoteSpan
        Double-quoted spans (a paragraph that ends inside a quote continues it when the next
        paragraph opens with a mark; otherwise the quote ends with its paragraph) and
        single-quoted spans outside them. Nested quotes are part of their outer span.
    """
    doubles = _double_spans(text)
    singles = _single_spans(text, [(s.open_at, s.close_at) for s in doubles])
    if not singles:
        return doubles
    return sorted(doubles + singles, key=lambda s: s.start)
