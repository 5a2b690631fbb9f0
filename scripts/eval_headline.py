"""Check the headline cues against labeled clickbait headlines (Chakraborty et al. 2016).

Prints the ROC-AUC of the combined ``clickbait_cues`` count, of each headline feature alone, and
of a logistic regression on all headline features (stratified 5-fold cross-validation).

Usage::

    .venv/bin/python scripts/eval_headline.py [--data ../shared/data/clickbait_chakraborty2016]

Exits with status 2 and a one-line message when the data folder is missing. The data is read,
never copied into the project.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from credibility.features.headline import Headline

DEFAULT_DATA = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "clickbait_chakraborty2016"
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder holding headlines.csv (columns title, clickbait)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds")
    return parser


def load_headlines(folder: Path) -> pd.DataFrame:
    """The ``title`` and ``clickbait`` (1/0) columns of ``folder/headlines.csv``."""
    table = pd.read_csv(folder / "headlines.csv")
    missing = {"title", "clickbait"} - set(table.columns)
    if missing:
        raise SystemExit(f"headlines.csv lacks the column(s) {sorted(missing)}")
    table = table.dropna(subset=["title", "clickbait"])
    return pd.DataFrame({"text": "", "title": table["title"].astype(str),
                         "clickbait": table["clickbait"].astype(int)})


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not (args.data / "headlines.csv").is_file():
        print(f"error: {args.data / 'headlines.csv'} not found; pass --data with the folder of "
              "the Chakraborty et al. (2016) clickbait headlines", file=sys.stderr)
        return 2
    data = load_headlines(args.data)
    y = data["clickbait"].to_numpy()
    family = Headline()
    X = family.transform(data[["text", "title"]])
    names = list(family.get_feature_names_out())
    print(f"{len(y):,} headlines, {y.mean():.1%} clickbait\n")
    print(f"{'feature':<22}{'ROC-AUC':>8}{'mean cb':>10}{'mean not':>10}")
    for j, name in enumerate(names):
        col = np.nan_to_num(X[:, j], nan=0.0)
        print(f"{name:<22}{roc_auc_score(y, col):>8.3f}"
              f"{np.nanmean(X[y == 1, j]):>10.3f}{np.nanmean(X[y == 0, j]):>10.3f}")
    model = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                          LogisticRegression(max_iter=1000))
    folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=0)
    proba = cross_val_predict(model, X, y, cv=folds, method="predict_proba")[:, 1]
    cues = X[:, names.index("clickbait_cues")]
    print(f"\nROC-AUC clickbait_cues:                   {roc_auc_score(y, cues):.3f}")
    print(f"ROC-AUC logistic regression ({args.folds}-fold CV):  {roc_auc_score(y, proba):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
