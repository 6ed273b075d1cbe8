"""The page's text parsed into an lxml tree, hostile markup refused."""

from __future__ import annotations

import re

from lxml import etree

from newsmodel._input import clean_text, line_col
from newsmodel.errors import InputTooLargeError, ReadError
from newsmodel.markup.parse import parse_html
from newsmodel.page.weights import MAX_ATTRIBUTES

__all__ = ["parse"]

#: Start tags (with the text of raw-text elements and comments skipped, as the parser
#: does): quoted values may hold ">" and white space. Every repetition is possessive and
#: a raw-text element's text is skipped a run of non-"<" characters at a time (nothing
#: here ever needs to backtrack: each part ends where the first try ends), so the scan is
#: one pass over the page.
_START_TAGS = re.compile(
    r"""<!--(?:[^-]++|-(?!->))*+(?:-->)?"""
    r"""|<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)\b"""
    r"""((?:[^"'>]++|"[^"]*+"?|'[^']*+'?)*+)>?(?:[^<]++|<(?!/\1\s*>))*+(?:</\1\s*>)?"""
    r"""|<[a-z][^\s/>]*+((?:[^"'>]++|"[^"]*+"?|'[^']*+'?)*+)>?""",
    re.I | re.S,
)
_QUOTED = re.compile(r""""[^"]*"?|'[^']*'?""")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def _check_attributes(text: str, format: str) -> None:
    """Refuse a page with a tag of more than ``MAX_ATTRIBUTES`` attributes."""
    for match in _START_TAGS.finditer(text):
        if match.end() - match.start() <= 2 * MAX_ATTRIBUTES:
            continue  # (the attributes are inside the match: a short match has few)
        inside = match.group(2) or match.group(3) or ""
        if len(inside) <= 2 * MAX_ATTRIBUTES:
            continue  # (each attribute takes a name and a space)
        if len(_QUOTED.sub('""', inside).split()) > MAX_ATTRIBUTES:
            raise InputTooLargeError(
                f"a tag with more than {MAX_ATTRIBUTES} attributes",
                format=format,
                where=line_col(text, match.start()),
            )


def parse(text: str, *, format: str = "html") -> etree._Element:
    """The page's document element. Errors name ``format``: an empty page, one that is
    no HTML, a tag with too many attributes, or nesting too deep (refused, never cut)."""
    text = _XML_DECLARATION.sub("", text)
    if not text.strip() or not clean_text(text).strip():
        raise ReadError("the page is empty", format=format)
    _check_attributes(text, format)
    # parse_html drops the characters the model refuses (written or as references) first;
    # too deep: refused, never cut silently
    document = parse_html(text, format=format)
    if document is None:
        raise ReadError("not an HTML page", format=format)
    return document
