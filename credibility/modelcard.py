"""The model card: what a model was trained on, how well it did, and how to reproduce it."""

from __future__ import annotations

from typing import Any

__all__ = ["render_model_card"]


def _fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _metric_table(rows: dict[str, dict[str, Any]]) -> str:
    cols = ("n", "roc_auc", "f1", "brier", "log_loss", "calibration_error")
    lines = ["| evaluation | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for name, m in rows.items():
        lines.append(f"| {name} | " + " | ".join(_fmt(m.get(c)) for c in cols) + " |")
    return "\n".join(lines)


def render_model_card(meta: dict[str, Any]) -> str:
    """Markdown model card from a model's ``metadata.json`` content."""
    td = meta.get("training_data", {})
    cv = meta.get("cv", {})
    evals = {f"cross-validation: {cv.get('scheme', '')}": cv.get("metrics", {})}
    evals.update(meta.get("evaluations", {}))
    groups = "\n".join(
        f"| {g['group']} | {g['count']} | {_fmt(g['mean'])} |" for g in td.get("groups", [])
    )
    group_table = (
        "| group | articles | share credible |\n|---|---|---|\n" + groups if groups else ""
    )
    versions = ", ".join(f"{k} {v}" for k, v in meta.get("versions", {}).items() if k != "sklearn")
    notes = meta.get("notes", "")
    features = meta.get("features", [])
    families = ", ".join(f"`{f}`" for f in dict.fromkeys(n.split("__", 1)[0] for n in features))
    weights = "\n".join(
        f"| {w['feature']} | {w['weight']:+.3f} |" for w in meta.get("top_weights", [])
    )
    weight_table = (
        "## Strongest features\n\nLog-odds per standard deviation of the normalised feature "
        "(positive: more credible).\n\n| feature | weight |\n|---|---|\n" + weights
        if weights else ""
    )
    return f"""# Model card: {meta.get('id', 'credibility model')}

A logistic regression with balanced classes, Platt-calibrated, over the feature families
{families}. It outputs the probability that an article is credible reporting, judged from its
writing and sourcing; nothing outlet-specific (publisher name, domain, house formatting) is a
feature. Every score decomposes exactly into a baseline plus one pull per feature, in log-odds.
Probabilities are calibrated for the training set's share of credible articles
({_fmt(meta.get('prior'))}); on a corpus with another base rate the ranking (ROC-AUC) holds but
the probabilities shift.

- Created: {meta.get('created', 'n/a')}
- Features: {len(meta.get('features', []))}
- Library versions: {versions}

## Intended use

A reading aid that explains why an article reads as credible or not: for journalists,
fact-checkers, researchers and teachers. It is not a fact-checker: it does not verify claims,
and a well-sourced article can still be wrong. Do not use the score alone to label an outlet.

## Training data

Files: {', '.join(td.get('paths', [])) or 'n/a'} (sha256 `{td.get('sha256', 'n/a')}`);
{td.get('n', 'n/a')} labeled articles, {td.get('n_credible', 'n/a')} credible;
{td.get('n_skipped_unlabeled', 0)} rows without a label skipped.
Group column: {td.get('group_column') or 'none'}.

{group_table}

## Metrics

{_metric_table(evals)}

ROC-AUC and the other figures are pooled over out-of-fold predictions. Grouped folds hold out
whole publishers, so they estimate performance on publishers the model has never seen.

{weight_table}

{notes}

## Reproduce

```
{meta.get('command', 'n/a')}
```
"""
