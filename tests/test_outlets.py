"""Outlet profiles on a small hand-made scored file, each figure worked out by hand."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pandas as pd
import pytest

from credibility import outputs
from credibility.cli import main
from credibility.outlets import UNKNOWN_SOURCE, outlet_profiles, profile_file, write_profiles

COLUMNS = ["id", "source", "title", "score", "band", "probability", "pull_sourcing",
           "pull_headline", "reasons", "named_quote_share", "n_quotes", "speakers", "error"]


def _row(id_: str, source: str, score: int | None, band: str, pulls: tuple[float, float],
         n_quotes: int, share: float, speakers: list, error: str = "") -> dict:
    return {"id": id_, "source": source, "title": f"Story {id_}", "score": score, "band": band,
            "probability": None if score is None else score / 100, "pull_sourcing": pulls[0],
            "pull_headline": pulls[1], "reasons": "", "named_quote_share": share,
            "n_quotes": n_quotes, "speakers": json.dumps(speakers), "error": error}


ROWS = [
    _row("n1", "north.example", 30, "low", (-0.5, 0.2), 4, 0.75,
         [["Ana Ruiz", 2], ["Tom Okafor", 1]]),
    _row("s1", "south.example", 50, "mixed", (0.1, 0.0), 0, math.nan, []),
    _row("n2", "north.example", 70, "high", (0.3, -0.1), 2, 0.5, [["Ana Ruiz", 1]]),
    _row("n3", "north.example", None, "", (math.nan, math.nan), 0, math.nan, [],
         error="the 'text' value is empty"),
    _row("s2", "south.example", 20, "low", (-0.2, 0.4), 5, 0.4, [["Lila Brandt", 2]]),
    _row("s3", "south.example", 95, "high", (0.4, 0.5), 0, math.nan, []),
    _row("u1", "", 90, "high", (0.0, 0.0), 1, 0.0, []),
]


def _frame(rows: list[dict]) -> pd.DataFrame:
    table = outputs.rows_table(rows, outputs.row_schema(COLUMNS))
    return outputs.to_frame(table)


@pytest.fixture(scope="module")
def profiles() -> pd.DataFrame:
    return outlet_profiles([_frame(ROWS[:3]), _frame(ROWS[3:])]).set_index("source")


def test_outlets_are_ordered_by_articles(profiles: pd.DataFrame) -> None:
    assert list(profiles.index) == ["south.example", "north.example", UNKNOWN_SOURCE]


@pytest.mark.parametrize(
    ("source", "column", "expected"),
    [
        ("north.example", "n_articles", 2),
        ("north.example", "n_errors", 1),
        ("north.example", "mean_score", 50.0),  # (30 + 70) / 2; the bad row is left out
        ("north.example", "median_score", 50.0),
        ("north.example", "low_share", 0.5),
        ("north.example", "mean_pull_sourcing", -0.1),  # (-0.5 + 0.3) / 2
        ("north.example", "mean_pull_headline", 0.05),
        ("north.example", "n_quotes", 6),
        ("north.example", "named_quote_share", 4 / 6),  # 3 of 4 quotes + 1 of 2
        ("south.example", "n_articles", 3),
        ("south.example", "n_errors", 0),
        ("south.example", "mean_score", 55.0),  # (50 + 20 + 95) / 3
        ("south.example", "median_score", 50.0),
        ("south.example", "low_share", 1 / 3),
        ("south.example", "mean_pull_sourcing", 0.1),  # (0.1 - 0.2 + 0.4) / 3
        ("south.example", "mean_pull_headline", 0.3),  # (0 + 0.4 + 0.5) / 3
        ("south.example", "n_quotes", 5),
        ("south.example", "named_quote_share", 0.4),  # 2 of 5
        (UNKNOWN_SOURCE, "mean_score", 90.0),
        (UNKNOWN_SOURCE, "low_share", 0.0),
        (UNKNOWN_SOURCE, "named_quote_share", 0.0),
    ],
)
def test_profile_figures(profiles: pd.DataFrame, source: str, column: str,
                         expected: float) -> None:
    assert profiles.loc[source, column] == pytest.approx(expected)


def test_most_quoted_speakers(profiles: pd.DataFrame) -> None:
    assert profiles.loc["north.example", "top_speakers"] == [["Ana Ruiz", 3], ["Tom Okafor", 1]]
    assert profiles.loc["south.example", "top_speakers"] == [["Lila Brandt", 2]]
    assert profiles.loc[UNKNOWN_SOURCE, "top_speakers"] == []
    top1 = outlet_profiles([_frame(ROWS)], top_speakers=1).set_index("source")
    assert top1.loc["north.example", "top_speakers"] == [["Ana Ruiz", 3]]


def test_an_outlet_with_only_bad_rows() -> None:
    bad = _row("b1", "west.example", None, "", (math.nan, math.nan), 0, math.nan, [], "broken")
    row = outlet_profiles([_frame([bad])]).iloc[0]
    assert (row["n_articles"], row["n_errors"]) == (0, 1)
    assert math.isnan(row["mean_score"]) and math.isnan(row["named_quote_share"])


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_profiles_from_every_scored_format(fmt: str, profiles: pd.DataFrame,
                                           tmp_path: Path) -> None:
    frame = _frame(ROWS).assign(**{c: lambda f, c=c: f[c].fillna("")
                                   for c in ("band", "error")})
    path = tmp_path / f"scores.{fmt}"
    if fmt == "csv":
        frame.to_csv(path, index=False, na_rep="")
    elif fmt == "jsonl":
        frame.to_json(path, orient="records", lines=True)
    else:
        frame.to_parquet(path, index=False)
    pd.testing.assert_frame_equal(profile_file(path).set_index("source"), profiles)


def test_write_profiles_csv_and_json(profiles: pd.DataFrame, tmp_path: Path) -> None:
    table = profiles.reset_index()
    write_profiles(table, tmp_path / "outlets.csv")
    csv = pd.read_csv(tmp_path / "outlets.csv").set_index("source")
    assert csv.loc["north.example", "top_speakers"] == "Ana Ruiz (3); Tom Okafor (1)"
    write_profiles(table, tmp_path / "outlets.json")
    records = json.loads((tmp_path / "outlets.json").read_text(encoding="utf-8"))
    assert records[1]["source"] == "north.example"
    assert records[1]["top_speakers"] == [["Ana Ruiz", 3], ["Tom Okafor", 1]]
    with pytest.raises(Exception, match="name the file .csv or .json"):
        write_profiles(table, tmp_path / "outlets.xlsx")


def test_sources_command(tmp_path: Path) -> None:
    path = tmp_path / "scores.csv"
    _frame(ROWS).to_csv(path, index=False, na_rep="")
    out = io.StringIO()
    assert main(["sources", str(path)], stdout=out, stderr=io.StringIO()) == 0
    printed = pd.read_csv(io.StringIO(out.getvalue()))
    assert list(printed["source"]) == ["south.example", "north.example", UNKNOWN_SOURCE]
    assert main(["sources", str(path), "--out", str(tmp_path / "o.json")],
                stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))[0]["n_articles"] == 3
    err = io.StringIO()
    assert main(["sources", str(tmp_path / "missing.csv")], stderr=err) == 2
    assert "no such file" in err.getvalue()
