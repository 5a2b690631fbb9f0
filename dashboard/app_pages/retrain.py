"""Retrain: labeled data in, grouped cross-validation, comparison, save, promote if not worse."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from components import current_model, load_model, page_header, show_error, uploaded_table

from credibility.errors import CredibilityError
from credibility.labels import load_labeled
from credibility.registry import promote, save_model
from credibility.training import compare_on_folds, is_not_worse, train
from credibility.uploads import guess_column

NONE = "(none)"
METRICS = ("roc_auc", "f1", "brier", "log_loss", "calibration_error")
MODEL_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def _columns(columns: list[str], texts: list[str]) -> dict[str, Any]:
    st.markdown("**Which column holds what?**")
    a, b, c, d = st.columns(4)
    text = a.selectbox("Article text", texts, key="retrain_text_column",
                       index=texts.index(guess_column(texts, "text") or texts[0]))
    label_guess = guess_column(columns, "label")
    label = b.selectbox("Label (1 credible / 0 not)", columns, key="retrain_label_column",
                        index=columns.index(label_guess) if label_guess else 0)
    options = [NONE, *columns]
    group_guess = guess_column(columns, "group")
    group = c.selectbox("Group (publisher)", options, key="retrain_group_column",
                        index=options.index(group_guess) if group_guess else 0)
    title_guess = guess_column(columns, "title")
    title = d.selectbox("Headline", options, key="retrain_title_column",
                        index=options.index(title_guess) if title_guess else 0)
    return {"text_column": text, "label_column": label,
            "group_column": None if group == NONE else group,
            "title_column": "title" if title == NONE else title}


def _train(data_bytes: bytes, name: str, columns: dict[str, Any], folds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(name).name
        path.write_bytes(data_bytes)
        data = load_labeled([path], **columns)
    bar = st.progress(0.0, text="Measuring every article…")

    def progress(stage: str, i: int, n: int) -> None:
        if stage == "features":
            bar.progress(0.4, text="Cross-validating…")
        else:
            bar.progress(0.4 + 0.5 * i / n, text=f"Cross-validation fold {i} of {n}")

    result = train(data, n_splits=folds, progress=progress)
    bar.progress(0.95, text="Comparing with the current model…")
    base = current_model()
    comparison = compare_on_folds(base, result, data)
    bar.empty()
    return {"result": result, "data": data, "base_name": base.name, "comparison": comparison,
            "columns": columns, "name": name}


def _comparison_table(run: dict[str, Any]) -> pd.DataFrame:
    rows = [{"model": "new (cross-validated)", **run["comparison"]["new"]},
            {"model": f"current: {run['base_name']}", **run["comparison"]["base"]}]
    return pd.DataFrame(rows)[["model", "n", *METRICS]]


def _save(run: dict[str, Any], model_id: str) -> None:
    models_dir = Path(current_model().path).parent
    out = models_dir / model_id
    if not MODEL_ID_RE.match(model_id):
        st.error("Name the model with letters, digits, dots, dashes or underscores only.")
        return
    if out.exists():
        st.error(f"A model named {model_id!r} already exists in {models_dir}; choose another name.")
        return
    cols = run["columns"]
    command = (f"credibility train {run['name']} --out {out} --text-column {cols['text_column']} "
               f"--label-column {cols['label_column']}"
               + (f" --group-column {cols['group_column']}" if cols["group_column"] else "")
               + " --base CURRENT")
    save_model(run["result"], out, data=run["data"], command=command,
               extra={"compared_with": {"model": run["base_name"], **run["comparison"]["base"]}})
    if is_not_worse(run["comparison"]["new"], run["comparison"]["base"]):
        promote(models_dir, model_id)
        load_model.clear()
        st.success(f"Saved {out} and promoted it: models/CURRENT now points to {model_id}. "
                   "Pages using models/CURRENT pick it up now; a dashboard started with --model "
                   "keeps that model until restarted.")
    else:
        st.warning(f"Saved {out}, but not promoted: it is worse than {run['base_name']} on "
                   "ROC-AUC or log loss, so models/CURRENT is unchanged.")


page_header("Retrain the model",
            "Upload labeled articles, cross-validate a new model grouped by publisher, compare it "
            "with the current one, and promote it only if it is not worse.")
uploaded, data, preview, texts = uploaded_table(
    "Labeled articles (CSV, JSONL or Parquet)", "retrain_file")
columns = _columns(list(preview.columns), texts)
folds = st.number_input("Cross-validation folds", min_value=2, max_value=10, value=5,
                        key="retrain_folds")
run_key = (uploaded.name, uploaded.size, tuple(sorted(columns.items())), folds)
if st.button("Train and cross-validate", key="retrain_train", type="primary"):
    try:
        st.session_state["retrain_run"] = (run_key, _train(data, uploaded.name, columns,
                                                           int(folds)))
    except CredibilityError as exc:
        show_error(exc)

stored = st.session_state.get("retrain_run")
if stored and stored[0] == run_key:
    run = stored[1]
    st.subheader("New model against the current one")
    st.dataframe(_comparison_table(run), hide_index=True, width="stretch", column_config={
        m: st.column_config.NumberColumn(format="%.3f") for m in METRICS})
    st.caption(f"New model: {run['result'].cv.scheme}, pooled out-of-fold predictions. The "
               "current model is scored as it is on the same articles; if it was trained on "
               "them, its figures are optimistic and the new model has to match them.")
    better = is_not_worse(run["comparison"]["new"], run["comparison"]["base"])
    if better:
        st.success("Not worse than the current model (ROC-AUC no lower, log loss no higher): "
                   "saving it will promote it.")
    else:
        st.warning("Worse than the current model on ROC-AUC or log loss: it can be saved, but "
                   "will not be promoted.")
    st.session_state.setdefault("retrain_name",
                                "model-" + dt.datetime.now().strftime("%Y%m%d-%H%M%S"))
    model_id = st.text_input("Name of the new model", key="retrain_name")
    if st.button("Save" + (" and promote" if better else ""), key="retrain_save"):
        try:
            _save(run, model_id.strip())
        except (CredibilityError, OSError) as exc:
            show_error(exc, "Could not save the model: ")
