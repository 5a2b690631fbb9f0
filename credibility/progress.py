"""Progress of a batch run: a bar on a terminal (articles/s, time left) and the final report.

The total is counted in a background thread while scoring starts (Parquet: from its metadata;
JSON Lines: non-blank lines; CSV: records; a folder: its article files), so the bar shows a rate
at once and a time left as soon as the count is in.
"""

from __future__ import annotations

import csv
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

__all__ = ["BatchReport", "Progress", "count_articles"]

_CHUNK = 1 << 20
MAX_LISTED_ERRORS = 1000  # bad rows kept for the summary; all are counted
SHOWN_ERRORS = 20


@dataclass(kw_only=True)
class BatchReport:
    """What a run did: rows written, scored and bad (with the first bad rows' messages).

    ``errors`` holds ``(input position, id, message)`` of the first bad rows.
    """

    out: Path
    n_rows: int = 0
    n_errors: int = 0
    n_resumed: int = 0
    errors: list[tuple[int, str, str]] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)
    elapsed: float = 0.0

    @property
    def n_scored(self) -> int:
        return self.n_rows - self.n_errors

    @property
    def rate(self) -> float:
        """Rows this run scored per second (resumed rows excluded)."""
        return (self.n_rows - self.n_resumed) / self.elapsed if self.elapsed > 0 else 0.0

    def add(self, errors: Sequence[tuple[int, str, str]], n_rows: int) -> None:
        self.n_rows += n_rows
        self.n_errors += len(errors)
        self.errors.extend(errors[: max(0, MAX_LISTED_ERRORS - len(self.errors))])

    def finish(self) -> None:
        self.elapsed = time.perf_counter() - self.started

    def summary(self) -> list[str]:
        """The end-of-run lines: what was written, then one line per bad row (the first 20)."""
        resumed = f", {self.n_resumed:,} of them from the interrupted run" if self.n_resumed else ""
        lines = [f"scored {self.n_scored:,} of {self.n_rows:,} rows{resumed} in "
                 f"{self.elapsed:.1f} s ({self.rate:,.0f} articles/s) -> {self.out}"]
        if self.n_errors:
            lines.append(f"{self.n_errors:,} row(s) could not be scored (their 'error' column "
                         "says why):")
            for position, row_id, message in sorted(self.errors)[:SHOWN_ERRORS]:
                lines.append(f"  row {position + 1} ({row_id or 'no id'}): {message}")
            if self.n_errors > SHOWN_ERRORS:
                lines.append(f"  ... and {self.n_errors - SHOWN_ERRORS:,} more")
        return lines


def count_articles(sources: Sequence[str | os.PathLike[str]]) -> int | None:
    """How many rows (articles or bad rows) the inputs hold; None when it cannot be told."""
    total = 0
    for source in sources:
        n = _count_one(Path(source))
        if n is None:
            return None
        total += n
    return total


def _count_one(path: Path) -> int | None:
    suffix = path.suffix.lower()
    try:
        if path.is_dir():
            return sum(1 for p in path.rglob("*") if p.suffix.lower() in (".txt", ".html", ".htm")
                       and p.is_file())
        if suffix in (".parquet", ".pq"):
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
        if suffix in (".jsonl", ".ndjson"):
            return _count_lines(path)
        if suffix in (".csv", ".tsv", ".tab"):
            csv.field_size_limit(max(csv.field_size_limit(), 50_000_000))
            with open(path, encoding="utf-8", errors="replace", newline="") as fh:
                reader = csv.reader(fh, delimiter="," if suffix == ".csv" else "\t")
                return max(0, sum(1 for rec in reader if any(rec)) - 1)
    except (OSError, csv.Error, ValueError):
        return None
    return None


def _count_lines(path: Path) -> int:
    n, last = 0, b"\n"
    with open(path, "rb") as fh:
        while block := fh.read(_CHUNK):
            n += block.count(b"\n")
            last = block[-1:]
    return n + (last != b"\n")


class Progress:
    """Counts finished rows; draws a bar on ``stream`` when ``enabled``.

    Parameters
    ----------
    sources : sequence of path
        The inputs, counted in a background thread (started by :meth:`start`) for the time left.
    stream : text stream
        Where the bar is drawn.
    enabled : bool
        Draw the bar (callers pass ``stream.isatty() and not quiet``).
    """

    def __init__(self, sources: Sequence[str | os.PathLike[str]], *, stream: TextIO,
                 enabled: bool):
        self.enabled = enabled
        self._sources = list(sources)
        self._stream = stream
        self._bar: Any = None

    def start(self, initial: int = 0) -> None:
        """Show the bar, with ``initial`` rows already done (a resumed run)."""
        if not self.enabled or self._bar is not None:
            return
        from tqdm import tqdm

        self._bar = tqdm(total=None, initial=initial, unit=" articles", file=self._stream,
                         mininterval=0.5, dynamic_ncols=True, smoothing=0.1)
        threading.Thread(target=self._count, daemon=True).start()

    def _count(self) -> None:
        total = count_articles(self._sources)
        bar = self._bar
        if total is not None and bar is not None:
            bar.total = total

    def advance(self, n: int) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
