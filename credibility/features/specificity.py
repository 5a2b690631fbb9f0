"""Specificity: concrete, checkable details — days, dates, clock times, numbers, percentages,
sums of money.

Reporting anchors claims in when, how many and how much ("said Tuesday", "on Sept. 18",
"rose 4.2 percent", "$48 million"); opinion and rumour rarely do. These are details a reader
can check, so the family measures how densely a text carries them. Only the form is matched,
never a value: no date, number or name of a particular outlet matters.
"""

from __future__ import annotations

import re

from ..document import Document
from .base import FamilyResult, FeatureFamily, rate

__all__ = ["Specificity", "find_specifics", "SPECIFIC_KINDS"]

SPECIFIC_KINDS = ("weekday", "date", "time", "percent", "money", "number")

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s+(?:thousand|million|billion|trillion))?"

# One alternation, most specific kinds first; the group name is the kind.
_SPECIFIC_RE = re.compile(
    rf"""
    (?=[0-9$€£MTWFSJAOND])  # cheap first-character test: most positions fail here
    (?:
    (?P<weekday>\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)
  | (?P<date>\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d\d\b)?
           |\b\d{{1,2}}\s+{_MONTH}\b(?:\s+(?:19|20)\d\d\b)?
           |\b{_MONTH}\s+(?:19|20)\d\d\b
           |\b\d{{1,2}}/\d{{1,2}}/(?:19|20)?\d\d\b
           |\b(?:19|20)\d\d-\d\d-\d\d\b)
  | (?P<time>\b\d{{1,2}}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{{1,2}}:\d\d\b)
  | (?P<percent>(?:{_NUM})\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b))
  | (?P<money>(?:[$€£]\s?(?:{_NUM}){_SCALE})|(?:\b(?:{_NUM}){_SCALE}\s+(?:dollars|euros|pounds)\b))
  | (?P<number>\b(?:{_NUM}){_SCALE}\b)
    )
    """,
    re.VERBOSE,
)


def find_specifics(text: str) -> list[dict]:
    """Concrete details in ``text``: ``{text, start, end, kind}`` records, left to right."""
    return [
        {"text": m.group(), "start": m.start(), "end": m.end(), "kind": m.lastgroup}
        for m in _SPECIFIC_RE.finditer(text)
    ]


class Specificity(FeatureFamily):
    """Rates of concrete details per 100 words.

    Features
    --------
    ``<kind>_per_100`` for each of :data:`SPECIFIC_KINDS` (a number that is part of a date,
    time, percentage or sum of money counts only there), and ``specific_per_100`` for all of
    them. NaN for a text without words.

    Evidence
    --------
    ``specifics``: ``{text, start, end, kind}`` for every detail found.
    """

    name = "specificity"
    feature_names = (*(f"{k}_per_100" for k in SPECIFIC_KINDS), "specific_per_100")

    def extract(self, doc: Document) -> FamilyResult:
        found = find_specifics(doc.text)
        n = doc.word_count
        counts = dict.fromkeys(SPECIFIC_KINDS, 0)
        for rec in found:
            counts[rec["kind"]] += 1
        values = {f"{k}_per_100": rate(counts[k], n) for k in SPECIFIC_KINDS}
        values["specific_per_100"] = rate(len(found), n)
        return FamilyResult(values, {"specifics": found})
