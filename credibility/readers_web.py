"""Web pages: main text and metadata from HTML, fetching a URL, registrable domains."""

from __future__ import annotations

import re
import time
from typing import Any
from urllib.parse import urlsplit

from .article import Article
from .errors import InputError
from .readers_text import decode_bytes
from .text import normalize_text

__all__ = [
    "registrable_domain",
    "looks_like_html",
    "html_article",
    "fetch_url",
    "USER_AGENT",
]

USER_AGENT = "credibility/0.1 (+offline news credibility analyzer; fetches only URLs it is given)"

# Second-level labels under which registrations happen one level down (bbc.co.uk).
_SECOND_LEVEL = frozenset(
    """
    co.uk org.uk gov.uk ac.uk me.uk ltd.uk plc.uk net.uk sch.uk nhs.uk police.uk
    com.au net.au org.au edu.au gov.au id.au
    co.nz org.nz net.nz govt.nz ac.nz
    co.jp ne.jp or.jp ac.jp go.jp
    com.br org.br net.br gov.br
    co.in net.in org.in gov.in co.za org.za gov.za co.il org.il co.kr or.kr
    com.mx com.ar com.tr com.cn com.hk com.sg com.tw com.my com.pk com.ng com.eg
    """.split()
)
_HOST_RE = re.compile(r"[\w.:-]+")
_IP_RE = re.compile(r"^[\d.]+$|:")
_HTML_RE = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div)[\s>]", re.I)
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_SPACE_RE = re.compile(r"[ \t]+")
_LINE_MIN_WORDS = 5  # a page whose every line is shorter holds only menus and forms


def registrable_domain(url: str | None) -> str | None:
    """The registrable domain of a URL or host name (``https://www.bbc.co.uk/x`` -> ``bbc.co.uk``).

    Strips ``www.`` and keeps the last two labels, or three under a known second-level suffix
    such as ``co.uk`` or ``com.au``. IP addresses and single-label hosts are returned as they are.

    Parameters
    ----------
    url : str or None
        An absolute URL, or a bare host (``example.com/path``).

    Returns
    -------
    str or None
        The lower-cased domain, or None when no host can be found.
    """
    if not url or not url.strip():
        return None
    url = url.strip()
    if "//" not in url:
        url = "//" + url
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".").lower()
    if not _HOST_RE.fullmatch(host):
        return None
    if _IP_RE.search(host):
        return host
    labels = [label for label in host.split(".") if label]
    if labels and labels[0] == "www" and len(labels) > 2:
        labels = labels[1:]
    keep = 3 if ".".join(labels[-2:]) in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:]) or None


def looks_like_html(data: bytes) -> bool:
    """Whether the first 4 KB of ``data`` carry an HTML doctype or structural tags."""
    return bool(_HTML_RE.search(data[:4096]))


def _decode_html(data: bytes, *, name: str, encoding: str | None) -> str:
    match = _CHARSET_RE.search(data[:4096])
    for candidate in (match.group(1).decode("ascii", "ignore") if match else None, encoding):
        if candidate:
            try:
                return data.decode(candidate)
            except (LookupError, UnicodeDecodeError):
                continue
    return decode_bytes(data, name=name)


def _block_text(element: Any) -> str:
    """Text of one extracted block; line breaks and list items become new lines."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.tag == "lb" or (node.tag in ("item", "row") and parts):
            parts.append("\n")
        if node.text and node.tag != "lb":
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    lines = (_SPACE_RE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def html_article(
    data: bytes, *, name: str, id: str | None, url: str | None = None,
    encoding: str | None = None, max_chars: int,
) -> Article:
    """Extract an article (text, title, author, date, url, source) from an HTML page.

    Page boilerplate (menus, footers, comments) is removed by trafilatura; paragraphs are
    separated by blank lines; the headline is not repeated at the top of the text. ``source``
    is the registrable domain of the page URL, else the site name.

    Raises
    ------
    InputError
        When the page holds no main text, or more than ``max_chars`` characters of it.
    """
    import trafilatura

    html = _decode_html(data, name=name, encoding=encoding)
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False,
    )
    body = getattr(doc, "body", None)
    blocks = [_block_text(child) for child in body] if body is not None else []
    blocks = [block for block in blocks if block]
    lines = (line for block in blocks for line in block.split("\n"))
    if not any(len(line.split()) >= _LINE_MIN_WORDS for line in lines):
        raise InputError(
            f"cannot read {name!r}: no article text found in the page — pass the article's own "
            "page (not an index, login or cookie page), or its text as a .txt file"
        )
    title = " ".join(normalize_text(doc.title or "").split()) or None
    if title and blocks and " ".join(blocks[0].split()).casefold() == title.casefold():
        blocks = blocks[1:]
    text = normalize_text("\n\n".join(blocks))
    if len(text) > max_chars:
        raise InputError(
            f"cannot read {name!r}: the page text is {len(text):,} characters, over the "
            f"{max_chars:,}-character limit — pass a larger --max-chars"
        )
    page_url = doc.url or url
    return Article(
        text=text,
        title=title,
        url=page_url,
        source=registrable_domain(page_url) or registrable_domain(doc.hostname) or doc.sitename,
        author=normalize_text(doc.author) if doc.author else None,
        published=doc.date or None,
        id=id,
    )


def fetch_url(url: str, *, timeout: float, max_bytes: int) -> tuple[bytes, str, str, str | None]:
    """Download ``url`` with a timeout (for the whole download) and a size cap.

    Returns
    -------
    (body bytes, final URL, content type, declared encoding or None)

    Raises
    ------
    InputError
        When the network is unreachable, the host unknown, the server answers an error, the
        answer takes longer than ``timeout`` seconds or is larger than ``max_bytes``.
    """
    import requests
    from urllib3.exceptions import ReadTimeoutError

    fix = "check the connection or save the page and pass the file"
    slow = InputError(
        f"cannot fetch URL {url!r}: no answer within {timeout:g} s — retry, pass a larger "
        "--timeout, or save the page and pass the file"
    )
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"}
    try:
        with requests.get(url, timeout=timeout, stream=True, headers=headers) as response:
            if response.status_code >= 400:
                raise InputError(
                    f"cannot fetch URL {url!r}: the server answered {response.status_code} "
                    f"{response.reason or ''}".rstrip()
                    + " — check the address or save the page and pass the file"
                )
            chunks, size = [], 0
            for chunk in response.iter_content(chunk_size=65536):
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(
                        f"cannot fetch URL {url!r}: the page is larger than {max_bytes:,} bytes "
                        "— save the article text and pass the file, or pass a larger --max-chars"
                    )
                if time.monotonic() > deadline:
                    raise slow
                chunks.append(chunk)
            content_type = response.headers.get("Content-Type", "")
            declared = response.encoding if "charset" in content_type.lower() else None
            kind = content_type.split(";")[0].strip().lower()
            return b"".join(chunks), response.url, kind, declared
    except requests.exceptions.Timeout:
        raise slow from None
    except requests.exceptions.ConnectionError as exc:
        if exc.args and isinstance(exc.args[0], ReadTimeoutError):
            raise slow from None
        raise InputError(
            f"cannot fetch URL {url!r}: network unreachable or host not found — {fix}"
        ) from None
    except requests.exceptions.RequestException as exc:
        raise InputError(f"cannot fetch URL {url!r}: {type(exc).__name__} — {fix}") from None
