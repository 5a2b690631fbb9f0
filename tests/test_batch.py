"""The local batch engine: chunking, resume after a kill, atomic output, bad rows, formats."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from credibility import outputs
from credibility.article import Article
from credibility.batch import _chunks, score_inputs
from credibility.cli import main
from credibility.errors import InputError
from credibility.ingest import RowError
from credibility.journal import Done, Journal
from credibility.outputs import read_rows
from credibility.rows import load_model, output_columns, score_items

ROOT = Path(__file__).resolve().parent.parent
JUNK = "zq" * 15_000  # 30,000 characters, over the 20,000-character limit these tests set
READER = {"max_chars": 20_000}


def _read(path: Path) -> pd.DataFrame:
    return pd.concat(read_rows(path), ignore_index=True)


@pytest.fixture(scope="module")
def articles(labeled_path: Path) -> list[dict]:
    """The labeled fixture's articles, with three bad rows mixed in."""
    good = [json.loads(line) for line in labeled_path.read_text(encoding="utf-8").splitlines()]
    rows = [{k: r[k] for k in ("id", "title", "text", "source")} for r in good[:24]]
    rows.insert(3, {"id": "bad-empty", "title": "Nothing here", "text": "", "source": "a.example"})
    rows.insert(10, {"id": "bad-space", "title": "Blank", "text": "  \n ", "source": "b.example"})
    rows.insert(17, {"id": "bad-junk", "title": "Junk", "text": JUNK, "source": "a.example"})
    return rows


@pytest.fixture(scope="module")
def articles_csv(articles: list[dict], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("batch_in") / "articles.csv"
    pd.DataFrame(articles).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def reference(articles_csv: Path, trained_model_dir: Path,
              tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """An uninterrupted single-process run, one chunk."""
    out = tmp_path_factory.mktemp("batch_ref") / "scores.parquet"
    report = score_inputs([articles_csv], out, reader=READER, model=trained_model_dir, jobs=1,
                          chunk_size=1000)
    assert (report.n_rows, report.n_errors) == (27, 3)
    return _read(out)


def test_rows_hold_scores_and_errors(reference: pd.DataFrame) -> None:
    bad = reference.iloc[[3, 10, 17]].set_index("id")
    # an oversized CSV record is skipped unparsed, so its id is the file stem and row number
    assert list(bad.index) == ["bad-empty", "bad-space", "articles:18"]
    assert bad["score"].isna().all() and (bad["band"] == "").all()
    assert bad.loc["bad-empty", "error"].startswith("the 'text' value is empty")
    assert "over the size limit" in bad.loc["articles:18", "error"]
    assert bad.loc["bad-empty", "source"] == ""  # a row the reader refused carries its id only
    good = reference[reference["error"] == ""]
    assert len(good) == 24
    assert good["score"].between(0, 100).all() and good["band"].isin(["low", "mixed", "high"]).all()
    pulls = [c for c in reference.columns if c.startswith("pull_")]
    assert {"pull_sourcing", "pull_loaded_language"} <= set(pulls)
    assert good[pulls].notna().all().all()
    assert (good["reasons"] != "").all()
    assert list(reference["id"][:4]) == ["fx-001", "fx-002", "fx-003", "bad-empty"]


def test_speakers_column_matches_the_quotes(reference: pd.DataFrame) -> None:
    good = reference[reference["error"] == ""]
    for _, row in good.iterrows():
        speakers = json.loads(row["speakers"])
        assert all(isinstance(name, str) and count >= 1 for name, count in speakers)
        assert sum(count for _, count in speakers) <= row["n_quotes"]
        if row["n_quotes"] == 0:
            assert pd.isna(row["named_quote_share"])
    assert good["n_quotes"].sum() > 0


@pytest.mark.parametrize("chunk_size", [1, 4, 26, 27, 500])
def test_chunk_boundaries_do_not_change_rows(chunk_size: int, articles_csv: Path,
                                             trained_model_dir: Path, reference: pd.DataFrame,
                                             tmp_path: Path) -> None:
    out = tmp_path / "scores.parquet"
    score_inputs([articles_csv], out, reader=READER, model=trained_model_dir, jobs=1,
                 chunk_size=chunk_size)
    pd.testing.assert_frame_equal(_read(out), reference)
    assert not Journal(out).folder.exists()


def test_worker_pool_gives_the_same_rows(articles_csv: Path, trained_model_dir: Path,
                                         reference: pd.DataFrame, tmp_path: Path) -> None:
    out = tmp_path / "scores.parquet"
    report = score_inputs([articles_csv], out, reader=READER, model=trained_model_dir, jobs=2,
                          chunk_size=5)
    assert report.n_rows == 27
    pd.testing.assert_frame_equal(_read(out), reference)


def _item(i: int) -> Article:
    return Article(text="x", id=f"a{i}")


def test_chunks_skip_done_rows_and_never_span_a_gap() -> None:
    done = Done(ids={2: "a2", 3: "a3", 7: "a7"})
    chunks = list(_chunks(iter([_item(i) for i in range(10)]), done, 3,
                          lambda first, batch: (first, [a.id for a in batch])))
    assert chunks == [(0, ["a0", "a1"]), (4, ["a4", "a5", "a6"]), (8, ["a8", "a9"])]


def test_chunks_refuse_a_changed_input() -> None:
    with pytest.raises(Exception, match="the input changed"):
        list(_chunks(iter([_item(0), _item(9)]), Done(ids={1: "a1"}), 5, lambda f, b: b))


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_every_format_round_trips(fmt: str, articles_csv: Path, trained_model_dir: Path,
                                  tmp_path: Path) -> None:
    out = tmp_path / f"scores.{fmt}"
    score_inputs([articles_csv], out, reader=READER, model=trained_model_dir, jobs=1,
                 chunk_size=10, with_features=True)
    back = _read(out)
    direct = _rows_frame(articles_csv, trained_model_dir)
    pd.testing.assert_frame_equal(back, direct)
    assert str(back["score"].dtype) == "Int64" and back["title"].map(type).eq(str).all()
    if fmt == "csv":
        first = out.read_text(encoding="utf-8").splitlines()[1].split(",")
        assert first[3].isdigit()  # a score is written 81, never 81.0


def _rows_frame(path: Path, model_dir: Path) -> pd.DataFrame:
    """The rows computed in memory, as the reader of a written file returns them."""
    from credibility.ingest import read_articles

    model = load_model(str(model_dir))
    rows = score_items(model, read_articles(path, **READER), with_features=True)
    schema = outputs.row_schema(output_columns(model.feature_names, with_features=True))
    return outputs.to_frame(outputs.rows_table(rows, schema)).pipe(
        lambda f: f.assign(**{c: f[c].fillna("").astype("str") for c in outputs.TEXT_COLUMNS}))


def test_a_failed_assembly_leaves_no_output(articles_csv: Path, trained_model_dir: Path,
                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    out = tmp_path / "scores.csv"
    out.write_text("an earlier, complete file\n", encoding="utf-8")

    def crash(tables, fh, schema):
        fh.write("id,score\nhalf-written")
        raise OSError("disk full")

    monkeypatch.setattr(outputs, "_write_csv", crash)
    with pytest.raises(OSError, match="disk full"):
        score_inputs([articles_csv], out, reader=READER, model=trained_model_dir, jobs=1)
    assert out.read_text(encoding="utf-8") == "an earlier, complete file\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert len(Journal(out).parts()) == 1  # the scored rows are kept for --resume


def test_an_unfinished_run_is_not_silently_overwritten(articles_csv: Path,
                                                       trained_model_dir: Path,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "scores.jsonl"
    Journal(out).folder.mkdir()
    with pytest.raises(InputError, match="pass --resume"):
        score_inputs([articles_csv], out, reader=READER, model=trained_model_dir, jobs=1)
    with pytest.raises(InputError, match="unknown output format"):
        score_inputs([articles_csv], tmp_path / "scores.xlsx", model=trained_model_dir)


def test_resume_refuses_other_columns(articles_csv: Path, trained_model_dir: Path,
                                      tmp_path: Path) -> None:
    out = tmp_path / "scores.parquet"

    def interrupted():
        yield from [Article(text="The council met on Monday. It voted.", id="only")]
        raise KeyboardInterrupt

    from credibility.batch import score_to_file

    with pytest.raises(KeyboardInterrupt):
        score_to_file(interrupted(), out, model=trained_model_dir, jobs=1, chunk_size=1)
    assert len(Journal(out).parts()) == 1 and not out.exists()
    with pytest.raises(InputError, match="output columns"):
        score_to_file(iter([]), out, model=trained_model_dir, jobs=1, resume=True,
                      with_features=True)


def test_resume_after_a_kill_equals_an_uninterrupted_run(
    articles: list[dict], trained_model_dir: Path, tmp_path: Path
) -> None:
    """SIGKILL the CLI once a few chunks are written, resume, compare row for row."""
    many = pd.DataFrame([{**a, "id": f"{a['id']}-{k}"} for k in range(8) for a in articles])
    source = tmp_path / "many.jsonl"
    many.to_json(source, orient="records", lines=True)
    out = tmp_path / "scores.csv"
    args = ["score", str(source), "--out", str(out), "--model", str(trained_model_dir),
            "--chunk-size", "4", "--jobs", "2", "--max-chars", "20000"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "credibility.cli", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    journal = Journal(out)
    deadline = time.monotonic() + 60
    while len(journal.parts()) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
    done_before = len(journal.parts())
    assert done_before >= 3 and not out.exists()

    err = io.StringIO()
    assert main([*args, "--resume"], stdout=io.StringIO(), stderr=err) == 0
    assert "of them from the interrupted run" in err.getvalue()
    resumed = _read(out)
    whole = tmp_path / "whole.csv"
    assert main([*args[:3], str(whole), *args[4:]], stdout=io.StringIO(),
                stderr=io.StringIO()) == 0
    pd.testing.assert_frame_equal(resumed, _read(whole))
    assert resumed["id"].is_unique and len(resumed) == len(many)


def test_cli_exit_status_and_summary(articles_csv: Path, trained_model_dir: Path,
                                     tmp_path: Path) -> None:
    base = ["score", str(articles_csv), "--model", str(trained_model_dir), "--jobs", "1",
            "--max-chars", "20000"]
    err = io.StringIO()
    assert main([*base, "--out", str(tmp_path / "a.csv")], stderr=err) == 0
    text = err.getvalue()
    assert "scored 24 of 27 rows" in text and "3 row(s) could not be scored" in text
    assert "row 4 (bad-empty): the 'text' value is empty" in text
    assert main([*base, "--out", str(tmp_path / "b.csv"), "--strict"], stderr=io.StringIO()) == 1

    only_bad = tmp_path / "bad.csv"
    pd.DataFrame([{"id": "e1", "text": ""}, {"id": "e2", "text": " "}]).to_csv(only_bad,
                                                                                 index=False)
    assert main(["score", str(only_bad), "--model", str(trained_model_dir), "--jobs", "1",
                 "--out", str(tmp_path / "c.csv")], stderr=io.StringIO()) == 1


def test_cli_prints_csv_rows_without_out(articles_csv: Path, trained_model_dir: Path) -> None:
    out = io.StringIO()
    assert main(["score", str(articles_csv), "--model", str(trained_model_dir), "--format",
                 "csv", "--max-chars", "20000"], stdout=out, stderr=io.StringIO()) == 0
    frame = pd.read_csv(io.StringIO(out.getvalue()))
    assert len(frame) == 24 and {"score", "band", "reasons", "speakers"} <= set(frame.columns)


def test_row_errors_and_failures_become_error_rows(trained_model_dir: Path) -> None:
    model = load_model(str(trained_model_dir))

    class Broken:
        def analyze(self, article):
            raise ZeroDivisionError("division by zero")

        def score_analyses(self, analyses):
            return []

    items = [RowError(id="r1", row=1, message="broken quoting"),
             Article(text="   ", id="blank", source="c.example")]
    rows = score_items(model, items)
    assert [r["error"] for r in rows][0] == "broken quoting"
    assert rows[1]["error"].startswith("article 'blank' has no text")
    assert rows[1]["source"] == "c.example"
    (odd,) = score_items(Broken(), [Article(text="Some text.", id="odd")])
    assert odd["error"].startswith("analysis failed (ZeroDivisionError")


def test_explaining_in_batches_equals_scoring_one_by_one(
    articles_csv: Path, trained_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from credibility import rows as rows_module
    from credibility.ingest import read_articles
    from credibility.rows import result_row

    monkeypatch.setattr(rows_module, "EXPLAIN_BATCH", 5)  # batches end mid-chunk
    model = load_model(str(trained_model_dir))
    items = list(read_articles(articles_csv, **READER))
    batched = score_items(model, items, with_features=True)
    for item, row in zip(items, batched, strict=True):
        if isinstance(item, RowError) or row["error"]:
            continue
        one = result_row(model.score(item), with_features=True)
        assert row == pytest.approx(one, nan_ok=True)
        features = model.analyze(item).features
        assert row["sourcing__named_quote_share"] == pytest.approx(
            features["sourcing"]["named_quote_share"], nan_ok=True)
