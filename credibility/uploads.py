"""Tables a user uploads (to the dashboard): the size limit, a preview and the column guesses.

The articles themselves are read by :func:`credibility.ingest.read_articles_from_bytes`; this
module only looks at the first rows, so a user can be shown the columns and asked which holds
the text, the headline, the id, the publisher, the label or the group.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from .errors import InputError

__all__ = ["MAX_UPLOAD_MB", "MAX_UPLOAD_BYTES", "TABLE_TYPES", "check_upload_size",
           "preview_table", "text_columns", "guess_column"]

MAX_UPLOAD_MB = 50
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
TABLE_TYPES = ("csv", "tsv", "jsonl", "ndjson", "json", "parquet")
MIN_TEXT_CHARS = 40  # a column whose values average fewer characters is not article text

# Column names tried, in order, for each field when the user has not chosen one.
_CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "article_text", "story"),
    "title": ("title", "headline", "head", "heading"),
    "id": ("id", "article_id", "uid", "key"),
    "source": ("source", "publisher", "outlet", "site", "domain"),
    "label": ("label", "credible", "target", "y", "class"),
    "group": ("source", "publisher", "outlet", "domain", "site", "group"),
}


def check_upload_size(size: int, name: str, *, limit: int | None = None) -> None:
    """Refuse a file over ``limit`` bytes (default :data:`MAX_UPLOAD_BYTES`), before it is
    read, with a message naming the fix."""
    limit = MAX_UPLOAD_BYTES if limit is None else limit
    if size > limit:
        raise InputError(
            f"{name} is {_human(size)}, over the {_human(limit)} upload limit; split it into "
            "smaller files, or score it from the command line (credibility score FILE)"
        )


def _human(n_bytes: int) -> str:
    if n_bytes >= 1024 * 1024:
        return f"{n_bytes / 1024 / 1024:,.1f} MB".replace(".0 MB", " MB")
    return f"{n_bytes:,} bytes"


def preview_table(data: bytes, filename: str, *, rows: int = 200) -> pd.DataFrame:
    """The first ``rows`` rows of an uploaded CSV, TSV, JSONL, JSON or Parquet file.

    Raises
    ------
    InputError
        For an unknown extension or a file that cannot be parsed, naming the problem.
    """
    suffix = Path(filename).suffix.lower().lstrip(".")
    if suffix not in TABLE_TYPES:
        raise InputError(f"{filename} is not a table: use a .csv, .jsonl or .parquet file")
    try:
        if suffix in ("csv", "tsv"):
            frame = pd.read_csv(io.BytesIO(data), nrows=rows, dtype=str, keep_default_na=False,
                                sep="\t" if suffix == "tsv" else ",", encoding_errors="replace")
        elif suffix in ("jsonl", "ndjson"):
            lines = [ln for ln in io.BytesIO(data).read().splitlines() if ln.strip()][:rows]
            records = [json.loads(ln) for ln in lines]
            if not all(isinstance(r, dict) for r in records):
                raise ValueError("every line must be a JSON object")
            frame = pd.DataFrame.from_records(records)
        elif suffix == "json":
            records = json.loads(data)
            if not isinstance(records, list):
                raise ValueError("a .json file must hold an array of objects, one per article")
            frame = pd.DataFrame.from_records(records[:rows])
        else:
            import pyarrow.parquet as pq

            batch = next(pq.ParquetFile(io.BytesIO(data)).iter_batches(batch_size=rows), None)
            frame = pd.DataFrame() if batch is None else batch.to_pandas()
    except (ValueError, TypeError, KeyError, OSError, UnicodeDecodeError,
            pd.errors.ParserError) as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise InputError(f"cannot read {filename}: {first}; check that it is a valid "
                         f".{suffix} file") from None
    if frame.empty or not len(frame.columns):
        raise InputError(f"{filename} holds no rows; add one row per article")
    frame.columns = [str(c) for c in frame.columns]
    return frame


def text_columns(frame: pd.DataFrame, *, min_chars: int = MIN_TEXT_CHARS) -> list[str]:
    """Columns that hold text long enough to be articles, longest on average first."""
    lengths = {}
    for column in frame.columns:
        values = frame[column]
        strings = values[values.map(lambda v: isinstance(v, str))]
        if len(strings) >= max(1, len(values) // 2):
            lengths[column] = strings.str.len().mean()
    return [c for c, n in sorted(lengths.items(), key=lambda kv: -kv[1]) if n >= min_chars]


def guess_column(columns: list[str], field: str) -> str | None:
    """The column most likely to hold ``field`` (text, title, id, source, label, group)."""
    by_lower = {c.lower(): c for c in columns}
    for name in _CANDIDATES[field]:
        if name in by_lower:
            return by_lower[name]
    return None
