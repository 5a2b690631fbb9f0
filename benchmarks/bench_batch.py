"""Batch scoring at scale: throughput, peak memory, kill-and-resume, and the Dask engine.

    python benchmarks/bench_batch.py [--sizes 10000 100000] [--jobs 2] [--model DIR]
                                     [--workdir DIR] [--data DIR] [--skip-dask] [--skip-resume]

Synthetic ~560-word articles (benchmarks/synthetic_articles.py) are written to a temporary
folder (or --workdir) as Parquet and scored with ``credibility score --out ... --jobs N`` in a
subprocess. Its process tree (CLI, workers; for Dask the nanny and worker processes) is sampled
every 0.2 s: the peak of the summed RSS (each process counts the pages it shares with the
others, such as the libraries forked workers inherit), the CPU time, and every 2 s (reading it
costs CPU) the peak of the summed PSS (shared pages split between the processes sharing them:
the memory the run really holds). Then a run is killed (SIGKILL) halfway and resumed, and its
output compared row for row with the uninterrupted run's; and the Dask engine (a local
2-worker cluster) scores the smallest input, for its overhead against the local engine. One
core's scoring speed is measured in process: the rate the engine could reach with no overhead.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import psutil
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parent.parent

from synthetic_articles import DEFAULT_DATA  # noqa: E402
from synthetic_articles import write as write_articles  # noqa: E402

from credibility.outputs import read_rows  # noqa: E402


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(cmd: list[str], *, kill_when: callable | None = None) -> dict:
    """Run ``cmd``; sample the memory of its process tree; SIGKILL it when ``kill_when()``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    peak_rss = peak_pss = 0
    killed = False
    cpu: dict[int, float] = {}  # seconds of CPU per process, last seen
    root = psutil.Process(proc.pid)
    samples = 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak_rss = max(peak_rss, sum(p.memory_info().rss for p in tree) // 1024)
            if samples % 10 == 0:  # PSS costs ~12 ms of CPU per process to read: every 2 s
                peak_pss = max(peak_pss, sum(_pss_kb(p.pid) for p in tree))
            samples += 1
            for p in tree:
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
        except psutil.Error:
            pass
        if kill_when is not None and not killed and kill_when():
            os.killpg(proc.pid, signal.SIGKILL)
            killed = True
        time.sleep(0.2)
    out, err = proc.communicate()
    return {"seconds": time.perf_counter() - started, "cpu_seconds": round(sum(cpu.values()), 1),
            "peak_rss_mb": round(peak_rss / 1024), "peak_pss_mb": round(peak_pss / 1024),
            "returncode": proc.returncode, "killed": killed,
            "load_average": os.getloadavg()[0], "stderr": err.strip().splitlines()[-3:]}


def score_cmd(inp: Path, out: Path, args: argparse.Namespace, *extra: str) -> list[str]:
    cmd = [sys.executable, "-m", "credibility.cli", "score", str(inp), "--out", str(out),
           "--jobs", str(args.jobs), "--quiet", *extra]
    return cmd + (["--model", str(args.model)] if args.model else [])


def rows(path: Path) -> pd.DataFrame:
    return pd.concat(read_rows(path), ignore_index=True)


def one_core_rate(inp: Path, model: str | None, n: int = 300) -> float:
    """Articles per second of the analysis and scoring alone, on one core, in this process."""
    from credibility.ingest import read_articles
    from credibility.rows import load_model, model_dir_of, score_items

    m = load_model(model_dir_of(model))
    items = [a for _, a in zip(range(n + 20), read_articles(inp), strict=False)]
    score_items(m, items[:20])
    started = time.perf_counter()
    score_items(m, items[20:])
    return n / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--model", default=None)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="the shared datasets (paragraphs of BuzzFeed-Webis 2016)")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-resume", action="store_true")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-batch-"))
    work.mkdir(parents=True, exist_ok=True)
    report: dict = {"workdir": str(work), "jobs": args.jobs, "cpu_count": os.cpu_count()}
    inputs = {}
    for n in args.sizes:
        inputs[n] = work / f"articles-{n}.parquet"
        if not inputs[n].exists():
            write_articles(n, inputs[n], args.data)
    small = min(args.sizes)
    report["one_core_articles_per_s"] = round(one_core_rate(inputs[small], args.model), 1)
    for n in args.sizes:
        out = work / f"scores-{n}.parquet"
        res = run(score_cmd(inputs[n], out, args))
        res["articles_per_s"] = round(n / res["seconds"], 1)
        res["cpu_ms_per_article"] = round(1000 * res["cpu_seconds"] / n, 2)
        report[f"local_{n}"] = res
        print(json.dumps({n: res}), flush=True)
    if not args.skip_resume:
        out = work / f"resumed-{small}.parquet"
        journal = out.with_name(out.name + ".partial")
        half = small // 2

        def done_rows() -> int:
            return sum(pq.ParquetFile(p).metadata.num_rows for p in journal.glob("part-*"))

        def halfway() -> bool:
            return done_rows() >= half

        first = run(score_cmd(inputs[small], out, args), kill_when=halfway)
        rows_done = done_rows()
        second = run(score_cmd(inputs[small], out, args, "--resume"))
        same = rows(out).equals(rows(work / f"scores-{small}.parquet"))
        report["resume"] = {"rows_done_when_killed": rows_done, "first": first, "resumed": second,
                            "equal_to_uninterrupted": bool(same)}
        print(json.dumps(report["resume"]), flush=True)
    if not args.skip_dask:
        out = work / f"dask-{small}"
        res = run(score_cmd(inputs[small], out, args, "--engine", "dask"))
        local = report[f"local_{small}"]["seconds"]
        res["overhead_vs_local"] = round(res["seconds"] / local - 1, 3)
        res["equal_to_local"] = bool(rows(out).equals(rows(work / f"scores-{small}.parquet")))
        report[f"dask_{small}"] = res
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
