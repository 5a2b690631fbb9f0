"""The cluster engine: score Parquet or CSV partitions on a Dask cluster.

Each input file is read with ``dask.dataframe`` (Parquet by row groups, a CSV as one partition:
its quoted fields may hold line breaks, so it cannot be split on lines; split a big CSV into
several files, or convert it to Parquet). Every partition is turned into articles exactly as
the local readers do (:func:`credibility.readers_table.row_article`, same ids and row errors)
and scored with :func:`credibility.rows.score_items`, the model being loaded once per worker
process. The rows are written as a folder of Parquet parts, in input order, through a
temporary folder renamed when complete. The rows equal the local engine's on the same input.

On a real cluster every worker needs this package installed (same version) and the inputs,
the model folder and the output folder on a shared file system::

    dask scheduler                                          # prints tcp://10.0.0.5:8786
    dask worker tcp://10.0.0.5:8786 --nworkers 8 --nthreads 1      # on each machine
    credibility score /shared/corpus/ --engine dask --scheduler tcp://10.0.0.5:8786 \
        --model /shared/models/CURRENT --out /shared/scores/    # a folder of Parquet parts

One thread per worker process: the analysis is pure Python, so threads would share one core.
Without ``--scheduler`` a local cluster of ``--jobs`` processes is started.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import InputError
from .outputs import read_rows, row_schema, to_frame
from .progress import BatchReport
from .readers_table import ColumnMap, row_article
from .rows import (
    load_model,
    model_dir_of,
    output_columns,
    release_parse_caches,
    score_items,
)

__all__ = ["score_dask", "score_partition"]

_KINDS = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv"}


def score_partition(
    frame: Any,
    model_dir: str,
    stem: str,
    first_rows: Sequence[int] | None,
    columns: ColumnMap,
    max_chars: int,
    with_features: bool,
    names: Sequence[str],
    partition_info: Mapping[str, Any] | None = None,
) -> Any:
    """Score one partition of an input table; returns the output rows as a DataFrame.

    ``first_rows`` holds the 0-based row where each partition of the file starts (needed for
    the ``<stem>:<row>`` ids of a table without an id column).
    """
    number = partition_info["number"] if partition_info else 0
    first = first_rows[number] if first_rows else 0
    items = [
        row_article(record, row=first + i + 1, stem=stem, columns=columns, max_chars=max_chars)
        for i, record in enumerate(frame.to_dict("records"))
    ]
    rows = score_items(load_model(model_dir), items, with_features=with_features)
    release_parse_caches()
    import pyarrow as pa

    return to_frame(pa.Table.from_pylist(rows, schema=row_schema(names)))


def _input_files(sources: Sequence[str | os.PathLike[str]]) -> list[tuple[Path, str]]:
    files = []
    for source in map(Path, sources):
        found = sorted(p for p in source.rglob("*") if p.suffix.lower() in _KINDS) \
            if source.is_dir() else [source]
        for path in found:
            kind = _KINDS.get(path.suffix.lower())
            if kind is None or not path.is_file():
                raise InputError(f"cannot read {str(path)!r} with --engine dask: give Parquet "
                                 "or CSV files (or folders of them)")
            files.append((path, kind))
    if not files:
        raise InputError("no Parquet or CSV files to score with --engine dask")
    return files


def _read(path: Path, kind: str) -> Any:
    import dask.dataframe as dd

    if kind == "parquet":
        return dd.read_parquet(str(path), split_row_groups=True)
    return dd.read_csv(str(path), blocksize=None, dtype=str, keep_default_na=False,
                       na_filter=False)


def _scored(path: Path, kind: str, model_dir: str, colmap: ColumnMap, max_chars: int,
            with_features: bool, names: list[str]) -> Any:
    frame = _read(path, kind)
    missing = [c for c in (colmap.text,) if c not in frame.columns]
    if missing:
        raise InputError(f"cannot read {str(path)!r}: no column {colmap.text!r} — pass "
                         "--text-column NAME")
    first_rows = None
    if colmap.id not in frame.columns and frame.npartitions > 1:
        lengths = frame.map_partitions(len).compute().tolist()
        first_rows = [sum(lengths[:i]) for i in range(len(lengths))]
    meta = to_frame(row_schema(names).empty_table())
    return frame.map_partitions(score_partition, model_dir, path.stem, first_rows, colmap,
                                max_chars, with_features, names, meta=meta,
                                enforce_metadata=False)


def score_dask(
    sources: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    model: str | os.PathLike[str] | None = None,
    scheduler: str | None = None,
    jobs: int | None = None,
    with_features: bool = False,
    reader: Mapping[str, Any] | None = None,
) -> BatchReport:
    """Score Parquet/CSV inputs on a Dask cluster into a folder of Parquet parts at ``out``.

    Parameters
    ----------
    sources : sequence of path
        Parquet or CSV files, or folders of them.
    out : path
        The output folder (``part-000000.parquet``, ...), replaced when the run completes.
    model : path, optional
        Model directory (default ``models/CURRENT``); workers must be able to read it.
    scheduler : str, optional
        Address of a running Dask scheduler; default: a local cluster of ``jobs`` processes.
    jobs : int, optional
        Workers of the local cluster (default: every core).
    with_features : bool
        Add every raw feature as a column.
    reader : mapping, optional
        ``text_column``, ``title_column``, ``id_column``, ``source_column``, ``max_chars``.
    """
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from .batch import default_jobs

    opts = dict(reader or {})
    colmap = ColumnMap(text=opts.get("text_column", "text"),
                       title=opts.get("title_column", "title"),
                       id=opts.get("id_column", "id"), source=opts.get("source_column", "source"))
    max_chars = int(opts.get("max_chars", 5_000_000))
    out = Path(out)
    files = _input_files(sources)
    model_dir = model_dir_of(model)
    names = output_columns(load_model(model_dir).feature_names, with_features=with_features)
    report = BatchReport(out=out)
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=jobs or default_jobs(), threads_per_worker=1,
                               processes=True, host="127.0.0.1", dashboard_address=None)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with Client(scheduler or cluster):
            scored = dd.concat([_scored(p, k, model_dir, colmap, max_chars, with_features, names)
                                for p, k in files])
            scored.to_parquet(str(tmp), write_index=False, schema=row_schema(names),
                              name_function=lambda i: f"part-{i:06d}.parquet")
        if out.exists():
            shutil.rmtree(out) if out.is_dir() else out.unlink()
        os.replace(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if cluster is not None:
            cluster.close()
    for frame in read_rows(out, columns=["id", "error"]):
        bad = frame[frame["error"] != ""]
        report.add([(report.n_rows + int(i), r.id, r.error) for i, r in
                    zip(bad.index, bad.itertuples(), strict=True)], len(frame))
    report.finish()
    return report
