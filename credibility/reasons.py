"""Plain-word reasons for a score: the features that pulled it most, said as a reader would."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

__all__ = ["Reason", "top_reasons", "feature_label"]


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason: its text, the feature behind it and its pull in log-odds (signed)."""

    text: str
    feature: str
    family: str
    pull: float

    @property
    def direction(self) -> str:
        return "raises" if self.pull > 0 else "lowers"

    def to_dict(self) -> dict:
        return {**asdict(self), "direction": self.direction}


# feature -> (text when the value is above the training average, text when below).
# Placeholders: {value} the raw value, {pct} it as a percentage, {k} of {n} sentences.
_PHRASES: dict[str, tuple[str, str]] = {
    "sourcing__named_quote_share": (
        "most quotes name their speaker ({pct})",
        "few attributed quotes ({pct} of quotes name a speaker)",
    ),
    "sourcing__quotes_per_1000_words": (
        "many direct quotes ({value:.1f} per 1,000 words)",
        "few direct quotes ({value:.1f} per 1,000 words)",
    ),
    "sourcing__distinct_named_sources": (
        "{value:.0f} distinct named sources",
        "only {value:.0f} distinct named sources",
    ),
    "sourcing__anonymous_share": (
        "heavy reliance on anonymous sources ({pct} of attributions)",
        "little reliance on anonymous sources ({pct})",
    ),
    "sourcing__attribution_density": (
        "claims are attributed often ({value:.1f} attributions per 100 words)",
        "claims are rarely attributed ({value:.1f} attributions per 100 words)",
    ),
    "sourcing__quoted_word_share": (
        "much of the text is direct quotation ({pct})",
        "little direct quotation ({pct} of words)",
    ),
    "loaded_language__loaded_sentence_share": (
        "charged wording in {k} of {n} sentences",
        "charged wording in only {k} of {n} sentences",
    ),
    "loaded_language__loaded_per_100": (
        "much loaded language ({value:.1f} loaded terms per 100 words)",
        "little loaded language ({value:.1f} loaded terms per 100 words)",
    ),
    "loaded_language__charged_per_100": (
        "many charged, emotive words ({value:.1f} per 100 words)",
        "few charged, emotive words ({value:.1f} per 100 words)",
    ),
    "loaded_language__labeling_per_100": (
        "labels opponents with loaded terms ({value:.1f} per 100 words)",
        "few dismissive labels ({value:.1f} per 100 words)",
    ),
    "loaded_language__hedge_per_100": (
        "many hedges ({value:.1f} per 100 words)",
        "few hedges ({value:.1f} per 100 words)",
    ),
    "sentiment__mean_abs_compound": (
        "strongly emotional tone (mean |sentiment| {value:.2f})",
        "measured, neutral tone (mean |sentiment| {value:.2f})",
    ),
    "sentiment__strong_share": (
        "many strongly charged sentences ({pct})",
        "few strongly charged sentences ({pct})",
    ),
    "readability__flesch_kincaid_grade": (
        "complex writing (grade {value:.1f})",
        "simple writing (grade {value:.1f})",
    ),
    "readability__words_per_sentence": (
        "long sentences ({value:.0f} words on average)",
        "short sentences ({value:.0f} words on average)",
    ),
    "headline__clickbait_cues": (
        "clickbait cues in the headline ({value:.0f})",
        "no clickbait cues in the headline",
    ),
    "page_context__n_signals": (
        "page built for shares and clicks ({value:.0f} boilerplate lines)",
        "no share/follow/promo boilerplate",
    ),
}


def feature_label(name: str) -> str:
    """A readable label for a ``family__feature`` name."""
    feature = name.split("__", 1)[-1]
    words = (
        feature.replace("_per_100", " per 100 words")
        .replace("_per_1000_words", " per 1,000 words")
        .replace("_", " ")
    )
    return words[:1].upper() + words[1:]


def _phrase(name: str, value: float, above: bool, n_sentences: int | None) -> str:
    template = _PHRASES.get(name, (None, None))[0 if above else 1]
    if template is None or ("{k}" in template and not n_sentences) or not math.isfinite(value):
        level = "high" if above else "low"
        shown = "n/a" if not math.isfinite(value) else f"{value:.3g}"
        return f"{feature_label(name)} is {level} ({shown})"
    k = round(value * n_sentences) if n_sentences else 0
    return template.format(value=value, pct=f"{value:.0%}", k=k, n=n_sentences)


def top_reasons(
    pulls: dict[str, float],
    values: dict[str, float],
    *,
    zscores: dict[str, float] | None = None,
    n_sentences: int | None = None,
    limit: int = 5,
    min_pull: float = 0.05,
) -> list[Reason]:
    """The ``limit`` features with the largest absolute pull, as plain-word reasons.

    Whether a value is above or below average is read from ``zscores`` when given, else from the
    sign of the pull relative to the feature's weight (unknown: from the pull alone).
    """
    ranked = sorted(pulls.items(), key=lambda kv: -abs(kv[1]))
    out = []
    for name, pull in ranked:
        if abs(pull) < min_pull or len(out) >= limit:
            break
        z = (zscores or {}).get(name)
        above = z > 0 if z is not None else pull > 0
        text = _phrase(name, values.get(name, math.nan), above, n_sentences)
        out.append(Reason(text, name, name.split("__", 1)[0], float(pull)))
    return out
