"""Scored-row files: CSV, JSON Lines and Parquet, written atomically and read back as a stream.

A batch run writes one Parquet part per finished chunk into a journal folder beside the output
(``<out>.partial/``); :func:`assemble` then writes the requested format to a temporary file and
renames it over the output, so a crash never leaves a half-written file that looks whole.
Every format holds the same values: text columns are never null (``""`` when missing), counts
are nullable integers, everything else is a float (NaN when undefined or for a bad row).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import InputError

__all__ = [
    "FORMATS",
    "TEXT_COLUMNS",
    "INT_COLUMNS",
    "output_format",
    "row_schema",
    "rows_table",
    "write_part",
    "assemble",
    "read_rows",
    "temporary_path",
    "to_frame",
]

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet",
           ".pq": "parquet"}
TEXT_COLUMNS = frozenset({"id", "source", "title", "band", "reasons", "speakers", "error"})
INT_COLUMNS = frozenset({"score", "n_quotes"})
POSITION = "_pos"  # input position of a row, kept in journal parts only


def output_format(path: str | os.PathLike[str]) -> str:
    """``csv``, ``jsonl`` or ``parquet`` from a file name, else an InputError naming the fix."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"cannot write {os.fspath(path)!r}: unknown output format "
                         f"{suffix or '(no extension)'!r} — name it .csv, .jsonl or .parquet")
    return FORMATS[suffix]


def _column_type(name: str) -> pa.DataType:
    if name in TEXT_COLUMNS:
        return pa.string()
    if name in INT_COLUMNS or name == POSITION:
        return pa.int64()
    return pa.float64()


def row_schema(columns: Sequence[str], *, with_position: bool = False) -> pa.Schema:
    """The Arrow schema of scored rows with these columns (plus the journal's position)."""
    names = [*columns, POSITION] if with_position else list(columns)
    return pa.schema([(n, _column_type(n)) for n in names])


def rows_table(rows: Sequence[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """An Arrow table of row dicts; a column a row lacks is empty text or a null."""
    return pa.Table.from_pylist(list(rows), schema=schema)


def temporary_path(path: Path) -> Path:
    """A hidden temporary name beside ``path`` (same folder, so the final rename is atomic)."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def write_part(table: pa.Table, path: Path) -> None:
    """Write one journal part atomically (a temporary file renamed into place)."""
    tmp = temporary_path(path)
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def assemble(parts: Iterable[Path], out: Path, schema: pa.Schema) -> None:
    """Concatenate journal parts, in the order given, into ``out`` (format from its name)."""
    fmt = output_format(out)
    tmp = temporary_path(out)
    tables = (pq.read_table(p, schema=_with_position(schema)).select(schema.names)
              for p in parts)
    try:
        if fmt == "parquet":
            with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
                for table in tables:
                    writer.write_table(table)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                write = _write_csv if fmt == "csv" else _write_jsonl
                write(tables, fh, schema)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _with_position(schema: pa.Schema) -> pa.Schema:
    return schema if POSITION in schema.names else schema.append(pa.field(POSITION, pa.int64()))


def to_frame(table: pa.Table) -> Any:
    """A DataFrame with integer columns as nullable integers (so 81 is not written as 81.0)."""
    import pandas as pd

    return table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)


def _write_csv(tables: Iterable[pa.Table], fh: Any, schema: pa.Schema) -> None:
    header = True
    for table in tables:
        to_frame(table).to_csv(fh, index=False, header=header, na_rep="", lineterminator="\n")
        header = False
    if header:  # no rows at all: still a header line
        fh.write(",".join(schema.names) + "\n")


def _finite(value: Any) -> Any:
    return None if isinstance(value, float) and not math.isfinite(value) else value


def _write_jsonl(tables: Iterable[pa.Table], fh: Any, schema: pa.Schema) -> None:
    for table in tables:
        for row in table.to_pylist():
            fh.write(json.dumps({k: _finite(v) for k, v in row.items()}, ensure_ascii=False))
            fh.write("\n")


def read_rows(path: str | os.PathLike[str], *, columns: Sequence[str] | None = None,
              batch_size: int = 10_000) -> Iterator[Any]:
    """Stream a scored file (or a folder of Parquet parts) as pandas DataFrames.

    Every format comes back with the same dtypes: text columns as strings (``""`` when
    missing), ``score`` and ``n_quotes`` as nullable integers, the rest as floats.

    Raises
    ------
    InputError
        When the file is missing or is not a scored-rows file.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.parquet") if not p.name.startswith("."))
        if not files:
            raise InputError(f"cannot read {str(path)!r}: the folder holds no .parquet files")
        for file in files:
            yield from read_rows(file, columns=columns, batch_size=batch_size)
        return
    if not path.is_file():
        raise InputError(f"cannot read {str(path)!r}: no such file — pass a file written by "
                         "`credibility score --out`")
    fmt = output_format(path)
    if fmt == "parquet":
        batches: Iterator[pa.RecordBatch | pa.Table] = pq.ParquetFile(
            path, pre_buffer=False).iter_batches(
            batch_size=batch_size, columns=list(columns) if columns else None)
    elif fmt == "csv":
        batches = _csv_batches(path, columns, batch_size)
    else:
        batches = _jsonl_batches(path, columns, batch_size)
    for batch in batches:
        yield _frame(batch)


def _frame(batch: pa.RecordBatch | pa.Table) -> Any:
    table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
    cast = row_schema([n for n in table.column_names if n != POSITION])
    table = table.select(cast.names).cast(cast)
    frame = to_frame(table)
    for name in cast.names:
        if name in TEXT_COLUMNS:
            frame[name] = frame[name].fillna("").astype("str")
    return frame


def _csv_batches(path: Path, columns: Sequence[str] | None, batch_size: int
                 ) -> Iterator[pa.Table]:
    import pandas as pd

    header = list(pd.read_csv(path, nrows=0).columns)
    _check_columns(header, path)
    dtypes = {n: ("str" if n in TEXT_COLUMNS else "Int64" if n in INT_COLUMNS else "float64")
              for n in header}
    reader = pd.read_csv(path, dtype=dtypes, usecols=list(columns) if columns else None,
                         keep_default_na=False, na_values={n: [""] for n in header
                                                           if n not in TEXT_COLUMNS},
                         chunksize=batch_size)
    with reader:
        for chunk in reader:
            yield pa.Table.from_pandas(chunk, preserve_index=False)


def _jsonl_batches(path: Path, columns: Sequence[str] | None, batch_size: int
                   ) -> Iterator[pa.Table]:
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            record = json.loads(line)
            if not rows:
                _check_columns(list(record), path)
            rows.append({k: record.get(k) for k in columns} if columns else record)
            if len(rows) >= batch_size:
                yield _json_table(rows)
                rows = []
    if rows:
        yield _json_table(rows)


def _json_table(rows: list[dict[str, Any]]) -> pa.Table:
    schema = row_schema([n for n in rows[0] if n != POSITION])
    return pa.Table.from_pylist(rows, schema=schema)


def _check_columns(names: Sequence[str], path: Path) -> None:
    if "id" not in names or "score" not in names:
        raise InputError(f"cannot read {str(path)!r}: it has no 'id' and 'score' columns — pass "
                         "a file written by `credibility score --out`")
