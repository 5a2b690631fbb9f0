"""CSV and TSV tables of articles, read one record at a time.

Physical lines are grouped into records by quote parity before parsing, so a record that is
too long (a huge article, or a quote never closed) is skipped without being held in memory,
and a record with broken quoting is reported on its own while the next records are still read.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from .errors import InputError
from .readers_table import ColumnMap, Item, check_binary, decoded_lines, row_article
from .readers_text import BYTES_PER_CHAR, RowError

__all__ = ["read_csv"]


def _records(lines: Iterator[str | None], limit: int) -> Iterator[tuple[int, int, str | None]]:
    """``(first line, last line, record text)``; the text is None when over ``limit``."""
    parts: list[str] = []
    size, line, start, odd, ended = 0, 1, 1, False, True
    for piece in lines:
        if piece is None:  # only when long lines are skipped, which CSV does not ask for
            continue
        ended = piece.endswith("\n")
        if size == 0:
            start = line
        odd ^= piece.count('"') % 2 == 1
        size += len(piece)
        if size <= limit:
            parts.append(piece)
        elif parts:
            parts.clear()
        if ended:
            line += 1
            if not odd:
                yield start, line - 1, "".join(parts) if size <= limit else None
                parts, size = [], 0
    if size:
        last = line - 1 if ended else line
        yield start, last, "".join(parts) if size <= limit else None


def _parse(text: str, delimiter: str) -> list[str]:
    return next(csv.reader((text,), delimiter=delimiter, strict=True), [])


def read_csv(
    fh: BinaryIO, *, name: str, stem: str, columns: ColumnMap, max_chars: int,
    delimiter: str = ",",
) -> Iterator[Item]:
    """Stream a CSV (or TSV) with a header row; broken rows become RowErrors.

    Parameters
    ----------
    fh : binary file
        The table, UTF-8 (BOM allowed) with a cp1252 fallback per line, or UTF-16 with a BOM.
    name, stem : str
        The file name for messages, and its stem for ids of rows without one.
    columns : ColumnMap
        Where the fields are.
    max_chars : int
        Longest record accepted, in characters.
    delimiter : str
        ``","`` for CSV, ``"\\t"`` for TSV.
    """
    head = check_binary(fh, name)
    # The csv module refuses fields over a process-wide ceiling (128 KB by default). Records
    # are capped at ``max_chars`` before parsing, so raise it to that, never lowering it.
    csv.field_size_limit(max(csv.field_size_limit(), max_chars + 1))
    limit = max_chars + 10_000  # room for the other fields of a row
    records = _records(decoded_lines(fh, head, max_chars * BYTES_PER_CHAR), limit)
    header: list[str] = []
    for _, _, text in records:
        if text is None:
            raise InputError(f"cannot read {name!r}: the header row is over {limit:,} characters "
                             "or opens a quote it never closes — fix the first line")
        try:
            header = [h.strip() for h in _parse(text, delimiter)]
        except csv.Error as exc:
            raise InputError(f"cannot read {name!r}: the header row is broken ({exc}) — fix "
                             "its quoting") from None
        if header:
            break
    if not header:
        raise InputError(f"cannot read {name!r}: the file is empty — pass a table with a "
                         "header row and one article per row")
    columns.check(header, name)
    row = 0
    for first, last, text in records:
        if text is not None and not text.strip():
            continue
        row += 1
        where = f"line {first}" if first == last else f"lines {first}-{last}"
        if text is None:
            problem = ("over the size limit" if first == last else
                       "over the size limit, or a quote opened here is never closed")
            yield RowError(id=f"{stem}:{row}", row=row, message=(
                f"{where}: {problem} — split long texts, check the quoting, or pass a larger "
                "--max-chars"))
            continue
        try:
            fields = _parse(text, delimiter)
        except csv.Error as exc:
            problem = ("a quote opened here is never closed" if "end of data" in str(exc)
                       else f"broken quoting ({exc})")
            yield RowError(id=f"{stem}:{row}", row=row, message=(
                f"{where}: {problem} — double each quote inside a quoted field"))
            continue
        if len(fields) != len(header):
            yield RowError(id=f"{stem}:{row}", row=row, message=(
                f"{where}: {len(fields)} fields where the header has {len(header)} — quote "
                f"fields that contain {delimiter!r}"))
            continue
        yield row_article(dict(zip(header, fields, strict=True)), row=row, stem=stem,
                          columns=columns, max_chars=max_chars)
