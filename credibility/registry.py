"""Model directories: write a trained model with its metadata and card, and promote it."""

from __future__ import annotations

import datetime as dt
import json
import math
import platform
from importlib import metadata as pkg_metadata
from pathlib import Path
from typing import Any

import numpy as np

from .labels import LabeledData
from .modelcard import render_model_card
from .persist import atomic_write_text, save_pipeline
from .pipeline import feature_names, linear_parts
from .training import TrainResult

__all__ = ["save_model", "promote", "current_id", "library_versions"]

_VERSIONED = ("credibility", "scikit-learn", "skops", "numpy", "pandas", "textstat",
              "vaderSentiment", "trafilatura")


def library_versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in _VERSIONED:
        try:
            out[name] = pkg_metadata.version(name)
        except pkg_metadata.PackageNotFoundError:
            out[name] = "not installed"
    out["sklearn"] = out["scikit-learn"]
    return out


def _clean(obj: Any) -> Any:
    """JSON-ready copy: NaN -> None, numpy scalars -> Python."""
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_clean(v) for v in obj]
    if isinstance(obj, np.generic):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def _top_weights(pipeline: Any, n: int = 12) -> list[dict[str, Any]]:
    w, _ = linear_parts(pipeline)
    names = feature_names(pipeline)
    order = np.argsort(-np.abs(w))[:n]
    return [{"feature": names[i], "weight": float(w[i])} for i in order]


def save_model(
    result: TrainResult,
    out_dir: str | Path,
    *,
    data: LabeledData,
    command: str,
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write ``model.skops``, ``metadata.json`` and the model card ``README.md``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    save_pipeline(result.pipeline, out / "model.skops")
    frame = data.frame
    meta = _clean(
        {
            "id": out.name,
            "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            "command": command,
            "versions": library_versions(),
            "features": feature_names(result.pipeline),
            "training_data": {
                "paths": [f"{Path(p).parent.name}/{Path(p).name}" for p in data.paths],
                "sha256": data.digest,
                "n": int(len(frame)),
                "n_credible": int(frame["label"].sum()),
                "n_skipped_unlabeled": data.n_skipped,
                "group_column": data.group_column,
                "groups": (
                    frame.groupby("group")["label"].agg(["count", "mean"]).round(3)
                    .reset_index().to_dict(orient="records")
                    if data.group_column else []
                ),
            },
            "prior": float(result.pipeline.named_steps["classify"].prior_),
            "top_weights": _top_weights(result.pipeline),
            "cv": {
                "scheme": result.cv.scheme,
                "metrics": result.cv.metrics,
                "folds": result.cv.fold_metrics,
                "reliability": result.cv.reliability,
            },
            **(extra or {}),
        }
    )
    atomic_write_text(out / "metadata.json", json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    atomic_write_text(out / "README.md", render_model_card(meta))
    return out


def current_id(models_dir: str | Path) -> str | None:
    path = Path(models_dir) / "CURRENT"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else None


def promote(models_dir: str | Path, model_id: str) -> None:
    """Point ``models/CURRENT`` at ``model_id`` (a plain file holding the id), atomically."""
    models_dir = Path(models_dir)
    if not (models_dir / model_id / "model.skops").is_file():
        raise FileNotFoundError(f"{models_dir / model_id} holds no model.skops")
    atomic_write_text(models_dir / "CURRENT", model_id + "\n")
