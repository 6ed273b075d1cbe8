"""Parsing HTML safely, and the small tree helpers every part of markup uses."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import cast

from lxml import etree

from newsmodel._input import clean_markup_utf8
from newsmodel.errors import ReadError
from newsmodel.xmlsafe import limit_error, local_name

__all__ = [
    "HTML_MAX_DEPTH",
    "TAG_NAMES",
    "add_text",
    "attributes",
    "check_html_parse",
    "first_attr",
    "html_parser",
    "local_name",
    "parse_document",
    "parse_html",
    "parsed_clean",
    "remove_element",
    "tag_name",
    "texts",
]

#: libxml2 stops reading HTML nested deeper than this (its limit with the huge_tree
#: option; 256 without it). Deeper input is refused with :class:`InputTooLargeError`,
#: never read short: what follows the limit would be lost without a word.
HTML_MAX_DEPTH = 2048
#: libxml2's message when it stops at that depth: "Excessive depth in document: 2049 use
#: XML_PARSE_HUGE option".


class _CleanMarkupParser(etree.HTMLParser):
    """The parser of :func:`parse_html`: it is given only markup cleaned with
    :func:`~newsmodel._input.clean_markup`, so the trees it makes hold no character the
    model refuses (see :func:`parsed_clean`)."""


def _made(kind: type[etree.HTMLParser], encoding: str | None = None) -> etree.HTMLParser:
    """A parser of ``kind`` as every HTML parser here is: no network, no comments or PIs
    (reading bytes in ``encoding`` when given).

    ``huge_tree`` lifts libxml2's caps on nesting (256 → :data:`HTML_MAX_DEPTH`) and on
    one text node (10 MB): the HTML parser expands no entities of its own, and readers
    bound the input's size.
    """
    return kind(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        huge_tree=True,
        encoding=encoding,
    )


#: The encoding :func:`parse_html` gives libxml2 its markup in (that of
#: :func:`~newsmodel._input.clean_markup_utf8`): a ``str`` of characters above U+00FF
#: reaches libxml2 as UTF-16 or UCS-4, which it converts first (such a feed body parses
#: ~15% faster as UTF-8, a page ~4%); the trees are the same.
_PARSE_ENCODING = "utf-8"


#: Each thread's parser for :func:`parse_html`: making a parser costs as much as parsing
#: a short fragment, and one parser serves one parse at a time (its error log is the
#: last one's).
_PARSERS = threading.local()


def html_parser() -> etree.HTMLParser:
    """A new HTML parser that never touches the network and drops comments and PIs, for
    a caller's own markup: the markup reader checks what it reads from its trees as the
    model's constructors would. Check the parse with :func:`check_html_parse`."""
    return _made(etree.HTMLParser)


def parse_html(markup: str, *, check: bool = True, format: str | None = None) -> etree._Element:
    """The HTML document ``markup`` makes, cleaned of the characters the model refuses
    first (:func:`~newsmodel._input.clean_markup`) and parsed by this thread's parser,
    whose trees the markup reader trusts (:func:`parsed_clean`).

    With ``check``, a parse that stopped part way raises (see :func:`check_html_parse`,
    where ``format`` names the input); :class:`ReadError` when there is no document.
    """
    parser: etree.HTMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = _made(_CleanMarkupParser, _PARSE_ENCODING)
    try:
        document = etree.fromstring(clean_markup_utf8(markup), parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"not an HTML page: {exc}", format=format) from None
    if document is None:  # (markup without an element: white space, a lone comment)
        raise ReadError("not an HTML page: Document is empty", format=format)
    if check:
        check_html_parse(parser, format=format)
    return document


def parsed_clean(element: etree._Element) -> bool:
    """Whether ``element``'s tree was made by :func:`parse_html`, from markup cleaned of
    the characters the model refuses (a tree of any other parser may hold some: an HTML
    parser's, or a recovering XML parser's, from ``&#1;``)."""
    return isinstance(element.getroottree().parser, _CleanMarkupParser)


def check_html_parse(parser: etree.HTMLParser, *, format: str | None = None) -> None:
    """Raise when libxml2 stopped part way through (a resource limit): the tree it left
    would silently lack the rest of the page.

    :class:`InputTooLargeError` for nesting deeper than :data:`HTML_MAX_DEPTH` or another
    of libxml2's limits; :class:`ReadError` for any other fatal error.
    """
    for entry in parser.error_log:
        if entry.level < etree.ErrorLevels.FATAL:
            continue
        where = f"line {entry.line}, column {entry.column}"
        message = " ".join((entry.message or "").split())
        too_large = limit_error(message, entry.type, format=format, where=where)
        if too_large is not None:
            raise too_large
        raise ReadError(f"the HTML parser stopped: {message}", format=format, where=where)


def parse_document(markup: str, *, check: bool = True, format: str | None = None) -> etree._Element:
    """``<html><body>markup</body></html>`` parsed by :func:`parse_html`.

    With ``check``, a parse that stopped part way raises (see :func:`check_html_parse`,
    where ``format`` names the input); without, the tree is what libxml2 read. Characters
    the model refuses, written out or as references, are dropped first.
    """
    return parse_html(f"<html><body>{markup}</body></html>", check=check, format=format)


#: How many tags :func:`tag_name` remembers: a document uses a few dozen, and markup that
#: invents a new tag on every element cannot grow the table past this.
_TAG_NAMES_KEPT = 4096
#: :func:`tag_name`'s answers by tag: the walks over a body look a tag up here first,
#: ``TAG_NAMES.get(element.tag) or tag_name(element)``, and call only for a new one.
TAG_NAMES: dict[object, str] = {}


def tag_name(element: etree._Element) -> str:
    """``local_name(element, fold_case=True)``, each tag's answer remembered: the markup
    reader asks it of every element (``{http://www.w3.org/1999/xhtml}P`` → ``p``)."""
    tag = element.tag
    name = TAG_NAMES.get(tag)
    if name is None:
        name = local_name(element, fold_case=True)
        if len(TAG_NAMES) < _TAG_NAMES_KEPT:
            TAG_NAMES[tag] = name
    return name


def texts(element: etree._Element) -> Iterator[str]:
    """The text inside ``element``, in document order (``itertext``)."""
    # lxml gives str for parsed text (its stubs allow bytes)
    return cast("Iterator[str]", element.itertext())


def attributes(element: etree._Element) -> dict[str, str]:
    """A copy of ``element``'s attributes, in order (names lxml cannot look up, such as
    ``a{b``, included)."""
    return cast("dict[str, str]", dict(element.items()))


def first_attr(element: etree._Element, names: Iterable[str]) -> str | None:
    """The first of ``names`` that ``element`` has a non-empty value for, or ``None``."""
    for name in names:
        value = element.get(name)
        if value:
            return value
    return None


def remove_element(element: etree._Element) -> None:
    """Remove ``element`` but keep the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def add_text(parent: etree._Element, text: str) -> None:
    """Append ``text`` where it reads next in ``parent`` (its text, or its last child's tail)."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
