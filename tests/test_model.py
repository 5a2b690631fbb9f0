"""The model layer: persistence, explanation, training messages and the promotion gate."""

from __future__ import annotations

import io
import json
import math
import pickle
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from credibility.article import Article
from credibility.cli import main
from credibility.errors import DataError, ModelError
from credibility.labels import load_labeled
from credibility.model import CredibilityModel, band_of
from credibility.persist import load_pipeline
from credibility.pipeline import MODEL_FAMILIES

WIRE = (
    "The county board voted 5-2 on Tuesday to fund a new water treatment plant, according to "
    "the county budget office. \"We cannot keep patching pipes from the 1950s,\" said Maria "
    "Lopez, the county's public works director. \"This plan fixes the problem for decades.\" "
    "Board member Alan Reed, who voted against the plan, said the cost estimates may be too low."
)
SENSATIONAL = (
    "SHOCKING! The corrupt board just rammed through another disgusting scam and they think "
    "you are too stupid to notice! Insiders say the whole thing is a total disaster. These "
    "radical bureaucrats will NEVER stop stealing your money. Absolutely everyone knows it!"
)


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# ------------------------------------------------------------------------------ persistence
def test_save_load_gives_identical_predictions(trained_model, trained_model_dir, labeled_path):
    frame = pd.read_json(labeled_path, lines=True)
    again = CredibilityModel.load(trained_model_dir)
    np.testing.assert_array_equal(trained_model.predict_proba(frame), again.predict_proba(frame))


def test_pickle_file_is_refused(trained_model, tmp_path):
    bad = tmp_path / "model.skops"
    bad.write_bytes(pickle.dumps(trained_model.pipeline))
    with pytest.raises(ModelError, match="pickle"):
        load_pipeline(bad)


def test_truncated_file_is_refused(trained_model_dir, tmp_path):
    data = (trained_model_dir / "model.skops").read_bytes()
    bad = tmp_path / "model.skops"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match="refusing to load"):
        load_pipeline(bad)


def test_untrusted_type_is_refused_before_anything_runs(trained_model_dir, tmp_path):
    """A model file naming a type off the trust list is refused (here: os.system)."""
    src = trained_model_dir / "model.skops"
    bad = tmp_path / "model.skops"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "schema.json":
                schema = json.loads(data)
                schema["__module__"], schema["__class__"] = "os", "system"
                data = json.dumps(schema).encode()
            zout.writestr(item, data)
    with pytest.raises(ModelError, match="untrusted types"):
        load_pipeline(bad)


def test_missing_model_directory_message(tmp_path):
    code, _, err = _run(["score", "-", "--model", str(tmp_path / "nope")])
    assert code == 2
    assert err.startswith("error: no model directory") and "Traceback" not in err


def test_version_mismatch_warns(trained_model_dir, tmp_path):
    copy = tmp_path / "m"
    shutil.copytree(trained_model_dir, copy)
    meta = json.loads((copy / "metadata.json").read_text())
    meta["versions"]["sklearn"] = "0.0.1"
    (copy / "metadata.json").write_text(json.dumps(meta))
    with pytest.warns(UserWarning, match="scikit-learn 0.0.1"):
        CredibilityModel.load(copy)


# ------------------------------------------------------------------------------ explanation
def test_explanation_sums_exactly_to_log_odds(trained_model, labeled_path):
    frame = pd.read_json(labeled_path, lines=True)
    X = trained_model.featurize(frame)
    expl = trained_model.explain(X)
    p = trained_model.pipeline.predict_proba(frame)[:, 1]
    np.testing.assert_allclose(expl.baseline + expl.pulls.sum(axis=1), expl.logits, atol=1e-9)
    np.testing.assert_allclose(expl.probabilities, p, rtol=1e-9, atol=1e-12)
    fams, fam = expl.family_pulls()
    np.testing.assert_allclose(fam.sum(axis=1), expl.pulls.sum(axis=1), atol=1e-9)
    assert tuple(fams) == MODEL_FAMILIES


def test_score_result_is_consistent(trained_model):
    r = trained_model.score(Article(title="Board funds water plant", text=WIRE))
    assert math.isclose(r.baseline + sum(r.pulls.values()), r.logit, abs_tol=1e-9)
    assert math.isclose(sum(r.family_pulls.values()), sum(r.pulls.values()), abs_tol=1e-9)
    assert 0 <= r.score <= 100 and r.band == band_of(r.score)
    assert r.reasons and all(r.reasons[i].pull ** 2 >= r.reasons[i + 1].pull ** 2
                             for i in range(len(r.reasons) - 1))
    assert r.analysis is not None and r.analysis.evidence("quotes")


def test_careful_report_outscores_sensational_post(trained_model):
    wire = trained_model.score(Article(title="Board funds water treatment plant", text=WIRE))
    hype = trained_model.score(Article(title="You Won't BELIEVE This SCAM!!", text=SENSATIONAL))
    assert wire.probability > hype.probability


@pytest.mark.parametrize(
    "prefix",
    ["(CNN) — ", "(Reuters) - ", "WASHINGTON (AP) — ", "Daily Ledger reports: "],
)
def test_dateline_or_publisher_name_barely_moves_the_score(trained_model, prefix):
    """Metamorphic: the score comes from the writing, not from who published it."""
    plain = trained_model.score(Article(text=WIRE, title="Board funds water plant"))
    marked = trained_model.score(Article(text=prefix + WIRE, title="Board funds water plant"))
    assert abs(plain.probability - marked.probability) < 0.03


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list("abc DEF.!?\"'“”\n,") + ["said ", "the "]),
                min_size=1, max_size=150).map("".join))
def test_any_text_scores_within_bounds(trained_model, text):
    if not text.strip() or not any(c.isalpha() for c in text):
        return
    r = trained_model.score(Article(text=text + " word"))
    assert 0.0 <= r.probability <= 1.0
    assert math.isfinite(r.logit)
    assert math.isclose(r.baseline + sum(r.pulls.values()), r.logit, abs_tol=1e-9)


# ------------------------------------------------------------------------------- training
def _write(tmp_path: Path, rows: list[dict], name: str = "data.csv") -> Path:
    path = tmp_path / name
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.mark.parametrize("value", ["maybe", "2", "yes please"])
def test_bad_label_values_are_listed(tmp_path, labeled_path, value):
    frame = pd.read_json(labeled_path, lines=True).astype({"label": object})
    frame.loc[3, "label"] = value
    path = _write(tmp_path, frame.to_dict("records"))
    code, _, err = _run(["train", str(path), "--out", str(tmp_path / "models" / "m")])
    assert code == 2
    assert f"'{value}'" in err and "1/0, true/false" in err and "Traceback" not in err


def test_accepted_label_spellings(tmp_path, labeled_path):
    frame = pd.read_json(labeled_path, lines=True)
    spell = {1: ["1", "1.0", "true", "credible"], 0: ["0", "0.0", "false", "not credible"]}
    frame["label"] = [spell[v][i % 4] for i, v in enumerate(frame["label"])]
    frame.loc[0, "label"] = None
    data = load_labeled([_write(tmp_path, frame.to_dict("records"))])
    assert data.n_skipped == 1 and len(data.frame) == len(frame) - 1


def test_one_class_data_is_refused(tmp_path, labeled_path):
    frame = pd.read_json(labeled_path, lines=True)
    frame["label"] = 1
    with pytest.raises(DataError, match="both classes"):
        load_labeled([_write(tmp_path, frame.to_dict("records"))])


def test_missing_column_names_the_flag(tmp_path, labeled_path):
    frame = pd.read_json(labeled_path, lines=True).rename(columns={"text": "body"})
    path = _write(tmp_path, frame.to_dict("records"))
    code, _, err = _run(["train", str(path), "--out", str(tmp_path / "m")])
    assert code == 2 and "no column 'text'" in err and "--text-column" in err


def test_too_few_rows_refused(tmp_path, labeled_path):
    frame = pd.read_json(labeled_path, lines=True).head(6)
    with pytest.raises(DataError, match="at least 20"):
        load_labeled([_write(tmp_path, frame.to_dict("records"))])


def test_train_end_to_end_writes_model_card_and_metadata(tmp_path, labeled_path):
    out = tmp_path / "models" / "first"
    code, stdout, err = _run(["train", str(labeled_path), "--out", str(out), "--folds", "4"])
    assert code == 0, err
    assert {"model.skops", "metadata.json", "README.md"} <= {p.name for p in out.iterdir()}
    meta = json.loads((out / "metadata.json").read_text())
    assert meta["cv"]["scheme"].startswith("GroupKFold(4) grouped by 'source'")
    assert 0.0 <= meta["cv"]["metrics"]["roc_auc"] <= 1.0
    assert len(meta["features"]) == len(CredibilityModel.load(out).feature_names)
    assert "credibility train" in (out / "README.md").read_text()
    assert (tmp_path / "models" / "CURRENT").read_text().strip() == "first"
    code, stdout, _ = _run(["evaluate", str(labeled_path), "--model", str(out), "--json"])
    metrics = json.loads(stdout)
    assert code == 0 and {"roc_auc", "f1", "brier", "log_loss", "n"} <= set(metrics)


def test_promotion_gate_keeps_a_worse_model_out(tmp_path, labeled_path, trained_model_dir):
    models = tmp_path / "models"
    shutil.copytree(trained_model_dir, models / "good")
    (models / "CURRENT").write_text("good\n")
    frame = pd.read_json(labeled_path, lines=True)
    rng = np.random.default_rng(0)
    frame["label"] = rng.permutation(frame["label"].to_numpy())  # labels without signal
    noisy = _write(tmp_path, frame.to_dict("records"))
    code, out, _ = _run(["train", str(noisy), "--out", str(models / "noisy"), "--base",
                         "CURRENT", "--folds", "4", "--json"])
    report = json.loads(out)
    assert code == 0 and report["promoted"] is False
    assert (models / "CURRENT").read_text().strip() == "good"
    assert (models / "noisy" / "model.skops").is_file()  # kept in its own folder
    code, out, _ = _run(["train", str(noisy), "--out", str(models / "forced"), "--base",
                         "CURRENT", "--folds", "4", "--force", "--json"])
    assert json.loads(out)["promoted"] is True
    assert (models / "CURRENT").read_text().strip() == "forced"


# ------------------------------------------------------------------------------ classifier
def test_unconstrained_fit_equals_scikit_learn_logistic_regression():
    from sklearn.linear_model import LogisticRegression

    from credibility.classifier import fit_logistic

    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 4))
    y = (X[:, 0] - X[:, 1] + rng.normal(size=300) > 0).astype(int)
    w, b = fit_logistic(X, y, C=0.1)
    lr = LogisticRegression(C=0.1, tol=1e-10, max_iter=10_000).fit(X, y)
    np.testing.assert_allclose(w, lr.coef_[0], atol=1e-4)
    assert abs(b - lr.intercept_[0]) < 1e-4


def test_fitted_weights_keep_their_expected_signs(trained_model):
    from credibility.pipeline import expected_signs, linear_parts

    w, _ = linear_parts(trained_model.pipeline)
    for name, sign, weight in zip(trained_model.feature_names,
                                  expected_signs(trained_model.feature_names), w, strict=True):
        assert sign * weight >= -1e-9, (name, weight)


def test_calibrated_for_the_stated_prior(trained_model, labeled_path):
    frame = pd.read_json(labeled_path, lines=True)
    p = trained_model.predict_proba(frame)
    assert abs(p.mean() - frame["label"].mean()) < 0.1
