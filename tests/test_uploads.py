"""Uploaded tables: the size limit, the preview of each format, the column guesses."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from credibility.errors import InputError
from credibility.uploads import (
    MAX_UPLOAD_BYTES,
    check_upload_size,
    guess_column,
    preview_table,
    text_columns,
)

BODY = ("The harbour authority said on Friday that the north pier would reopen in May after "
        "repairs to its pilings, which were damaged in the January storm.")
ROWS = [
    {"id": "h1", "headline": "North pier to reopen in May", "body": BODY, "outlet": "a.example"},
    {"id": "h2", "headline": "Ferry fares frozen", "body": BODY.replace("pier", "ferry"),
     "outlet": "b.example"},
]


def encoded(fmt: str) -> bytes:
    frame = pd.DataFrame(ROWS)
    if fmt == "csv":
        return frame.to_csv(index=False).encode()
    if fmt == "tsv":
        return frame.to_csv(index=False, sep="\t").encode()
    if fmt in ("jsonl", "ndjson"):
        return "\n".join(json.dumps(r) for r in ROWS).encode() + b"\n\n"
    if fmt == "json":
        return json.dumps(ROWS).encode()
    buf = io.BytesIO()
    frame.to_parquet(buf, index=False)
    return buf.getvalue()


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "ndjson", "json", "parquet"])
def test_preview_reads_every_table_format(fmt: str) -> None:
    frame = preview_table(encoded(fmt), f"articles.{fmt}")
    assert list(frame.columns) == ["id", "headline", "body", "outlet"]
    assert frame["headline"].tolist() == ["North pier to reopen in May", "Ferry fares frozen"]


def test_preview_stops_after_the_rows_asked_for() -> None:
    many = pd.DataFrame(ROWS * 50).to_csv(index=False).encode()
    assert len(preview_table(many, "many.csv", rows=7)) == 7


@pytest.mark.parametrize(
    ("data", "name", "fragment"),
    [
        (b"PAR1 not really parquet", "broken.parquet", "cannot read broken.parquet"),
        (b'{"text": "a"}\n[1, 2]\n', "mixed.jsonl", "every line must be a JSON object"),
        (b'{"text": "unterminated', "bad.jsonl", "cannot read bad.jsonl"),
        (b'{"text": "one article"}', "object.json", "must hold an array of objects"),
        (b"", "empty.csv", "cannot read empty.csv"),
        (b"text,title\n", "header_only.csv", "holds no rows"),
        (b"hello", "notes.docx", "is not a table"),
    ],
)
def test_unreadable_uploads_give_one_clear_message(data: bytes, name: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment.replace(".", r"\.")):
        preview_table(data, name)


def test_text_columns_pick_long_text_longest_first() -> None:
    frame = preview_table(encoded("csv"), "a.csv")
    assert text_columns(frame) == ["body"]
    assert text_columns(frame, min_chars=10) == ["body", "headline"]
    numbers = pd.DataFrame({"n": [1, 2, 3], "code": ["x", "y", "z"]})
    assert text_columns(numbers) == []


@pytest.mark.parametrize(
    ("columns", "field", "expected"),
    [
        (["Body", "Headline", "ID", "Outlet"], "text", "Body"),
        (["Body", "Headline", "ID", "Outlet"], "title", "Headline"),
        (["Body", "Headline", "ID", "Outlet"], "id", "ID"),
        (["Body", "Headline", "ID", "Outlet"], "source", "Outlet"),
        (["text", "credible", "domain"], "label", "credible"),
        (["text", "credible", "domain"], "group", "domain"),
        (["content", "heading"], "label", None),
    ],
)
def test_guess_column(columns: list[str], field: str, expected: str | None) -> None:
    assert guess_column(columns, field) == expected


def test_size_limit_is_checked_with_a_message_naming_the_fix() -> None:
    check_upload_size(MAX_UPLOAD_BYTES, "ok.csv")
    with pytest.raises(InputError, match=r"big\.csv is 60 MB, over the 50 MB upload limit"):
        check_upload_size(60 * 1024 * 1024, "big.csv")
    with pytest.raises(InputError, match="2,000 bytes, over the 1,000 bytes"):
        check_upload_size(2000, "small.csv", limit=1000)
