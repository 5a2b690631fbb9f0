"""Saving and loading models safely with skops.

A model file is only ever loaded when every type it asks for is on an explicit trust list; a
pickle, a truncated file or a file naming any other type is refused before anything runs.
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
import zipfile
from pathlib import Path
from typing import Any

import sklearn
import skops.io as sio

from .errors import ModelError

__all__ = [
    "TRUSTED_TYPES", "atomic_write_bytes", "atomic_write_text", "load_pipeline", "save_pipeline",
]

# Types beyond skops' own defaults that a credibility model file may contain. Nothing else loads.
TRUSTED_TYPES: tuple[str, ...] = (
    "numpy.dtype",
    "credibility.classifier.CalibratedLinearClassifier",
    "credibility.features.loaded.LoadedLanguage",
    "credibility.features.sourcing.Sourcing",
    "credibility.features.specificity.Specificity",
    "credibility.features.readability.Readability",
    "credibility.features.sentiment.Sentiment",
    "credibility.features.headline.Headline",
    "credibility.features.page_context.PageContext",
)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename, so a
    crash never leaves a half-written file; the file gets the usual permissions (0666 & ~umask).
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def save_pipeline(pipeline: Any, path: Path) -> None:
    """Dump a fitted pipeline to ``path`` (skops format), atomically."""
    atomic_write_bytes(path, sio.dumps(pipeline))


def load_pipeline(path: Path, *, trained_with: str | None = None) -> Any:
    """Load a skops model file, refusing anything not on :data:`TRUSTED_TYPES`.

    Parameters
    ----------
    path : Path
        The ``model.skops`` file.
    trained_with : str, optional
        The scikit-learn version that trained it; a different installed version warns.

    Raises
    ------
    ModelError
        For a missing, truncated or non-skops file (a pickle, say) or one naming untrusted types.
    """
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"no model file at {str(path)!r}; train one with `credibility train`")
    data = path.read_bytes()
    if not zipfile.is_zipfile(path):
        kind = "a pickle" if data[:1] == b"\x80" else "not a skops model file"
        raise ModelError(
            f"refusing to load {str(path)!r}: it is {kind}; only skops files saved by "
            "`credibility train` are loaded"
        )
    try:
        untrusted = sio.get_untrusted_types(data=data)
    except Exception as exc:  # truncated or corrupted archives fail in many ways
        raise ModelError(
            f"refusing to load {str(path)!r}: the file is damaged ({type(exc).__name__}); "
            "retrain or restore the model"
        ) from None
    unknown = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if unknown:
        raise ModelError(
            f"refusing to load {str(path)!r}: it asks for untrusted types "
            f"{', '.join(unknown[:5])}; only models trained by `credibility train` are loaded"
        )
    if trained_with and trained_with != sklearn.__version__:
        warnings.warn(
            f"model trained with scikit-learn {trained_with}, running {sklearn.__version__}; "
            "scores may differ slightly — retrain to silence this",
            UserWarning,
            stacklevel=2,
        )
    try:
        return sio.loads(data, trusted=list(untrusted))
    except Exception as exc:
        raise ModelError(
            f"refusing to load {str(path)!r}: the file is damaged ({type(exc).__name__}); "
            "retrain or restore the model"
        ) from None


def read_json(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"cannot read {str(path)!r}: {exc}; retrain or restore the model"
        ) from None
