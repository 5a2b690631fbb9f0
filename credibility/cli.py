"""The ``credibility`` command: thin subcommands over the library API.

Each subcommand is a parser builder plus a function that calls the library; errors a user can
cause print one line (``error: ...``) and exit with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import shlex
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from .errors import CredibilityError

__all__ = ["main"]


def _input_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("reading articles")
    g.add_argument("--text-column", default="text", help="column with the article text")
    g.add_argument("--title-column", default="title", help="column with the headline")
    g.add_argument("--id-column", default="id", help="column with a unique id")
    g.add_argument("--source-column", default="source", help="column with the publisher")
    g.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for a URL")
    g.add_argument("--max-chars", type=int, default=5_000_000,
                   help="refuse articles longer than this many characters")


def _read(source: str, args: argparse.Namespace) -> Iterator[Any]:
    from .ingest import read_articles

    return read_articles(
        source,
        text_column=args.text_column,
        title_column=args.title_column,
        id_column=args.id_column,
        source_column=args.source_column,
        timeout=args.timeout,
        max_chars=args.max_chars,
    )


def _json_default(obj: Any) -> Any:
    if hasattr(obj, "item"):
        return obj.item()
    raise TypeError(type(obj).__name__)


def _dumps(obj: Any, *, indent: int | None = None) -> str:
    return json.dumps(_nan_to_none(obj), ensure_ascii=False, indent=indent, default=_json_default)


def _nan_to_none(obj: Any) -> Any:
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: _nan_to_none(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_nan_to_none(v) for v in obj]
    return obj


class _Tally:
    """Counts what was done and reports bad rows on stderr as they come."""

    def __init__(self, err: TextIO):
        self.err, self.ok, self.bad = err, 0, 0

    def problem(self, where: str, message: str) -> None:
        self.bad += 1
        print(f"warning: {where}: {message}", file=self.err)

    def summary(self, verb: str) -> int:
        if self.bad:
            print(f"{verb} {self.ok} article(s); {self.bad} could not be read or analyzed "
                  "(see warnings above)", file=self.err)
        return 0 if self.ok else 1


def _each_article(sources: Sequence[str], args: argparse.Namespace, tally: _Tally,
                  work: Callable[[Any], None]) -> None:
    from .ingest import RowError

    for source in sources:
        for item in _read(source, args):
            if isinstance(item, RowError):
                tally.problem(f"{source} row {item.row} ({item.id})", item.message)
                continue
            try:
                work(item)
                tally.ok += 1
            except CredibilityError as exc:
                tally.problem(f"{source} ({item.id})", str(exc))


# ----------------------------------------------------------------------------------- analyze
def _analyze_parser(sub: Any) -> None:
    p = sub.add_parser("analyze", help="measure articles and show the evidence")
    p.add_argument("inputs", nargs="+", metavar="PATH|URL|-")
    p.add_argument("--format", choices=("json", "jsonl", "table"), default="json")
    _input_options(p)
    p.set_defaults(func=_cmd_analyze)


def _cmd_analyze(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .analysis import analyze
    from .report import analysis_table

    tally = _Tally(err)

    def work(article: Any) -> None:
        analysis = analyze(article)
        if args.format == "table":
            print(analysis_table(analysis), file=out)
        else:
            print(_dumps(analysis.to_dict(), indent=2 if args.format == "json" else None),
                  file=out)

    _each_article(args.inputs, args, tally, work)
    return tally.summary("analyzed")


# ------------------------------------------------------------------------------------- score
def _score_parser(sub: Any) -> None:
    p = sub.add_parser("score", help="credibility score and breakdown per article")
    p.add_argument("inputs", nargs="+", metavar="PATH|URL|-")
    p.add_argument("--model", default=None, help="model directory (default: models/CURRENT)")
    p.add_argument("--format", choices=("json", "jsonl", "csv", "table"), default="jsonl",
                   help="what to print when there is no --out")
    p.add_argument("--evidence", action="store_true", help="include the full analysis")
    b = p.add_argument_group("scoring many articles into a file")
    b.add_argument("--out", metavar="FILE", help="write one row per article to a .csv, .jsonl "
                   "or .parquet file (with --engine dask: a folder of Parquet parts)")
    b.add_argument("--jobs", type=int, default=None,
                   help="processes that score (default: all cores)")
    b.add_argument("--chunk-size", type=int, default=250, help="articles scored as one chunk")
    b.add_argument("--features", action="store_true", help="add every raw feature as a column")
    b.add_argument("--resume", action="store_true",
                   help="continue an interrupted run of the same --out")
    b.add_argument("--strict", action="store_true", help="exit 1 when any row could not be scored")
    b.add_argument("--quiet", action="store_true", help="no progress bar and no summary line")
    b.add_argument("--by-source", metavar="FILE",
                   help="also write the outlet profiles (.csv or .json) of the scored rows")
    b.add_argument("--engine", choices=("local", "dask"), default="local")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler to use (default: a local cluster)")
    _input_options(p)
    p.set_defaults(func=_cmd_score)


def _cmd_score(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.out is None:
        if args.resume or args.by_source or args.engine != "local":
            raise CredibilityError("--resume, --by-source and --engine need --out FILE")
        return _score_to_stdout(args, out, err)
    if args.evidence:
        raise CredibilityError("--evidence prints the full analysis; use it without --out")
    if args.engine == "dask" and args.resume:
        raise CredibilityError("--resume works with the local engine; rerun the Dask job whole")
    reader = {"text_column": args.text_column, "title_column": args.title_column,
              "id_column": args.id_column, "source_column": args.source_column,
              "timeout": args.timeout, "max_chars": args.max_chars}
    if args.engine == "dask":
        from .dask_engine import score_dask

        report = score_dask(args.inputs, args.out, model=args.model, scheduler=args.scheduler,
                            jobs=args.jobs, with_features=args.features, reader=reader)
    else:
        from .batch import score_inputs
        from .progress import Progress

        progress = Progress(args.inputs, stream=err, enabled=not args.quiet and err.isatty())
        try:
            report = score_inputs(args.inputs, args.out, reader=reader, model=args.model,
                                  jobs=args.jobs, chunk_size=args.chunk_size,
                                  with_features=args.features, resume=args.resume,
                                  on_start=progress.start, on_progress=progress.advance)
        except KeyboardInterrupt:
            progress.close()
            print("interrupted: the finished rows are kept; rerun with --resume to continue",
                  file=err)
            return 130
        finally:
            progress.close()
    lines = report.summary()
    for line in lines[1:] if args.quiet else lines:
        print(line, file=err)
    if args.by_source:
        from .outlets import profile_file, write_profiles

        write_profiles(profile_file(report.out), args.by_source)
    return 1 if report.n_scored == 0 or (args.strict and report.n_errors) else 0


def _score_to_stdout(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .model import CredibilityModel
    from .report import score_table

    model = CredibilityModel.load(args.model)
    tally = _Tally(err)
    rows: list[dict[str, Any]] = []

    def work(article: Any) -> None:
        result = model.score(article)
        if args.format == "table":
            print(score_table(result), file=out)
        elif args.format == "csv":
            rows.append(_flat_row(result))
        else:
            print(_dumps(result.to_dict(with_analysis=args.evidence),
                         indent=2 if args.format == "json" else None), file=out)

    _each_article(args.inputs, args, tally, work)
    if rows:
        import pandas as pd

        pd.DataFrame(rows).to_csv(out, index=False)
    return tally.summary("scored")


def _flat_row(result: Any) -> dict[str, Any]:
    from .rows import result_row

    return result_row(result)


# ----------------------------------------------------------------------------------- sources
def _sources_parser(sub: Any) -> None:
    p = sub.add_parser("sources", help="outlet profiles: how each publisher writes and sources")
    p.add_argument("scored", metavar="SCORED_FILE",
                   help="a file (or Parquet folder) written by `credibility score --out`")
    p.add_argument("--out", metavar="FILE", help="write to a .csv or .json file (default: stdout)")
    p.add_argument("--format", choices=("csv", "json"), default="csv",
                   help="format printed to stdout")
    p.add_argument("--top", type=int, default=5, help="most quoted speakers listed per outlet")
    p.set_defaults(func=_cmd_sources)


def _cmd_sources(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .outlets import profile_file, write_profiles

    profiles = profile_file(args.scored, top_speakers=args.top)
    if args.out:
        write_profiles(profiles, args.out)
    else:
        write_profiles(profiles, out, fmt=args.format)
    return 0 if len(profiles) else 1


# ------------------------------------------------------------------------------------- train
def _train_parser(sub: Any) -> None:
    p = sub.add_parser("train", help="train a model on labeled articles")
    p.add_argument("data", nargs="+", metavar="DATA", help="CSV, JSONL or Parquet files")
    p.add_argument("--out", required=True, help="model directory to write, e.g. models/my-model")
    p.add_argument("--label-column", default="label")
    p.add_argument("--text-column", default="text")
    p.add_argument("--title-column", default="title")
    p.add_argument("--group-column", default=None,
                   help="publisher column for grouped cross-validation (default: source)")
    p.add_argument("--base", default=None, metavar="CURRENT|DIR",
                   help="compare with this model and promote the new one only if not worse")
    p.add_argument("--force", action="store_true", help="promote even if worse than --base")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=_cmd_train)


def _cmd_train(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .labels import load_labeled
    from .model import CredibilityModel
    from .registry import current_id, promote, save_model
    from .training import compare_on_folds, is_not_worse, train

    data = load_labeled(args.data, text_column=args.text_column, title_column=args.title_column,
                        label_column=args.label_column, group_column=args.group_column)
    out_dir = Path(args.out)
    models_dir = out_dir.parent
    base = None
    if args.base:
        base_path = models_dir / "CURRENT" if args.base == "CURRENT" else Path(args.base)
        base = CredibilityModel.load(base_path)
    print(f"training on {len(data.frame)} articles ({data.n_skipped} rows without a label "
          f"skipped)", file=err)
    result = train(data, n_splits=args.folds)
    report: dict[str, Any] = {"model": str(out_dir), "cv_scheme": result.cv.scheme,
                              "cv": result.cv.metrics, "skipped_unlabeled": data.n_skipped}
    extra: dict[str, Any] = {}
    if base is not None:
        comparison = compare_on_folds(base, result, data)
        report["base"] = {"model": base.name, **comparison["base"]}
        extra["compared_with"] = report["base"]
    command = "credibility " + " ".join(shlex.quote(a) for a in args.argv)
    save_model(result, out_dir, data=data, command=command, extra=extra)
    if base is None:
        promoted = current_id(models_dir) is None
        reason = "first model in this folder" if promoted else "no --base given"
    else:
        better = is_not_worse(result.cv.metrics, report["base"])
        promoted = better or args.force
        reason = ("not worse than " if better else "worse than ") + base.name
        reason += " (promoted with --force)" if args.force and not better else ""
    if promoted:
        promote(models_dir, out_dir.name)
    report.update(promoted=promoted, promotion_reason=reason)
    if args.json:
        print(_dumps(report, indent=2), file=out)
    else:
        m = result.cv.metrics
        print(f"{result.cv.scheme}\n  ROC-AUC {m['roc_auc']:.3f}  F1 {m['f1']:.3f}  "
              f"Brier {m['brier']:.3f}  log loss {m['log_loss']:.3f}  "
              f"calibration error {m['calibration_error']:.3f}", file=out)
        if base is not None:
            b = report["base"]
            print(f"  current model {base.name}: ROC-AUC {b['roc_auc']:.3f}  "
                  f"log loss {b['log_loss']:.3f}", file=out)
        print(f"saved {out_dir}; {'promoted to' if promoted else 'not promoted to'} "
              f"{models_dir / 'CURRENT'}: {reason}", file=out)
    return 0


# ---------------------------------------------------------------------------------- evaluate
def _evaluate_parser(sub: Any) -> None:
    p = sub.add_parser("evaluate", help="metrics of a model on labeled articles it never saw")
    p.add_argument("data", metavar="DATA")
    p.add_argument("--model", default=None, help="model directory (default: models/CURRENT)")
    p.add_argument("--label-column", default="label")
    p.add_argument("--text-column", default="text")
    p.add_argument("--title-column", default="title")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_evaluate)


def _cmd_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .labels import load_labeled
    from .model import CredibilityModel
    from .training import evaluate

    model = CredibilityModel.load(args.model)
    data = load_labeled([args.data], text_column=args.text_column, title_column=args.title_column,
                        label_column=args.label_column, min_rows=2)
    metrics = evaluate(model, data)
    metrics["model"] = model.name
    if args.json:
        print(_dumps(metrics), file=out)
    else:
        print(f"{model.name} on {args.data} (n={metrics['n']}): ROC-AUC {metrics['roc_auc']:.3f}"
              f"  F1 {metrics['f1']:.3f}  Brier {metrics['brier']:.3f}  "
              f"log loss {metrics['log_loss']:.3f}", file=out)
    return 0


# --------------------------------------------------------------------------------- dashboard
def _dashboard_parser(sub: Any) -> None:
    p = sub.add_parser("dashboard", help="serve the Streamlit dashboard")
    p.add_argument("--model", default=None, help="model directory (default: models/CURRENT)")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--address", default="127.0.0.1")
    p.set_defaults(func=_cmd_dashboard)


def _cmd_dashboard(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import os
    import subprocess

    app = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
    if not app.is_file():
        raise CredibilityError(f"dashboard not found at {app}; run from a project checkout")
    env = dict(os.environ)
    if args.model:
        env["CREDIBILITY_MODEL"] = str(Path(args.model).resolve())
    print(f"serving the dashboard at http://{args.address}:{args.port}", file=err)
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
           "--server.address", args.address, "--server.port", str(args.port),
           "--browser.gatherUsageStats", "false"]
    return subprocess.call(cmd, env=env)


# -------------------------------------------------------------------------------------- main
_BUILDERS = (_analyze_parser, _score_parser, _sources_parser, _train_parser, _evaluate_parser,
             _dashboard_parser)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="credibility",
        description="Explainable credibility and media-bias analysis of news articles.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for build in _BUILDERS:
        build(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run the CLI; returns the exit status (0 ok, 1 nothing done, 2 usage or input error)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    args.argv = argv
    try:
        return int(args.func(args, out, err))
    except CredibilityError as exc:
        print(f"error: {exc}", file=err)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=err)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
