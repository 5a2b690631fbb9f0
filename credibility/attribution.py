"""Who said it: the attribution phrase of every quote, and indirect attributions.

For each quoted span the rules look, in order, right after the closing mark (``"…," said Jane
Roe, role`` / ``"…," Roe said`` / ``"…," he said``), then back along the sentence before the
opening mark (``Roe said: "…"``, ``Roe, role, told CNN "…"``, ``according to Roe, "…"``, and partial
quotes inside reported speech, ``analyst Jane Roe suggested that this was "a concession"``), then
at the previous quote (a quote that opens the next sentence goes on with the same speaker).
Reporting verbs outside quotes give the indirect attributions. Pronouns and definite roles are
resolved later, in text order, by :mod:`credibility.coreference`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .speakers import (
    Speaker,
    analyze_phrase,
    anonymity_marker,
    anonymous_tail,
    is_role_phrase,
    lexicon,
    tokens,
)

__all__ = ["Attribution", "verb_re", "quote_speaker", "indirect_attributions"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker phrase with its reporting verb; ``start``/``end`` cover the whole phrase."""

    speaker: Speaker
    verb: str
    start: int
    end: int


@lru_cache(maxsize=2)
def verb_re(direct: bool) -> re.Pattern[str]:
    """Reporting verbs; ``direct=False`` leaves out those that only introduce direct quotes."""
    verbs = sorted(lexicon("speech_verbs") | (lexicon("quote_verbs") if direct else frozenset()))
    return re.compile(rf"(?<![\w’'\-]){_trie_pattern(verbs)}(?![\w’'\-])")


def _trie_pattern(words: list[str]) -> str:
    """One regex for many words, factored by common prefixes (far faster than a flat ``|``)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + build(node[ch]) for ch in sorted(node) if ch
        ]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in node else "")

    return build(trie)


_MAX_VERB_GAP = 80  # "X told CNN's Jane Roe on Sunday: "…"", not a verb clauses before the quote
_ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+")
_AUX = frozenset(
    """also later then once previously recently has had have would will again reportedly still
    just even further first now publicly privately repeatedly earlier initially never always
    often did does do can could should may might must not""".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_BOUNDARY = frozenset(
    """that and but or when while as because if after before since who which where than so then
    is was are were be been being did does do not to what how why whether said says told yet
    otherwise meanwhile however still now instead moreover furthermore indeed thus also has have
    had will would can could should""".split()
)
_ROLE_END_RE = re.compile(
    r"[;(—–\"“”]|,\s*(?:adding|saying|noting|according|as|when|while|after|before|during|in\s+an?"
    r"|on|told|said|explained|argued|who\s+(?:said|told|added|spoke))\b"
    # a sentence start lost in scraping: "…, President of ACRE In a report released …"
    r"|\s(?=(?:The|A|An|In|On|At|But|And|He|She|It|They|This|That|When|While|After|As|If|We|I)\s)"
)
_WHO_IS_RE = re.compile(
    r"^(?:who\s+(?:is|was|has\s+been|had\s+been|serves\s+as|served\s+as)\s+)?(?:the\s+|an?\s+)?"
)


def _clean_role(role: str) -> str | None:
    role = _WHO_IS_RE.sub("", role.strip())
    role = re.split(r"\s+(?:who|which|whose)\s", role, maxsplit=1)[0].rstrip(" ,.")
    words = role.split()
    if not words or len(words) > 14 or "\n" in role or words[0] in ("who", "which"):
        return None
    return role if is_role_phrase(role) else None


def _with_role(sp: Speaker, role: str | None, end: int) -> Speaker:
    if sp.kind == "named" and role and not sp.role:
        return replace(sp, role=role, end=end)
    return replace(sp, end=end) if end > sp.end else sp


def _np_before(text: str, lo: int, hi: int, verb: str = "") -> Speaker | None:
    """The speaker phrase that ends at ``hi`` (just before a reporting verb), if any.

    After a comma, an -ing verb ("…, saying") has the sentence's subject as its speaker: that is
    returned as a ``subject`` speaker for the caller to resolve.
    """
    toks = tokens(text, max(lo, hi - 200), hi)
    while toks and (
        toks[-1][0].lower() in _AUX
        or toks[-1][0].islower() and toks[-1][0].endswith("ly") and len(toks[-1][0]) > 3
    ):
        toks.pop()
    if len(toks) >= 2 and toks[-1][0].lower() in _WEEKDAYS and toks[-2][0] == "on":
        del toks[-2:]
    if toks and (tail := _TIME_TAIL_RE.search(text, toks[0][1], toks[-1][2])):
        toks = [t for t in toks if t[2] <= tail.start()]  # "Members of Parliament last week"
    if verb.endswith("ing") and (not toks or toks[-1][0] == ","):
        return Speaker("", None, "subject", hi, hi)
    if toks and toks[-1][0].lower() in ("and", "but"):  # "Roe voted no, but added that …"
        return Speaker("", None, "subject", hi, hi)
    if toks:
        anon = anonymous_tail(text, max(lo, hi - 160), toks[-1][2])
        if anon and not verb_re(True).search(text, anon.start, anon.end):
            return anon
    if len(toks) >= 2 and toks[-1][0] == "who" and toks[-2][0] == ",":
        del toks[-2:]  # "Jane Roe, who said"
    participle = verb.endswith("ing")
    role, hidden = None, False
    if toks and toks[-1][0] == ",":
        back = range(len(toks) - 2, max(-1, len(toks) - 22), -1)
        j = next((j for j in back if toks[j][0] == ","), -1)
        if j <= 0:
            return None
        appositive = text[toks[j + 1][1] : toks[-2][2]] if j + 1 < len(toks) - 1 else ""
        role = _clean_role(appositive)
        hidden = anonymity_marker(appositive)  # ", who was not authorized to speak publicly,"
        toks = toks[:j]
    k = len(toks)
    while k > 0 and len(toks) - k < 12:
        tok = toks[k - 1][0]
        if not tok[:1].isalnum() or tok.lower() in _BOUNDARY:
            break
        k -= 1
    phrase = toks[k:]
    if phrase and phrase[0][0] in _PREPOSITIONS:  # "on CBS on Monday Jane Roe": after the last one
        last = max(n for n, t in enumerate(phrase) if t[0] in _PREPOSITIONS)
        phrase = phrase[last + 1 :]
    sp = analyze_phrase(text, phrase)
    if participle and (sp is None or sp.kind != "named"):  # "He opened his rally asking"
        return Speaker("", None, "subject", hi, hi)
    if sp is None:
        return None
    if hidden and sp.kind in ("description", "organization"):
        return replace(sp, kind="anonymous", role=None)
    return _with_role(sp, role, sp.end)


def _np_after(text: str, pos: int, limit: int) -> Speaker | None:
    """The speaker phrase right after an inverted verb (``said Jane Roe, role.``)."""
    toks = []
    for tok in tokens(text, pos, limit):
        if not tok[0][:1].isalnum() or tok[0].islower() and tok[0] in _BOUNDARY:
            break
        toks.append(tok)
        if len(toks) > 12:
            return None
    sp = analyze_phrase(text, toks)
    if sp is None:
        return None
    after = sp.end
    if sp.kind == "named" and text.startswith(",", after) and after + 1 < limit:
        stop = _ROLE_END_RE.search(text, after + 1, limit)
        role_end = stop.start() if stop else limit
        role = _clean_role(text[after + 1 : role_end])
        if role:
            return _with_role(sp, role, after + 1 + len(text[after + 1 : role_end].rstrip(" ,.")))
    return sp


def _according(text: str, m: re.Match[str], limit: int) -> Speaker | None:
    """The source after "according to", up to a comma, a clause or the sentence end."""
    toks = []
    for tok in tokens(text, m.end(), limit):
        if not tok[0][:1].isalnum() or tok[0] == "that" or len(toks) > 10:
            break
        toks.append(tok)
        if text.startswith(".", tok[2]) and not tok[0].endswith("."):
            break  # the sentence ends here
    sp = analyze_phrase(text, toks, exact=True)
    if sp is None and toks:
        phrase = text[toks[0][1] : toks[-1][2]]
        sp = Speaker(phrase, None, "unattributed", toks[0][1], toks[-1][2])
    return sp


_OPENERS = frozenset(
    ["", "the", "a", "an", "his", "her", "their", "its", "one"]
)
_TIME_TAIL_RE = re.compile(
    r"\s+(?:(?:last|this|next|earlier\s+this|later\s+that)\s+(?:week|month|year|weekend|morning)"
    r"|yesterday|today|tonight|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
    r"\s*,?$",
    re.I,
)
_PREPOSITIONS = frozenset("in on at from with by for of to into during after before".split())
_CLAUSE_RE = re.compile(r"[^.,;:!?\"“”\n]{0,120}")
_CLAUSE_START = frozenset("that it he she they we i you the a an this there".split())


def _ends_phrase(text: str, pos: int, limit: int) -> bool:
    """Whether the attribution ends after ``pos`` without a new clause of its own ("…." she said
    on Monday when asked.), unlike a fresh statement ("The agency said it was an accident.")."""
    clause = _CLAUSE_RE.match(text, pos)
    if text.startswith(":", clause.end()):  # "Roe said:" introduces what follows
        return False
    rest = clause.group().split()
    return not rest or rest[0].lower() not in _CLAUSE_START and "that" not in rest[:6]


def quote_speaker(
    text: str,
    open_at: int,
    close_at: int,
    closed: bool,
    left_start: int,
    right_limit: int,
    *,
    new_sentence: bool = False,
    partial: bool = False,
) -> Attribution | None:
    """The attribution of one quote: right after it, else back along its sentence.

    Parameters
    ----------
    text : str
        Article text.
    open_at, close_at : int
        Offsets of the quote's opening and closing marks.
    closed : bool
        Whether the quote has a closing mark (no right context otherwise).
    left_start, right_limit : int
        The window to search: from the sentence start (or the previous quote) to the opening
        mark, and from the closing mark to the sentence end (or the next quote).
    new_sentence : bool
        Whether the quote ended its sentence: then only a short phrase ("…." he said.) after
        it is its attribution.
    partial : bool
        Whether the quote is a phrase inside reported speech, whose verb may stand far before it.

    Returns
    -------
    Attribution or None
    """
    direct = verb_re(True)
    if closed:
        pos = close_at + 1
        while pos < right_limit and text[pos] in ",.!?…—–- \u2014":
            pos += 1
        if "—" in text[close_at:pos] or "--" in text[close_at:pos]:  # "…" —Jane Roe, role
            sp = _np_after(text, pos, right_limit)
            if sp and sp.kind in ("named", "organization"):
                return Attribution(sp, "—", pos, sp.end)
        acc = _ACCORDING_RE.match(text, pos)
        if acc:  # "…," according to a statement from the campaign.
            sp = _according(text, acc, right_limit)
            if sp:
                return Attribution(sp, "according to", acc.start(), sp.end)
        m = direct.match(text, pos)
        if m:
            sp = _np_after(text, m.end(), right_limit)
            if sp and sp.kind not in ("pronoun", "subject") and (
                not new_sentence or _ends_phrase(text, sp.end, right_limit)
            ):
                return Attribution(sp, m.group(), m.start(), sp.end)
        v = direct.search(text, pos, min(right_limit, pos + 120))
        if v and v.start() > pos:
            sp = _np_before(text, pos, v.start())
            if (
                sp
                and text[pos : sp.start].strip().lower() in _OPENERS  # "her friend Jane Roe"
                and sp.kind != "subject"
                and (not new_sentence or _ends_phrase(text, v.end(), right_limit))
            ):
                return Attribution(sp, v.group(), sp.start, v.end())
    acc = list(_ACCORDING_RE.finditer(text, left_start, open_at))
    verbs = list(direct.finditer(text, left_start, open_at))
    if acc and (not verbs or acc[-1].start() > verbs[-1].start()):
        sp = _according(text, acc[-1], open_at)
        if sp:
            return Attribution(sp, "according to", acc[-1].start(), sp.end)
    for v in reversed(verbs):
        if not partial and open_at - v.end() > _MAX_VERB_GAP:
            break
        if text.startswith(" for ", v.end()):  # "called for the “X” policy": a mention
            continue
        sp = _np_before(text, left_start, v.start(), v.group())
        if sp:
            return Attribution(sp, v.group(), sp.start, v.end())
    return None


def indirect_attributions(
    text: str,
    sentences: Sequence[tuple[int, int]],
    blocked: Sequence[tuple[int, int]],
) -> list[Attribution]:
    """Attributions outside quotes: "according to X", "X said (that)", ", said X.".

    Parameters
    ----------
    text : str
        Article text.
    sentences : sequence of (int, int)
        Sentence offsets.
    blocked : sequence of (int, int)
        Sorted spans to skip: quotes and the attribution phrases of quotes.

    Returns
    -------
    list of Attribution
        In text order.
    """
    merged: list[list[int]] = []
    for a, b in sorted(blocked):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]
    sent_starts = [s for s, _ in sentences]

    def inside(a: int, b: int) -> bool:
        k = bisect_right(starts, a) - 1
        if k >= 0 and merged[k][1] > a:
            return True
        return k + 1 < len(merged) and merged[k + 1][0] < b

    def sentence(pos: int) -> tuple[int, int]:
        k = bisect_right(sent_starts, pos) - 1
        return sentences[k] if k >= 0 else (0, len(text))

    out: list[Attribution] = []
    for m in _ACCORDING_RE.finditer(text):
        if inside(m.start(), m.end()):
            continue
        s, e = sentence(m.start())
        sp = _according(text, m, e)
        if sp:
            out.append(Attribution(sp, "according to", m.start(), sp.end))
    for v in verb_re(False).finditer(text):
        if inside(v.start(), v.end()):
            continue
        s, e = sentence(v.start())
        k = bisect_right(starts, v.start()) - 1
        lo = max(s, merged[k][1] if k >= 0 else 0)
        sp = _np_before(text, lo, v.start())
        if sp:
            out.append(Attribution(sp, v.group(), sp.start, v.end()))
            continue
        if text[lo : v.start()].rstrip().endswith(","):
            sp = _np_after(text, v.end(), e)
            if sp and sp.kind != "pronoun":
                out.append(Attribution(sp, v.group(), v.start(), sp.end))
    out.sort(key=lambda a: (a.start, -a.end))
    kept: list[Attribution] = []
    for a in out:  # "Roe, who tweeted …, said": one attribution, the longer phrase
        if kept and a.start < kept[-1].end:
            if a.end > kept[-1].end:
                kept[-1] = a
            continue
        kept.append(a)
    return kept
