"""Who "he", "she", "they" and "the senator" are: resolution against earlier speakers.

Speakers are resolved in text order. A pronoun goes to the named subject of its own sentence, else
to the latest of the earlier named speakers and the named subject of the sentence before that can
take the pronoun (a given name or an honorific tells "he" from "she"); "they" goes to the last
organization or group of unnamed sources; a definite role ("the senator", "the Delaware Democrat")
to a named speaker of the last two sentences; "the aide" and "the office" to the group they repeat;
"…, saying" to the named subject of its sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace

from .speakers import Speaker, analyze_phrase, tokens

__all__ = ["resolve_speaker", "resolve", "gender_of", "fits_pronoun"]


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
        if _inside(quoted, s):
            continue
        start = s
        first = text[s : s + 12].split(" ", 1)[0].lower()
        if first in _CLAUSE_OPENERS:  # "Before the vote began, Jane Roe said …"
            comma = text.find(",", s, min(e, before, s + 150))
            start = comma + 1 if comma >= 0 else e
        sp = _leading_name(text, start, min(e, before))
        if sp is None:  # "The US envoy to the UN, Jane Roe, said …"
            comma = text.find(",", start, min(e, before, start + 80))
            if comma >= 0:
                sp = _leading_name(text, comma + 1, min(e, before))
                sp = sp if sp and text.startswith(",", sp.end) else None
        if sp is not None:
            return sp
        if j == 0 or "\n" in text[sentences[j - 1][1] : s]:
            break
    return None


def _leading_name(text: str, start: int, end: int) -> Speaker | None:
    """The named person in the capitalised words that open ``text[start:end]``, if any."""
    toks = []
    for tok in tokens(text, start, min(end, start + 80)):
        if not tok[0][:1].isupper() and tok[0] not in ("de", "la", "van", "von", "of"):
            break
        toks.append(tok)
    while toks and toks[-1][0][:1].islower():  # "Jane Roe of the …"
        toks.pop()
    if len(toks) == 1 and not _capitalized_mid_sentence(text, toks[0][0]):
        return None  # "Reserves ran out", "Clearly, …": capitalised only as the first word
    sp = analyze_phrase(text, toks) if toks else None
    return sp if sp is not None and sp.kind == "named" else None


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


def resolve_speaker(
    text: str,
    sentences: Sequence[tuple[int, int]],
    quoted: Sequence[tuple[int, int]],
    sent: Callable[[int], int],
    found: Speaker,
    named: list[Speaker],
    groups: list[Speaker],
    last: Speaker | None = None,
) -> Speaker:
    """Resolve one speaker phrase as found against the speakers before it.

    Parameters
    ----------
    text : str
        Article text.
    sentences : sequence of (int, int)
        Sentence offsets.
    quoted : sequence of (int, int)
        Sorted (open, close) offsets of the speech quotes, whose sentences are not subjects.
    sent : callable
        Offset -> sentence index.
    found : Speaker
        The phrase as found (``pronoun``, ``description``, ``subject`` and repeated groups are
        resolved; anything else is returned as it is).
    named, groups : list of Speaker
        Named speakers, and organizations or unnamed sources, before ``found``, in text order.
    last : Speaker or None
        The speaker resolved just before, with its position: a "…, saying" in the same sentence
        without a named subject goes on with it ("…," he said, noting that …).

    Returns
    -------
    Speaker
        With kind ``unattributed`` when there is nobody to point to.
    """
    k = sent(found.start)
    if found.kind == "description":  # "the senator said": the named speaker just before
        recent = [p for p in named if sent(p.start) >= k - 2]
        return resolve(found, recent, groups, None)
    if found.kind == "subject":
        local = _sentence_subject(text, sentences, quoted, k, found.start)
        if local is not None:
            return replace(local, start=found.start, end=found.end)
        if last is not None and last.kind != "unattributed" and sent(last.start) == k:
            return replace(last, start=found.start, end=found.end)
        head = text[sentences[k][0] : sentences[k][0] + 4].lower()
        if not head.startswith(("he ", "she ")):
            return replace(found, kind="unattributed")
        found = replace(found, name=head.split()[0], kind="pronoun")  # "He left, saying …"
    if found.kind == "pronoun" and found.name != "they":
        local = _sentence_subject(text, sentences, quoted, k, found.start)
        if local is not None and fits_pronoun(local, found.name, named):
            return replace(local, start=found.start, end=found.end)
        # the subject of the sentence before competes with earlier speakers: the latest wins
        j = k - 1  # the sentence before, not counting sentences inside the quote
        while j > max(0, k - 5) and _inside(quoted, sentences[j][0]):
            j -= 1
        prev = _sentence_subject(text, sentences, quoted, j, found.start) if j >= 0 else None
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


_CLAUSE_OPENERS = frozenset(
    """before after when while as since if although though because once until in on at during
    despite with without for""".split()
)


def _inside(quoted: Sequence[tuple[int, int]], pos: int) -> bool:
    q = bisect_right(quoted, (pos, 1 << 62)) - 1
    return q >= 0 and quoted[q][0] <= pos <= quoted[q][1]


def resolve(
    sp: Speaker, named: list[Speaker], groups: list[Speaker], fallback: Speaker | None
) -> Speaker:
    """Resolve a pronoun or a definite role to an earlier speaker.

    Parameters
    ----------
    sp : Speaker
        The speaker phrase as found.
    named : list of Speaker
        Named speakers so far, in text order.
    groups : list of Speaker
        Organization and anonymous speakers so far, in text order.
    fallback : Speaker or None
        A named sentence subject nearby, used when no earlier named speaker fits.

    Returns
    -------
    Speaker
        ``sp`` itself when it needs no resolution.
    """
    if sp.kind == "pronoun" and sp.name == "they":
        target = groups[-1] if groups else None
    elif sp.kind == "pronoun":  # the last named speaker the pronoun can fit
        target = next((p for p in reversed(named) if fits_pronoun(p, sp.name, named)), None)
        if target is None and fallback is not None and fits_pronoun(fallback, sp.name, named):
            target = fallback
    elif sp.kind == "description":
        target = named[-1] if named else fallback
    else:
        return sp
    if target is None:  # "he" or "the nominee" with nobody to point to
        return replace(sp, kind="unattributed")
    role = target.role or (sp.role if sp.kind == "description" else None)
    return replace(target, role=role, start=sp.start, end=sp.end)


def gender_of(sp: Speaker, named: Sequence[Speaker]) -> str | None:
    """The pronoun a named speaker takes, from its own name or an earlier fuller mention."""
    if sp.gender:
        return sp.gender
    last = sp.name.split()[-1] if sp.name else ""
    for other in reversed(named):
        if other.gender and other.name.split()[-1] == last:
            return other.gender
    return None


def fits_pronoun(sp: Speaker, pronoun: str, named: Sequence[Speaker]) -> bool:
    """Whether "he"/"she" can refer to ``sp`` (unknown genders fit both)."""
    gender = gender_of(sp, named)
    return gender is None or gender == pronoun
