"""The local batch engine: score a large input on every core, resumably.

The input is streamed and cut into chunks. With ``jobs`` N, this process and N - 1 worker
processes score them: the workers are forked from this process once it has loaded the model
(so they share it), each is kept two chunks ahead, and this process scores the chunks in
between. A chunk is scored with :func:`credibility.rows.score_items` and written as a part of
the run's journal (:mod:`credibility.journal`); workers return only a summary. Few chunks are
in flight, so memory stays flat however large the input. When every chunk is done the parts
are assembled, in input order, into the output through a temporary file and a rename.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .article import Article
from .errors import CredibilityError
from .journal import Done, Journal
from .outputs import POSITION, assemble, output_format, row_schema, rows_table, write_part
from .progress import BatchReport
from .rows import load_model, model_dir_of, output_columns, release_parse_caches, score_items

__all__ = ["BatchReport", "score_inputs", "score_to_file", "default_jobs", "DEFAULT_CHUNK_SIZE"]

DEFAULT_CHUNK_SIZE = 250


def default_jobs() -> int:
    """The CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class _Chunk:
    model_dir: str
    part: str
    first: int
    items: list[Any]
    with_features: bool


def _score_chunk(chunk: _Chunk) -> tuple[int, list[tuple[int, str, str]]]:
    """Score one chunk and write it as a journal part; returns (rows, bad rows)."""
    model = load_model(chunk.model_dir)
    rows = score_items(model, chunk.items, with_features=chunk.with_features)
    release_parse_caches()
    errors = []
    for i, row in enumerate(rows):
        row[POSITION] = chunk.first + i
        if row.get("error"):
            errors.append((chunk.first + i, row["id"], row["error"]))
    columns = output_columns(model.feature_names, with_features=chunk.with_features)
    write_part(rows_table(rows, row_schema(columns, with_position=True)), Path(chunk.part))
    return len(rows), errors


def _init_worker(model_dir: str, parent: int) -> None:
    """Per worker: leave Ctrl-C to the parent, exit if orphaned, load the model once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    load_model(model_dir)


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _chunks(items: Iterator[Any], done: Done, size: int, make: Callable[[int, list[Any]], _Chunk]
            ) -> Iterator[_Chunk]:
    """Cut the items not done yet into chunks of consecutive positions."""
    batch: list[Any] = []
    first = 0
    for position, item in enumerate(items):
        known = done.ids.get(position)
        if known is not None:
            if known != (item.id or ""):
                raise CredibilityError(
                    f"cannot resume: row {position + 1} is now {item.id!r}, not {known!r} — the "
                    "input changed; delete the .partial folder to start over")
            if batch:
                yield make(first, batch)
                batch = []
            continue
        if not batch:
            first = position
        batch.append(item)
        if len(batch) >= size:
            yield make(first, batch)
            batch = []
    if batch:
        yield make(first, batch)


# Scored once before forking, so the lexicons every family loads on first use are loaded once
# and shared with the workers rather than loaded again in each.
_WARM_UP = Article(
    title="Council approves the water plan",
    text=('The council approved the plan on Monday. "We will start in May," said Ana Ruiz, the '
          "city's finance director. Critics called the vote a disaster, according to officials."),
)


@contextmanager
def _pool(jobs: int, model: Any, model_dir: str) -> Iterator[ProcessPoolExecutor | None]:
    """``jobs`` worker processes (None for none), forked sharing this process's loaded model
    when that is safe (no other thread running), else started fresh."""
    if jobs < 1:
        yield None
        return
    methods = multiprocessing.get_all_start_methods()
    fork = "fork" in methods and threading.active_count() == 1
    freeze = fork and gc.get_freeze_count() == 0
    if fork:
        score_items(model, [_WARM_UP])
        release_parse_caches()
    if freeze:  # the collector then leaves the shared objects alone: their pages stay shared
        gc.collect()
        gc.freeze()
    pool = ProcessPoolExecutor(max_workers=jobs,
                               mp_context=multiprocessing.get_context("fork" if fork else "spawn"),
                               initializer=_init_worker, initargs=(model_dir, os.getpid()))
    try:
        pool.submit(os.getpid).result()  # start the workers now, before any thread starts
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if freeze:
            gc.unfreeze()


def score_to_file(
    items: Iterator[Any],
    out: str | os.PathLike[str],
    *,
    model: str | os.PathLike[str] | None = None,
    jobs: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    with_features: bool = False,
    resume: bool = False,
    manifest: Mapping[str, Any] | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> BatchReport:
    """Score every item of a stream into ``out`` (CSV, JSON Lines or Parquet by its extension).

    Parameters
    ----------
    items : iterator of Article or RowError
        Usually :func:`credibility.ingest.read_articles` over one or more inputs.
    out : path
        The output file; written through a temporary file and renamed when complete.
    model : path, optional
        Model directory (default: ``models/CURRENT``).
    jobs : int, optional
        Processes that score (default: every core): this one and ``jobs - 1`` workers, forked
        from it when possible so they share its loaded model.
    chunk_size : int
        Articles per chunk sent to a worker.
    with_features : bool
        Add every raw feature as a column.
    resume : bool
        Continue the unfinished run of the same output (its ``.partial`` journal).
    manifest : mapping, optional
        What identifies the run besides model and columns (the inputs, reader options); a resume
        with a different manifest is refused.
    on_progress, on_start : callable, optional
        Called with the rows each finished chunk held, and once with the rows already done.

    Raises
    ------
    InputError
        For an unknown output format, or a journal that cannot be resumed.
    CredibilityError
        When a worker process dies; the finished chunks are kept for ``resume``.
    """
    out = Path(out)
    output_format(out)
    if chunk_size < 1:
        raise CredibilityError(f"--chunk-size must be a positive number, not {chunk_size}")
    jobs = default_jobs() if jobs is None else max(1, jobs)
    model_dir = model_dir_of(model)
    loaded = load_model(model_dir)
    columns = output_columns(loaded.feature_names, with_features=with_features)
    journal = Journal(out)
    done = journal.start({"model": loaded.name, "columns": columns, **(manifest or {})},
                         resume=resume)
    report = BatchReport(out=out, n_resumed=len(done.ids))
    report.add(done.errors, len(done.ids))

    def make(first: int, batch: list[Any]) -> _Chunk:
        return _Chunk(model_dir, str(journal.part_path(first)), first, batch, with_features)

    def finished(summary: tuple[int, list[tuple[int, str, str]]]) -> None:
        report.add(summary[1], summary[0])
        if on_progress:
            on_progress(summary[0])

    chunks = _chunks(items, done, chunk_size, make)
    with _pool(jobs - 1, loaded, model_dir) as pool:
        if on_start:
            on_start(len(done.ids))
        if pool is None:
            for chunk in chunks:
                finished(_score_chunk(chunk))
        else:
            _run_pool(pool, chunks, 2 * (jobs - 1), finished)
    assemble(journal.parts(), out, row_schema(columns))
    journal.remove()
    report.finish()
    return report


def _run_pool(pool: ProcessPoolExecutor, chunks: Iterator[_Chunk], in_flight: int,
              finished: Callable[[Any], None]) -> None:
    """Keep the workers' queue at ``in_flight`` chunks; score the chunks beyond it here."""
    pending: set[Future[Any]] = set()
    try:
        for chunk in chunks:
            completed = {future for future in pending if future.done()}
            for future in completed:
                finished(future.result())
            pending -= completed
            if len(pending) < in_flight:
                pending.add(pool.submit(_score_chunk, chunk))
            else:
                finished(_score_chunk(chunk))
        for future in pending:
            finished(future.result())
    except BrokenProcessPool:
        raise CredibilityError(
            "a worker process died (out of memory, or killed); the finished chunks are kept — "
            "rerun with --resume to continue") from None


def score_inputs(
    sources: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    reader: Mapping[str, Any] | None = None,
    **options: Any,
) -> BatchReport:
    """Score every article of one or more inputs into ``out``; see :func:`score_to_file`.

    ``reader`` holds keyword arguments of :func:`credibility.ingest.read_articles` (column
    names, limits); every input is opened first, so a missing file fails before any work.
    """
    from .ingest import read_articles

    reader = dict(reader or {})
    streams = [read_articles(source, **reader) for source in sources]
    names = [s if str(s) == "-" or "://" in str(s) else os.path.abspath(s) for s in sources]
    manifest = {"inputs": [str(n) for n in names], "reader": reader}
    return score_to_file(itertools.chain.from_iterable(streams), out, manifest=manifest,
                         **options)
