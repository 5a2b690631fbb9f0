"""Plain-word reasons for a score: the features that pulled it most, said as a reader would."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from .pipeline import EXPECTED_SIGNS

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
    "specificity__weekday_per_100": (
        "dates events by day of the week ({value:.1f} per 100 words)",
        "no day-of-the-week dating of events",
    ),
    "specificity__specific_per_100": (
        "many concrete details: dates, numbers, sums ({value:.1f} per 100 words)",
        "few concrete details such as dates, numbers or sums ({value:.1f} per 100 words)",
    ),
    "specificity__date_per_100": (
        "dated events ({value:.1f} dates per 100 words)",
        "few dates ({value:.1f} per 100 words)",
    ),
    "headline__title_words": (
        "a long headline ({value:.0f} words)",
        "a short, plain headline ({value:.0f} words)",
    ),
    "headline__caps_word_share": (
        "shouted capitals in the headline ({pct} of its words)",
        "no shouted capitals in the headline",
    ),
    "headline__n_caps_words": (
        "{value:.0f} shouted words in the headline",
        "no shouted words in the headline",
    ),
    "headline__has_breaking": ("a BREAKING / JUST IN headline", "no BREAKING label"),
    "headline__has_media_tag": ("a VIDEO:/WATCH: headline tag", "no VIDEO:/WATCH: tag"),
    "loaded_language__caps_word_share": (
        "shouted capitals in the text ({pct} of words)",
        "no shouted capitals in the text",
    ),
    "loaded_language__exclamation_per_100": (
        "exclamation marks in the text ({value:.1f} per 100 words)",
        "no exclamation marks in the text",
    ),
    "loaded_language__distinct_loaded_per_100": (
        "a wide range of loaded terms ({value:.1f} different ones per 100 words)",
        "a narrow range of loaded terms ({value:.1f} per 100 words)",
    ),
    "sourcing__n_quotes": ("{value:.0f} direct quotes", "only {value:.0f} direct quotes"),
    "sourcing__n_attributions": (
        "{value:.0f} attributed statements", "only {value:.0f} attributed statements",
    ),
    "sentiment__most_negative": (
        "no strongly negative sentence (lowest {value:.2f})",
        "a strongly negative sentence (sentiment {value:.2f})",
    ),
    "sentiment__most_positive": (
        "a strongly positive sentence (sentiment {value:.2f})",
        "no strongly positive sentence (highest {value:.2f})",
    ),
    "sentiment__mean_compound": (
        "a positive tone overall ({value:+.2f})",
        "a negative tone overall ({value:+.2f})",
    ),
    "readability__flesch_reading_ease": (
        "easy to read (Flesch reading ease {value:.0f})",
        "hard to read (Flesch reading ease {value:.0f})",
    ),
    "readability__difficult_word_share": (
        "many difficult words ({pct})",
        "few difficult words ({pct})",
    ),
    "page_context__n_signals": (
        "page built for shares and clicks ({value:.0f} boilerplate lines)",
        "no share/follow/promo boilerplate",
    ),
}


# What a feature counts, in words, for the generic phrasing ("more X than usual (value)").
_LABELS: dict[str, str] = {
    "loaded_language__intensifier_per_100": "intensifiers per 100 words",
    "loaded_language__superlative_per_100": "superlatives per 100 words",
    "loaded_language__absolutist_per_100": "absolutist words per 100 words",
    "loaded_language__sensational_saying_per_100": "sensational verbs of saying per 100 words",
    "loaded_language__weasel_per_100": "vague attributions ('some say') per 100 words",
    "loaded_language__max_sentence_loaded": "loaded wording in the most loaded sentence",
    "loaded_language__mean_sentence_loaded": "loaded wording per sentence",
    "sourcing__distinct_sources": "distinct sources",
    "sourcing__unattributed_quote_share": "share of quotes without a speaker",
    "sourcing__scare_quote_rate": "scare quotes",
    "specificity__time_per_100": "clock times per 100 words",
    "specificity__percent_per_100": "percentages per 100 words",
    "specificity__money_per_100": "sums of money per 100 words",
    "specificity__number_per_100": "numbers per 100 words",
    "readability__gunning_fog": "Gunning fog grade",
    "readability__smog_index": "SMOG grade",
    "readability__coleman_liau_index": "Coleman-Liau grade",
    "readability__dale_chall": "Dale-Chall score",
    "readability__syllables_per_word": "syllables per word",
    "sentiment__compound_std": "swings of sentiment between sentences",
    "sentiment__negative_share": "share of negative sentences",
    "sentiment__headline_compound": "sentiment of the headline",
    "headline__n_question": "question marks in the headline",
    "headline__n_exclamation": "exclamation marks in the headline",
    "headline__has_exclusive": "an EXCLUSIVE label in the headline",
    "headline__starts_with_number": "a listicle number opening the headline",
    "headline__second_person": "'you' addressed in the headline",
    "headline__n_clickbait_phrases": "clickbait phrases in the headline",
    "headline__forward_reference": "a 'This'/'These' teaser opening the headline",
}


def feature_label(name: str) -> str:
    """A readable label for a ``family__feature`` name, capitalised for tables."""
    label = _LABELS.get(name) or (
        name.split("__", 1)[-1]
        .replace("_per_100", " per 100 words")
        .replace("_per_1000_words", " per 1,000 words")
        .replace("_", " ")
    )
    return label[:1].upper() + label[1:]


def _in_sentence(label: str) -> str:
    """A table label inside a sentence: first letter lowered unless it starts an acronym."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def _phrase(name: str, value: float, above: bool, n_sentences: int | None) -> str:
    template = _PHRASES.get(name, (None, None))[0 if above else 1]
    if template is None or ("{k}" in template and not n_sentences) or not math.isfinite(value):
        level = "more" if above else "fewer"
        shown = "not measurable" if not math.isfinite(value) else f"{value:.3g}"
        return f"{level} {_in_sentence(feature_label(name))} than usual ({shown})"
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
    sign of the pull and the feature's expected direction (unknown: from the pull alone).
    """
    ranked = sorted(pulls.items(), key=lambda kv: -abs(kv[1]))
    out = []
    for name, pull in ranked:
        if abs(pull) < min_pull or len(out) >= limit:
            break
        z = (zscores or {}).get(name)
        above = z > 0 if z is not None else (pull > 0) == (EXPECTED_SIGNS.get(name, 1) >= 0)
        text = _phrase(name, values.get(name, math.nan), above, n_sentences)
        out.append(Reason(text, name, name.split("__", 1)[0], float(pull)))
    return out
