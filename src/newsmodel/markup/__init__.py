"""Body markup ↔ blocks: HTML, XHTML and NITF ``body.content`` in one place.

Readers turn an element tree (or an HTML string) into the model's blocks
with :func:`blocks_from_element` / :func:`blocks_from_html`; writers build
markup from blocks with :func:`blocks_to_elements` / :func:`blocks_to_html`.
Tags are matched by local name, so XHTML with or without its namespace and
NITF (``hl2``, ``bq``, ``media``, ``block``) all read the same way.

HTML that we write is always escaped, and raw embeds are sanitised: no
``script``, no ``on*`` attributes, no ``javascript:`` (or ``vbscript:``,
``data:``) URLs.

The parts, each importing only those above it:

- :mod:`~newsmodel.markup.dialects`: what differs between HTML, XHTML and NITF, as data;
- :mod:`~newsmodel.markup.parse`: the safe HTML parser and small tree helpers;
- :mod:`~newsmodel.markup.text`: white space and numbers as HTML reads them;
- :mod:`~newsmodel.markup.sanitise`: safe URLs and the embed sanitiser;
- :mod:`~newsmodel.markup.inline`: inline content from and to elements;
- :mod:`~newsmodel.markup.figures`: photos from ``img``, ``figure`` and NITF ``media``;
- :mod:`~newsmodel.markup.blocks`: reading blocks, a table from tag to handler;
- :mod:`~newsmodel.markup.write`: writing blocks as HTML or XHTML.
"""

from __future__ import annotations

from newsmodel.markup.blocks import blocks_from_element, blocks_from_html
from newsmodel.markup.figures import photo_from_figure, photos_of_figures
from newsmodel.markup.inline import MAX_DEPTH, element_maker, inline_from_element, inline_to
from newsmodel.markup.parse import (
    HTML_MAX_DEPTH,
    add_text,
    check_html_parse,
    html_parser,
    local_name,
    remove_element,
)
from newsmodel.markup.sanitise import EMBED_MAX_DEPTH, safe_url, sanitise_html
from newsmodel.markup.text import blocks_from_text
from newsmodel.markup.write import blocks_to_elements, blocks_to_html, table_to

__all__ = [
    "EMBED_MAX_DEPTH",
    "HTML_MAX_DEPTH",
    "MAX_DEPTH",
    "add_text",
    "blocks_from_element",
    "blocks_from_html",
    "blocks_from_text",
    "blocks_to_elements",
    "blocks_to_html",
    "check_html_parse",
    "element_maker",
    "html_parser",
    "inline_from_element",
    "inline_to",
    "local_name",
    "photo_from_figure",
    "photos_of_figures",
    "remove_element",
    "safe_url",
    "sanitise_html",
    "table_to",
]
