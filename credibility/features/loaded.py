"""Loaded language: emotive, hyped and one-sided wording, and the hedges beside it.

Every word of the text counts, quotations included: quoting is still the article's choice of
words. Terms come from the hand-written lexicons in ``credibility/data/lexicons/`` (one per
category, matched by :mod:`credibility.lexicon`), plus one rule: a word ending in "-est" that
is not in ``not_superlative.txt`` is a superlative.

The *loaded score* of a sentence is its number of loaded terms (every category but ``hedge``)
per 10 words, with the sentence length floored at ``min_sentence_words``: with the default 10,
a short sentence with one loaded term scores 1.0 and a 20-word sentence with one scores 0.5. By
default a sentence counts as loaded from 0.5, one loaded term per 20 words.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..document import Document
from ..lexicon import Lexicon, LexiconMatcher, Match, load_matcher
from .base import FamilyResult, FeatureFamily, rate, share
from .readability import easy_words

__all__ = ["LoadedLanguage", "CATEGORIES", "LOADED_CATEGORIES", "find_loaded_terms"]

# Matcher priority: where two lexicons claim a form, the first listed category wins.
_PRIORITY = ("labeling", "sensational_saying", "superlative", "weasel", "absolutist",
             "intensifier", "charged", "hedge")
CATEGORIES = ("charged", "intensifier", "superlative", "absolutist", "labeling",
              "sensational_saying", "weasel", "hedge")
"""The term categories, in feature order; each is the lexicon file of the same name."""
LOADED_CATEGORIES = frozenset(CATEGORIES) - {"hedge"}
"""Categories that signal loaded language (hedges of careful reporting do not)."""

_EST_RE = re.compile(r"\b[a-z]{3,}est\b")  # searched in lower-cased text
_EST_ANY_CASE_RE = re.compile(_EST_RE.pattern, re.IGNORECASE)
_EXCLAMATION_RE = re.compile(r"[!?]*![!?]*")
_CAPS_RE = re.compile(r"(?<![^\W_])[A-Z][A-Z'’]*[A-Z](?![^\W_])")
# Everyday words and lexicon entries that are acronyms when capitalised ("WHO", "ICE", "RINO"):
# written in capitals they are not shouting.
_ACRONYM_WORDS = frozenset({"who", "ice", "act", "aids", "aid", "sat", "now", "aim", "fed", "us",
                            "msm", "rino", "sjw"})
_SHOUT_MIN_LEN = 7  # acronyms this long are rare; capitals this long are emphasis
_SHOUT_RUN = 3  # three capitalised words in a row are a shouted phrase
# Between two words of one run: spaces, punctuation and the one-letter words "A" and "I".
_GAP_RE = re.compile(r"[^\w\n]*(?:[AI][^\w\n]+)*")


@lru_cache(maxsize=1)
def _matcher() -> LexiconMatcher:
    return load_matcher(*_PRIORITY)


@lru_cache(maxsize=1)
def _not_superlative() -> frozenset[str]:
    return frozenset(e.lstrip("=").lower() for e in Lexicon.load("not_superlative").entries)


@lru_cache(maxsize=1)
def _everyday_words() -> frozenset[str]:
    """Lower-case words that, written in capitals, are emphasis rather than acronyms."""
    words = set(easy_words())
    words.update(form for form in _matcher().forms() if form.isalpha())
    return frozenset(w for w in words if len(w) >= 3) - _ACRONYM_WORDS


def find_loaded_terms(text: str) -> list[Match]:
    """Every loaded-language and hedge term in ``text``, left to right, non-overlapping.

    Parameters
    ----------
    text : str
        Any text (offsets of the matches index it).

    Returns
    -------
    list of Match
        Lexicon matches (longest entry wins) and "-est" superlatives; the "-est" form of an
        entry ("craziest" from "crazy") counts as a superlative. The month "May" (capitalised)
        is not taken for the modal hedge.
    """
    found = [m for m in _matcher().find(text) if m.text != "May"]
    lower = text.lower()
    est = _EST_RE.finditer(lower) if len(lower) == len(text) else _EST_ANY_CASE_RE.finditer(text)
    rule = [m for m in est if m.group().lower() not in _not_superlative()]
    if not rule:
        return found
    starts = [m.start for m in found]
    for r in rule:
        i = bisect_right(starts, r.start()) - 1
        if i < 0 or found[i].end <= r.start():
            word = text[r.start() : r.end()]
            found.append(Match(r.start(), r.end(), word, "superlative", word.lower()))
        elif found[i].end == r.end() and not found[i].entry.endswith("est"):
            m = found[i]  # "craziest" from the entry "crazy": a superlative first
            found[i] = Match(m.start, m.end, m.text, "superlative", m.entry)
    found.sort(key=lambda m: m.start)
    return found


def _shouting(text: str) -> list[re.Match[str]]:
    """ALL-CAPS words that are emphasis: everyday words, long words, or runs of capitals."""
    caps = list(_CAPS_RE.finditer(text))
    if not caps:
        return []
    everyday = _everyday_words()
    runs: list[list[re.Match[str]]] = [[caps[0]]]
    for prev, m in zip(caps, caps[1:], strict=False):
        if _GAP_RE.fullmatch(text, prev.end(), m.start()):
            runs[-1].append(m)
        else:
            runs.append([m])
    return [
        m
        for run in runs
        for m in run
        if len(run) >= _SHOUT_RUN
        or len(m.group()) >= _SHOUT_MIN_LEN
        or m.group().lower().replace("’", "'") in everyday
    ]


class LoadedLanguage(FeatureFamily):
    """Rates of loaded wording per 100 words, and how it concentrates in sentences.

    Parameters
    ----------
    sentence_threshold : float
        Loaded score (terms per 10 words, see the module docstring) at or above which a
        sentence counts as loaded in ``loaded_sentence_share``.
    min_sentence_words : int
        Floor on the sentence length in the loaded score, so a short sentence with one term
        does not dominate.

    Features
    --------
    ``<category>_per_100`` for each of :data:`CATEGORIES`; ``loaded_per_100`` (all loaded
    categories, i.e. not ``hedge``); ``distinct_loaded_per_100`` (different lexicon entries);
    ``loaded_sentence_share``, ``max_sentence_loaded``, ``mean_sentence_loaded`` (sentence
    loaded scores); ``exclamation_per_100`` (runs of "!"); ``caps_word_share`` (ALL-CAPS words
    that are not acronyms, over all words). Rates and shares are NaN for a text without words.

    Evidence
    --------
    ``loaded_terms``: ``{text, start, end, category}`` for every term, hedges included;
    ``sentence_scores``: the loaded score of each sentence of ``doc.sentences``;
    ``caps_words``: ``{text, start, end}`` of the ALL-CAPS words counted.
    """

    name = "loaded_language"
    feature_names = (
        *(f"{c}_per_100" for c in CATEGORIES),
        "loaded_per_100",
        "distinct_loaded_per_100",
        "loaded_sentence_share",
        "max_sentence_loaded",
        "mean_sentence_loaded",
        "exclamation_per_100",
        "caps_word_share",
    )

    def __init__(self, *, sentence_threshold: float = 0.5, min_sentence_words: int = 10) -> None:
        self.sentence_threshold = sentence_threshold
        self.min_sentence_words = min_sentence_words

    def _validate_params(self) -> None:
        if not (isinstance(self.sentence_threshold, int | float)
                and math.isfinite(self.sentence_threshold) and self.sentence_threshold > 0):
            raise ValueError("sentence_threshold must be a positive number of terms per 10 words")
        if not (isinstance(self.min_sentence_words, int) and self.min_sentence_words >= 1):
            raise ValueError("min_sentence_words must be a whole number of at least 1")

    def sentence_scores(self, doc: Document, terms: list[Match]) -> list[float]:
        """The loaded score of each sentence of ``doc`` (see the module docstring)."""
        spans, floor = doc.word_spans, self.min_sentence_words
        starts = [s for s, _ in doc.sentences]
        counts = [0] * len(starts)
        for m in terms:
            if m.category in LOADED_CATEGORIES:
                i = bisect_right(starts, m.start) - 1
                if i >= 0:
                    counts[i] += 1
        return [
            10.0 * n / max(bisect_left(spans, (e,)) - bisect_left(spans, (s,)), floor)
            for n, (s, e) in zip(counts, doc.sentences, strict=True)
        ]

    def extract(self, doc: Document) -> FamilyResult:
        text, n_words = doc.text, doc.word_count
        terms = find_loaded_terms(text)
        by_category = dict.fromkeys(CATEGORIES, 0)
        for m in terms:
            by_category[m.category] += 1
        loaded = [m for m in terms if m.category in LOADED_CATEGORIES]
        scores = self.sentence_scores(doc, terms)
        shouts = _shouting(text)
        values = {f"{c}_per_100": rate(by_category[c], n_words) for c in CATEGORIES}
        values["loaded_per_100"] = rate(len(loaded), n_words)
        values["distinct_loaded_per_100"] = rate(len({m.entry for m in loaded}), n_words)
        n_scored = len(scores) if n_words else 0
        n_loaded_sentences = sum(1 for s in scores if s >= self.sentence_threshold)
        values["loaded_sentence_share"] = share(n_loaded_sentences, n_scored)
        values["max_sentence_loaded"] = max(scores) if n_scored else math.nan
        values["mean_sentence_loaded"] = sum(scores) / n_scored if n_scored else math.nan
        values["exclamation_per_100"] = rate(len(_EXCLAMATION_RE.findall(text)), n_words)
        values["caps_word_share"] = share(len(shouts), n_words)
        evidence = {
            "loaded_terms": [m.to_dict() for m in terms],
            "sentence_scores": scores,
            "caps_words": [{"text": m.group(), "start": m.start(), "end": m.end()} for m in shouts],
        }
        return FamilyResult(values, evidence)
