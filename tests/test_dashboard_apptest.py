"""Every dashboard page driven through Streamlit's AppTest, widgets by key, results asserted."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"

ARTICLE = """The Millbrook school board voted 5-2 on Monday to keep its four neighbourhood \
libraries open on Saturdays, reversing a plan to close them to save $310,000 a year.

"Closing on the one day working parents can come in would have cost us more than it saved," \
said Priya Natarajan, the board's vice chair. "We found the money in the transport budget."

Board member Colin Achebe, who voted against the motion, said the district could not keep \
postponing repairs. "The roof at the east branch has leaked for three winters," he said.

A parent posted <script>alert(1)</script> in the meeting's online chat, the minutes show."""

GERMAN = ("Der Schulrat von Millbrook hat am Montag mit fünf zu zwei Stimmen beschlossen, die "
          "vier Stadtteilbibliotheken auch samstags zu öffnen. Damit wird ein Plan aufgehoben, "
          "mit dem jedes Jahr viel Geld gespart werden sollte. Die Eltern sind darüber froh.")


@pytest.fixture()
def app(trained_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The dashboard on the fixture model, first page rendered."""
    monkeypatch.setenv("CREDIBILITY_MODEL", str(trained_model_dir))
    monkeypatch.syspath_prepend(str(ROOT / "dashboard"))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def messages(at: AppTest, kind: str) -> str:
    return "\n".join(e.value for e in getattr(at, kind))


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    for element in at.dataframe:
        if column in element.value.columns:
            return element.value
    raise AssertionError(f"no table with a {column!r} column")


# ------------------------------------------------------------------------------------ Analyze
def test_analyze_pasted_article(app: AppTest) -> None:
    app.text_area(key="article_text").input(ARTICLE + "\n\nShare this article\n")
    app.text_input(key="headline").input("Libraries stay open on Saturdays")
    app.button(key="analyze").click().run()
    assert not app.exception
    score = app.metric[0]
    assert score.label == "Credibility score" and score.value.endswith("/ 100")
    assert 0 <= int(score.value.split("/")[0]) <= 100
    assert app.metric[1].value in ("low", "mixed", "high")
    assert len(app.get("vega_lite_chart")) >= 1  # the family breakdown (and sentence sentiment)
    quotes = frame_with(app, "speaker")
    assert "Priya Natarajan" in quotes["speaker"].tolist()
    assert any("We found the money" in q for q in quotes["quote"])
    text = markdown_text(app)
    assert 'class="cred-article"' in text and "cred-quote" in text
    # the article's <script> is shown as text, never as markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>" not in text
    assert "Libraries stay open on Saturdays" in text
    assert not app.warning  # English text: no language warning
    reasons = [m.value for m in app.markdown if m.value.startswith(("▲", "▼"))]
    assert reasons, "top reasons are listed"
    stripped = [d.value for d in app.dataframe if list(d.value.columns) == ["text", "kind"]]
    assert stripped and stripped[-1].to_dict("records") == [
        {"text": "Share this article", "kind": "share"}]
    assert len(frame_with(app, "verdict")) >= 5  # readability against typical news writing


def test_analyze_example_fills_the_form(app: AppTest) -> None:
    options = app.selectbox(key="example").options
    assert len(options) >= 3  # a placeholder and the shipped examples
    app.selectbox(key="example").set_value(options[1]).run()
    assert len(app.text_area(key="article_text").value) > 500
    assert app.text_input(key="headline").value
    app.button(key="analyze").click().run()
    assert not app.exception and app.metric[0].value.endswith("/ 100")


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_analyze_empty_text_asks_for_text(app: AppTest, text: str) -> None:
    app.text_area(key="article_text").input(text)
    app.button(key="analyze").click().run()
    assert not app.exception and not app.metric
    assert "Paste the text of an article" in messages(app, "warning")


def test_analyze_text_that_is_all_page_boilerplate_is_a_message(app: AppTest) -> None:
    app.text_area(key="article_text").input("Share this article\nFollow us on Twitter: @paper")
    app.button(key="analyze").click().run()
    assert not app.exception and not app.metric
    assert "no text to analyze" in messages(app, "error")


def test_analyze_non_english_text_warns(app: AppTest) -> None:
    app.text_area(key="article_text").input(GERMAN)
    app.button(key="analyze").click().run()
    assert not app.exception
    assert "does not look like English" in messages(app, "warning")


def test_analyze_uploaded_html_file(app: AppTest) -> None:
    app.radio(key="input_mode").set_value("Upload a file").run()
    page = ("<html><head><title>Libraries stay open</title></head><body><article>"
            "<h1>Libraries stay open</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE.replace("<script>", "").split("\n\n"))
            + "</article></body></html>").encode()
    app.file_uploader(key="article_file").set_value(("story.html", page, "text/html"))
    app.button(key="analyze").click().run()
    assert not app.exception
    assert app.metric[0].value.endswith("/ 100")
    assert "Priya Natarajan" in frame_with(app, "speaker")["speaker"].tolist()


def test_analyze_upload_over_the_size_limit_is_refused(app: AppTest,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("credibility.uploads.MAX_UPLOAD_BYTES", 100)
    app.radio(key="input_mode").set_value("Upload a file").run()
    app.file_uploader(key="article_file").set_value(("long.txt", ARTICLE.encode(), "text/plain"))
    app.button(key="analyze").click().run()
    assert not app.exception and not app.metric
    assert "over the 100 bytes upload limit" in messages(app, "error")


def test_analyze_unreachable_url_is_a_message_not_a_traceback(app: AppTest) -> None:
    import socket

    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app.radio(key="input_mode").set_value("From a URL").run()
    app.text_input(key="article_url").input(f"http://127.0.0.1:{port}/story")
    app.button(key="analyze").click().run()
    assert not app.exception and not app.metric
    assert "cannot fetch" in messages(app, "error")


# -------------------------------------------------------------------------------------- Batch
def batch_csv() -> bytes:
    rows = [{"uid": f"r{i}", "headline": f"Story {i}", "body": ARTICLE.replace("Millbrook", town),
             "outlet": outlet}
            for i, (town, outlet) in enumerate([("Ashford", "north.example"),
                                                ("Bexley", "north.example"),
                                                ("Carlow", "south.example")])]
    rows.append({"uid": "blank", "headline": "Nothing here", "body": "", "outlet": "south.example"})
    return pd.DataFrame(rows).to_csv(index=False).encode()


def test_batch_scores_a_table(app: AppTest) -> None:
    app.switch_page("app_pages/batch.py").run()
    app.file_uploader(key="batch_file").set_value(("articles.csv", batch_csv(), "text/csv")).run()
    assert not app.exception
    assert app.selectbox(key="batch_text_column").value == "body"
    assert app.selectbox(key="batch_title_column").value == "headline"
    assert app.selectbox(key="batch_source_column").value == "outlet"
    app.selectbox(key="batch_id_column").set_value("uid")
    app.button(key="batch_score").click().run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Articles scored"] == "3" and metrics["Could not be scored"] == "1"
    results = frame_with(app, "probability")
    assert sorted(results["id"]) == ["r0", "r1", "r2"]
    assert results["score"].between(0, 100).all()
    outlets = frame_with(app, "n_articles").set_index("source")
    assert outlets.loc["north.example", "n_articles"] == 2
    assert len(app.get("vega_lite_chart")) == 1  # the score distribution
    downloads = {d.label for d in app.get("download_button")}
    assert downloads == {"Download results (CSV)", "Download results (Parquet)"}
    # filters: nothing is in the 0-1 score range unless a score is that low
    app.slider(key="batch_score_range").set_value((0, 1)).run()
    shown = frame_with(app, "probability")
    assert (shown["score"] <= 1).all()


def test_batch_reads_jsonl_and_parquet(app: AppTest) -> None:
    frame = pd.read_csv(io.BytesIO(batch_csv()))
    parquet = io.BytesIO()
    frame.to_parquet(parquet, index=False)
    jsonl = "\n".join(json.dumps(r) for r in frame.fillna("").to_dict("records")).encode()
    app.switch_page("app_pages/batch.py").run()
    for name, data in (("a.jsonl", jsonl), ("a.parquet", parquet.getvalue())):
        app.file_uploader(key="batch_file").set_value((name, data, "application/octet-stream"))
        app.run()
        app.button(key="batch_score").click().run()
        assert not app.exception, name
        assert {m.label: m.value for m in app.metric}["Articles scored"] == "3", name


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("numbers.csv", b"id,count\n1,2\n2,3\n", "No column of numbers.csv holds article text"),
        ("broken.parquet", b"PAR1 this is not parquet", "cannot read broken.parquet"),
    ],
)
def test_batch_unusable_files_get_a_message(app: AppTest, name: str, data: bytes,
                                            message: str) -> None:
    app.switch_page("app_pages/batch.py").run()
    app.file_uploader(key="batch_file").set_value((name, data, "application/octet-stream")).run()
    assert not app.exception
    assert message in messages(app, "error")
    assert not app.get("button")


# -------------------------------------------------------------------------------------- Model
def test_model_page(app: AppTest, trained_model_dir: Path) -> None:
    app.switch_page("app_pages/model.py").run()
    assert not app.exception
    assert trained_model_dir.name in app.title[0].value
    metrics = {m.label: m.value for m in app.metric}
    assert 0.0 <= float(metrics["ROC-AUC"]) <= 1.0
    assert metrics["Labeled articles"] == "48"
    assert len(app.get("vega_lite_chart")) == 2  # reliability plot and feature weights
    families = frame_with(app, "total |weight|")
    assert {"Sourcing", "Loaded language", "Readability"} <= set(families["family"])
    assert "Model card" in markdown_text(app)


def test_missing_model_is_a_message(app: AppTest, monkeypatch: pytest.MonkeyPatch,
                                    tmp_path: Path) -> None:
    monkeypatch.setenv("CREDIBILITY_MODEL", str(tmp_path / "no-such-model"))
    app.switch_page("app_pages/model.py").run()
    assert not app.exception
    assert "The model could not be loaded" in messages(app, "error")


# ------------------------------------------------------------------------------------ Retrain
@pytest.fixture()
def models_copy(trained_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private models folder holding a copy of the fixture model as CURRENT."""
    models = tmp_path / "models"
    shutil.copytree(trained_model_dir, models / "base")
    (models / "CURRENT").write_text("base\n")
    monkeypatch.setenv("CREDIBILITY_MODEL", str(models / "base"))
    return models


def test_retrain_cross_validates_compares_and_keeps_a_worse_model_unpromoted(
    app: AppTest, models_copy: Path, labeled_path: Path
) -> None:
    app.switch_page("app_pages/retrain.py").run()
    app.file_uploader(key="retrain_file").set_value(
        ("labeled.jsonl", labeled_path.read_bytes(), "application/jsonl")).run()
    assert app.selectbox(key="retrain_text_column").value == "text"
    assert app.selectbox(key="retrain_label_column").value == "label"
    assert app.selectbox(key="retrain_group_column").value == "source"
    app.number_input(key="retrain_folds").set_value(3)
    app.button(key="retrain_train").click().run()
    assert not app.exception
    table = frame_with(app, "log_loss")
    assert table["model"].tolist() == ["new (cross-validated)", "current: fixture-model"]
    assert "GroupKFold(3)" in "\n".join(c.value for c in app.caption)
    app.text_input(key="retrain_name").input("retrained")
    app.button(key="retrain_save").click().run()
    assert not app.exception
    assert (models_copy / "retrained" / "model.skops").is_file()
    # the base model is scored on its own training data, so the new model's cross-validated
    # figures cannot beat it: saved, not promoted
    assert "not promoted" in messages(app, "warning")
    assert (models_copy / "CURRENT").read_text().strip() == "base"
    # saving twice under the same name is refused
    app.button(key="retrain_save").click().run()
    assert "already exists" in messages(app, "error")


def test_retrain_promotes_a_better_model(app: AppTest, models_copy: Path, labeled_path: Path,
                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    """Against a model trained on flipped labels, the retrained model is better: promoted."""
    from credibility.labels import load_labeled
    from credibility.registry import promote, save_model
    from credibility.training import train

    rows = [json.loads(line) for line in labeled_path.read_text().splitlines() if line.strip()]
    flipped = tmp_path / "flipped.jsonl"
    flipped.write_text("\n".join(json.dumps({**r, "label": 1 - int(r["label"])}) for r in rows))
    data = load_labeled([flipped])
    save_model(train(data, n_splits=2), models_copy / "worse", data=data, command="test")
    promote(models_copy, "worse")
    monkeypatch.setenv("CREDIBILITY_MODEL", str(models_copy / "worse"))
    app.switch_page("app_pages/retrain.py").run()
    app.file_uploader(key="retrain_file").set_value(
        ("labeled.jsonl", labeled_path.read_bytes(), "application/jsonl")).run()
    app.number_input(key="retrain_folds").set_value(3)
    app.button(key="retrain_train").click().run()
    assert "saving it will promote it" in messages(app, "success")
    app.text_input(key="retrain_name").input("better")
    app.button(key="retrain_save").click().run()
    assert not app.exception
    assert (models_copy / "CURRENT").read_text().strip() == "better"


def test_retrain_wrong_label_column_is_a_message(app: AppTest, models_copy: Path,
                                                 labeled_path: Path) -> None:
    app.switch_page("app_pages/retrain.py").run()
    app.file_uploader(key="retrain_file").set_value(
        ("labeled.jsonl", labeled_path.read_bytes(), "application/jsonl")).run()
    app.selectbox(key="retrain_label_column").set_value("title")
    app.button(key="retrain_train").click().run()
    assert not app.exception
    assert "has values that are not labels" in messages(app, "error")


def test_pasted_text_with_a_headline_line_uses_it_as_the_headline(app: AppTest) -> None:
    text = (ROOT / "credibility" / "data" / "examples" / "sensational_post.txt").read_text(
        encoding="utf-8")
    app.text_area(key="article_text").set_value(text)
    app.button(key="analyze").click().run()
    assert not app.exception
    assert "BREAKING" in markdown_text(app)
    score = next(m for m in app.metric if m.label == "Credibility score")
    assert int(str(score.value).split("/")[0]) < 40
