"""Reading labeled data for training and evaluation: texts, 1/0 labels and groups."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import DataError, InputError

__all__ = ["LabeledData", "load_labeled", "parse_labels"]

_TRUE = {"1", "1.0", "true", "t", "yes", "y", "credible", "reliable", "real", "mostly true"}
_FALSE = {
    "0", "0.0", "false", "f", "no", "n", "not credible", "not_credible", "non-credible",
    "noncredible", "uncredible", "unreliable", "fake",
}


def parse_labels(values: pd.Series, *, column: str = "label") -> tuple[np.ndarray, np.ndarray]:
    """Map label values to 1 (credible) / 0 (not credible).

    Accepts 1/0 (also 1.0/0.0), true/false, yes/no and credible / not credible, in any case.
    Empty values are skipped.

    Returns
    -------
    y : ndarray of int
        Labels of the kept rows.
    keep : ndarray of bool
        Which input rows had a label.

    Raises
    ------
    DataError
        Listing the values found when any value is none of the above.
    """
    keep = np.zeros(len(values), dtype=bool)
    y = np.zeros(len(values), dtype=int)
    bad: dict[str, int] = {}
    for i, v in enumerate(values.tolist()):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            continue
        key = str(v).strip().lower()
        if key in ("", "nan", "none", "null"):
            continue
        if isinstance(v, bool):
            key = "true" if v else "false"
        if key in _TRUE:
            y[i], keep[i] = 1, True
        elif key in _FALSE:
            y[i], keep[i] = 0, True
        else:
            bad[str(v)] = bad.get(str(v), 0) + 1
    if bad:
        found = ", ".join(repr(k) for k in sorted(bad)[:8]) + (" …" if len(bad) > 8 else "")
        raise DataError(
            f"column {column!r} has values that are not labels: {found}; "
            "use 1/0, true/false or credible/not credible (leave a cell empty to skip the row)"
        )
    return y[keep], keep


@dataclass(frozen=True, kw_only=True)
class LabeledData:
    """Articles with a credibility label, ready for training or evaluation.

    ``frame`` has columns ``text``, ``title``, ``group`` (the publisher, or None) and ``label``.
    """

    frame: pd.DataFrame
    n_skipped: int
    group_column: str | None
    digest: str
    paths: tuple[str, ...]

    @property
    def y(self) -> np.ndarray:
        return self.frame["label"].to_numpy(dtype=int)

    @property
    def groups(self) -> np.ndarray | None:
        return None if self.group_column is None else self.frame["group"].to_numpy()


def _read_table(path: Path) -> pd.DataFrame:
    if not path.exists():
        raise InputError(f"cannot read {str(path)!r}: no such file; check the path")
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            return pd.read_parquet(path)
        if suffix in (".jsonl", ".ndjson", ".json"):
            return pd.read_json(path, lines=suffix != ".json", dtype=False)
        if suffix in (".csv", ".tsv"):
            return pd.read_csv(path, sep="\t" if suffix == ".tsv" else ",", dtype=str,
                               keep_default_na=False, na_values=[""], encoding_errors="replace")
    except (ValueError, OSError, pd.errors.ParserError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"cannot read {str(path)!r}: {first}; check the file is valid") from None
    raise InputError(
        f"cannot read {str(path)!r}: unknown table format {suffix!r}; use .csv, .jsonl or .parquet"
    )


def load_labeled(
    paths: Sequence[str | Path],
    *,
    text_column: str = "text",
    title_column: str = "title",
    label_column: str = "label",
    group_column: str | None = None,
    min_rows: int = 20,
) -> LabeledData:
    """Read one or more labeled tables (CSV, JSONL, Parquet) into :class:`LabeledData`.

    ``group_column`` defaults to ``source`` when that column exists. Rows with an empty label are
    skipped and counted; unusable data (a missing column, no text, one class, fewer than
    ``min_rows`` labeled rows) raises :class:`DataError` with a message naming the fix.
    """
    frames, digest = [], hashlib.sha256()
    for p in map(Path, paths):
        df = _read_table(p)
        digest.update(p.read_bytes())
        for col, flag in ((text_column, "--text-column"), (label_column, "--label-column")):
            if col not in df.columns:
                cols = ", ".join(map(str, df.columns[:12]))
                raise DataError(
                    f"{p.name} has no column {col!r}; columns are: {cols} — pass {flag} NAME"
                )
        df = df.assign(_origin=f"{p.parent.name}/{p.name}")
        frames.append(df)
    df = pd.concat(frames, ignore_index=True)
    digest.update(f"{text_column}|{label_column}|{group_column}".encode())
    if group_column is None and "source" in df.columns:
        group_column = "source"
    if group_column is not None and group_column not in df.columns:
        raise DataError(
            f"no group column {group_column!r}; columns are: {', '.join(map(str, df.columns[:12]))}"
            " — pass --group-column NAME or leave it out"
        )
    y, keep = parse_labels(df[label_column], column=label_column)
    texts = df[text_column].where(df[text_column].notna(), "").astype(str)
    has_text = texts.str.strip().str.len() > 0
    keep_rows = keep & has_text.to_numpy()
    y = y[has_text.to_numpy()[keep]]
    if keep_rows.sum() == 0:
        raise DataError(f"no labeled rows with text in column {text_column!r}; check the columns")
    out = pd.DataFrame(
        {
            "text": texts[keep_rows].to_numpy(),
            "title": (
                df[title_column].where(df[title_column].notna(), "")
                .astype(str)[keep_rows].to_numpy()
                if title_column in df.columns
                else ""
            ),
            # a row without a group (e.g. a dataset with no publisher column) is grouped by the
            # file it came from, so grouped folds still hold it out as a whole
            "group": (
                df[group_column].where(df[group_column].notna(), df["_origin"])
                .astype(str)[keep_rows].to_numpy()
                if group_column else None
            ),
            "label": y,
        }
    )
    if len(out) < min_rows:
        raise DataError(
            f"only {len(out)} labeled rows with text; at least {min_rows} are needed to train"
        )
    if len(np.unique(y)) < 2:
        only = "credible" if y[0] == 1 else "not credible"
        raise DataError(
            f"every labeled row is {only}; training needs examples of both classes"
        )
    return LabeledData(
        frame=out,
        n_skipped=int(len(df) - keep_rows.sum()),
        group_column=group_column,
        digest=digest.hexdigest(),
        paths=tuple(str(p) for p in paths),
    )
