"""Page context: boilerplate that scraping mixed into the article text.

The lines themselves are found and removed by :mod:`credibility.page` when the document is
parsed; this family counts them, so that the model can see a page built for shares and clicks.
"""

from __future__ import annotations

from ..document import Document
from ..page import PAGE_SIGNAL_KINDS
from ..text import count_words
from .base import FamilyResult, FeatureFamily, share

__all__ = ["PageContext"]


class PageContext(FeatureFamily):
    """Counts of page boilerplate by kind, and the share of the raw text it took up.

    Features
    --------
    ``n_signals``: all boilerplate lines and phrases; ``n_<kind>`` for each kind in
    :data:`credibility.page.PAGE_SIGNAL_KINDS`; ``boilerplate_share``: the share of the raw
    text's words that were boilerplate (NaN for empty text).
    """

    name = "page_context"
    feature_names = ("n_signals", *(f"n_{k}" for k in PAGE_SIGNAL_KINDS), "boilerplate_share")

    def extract(self, doc: Document) -> FamilyResult:
        signals = [s for s in doc.page_signals if s.kind in PAGE_SIGNAL_KINDS]
        values: dict[str, float] = {"n_signals": float(len(signals))}
        for kind in PAGE_SIGNAL_KINDS:
            values[f"n_{kind}"] = float(sum(1 for s in signals if s.kind == kind))
        removed = sum(count_words(s.text) for s in signals)
        total = count_words(doc.raw_text) if doc.page_signals else doc.word_count
        values["boilerplate_share"] = share(removed, total)
        return FamilyResult(values, {"page_signals": [s.to_dict() for s in doc.page_signals]})
