"""``jsonld``: schema.org ``NewsArticle`` in JSON-LD, read and written.

The format contract only: the schema.org mapping itself (which the HTML reader
and writer share) is :mod:`newsmodel.schemaorg`.
"""

from __future__ import annotations

import json
import re

from newsmodel import model as m
from newsmodel.errors import ReadError
from newsmodel.io import JSONLD as FORMAT
from newsmodel.io._common import DEFAULT_MAX_BYTES, as_read_errors, decode_text, warn_ignored
from newsmodel.losses import Losses, report
from newsmodel.schemaorg import article_from_data, loads, locate_articles, to_data

__all__ = ["FORMAT", "read", "sniff", "write"]

_SNIFF = re.compile(rb'"@context"\s*:\s*"https?://schema\.org|"@type"\s*:\s*"(?:News)?Article"')


def sniff(head: bytes) -> bool:
    """A JSON document that speaks schema.org."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text[:1] in (b"{", b"[") and _SNIFF.search(head) is not None


# ---------------------------------------------------------------------------
# reading


def read(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> m.Article:
    """Read the (first) article in a JSON-LD document.

    A value of a type the reader does not read (``"headline": 5``, an array
    where text belongs) is left out of the article, and an
    :class:`~newsmodel.errors.IgnoredContentWarning` names its JSON path and
    why. :class:`~newsmodel.errors.ReadError` is for input that is no JSON-LD
    article at all: no JSON (nothing recoverable), no article node, too large
    or too deep. Quotes are not extracted here; :func:`newsmodel.read` does that.
    """
    text = decode_text(data, format=FORMAT.name, max_bytes=max_bytes)
    parsed = loads(text, format=FORMAT.name)
    if parsed is None:
        raise ReadError("not JSON-LD (and nothing could be recovered)", format=FORMAT.name)
    articles, by_id = locate_articles(parsed)
    if not articles:
        raise ReadError("no schema.org article in the document", format=FORMAT.name, where="$")
    path, node = articles[0]
    ignored: list[tuple[str, str]] = []
    with as_read_errors(FORMAT.name):
        article = article_from_data(node, by_id, path=path, ignored=ignored)
    warn_ignored(FORMAT.name, ignored)
    return article


# ---------------------------------------------------------------------------
# writing


def write(article: m.Article, *, indent: int | None = 2, strict: bool = False) -> str:
    """Write ``article`` as a schema.org ``NewsArticle`` JSON-LD document."""
    losses = Losses()
    data = to_data(article, losses)
    text = json.dumps(data, ensure_ascii=False, indent=indent) + "\n"
    report(FORMAT.name, losses, strict=strict)
    return text
