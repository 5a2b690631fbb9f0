"""Read news articles from wherever a user has them, as :class:`~credibility.article.Article`.

One dispatcher, :func:`read_articles`, picks the reader: a URL (fetched only because it was
passed), ``"-"`` for standard input, a directory of ``.txt``/``.html`` files, or a file by its
extension (``.csv .tsv .jsonl .ndjson .json .parquet .txt .html .htm``; anything else is read as
text, or as HTML when it looks like HTML). Tables are streamed. A bad row of a multi-article
input is yielded as a :class:`RowError` so the caller can report it and go on; anything else a
user can get wrong raises :class:`~credibility.errors.InputError` with a one-line message.
"""

from __future__ import annotations

import io
import itertools
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from .article import Article
from .errors import InputError
from .readers_csv import read_csv
from .readers_table import ColumnMap, read_json, read_jsonl, read_parquet
from .readers_text import (
    BYTES_PER_CHAR,
    DEFAULT_MAX_CHARS,
    RowError,
    check_file_size,
    decode_bytes,
    open_input,
    read_limited,
    text_article,
)
from .readers_web import fetch_url, html_article, looks_like_html, registrable_domain

__all__ = [
    "read_articles",
    "read_article",
    "read_articles_from_bytes",
    "RowError",
    "registrable_domain",
    "DEFAULT_MAX_CHARS",
    "DEFAULT_TIMEOUT",
    "DEFAULT_CHUNK_SIZE",
]

Item = Article | RowError
DEFAULT_TIMEOUT = 15.0
DEFAULT_CHUNK_SIZE = 1000
HTML_BYTES_PER_CHAR = 10  # a saved page may carry ten times its text in markup
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
DIRECTORY_SUFFIXES = frozenset({".txt", ".html", ".htm"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".json", ".parquet",
                            ".pq"})


@dataclass(frozen=True, kw_only=True, slots=True)
class _Options:
    columns: ColumnMap
    chunk_size: int
    timeout: float
    max_chars: int


def read_articles(
    source: str | os.PathLike[str],
    *,
    text_column: str = "text",
    title_column: str = "title",
    id_column: str = "id",
    source_column: str = "source",
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    timeout: float = DEFAULT_TIMEOUT,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Item]:
    """Read every article of an input, streaming tables.

    Parameters
    ----------
    source : str or path-like
        An ``http(s)://`` URL, ``"-"`` for standard input, a directory (its ``.txt``, ``.html``
        and ``.htm`` files, recursively, in sorted order, ids = relative paths) or a file.
    text_column, title_column, id_column, source_column : str
        Table columns holding those fields. ``url``, ``author`` and ``published`` (or ``date``)
        columns are picked up by name. Without an id column, ids are ``<file stem>:<row>``;
        without a source column, the source is the registrable domain of the url.
    chunk_size : int
        Rows read at a time from Parquet files.
    timeout : float
        Seconds allowed for fetching a URL.
    max_chars : int
        Longest article text accepted, in characters.

    Returns
    -------
    iterator of Article or RowError
        The first item is read at once, so a missing file, a missing column or an input with
        no article raises here rather than on first iteration.

    Raises
    ------
    InputError
        For anything a user can fix, with a one-line message naming the problem and the fix.
    """
    options = _options(text_column, title_column, id_column, source_column, chunk_size,
                       timeout, max_chars)
    text = os.fspath(source)
    name = text
    if text == "-":
        name = "<stdin>"
        items: Iterator[Item] = iter((_read_stdin(options),))
    elif text.lower().startswith(("http://", "https://")):
        items = iter((_read_url(text, options),))
    elif Path(text).is_dir():
        items = _read_directory(Path(text), name, options)
    else:
        items = _read_path(Path(text), name, options)
    return _primed(items, name)


def read_articles_from_bytes(
    data: bytes, *, filename: str, text_column: str = "text", title_column: str = "title",
    id_column: str = "id", source_column: str = "source", chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Item]:
    """Read the articles of an in-memory file (an upload), choosing the reader by ``filename``.

    Parameters and results are those of :func:`read_articles`.
    """
    options = _options(text_column, title_column, id_column, source_column, chunk_size,
                       DEFAULT_TIMEOUT, max_chars)
    items = _read_stream(io.BytesIO(data), name=filename, path=None, size=len(data),
                         options=options)
    return _primed(items, filename)


def read_article(source: str | os.PathLike[str], **options: Any) -> Article:
    """Read an input that holds exactly one article (a text or HTML file, a URL, stdin).

    Takes the keyword arguments of :func:`read_articles`.

    Raises
    ------
    InputError
        When the input cannot be read, or holds no article or more than one.
    """
    items = read_articles(source, **options)
    first = next(items)
    name = "<stdin>" if os.fspath(source) == "-" else os.fspath(source)
    if isinstance(first, RowError):
        prefix = "" if first.message.startswith("cannot read") else (
            f"cannot read {name!r}: row {first.row}: ")
        raise InputError(prefix + first.message)
    if next(items, None) is not None:
        raise InputError(f"cannot read {name!r}: it holds more than one article — read it with "
                         "read_articles (the batch command) instead")
    return first


def _options(text: str, title: str, id_: str, source: str, chunk_size: int, timeout: float,
             max_chars: int) -> _Options:
    for flag, value in (("--chunk-size", chunk_size), ("--max-chars", max_chars)):
        if not isinstance(value, int) or value < 1:
            raise InputError(f"{flag} must be a positive whole number, not {value!r}")
    if not timeout > 0:
        raise InputError(f"--timeout must be a positive number of seconds, not {timeout!r}")
    return _Options(columns=ColumnMap(text=text, title=title, id=id_, source=source),
                    chunk_size=chunk_size, timeout=float(timeout), max_chars=max_chars)


def _primed(items: Iterator[Item], name: str) -> Iterator[Item]:
    try:
        first = next(items)
    except StopIteration:
        raise InputError(f"cannot read {name!r}: it holds no articles — add one row per "
                         "article") from None
    return itertools.chain((first,), items)


def _read_path(path: Path, name: str, options: _Options) -> Iterator[Item]:
    fh = open_input(path, name)
    with fh:
        size = os.fstat(fh.fileno()).st_size
        yield from _read_stream(fh, name=name, path=path, size=size, options=options)


def _read_stream(fh: BinaryIO, *, name: str, path: Path | None, size: int,
                 options: _Options) -> Iterator[Item]:
    """Dispatch one file (on disk or in memory) on its extension."""
    suffix = Path(name).suffix.lower()
    stem = Path(name).stem
    common = dict(name=name, stem=stem, columns=options.columns, max_chars=options.max_chars)
    if suffix in (".csv", ".tsv", ".tab"):
        yield from read_csv(fh, delimiter="," if suffix == ".csv" else "\t", **common)
    elif suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl(fh, **common)
    elif suffix == ".json":
        yield from read_json(fh, size=size, **common)
    elif suffix in (".parquet", ".pq"):
        yield from read_parquet(path or fh, chunk_size=options.chunk_size, **common)
    else:
        yield _single(fh, name=name, suffix=suffix, size=size, max_chars=options.max_chars)


def _single(fh: BinaryIO, *, name: str, suffix: str, size: int, max_chars: int) -> Article:
    """One article from a text or HTML file, size-checked before it is read."""
    html = suffix in HTML_SUFFIXES
    limit = max_chars * (HTML_BYTES_PER_CHAR if html else BYTES_PER_CHAR)
    check_file_size(size, name=name, limit_bytes=limit, max_chars=max_chars)
    data = read_limited(fh, limit, name=name, max_chars=max_chars)
    article_id = Path(name).name
    if html or (suffix not in TEXT_SUFFIXES and looks_like_html(data)):
        return html_article(data, name=name, id=article_id, max_chars=max_chars)
    return text_article(decode_bytes(data, name=name), name=name, id=article_id,
                        max_chars=max_chars)


def _read_directory(root: Path, name: str, options: _Options) -> Iterator[Item]:
    files = sorted(
        (p for p in root.rglob("*") if p.suffix.lower() in DIRECTORY_SUFFIXES
         and not any(part.startswith(".") for part in p.relative_to(root).parts)
         and p.is_file()),
        key=lambda p: p.relative_to(root).as_posix(),
    )
    if not files:
        raise InputError(f"cannot read {name!r}: the directory holds no .txt, .html or .htm "
                         "files — put one article per .txt or .html file in it")
    for row, path in enumerate(files, 1):
        rel = path.relative_to(root).as_posix()
        try:
            fh = open_input(path, rel)
            with fh:
                size = os.fstat(fh.fileno()).st_size
                article = _single(fh, name=rel, suffix=path.suffix.lower(), size=size,
                                  max_chars=options.max_chars)
        except InputError as exc:
            yield RowError(id=rel, row=row, message=str(exc))
            continue
        yield replace(article, id=rel)


def _read_stdin(options: _Options) -> Article:
    name = "<stdin>"
    stream = getattr(sys.stdin, "buffer", None)
    limit = options.max_chars * HTML_BYTES_PER_CHAR
    if stream is None:
        data = sys.stdin.read(limit + 1).encode("utf-8")
    else:
        data = stream.read(limit + 1)
    check_file_size(len(data), name=name, limit_bytes=limit, max_chars=options.max_chars)
    if looks_like_html(data):
        return html_article(data, name=name, id="stdin", max_chars=options.max_chars)
    return text_article(decode_bytes(data, name=name), name=name, id="stdin",
                        max_chars=options.max_chars)


def _read_url(url: str, options: _Options) -> Article:
    data, final_url, kind, encoding = fetch_url(
        url, timeout=options.timeout, max_bytes=options.max_chars * HTML_BYTES_PER_CHAR)
    if kind in ("text/html", "application/xhtml+xml") or (
        kind != "text/plain" and looks_like_html(data)
    ):
        return html_article(data, name=url, id=url, url=final_url, encoding=encoding,
                            max_chars=options.max_chars)
    try:
        text = data.decode(encoding or "", "replace") if encoding else decode_bytes(data, name=url)
    except LookupError:  # an encoding name Python does not know
        text = decode_bytes(data, name=url)
    article = text_article(text, name=url, id=url, max_chars=options.max_chars)
    return replace(article, url=final_url, source=registrable_domain(final_url))
