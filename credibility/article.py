"""The article record every reader produces and every analysis consumes."""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["Article"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Article:
    """One news article.

    Parameters
    ----------
    text : str
        The body text as read (page boilerplate may still be in it; analysis strips it).
    title : str or None
        The headline.
    url : str or None
        Where the article was published.
    source : str or None
        The publisher, as a registrable domain (``example.com``) or a name.
    author : str or None
        The byline.
    published : str or None
        Publication date, ISO 8601 where known.
    id : str or None
        A stable identifier; readers fill one in when the input has none.
    """

    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None
    id: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)
