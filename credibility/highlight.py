"""Article text as HTML with the evidence marked: the view behind the dashboard's highlights.

Every piece of article text (and every speaker name or term shown in a tooltip) goes through
:func:`html.escape`, so an article containing ``<script>`` or markup is shown as text. Spans may
overlap (a loaded word inside a quote, an attribution around an anonymous source): the text is
cut at every span boundary and each piece gets one ``<mark>`` whose inline style combines the
layers covering it, each layer using its own CSS property so that they stay visible together.
The output is a single line with no blank lines, so a Markdown renderer passes it through as one
HTML block.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["LAYERS", "Layer", "Mark", "article_marks", "highlight_article", "highlight_headline",
           "legend_html", "render_marks", "speaker_colours"]


@dataclass(frozen=True, slots=True)
class Layer:
    """One kind of highlight: its legend label and the CSS declarations it adds."""

    label: str
    style: tuple[tuple[str, str], ...]


# Each layer sets different CSS properties, so overlapping layers combine instead of hiding each
# other. Quotes add their speaker's background colour on top of this.
LAYERS: dict[str, Layer] = {
    "quote": Layer("Quote (colour = speaker)", (("border-radius", "3px"),)),
    "attribution": Layer("Attribution (who said it)", (("border-bottom", "2px solid #2563eb"),)),
    "anonymous": Layer("Anonymous source", (("outline", "1.5px dashed #7c3aed"),)),
    "loaded": Layer("Loaded term", (("color", "#b91c1c"), ("font-weight", "700"))),
    "hedge": Layer("Hedge", (("font-style", "italic"),
                             ("text-decoration", "underline wavy #d97706"))),
    "headline": Layer("Headline signal", (("background-color", "#fde68a"),)),
}

# Light backgrounds for speakers, in order of first quote; unattributed quotes are grey.
PALETTE = ("#bfdbfe", "#bbf7d0", "#fed7aa", "#e9d5ff", "#fecdd3", "#a5f3fc", "#fef08a",
           "#ddd6fe", "#d9f99d", "#fbcfe8")
UNATTRIBUTED = "#e5e7eb"
_BASE = "background-color:transparent;color:inherit;padding:0"


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of text to highlight: ``text[start:end]`` in one layer, with a tooltip note."""

    start: int
    end: int
    layer: str
    note: str
    colour: str | None = None


def _speaker_key(quote: Mapping[str, Any]) -> str | None:
    speaker = quote.get("speaker")
    return (str(speaker).strip() or None) if speaker else None


def speaker_colours(quotes: Iterable[Mapping[str, Any]]) -> dict[str | None, str]:
    """A background colour per speaker (None: unattributed), by order of first quote."""
    out: dict[str | None, str] = {}
    for q in quotes:
        key = _speaker_key(q)
        if key not in out:
            n_named = sum(1 for k in out if k is not None)
            out[key] = UNATTRIBUTED if key is None else PALETTE[n_named % len(PALETTE)]
    return out


def _is_anonymous(record: Mapping[str, Any]) -> bool:
    kind = str(record.get("kind") or record.get("source_kind") or "").lower()
    return bool(record.get("anonymous")) or kind.startswith("anonymous")


def article_marks(record: Mapping[str, Any]) -> list[Mark]:
    """The marks of an analysis record (the mapping :meth:`Analysis.to_dict` returns).

    Quotes (coloured by speaker), attributions, anonymous sources (attributions or quotes whose
    kind is anonymous, or an ``anonymous_sources`` list), loaded terms and hedges (loaded terms
    of category ``hedge``).
    """
    quotes = record.get("quotes") or []
    colours = speaker_colours(quotes)
    marks: list[Mark] = []
    for q in quotes:
        who = _speaker_key(q)
        role = f", {q['role']}" if q.get("role") else ""
        marks.append(Mark(q["start"], q["end"], "quote",
                          f"Quote: {who or 'unattributed'}{role}", colours[who]))
        if _is_anonymous(q):
            marks.append(Mark(q["start"], q["end"], "anonymous", "Quote from an anonymous source"))
    for a in record.get("attributions") or []:
        who = a.get("speaker") or a.get("source") or a.get("text", "")
        if _is_anonymous(a):
            marks.append(Mark(a["start"], a["end"], "anonymous", f"Anonymous source: {who}"))
        else:
            marks.append(Mark(a["start"], a["end"], "attribution", f"Attribution: {who}"))
    for a in record.get("anonymous_sources") or []:
        marks.append(Mark(a["start"], a["end"], "anonymous", f"Anonymous source: {a.get('text')}"))
    for t in record.get("loaded_terms") or []:
        category = str(t.get("category") or "loaded")
        if category.lower().startswith("hedg"):
            marks.append(Mark(t["start"], t["end"], "hedge", f"Hedge: {t.get('text', '')}"))
        else:
            marks.append(Mark(t["start"], t["end"], "loaded", f"Loaded term ({category})"))
    return marks


def _style(layers: Sequence[Mark]) -> str:
    props: dict[str, str] = {}
    for mark in sorted(layers, key=lambda m: list(LAYERS).index(m.layer)):
        props.update(LAYERS[mark.layer].style)
        if mark.colour:
            props["background-color"] = mark.colour
    return ";".join([_BASE, *(f"{k}:{v}" for k, v in props.items())])


def _escape(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br>")


def render_marks(text: str, marks: Iterable[Mark]) -> str:
    """Escaped ``text`` with every mark applied; overlapping marks combine on the overlap.

    Marks outside the text, empty or of an unknown layer are ignored.
    """
    n = len(text)
    valid = [m for m in marks if m.layer in LAYERS and isinstance(m.start, int)
             and isinstance(m.end, int) and 0 <= m.start < m.end <= n]
    valid.sort(key=lambda m: m.start)
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    out: list[str] = []
    active: list[Mark] = []
    nxt = 0
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        while nxt < len(valid) and valid[nxt].start <= lo:
            active.append(valid[nxt])
            nxt += 1
        active = [m for m in active if m.end > lo]
        covering = active  # every active mark spans the whole piece: pieces end at every cut
        piece = _escape(text[lo:hi])
        if not covering:
            out.append(piece)
            continue
        names = " ".join(dict.fromkeys(f"cred-{m.layer}" for m in covering))
        note = html.escape(" · ".join(dict.fromkeys(m.note for m in covering)), quote=True)
        out.append(f'<mark class="{names}" style="{_style(covering)}" title="{note}">'
                   f"{piece}</mark>")
    return "".join(out)


def highlight_article(record: Mapping[str, Any]) -> str:
    """The article body of an analysis record as one line of escaped, highlighted HTML."""
    body = render_marks(record.get("text") or "", article_marks(record))
    return f'<div class="cred-article" style="line-height:1.75">{body}</div>'


def highlight_headline(record: Mapping[str, Any]) -> str:
    """The headline with its signals marked (empty string when there is no headline)."""
    title = record.get("title") or ""
    if not title:
        return ""
    marks = [Mark(s["start"], s["end"], "headline", f"Headline signal: {s.get('kind', '')}")
             for s in record.get("headline_signals") or [] if "start" in s and "end" in s]
    return f'<div class="cred-headline" style="font-size:1.3em;font-weight:600">' \
           f"{render_marks(title, marks)}</div>"


def legend_html(colours: Mapping[str | None, str] | None = None,
                layers: Sequence[str] = ("loaded", "hedge", "quote", "attribution",
                                         "anonymous")) -> str:
    """A one-line legend of the layers and, when given, of each speaker's colour."""
    chips = []
    for name in layers:
        sample = Mark(0, 1, name, "", UNATTRIBUTED if name == "quote" else None)
        chips.append(f'<mark class="cred-{name}" style="{_style([sample])}">'
                     f"{html.escape(LAYERS[name].label)}</mark>")
    for speaker, colour in (colours or {}).items():
        label = html.escape(speaker or "unattributed", quote=True)
        chips.append(f'<mark class="cred-speaker" style="{_BASE};background-color:{colour};'
                     f'border-radius:3px">{label}</mark>')
    return '<div class="cred-legend" style="font-size:0.85em">' + " &nbsp; ".join(chips) \
        + "</div>"
