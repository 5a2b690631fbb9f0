"""Sourcing: who the article lets speak, how it attributes claims, and how much goes unattributed.

Careful reporting quotes named people with their roles and says where each claim comes from;
weak or slanted writing quotes nobody, leans on "sources say", or puts words in scare quotes. The
extraction itself lives in :mod:`credibility.sources`; this family turns it into numbers and
evidence spans.
"""

from __future__ import annotations

import math

from ..document import Document
from ..sources import analyze_sourcing
from .base import FamilyResult, FeatureFamily, rate, share

__all__ = ["Sourcing"]


class Sourcing(FeatureFamily):
    """Direct quotes, their speakers, indirect attributions and distinct sources.

    Features
    --------
    ``n_quotes``, ``n_attributions``: speech quotes and indirect attributions;
    ``quotes_per_1000_words``; ``quoted_word_share``: share of the words inside speech quotes;
    ``distinct_sources``, ``distinct_named_sources``; ``named_quote_share``,
    ``unattributed_quote_share``: shares of the speech quotes (NaN without quotes);
    ``anonymous_share``: anonymous sources among quotes and attributions (NaN without either);
    ``attribution_density``: quotes and attributions per 100 words; ``scare_quote_rate``: scare
    quotes per 1000 words. Rates are NaN for a text without words.

    Evidence
    --------
    ``quotes`` ({text, start, end, speaker, role, kind}), ``non_speech_quotes`` ({text, start,
    end, reason}), ``attributions`` ({text, start, end, speaker, role, kind, verb}) and ``sources``
    ({name, role, kind, quotes, mentions}).
    """

    name = "sourcing"
    feature_names = (
        "n_quotes",
        "n_attributions",
        "quotes_per_1000_words",
        "quoted_word_share",
        "distinct_sources",
        "distinct_named_sources",
        "named_quote_share",
        "unattributed_quote_share",
        "anonymous_share",
        "attribution_density",
        "scare_quote_rate",
    )

    def extract(self, doc: Document) -> FamilyResult:
        text = doc.text
        found = analyze_sourcing(text, doc.sentences)
        quotes, attrs = found.quotes, found.attributions
        words = doc.word_count
        n_q, n_a = len(quotes), len(attrs)
        kinds = [q.kind for q in quotes] + [sp.kind for _, sp in attrs]
        quoted_words = sum(q.words for q in quotes)
        values = {
            "n_quotes": float(n_q),
            "n_attributions": float(n_a),
            "quotes_per_1000_words": rate(n_q, words, 1000.0),
            "quoted_word_share": min(1.0, share(quoted_words, words)) if words else math.nan,
            "distinct_sources": float(len(found.sources)),
            "distinct_named_sources": float(sum(s.kind == "named" for s in found.sources)),
            "named_quote_share": share(sum(q.kind == "named" for q in quotes), n_q),
            "unattributed_quote_share": share(sum(q.kind == "unattributed" for q in quotes), n_q),
            "anonymous_share": share(kinds.count("anonymous"), len(kinds)),
            "attribution_density": rate(n_q + n_a, words),
            "scare_quote_rate": rate(
                sum(q.reason == "scare_quote" for q in found.non_speech), words, 1000.0
            ),
        }
        evidence = {
            "quotes": [
                {
                    "text": text[q.start : q.end],
                    "start": q.start,
                    "end": q.end,
                    "speaker": q.speaker,
                    "role": q.role,
                    "kind": q.kind,
                }
                for q in quotes
            ],
            "non_speech_quotes": [
                {"text": text[q.start : q.end], "start": q.start, "end": q.end, "reason": q.reason}
                for q in found.non_speech
            ],
            "attributions": [
                {
                    "text": text[a.start : a.end],
                    "start": a.start,
                    "end": a.end,
                    "speaker": sp.name if sp.kind != "unattributed" else None,
                    "role": sp.role,
                    "kind": sp.kind,
                    "verb": a.verb,
                }
                for a, sp in attrs
            ],
            "sources": [
                {"name": s.name, "role": s.role, "kind": s.kind, "quotes": s.quotes,
                 "mentions": s.mentions}
                for s in found.sources
            ],
        }
        return FamilyResult(values, evidence)
