"""Specificity: concrete details found by form, never by value."""

from __future__ import annotations

import math

import pytest

from credibility.document import parse_document
from credibility.features.specificity import Specificity, find_specifics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board met Tuesday.", [("Tuesday", "weekday")]),
        ("It opened on Sept. 18, 2016, downtown.", [("Sept. 18, 2016", "date")]),
        ("It closed 4 March 2019.", [("4 March 2019", "date")]),
        ("Sales began in March 2015.", [("March 2015", "date")]),
        ("The filing is dated 9/18/2016.", [("9/18/2016", "date")]),
        ("Doors open at 10:30 a.m. sharp.", [("10:30 a.m.", "time")]),
        ("Turnout rose 4.2 percent.", [("4.2 percent", "percent")]),
        ("Turnout rose 12%.", [("12%", "percent")]),
        ("The bond costs $48 million.", [("$48 million", "money")]),
        ("About 12,000 people attended.", [("12,000", "number")]),
        ("Some people say things may happen.", []),
        ("She said it in May.", []),  # a month alone is not a date
    ],
)
def test_golden_specifics(text, expected):
    found = [(r["text"], r["kind"]) for r in find_specifics(text)]
    assert found == expected


def test_rates_per_100_words():
    doc = parse_document(
        "The council voted 6-1 on Monday to borrow $40 million, a rise of 8 percent over the "
        "plan approved in June 2021, the clerk said."
    )
    values = Specificity().extract(doc).values
    assert values["weekday_per_100"] > 0 and values["money_per_100"] > 0
    assert values["percent_per_100"] > 0 and values["date_per_100"] > 0
    total = sum(values[f"{k}_per_100"] for k in ("weekday", "date", "time", "percent", "money",
                                                  "number"))
    assert math.isclose(total, values["specific_per_100"])


def test_vague_opinion_has_no_specifics():
    doc = parse_document("Everyone knows the whole thing is a scam. They lie and lie again.")
    assert Specificity().extract(doc).values["specific_per_100"] == 0.0


def test_empty_text_is_nan():
    assert math.isnan(Specificity().extract(parse_document("")).values["specific_per_100"])
