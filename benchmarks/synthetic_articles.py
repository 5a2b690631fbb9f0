"""Synthetic articles for the batch benchmarks, recombined from paragraphs of real ones.

    python benchmarks/synthetic_articles.py 10000 /tmp/articles.parquet [--data ../shared/data]

The BuzzFeed-Webis 2016 texts are split into paragraphs of three or four sentences, and each
synthetic article takes paragraphs from random articles until it has ~560 words; its headline
and publisher come from random real articles. The output (Parquet, CSV or JSON Lines by its
extension) is written where you say, typically a temporary folder: the data are never to be
committed.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from credibility.text import normalize_text, split_sentences

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
SOURCE_FILE = Path("buzzfeed_webis_2016") / "articles.csv"
TARGET_WORDS = 560
BATCH = 2000


def paragraphs(data: Path) -> tuple[list[str], list[str], list[str]]:
    """Paragraphs (3-4 sentences), headlines and publishers of the real articles."""
    frame = pd.read_csv(data / SOURCE_FILE, usecols=["title", "text", "source"])
    paras: list[str] = []
    for text in frame["text"].dropna():
        text = normalize_text(text)
        sentences = [text[a:b].strip() for a, b in split_sentences(text)]
        for i in range(0, len(sentences), 4):
            para = " ".join(s for s in sentences[i:i + 4] if s)
            if len(para.split()) >= 15:
                paras.append(para)
    titles = [normalize_text(t) for t in frame["title"].dropna()]
    sources = [str(s) for s in frame["source"].dropna()]
    return paras, titles, sources


def articles(n: int, data: Path, *, seed: int = 0) -> Iterator[dict[str, str]]:
    """``n`` synthetic article records: id, title, text, source."""
    paras, titles, sources = paragraphs(data)
    lengths = [len(p.split()) for p in paras]
    rng = random.Random(seed)
    for i in range(n):
        chosen, words = [], 0
        while words < TARGET_WORDS - 50:
            k = rng.randrange(len(paras))
            chosen.append(paras[k])
            words += lengths[k]
        yield {"id": f"syn-{i:07d}", "title": rng.choice(titles), "text": "\n\n".join(chosen),
               "source": rng.choice(sources)}


def write(n: int, out: Path, data: Path = DEFAULT_DATA, *, seed: int = 0) -> Path:
    """Write ``n`` synthetic articles to ``out`` (.parquet, .csv or .jsonl), in batches."""
    out.parent.mkdir(parents=True, exist_ok=True)
    records = articles(n, data, seed=seed)
    suffix = out.suffix.lower()
    writer = None
    first = True
    while batch := [r for _, r in zip(range(BATCH), records, strict=False)]:
        if suffix == ".parquet":
            table = pa.Table.from_pylist(batch)
            writer = writer or pq.ParquetWriter(out, table.schema)
            writer.write_table(table, row_group_size=1000)
        elif suffix == ".csv":
            pd.DataFrame(batch).to_csv(out, mode="w" if first else "a", header=first,
                                       index=False)
        else:
            pd.DataFrame(batch).to_json(out, orient="records", lines=True, force_ascii=False,
                                        mode="w" if first else "a")
        first = False
    if writer is not None:
        writer.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(write(args.n, args.out, args.data, seed=args.seed))


if __name__ == "__main__":
    main()
