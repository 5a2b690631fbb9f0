"""Word and phrase lists: load them from data files and find them in text, fast.

A lexicon is a UTF-8 file ``credibility/data/lexicons/<name>.txt``. Lines starting with ``#``
are comments, and the block of them at the top is the header (how the list was made, its
licence, its date); blank lines are ignored; every other line is one entry:

``word`` or ``multi word phrase``
    Matched with its inflections: plural and third person ``-s``/``-es``, ``-ed``, ``-ing``,
    ``-ly``, and ``-er``/``-est`` for short words, with the usual spelling changes
    (slam -> slammed, lie -> lying, cry -> cried, terrible -> terribly). In a phrase the first
    and the last word take ``-s``/``-es``, ``-ed`` and ``-ing`` ("lash out" -> "lashed out",
    "witch hunt" -> "witch hunts"). Irregular forms ("took a swipe at") are entries of their own.
``stem*``
    The stem followed by any letters ("outrag*" matches "outrage", "outrageously").
``=word``
    Exactly this form, no inflections ("=all" must not match "ally").

A header line ``# inflect: none`` makes every entry of the file exact. Matching ignores case,
treats a space and a hyphen inside an entry alike ("so-called" matches "so called"), and
respects word boundaries ("art" never matches inside "smart"). :class:`LexiconMatcher` compiles
all its lexicons into one regex (a character trie, so the longest entry wins where entries
overlap) and tells the category of each match by a dictionary look-up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

__all__ = ["Lexicon", "LexiconMatcher", "Match", "available_lexicons", "load_matcher", "word_forms"]

_NAME_RE = re.compile(r"[a-z0-9_]+")
_ENTRY_RE = re.compile(r"=?[^\W_](?:[\w'’. -]*[\w.])?\*?")
_SEP_RE = re.compile(r"[\s\-\u2010\u2011]+")
_VOWELS = "aeiou"
# Endings after which -ed/-ing/-er/-est would make no English word.
_NO_VERB_ENDINGS = ("ed", "ing", "ly", "ous", "ful", "less", "est", "ive", "ic", "al", "ion",
                    "ism", "ist", "ity", "ness", "ment", "ish", "ible", "able")
_NO_PLURAL_ENDINGS = ("ly", "ous", "ful", "less", "ed", "est")
_SEP_PATTERN = r"(?:[\-\u2010\u2011]|\s+)"
_END, _WILD = "", "*"  # trie markers (never characters of a form)


@dataclass(frozen=True, slots=True)
class Match:
    """One lexicon entry found in a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    category: str
    entry: str

    def to_dict(self) -> dict[str, str | int]:
        """The JSON-ready evidence record ``{text, start, end, category}``."""
        return {"text": self.text, "start": self.start, "end": self.end, "category": self.category}


def _key(text: str) -> str:
    """The look-up form of a surface string: lower case, separators as single spaces."""
    key = text.lower()
    if not key.isalpha():
        key = _SEP_RE.sub(" ", key).replace("’", "'").strip()
    return key


def _syllables(word: str) -> int:
    return len(re.findall(r"[aeiouy]+", word))


def word_forms(word: str, *, adjectival: bool = True) -> frozenset[str]:
    """A word and its regular inflections (lower case).

    Parameters
    ----------
    word : str
        A base form, lower case ("slam", "lie", "destroy", "terrible").
    adjectival : bool
        Whether to add ``-ly``, ``-er``, ``-ers`` and ``-est`` forms (not done for the words of
        a phrase).

    Returns
    -------
    frozenset of str
        The word, its ``-s``/``-es``, ``-ed``, ``-ing``, ``-ly`` forms and, for words of at
        most two syllables, ``-er``/``-ers``/``-est``; nothing is added to words with
        non-alphabetic characters.
    """
    forms = {word}
    if not word.isalpha() or len(word) < 3:
        return frozenset(forms)
    last, cons_y = word[-1], word.endswith("y") and word[-2] not in _VOWELS
    if not word.endswith(_NO_PLURAL_ENDINGS):
        if word.endswith(("s", "x", "z", "ch", "sh")):
            forms.add(word + "es")
        else:
            forms.add(word[:-1] + "ies" if cons_y else word + "s")
    # -ly
    if word.endswith("ly") or not adjectival:
        pass
    elif word.endswith("le") and word[-3] not in _VOWELS:
        forms.add(word[:-1] + "y")
    elif word.endswith("ic"):
        forms.add(word + "ally")
    elif cons_y:
        forms.add(word[:-1] + "ily")
    elif word.endswith("ll"):
        forms.add(word + "y")
    elif word.endswith("ue"):
        forms.add(word[:-1] + "ly")
    else:
        forms.add(word + "ly")
    if word.endswith(_NO_VERB_ENDINGS):
        return frozenset(forms)
    # the stem the suffixes -ed, -ing, -er, -est attach to
    if last == "e" and word.endswith("ie"):
        stems = {"ed": word[:-1], "ing": word[:-2] + "y", "er": word[:-1], "est": word[:-1]}
    elif last == "e" and not word.endswith(("ee", "ye", "oe")):
        stems = dict.fromkeys(("ed", "ing", "er", "est"), word[:-1])
    elif cons_y:
        stems = {"ed": word[:-1] + "i", "ing": word, "er": word[:-1] + "i", "est": word[:-1] + "i"}
    elif (_syllables(word) == 1 and last not in _VOWELS + "wxy" and word[-2] in _VOWELS
          and word[-3] not in _VOWELS):
        stems = dict.fromkeys(("ed", "ing", "er", "est"), word + last)  # slam -> slamm-
    else:
        stems = dict.fromkeys(("ed", "ing", "er", "est"), word)
    if last == "e" and word.endswith(("ee", "ye", "oe")):
        stems["ed"] = word[:-1]
    forms.update((stems["ed"] + "ed", stems["ing"] + "ing"))
    if adjectival and _syllables(word) <= 2 and not word.endswith(("er", "or")):
        forms.update((stems["er"] + "er", stems["er"] + "ers", stems["est"] + "est"))
    return frozenset(forms)


def _expand(entry: str, inflect: bool) -> tuple[frozenset[str], bool]:
    """The look-up forms of one entry, and whether it is a stem wildcard."""
    exact = entry.startswith("=")
    body = _key(entry.lstrip("="))
    if body.endswith("*"):
        return frozenset({body[:-1]}), True
    if exact or not inflect:
        return frozenset({body}), False
    words = body.split(" ")
    if len(words) == 1:
        return word_forms(body), False
    head, *mid, tail = words
    forms = {" ".join([f, *mid, tail]) for f in word_forms(head, adjectival=False)}
    forms.update(" ".join([head, *mid, f]) for f in word_forms(tail, adjectival=False))
    return frozenset(forms), False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One list of entries, as read from a lexicon file (see the module docstring)."""

    name: str
    entries: tuple[str, ...]
    header: tuple[str, ...] = ()
    inflect: bool = True

    @classmethod
    def load(cls, name: str) -> Lexicon:
        """The shipped lexicon ``credibility/data/lexicons/<name>.txt`` (cached)."""
        return _load(name)

    @classmethod
    def parse(cls, name: str, text: str) -> Lexicon:
        """Read lexicon file text; raise ValueError naming the first malformed line."""
        header: list[str] = []
        entries: list[str] = []
        in_header = True
        for number, raw in enumerate(text.splitlines(), 1):
            line = " ".join(raw.split())
            in_header = in_header and line.startswith("#")
            if in_header:
                header.append(line.lstrip("#").strip())
            if not line or line.startswith("#"):
                continue
            if not _ENTRY_RE.fullmatch(line):
                raise ValueError(f"lexicon {name!r} line {number}: malformed entry {line!r}")
            entries.append(line)
        inflect = not any(re.fullmatch(r"inflect:\s*none", h, re.IGNORECASE) for h in header)
        return cls(name=name, entries=tuple(entries), header=tuple(header), inflect=inflect)

    def forms(self, entry: str) -> tuple[frozenset[str], bool]:
        """The look-up forms of ``entry`` under this lexicon's rules, and whether it is a stem."""
        return _expand(entry, self.inflect)


def available_lexicons() -> list[str]:
    """Names of the lexicons shipped with the package."""
    folder = resources.files("credibility") / "data" / "lexicons"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))


@lru_cache(maxsize=64)
def _load(name: str) -> Lexicon:
    if not _NAME_RE.fullmatch(name) or name not in available_lexicons():
        raise LookupError(f"no lexicon named {name!r}; shipped: {', '.join(available_lexicons())}")
    path = resources.files("credibility") / "data" / "lexicons" / f"{name}.txt"
    return Lexicon.parse(name, path.read_text(encoding="utf-8"))


def _trie_regex(node: dict) -> str:
    branches = []
    for char, child in sorted(node.items()):
        if char in (_END, _WILD):
            continue
        atom = _SEP_PATTERN if char == " " else "['’]" if char == "'" else re.escape(char)
        branches.append(atom + _trie_regex(child))
    if _WILD in node:
        branches.append(r"[^\W_]*")
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 else branches[0]
    if _END in node and _WILD not in node:
        return body + "?" if body.startswith("(?:") and len(branches) > 1 else f"(?:{body})?"
    return body


class LexiconMatcher:
    """Finds the entries of several lexicons in text with one compiled regex.

    Parameters
    ----------
    lexicons : mapping of str to Lexicon
        Category name -> lexicon. Where two categories claim the same form, the one listed
        first wins; a concrete form wins over a stem wildcard.
    """

    def __init__(self, lexicons: Mapping[str, Lexicon]) -> None:
        self.categories = tuple(lexicons)
        self._forms: dict[str, tuple[str, str]] = {}
        self._stems: dict[str, tuple[str, str]] = {}
        trie: dict = {}
        for category, lexicon in lexicons.items():
            for entry in lexicon.entries:
                forms, wild = lexicon.forms(entry)
                for form in forms:
                    (self._stems if wild else self._forms).setdefault(form, (category, entry))
                    node = trie
                    for char in form:
                        node = node.setdefault(char, {})
                    node[_WILD if wild else _END] = True
        self._max_stem = max(map(len, self._stems), default=0)
        body = _trie_regex(trie) or r"(?!)"
        # Matched against lower-cased text: case-sensitive literals are much faster.
        self.regex = re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])")

    @cached_property
    def _regex_any_case(self) -> re.Pattern[str]:
        """For the rare text whose lower-case form has another length (offsets would shift)."""
        return re.compile(self.regex.pattern, re.IGNORECASE)

    def __len__(self) -> int:
        return len(self._forms) + len(self._stems)

    def forms(self) -> frozenset[str]:
        """Every concrete look-up form (lower case, separators as spaces), stems excluded."""
        return frozenset(self._forms)

    def find(self, text: str) -> list[Match]:
        """Every non-overlapping match in ``text``, left to right, longest entry first."""
        out = []
        forms, stems = self._forms, self._stems
        lower = text.lower()
        if len(lower) == len(text):
            found = self.regex.finditer(lower)
        else:
            found = self._regex_any_case.finditer(text)
        for m in found:
            surface = text[m.start() : m.end()]
            key = _key(surface)
            hit = forms.get(key)
            if hit is None:
                for length in range(min(len(key), self._max_stem), 0, -1):
                    hit = stems.get(key[:length])
                    if hit is not None:
                        break
                else:
                    continue
            out.append(Match(m.start(), m.end(), surface, hit[0], hit[1]))
        return out


@lru_cache(maxsize=32)
def load_matcher(*names: str) -> LexiconMatcher:
    """A cached matcher over shipped lexicons, each lexicon's name as its category."""
    return LexiconMatcher({name: Lexicon.load(name) for name in names})
