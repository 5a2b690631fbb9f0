"""Page boilerplate mixed into scraped article text: find it, report it, cut it out.

Scraped pages carry calls to share, follow and subscribe, "READ ALSO:" links, comment forms and
promo lines. They say something about the page (a signal of its own), but they are not the
writing, so every other feature family measures the text with them removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["PageSignal", "PAGE_SIGNAL_KINDS", "strip_boilerplate"]

PAGE_SIGNAL_KINDS = ("share", "follow", "subscribe", "read_also", "comment_form", "promo", "link")


@dataclass(frozen=True, slots=True)
class PageSignal:
    """One boilerplate line (or inline phrase) found in the raw text and removed from it."""

    text: str
    kind: str
    start: int  # offsets into the raw (uncleaned) text
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "kind": self.kind, "start": self.start, "end": self.end}


_SOCIAL = (
    r"(?:whats\s?app|facebook|twitter|x|instagram|telegram|tiktok|youtube|linkedin|pinterest"
    r"|google\s+news|threads|snapchat|reddit|flipboard|truth\s+social|gab|rumble|parler|social\s+media)"
)

# Patterns for a whole line of boilerplate (matched against the stripped line, case-insensitive).
_LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(p, re.IGNORECASE))
    for kind, p in (
        ("share",
         r"^(?:share|sharing)(?:\s+(?:this|the|on|via|with|it))?(?:\s+\w+){0,3}\s*[:!.]?$"),
        ("share", r"^(?:click\s+to\s+)?(?:share|tweet|email|print|pin)\s+(?:this|on|it)\b.{0,60}$"),
        ("share", r"^(?:please\s+)?share\s+(?:this|if\s+you|with\s+your)\b.{0,120}$"),
        ("follow", rf"^(?:please\s+)?(?:follow|join|like)\b.{{0,80}}\b{_SOCIAL}\b.{{0,120}}$"),
        ("follow", rf"^(?:find|connect\s+with)\s+us\s+on\s+{_SOCIAL}\b.{{0,80}}$"),
        ("follow", rf"^{_SOCIAL}\s*[:|]\s*\S.{{0,80}}$"),
        ("subscribe", r"^(?:please\s+)?(?:subscribe|sign\s+up)\b.{0,160}$"),
        ("subscribe", r"^get\s+(?:our|the)\s+(?:latest|daily|free|weekly)\b.{0,120}$"),
        ("subscribe", r"^(?:our|the)\s+\w+\s+newsletter\b.{0,120}$"),
        (
            "read_also",
            r"^(?:read\s+(?:also|more|next)|also\s+read|related(?:\s+(?:story|stories|articles?|coverage|news))?"
            r"|see\s+also|recommended(?:\s+for\s+you)?|more\s+(?:from|on)\b.{0,40}|must\s+read|don'?t\s+miss"
            r"|trending(?:\s+now)?|you\s+may\s+also\s+like|suggested\s+reading)\s*[:>»|\-–—]",
        ),
        (
            "read_also",
            r"^(?:related(?:\s+(?:stories|articles|posts))?|you\s+may\s+also\s+like|recommended"
            r"|more\s+stories|trending(?:\s+now)?)\s*$",
        ),
        (
            "comment_form",
            r"^(?:leave\s+a\s+(?:reply|comment)|post\s+(?:a\s+)?comment|add\s+(?:a\s+)?comment"
            r"|\d*\s*comments?|show\s+comments|cancel\s+reply|view\s+comments)\s*[:.!]?$",
        ),
        (
            "comment_form",
            r"^(?:your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked"
            r"|notify\s+me\s+of\s+(?:follow-?up|new)\s+(?:comments|posts)|save\s+my\s+name,?\s+email"
            r"|you\s+must\s+be\s+logged\s+in\s+to\s+post|comments\s+are\s+closed|this\s+site\s+uses\s+akismet)"
            r".{0,200}$",
        ),
        (
            "promo",
            r"^(?:advertisement|sponsored(?:\s+content)?|story\s+continued\s+below|continue\s+reading(?:\s+below)?"
            r"|skip\s+(?:to\s+content|advertisement)|scroll\s+(?:down\s+)?to\s+continue|ad)\s*[:.]?$",
        ),
        (
            "promo",
            r"^(?:click\s+here\b|download\s+(?:our|the)\s+app\b|support\s+(?:our|independent)\s+journalism\b"
            r"|donate\b|watch\s+the\s+(?:full\s+)?video\s+below\b|all\s+rights\s+reserved\b"
            r"|copyright\s+©|©\s*\d{4}|this\s+(?:article|story)\s+(?:was\s+)?(?:originally\s+)?"
            r"(?:appeared|published|first\s+appeared)\b|photo\s*(?:credit)?\s*:|image\s+(?:source|credit)\s*:"
            r"|tags?\s*:|filed\s+under\s*:|posted\s+in\s*:|categories\s*:).{0,200}$",
        ),
        ("link", r"^(?:https?://|www\.)\S+$"),
    )
)

# Phrases that sit inline in single-paragraph scraped text (e.g. text with its line breaks lost).
_INLINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("promo", re.compile(r"\b(?:Story Continued Below|Continue Reading Below|ADVERTISEMENT)\b\s*")),
    ("share", re.compile(r"\bShare (?:this|on) (?:post|article|story|Facebook|Twitter)\b[.!]?\s*")),
    (
        "read_also",
        re.compile(
            r"\b(?:READ ALSO|READ MORE|ALSO READ|RELATED|SEE ALSO|MUST READ)\s*:"
            r"\s*[^.!?\n]{0,200}[.!?]?\s*"
        ),
    ),
    (
        "follow",
        re.compile(rf"\bFollow\s+(?:us|\w+(?:\s+\w+)?)\s+(?:channel\s+)?on\s+{_SOCIAL}\b[^.\n]{{0,80}}[.:]?\s*",
                   re.IGNORECASE),
    ),
    (
        "comment_form",
        re.compile(
            r"\b(?:Leave a Reply|Your email address will not be published\.?"
            r"(?:\s*Required fields are marked \*?)?)\s*"
        ),
    ),
)

_MAX_LINE_WORDS = 40  # a longer line is prose, whatever it starts with

# A leading dateline or wire credit: "(CNN)", "WASHINGTON (Reuters) -", "CLEVELAND —",
# "NEW YORK, N.Y. —". It names a place or an outlet, not the writing, so it is removed (kind
# "dateline") and no feature counts it: a model must not learn a publisher's house style.
_DATELINE_RE = re.compile(
    r"""^\s*(?:
        \([A-Z][A-Za-z&.\- ]{1,30}\)\s*(?:[—–-]{1,2}\s*)?
      | [A-Z][A-Z.'\- ]{2,40}(?:,\s*[A-Z][A-Za-z.\- ]{1,25})?\s*
        (?:\([A-Za-z&. ]{2,30}\)\s*)?[—–-]{1,2}\s+
    )""",
    re.VERBOSE,
)


def strip_boilerplate(raw: str) -> tuple[str, tuple[PageSignal, ...]]:
    """Split raw article text into clean text and the page signals removed from it.

    Whole lines are removed when they match a boilerplate pattern; inline phrases are removed
    from the remaining lines. Blank-line paragraph structure is kept.

    Returns
    -------
    text : str
        The text with boilerplate removed.
    signals : tuple of PageSignal
        What was removed, with offsets into ``raw``.
    """
    signals: list[PageSignal] = []
    kept: list[str] = []
    pos = 0
    dateline = _DATELINE_RE.match(raw)
    if dateline:
        found = dateline.group().strip()
        at = raw.index(found)
        signals.append(PageSignal(found, "dateline", at, at + len(found)))
        pos = dateline.end()
        raw = raw[dateline.end():]
    for line in raw.split("\n"):
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if stripped and len(stripped.split()) <= _MAX_LINE_WORDS:
            kind = next((k for k, p in _LINE_PATTERNS if p.search(stripped)), None)
            if kind is not None:
                offset = line_start + line.index(stripped)
                signals.append(PageSignal(stripped, kind, offset, offset + len(stripped)))
                continue
        if stripped:
            line = _strip_inline(line, line_start, signals)
        kept.append(line)
    text = "\n".join(kept)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    signals.sort(key=lambda s: s.start)
    return text, tuple(signals)


# Lower-case substrings one of which every inline pattern needs: a cheap test that spares most
# lines the regex scans.
_INLINE_TRIGGERS = ("continue", "advertisement", "share ", "read", "related", "see also",
                    "follow", "leave a reply", "email address")


def _strip_inline(line: str, line_start: int, signals: list[PageSignal]) -> str:
    lower = line.lower()
    if not any(t in lower for t in _INLINE_TRIGGERS):
        return line
    hits: list[tuple[int, int, str]] = []
    for kind, pattern in _INLINE_PATTERNS:
        for m in pattern.finditer(line):
            if not any(s < m.end() and m.start() < e for s, e, _ in hits):
                hits.append((m.start(), m.end(), kind))
    if not hits:
        return line
    hits.sort()
    out, last = [], 0
    for s, e, kind in hits:
        found = line[s:e].strip()
        signals.append(PageSignal(found, kind, line_start + s, line_start + s + len(found)))
        out.append(line[last:s])
        last = e
    out.append(line[last:])
    return re.sub(r"[ ]{2,}", " ", "".join(out)).strip()
