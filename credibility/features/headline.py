"""Headline: clickbait and sensational cues in the title.

Each cue is found as a span of ``doc.title`` (the ``headline_signals`` evidence, with a
``kind``), and the features count them. ALL CAPS words count as shouting unless they look like
acronyms (see :func:`caps_kind`); the clickbait phrases come from the
``clickbait_phrases`` lexicon.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from ..document import Document
from ..text import WORD_RE
from .base import FamilyResult, FeatureFamily, share
from .readability import easy_words

__all__ = ["Headline", "SIGNAL_KINDS", "caps_kind", "clickbait_phrases", "headline_signals"]

SIGNAL_KINDS = (
    "caps_word",
    "media_tag",
    "breaking",
    "exclusive",
    "question",
    "exclamation",
    "listicle_number",
    "second_person",
    "clickbait_phrase",
    "forward_reference",
)

_B, _E = r"(?<![^\W_])", r"(?![^\W_])"  # word boundaries that treat "_" as a non-letter
_TAG = r"(?:videos?|watch|photos?|pics|pictures|images|audio|listen|graphic|live|tweets?)"
_MEDIA_TAG_RE = re.compile(
    rf"[(\[]\W*{_TAG}(?:\W+{_TAG})*\W*[)\]]"  # (VIDEO), [PHOTOS/VIDEO]
    rf"|{_B}{_TAG}\s*:"  # WATCH: ...
    rf"|(?<=[-–—|])\s*{_TAG}\s*$",  # ... - VIDEO
    re.IGNORECASE,
)
_ALERT = r"breaking(?:\s+news)?|just\s+in|developing(?:\s+story)?|urgent|alert"
_BREAKING_RE = re.compile(
    rf"{_B}(?:BREAKING(?:\s+NEWS)?|JUST\s+IN|DEVELOPING|URGENT|ALERT){_E}"  # written in caps
    rf"|{_B}(?i:{_ALERT})\s*(?:[:!|–—]|\s-\s)"  # or used as a label: "Breaking News: ..."
)
_EXCLUSIVE_RE = re.compile(
    rf"{_B}EXCLUSIVE{_E}|^\W*(?i:exclusive){_E}|{_B}(?i:exclusive)\s*(?:[:!|–—]|\s-\s)"
)
_NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred"
)
# "10 Things ...", "Seven Reasons ...": a small count opening the title (not a year, a
# percentage, a time, a decimal or an age).
_LISTICLE_RE = re.compile(rf"^[\W_]*(?P<cue>\d{{1,3}}|(?i:{_NUMBER_WORDS}))(?=\s+[^\W\d_])")
_SECOND_PERSON_RE = re.compile(
    rf"{_B}(?:you(?:['’](?:re|ll|ve|d))?|your(?:s|self|selves)?|y['’]all){_E}", re.IGNORECASE
)
_FORWARD_RE = re.compile(rf"^[\W_]*(?P<cue>this|these|here['’]s|here){_E}", re.IGNORECASE)
_QUESTION_RE = re.compile(r"\?+")
_EXCLAMATION_RE = re.compile(r"!+")
_PART_SPLIT_RE = re.compile(r"[-'’\d]+")

# Caps words that are also ordinary words: shouting only next to another shouted word.
_AMBIGUOUS = frozenset("us who ice aids it am now act sat era".split())
# Acronyms of five letters or more, or that are also common words, written in capitals.
_ACRONYMS = frozenset(
    """naacp nafta unicef unesco covid lgbt lgbtq nascar nasdaq scotus potus flotus usmca asean
    usaid norad interpol darpa msnbc opec swat""".split()
)
# Short shouted words that are neither everyday words nor clickbait phrases (which count too).
_INTERJECTIONS = frozenset("lmao yay ugh oops duh boom".split())


def _is_common(word: str) -> bool:
    """Whether a lower-case word is an everyday English word, a regular inflection of one, an
    interjection or a clickbait word."""
    easy = easy_words()
    if word in easy or word in _INTERJECTIONS or word in clickbait_phrases():
        return True
    for suffix, stems in (("'s", ("",)), ("ing", ("", "e")), ("ed", ("", "e")), ("es", ("",)),
                          ("s", ("",))):
        if word.endswith(suffix) and any(word[: -len(suffix)] + s in easy for s in stems):
            return True
    return False


def caps_kind(token: str) -> str | None:
    """Classify a word token written in capitals.

    Returns ``None`` for a token with a lower-case letter or fewer than two letters,
    ``"acronym"`` for dotted forms (U.S.), known acronyms and short (<= 4 letter) capitals that
    are not everyday words (FBI, DEA), ``"ambiguous"`` for acronyms that are also words (US,
    WHO), and ``"shout"`` for the rest: everyday words and words of five letters or more.
    """
    if any(c.islower() for c in token) or sum(c.isalpha() for c in token) < 2:
        return None
    low = token.lower().replace("’", "'")
    if "." in token or low in _ACRONYMS:
        return "acronym"
    if low in _AMBIGUOUS:
        return "ambiguous"
    if _is_common(low):
        return "shout"
    for part in _PART_SPLIT_RE.split(low):
        if len(part) >= 2 and part not in _ACRONYMS and (len(part) >= 5 or _is_common(part)):
            return "shout"
    return "acronym"


@lru_cache(maxsize=1)
def clickbait_phrases() -> frozenset[str]:
    """The entries of the ``clickbait_phrases`` lexicon (lower case, single-spaced)."""
    path = resources.files("credibility") / "data" / "lexicons" / "clickbait_phrases.txt"
    return frozenset(
        " ".join(line.split()).lower()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@lru_cache(maxsize=1)
def _clickbait_re() -> re.Pattern[str]:
    entries = clickbait_phrases()

    def pattern(entry: str) -> str:
        words = [re.escape(w).replace("'", "['’]") for w in re.split(r"[\s-]+", entry)]
        return r"(?:\s+|\s*-\s*)".join(words)

    alternatives = "|".join(pattern(e) for e in sorted(entries, key=len, reverse=True))
    return re.compile(rf"{_B}(?:{alternatives}){_E}", re.IGNORECASE)


def headline_signals(title: str) -> list[dict[str, Any]]:
    """Every clickbait cue in ``title`` as ``{text, start, end, kind}``, ordered by position."""
    found: list[tuple[int, int, str]] = []
    for kind, regex in (
        ("media_tag", _MEDIA_TAG_RE),
        ("breaking", _BREAKING_RE),
        ("exclusive", _EXCLUSIVE_RE),
        ("question", _QUESTION_RE),
        ("exclamation", _EXCLAMATION_RE),
        ("listicle_number", _LISTICLE_RE),
        ("second_person", _SECOND_PERSON_RE),
        ("clickbait_phrase", _clickbait_re()),
        ("forward_reference", _FORWARD_RE),
    ):
        for m in regex.finditer(title):
            start, end = _trim(title, *m.span("cue" if regex.groupindex else 0))
            found.append((start, end, kind))
    # labels such as "WATCH:" or "BREAKING" are counted as labels, not as shouted words
    labels = [(s, e) for s, e, k in found if k in ("media_tag", "breaking", "exclusive")]
    tokens = [
        (m.start(), m.end(), None if any(s <= m.start() < e for s, e in labels) else kind)
        for m in WORD_RE.finditer(title)
        for kind in (caps_kind(m.group()),)
    ]
    for i, (start, end, kind) in enumerate(tokens):
        if kind == "ambiguous":  # "US" is shouted in "THEY HATE US", an acronym in "US troops"
            near = [tokens[j][2] for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
            kind = "shout" if "shout" in near else None
        if kind == "shout":
            found.append((start, end, "caps_word"))
    found.sort()
    return [{"text": title[s:e], "start": s, "end": e, "kind": k} for s, e, k in found]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to start and end on a visible character."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Headline(FeatureFamily):
    """Clickbait and sensational cues in ``doc.title``; every value is NaN without a title.

    Features
    --------
    ``n_caps_words`` (ALL CAPS words that are not acronyms) and ``caps_word_share`` (per title
    word); ``has_media_tag`` ("VIDEO:", "(PHOTOS)"), ``has_breaking`` ("BREAKING", "Just in:"),
    ``has_exclusive`` (0/1); ``n_question`` and ``n_exclamation`` (marks); ``starts_with_number``
    (a listicle count such as "10 Things", 0/1); ``second_person`` ("you", "your": mentions);
    ``n_clickbait_phrases``; ``forward_reference`` (opens with "This", "These", "Here's", 0/1);
    ``title_words``; and ``clickbait_cues``, the number of cue kinds present (0 to 10).

    Evidence
    --------
    ``headline_signals``: ``[{text, start, end, kind}]`` with offsets into ``doc.title`` and
    ``kind`` one of :data:`SIGNAL_KINDS`.
    """

    name = "headline"
    feature_names = (
        "n_caps_words",
        "caps_word_share",
        "has_media_tag",
        "has_breaking",
        "has_exclusive",
        "n_question",
        "n_exclamation",
        "starts_with_number",
        "second_person",
        "n_clickbait_phrases",
        "forward_reference",
        "title_words",
        "clickbait_cues",
    )

    def extract(self, doc: Document) -> FamilyResult:
        title = doc.title
        if not title:
            values = dict.fromkeys(self.feature_names, math.nan)
            return FamilyResult(values, {"headline_signals": []})
        signals = headline_signals(title)
        counts = dict.fromkeys(SIGNAL_KINDS, 0)
        for signal in signals:
            counts[signal["kind"]] += 1
        n_words = sum(1 for _ in WORD_RE.finditer(title))
        values = {
            "n_caps_words": float(counts["caps_word"]),
            "caps_word_share": share(counts["caps_word"], n_words),
            "has_media_tag": float(counts["media_tag"] > 0),
            "has_breaking": float(counts["breaking"] > 0),
            "has_exclusive": float(counts["exclusive"] > 0),
            "n_question": float(title.count("?")),
            "n_exclamation": float(title.count("!")),
            "starts_with_number": float(counts["listicle_number"] > 0),
            "second_person": float(counts["second_person"]),
            "n_clickbait_phrases": float(counts["clickbait_phrase"]),
            "forward_reference": float(counts["forward_reference"] > 0),
            "title_words": float(n_words),
            "clickbait_cues": float(sum(1 for n in counts.values() if n)),
        }
        return FamilyResult(values, {"headline_signals": signals})
