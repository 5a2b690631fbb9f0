"""Quoted words that are not speech: nicknames, titles, designations and mentioned words.

A quoted span is speech unless its context says otherwise: a nickname between two names or after
"known as", the title of a show or book ("on 'The Late Desk'"), an official designation
("designated as"), or a word that is mentioned rather than said ("the word 'temporary'"). Short
quotes with no speaker nearby (scare quotes) are recognised in :mod:`credibility.sources`, once
speakers are known.
"""

from __future__ import annotations

import re

from .quotes import QuoteSpan

__all__ = ["non_speech_reason", "is_title_case"]

_WORD_RE = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")
_NICKNAME_CUE_RE = re.compile(
    r"\b(?:known\s+as|nicknamed|dubbed|dubbing\s+\w+(?:\s+\w+)?|a\.k\.a\.?|aka|alias|also\s+called"
    r"|nickname)\s*$",
    re.I,
)
_DESIGNATION_CUE_RE = re.compile(
    r"\b(?:designated|designates?|designating|classified|listed|categori[sz]ed|labell?ed|branded"
    r"|recogni[sz]ed|registered|certified|deemed)\s+(?:\w+\s+)?(?:as\s+)?(?:an?\s+|the\s+)?$",
    re.I,
)
_TITLE_CUE_RE = re.compile(
    r"(?:\b(?:show|program|programme|book|memoir|novel|film|movie|documentary|song|album|series"
    r"|episode|article|op-ed|column|essay|headline|magazine|podcast|segment|titled|entitled|sitcom"
    r"|play|musical|poem|on|in|told|watch(?:ed|ing)?|read(?:ing)?|host\s+of|star(?:red)?\s+in"
    r"|appear(?:ed|s|ing)?\s+on|according\s+to|(?:episode|edition|season|issue)\s+of)"
    r"|['’]s?|s['’])\s*$",
    re.I,
)
_MENTION_CUE_RE = re.compile(
    r"\b(?:word|words|term|terms|phrase|phrases|label|slogan|hashtag|so-called|chant(?:ed|ing|s)?"
    r"|letters?|spelled|spelt)\s*[:,]?\s*$",
    re.I,
)
_NAME_BEFORE_RE = re.compile(r"\b[A-Z][\w’'\-]*\.?\s$")
_NAME_AFTER_RE = re.compile(r"\s[A-Z][\w’'\-]+")


def is_title_case(words: list[str]) -> bool:
    """Whether every word of four or more letters (and the first word) is capitalised."""
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or len(w) < 4 or w[:1].isdigit() for w in words)


def non_speech_reason(text: str, span: QuoteSpan, left_start: int) -> str | None:
    """Why a quoted span is not speech, judged from its own words and context.

    Parameters
    ----------
    text : str
        The article text.
    span : QuoteSpan
        The quoted span.
    left_start : int
        Where the left context starts (the sentence start, or the end of the previous quote).

    Returns
    -------
    str or None
        ``"nickname"``, ``"title"``, ``"designation"`` or ``"scare_quote"`` (a quoted word that is
        mentioned, such as "the word 'X'"); ``None`` when nothing marks the span as non-speech.
        Short quotes with no speaker nearby are judged later, once speakers are known.
    """
    words = _WORD_RE.findall(text, span.start, span.end)
    n = len(words)
    if not n or n > 10:
        return None
    left = text[max(left_start, span.open_at - 80) : span.open_at]
    right = text[span.close_at + 1 : span.close_at + 40] if span.closed else ""
    inner = text[span.start : span.end]
    terminal = inner[-1:] in "?!"
    if n <= 8 and _NICKNAME_CUE_RE.search(left):
        return "nickname"
    if (
        n <= 4
        and not terminal
        and inner[-1:] != "."
        and _NAME_BEFORE_RE.search(left)
        and _NAME_AFTER_RE.match(right)
        and is_title_case(words)
    ):
        return "nickname"
    if n <= 8 and _DESIGNATION_CUE_RE.search(left):
        return "designation"
    if not terminal and is_title_case(words):
        if _TITLE_CUE_RE.search(left):
            return "title"
        if n >= 2 and left.endswith(("the ", "The ")) and all(w[:1].isupper() for w in words):
            return "title"  # the "Nightly News" anchor
    if n <= 5 and _MENTION_CUE_RE.search(left):
        return "scare_quote"
    return None
