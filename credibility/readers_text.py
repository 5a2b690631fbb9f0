"""Shared reader pieces and the plain-text reader.

Every reader opens files through :func:`open_input`, checks sizes before decoding with
:func:`check_file_size`, turns bytes into text with :func:`decode_bytes` and reports a bad row
of a multi-article input as a :class:`RowError`. Errors a user can cause become one-line
:class:`~credibility.errors.InputError` messages that name the problem and the fix.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

from .article import Article
from .errors import InputError
from .text import normalize_text

__all__ = [
    "DEFAULT_MAX_CHARS",
    "RowError",
    "open_input",
    "check_file_size",
    "read_limited",
    "binary_kind",
    "decode_bytes",
    "split_title",
    "text_article",
]

DEFAULT_MAX_CHARS = 5_000_000
# A character takes at most 4 bytes in UTF-8, so a file larger than this cannot fit the limit.
BYTES_PER_CHAR = 4

# Leading bytes of common binary formats, to name what a user passed by mistake.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or a .docx/.xlsx file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"PAR1", "a Parquet file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "a program"),
)
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SENTENCE_END = ".,;:"
_CLOSERS = "\"'”’)]»"


@dataclass(frozen=True, kw_only=True, slots=True)
class RowError:
    """A row of a multi-article input that could not be read; yielded in place of the article.

    Parameters
    ----------
    id : str or None
        The row's id when it could be read, else ``<file stem>:<row>``.
    row : int
        1-based position of the row (data rows of a table, files of a directory).
    message : str
        One line naming the problem and the fix.
    """

    id: str | None
    row: int
    message: str

    def to_dict(self) -> dict[str, str | int | None]:
        return asdict(self)


def open_input(path: Path, name: str) -> BinaryIO:
    """Open ``path`` for binary reading, turning OS errors into one-line InputErrors."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError(f"cannot read {name!r}: no such file — check the path") from None
    except PermissionError:
        raise InputError(
            f"cannot read {name!r}: permission denied — make the file readable (chmod u+r)"
        ) from None
    except IsADirectoryError:
        raise InputError(f"cannot read {name!r}: it is a directory — pass a file") from None
    except OSError as exc:
        raise InputError(f"cannot read {name!r}: {exc.strerror or exc} — check the path") from None


def check_file_size(size: int, *, name: str, limit_bytes: int, max_chars: int) -> None:
    """Refuse, before reading it, a file too large to hold an article under ``max_chars``."""
    if size > limit_bytes:
        raise InputError(
            f"cannot read {name!r}: the file is {size / 1e6:.1f} MB, too large for one article "
            f"under the {max_chars:,}-character limit — split it or pass a larger --max-chars"
        )


def read_limited(fh: BinaryIO, limit_bytes: int, *, name: str, max_chars: int) -> bytes:
    """Read at most ``limit_bytes`` bytes, raising InputError when there are more."""
    data = fh.read(limit_bytes + 1)
    check_file_size(len(data), name=name, limit_bytes=limit_bytes, max_chars=max_chars)
    return data


def binary_kind(head: bytes) -> str | None:
    """Name the binary format ``head`` starts with, ``"binary data"`` if NUL bytes, else None."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text: NUL bytes are expected
    return "binary data" if b"\x00" in head else None


def _binary_error(name: str, kind: str) -> InputError:
    return InputError(
        f"cannot read {name!r}: it is {kind}, not text — pass the article as a .txt, .html, "
        ".csv, .jsonl or .parquet file"
    )


def decode_bytes(data: bytes, *, name: str) -> str:
    """Decode text as UTF-8 (BOM allowed, UTF-16 with a BOM), else cp1252, else latin-1.

    Raises
    ------
    InputError
        When the bytes are a binary file (a known signature, NUL bytes, or mostly control
        characters once decoded).
    """
    kind = binary_kind(data[:8192])
    if kind:
        raise _binary_error(name, kind)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _binary_error(name, "binary data") from None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    text = data.decode("latin-1")
    sample = text[:65536]
    if sample and len(_CONTROL_RE.findall(sample)) > 0.02 * len(sample):
        raise _binary_error(name, "binary data")
    return text


def split_title(text: str) -> tuple[str | None, str]:
    """Split a headline off the top of a plain text.

    The first non-empty line is the title when it has at most 30 words, does not end with
    ``. , ; :`` (a ``?`` or ``!`` is fine), is followed by a blank line and text follows it.

    Returns
    -------
    (title or None, remaining text)
    """
    body = text.lstrip()
    first, sep, rest = body.partition("\n")
    line = first.strip()
    if not sep or not line or len(line.split()) > 30:
        return None, text
    if line.rstrip(_CLOSERS).endswith(tuple(_SENTENCE_END)):
        return None, text
    following, _, _ = rest.partition("\n")
    if following.strip() or not rest.strip():
        return None, text
    return line, rest.strip()


def text_article(text: str, *, name: str, id: str | None, max_chars: int) -> Article:
    """Build an Article from a plain text: normalise, check, split off the title.

    Raises
    ------
    InputError
        When the text is empty or longer than ``max_chars`` characters.
    """
    if len(text) > max_chars:
        raise InputError(
            f"cannot read {name!r}: the text is {len(text):,} characters, over the "
            f"{max_chars:,}-character limit — split it or pass a larger --max-chars"
        )
    text = normalize_text(text)
    if not text.strip():
        raise InputError(
            f"cannot read {name!r}: there is no text (empty or whitespace only) — pass a file "
            "that holds the article"
        )
    title, body = split_title(text)
    return Article(text=body.strip(), title=title, id=id)
