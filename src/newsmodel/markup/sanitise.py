"""Safe URLs and the sanitiser for embedded HTML (players, social posts, tables).

What the sanitiser promises, for markup that a raw embed carries:

- no ``script``, ``style``, ``noscript``, ``template``, forms and their fields, ``svg``,
  ``math``, ``object``, ``embed``, ``applet``, ``base`` or ``frame`` element: each is
  removed with its content (the text after it stays);
- any other element outside :data:`ALLOWED_EMBED_TAGS` becomes a ``span``;
- no ``on*`` event handler, ``style``, ``srcdoc`` or ``formaction`` attribute, no
  attribute with a namespace prefix (``xlink:href``) and none whose name an XML writer
  refuses (``a"b``);
- no URL attribute (:data:`URL_ATTRS`) that :func:`safe_url` refuses: ``javascript:``,
  ``vbscript:``, ``livescript:``, ``data:`` or control characters; a ``srcset`` goes
  when any of its URLs is refused;
- nothing nested deeper than :data:`EMBED_MAX_DEPTH`: the deepest element keeps the
  text of what was inside it.
"""

from __future__ import annotations

import re
from html import escape

from lxml import etree

from newsmodel.markup.dialects import DROP_TAGS
from newsmodel.markup.parse import (
    attributes,
    local_name,
    parse_document,
    remove_element,
    texts,
)

__all__ = [
    "ALLOWED_EMBED_TAGS",
    "EMBED_MAX_DEPTH",
    "URL_ATTRS",
    "fragment_html",
    "safe_url",
    "sanitise_html",
    "sanitised_fragment",
]

#: URLs that run code or carry their content inline, refused wherever a URL is read
#: or written: ``javascript:alert(1)``, `` VBScript:x``, ``data:text/html,…``.
_UNSAFE_URL = re.compile(r"^\s*(?:javascript|vbscript|data|livescript)\s*:", re.IGNORECASE)

#: Embedded markup nested deeper than this is kept as the text of its deepest allowed
#: element: a page written with it stays well inside
#: :data:`~newsmodel.markup.parse.HTML_MAX_DEPTH`.
EMBED_MAX_DEPTH = 200

#: Elements an embed keeps as they are: ``<iframe src="https://video.example/e/1">``,
#: ``<blockquote><p>…</p></blockquote>``. Others become ``span``.
ALLOWED_EMBED_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "div",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "i",
        "iframe",
        "img",
        "li",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
        "video",
        "audio",
        "source",
        "picture",
        "time",
    ]
)
#: Removed with their content besides :data:`~newsmodel.markup.dialects.DROP_TAGS`:
#: plugins and elements that change where the page's URLs point (``<base href>``).
_REMOVED_EMBED_TAGS = frozenset(["object", "embed", "applet", "base", "frame"])
#: Attributes removed whatever their value: ``<img style="…" srcdoc="…">``.
_REMOVED_ATTRS = frozenset(["style", "srcdoc", "formaction"])
#: An attribute name that XHTML (and lxml) can write: ``data-id`` yes, ``a"b`` and
#: ``{x}`` (a template's leftovers) no.
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_][\w.-]*")
#: Attributes that hold a URL: removed when :func:`safe_url` refuses it,
#: ``<a href="javascript:void(0)">``.
URL_ATTRS = frozenset(
    ["href", "src", "cite", "poster", "data", "action", "formaction", "srcset", "background"]
)


#: A control character (below U+0020): no URL holds one (one regex search, not a loop).
_CONTROL_CHAR = re.compile("[\x00-\x1f]")
#: How most URLs start, which :data:`_UNSAFE_URL` can never match: no need to ask it.
_WEB = ("https:", "http:")


def safe_url(url: str | None) -> str | None:
    """``url`` stripped, or ``None`` when empty or a script/data URL."""
    if url is None:
        return None
    url = url.strip()
    if not url or (not url.startswith(_WEB) and _UNSAFE_URL.match(url)):
        return None
    # (a printable URL has no control character: the check spares most URLs the regex)
    if not url.isprintable() and _CONTROL_CHAR.search(url):
        return None
    return url


def _flatten(element: etree._Element) -> None:
    """Replace ``element``'s children by their text (their tails included)."""
    text = "".join(texts(element))
    for child in list(element):
        element.remove(child)
    element.text = text


def _attribute_allowed(name: str, value: str) -> bool:
    low = name.lower()
    if low.startswith("on") or low in _REMOVED_ATTRS or ":" in low:
        return False
    if not _ATTRIBUTE_NAME.fullmatch(name):
        return False
    if low == "srcset":
        return all(safe_url(p.split()[0]) is not None for p in value.split(",") if p.split())
    return low not in URL_ATTRS or safe_url(value) is not None


def _clean_attributes(element: etree._Element) -> None:
    """Keep the attributes :func:`_attribute_allowed` allows, in their order."""
    found = attributes(element)
    kept = {name: value for name, value in found.items() if _attribute_allowed(name, value)}
    try:
        for name in found.keys() - kept.keys():
            del element.attrib[name]
        for name, value in kept.items():
            if not value:  # (<iframe allowfullscreen>: written allowfullscreen="", as it
                element.set(name, "")  # reads back once written in a page: one form)
    except (KeyError, ValueError):
        # lxml cannot look up an attribute named "{x}" or "a{b": set the kept ones anew (one
        # without a value, <iframe allowfullscreen>, is then written with "")
        element.attrib.clear()
        for name, value in kept.items():
            element.set(name, value)


def _sanitise_tree(root: etree._Element) -> None:
    """Sanitise everything inside ``root`` in place (see the module's promises)."""
    depths: dict[etree._Element | None, int] = {root: 0}
    for element in list(root.iter()):
        if element is root:
            continue
        depth = depths.get(element.getparent(), EMBED_MAX_DEPTH) + 1
        if depth > EMBED_MAX_DEPTH:
            continue  # inside an element flattened below, or removed
        depths[element] = depth
        if depth == EMBED_MAX_DEPTH and len(element):
            _flatten(element)
        name = local_name(element, fold_case=True)
        if not name or name in DROP_TAGS or name in _REMOVED_EMBED_TAGS:
            remove_element(element)
            continue
        if name not in ALLOWED_EMBED_TAGS:
            element.tag = "span"
        _clean_attributes(element)


def sanitised_fragment(markup: str) -> etree._Element | None:
    """A ``div`` holding ``markup`` parsed and sanitised, or ``None`` when nothing parsed."""
    document = parse_document(f"<div>{markup}</div>", check=False)
    for body in document.iter("body"):  # (the first div in a body: no path search)
        for holder in body:
            if holder.tag == "div":
                _sanitise_tree(holder)
                return holder
    return None


def sanitise_html(markup: str) -> str:
    """``markup`` without scripts, event handlers, styles or script/data URLs (see the
    module's promises)."""
    if not markup or not markup.strip():
        return ""
    holder = sanitised_fragment(markup)
    return "" if holder is None else fragment_html(holder)


def fragment_html(holder: etree._Element) -> str:
    """The HTML inside ``holder`` (its text and children), trimmed."""
    parts = [escape(holder.text or "", quote=False)]
    parts.extend(etree.tostring(c, method="html", encoding="unicode") for c in holder)
    return "".join(parts).strip()
