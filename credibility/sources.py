"""The sourcing analysis of one text: quotes and their speakers, quoted words that are not
speech, indirect attributions, and the distinct sources behind them.

:func:`analyze_sourcing` ties the steps together in text order: :mod:`credibility.quotes` finds
the quoted spans, :mod:`credibility.nonspeech` sets aside nicknames, titles and designations,
:mod:`credibility.attribution` finds who said each quote and the attributions outside quotes,
:mod:`credibility.speakers` tells what a speaker phrase names, and :mod:`credibility.coreference`
resolves "he said" and "the senator said". Here, finally, "Roe" merges with an earlier "Jane Roe".
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .attribution import Attribution, indirect_attributions, quote_speaker
from .coreference import resolve_speaker
from .nonspeech import non_speech_reason
from .quotes import QuoteSpan, find_quote_spans
from .speakers import Speaker
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
_JOINERS = frozenset({"", "and", "but", "or", "then"})


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
    prev_close = floor = 0
    for i, span in enumerate(spans):
        k = sent(span.open_at)
        left_start = max(sentences[k][0], prev_close, text.rfind("\n", 0, span.open_at) + 1)
        prev_close = span.close_at + 1
        reason = non_speech_reason(text, span, left_start)
        if reason:
            non_speech.append(NonSpeechQuote(span.start, span.end, reason))
            continue
        inner = text[span.start : span.end]
        n = len(WORD_RE.findall(inner))
        short = n <= _SCARE_MAX_WORDS and inner[-1] not in ".?!…"
        limit, new_sentence = _right_window(text, spans, i, sentences, sent)
        attr = quote_speaker(
            text, span.open_at, span.close_at, span.closed, max(left_start, floor), limit,
            new_sentence=new_sentence, partial=inner[:1].islower() or n <= 6,
        )
        cont = None
        if attr is None and speech and _continues(text, sentences, sent, speech[-1], span, short):
            cont = len(speech) - 1
        if attr is None and cont is None and short:
            non_speech.append(NonSpeechQuote(span.start, span.end, "scare_quote"))
            continue
        speech.append((span, attr, cont))
        floor = max(floor, attr.end if attr else 0)
    blocked = [(s.open_at, s.close_at + 1) for s in spans]
    blocked += [(a.start, a.end) for _, a, _ in speech if a]
    indirect = indirect_attributions(text, sentences, blocked)
    return _resolve_all(text, sentences, sent, speech, tuple(non_speech), indirect)


def _continues(text, sentences, sent, prev, span: QuoteSpan, short: bool) -> bool:
    """Whether a quote with no attribution of its own goes on from the previous quote: right
    after it or its attribution ("…," she said, "…"), or opening the next sentence."""
    p_span, p_attr, _ = prev
    anchor = max(p_span.close_at + 1, p_attr.end if p_attr else 0)
    ka, k = sent(max(anchor - 1, 0)), sent(span.open_at)
    if text[anchor : span.open_at].strip(" ,;:—–-\n").lower() in _JOINERS and (
        k == ka or not short
    ):
        return True
    if short:
        return False
    return k == ka or k == ka + 1 and not text[sentences[k][0] : span.open_at].strip()


def _right_window(text: str, spans: list[QuoteSpan], i: int, sentences, sent) -> tuple[int, bool]:
    """Where the right context of quote ``i`` ends, and whether the quote ended its sentence."""
    span = spans[i]
    pos = span.close_at + 1
    while pos < len(text) and text[pos] in " ,":
        pos += 1
    limit = spans[i + 1].open_at if i + 1 < len(spans) else len(text)
    k = sent(span.close_at)
    s, e = sentences[k]
    if pos >= e and k + 1 < len(sentences):  # the quote ended its sentence: "…." he said.
        return min(limit, sentences[k + 1][1], pos + 60), True
    nl = text.find("\n", pos)
    return min(limit, e, nl if nl >= 0 else len(text), pos + 250), False


def _resolve_all(text, sentences, sent, speech, non_speech, indirect) -> SourcingAnalysis:
    """Resolve pronouns, roles and "…, saying" subjects in text order; merge the sources."""
    quoted = sorted({(s.open_at, s.close_at) for s, _, _ in speech})
    events = [(a.start if a else s.start, 0, j) for j, (s, a, _) in enumerate(speech)]
    events += [(a.start, 1, j) for j, a in enumerate(indirect)]
    events.sort()
    named: list[Speaker] = []
    groups: list[Speaker] = []
    quote_speakers: list[Speaker | None] = [None] * len(speech)
    attr_speakers: list[Speaker] = [a.speaker for a in indirect]
    last: Speaker | None = None
    for _pos, is_attr, j in events:
        if is_attr:
            found = indirect[j].speaker
        else:
            _, attr, cont = speech[j]
            if attr is None:
                quote_speakers[j] = quote_speakers[cont] if cont is not None else None
                continue
            found = attr.speaker
        sp = resolve_speaker(text, sentences, quoted, sent, found, named, groups, last)
        last = replace(sp, start=found.start, end=found.end)
        if sp.kind == "named":
            named.append(sp)
        elif sp.kind in ("organization", "anonymous"):
            groups.append(sp)
        if is_attr:
            attr_speakers[j] = sp
        else:
            quote_speakers[j] = sp
    items = [(s.start, sp, 1) for (s, _, _), sp in zip(speech, quote_speakers, strict=True)]
    items += [(a.start, sp, 0) for a, sp in zip(indirect, attr_speakers, strict=True)]
    sources, merged = _merge_sources(items)
    quotes = []
    for j, (span, _, _) in enumerate(speech):
        n = len(WORD_RE.findall(text, span.start, span.end))
        src = merged[j]
        if src is None:
            quotes.append(Quote(span.start, span.end, None, None, "unattributed", n))
        else:
            quotes.append(Quote(span.start, span.end, src.name, src.role, src.kind, n))
    attrs = []
    for j, a in enumerate(indirect):
        src = merged[len(speech) + j]
        sp = attr_speakers[j]
        if src is not None:
            sp = replace(sp, name=src.name, role=src.role)
        attrs.append((a, sp))
    return SourcingAnalysis(tuple(quotes), non_speech, tuple(attrs), sources)


def _surname(name: str) -> str:
    last = name.split()[-1].lower()
    return last[:-2] if last.endswith(("’s", "'s")) else last


def _key(name: str) -> str:
    low = " ".join(name.lower().split())
    for det in ("the ", "a ", "an "):
        low = low.removeprefix(det)
    return low


def _merge_sources(items) -> tuple[tuple[Source, ...], list[Source | None]]:
    """Distinct sources: "Jane Roe" and a later "Roe" are one person; groups merge by wording.

    ``items`` are ``(position, speaker or None, is_quote)``; returns the sources in order of
    first mention and, for each item, its merged source (``None`` when unattributed).
    """
    table: list[list] = []  # [name, role, kind, quotes, mentions]
    rows: list[int | None] = [None] * len(items)
    for i in sorted(range(len(items)), key=lambda i: items[i][0]):
        _, sp, is_quote = items[i]
        if sp is None or sp.kind not in ("named", "organization", "anonymous") or not sp.name:
            continue
        match = None
        for r in range(len(table) - 1, -1, -1):
            row = table[r]
            if row[2] != sp.kind:
                continue
            if sp.kind == "named":
                parts, other = sp.name.split(), row[0].split()
                same = _surname(row[0]) == _surname(sp.name) and (
                    len(parts) == 1 or len(other) == 1 or parts[0] == other[0]
                )
            else:
                same = _key(row[0]) == _key(sp.name)
            if same:
                match = r
                break
        if match is None:
            table.append([sp.name, sp.role, sp.kind, is_quote, 1])
            rows[i] = len(table) - 1
            continue
        row = table[match]
        if sp.kind == "named" and len(sp.name) > len(row[0]):
            row[0] = sp.name
        row[1] = row[1] or sp.role
        row[3] += is_quote
        row[4] += 1
        rows[i] = match
    sources = tuple(Source(*row) for row in table)
    return sources, [None if r is None else sources[r] for r in rows]
