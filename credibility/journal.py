"""The journal of a batch run: what is finished, so an interrupted run can resume.

Beside the output ``scores.csv`` a run keeps ``scores.csv.partial/``: a ``manifest.json`` naming
the model, the columns and the inputs, and one Parquet part per finished chunk, named by the
input position of its first row. Parts are written to a temporary name and renamed, so a part
on disk is always whole; each row carries its input position and id. On resume the rows whose
(position, id) are in a part are skipped, and at the end the parts, in position order, become
the output.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from .errors import InputError
from .outputs import POSITION
from .persist import atomic_write_text

__all__ = ["Journal", "Done"]

MANIFEST = "manifest.json"


@dataclass(kw_only=True)
class Done:
    """What earlier runs finished: ``{position: id}``, and their bad rows as
    ``(position, id, error)``."""

    ids: dict[int, str] = field(default_factory=dict)
    errors: list[tuple[int, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Journal:
    """The ``<out>.partial`` folder of the run writing ``out``."""

    out: Path

    @property
    def folder(self) -> Path:
        return self.out.with_name(self.out.name + ".partial")

    def part_path(self, first_position: int) -> Path:
        return self.folder / f"part-{first_position:012d}.parquet"

    def parts(self) -> list[Path]:
        """The finished parts in input order."""
        return sorted(self.folder.glob("part-*.parquet"))

    def start(self, manifest: dict[str, Any], *, resume: bool) -> Done:
        """Create the journal, or reopen it with ``resume``; returns what is already done.

        Raises
        ------
        InputError
            When a journal exists and ``resume`` is false, or when it belongs to a run with
            another model, other columns or other inputs.
        """
        if self.folder.exists() and not resume:
            raise InputError(
                f"an unfinished run left {str(self.folder)!r} — pass --resume to continue it, "
                "or delete that folder to start over"
            )
        for stale in self.out.parent.glob(f".{self.out.name}.*.tmp"):  # an assembly cut short
            stale.unlink()
        if not self.folder.exists():
            self.folder.mkdir(parents=True)
            atomic_write_text(self.folder / MANIFEST, json.dumps(manifest, indent=2))
            return Done()
        self._check(manifest)
        for stale in self.folder.glob(".*.tmp"):  # a part being written when the run died
            stale.unlink()
        return self._done()

    def _check(self, manifest: dict[str, Any]) -> None:
        path = self.folder / MANIFEST
        try:
            before = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise InputError(f"cannot resume: {str(path)!r} is missing or broken — delete "
                             f"{str(self.folder)!r} to start over") from None
        for key, what in (("model", "model"), ("columns", "output columns (--features)"),
                          ("inputs", "inputs"), ("reader", "column options")):
            if before.get(key) != manifest.get(key):
                raise InputError(
                    f"cannot resume: the unfinished run in {str(self.folder)!r} used other "
                    f"{what} ({before.get(key)!r}) — rerun with the same ones, or delete the "
                    "folder to start over"
                )

    def _done(self) -> Done:
        done = Done()
        for part in self.parts():
            table = pq.read_table(part, columns=[POSITION, "id", "error"])
            rows = zip(*(table.column(c).to_pylist() for c in (POSITION, "id", "error")),
                       strict=True)
            for position, row_id, error in rows:
                done.ids[position] = row_id
                if error:
                    done.errors.append((position, row_id, error))
        return done

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
