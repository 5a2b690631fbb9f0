"""A cheap check that a text is English, so the dashboard can warn before scoring it.

The feature families and the model were built for English news. A text in another language still
gets a score, but a meaningless one; this heuristic lets a caller say so. It counts the share of
words that are common English function words ("the", "of", "and", ...): about half the words of
running English prose, a few percent of French, German or Spanish prose.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .text import WORD_RE

__all__ = ["LanguageCheck", "check_english", "english_share", "function_words"]

MIN_WORDS = 20  # shorter texts are not judged
THRESHOLD = 0.12  # below this share of function words a text is probably not English


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The English function-word lexicon (``data/lexicons/english_function_words.txt``)."""
    path = resources.files("credibility") / "data" / "lexicons" / "english_function_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def english_share(text: str) -> float:
    """Share of the words of ``text`` that are English function words; NaN without words."""
    return _share(WORD_RE.findall(text.lower()))


def _share(tokens: list[str]) -> float:
    if not tokens:
        return math.nan
    lexicon = function_words()
    return sum(1 for t in tokens if t in lexicon) / len(tokens)


@dataclass(frozen=True, kw_only=True, slots=True)
class LanguageCheck:
    """The outcome of :func:`check_english`.

    Attributes
    ----------
    english : bool or None
        True when the text reads as English, False when it probably does not, None when it is
        too short to tell.
    share : float
        Share of words that are English function words (NaN without words).
    n_words : int
        Words counted.
    """

    english: bool | None
    share: float
    n_words: int

    @property
    def message(self) -> str | None:
        """A one-line warning for a user, or None when there is nothing to warn about."""
        if self.english is not False:
            return None
        return (
            f"This text does not look like English (only {self.share:.0%} of its words are common "
            "English words such as 'the', 'of' and 'and'). The model was built for English news, "
            "so its score will not mean much."
        )


def check_english(
    text: str, *, min_words: int = MIN_WORDS, threshold: float = THRESHOLD
) -> LanguageCheck:
    """Judge whether ``text`` is English from its share of English function words.

    Parameters
    ----------
    text : str
        Any text.
    min_words : int
        Texts with fewer words are not judged (``english`` is None).
    threshold : float
        The lowest share of function words still taken for English.

    Returns
    -------
    LanguageCheck
    """
    tokens = WORD_RE.findall(text.lower())
    n_words, share = len(tokens), _share(tokens)
    if n_words < min_words:
        return LanguageCheck(english=None, share=share, n_words=n_words)
    return LanguageCheck(english=share >= threshold, share=share, n_words=n_words)
