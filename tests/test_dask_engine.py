"""The Dask engine gives the local engine's rows (a 2-worker LocalCluster on 127.0.0.1)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from credibility.batch import score_inputs
from credibility.errors import InputError
from credibility.outputs import read_rows

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow


def _read(path: Path) -> pd.DataFrame:
    return pd.concat(read_rows(path), ignore_index=True)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def inputs(labeled_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Parquet in three row groups, without an id column (ids come from row numbers), and a
    CSV with ids; each holds a bad row."""
    records = [json.loads(line) for line in labeled_path.read_text(encoding="utf-8").splitlines()]
    rows = [{k: r[k] for k in ("title", "text", "source")} for r in records[:11]]
    rows.insert(5, {"title": "Empty", "text": "", "source": "a.example"})
    folder = tmp_path_factory.mktemp("dask_in")
    pq.write_table(pa.Table.from_pylist(rows), folder / "wire.parquet", row_group_size=4)
    with_ids = [{"id": r["id"], **{k: r[k] for k in ("title", "text", "source")}}
                for r in records[11:16]] + [{"id": "blank", "title": "", "text": " ",
                                             "source": ""}]
    pd.DataFrame(with_ids).to_csv(folder / "more.csv", index=False)
    return folder


def test_dask_rows_equal_the_local_engine(cluster, inputs: Path, trained_model_dir: Path,
                                          tmp_path: Path) -> None:
    from credibility.dask_engine import score_dask

    files = [inputs / "wire.parquet", inputs / "more.csv"]
    local = tmp_path / "local.parquet"
    score_inputs(files, local, model=trained_model_dir, jobs=1, with_features=True)
    out = tmp_path / "dask_out"
    report = score_dask(files, out, model=trained_model_dir, with_features=True,
                        scheduler=cluster.scheduler_address)
    parts = sorted(p.name for p in out.iterdir())
    assert len(parts) == 4 and parts[0] == "part-000000.parquet"  # 3 row groups + 1 CSV
    expected = _read(local)
    got = _read(out)
    pd.testing.assert_frame_equal(got, expected)
    assert list(got["id"][:6]) == [f"wire:{i}" for i in range(1, 7)]
    assert (report.n_rows, report.n_errors) == (18, 2)
    assert got.loc[got["id"] == "blank", "error"].item().startswith("the 'text' value is empty")


def test_dask_refuses_inputs_it_cannot_partition(inputs: Path, trained_model_dir: Path,
                                                 tmp_path: Path) -> None:
    from credibility.dask_engine import score_dask

    text = tmp_path / "one.txt"
    text.write_text("A single article.", encoding="utf-8")
    with pytest.raises(InputError, match="give Parquet or CSV files"):
        score_dask([text], tmp_path / "out", model=trained_model_dir)
