"""Who a phrase names: a person with a role, an organization, an anonymous source, or a pronoun.

The attribution rules in :mod:`credibility.attribution` cut out the phrase next to a reporting
verb ("Mexican security analyst Jane Roe", "a source familiar with the talks", "the Pentagon",
"he"); :func:`analyze_phrase` decides what it is. Titles are split off names ("Attorney General
Jane Roe" -> role "Attorney General", name "Jane Roe"), role words before a name become its role,
and lexicons (data files under ``credibility/data/lexicons``) tell organizations and anonymous
sources apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import Lexicon

__all__ = [
    "Speaker",
    "analyze_phrase",
    "anonymity_marker",
    "anonymous_tail",
    "first_names",
    "is_role_phrase",
    "lexicon",
    "tokens",
]


@cache
def lexicon(name: str) -> frozenset[str]:
    """The lowercase entries of the shipped lexicon ``<name>`` (exact forms, cached)."""
    return frozenset(entry.lower() for entry in Lexicon.load(name).entries)


@cache
def _marker_re() -> re.Pattern[str]:
    phrases = sorted(lexicon("anonymity_markers"), key=len, reverse=True)
    alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"\b(?:{alts})\b", re.I)


@cache
def _anonymous_tail_re() -> re.Pattern[str]:
    heads = "|".join(sorted(lexicon("anonymous_sources"), key=len, reverse=True))
    markers = "|".join(
        re.escape(p).replace(r"\ ", r"\s+")
        for p in sorted(lexicon("anonymity_markers"), key=len, reverse=True)
    )
    return re.compile(
        rf"(?:\b(?:an?|one|two|three|several|some|other|the)\s+)?(?:[\w’'.\-]+\s+){{0,3}}?"
        rf"\b(?:{heads})\s+(?:who\s+(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+)?"
        rf"(?:{markers})\b[^,;:.!?\"“”()]{{0,80}}?,?\s*$",
        re.I,
    )


def anonymity_marker(text: str) -> bool:
    """Whether ``text`` holds a phrase that hides a source ("on condition of anonymity")."""
    return _marker_re().search(text) is not None


def anonymous_tail(text: str, start: int, end: int) -> Speaker | None:
    """An unnamed source phrase ending at ``end`` ("a source close to the talks")."""
    if _marker_re().search(text, start, end) is None:
        return None
    m = _anonymous_tail_re().search(text, start, end)
    if m is None:
        return None
    phrase = m.group().rstrip(" ,")
    return Speaker(phrase, None, "anonymous", m.start(), m.start() + len(phrase))


@dataclass(frozen=True, slots=True)
class Speaker:
    """What a speaker phrase names.

    ``kind`` is ``named``, ``organization``, ``anonymous``, ``pronoun`` (he, she, they) or
    ``description`` (a definite role such as "the senator", to be resolved to a named speaker).
    ``start``/``end`` cover the phrase in the text. ``gender`` is the pronoun a named person
    takes ("he"/"she") when an honorific or a common given name tells it, else ``None``.
    """

    name: str
    role: str | None
    kind: str
    start: int
    end: int
    gender: str | None = None


@cache
def first_names() -> dict[str, str]:
    """Given name -> "he"/"she", from ``first_names_he.txt`` and ``first_names_she.txt``."""
    return {
        **{name: "he" for name in lexicon("first_names_he")},
        **{name: "she" for name in lexicon("first_names_she")},
    }


_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}|(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|Det|Jr|Sr"
    r"|St|Atty|Supt|Cmdr)\.|[A-Z]\.(?=\s+[A-Z])|[^\W_][\w’'\-]*|[,;:()—–\"“”]"
)
_PRONOUNS = frozenset({"he", "she", "they"})
_POSSESSIVE = ("’s", "'s", "’", "'")
# Lowercase words that may open a speaker phrase without a determiner ("senior officials").
_MODIFIERS = frozenset(
    """senior top former current other local federal state foreign administration campaign
    military intelligence government police law enforcement security health election party
    court county city legal medical defense justice some many several few both all most
    presidential acting deputy chief executive national general vice interim longtime veteran
    political economic press communications senate house white retired news morning""".split()
)
_DETERMINERS = frozenset(
    "the a an one two three four several some many other another both most this these his her"
    " their its".split()
)
_PARTISANS = frozenset("republican democrat conservative liberal independent".split())
_PREPOSITIONS = frozenset("in on at from with by for of to into during after before".split())
_HONORIFIC_GENDER = {"mr.": "he", "mr": "he", "mrs.": "she", "mrs": "she", "ms.": "she",
                     "ms": "she", "miss": "she"}
_HONORIFICS = frozenset({*_HONORIFIC_GENDER, "mx.", "mx"})
_PARTICLES = frozenset("de la del der van von bin al da di du le dos das ibn".split())
# Capitalised words that start sentences or clauses but never names.
_NOT_NAMES = frozenset(
    """the a an this that these those but and or so yet then when while after before since if
    as in on at for from with without by to of it its he she they we i you his her their our my
    your meanwhile however still also now here there later earlier asked according yes no
    monday tuesday wednesday thursday friday saturday sunday today tonight yesterday last next
    january february march april june july august september october november december
    speaking during despite although though instead indeed even both other many several
    because whether virtually otherwise moreover furthermore nevertheless nonetheless besides
    overall finally again recently currently ultimately perhaps maybe similarly likewise thus
    hence therefore""".split()
)
# Words after the head of a speaker phrase that start its post-modifier.
_POSTMOD = frozenset(
    """familiar close briefed with who from at in for on of involved knowledgeable speaking
    released issued obtained published posted sent filed provided seen given cited after before
    during about over against under""".split()
)


def tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Word and punctuation tokens of ``text[start:end]`` as ``(token, start, end)``."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end)]


def _capitalized(tok: str) -> bool:
    return tok[:1].isupper() and tok.lower() not in _NOT_NAMES


def _is_org(words: list[str]) -> bool:
    orgs = lexicon("organizations")
    lows = [w.lower().rstrip("’'s") if w.endswith(("’s", "'s")) else w.lower() for w in words]
    if any(w in orgs for w in lows):
        return True
    if any(f"{a} {b}" in orgs for a, b in zip(lows, lows[1:], strict=False)):
        return True
    return all(w.replace(".", "").isupper() and len(w.replace(".", "")) >= 2 for w in words)


def is_role_phrase(phrase: str) -> bool:
    """Whether a phrase names a role: it holds a role or organization word ("acting head of the
    agency", "the union's chief negotiator"), not just any aside ("meanwhile")."""
    orgs = lexicon("organizations")
    return any(_is_role(w) or w.lower() in orgs for w in _WORD_SPLIT_RE.findall(phrase))


_WORD_SPLIT_RE = re.compile(r"[^\W_]+")


def _is_role(word: str) -> bool:
    roles = lexicon("role_words")
    low = word.lower()
    return low in roles or low.rstrip("s") in roles


def _role_word_before_name(tok: str) -> bool:
    """Whether ``tok`` can belong to a role written before a name ("Mexican security analyst");
    a verb ("retweeted"), a preposition or a clause word cannot."""
    low = tok.lower()
    if not tok[:1].isalnum() or low in _PREPOSITIONS or low in _NOT_NAMES and tok.islower():
        return False
    if tok.islower() and low.endswith("ed") and low not in _MODIFIERS and not _is_role(tok):
        return False
    return True


def _split_title(run: list[tuple[str, int, int]]) -> int:
    """Index where the name starts inside a capitalised run (after any titles).

    The last word is a title only when every word is one ("Senate Majority Leader"): otherwise it
    is a surname that happens to be a title word ("Martin Luther King", "Rep. Ann Bishop").
    """
    orgs = lexicon("organizations")
    if all(_is_role(t[0]) or t[0].lower() in orgs or t[0] == "of" for t in run):
        return len(run)
    cut = 0
    i = 0
    while i < len(run) - 1:
        low = run[i][0].lower()
        if low in _HONORIFICS or _is_role(run[i][0]):
            cut = i + 1
            if i + 2 < len(run) and run[i + 1][0] == "of":
                cut = i + 3  # Secretary of State
                i += 2
        i += 1
    return cut


def analyze_phrase(
    text: str, toks: list[tuple[str, int, int]], *, exact: bool = False
) -> Speaker | None:
    """Decide what a speaker phrase names.

    Parameters
    ----------
    text : str
        The article text the tokens index.
    toks : list of (str, int, int)
        The phrase's tokens (from :func:`tokens`), without the reporting verb.
    exact : bool
        Whether the tokens are exactly the phrase ("according to focus groups"); otherwise
        leading lowercase words that cannot open a speaker phrase are dropped.

    Returns
    -------
    Speaker or None
        ``None`` when the phrase does not look like a speaker.
    """
    toks = [t for t in toks if t[0] not in "\"“”"]
    if not toks or len(toks) > 14 or toks[-1][0].endswith(_POSSESSIVE):
        return None
    if toks[0][0] in _PREPOSITIONS:  # "in a statement", not a speaker
        return None
    if len(toks) == 1 and toks[0][0].lower() in _PRONOUNS:
        return Speaker(toks[0][0].lower(), None, "pronoun", toks[0][1], toks[0][2])
    det = toks[0][0].lower() if toks[0][0].lower() in _DETERMINERS else ""
    core = toks[1:] if det else toks
    k = next(
        (
            i
            for i, t in enumerate(core)
            if i and t[0] in _POSTMOD and not (t[0] == "of" and core[i - 1][0][:1].isupper())
        ),
        len(core),
    )
    core, post = core[:k], core[k:]
    if not core or any(not t[0][:1].isalnum() for t in core):
        return None
    head = core[-1][0]
    if head[:1].isupper() and not (len(core) == 1 and head.lower() in lexicon("anonymous_sources")):
        return _proper(text, det, core, post, toks[0][1], toks[-1][2])
    if not det and not exact:  # "senior administration officials", not "reassure leaders"
        while len(core) > 1 and not (core[0][0][:1].isupper() or core[0][0] in _MODIFIERS):
            core = core[1:]
    start, end = (toks[0] if det else core[0])[1], toks[-1][2]
    phrase = text[start:end]
    low = head.lower()
    if _marker_re().search(phrase) or low in lexicon("anonymous_sources"):
        return Speaker(phrase, None, "anonymous", start, end)
    orgs = lexicon("organizations")
    if low in orgs or low.rstrip("s") in orgs:
        return Speaker(phrase, None, "organization", start, end)
    if _is_role(head):
        if det in ("the", "this") and not low.endswith("s"):
            return Speaker(phrase, text[core[0][1] : end], "description", start, end)
        if det in ("a", "an", "one", "another") or low.endswith("s"):
            return Speaker(phrase, None, "anonymous", start, end)
    if det in ("a", "an", "one", "another") and head.isalpha():
        return Speaker(phrase, None, "anonymous", start, end)  # "one veteran investor"
    return None


def _proper(
    text: str,
    det: str,
    core: list[tuple[str, int, int]],
    post: list[tuple[str, int, int]],
    start: int,
    end: int,
) -> Speaker | None:
    """A phrase whose head is capitalised: a person (with titles and roles) or an organization."""
    i = len(core)
    while i > 0 and (
        _capitalized(core[i - 1][0])
        or core[i - 1][0] in _PARTICLES
        or core[i - 1][0] == "of" and i < len(core) and core[i][0][:1].isupper()
    ):
        i -= 1
    run = core[i:]
    while run and (run[0][0] in _PARTICLES or run[0][0] == "of"):
        run = run[1:]
    if not run:
        return None
    pre = core[: len(core) - len(run)]
    # "CNN's Jane Roe": the possessive part is an affiliation
    j = max((n for n, t in enumerate(run[:-1]) if t[0].endswith(_POSSESSIVE)), default=-1)
    affiliation, run = run[: j + 1], run[j + 1 :]
    cut = _split_title(run)
    name_toks = run[cut:]
    if "of" in (t[0] for t in name_toks):  # "Jane Roe of Texas"
        name_toks = name_toks[: [t[0] for t in name_toks].index("of")]
    words = [t[0] for t in (name_toks or run)]
    if len(run) == 1 and not det and not pre and not affiliation:
        cut, name_toks = 0, run  # "King said": one capitalised word is a surname
    # "the Senate Majority Leader" (a title after "the" is never a surname)
    titled = (_is_role(words[-1]) or words[-1].lower() in _PARTISANS) and (
        not name_toks or det in ("the", "this") and not cut
    )
    if titled and det in ("the", "this"):
        return Speaker(text[start:end], text[run[0][1] : end], "description", start, end)
    if det in ("a", "an", "one", "another") and not cut and (
        _is_role(words[-1]) or words[-1].lower() in _PARTISANS
    ):
        return Speaker(text[start:end], None, "anonymous", start, end)  # "an Iowa Republican"
    if not titled and (_is_org(words) or det == "the" and words[-1].endswith("s") and not cut):
        org_start = start if det else (affiliation or run)[0][1]  # "Russia", not "Then Russia"
        return Speaker(text[org_start:end], None, "organization", org_start, end)
    if not name_toks or (det in ("the", "this") and not cut and not affiliation):
        if det in ("the", "this") and any(_is_role(t[0]) for t in core):
            return Speaker(text[start:end], text[core[0][1] : end], "description", start, end)
        if det == "the" and name_toks and not pre:  # "The Capitol Beacon", "the Hill"
            return Speaker(text[start:end], None, "organization", start, end)
        return None
    j = len(pre)  # the role words right before the name, back to the first word that is not one
    while j > 0 and _role_word_before_name(pre[j - 1][0]):
        j -= 1
    pre = pre[j:]
    while pre and pre[0][0].islower() and not (pre[0][0] in _MODIFIERS or _is_role(pre[0][0])):
        pre = pre[1:]  # "to fact check then-GOP nominee Jane Roe": the role starts at "then-GOP"
    first = (pre + affiliation + run)[0]
    role_toks = (pre if any(_is_role(t[0]) for t in pre) else []) + affiliation + run[:cut]
    role_toks = [t for t in role_toks if t[0].lower() not in _HONORIFICS]
    role = text[role_toks[0][1] : role_toks[-1][2]] if role_toks else None
    if role is None and post and post[0][0] in ("of", "at", "from"):
        if any(t[0][:1].isupper() for t in post):  # "of the Heritage Foundation"
            role = text[post[0][1] : post[-1][2]]
    name = text[name_toks[0][1] : name_toks[-1][2]]
    gender = next((_HONORIFIC_GENDER[t[0].lower()] for t in run[:cut] if t[0].lower() in
                   _HONORIFIC_GENDER), None)
    if gender is None and len(name_toks) > 1:
        gender = first_names().get(name_toks[0][0].lower())
    start = first[1] if role_toks else name_toks[0][1]
    return Speaker(name, role, "named", start, end, gender)
