"""The formats newsmodel reads and writes, as one static table.

Each format lives in its own module with the same small contract::

    FORMAT: FormatInfo                       # its row of the table below
    read(data: bytes | str, *, option=default, ...) -> Article
    write(article: Article, *, option=default, ..., strict: bool = False) -> str
    sniff(head: bytes) -> bool               # cheap guess from the first bytes

Options are keyword-only, each with a default. :class:`newsmodel.registry.FormatModule`
states this for mypy, which checks every module against it;
:func:`newsmodel.registry.options` lists the options with their types.

The table is data only: a format's module is imported the first time it is
used (see :mod:`newsmodel.registry`).
"""

from __future__ import annotations

import attrs

__all__ = [
    "ATOM",
    "FORMATS",
    "HTML",
    "JSONFEED",
    "JSONL",
    "JSONLD",
    "NEWSML",
    "NEWSML1",
    "NEWSMODEL",
    "NINJS",
    "NITF",
    "RSS",
    "TEXT",
    "FormatInfo",
]


@attrs.frozen(kw_only=True)
class FormatInfo:
    """What newsmodel knows about a format before loading its module."""

    name: str
    title: str
    module: str
    aliases: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()
    media_types: tuple[str, ...] = ()
    can_read: bool = True
    can_write: bool = True
    #: The format stores quotes itself (newsmodel JSON): reading keeps them
    #: and never runs quote extraction over them.
    stores_quotes: bool = False


NEWSMODEL = FormatInfo(
    name="newsmodel",
    title="newsmodel JSON (lossless, versioned)",
    module="newsmodel.io.newsmodel_json",
    aliases=("json", "newsmodel-json"),
    extensions=(".newsmodel.json", ".json"),
    media_types=("application/vnd.newsmodel+json",),
    stores_quotes=True,
)

NINJS = FormatInfo(
    name="ninjs",
    title="IPTC ninjs (News in JSON) 1.x, 2.x, 3.x",
    module="newsmodel.io.ninjs",
    aliases=("ninjs3", "ninjs-json"),
    extensions=(".ninjs.json", ".ninjs", ".json"),
    media_types=("application/ninjs+json",),
)

JSONLD = FormatInfo(
    name="jsonld",
    title="schema.org NewsArticle in JSON-LD",
    module="newsmodel.io.jsonld",
    aliases=("json-ld", "schema.org", "schemaorg"),
    extensions=(".jsonld", ".json-ld", ".json"),
    media_types=("application/ld+json",),
)

HTML = FormatInfo(
    name="html",
    title="news web pages (reads any page, writes a clean HTML5 page)",
    module="newsmodel.io.html",
    aliases=("htm", "xhtml", "web"),
    extensions=(".html", ".htm", ".xhtml"),
    media_types=("text/html", "application/xhtml+xml"),
)

NEWSML = FormatInfo(
    name="newsml",
    title="IPTC NewsML-G2 (reads 2.4 onward, writes 2.35)",
    module="newsmodel.io.newsml",
    aliases=("newsml-g2", "newsmlg2", "g2"),
    extensions=(".newsml.xml", ".g2.xml", ".xml"),
    media_types=("application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml"),
)

NEWSML1 = FormatInfo(
    name="newsml1",
    title="IPTC NewsML 1.x (1.0 to 1.2), read only",
    module="newsmodel.io.newsml1",
    aliases=("newsml-1", "newsml1.x"),
    extensions=(".newsml1.xml", ".xml"),
    can_write=False,
)

NITF = FormatInfo(
    name="nitf",
    title="IPTC NITF (reads 3.x, writes 3.6)",
    module="newsmodel.io.nitf",
    aliases=("nitf3",),
    extensions=(".nitf.xml", ".nitf", ".xml"),
    media_types=("application/nitf+xml",),
)

TEXT = FormatInfo(
    name="text",
    title="plain text (as a reader sees the article)",
    module="newsmodel.io.text",
    aliases=("txt", "plain", "plaintext"),
    extensions=(".txt", ".text"),
    media_types=("text/plain",),
)

RSS = FormatInfo(
    name="rss",
    title="RSS feeds (reads 2.0, 0.9x and 1.0/RDF; writes 2.0), many articles",
    module="newsmodel.io.rss",
    aliases=("rss2", "rdf", "rss1"),
    extensions=(".rss", ".rdf", ".rss.xml", ".xml"),
    media_types=("application/rss+xml", "application/rdf+xml"),
)

ATOM = FormatInfo(
    name="atom",
    title="Atom 1.0 feeds, many articles",
    module="newsmodel.io.atom",
    aliases=("atom1",),
    extensions=(".atom", ".atom.xml", ".xml"),
    media_types=("application/atom+xml",),
)

JSONFEED = FormatInfo(
    name="jsonfeed",
    title="JSON Feed 1.1 (reads 1.0 too), many articles",
    module="newsmodel.io.jsonfeed",
    aliases=("json-feed", "feed.json"),
    extensions=(".feed.json", ".json"),
    media_types=("application/feed+json",),
)

JSONL = FormatInfo(
    name="jsonl",
    title="JSON Lines: one JSON article document per line (newsmodel JSON by default)",
    module="newsmodel.io.jsonl",
    aliases=("ndjson", "json-lines", "jsonlines"),
    extensions=(".jsonl", ".ndjson"),
    media_types=("application/jsonl", "application/x-ndjson"),
)

#: Every format, in the order sniffers are tried when guessing: JSON Lines before
#: the one-document JSON formats (a line of newsmodel JSON opens a JSON Lines file
#: too), and the feeds, whose sniffers look at the root element alone, before the
#: XML and HTML formats, whose sniffers look for their elements anywhere.
FORMATS: tuple[FormatInfo, ...] = (
    JSONL,
    NEWSMODEL,
    JSONFEED,
    NINJS,
    JSONLD,
    RSS,
    ATOM,
    NEWSML1,
    NEWSML,
    NITF,
    HTML,
    TEXT,
)
