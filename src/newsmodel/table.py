"""Articles as plain data: a flat row per article, and the whole article as a dict.

:func:`flat_row` gives the stable flat columns of :data:`FLAT_COLUMNS` (the
columns of :func:`newsmodel.arrow.to_table` and :func:`newsmodel.dask.to_dataframe`):
plain strings, integers, lists and dicts, ready for ``pandas.DataFrame``,
``json.dumps`` or any table engine.

:func:`to_dict` and :func:`from_dict` are the whole article, lossless, as the
``article`` object of newsmodel JSON (the same converter, the same shapes:
dates as ISO 8601 strings, defaults left out)::

    >>> from newsmodel import Article
    >>> from newsmodel.table import flat_row, from_dict, to_dict
    >>> article = Article(headline="A headline")
    >>> to_dict(article)
    {'headline': 'A headline'}
    >>> from_dict(to_dict(article)) == article
    True
    >>> flat_row(article)["word_count"]
    0
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Final

import cattrs

from newsmodel._json import JSONObject, JSONValue
from newsmodel.converters import describe_error, make_converter
from newsmodel.errors import ReadError
from newsmodel.io.newsmodel_json import to_data
from newsmodel.model import Article, DateValue, Photo, Topic

__all__ = ["FLAT_COLUMNS", "Source", "flat_row", "from_dict", "to_dict"]

#: The flat columns, in order, with what each holds. ``None`` stands for a
#: value the article does not have; the lists are empty rather than ``None``.
#: Example: ``{"headline": "A headline", "bylines": [{"name": "A. Writer",
#: "kind": "person", "role": None, "affiliation": None}], "word_count": 2, ...}``.
FLAT_COLUMNS: Final[Mapping[str, str]] = {
    "id": "the article's identifier (str)",
    "url": "its canonical web address (str)",
    "headline": "the headline (str)",
    "summary": "the summary or standfirst (str)",
    "published": "first published, ISO 8601 (str: YYYY-MM-DD for a day, with T for a time)",
    "modified": "last modified, ISO 8601 (str, as published)",
    "language": "BCP 47 language tag (str)",
    "publisher": "the publisher's name (str)",
    "bylines": "list of {name, kind, role, affiliation} (kind: person, organisation, ...)",
    "topics": "list of {name, kind, code}: code is the topic's qcode, else its URI",
    "photo_count": "how many photos the article has (int)",
    "lead_photo_url": "the first photo's URL, else its first rendition's (str)",
    "quote_count": "how many quotes were found (int)",
    "text": "the body as plain text, blocks separated by a blank line (str)",
    "word_count": "words in text, split on white space (int)",
    "source": "where the article came from, as batch.iter_articles names it (str)",
    "format": "the format it was read from (str)",
}


class Source(str):
    """Where an article came from (``crawl.warc.gz#12``, ``feed.rss[3]``), as
    :func:`newsmodel.batch.iter_articles` names it, with the format it was read
    from as ``format_name`` (``"html"``, ``"jsonl"``; ``None`` when not known): a
    plain string otherwise, so ``(source, article)`` pairs stay pairs.

    >>> Source("feed.rss[3]", "rss").format_name
    'rss'
    """

    format_name: str | None

    def __new__(cls, text: str, format_name: str | None = None) -> Source:
        made = super().__new__(cls, text)
        made.format_name = format_name
        return made

    def __reduce__(self) -> tuple[type[Source], tuple[str, str | None]]:
        return Source, (str(self), self.format_name)


@cache
def _converter() -> cattrs.Converter:
    return make_converter()


def _date(value: DateValue | None) -> str | None:
    text: str | None = _converter().unstructure(value, DateValue | None)
    return text


def _lead_photo_url(photos: tuple[Photo, ...]) -> str | None:
    if not photos:
        return None
    lead = photos[0]
    if lead.url is not None:
        return lead.url
    return lead.renditions[0].url if lead.renditions else None


def _topic(topic: Topic) -> JSONObject:
    return {"name": topic.name, "kind": topic.kind.value, "code": topic.qcode or topic.uri}


def flat_row(
    article: Article, source: str | None = None, format: str | None = None
) -> dict[str, JSONValue]:
    """The :data:`FLAT_COLUMNS` of ``article``, every one present, plain values only.

    ``source`` and ``format`` fill the columns of the same names (the article
    itself does not know where it was read from); a :class:`Source` as
    ``source`` gives its format when ``format`` is not given.
    """
    if format is None:
        format = getattr(source, "format_name", None)
    text = article.text
    bylines: list[JSONValue] = [
        {"name": b.name, "kind": b.kind.value, "role": b.role, "affiliation": b.affiliation}
        for b in article.bylines
    ]
    topics: list[JSONValue] = [_topic(t) for t in article.topics]
    return {
        "id": article.id,
        "url": article.url,
        "headline": article.headline,
        "summary": article.summary,
        "published": _date(article.published),
        "modified": _date(article.modified),
        "language": article.language,
        "publisher": article.publisher.name if article.publisher else None,
        "bylines": bylines,
        "topics": topics,
        "photo_count": len(article.photos),
        "lead_photo_url": _lead_photo_url(article.photos),
        "quote_count": len(article.quotes),
        "text": text,
        "word_count": len(text.split()),
        "source": None if source is None else str(source),
        "format": format,
    }


def to_dict(article: Article) -> JSONObject:
    """The whole article as JSON-ready data: the ``article`` object of newsmodel JSON."""
    data = to_data(article)["article"]
    assert isinstance(data, dict)  # to_data always gives the article as an object
    return data


def from_dict(data: Mapping[str, JSONValue]) -> Article:
    """The article :func:`to_dict` gave (``from_dict(to_dict(a)) == a``).

    Strict, as newsmodel JSON's rules are: an unknown key, a value of the
    wrong type or one the model refuses raises
    :class:`~newsmodel.errors.ReadError` naming its JSON path.
    """
    try:
        article: Article = _converter().structure(dict(data), Article)
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        problems = describe_error(exc) or [("$", str(exc))]
        where, reason = problems[0]
        if len(problems) > 1:
            reason += f" (and {len(problems) - 1} more problem(s))"
        raise ReadError(reason, format="newsmodel", where=where) from None
    return article
