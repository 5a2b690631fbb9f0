"""Human-readable text renderings of analyses and scores (the CLI's ``--format table``)."""

from __future__ import annotations

from typing import Any

from .analysis import Analysis

__all__ = ["analysis_table", "score_table"]


def _value(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:.3g}" if abs(v) < 1000 else f"{v:,.0f}"


def analysis_table(analysis: Analysis, *, width: int = 100) -> str:
    """A plain-text report: features per family, quotes with speakers, signals."""
    d = analysis.to_dict()
    lines = [
        "=" * width,
        f"{d['title'] or '(no title)'}",
        f"id: {d['id'] or '—'}   source: {d['source'] or '—'}   words: {d['word_count']}",
        "-" * width,
    ]
    for family, values in d["features"].items():
        cells = "  ".join(f"{k}={_value(v)}" for k, v in values.items())
        lines.append(f"{family:>16}: {cells}")
    if d["quotes"]:
        lines.append("quotes:")
        for q in d["quotes"]:
            who = q.get("speaker") or "(unattributed)"
            role = f", {q['role']}" if q.get("role") else ""
            text = q["text"] if len(q["text"]) <= 70 else q["text"][:67] + "..."
            lines.append(f"  “{text}” — {who}{role} [{q.get('kind')}]")
    if d["non_speech_quotes"]:
        spans = ", ".join(f"“{q['text']}” ({q.get('reason')})" for q in d["non_speech_quotes"])
        lines.append(f"not speech: {spans}")
    if d["loaded_terms"]:
        terms = ", ".join(sorted({t["text"].lower() for t in d["loaded_terms"]})[:25])
        lines.append(f"loaded terms: {terms}")
    for key in ("headline_signals", "page_signals"):
        if d[key]:
            lines.append(f"{key.replace('_', ' ')}: " + "; ".join(
                f"{s['text']} ({s['kind']})" for s in d[key]))
    return "\n".join(lines)


def score_table(result: Any) -> str:
    """One score with its family pulls and reasons."""
    lines = [
        f"{result.id or '(article)'}: score {result.score}/100 ({result.band}), "
        f"P(credible) = {result.probability:.2f}",
        "  pulls (log-odds): " + ", ".join(
            f"{fam} {pull:+.2f}" for fam, pull in result.family_pulls.items()),
    ]
    lines += [f"  - {r.text} ({r.direction} the score)" for r in result.reasons]
    return "\n".join(lines)
