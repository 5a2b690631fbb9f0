"""The sourcing analysis of one text: quotes and their speakers, quoted words that are not
speech, indirect attributions, and the distinct sources behind them.

:func:`analyze_sourcing` ties :mod:`credibility.quotes` (where the quotes are),
:mod:`credibility.attribution` (who said them) and :mod:`credibility.speakers` (what a speaker
phrase names) together, in text order, so that "he said" and "the senator said" resolve to the
named speaker before them and "Roe" merges with an earlier "Jane Roe".
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .attribution import Attribution, indirect_attributions, quote_speaker, resolve
from .quotes import QuoteSpan, find_quote_spans, non_speech_reason
from .speakers import Speaker, analyze_phrase, tokens
from .text import WORD_RE

__all__ = ["Quote", "NonSpeechQuote", "Source", "SourcingAnalysis", "analyze_sourcing"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote that is speech; ``kind`` is named, organization, anonymous or unattributed."""

    start: int
    end: int
    speaker: str | None
    role: str | None
    kind: str
    words: int


@dataclass(frozen=True, slots=True)
class NonSpeechQuote:
    """Quoted words that are not speech: a nickname, title, designation or scare quote."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Source:
    """One distinct source: its direct quotes and all its mentions (quotes + attributions)."""

    name: str
    role: str | None
    kind: str
    quotes: int
    mentions: int


@dataclass(frozen=True, slots=True)
class SourcingAnalysis:
    """Everything :func:`analyze_sourcing` found, in text order."""

    quotes: tuple[Quote, ...]
    non_speech: tuple[NonSpeechQuote, ...]
    attributions: tuple[tuple[Attribution, Speaker], ...]  # as found, and resolved
    sources: tuple[Source, ...]


_SCARE_MAX_WORDS = 4  # a shorter quote with no speaker and no sentence end is a scare quote


def _sentence_subject(text: str, sentences: Sequence[tuple[int, int]], k: int) -> Speaker | None:
    """A named person opening sentence ``k`` or one of the two before it (same paragraph)."""
    for j in range(k, max(-1, k - 3), -1):
        s, e = sentences[j]
        toks = []
        for tok in tokens(text, s, min(e, s + 80)):
            if not tok[0][:1].isupper() and tok[0] not in ("de", "la", "van", "von", "of"):
                break
            toks.append(tok)
        sp = analyze_phrase(text, toks) if toks else None
        if sp and sp.kind == "named":
            return sp
        if "\n" in text[sentences[j - 1][1] : s] if j else True:
            break
    return None


def analyze_sourcing(text: str, sentences: Sequence[tuple[int, int]]) -> SourcingAnalysis:
    """Find the quotes, their speakers, the indirect attributions and the distinct sources.

    Parameters
    ----------
    text : str
        Normalised article text.
    sentences : sequence of (int, int)
        Sentence offsets into ``text`` (as in :attr:`credibility.document.Document.sentences`).

    Returns
    -------
    SourcingAnalysis
    """
    if not sentences:
        sentences = ((0, len(text)),)
    sent_starts = [s for s, _ in sentences]

    def sent(pos: int) -> int:
        return max(0, bisect_right(sent_starts, pos) - 1)

    spans = find_quote_spans(text)
    speech: list[tuple[QuoteSpan, Attribution | None, int | None]] = []
    non_speech: list[NonSpeechQuote] = []
    prev_close = 0
    for i, span in enumerate(spans):
        k = sent(span.open_at)
        left_start = max(sentences[k][0], prev_close, text.rfind("\n", 0, span.open_at) + 1)
        prev_close = span.close_at + 1
        reason = non_speech_reason(text, span, left_start)
        if reason:
            non_speech.append(NonSpeechQuote(span.start, span.end, reason))
            continue
        attr = quote_speaker(text, span.open_at, span.close_at, span.closed, left_start,
                             _right_limit(text, spans, i, sentences, sent))
        cont = None
        if attr is None and speech:
            last = len(speech) - 1
            gap = k - sent(speech[last][0].close_at)
            if gap == 0 or gap == 1 and not text[sentences[k][0] : span.open_at].strip():
                cont = last
        inner = text[span.start : span.end]
        n = sum(1 for _ in WORD_RE.finditer(inner))
        if attr is None and cont is None and n <= _SCARE_MAX_WORDS and inner[-1] not in ".?!…":
            non_speech.append(NonSpeechQuote(span.start, span.end, "scare_quote"))
            continue
        speech.append((span, attr, cont))
    blocked = [(s.open_at, s.close_at + 1) for s in spans]
    blocked += [(a.start, a.end) for _, a, _ in speech if a]
    indirect = indirect_attributions(text, sentences, blocked)
    return _resolve_all(text, sentences, sent, speech, tuple(non_speech), indirect)


def _right_limit(text: str, spans: list[QuoteSpan], i: int, sentences, sent) -> int:
    span = spans[i]
    pos = span.close_at + 1
    while pos < len(text) and text[pos] in " ,":
        pos += 1
    limit = spans[i + 1].open_at if i + 1 < len(spans) else len(text)
    k = sent(span.close_at)
    s, e = sentences[k]
    if pos >= e and k + 1 < len(sentences):  # the quote ended its sentence: "…." he said.
        return min(limit, sentences[k + 1][1], pos + 40)
    nl = text.find("\n", pos)
    return min(limit, e, nl if nl >= 0 else len(text), pos + 250)


def _resolve_all(text, sentences, sent, speech, non_speech, indirect) -> SourcingAnalysis:
    events = [(a.start if a else s.start, 0, j) for j, (s, a, _) in enumerate(speech)]
    events += [(a.start, 1, j) for j, a in enumerate(indirect)]
    events.sort()
    named: list[Speaker] = []
    groups: list[Speaker] = []
    quote_speakers: list[Speaker | None] = [None] * len(speech)
    resolved_attrs: list[Speaker | None] = [None] * len(indirect)
    for pos, is_attr, j in events:
        if is_attr:
            found = indirect[j].speaker
        else:
            _, attr, cont = speech[j]
            found = attr.speaker if attr else None
            if found is None:
                quote_speakers[j] = quote_speakers[cont] if cont is not None else None
                continue
        fallback = None
        if found.kind in ("pronoun", "description") and not named:
            fallback = _sentence_subject(text, sentences, sent(pos))
        sp = resolve(found, named, groups, fallback)
        if sp.kind == "named":
            named.append(sp)
        elif sp.kind in ("organization", "anonymous"):
            groups.append(sp)
        if is_attr:
            resolved_attrs[j] = sp
        else:
            quote_speakers[j] = sp
    quotes = []
    for (span, _, _), sp in zip(speech, quote_speakers, strict=True):
        n = sum(1 for _ in WORD_RE.finditer(text, span.start, span.end))
        if sp is None or sp.kind == "unattributed":
            quotes.append(Quote(span.start, span.end, None, None, "unattributed", n))
        else:
            quotes.append(Quote(span.start, span.end, sp.name, sp.role, sp.kind, n))
    attrs = tuple(zip(indirect, resolved_attrs, strict=True))
    return SourcingAnalysis(tuple(quotes), non_speech, attrs, _merge_sources(quotes, attrs))


def _surname(name: str) -> str:
    last = name.split()[-1].lower()
    return last[:-2] if last.endswith(("’s", "'s")) else last


def _key(name: str) -> str:
    low = " ".join(name.lower().split())
    for det in ("the ", "a ", "an "):
        low = low.removeprefix(det)
    return low


def _merge_sources(quotes: Sequence[Quote], attrs) -> tuple[Source, ...]:
    """Distinct sources: "Jane Roe" and a later "Roe" are one person; groups merge by wording."""
    items = [(q.start, q.speaker, q.role, q.kind, 1) for q in quotes if q.speaker]
    items += [(a.start, s.name, s.role, s.kind, 0) for a, s in attrs if s.kind != "unattributed"]
    items.sort(key=lambda item: item[0])
    table: list[list] = []  # [name, role, kind, quotes, mentions]
    for _, name, role, kind, is_quote in items:
        if kind == "named":
            parts = name.split()
            match = None
            for row in reversed(table):
                if row[2] != "named" or _surname(row[0]) != _surname(name):
                    continue
                other = row[0].split()
                if len(parts) == 1 or len(other) == 1 or parts[0] == other[0]:
                    match = row
                    break
        else:
            match = next((r for r in table if r[2] == kind and _key(r[0]) == _key(name)), None)
        if match is None:
            table.append([name, role, kind, is_quote, 1])
            continue
        if len(name) > len(match[0]) and kind == "named":
            match[0] = name
        match[1] = match[1] or role
        match[3] += is_quote
        match[4] += 1
    return tuple(Source(*row) for row in table)
