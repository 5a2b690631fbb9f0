"""A parsed article: cleaned text, sentence offsets and page signals, computed once.

Every feature family reads a :class:`Document`. :func:`parse_document` keeps the last few
hundred parses, so the families that measure one article share its parse; code that runs the
families over many articles parses them once up front (:func:`~credibility.features.to_documents`)
and passes the documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from .page import PageSignal, strip_boilerplate
from .text import WORD_RE, normalize_text, split_sentences

__all__ = ["Document", "parse_document"]


@dataclass(frozen=True)
class Document:
    """The text a feature family measures.

    Attributes
    ----------
    title : str
        The normalised headline ("" when there is none).
    raw_text : str
        The normalised text before boilerplate removal (page-signal offsets index it).
    text : str
        The cleaned text every other offset indexes.
    page_signals : tuple of PageSignal
        Boilerplate found in ``raw_text`` and removed from ``text``.
    sentences : tuple of (int, int)
        Sentence offsets into ``text``.
    """

    title: str
    raw_text: str
    text: str
    page_signals: tuple[PageSignal, ...]
    sentences: tuple[tuple[int, int], ...]

    @cached_property
    def word_spans(self) -> tuple[tuple[int, int], ...]:
        return tuple(m.span() for m in WORD_RE.finditer(self.text))

    @property
    def word_count(self) -> int:
        return len(self.word_spans)

    @property
    def sentence_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.sentences]


@lru_cache(maxsize=256)  # enough for one article's families; a parse holds ~80 KB
def parse_document(text: str, title: str = "") -> Document:
    """Normalise, strip page boilerplate and split into sentences (cached per text and title)."""
    raw = normalize_text(text or "")
    clean, signals = strip_boilerplate(raw)
    head = " ".join(normalize_text(title or "").split())
    return Document(
        title=head,
        raw_text=raw,
        text=clean,
        page_signals=signals,
        sentences=split_sentences(clean),
    )
