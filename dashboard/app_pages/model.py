"""The model: its card, cross-validated metrics, calibration, weights and training data."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from components import current_model, page_header, reliability_chart, weights_chart

from credibility.reasons import feature_label
from credibility.views import family_label, family_weights, metrics_frame

METRICS = (("roc_auc", "ROC-AUC", "Ranking quality: 0.5 is chance, 1 is perfect."),
           ("f1", "F1", "Of credible articles, at a 0.5 threshold."),
           ("brier", "Brier score", "Mean squared error of the probability (lower is better)."),
           ("log_loss", "Log loss", "Lower is better."),
           ("calibration_error", "Calibration error",
            "Mean gap between predicted probability and observed share (lower is better)."))

model = current_model()
meta = model.metadata
cv = meta.get("cv") or {}
data = meta.get("training_data") or {}

page_header(f"Model: {model.name}",
            f"Loaded from `{model.path}` · created {meta.get('created', 'n/a')}")

st.subheader("Cross-validated metrics")
metrics = cv.get("metrics") or {}
if metrics:
    for column, (key, label, help_text) in zip(st.columns(len(METRICS)), METRICS, strict=True):
        value = metrics.get(key)
        column.metric(label, "n/a" if value is None else f"{value:.3f}", help=help_text)
    st.caption(f"{cv.get('scheme', '')}; {metrics.get('n', 'n/a')} articles, pooled "
               "out-of-fold predictions.")
    if cv.get("folds"):
        with st.expander("Per fold"):
            st.dataframe(metrics_frame(cv["folds"]), hide_index=True, width="stretch")
else:
    st.info("This model's metadata holds no cross-validation results.")
evaluations = meta.get("evaluations") or {}
if evaluations:
    st.markdown("**Other evaluations**")
    rows = [{"evaluation": name, **values} for name, values in evaluations.items()]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

st.subheader("Calibration")
if cv.get("reliability"):
    st.altair_chart(reliability_chart(cv["reliability"]), width="stretch")
    st.caption("Each point is a bin of out-of-fold predictions: a calibrated model sits on the "
               "dashed diagonal (of articles given 70%, 70% are credible). Point size = articles.")
else:
    st.info("No reliability table in this model's metadata.")

st.subheader("What the model weighs")
weights = model.global_weights()
left, right = st.columns(2)
with left:
    st.markdown("**Per family**")
    st.dataframe(family_weights(weights), hide_index=True, width="stretch",
                 column_config={"total |weight|": st.column_config.NumberColumn(format="%.3f"),
                                "net weight": st.column_config.NumberColumn(format="%+.3f")})
    st.caption("Weights are log-odds per standard deviation of a feature: positive pushes "
               "towards credible.")
with right:
    st.markdown("**Strongest features**")
    shown = weights.assign(feature=weights["feature"].map(feature_label),
                           family=weights["family"].map(family_label))
    st.altair_chart(weights_chart(shown), width="stretch")
with st.expander("Every feature's weight"):
    st.dataframe(shown.sort_values("weight", key=abs, ascending=False), hide_index=True,
                 width="stretch")

st.subheader("Training data")
if data:
    n, n_credible = data.get("n", 0), data.get("n_credible", 0)
    a, b, c = st.columns(3)
    a.metric("Labeled articles", f"{n:,}")
    b.metric("Credible", f"{n_credible:,}")
    c.metric("Not credible", f"{n - n_credible:,}")
    st.markdown(f"Files: {', '.join(f'`{p}`' for p in data.get('paths', [])) or 'n/a'} · "
                f"sha256 `{str(data.get('sha256', 'n/a'))[:16]}…` · "
                f"{data.get('n_skipped_unlabeled', 0)} rows without a label skipped · "
                f"grouped by `{data.get('group_column') or 'nothing'}`")
    if data.get("groups"):
        groups = pd.DataFrame(data["groups"]).rename(
            columns={"count": "articles", "mean": "share credible"})
        st.dataframe(groups, hide_index=True, width="stretch")
else:
    st.info("This model's metadata does not describe its training data.")
if meta.get("command"):
    st.markdown("**Reproduce with**")
    st.code(meta["command"], language="bash")

st.subheader("Model card")
card = (model.path / "README.md") if model.path else None
if card is not None and card.is_file():
    with st.expander("Read the model card", expanded=False):
        st.markdown(card.read_text(encoding="utf-8"))
else:
    st.info("This model directory has no model card (README.md).")
