"""The English check that lets the dashboard warn before scoring a text in another language."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credibility.language import THRESHOLD, check_english, english_share, function_words

SNIPPETS = {
    "english_news": (
        "The county board voted on Tuesday to close two of its rural clinics, saying that the "
        "cost of keeping them open had doubled since the last budget was passed in the spring.",
        True,
    ),
    "english_opinion": (
        "If you think this is about money, you have not been paying attention. It is about who "
        "gets to decide what happens in our towns, and they would rather we did not ask.",
        True,
    ),
    "french": (
        "Le conseil du comté a voté mardi la fermeture de deux de ses cliniques rurales, en "
        "expliquant que le coût de leur fonctionnement avait doublé depuis le dernier budget.",
        False,
    ),
    "german": (
        "Der Kreisrat hat am Dienstag beschlossen, zwei seiner ländlichen Kliniken zu schließen, "
        "weil sich die Kosten für ihren Betrieb seit dem letzten Haushalt verdoppelt haben.",
        False,
    ),
    "spanish": (
        "La junta del condado votó el martes el cierre de dos de sus clínicas rurales, alegando "
        "que el costo de mantenerlas abiertas se había duplicado desde el último presupuesto.",
        False,
    ),
    "too_short": ("Bonjour tout le monde.", None),
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_golden_verdicts(name: str) -> None:
    text, expected = SNIPPETS[name]
    assert check_english(text).english is expected


def test_english_prose_is_far_above_the_threshold_and_other_languages_far_below() -> None:
    assert english_share(SNIPPETS["english_news"][0]) > 2 * THRESHOLD
    for name in ("french", "german", "spanish"):
        assert english_share(SNIPPETS[name][0]) < THRESHOLD / 2


def test_message_only_for_non_english() -> None:
    assert check_english(SNIPPETS["english_news"][0]).message is None
    assert check_english(SNIPPETS["too_short"][0]).message is None
    message = check_english(SNIPPETS["german"][0]).message
    assert message is not None and "does not look like English" in message


def test_empty_text_is_undefined_not_zero() -> None:
    assert math.isnan(english_share(""))
    check = check_english("")
    assert check.english is None and check.n_words == 0


def test_lexicon_is_lowercase_and_has_no_comments() -> None:
    words = function_words()
    assert {"the", "of", "and", "to"} <= words
    assert all(w == w.lower() and not w.startswith("#") and " " not in w for w in words)


@given(st.text(max_size=300))
def test_share_is_a_proportion_or_nan(text: str) -> None:
    share = english_share(text)
    assert math.isnan(share) or 0.0 <= share <= 1.0
