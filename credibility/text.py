"""Text normalisation, word tokens and sentence boundaries, with character offsets.

Everything downstream indexes the cleaned text by ``(start, end)`` offsets, so these helpers
never rewrite text after offsets are taken.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "normalize_text",
    "WORD_RE",
    "words",
    "word_spans",
    "count_words",
    "split_sentences",
]

# Mojibake markers: UTF-8 read as cp1252 / latin-1 ("â€™", "Ã©", C1 control characters).
_MOJIBAKE_RE = re.compile("[\u0080-\u009f]|â€|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf ]")
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES_RE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")

WORD_RE = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*", re.UNICODE)


def normalize_text(text: str) -> str:
    """Repair mojibake, unify line ends and odd spaces, and drop invisible characters.

    Uses ``ftfy`` only when the text shows signs of mis-decoding, so clean text costs one regex
    search.
    """
    if _MOJIBAKE_RE.search(text):
        import ftfy

        text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=True)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE_RE.sub("", text)
    text = _SPACES_RE.sub(" ", text)
    return text


def words(text: str) -> list[str]:
    """Word tokens (letters and digits, with inner apostrophes, hyphens and dots)."""
    return WORD_RE.findall(text)


def word_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD_RE.finditer(text)]


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft sen rep gov gen lt col maj capt cmdr sgt adm pres supt
    rev hon messrs mme mlle no nos vol vols fig figs approx est dept univ assn bros inc ltd
    co corp jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri
    sat sun vs etc al ave blvd rd hwy ariz calif colo conn fla ga ill ind kan ky la md mass
    mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo del
    """.split()
)

_BOUNDARY_RE = re.compile(
    r"""
    (?:\n[ \t]*\n\s*)                                  # a blank line always ends a sentence
    | (?<=[.!?])["”’')\]]*\s+(?=["“‘'(\[]?[A-Z0-9])    # terminal mark, closers, space, capital
    | (?<=[.!?]["”])(?=[A-Z])                           # ."Next (missing space after a quote)
    | \n(?=\s*\S)                                       # a single line break
    """,
    re.VERBOSE,
)


def _ends_with_abbreviation(text: str, end: int) -> bool:
    """Whether the period just before ``end`` belongs to an abbreviation or an initial."""
    j = end - 1
    while j >= 0 and text[j] in "\"”’')] \n\t":
        j -= 1
    if j < 0 or text[j] != ".":
        return False
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    token = text[k:j].lower()
    if not token:
        return False
    if token in _ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "J.", "U.S.", "D.C."
    return len(token) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))


@lru_cache(maxsize=256)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence ``(start, end)`` offsets, trimmed of surrounding whitespace.

    A rule-based splitter: terminal punctuation followed by a capital, a blank line or a line
    break ends a sentence, unless the period belongs to a known abbreviation or an initial.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        cut = m.start()
        if "\n" not in m.group() and _ends_with_abbreviation(text, m.end()):
            continue
        # keep closing quotes/brackets with the sentence they close
        stop = cut
        while stop < m.end() and text[stop] in "\"”’')]":
            stop += 1
        spans.append((start, stop))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(out)
