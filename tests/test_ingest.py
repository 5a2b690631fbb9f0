"""Article ingestion: every reader, every bad input, offline (a local http.server for URLs)."""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import os
import socket
import sys
import threading
import tracemalloc
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credibility.article import Article
from credibility.errors import InputError
from credibility.ingest import (
    RowError,
    read_article,
    read_articles,
    read_articles_from_bytes,
    registrable_domain,
)
from credibility.readers_text import split_title
from credibility.text import normalize_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def error_of(func, *args, **kwargs) -> str:
    """The InputError message ``func`` raises (consuming an iterator), checked to be one line."""
    with pytest.raises(InputError) as info:
        result = func(*args, **kwargs)
        if not isinstance(result, Article):
            list(result)
    message = str(info.value)
    assert "\n" not in message and " — " in message, message
    return message


# --- registrable_domain ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.bbc.co.uk/news/world-123", "bbc.co.uk"),
        ("http://news.example.com/a?b=c", "example.com"),
        ("https://WWW.Example.COM.", "example.com"),
        ("https://www.abc.net.au/news", "abc.net.au"),
        ("https://www.smh.com.au/politics", "smh.com.au"),
        ("https://www.nzherald.co.nz/x", "nzherald.co.nz"),
        ("https://www.theguardian.com/uk", "theguardian.com"),
        ("https://edition.cnn.com/2024/01/01/story.html", "cnn.com"),
        ("https://www.gov.uk/guidance", "gov.uk"),
        ("https://www.ox.ac.uk/news", "ox.ac.uk"),
        ("https://www3.nhk.or.jp/news/", "nhk.or.jp"),
        ("https://g1.globo.com.br/", "globo.com.br"),
        ("https://user:pw@blog.example.org:8080/post", "example.org"),
        ("example.com/path/to/story", "example.com"),
        ("www.example.com", "example.com"),
        ("http://127.0.0.1:8000/page", "127.0.0.1"),
        ("http://localhost/page", "localhost"),
        ("", None),
        ("   ", None),
        (None, None),
        ("not a url at all", None),
    ],
)
def test_registrable_domain(url, domain):
    assert registrable_domain(url) == domain


@given(st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True), min_size=2, max_size=5))
def test_registrable_domain_is_a_suffix_of_the_host(labels):
    host = ".".join(labels)
    domain = registrable_domain(f"https://{host}/story")
    assert domain is not None and host.endswith(domain)
    assert 1 <= domain.count(".") <= 2


# --- plain text: the title heuristic ------------------------------------------------------------

TITLE_CASES = {
    "headline": ("Floods cut off village\n\nRescue teams reached the village by boat.",
                 "Floods cut off village"),
    "question headline": ("Can the club stay up?\n\nThree games remain in the season.",
                          "Can the club stay up?"),
    "exclamation headline": ("Champions again!\n\nThe team won its third title in a row.",
                             "Champions again!"),
    "leading blank lines": ("\n\n  Port strike ends  \n\nDock workers returned on Monday.",
                            "Port strike ends"),
    "first line is a sentence": ("The mayor resigned.\n\nShe had served six years.", None),
    "ends with a colon": ("Here is what we know:\n\nThe fire started at noon.", None),
    "ends with a comma": ("In the end,\n\nthe vote was close.", None),
    "sentence inside quotes": ('He said "enough."\n\nThe talks collapsed.', None),
    "no blank line after": ("Floods cut off village\nRescue teams reached it by boat.", None),
    "nothing after the title": ("Floods cut off village\n\n", None),
    "single line": ("Floods cut off village", None),
    "too long": (" ".join(["word"] * 31) + "\n\nBody text follows here.", None),
    "thirty words": (" ".join(["word"] * 30) + "\n\nBody text follows here.",
                     " ".join(["word"] * 30)),
}


@pytest.mark.parametrize("case", list(TITLE_CASES), ids=list(TITLE_CASES))
def test_split_title(case):
    text, title = TITLE_CASES[case]
    found, body = split_title(text)
    assert found == title
    if title is None:
        assert body == text
    else:
        assert body and title not in body and body == body.strip()


@given(st.text(alphabet=st.sampled_from("ab .?!:\n"), max_size=60))
def test_split_title_loses_no_words(text):
    title, body = split_title(text)
    assert ((title or "") + " " + body).split() == text.split()


# --- plain text files ---------------------------------------------------------------------------

def test_text_file_with_headline():
    article = read_article(FIXTURES / "headline.txt")
    assert article.title == "Storm forces closure of mountain pass for third day"
    assert article.text.startswith("Heavy snow and winds")
    assert "\n\nCrews have cleared" in article.text
    assert article.id == "headline.txt" and article.url is None and article.source is None


def test_text_file_question_headline_and_no_headline():
    assert read_article(FIXTURES / "question.txt").title == "Is the new tram line worth the wait?"
    article = read_article(FIXTURES / "no_title.txt")
    assert article.title is None
    assert article.text.startswith("The city library will extend")


def test_cp1252_file_is_decoded():
    article = read_article(FIXTURES / "cp1252.txt")
    assert article.title == "Café owners protest new rules"
    assert "\u201cWe were never consulted,\u201d" in article.text
    assert "€450" in article.text and "it\u2019s due" in article.text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bom.txt", "\ufeffTram fares frozen\n\nFares stay the same next year.".encode()),
        ("utf16.txt", "Tram fares frozen\n\nFares stay the same next year.".encode("utf-16")),
        ("latin1.txt", "Tram fares frozen\n\nFares stay the same next year.\x81".encode("latin-1")),
        ("mojibake.txt", "Tram fares frozen\n\nFares stay the same next yearâ€™s budget.".encode()),
        ("notes.md", b"Tram fares frozen\n\nFares stay the same next year."),
        ("no_extension", b"Tram fares frozen\n\nFares stay the same next year."),
    ],
)
def test_text_encodings_and_unknown_extensions(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    article = read_article(path)
    assert article.title == "Tram fares frozen"
    assert article.text.startswith("Fares stay the same next year")
    assert "â€" not in article.text and "\ufeff" not in article.text
    if name == "mojibake.txt":
        assert "year\u2019s budget" in article.text


def test_unknown_extension_that_is_html_reads_as_html(tmp_path):
    path = tmp_path / "saved.php"
    path.write_bytes((FIXTURES / "article.html").read_bytes())
    assert read_article(path).author == "Maria Olsen"


# --- HTML ---------------------------------------------------------------------------------------

def test_html_file_text_and_metadata():
    article = read_article(FIXTURES / "article.html")
    assert article.title == "Harbor council approves new flood barrier"
    assert article.author == "Maria Olsen"
    assert article.published == "2024-03-18"
    assert article.url == "https://www.coastline-gazette.co.uk/news/flood-barrier"
    assert article.source == "coastline-gazette.co.uk"
    assert article.text.startswith("The harbor council voted seven to two")
    assert article.text.count("\n\n") == 3  # four paragraphs
    for boilerplate in ("Subscribe", "Most read", "All rights reserved", "Cookie", "By Maria"):
        assert boilerplate not in article.text


def test_html_without_main_text():
    message = error_of(read_article, FIXTURES / "no_article.html")
    assert "no article text found in the page" in message


# --- URLs, against a local server ---------------------------------------------------------------

class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        """Keep test output quiet: the handler logs nothing."""

    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path == "/plain":
            body = b"Library hours extended\n\nBranches open until nine on weekdays."
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.server.agent = self.headers.get("User-Agent", "")
        super().do_GET()


@pytest.fixture(scope="module")
def server():
    handler = functools.partial(_Handler, directory=str(FIXTURES))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_url_html(server):
    httpd, base = server
    article = read_article(f"{base}/article.html", timeout=5)
    assert article.title == "Harbor council approves new flood barrier"
    assert article.id == f"{base}/article.html"
    assert article.source == "coastline-gazette.co.uk"  # the page's canonical URL
    assert httpd.agent.startswith("credibility/")


def test_fetch_url_plain_text(server):
    _, base = server
    article = read_article(f"{base}/plain", timeout=5)
    assert article.title == "Library hours extended"
    assert article.url == f"{base}/plain" and article.source == "127.0.0.1"


def test_fetch_url_http_error(server):
    _, base = server
    message = error_of(read_article, f"{base}/missing-page.html", timeout=5)
    assert "the server answered 404" in message and "check the address" in message


def test_fetch_url_size_cap(server):
    _, base = server
    message = error_of(read_article, f"{base}/article.html", timeout=5, max_chars=100)
    assert "the page is larger than 1,000 bytes" in message


def test_fetch_url_offline():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    message = error_of(read_article, f"http://127.0.0.1:{port}/story", timeout=2)
    assert message.startswith(f"cannot fetch URL 'http://127.0.0.1:{port}/story': network")
    assert "check the connection or save the page and pass the file" in message


def test_fetch_url_timeout():
    with socket.socket() as sock:  # accepts connections (backlog) but never answers
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/slow"
        message = error_of(read_article, url, timeout=0.3)
    assert "no answer within 0.3 s" in message and "--timeout" in message


# --- tables -------------------------------------------------------------------------------------

def test_csv_reads_rows_and_metadata():
    items = list(read_articles(FIXTURES / "articles.csv"))
    assert [a.id for a in items] == ["a1", "a2", "a3"]
    first, second, third = items
    assert first.title == "Rail strike called off" and first.author == "Sam Lee"
    assert first.url == "https://www.northern-times.co.uk/rail"
    assert first.source == "northern-times.co.uk" and first.published == "2024-05-02"
    assert second.text == ("Parking in the town centre will cost 20% more from June.\n\n"
                           "The council said the money would fund bus services.")
    assert second.source == "example.com" and second.author is None
    assert third.title == "Storm warning, coast on alert" and third.source is None


def test_tsv_and_column_mapping(tmp_path):
    path = tmp_path / "feed.tsv"
    path.write_text("key\theadline\tbody\toutlet\n"
                    "k1\tDam repairs finished\tThe dam reopened after a year of work.\t"
                    "Valley News\n")
    (article,) = read_articles(path, text_column="body", title_column="headline",
                               id_column="key", source_column="outlet")
    assert article == Article(text="The dam reopened after a year of work.",
                              title="Dam repairs finished", source="Valley News", id="k1")


def test_missing_text_column_names_columns_and_flag(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,title,text\n1,A title,Some text here.\n")
    message = error_of(read_articles, path, text_column="body")
    assert message == ("cannot read '" + str(path) + "': no column 'body'; columns are: id, "
                       "title, text — pass --text-column NAME")


def test_optional_columns_may_be_absent_unless_asked_for(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("text\nThe market reopened on Saturday.\nA second article follows here.\n")
    items = list(read_articles(path))
    assert [a.id for a in items] == ["plain:1", "plain:2"]
    assert all(a.title is None for a in items)
    message = error_of(read_articles, path, title_column="headline")
    assert "no column 'headline'" in message and "--title-column NAME" in message


def test_csv_bad_rows_become_row_errors():
    items = list(read_articles(FIXTURES / "bad_rows.csv"))
    assert [type(i).__name__ for i in items] == [
        "Article", "RowError", "RowError", "RowError", "Article"]
    assert [i.id for i in items] == ["r1", "bad_rows:2", "bad_rows:3", "r4", "r5"]
    assert [i.row for i in items if isinstance(i, RowError)] == [2, 3, 4]
    broken, fields, empty = (i.message for i in items if isinstance(i, RowError))
    assert broken.startswith("line 3: broken quoting") and "double each quote" in broken
    assert fields == ("line 4: 5 fields where the header has 3 — quote fields that "
                      "contain ','")
    assert "the 'text' value is empty" in empty


def test_csv_unclosed_quote_does_not_swallow_memory(tmp_path):
    path = tmp_path / "unclosed.csv"
    path.write_text('id,text\nok1,"A fine first row."\nbad,"This quote is never closed\n'
                    + "filler,line of text\n" * 1000)
    items = list(read_articles(path, max_chars=200))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], RowError)
    assert "a quote opened here is never closed" in items[1].message


def test_jsonl_rows_and_id_fallback():
    first, second = read_articles(FIXTURES / "articles.jsonl")
    assert first.id == "j1" and first.published == "2024-04-11"
    assert first.source == "riverside-post.com"
    assert second.id == "articles:2" and second.source == "Riverside Post"


def test_jsonl_bad_rows_become_row_errors():
    items = list(read_articles(FIXTURES / "bad_rows.jsonl"))
    assert [i.id for i in items] == ["b1", "bad_rows:2", "bad_rows:3", "b4", "b5", "b6"]
    messages = [i.message for i in items if isinstance(i, RowError)]
    assert messages[0].startswith("line 2: not valid JSON")
    assert "write one JSON object per line" in messages[0]
    assert "an array, not a JSON object" in messages[1]
    assert "the 'text' value is an int, not a string" in messages[2]
    assert "the 'text' value is empty" in messages[3]


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("array.json", json.dumps([{"id": "x1", "text": "The pier reopened."},
                                   {"id": "x2", "text": "Ferries resumed."}], indent=2)),
        ("lines.json", '{"id": "x1", "text": "The pier reopened."}\n'
                       '{"id": "x2", "text": "Ferries resumed."}\n'),
        ("lines.ndjson", '{"id": "x1", "text": "The pier reopened."}\n'
                         '{"id": "x2", "text": "Ferries resumed."}'),
    ],
)
def test_json_variants(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(body)
    assert [a.id for a in read_articles(path)] == ["x1", "x2"]


def test_json_single_pretty_object(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"title": "Pier reopens", "text": "The pier reopened."}, indent=2))
    article = read_article(path)
    assert article.title == "Pier reopens" and article.id == "one:1"


def _write_parquet(path: Path, rows: int = 5) -> None:
    table = pa.table({
        "text": [f"Article number {i} reports on the council meeting." for i in range(rows)],
        "title": [f"Headline {i}" for i in range(rows)],
        "url": ["https://www.example.co.uk/a"] * rows,
        "date": pa.array([1_700_000_000_000] * rows, pa.timestamp("ms")),
    })
    pq.write_table(table, path, row_group_size=2)


def test_parquet_streams_in_chunks(tmp_path):
    path = tmp_path / "batch.parquet"
    _write_parquet(path)
    items = list(read_articles(path, chunk_size=2))
    assert [a.id for a in items] == [f"batch:{i}" for i in range(1, 6)]
    assert items[3].title == "Headline 3" and items[3].source == "example.co.uk"
    assert items[0].published == "2023-11-14T22:13:20"


def test_parquet_bad_columns_and_rows(tmp_path):
    path = tmp_path / "numbers.parquet"
    pq.write_table(pa.table({"text": [1, 2], "body": ["Fine text.", None]}), path)
    assert "column 'text' holds int64, not text" in error_of(read_articles, path)
    assert "no column 'story'" in error_of(read_articles, path, text_column="story")
    good, bad = read_articles(path, text_column="body")
    assert good.text == "Fine text." and "the 'body' value is missing" in bad.message
    path = tmp_path / "fake.parquet"
    path.write_text("id,text\n1,hello\n")
    assert "not a readable Parquet file" in error_of(read_articles, path)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from('ab ,"\n\'é’'), min_size=1, max_size=40)
                .filter(lambda t: t.strip()), min_size=1, max_size=6))
def test_csv_round_trips_any_quoting(texts):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "text"])
    writer.writerows([[str(i), text] for i, text in enumerate(texts)])
    items = list(read_articles_from_bytes(buffer.getvalue().encode(), filename="t.csv"))
    assert [a.text for a in items] == [normalize_text(t).strip() for t in texts]


@pytest.mark.parametrize("kind", ["csv", "jsonl", "parquet"])
def test_tables_stream_with_flat_memory(tmp_path, kind):
    rows = 10_000
    texts = [f"Row {i}: the council met on Tuesday to discuss the new budget plan." * 3
             for i in range(rows)]
    path = tmp_path / f"many.{kind}"
    if kind == "csv":
        with path.open("w", newline="") as fh:
            csv.writer(fh).writerows([["text"], *([t] for t in texts)])
    elif kind == "jsonl":
        path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
    else:
        pq.write_table(pa.table({"text": texts}), path, row_group_size=1000)
    tracemalloc.start()
    count = sum(1 for _ in read_articles(path, chunk_size=500))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == rows
    assert peak < sum(map(len, texts)) / 8  # far less than the texts: rows are not all held


# --- directories, stdin, bytes ------------------------------------------------------------------

def test_directory_reads_sorted_recursive_and_skips_hidden():
    items = list(read_articles(FIXTURES / "folder"))
    assert [a.id for a in items] == ["one.txt", "sub/two.html"]
    assert items[0].title == "School meals to be free for all pupils"
    assert items[1].author == "Priya Nair" and items[1].title == "Airport expansion delayed"


def test_directory_bad_file_becomes_row_error(tmp_path):
    (tmp_path / "a.txt").write_text("Bus lanes extended\n\nTwo new bus lanes open in May.")
    (tmp_path / "b.txt").write_bytes((FIXTURES / "picture.txt").read_bytes())
    (tmp_path / "c.txt").write_text("   \n")
    good, picture, empty = read_articles(tmp_path)
    assert good.id == "a.txt"
    assert picture.id == "b.txt" and picture.row == 2 and "it is a PNG image" in picture.message
    assert empty.id == "c.txt" and "there is no text" in empty.message


def test_directory_without_articles(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    message = error_of(read_articles, tmp_path)
    assert "the directory holds no .txt, .html or .htm files" in message


def test_stdin_text_and_html(monkeypatch):
    text = b"Heat wave ends\n\nTemperatures fell by ten degrees overnight."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    article = read_article("-")
    assert article.title == "Heat wave ends" and article.id == "stdin"
    html = (FIXTURES / "article.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html)))
    assert read_article("-").author == "Maria Olsen"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b" \n ")))
    assert "cannot read '<stdin>': there is no text" in error_of(read_article, "-")


def test_read_articles_from_bytes():
    data = (FIXTURES / "articles.csv").read_bytes()
    assert [a.id for a in read_articles_from_bytes(data, filename="upload.csv")] == [
        "a1", "a2", "a3"]
    html = (FIXTURES / "article.html").read_bytes()
    (article,) = read_articles_from_bytes(html, filename="page.html")
    assert article.author == "Maria Olsen"


def test_read_article_wants_exactly_one(tmp_path):
    assert "more than one article" in error_of(read_article, FIXTURES / "articles.csv")
    path = tmp_path / "header_only.csv"
    path.write_text("id,text\n")
    assert "it holds no articles" in error_of(read_article, path)
    path = tmp_path / "one_bad.csv"
    path.write_text('id,text\nz1,""\n')
    expected = f"cannot read '{path}': row 1: the 'text' value is empty"
    assert error_of(read_article, path).startswith(expected)


# --- bad input ----------------------------------------------------------------------------------

def test_missing_file():
    message = error_of(read_articles, FIXTURES / "nope.txt")
    assert message.endswith("nope.txt': no such file — check the path")


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("Some article text that cannot be read.")
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    assert "permission denied — make the file readable" in error_of(read_article, path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without permissions")
def test_unreadable_file_for_real(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("Some article text that cannot be read.")
    path.chmod(0)
    assert "permission denied" in error_of(read_article, path)


def test_binary_files(tmp_path):
    assert "it is a PNG image, not text" in error_of(read_article, FIXTURES / "picture.txt")
    path = tmp_path / "archive.txt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("story.txt", "A story inside a zip file.")
    assert "it is a zip archive" in error_of(read_article, path)
    path = tmp_path / "data.bin"
    path.write_bytes(bytes(range(256)) * 4)
    assert "it is binary data, not text" in error_of(read_article, path)
    path = tmp_path / "table.csv"
    path.write_bytes(b"id,text\n1,\x00\x01\x02\n")
    assert "not a text table" in error_of(read_articles, path)


@pytest.mark.parametrize("content", ["", "   \n\t\n  ", "\ufeff\n"])
def test_empty_text(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_text(content)
    assert "there is no text (empty or whitespace only)" in error_of(read_article, path)


def test_oversized_texts(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"All work and no play. " * (20 * 2**20 // 22))  # 20 MB, refused on stat
    message = error_of(read_article, path)
    assert "the file is 21.0 MB, too large for one article" in message
    path.write_bytes(b"All work and no play. " * 1000)  # 22,000 characters, read then refused
    message = error_of(read_article, path, max_chars=10_000)
    assert "the text is 22,000 characters, over the 10,000-character limit" in message
    assert "--max-chars" in message


def test_oversized_rows(tmp_path):
    long = "All work and no play. " * 100
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps({"text": t}) for t in ["Short one.", long, "Short two."]))
    items = list(read_articles(path, max_chars=1000))
    assert [type(i).__name__ for i in items] == ["Article", "RowError", "Article"]
    assert "over the 1,000-character limit" in items[1].message
    path = tmp_path / "rows.csv"
    path.write_text(f'text\n"Short one."\n"{long}"\n"Short two."\n')
    items = list(read_articles(path, max_chars=1000))
    assert [type(i).__name__ for i in items] == ["Article", "RowError", "Article"]
    assert "over the 1,000-character limit" in items[1].message


@pytest.mark.parametrize(
    ("options", "text"),
    [({"chunk_size": 0}, "--chunk-size must be a positive whole number"),
     ({"max_chars": -5}, "--max-chars must be a positive whole number"),
     ({"timeout": 0}, "--timeout must be a positive number of seconds")],
)
def test_bad_options(options, text):
    with pytest.raises(InputError, match=text):
        read_articles(FIXTURES / "articles.csv", **options)
