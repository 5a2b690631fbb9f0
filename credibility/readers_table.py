"""Tables of articles: column mapping, JSON Lines (or a JSON array) and Parquet, streamed.

Rows are read one at a time (CSV, JSONL) or ``chunk_size`` at a time (Parquet), so memory stays
flat however many rows a file holds. A row that cannot be read becomes a
:class:`~credibility.readers_text.RowError` and the following rows are still read.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from .article import Article
from .errors import InputError
from .readers_text import RowError, binary_kind
from .readers_web import registrable_domain
from .text import normalize_text

__all__ = [
    "ColumnMap",
    "Item",
    "row_article",
    "check_binary",
    "decoded_lines",
    "read_jsonl",
    "read_json",
    "read_parquet",
]

Item = Article | RowError
JSON_DOCUMENT_MAX_BYTES = 100_000_000
_EXTRA_COLUMNS = ("url", "author", "published", "date")


@dataclass(frozen=True, kw_only=True, slots=True)
class ColumnMap:
    """Which table columns hold an article's fields (``url``, ``author``, ``published`` or
    ``date`` are picked up by name when present)."""

    text: str = "text"
    title: str = "title"
    id: str = "id"
    source: str = "source"

    def check(self, columns: Sequence[str], name: str) -> None:
        """Raise InputError when the text column, or a non-default column asked for, is absent."""
        for flag, value, default in (
            ("--text-column", self.text, None),
            ("--title-column", self.title, "title"),
            ("--id-column", self.id, "id"),
            ("--source-column", self.source, "source"),
        ):
            if value not in columns and value != default:
                shown = ", ".join(str(c) for c in columns[:30]) or "(none)"
                more = f" and {len(columns) - 30} more" if len(columns) > 30 else ""
                raise InputError(
                    f"cannot read {name!r}: no column {value!r}; columns are: {shown}{more} "
                    f"— pass {flag} NAME"
                )

    def wanted(self, columns: Sequence[str]) -> list[str]:
        names = (self.text, self.title, self.id, self.source, *_EXTRA_COLUMNS)
        return [c for c in dict.fromkeys(names) if c in columns]


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _clean(value: Any) -> str | None:
    """A metadata value as a stripped string, None when missing or blank."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.date | dt.datetime):
        value = value.isoformat()
    text = " ".join(str(value).split())
    return text or None


def row_article(
    record: Mapping[str, Any], *, row: int, stem: str, columns: ColumnMap, max_chars: int
) -> Item:
    """Map one table row to an Article, or to a RowError naming what is wrong with it."""
    rid = _clean(record.get(columns.id)) or f"{stem}:{row}"
    text = record.get(columns.text)
    if not isinstance(text, str):
        what = "missing" if text is None else f"{_a(type(text).__name__)}, not a string"
        return RowError(id=rid, row=row, message=(
            f"the {columns.text!r} value is {what} — give every row its article text"))
    if len(text) > max_chars:
        return RowError(id=rid, row=row, message=(
            f"the text is {len(text):,} characters, over the {max_chars:,}-character "
            "limit — split it or pass a larger --max-chars"))
    text = normalize_text(text).strip()
    if not text:
        return RowError(id=rid, row=row, message=(
            f"the {columns.text!r} value is empty — fill it in or drop the row"))
    url = _clean(record.get("url"))
    title = _clean(record.get(columns.title))
    return Article(
        text=text,
        title=normalize_text(title) if title else None,
        url=url,
        source=_clean(record.get(columns.source)) or registrable_domain(url),
        author=_clean(record.get("author")),
        published=_clean(record.get("published")) or _clean(record.get("date")),
        id=rid,
    )


def check_binary(fh: BinaryIO, name: str) -> bytes:
    head = fh.read(8192)
    fh.seek(0)
    kind = binary_kind(head)
    if kind:
        raise InputError(f"cannot read {name!r}: it is {kind}, not a text table — pass a CSV, "
                         "TSV, JSON Lines or Parquet file")
    return head


def _decode_line(raw: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def decoded_lines(
    fh: BinaryIO, head: bytes, limit: int, *, skip_long: bool = False
) -> Iterator[str | None]:
    """Decoded lines (UTF-8 per line with a cp1252 fallback; UTF-16 with a BOM), each capped at
    ``limit``; with ``skip_long`` a longer line is skipped and yields None instead."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        stream: Any = io.TextIOWrapper(fh, encoding="utf-16", newline="")
        newline: Any = "\n"
    else:
        stream, newline = fh, b"\n"
        if head.startswith(b"\xef\xbb\xbf"):
            fh.read(3)
    while piece := stream.readline(limit):
        if skip_long and len(piece) >= limit and not piece.endswith(newline):
            while (rest := stream.readline(limit)) and not rest.endswith(newline):
                pass
            yield None
            continue
        yield piece if isinstance(piece, str) else _decode_line(piece)


def _records(values: Iterator[tuple[int, Any, str | None]], *, name: str, stem: str,
             columns: ColumnMap, max_chars: int, unit: str) -> Iterator[Item]:
    """Rows from ``(position, parsed value, problem)`` triples of a JSON input."""
    row = 0
    checked = False
    for position, record, problem in values:
        row += 1
        where = f"{unit} {position}"
        if problem is None and not isinstance(record, dict):
            kind = {"list": "an array", "str": "a string"}.get(type(record).__name__, "a value")
            problem = f"{kind}, not a JSON object — give one object per row"
        if problem is not None:
            yield RowError(id=f"{stem}:{row}", row=row, message=f"{where}: {problem}")
            continue
        if not checked:
            columns.check(list(record), name)
            checked = True
        yield row_article(record, row=row, stem=stem, columns=columns, max_chars=max_chars)


def _parse_lines(
    lines: Iterator[str | None], max_chars: int
) -> Iterator[tuple[int, Any, str | None]]:
    for number, line in enumerate(lines, 1):
        if line is None:
            yield number, None, (f"over the {max_chars:,}-character limit — split it or pass a "
                                 "larger --max-chars")
        elif line.strip():
            try:
                yield number, json.loads(line), None
            except json.JSONDecodeError as exc:
                yield number, None, (f"not valid JSON ({exc.msg.removesuffix(' at').lower()} at "
                                     f"column {exc.colno}) — write one JSON object per line")


def read_jsonl(fh: BinaryIO, *, name: str, stem: str, columns: ColumnMap,
               max_chars: int) -> Iterator[Item]:
    """Stream JSON Lines, one object per line; bad lines become RowErrors."""
    head = check_binary(fh, name)
    limit = max_chars * 6 + 4096  # a \uXXXX escape takes 6 characters
    lines = decoded_lines(fh, head, limit, skip_long=True)
    yield from _records(_parse_lines(lines, max_chars), name=name, stem=stem, columns=columns,
                        max_chars=max_chars, unit="line")


def read_json(fh: BinaryIO, *, name: str, stem: str, columns: ColumnMap, max_chars: int,
              size: int) -> Iterator[Item]:
    """A ``.json`` file: JSON Lines, or one JSON array / object (loaded whole, size-capped)."""
    head = check_binary(fh, name).removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        try:
            is_lines = isinstance(json.loads(head.split(b"\n", 1)[0]), dict)
        except ValueError:
            is_lines = False
    else:
        is_lines = not head.startswith(b"[")
    if is_lines:
        yield from read_jsonl(fh, name=name, stem=stem, columns=columns, max_chars=max_chars)
        return
    if size > JSON_DOCUMENT_MAX_BYTES:
        raise InputError(f"cannot read {name!r}: a {size / 1e6:.0f} MB JSON document is too "
                         "large to load — convert it to JSON Lines (one object per line)")
    try:
        document = json.loads(_decode_line(fh.read()).lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise InputError(f"cannot read {name!r}: not valid JSON ({exc.msg} at line {exc.lineno}) "
                         "— fix it or write JSON Lines (one object per line)") from None
    items = document if isinstance(document, list) else [document]
    values = ((i, item, None) for i, item in enumerate(items, 1))
    yield from _records(values, name=name, stem=stem, columns=columns, max_chars=max_chars,
                        unit="item")


def read_parquet(source: Any, *, name: str, stem: str, columns: ColumnMap, max_chars: int,
                 chunk_size: int) -> Iterator[Item]:
    """Stream a Parquet file ``chunk_size`` rows at a time, reading only the columns used."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        # pre_buffer=False: with pyarrow's default the buffers of every row group read stay
        # allocated until the file is closed, so memory grew with the file (26.0.1).
        parquet = pq.ParquetFile(source, pre_buffer=False)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"cannot read {name!r}: not a readable Parquet file ({exc}) — check "
                         "that it is Parquet, or rename it to its real format") from None
    names = parquet.schema_arrow.names
    columns.check(names, name)
    kind = parquet.schema_arrow.field(columns.text).type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)
            or pa.types.is_dictionary(kind) or pa.types.is_null(kind)
            or getattr(pa.types, "is_string_view", lambda _: False)(kind)):
        raise InputError(f"cannot read {name!r}: column {columns.text!r} holds {kind}, not "
                         "text — pass --text-column NAME for the column with the article text")
    row = 0
    for batch in parquet.iter_batches(batch_size=chunk_size, columns=columns.wanted(names)):
        for record in batch.to_pylist():
            row += 1
            yield row_article(record, row=row, stem=stem, columns=columns, max_chars=max_chars)
