"""What differs between HTML, XHTML and NITF body markup, as data.

Reading is tolerant: tags are matched by local name, so one set of tables reads all
three dialects (NITF ``hl2`` is a heading, ``bq`` a block quote, ``media`` a figure).
Writing follows a :class:`Dialect`: :data:`HTML` (XHTML is HTML in the XHTML
namespace) or :data:`NITF`, which has no ``strong`` and no ``q cite``.

The class names and attributes that newsmodel's own writers put on elements (an
embed's ``div class="nm-embed"``, a credit's ``small class="credit"``) are named here
once, for the writer that sets them and the reader that looks for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsmodel import model as m

__all__ = [
    "ATTRIBUTION_TAGS",
    "BLOCK_TAGS",
    "CAPTION_CREDIT_CLASSES",
    "CAPTION_CREDIT_TAGS",
    "CREDIT_CLASS",
    "DROP_TAGS",
    "EMBED_CLASS",
    "EMBED_FORMAT_ATTR",
    "EMBED_TAGS",
    "EMBED_URL_ATTR",
    "FIGURE_TAGS",
    "HEADING_LEVELS",
    "HTML",
    "HTML_MEDIA_TYPE",
    "INLINE_KINDS",
    "LIST_ITEM_TAGS",
    "LIST_TAGS",
    "NITF",
    "PARAGRAPH_TAGS",
    "PHOTOGRAPHER_CLASS",
    "PHOTO_ID_ATTR",
    "QUOTE_SOURCE_ATTRS",
    "QUOTE_TAGS",
    "STRONG_CLASS",
    "Dialect",
]

# ---------------------------------------------------------------------------
# reading: one table for every dialect

#: Read as one paragraph of inline content: ``<fn>See the note.</fn>`` (NITF footnote),
#: ``<dt>Term</dt>`` outside a list, a stray ``<figcaption>``.
PARAGRAPH_TAGS = frozenset(["p", "fn", "note", "summary", "caption", "figcaption", "dt"])
#: Heading tags and the level each reads as: ``<h3>`` is level 3, NITF's only
#: heading ``<hl2>`` is level 2.
HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6, "hl2": 2}
#: Block quotes: HTML ``<blockquote>``, NITF ``<bq>``.
QUOTE_TAGS = frozenset(["blockquote", "bq"])
#: A quote's last child with one of these names is its attribution:
#: ``<blockquote><p>…</p><footer>Ada Pell</footer></blockquote>``, NITF ``<credit>``.
ATTRIBUTION_TAGS = frozenset(["footer", "credit", "cite"])
#: Where a quote's source URL is, in order: HTML ``cite``, NITF ``quote-source``.
QUOTE_SOURCE_ATTRS = ("cite", "quote-source")
#: List tags and whether each is ordered: ``<ol>`` is, ``<ul>`` and ``<dl>`` are not.
LIST_TAGS = {"ul": False, "ol": True, "dl": False}
#: A list's items: ``<li>``, and a definition list's ``<dt>``/``<dd>``.
LIST_ITEM_TAGS = frozenset(["li", "dd", "dt"])
#: Read as a photo: HTML ``<figure>``, ``<img>``, ``<picture>``, NITF ``<media>``.
FIGURE_TAGS = frozenset(["figure", "media", "img", "picture"])
#: Third-party players, kept as sanitised HTML: ``<iframe src="https://video.example/1">``.
EMBED_TAGS = frozenset(["iframe", "video", "audio", "embed", "object"])
#: Never read, neither as blocks nor as text: ``<script>``, forms, navigation, ``<svg>``.
DROP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "form",
        "fieldset",
        "button",
        "input",
        "select",
        "textarea",
        "nav",
        "aside",
        "svg",
        "math",
        "head",
        "title",
        "meta",
        "link",
    ]
)
#: Elements that hold blocks, read by looking inside: ``<div><p>…</p></div>``; NITF
#: ``<block>`` too. Text directly inside them reads as a paragraph.
CONTAINER_TAGS = frozenset(
    [
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "body",
        "html",
        "center",
        "address",
        "details",
        "block",
        "li",
        "dd",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "hgroup",
    ]
)
#: Dropped tags that also end a run of inline text: ``a <form>…</form> b`` reads as two
#: paragraphs, ``a <button>…</button> b`` as one.
_DROPPED_BLOCKS = frozenset(
    ["script", "style", "noscript", "template", "form", "fieldset", "nav", "aside"]
)
#: Every tag that starts a block: ``<p>`` inside a ``<div>`` ends the run of inline
#: text before it. Anything else (``<span>``, ``<a>``, NITF ``<person>``) is inline.
BLOCK_TAGS = (
    PARAGRAPH_TAGS
    | HEADING_LEVELS.keys()
    | QUOTE_TAGS
    | LIST_TAGS.keys()
    | FIGURE_TAGS
    | EMBED_TAGS
    | CONTAINER_TAGS
    | frozenset(["table", "pre", "hr"])
    | _DROPPED_BLOCKS
)
#: Inline tags that carry a kind: ``<em>``/``<i>`` emphasis, ``<strong>``/``<b>`` strong.
INLINE_KINDS: dict[str, type[m.Emphasis] | type[m.Strong]] = {
    "em": m.Emphasis,
    "i": m.Emphasis,
    "strong": m.Strong,
    "b": m.Strong,
}

# ---------------------------------------------------------------------------
# newsmodel's own classes and attributes (written, and read back)

#: NITF has no ``strong``: newsmodel writes ``<em class="strong">`` and reads it back.
STRONG_CLASS = "strong"
#: A raw embed: ``<div class="nm-embed" data-format="text/html" data-url="…">``.
EMBED_CLASS = "nm-embed"
#: The embed's media type (:data:`HTML_MEDIA_TYPE` when absent).
EMBED_FORMAT_ATTR = "data-format"
#: The media type of HTML: an embed in it is sanitised, others are kept as text.
HTML_MEDIA_TYPE = "text/html"
#: The embed's source URL.
EMBED_URL_ATTR = "data-url"
#: A photo's id on its ``figure`` or ``img``: ``<figure data-photo-id="p1">``.
PHOTO_ID_ATTR = "data-photo-id"
#: The photographer inside a figcaption: ``<span class="photographer">Ida Roe</span>``.
PHOTOGRAPHER_CLASS = "photographer"
#: The credit inside a figcaption: ``<small class="credit">Example Press</small>``.
CREDIT_CLASS = "credit"
#: A figcaption child whose class contains one of these is the credit (pages write
#: ``class="image-copyright"``, ``class="photo-source"``).
CAPTION_CREDIT_CLASSES = (CREDIT_CLASS, "copyright", "source")
#: A figcaption child with one of these tags is the credit: ``<cite>Example Press</cite>``.
CAPTION_CREDIT_TAGS = frozenset(["cite", "small"])


# ---------------------------------------------------------------------------
# writing


@dataclass(frozen=True)
class Dialect:
    """How blocks, inline content and tables are written in one markup dialect."""

    #: shown in messages
    name: str
    #: the tag for :class:`~newsmodel.model.Strong`
    strong: str = "strong"
    #: the class on that tag, where the tag alone does not say strong
    strong_class: str | None = None
    #: whether ``<q>`` may carry a ``cite`` URL
    quote_cite: bool = True
    #: whether a table row without cells is written (NITF needs a cell in a row)
    empty_rows: bool = True
    #: whether a list without items is written (NITF needs an item in a list)
    empty_lists: bool = True
    #: the tag of each heading level, 1 to 6
    headings: tuple[str, ...] = ("h1", "h2", "h3", "h4", "h5", "h6")
    #: a block quote's tag, the attribute of its source URL, the element its blocks sit
    #: in (``None``: the quote itself) and the tag of its attribution
    quote: tuple[str, str, str | None, str] = ("blockquote", "cite", None, "footer")
    #: the tag of a figure: ``figure`` (with ``img`` and ``figcaption``) or NITF ``media``
    figure: str = "figure"
    #: whether raw embeds have a place (NITF has none)
    embeds: bool = True
    #: whether a list item holding one paragraph is written as that paragraph's content
    inline_items: bool = False


#: HTML and XHTML (XHTML is the same elements in the XHTML namespace).
HTML = Dialect(name="html")
#: NITF 3.6 ``body.content``: strong as ``<em class="strong">``, ``<q>`` without
#: ``cite``, no empty table rows, every heading an ``<hl2>``, block quotes as
#: ``<bq quote-source="…"><block>…</block><credit>…</credit></bq>``, figures as
#: ``<media>``, no embeds, ``<li>Text</li>`` for a one-paragraph list item.
NITF = Dialect(
    name="nitf",
    strong="em",
    strong_class=STRONG_CLASS,
    quote_cite=False,
    empty_rows=False,
    empty_lists=False,
    headings=("hl2",) * 6,
    quote=("bq", "quote-source", "block", "credit"),
    figure="media",
    embeds=False,
    inline_items=True,
)
