"""Outlet profiles: how each publisher writes and sources, across all its scored articles.

Read from a scored file (``credibility score --out``), streamed. Per source: the number of
articles scored (and of bad rows), mean and median score, the share in the low band, the mean
pull of each feature family, the share of quotes that name their speaker (pooled over the
outlet's quotes) and its most quoted named speakers.
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import numpy as np
import pandas as pd

from .errors import InputError
from .outputs import read_rows
from .persist import atomic_write_text

__all__ = ["outlet_profiles", "profile_file", "write_profiles", "UNKNOWN_SOURCE"]

UNKNOWN_SOURCE = "(unknown)"


@dataclass
class _Outlet:
    n_errors: int = 0
    scores: list[np.ndarray] = field(default_factory=list)
    low: int = 0
    pulls: Counter[str] = field(default_factory=Counter)
    quotes: int = 0
    named: int = 0
    speakers: Counter[str] = field(default_factory=Counter)


def _add(outlet: _Outlet, rows: pd.DataFrame, pull_columns: list[str]) -> None:
    bad = rows["error"].astype(str) != ""
    outlet.n_errors += int(bad.sum())
    ok = rows[~bad]
    if ok.empty:
        return
    outlet.scores.append(ok["score"].to_numpy(dtype=float))
    outlet.low += int((ok["band"] == "low").sum())
    for column in pull_columns:
        outlet.pulls[column] += float(ok[column].sum())
    n_quotes = ok["n_quotes"].fillna(0).to_numpy(dtype=float)
    share = ok["named_quote_share"].fillna(0).to_numpy(dtype=float)
    outlet.quotes += int(n_quotes.sum())
    outlet.named += int(np.rint(share * n_quotes).sum())
    for cell in ok["speakers"]:
        for name, count in json.loads(cell) if cell else ():
            outlet.speakers[name] += int(count)


def outlet_profiles(frames: Iterable[pd.DataFrame], *, top_speakers: int = 5) -> pd.DataFrame:
    """Per-source figures from scored rows (the chunks :func:`~credibility.outputs.read_rows`
    yields).

    Returns
    -------
    pandas.DataFrame
        One row per source, most articles first: ``source``, ``n_articles``, ``n_errors``,
        ``mean_score``, ``median_score``, ``low_share``, ``mean_pull_<family>``,
        ``n_quotes``, ``named_quote_share`` (NaN without quotes) and ``top_speakers``
        (a list of ``[name, quotes]``).
    """
    outlets: dict[str, _Outlet] = {}
    pull_columns: list[str] = []
    for frame in frames:
        pull_columns = [c for c in frame.columns if c.startswith("pull_")]
        sources = frame["source"].astype(str).replace("", UNKNOWN_SOURCE)
        for source, rows in frame.groupby(sources, sort=False):
            _add(outlets.setdefault(str(source), _Outlet()), rows, pull_columns)
    records = []
    for source, o in outlets.items():
        scores = np.concatenate(o.scores) if o.scores else np.empty(0)
        n = len(scores)
        record: dict[str, Any] = {
            "source": source,
            "n_articles": n,
            "n_errors": o.n_errors,
            "mean_score": float(scores.mean()) if n else math.nan,
            "median_score": float(np.median(scores)) if n else math.nan,
            "low_share": o.low / n if n else math.nan,
        }
        for column in pull_columns:
            record[f"mean_{column}"] = o.pulls[column] / n if n else math.nan
        record["n_quotes"] = o.quotes
        record["named_quote_share"] = o.named / o.quotes if o.quotes else math.nan
        ranked = sorted(o.speakers.items(), key=lambda kv: (-kv[1], kv[0]))[:top_speakers]
        record["top_speakers"] = [[name, count] for name, count in ranked]
        records.append(record)
    profiles = pd.DataFrame.from_records(records)
    if profiles.empty:
        return profiles
    return profiles.sort_values(["n_articles", "source"], ascending=[False, True],
                                ignore_index=True)


def profile_file(path: str | os.PathLike[str], *, top_speakers: int = 5) -> pd.DataFrame:
    """Outlet profiles of a scored file (CSV, JSON Lines, Parquet, or a folder of Parquet)."""
    return outlet_profiles(read_rows(path), top_speakers=top_speakers)


def write_profiles(profiles: pd.DataFrame, target: str | os.PathLike[str] | TextIO, *,
                   fmt: str | None = None) -> None:
    """Write profiles as CSV (speakers as ``Name (quotes); ...``) or JSON (a list of records).

    ``fmt`` defaults to the extension of a path target (``.csv`` or ``.json``).
    """
    if fmt is None:
        if not isinstance(target, str | os.PathLike):
            raise InputError("give the profile format (csv or json) when writing to a stream")
        fmt = Path(target).suffix.lower().lstrip(".")
    if fmt == "csv":
        flat = profiles.copy()
        if "top_speakers" in flat:
            flat["top_speakers"] = [
                "; ".join(f"{name} ({count})" for name, count in speakers)
                for speakers in flat["top_speakers"]
            ]
        text = flat.to_csv(index=False, lineterminator="\n")
    elif fmt == "json":
        text = profiles.to_json(orient="records", force_ascii=False, indent=2) + "\n"
    else:
        raise InputError(f"unknown profile format {fmt!r} — name the file .csv or .json")
    if isinstance(target, str | os.PathLike):
        atomic_write_text(Path(target), text)
    else:
        target.write(text)
