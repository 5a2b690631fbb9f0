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
from dataclasses import dataclass, replace

from .attribution import Attribution, fits_pronoun, indirect_attributions, quote_speaker, resolve
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
_JOINERS = frozenset({"", "and", "but", "or", "then"})


def _sentence_subject(
    text: str,
    sentences: Sequence[tuple[int, int]],
    quoted: Sequence[tuple[int, int]],
    k: int,
    before: int,
    back: int = 0,
) -> Speaker | None:
    """A named person opening sentence ``k`` (ending before ``before``), or one of the ``back``
    sentences before it in the same paragraph; sentences that open inside a quote are skipped."""
    for j in range(k, max(-1, k - back - 1), -1):
        s, e = sentences[j]
        q = bisect_right(quoted, (s, len(text))) - 1
        if q >= 0 and quoted[q][0] <= s <= quoted[q][1]:
            continue
        toks = []
        for tok in tokens(text, s, min(e, before, s + 80)):
            if not tok[0][:1].isupper() and tok[0] not in ("de", "la", "van", "von", "of"):
                break
            toks.append(tok)
        while toks and toks[-1][0][:1].islower():  # "Jane Roe of the …"
            toks.pop()
        if len(toks) == 1 and not _capitalized_mid_sentence(text, toks[0][0]):
            toks = []  # "Reserves ran out", "Clearly, …": capitalised only as the first word
        sp = analyze_phrase(text, toks) if toks else None
        if sp and sp.kind == "named":
            return sp
        if j == 0 or "\n" in text[sentences[j - 1][1] : s]:
            break
    return None


def _capitalized_mid_sentence(text: str, word: str) -> bool:
    """Whether ``word`` also appears capitalised after a lowercase word (so is a name)."""
    i = text.find(word)
    while i >= 0:
        j = i - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j >= 0 and j < i - 1 and (text[j].islower() or text[j] == ","):
            return True
        i = text.find(word, i + 1)
    return False


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
    for _pos, is_attr, j in events:
        if is_attr:
            found = indirect[j].speaker
        else:
            _, attr, cont = speech[j]
            if attr is None:
                quote_speakers[j] = quote_speakers[cont] if cont is not None else None
                continue
            found = attr.speaker
        sp = _resolve(text, sentences, quoted, sent, found, named, groups)
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


def _resolve(text, sentences, quoted, sent, found: Speaker, named, groups) -> Speaker:
    k = sent(found.start)
    if found.kind == "description":  # "the senator said": the named speaker just before
        recent = [p for p in named if sent(p.start) >= k - 2]
        return resolve(found, recent, groups, None)
    if found.kind == "subject":
        local = _sentence_subject(text, sentences, quoted, k, found.start)
        if local is not None:
            return replace(local, start=found.start, end=found.end)
        head = text[sentences[k][0] : sentences[k][0] + 4].lower()
        if not head.startswith(("he ", "she ")):
            return replace(found, kind="unattributed")
        found = replace(found, name=head.split()[0], kind="pronoun")  # "He left, saying …"
    if found.kind == "pronoun" and found.name != "they":
        local = _sentence_subject(text, sentences, quoted, k, found.start)
        if local is not None and fits_pronoun(local, found.name, named):
            return replace(local, start=found.start, end=found.end)
        # the subject of the sentence before competes with earlier speakers: the latest wins
        prev = _sentence_subject(text, sentences, quoted, k - 1, found.start) if k else None
        if prev is not None:
            named = sorted([*named, prev], key=lambda p: p.start)
    words = found.name.lower().split()
    if found.kind in ("anonymous", "organization") and len(words) == 2 and words[0] == "the":
        # "the aide" after "a senior aide", "the office" after "the county budget office"
        earlier = next((g for g in reversed(groups) if g.name.lower().endswith(words[1])), None)
        if earlier is not None and earlier.kind == found.kind:
            return replace(earlier, start=found.start, end=found.end)
    fallback = None
    if found.kind in ("pronoun", "description"):
        fallback = _sentence_subject(text, sentences, quoted, k, found.start, back=2)
    return resolve(found, named, groups, fallback)


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
