"""`credibility analyze` end to end through main([...]), on an article written in the patterns of
a scraped web news page: clickbait headline, named quotes with roles, a partial quote, nicknames
and designations in quote marks, attributions, loaded wording and page boilerplate."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from credibility.cli import main

PAGE = (Path(__file__).parent / "fixtures" / "border_page.txt").read_text(encoding="utf-8")


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    path = tmp_path / "border.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture()
def record(page: Path) -> dict:
    code, out, err = run(["analyze", str(page), "--format", "json"])
    assert code == 0, err
    return json.loads(out)


def test_record_has_every_promised_field(record):
    assert {"id", "title", "source", "text", "features", "quotes", "non_speech_quotes",
            "attributions", "sources", "loaded_terms", "page_signals", "headline_signals",
            "sentences"} <= set(record)
    assert record["title"].startswith("VIDEO: Governor Secures Return")
    assert set(record["features"]) >= {"loaded_language", "sourcing", "readability",
                                       "sentiment", "headline", "page_context"}


def test_named_quotes_with_roles(record):
    by_speaker: dict[str, list[dict]] = {}
    for q in record["quotes"]:
        by_speaker.setdefault(q["speaker"], []).append(q)
    assert len(by_speaker["Carla Nunez"]) == 2
    assert by_speaker["Carla Nunez"][0]["role"] == "former deputy director of the customs agency"
    assert by_speaker["Peter Lindqvist"][0]["role"] == "acting chief of the border unit"
    partial = by_speaker["Marta Olsen"]
    assert [q["text"] for q in partial] == ["important signal"]
    assert partial[0]["role"] == "Regional security analyst"
    assert all(q["kind"] == "named" for qs in by_speaker.values() for q in qs)


def test_nicknames_and_designations_are_not_speech(record):
    non_speech = {q["text"].strip(",") for q in record["non_speech_quotes"]}
    assert {"El Gato", "Danny", "transnational criminal organizations"} <= non_speech
    speech = {q["text"] for q in record["quotes"]}
    assert not speech & non_speech


def test_attributions_found(record):
    verbs = {(a["speaker"], a["verb"]) for a in record["attributions"]}
    assert any("prosecutors" in (s or "") and v == "according to" for s, v in verbs)
    assert any(s == "Alan Brooks" and v == "pledged" for s, v in verbs)


def test_offsets_index_the_cleaned_text(record):
    text = record["text"]
    for key in ("quotes", "non_speech_quotes", "loaded_terms"):
        for rec in record[key]:
            assert text[rec["start"]:rec["end"]] == rec["text"], (key, rec)
    for s in record["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(text)


def test_boilerplate_is_reported_and_absent_from_text(record):
    kinds = {s["kind"] for s in record["page_signals"]}
    assert {"read_also", "follow", "share", "comment_form"} <= kinds
    for phrase in ("READ ALSO", "WhatsApp", "Share this post", "Leave a Reply",
                   "email address will not be published"):
        assert phrase not in record["text"]


def test_headline_and_loaded_terms(record):
    assert any(s["text"].startswith("VIDEO") for s in record["headline_signals"])
    loaded = {t["text"].lower() for t in record["loaded_terms"]}
    assert {"notorious", "brutal"} <= loaded


def test_jsonl_for_many_articles_and_bad_rows_reported(tmp_path: Path):
    table = tmp_path / "batch.csv"
    pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "body": [PAGE, "   ", "A short wire item. The council met Tuesday, officials said."],
        }
    ).to_csv(table, index=False)
    code, out, err = run(["analyze", str(table), "--format", "jsonl", "--text-column", "body"])
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 0
    assert [r["id"] for r in lines] == ["a", "c"]
    assert "row" in err and "(b)" in err and "Traceback" not in err


def test_table_format_for_people(page: Path):
    code, out, _ = run(["analyze", str(page), "--format", "table"])
    assert code == 0
    assert "Carla Nunez" in out and "not speech:" in out


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: _write(p / "empty.txt", b"   \n  "), "empty"),
        (lambda p: _write(p / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR"), "not text"),
    ],
)
def test_bad_input_gets_one_line(tmp_path: Path, make, expected):
    code, out, err = run(["analyze", str(make(tmp_path))])
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and expected in err.lower()


def test_missing_column_names_the_flag(tmp_path: Path):
    table = tmp_path / "t.csv"
    pd.DataFrame({"body": ["Some text here."]}).to_csv(table, index=False)
    code, _, err = run(["analyze", str(table)])
    assert code == 2 and "--text-column" in err


def test_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    code, out, _ = run(["analyze", "-", "--format", "jsonl"])
    assert code == 0 and json.loads(out)["title"].startswith("VIDEO:")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
