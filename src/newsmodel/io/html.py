"""``html``: news web pages in, a clean semantic page out.

The reader combines what a page says about itself (schema.org JSON-LD,
OpenGraph, ``article:*`` and common meta names, ``<time>``, ``rel=author``)
with what it shows a reader (the headline, the standfirst, the byline, the
date line, figures, tag lists, the copyright line), preferring what the page
shows when the two disagree. The body is found by paragraph density inside
the most article-like container, with page furniture (navigation, ads and
their labels, share bars, promos, related lists, comments, author boxes,
bylines, date lines) removed. Nothing is fetched.

The writer emits a standalone HTML5 page (``article``, ``h1``, ``time``,
``figure``, byline, tag list) with the article's JSON-LD embedded; all text
is escaped and raw embeds are sanitised.
"""

from __future__ import annotations

import datetime
import html as html_lib
import json
import re
from collections.abc import Iterable
from copy import deepcopy
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html

from newsmodel import model as m
from newsmodel.bylines import parse_byline, parse_signoff
from newsmodel.dates import MONTH_PATTERN, format_date, parse_date
from newsmodel.errors import InputTooLargeError, ReadError
from newsmodel.io import HTML as FORMAT
from newsmodel.io._common import (
    DEFAULT_MAX_BYTES,
    as_read_errors,
    check_input,
    clean_text,
    declare_read_back_losses,
    line_col,
    sniff_encoding,
)
from newsmodel.io.jsonld import (
    MIN_YEAR,
    article_from_data,
    find_articles,
    jsonld_date,
    loads_lenient,
    to_data,
)
from newsmodel.losses import Losses, report
from newsmodel.markup import (
    blocks_from_element,
    blocks_to_elements,
    check_html_parse,
    html_parser,
    local_name,
    photos_of_figures,
    remove_element,
    safe_url,
)

__all__ = ["FORMAT", "decode_html", "read", "sniff", "write"]

_SNIFF = re.compile(rb"<(?:!doctype html|html|head|body|meta|title|article|div|p)[\s>]", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|sidebar|side-bar|share|"
    r"sharing|social|related|recommended|recommend|promo|promotion|newsletter|subscribe|"
    r"subscription|signup|sign-up|cookie|consent|comments?|disqus|advert|advertisement|ads?|"
    r"ad-slot|adslot|dfp|gpt|sponsor|sponsored|outbrain|taboola|popup|modal|overlay|banner|"
    r"author-bio|author-box|authorbox|bio|tags?|tag-list|topics|paywall|more-stories|"
    r"read-more|readmore|most-popular|trending|widget|toolbar|skip-link|screen-reader-text|"
    r"print|byline|dateline|entry-meta|post-meta|article-meta|meta|timestamp|caption-credit|"
    r"caption|credit|photo-credit|image-credit|wp-caption-text|disclosure|disclaimer)"
    r"(?:$|[\s_-])",
    re.I,
)
_CONTENT_HINT = re.compile(
    r"article-?body|articlebody|article__body|entry-content|post-content|post-body|"
    r"story-?body|story__body|article-content|article-text|body-text|content-body|"
    r"field-body|rich-text|richtext|story-content|main-content|article__content|"
    r"c-article-body|paywall-content",
    re.I,
)
_STANDFIRST = re.compile(
    r"excerpt|standfirst|stand-first|dek|subtitle|sub-title|subhead|summary|lede|"
    r"intro|description|strapline|teaser|deck",
    re.I,
)
_BYLINE_HINT = re.compile(r"byline|author|writer|reporter|contributor|by-line", re.I)
_FURNITURE = re.compile(
    r"(?:advertisement|advertising|adverts?|close|sponsored(?: content)?|"
    r"share(?: this(?: article| story)?)?|"
    r"share on \w+|print|email|comments?|read more|continue reading|sign up.*|subscribe.*|"
    r"related(?: articles| stories| content)?|more from .*|recommended.*|follow us.*|"
    r"read next|up next|watch:.*|listen to this article|image \d+ of \d+|"
    r"click here.*|tap here.*|newsletter.{0,80}|get our .{0,60}newsletter.*|"
    r"print this article.*|\d+ min(?:ute)? read)[.!:]?",
    re.I,
)
#: Headings that open what follows a story (related stories, recommendations).
_TAIL_HEADING = re.compile(
    r"^(?:our )?(?:latest|related|more|recommended|popular|trending|top|most read|most popular|"
    r"read next|up next|you may also like|you might also like|also read|see also|more from|"
    r"more stories|other stories|editor'?s picks|don'?t miss|what to read next|keep reading)"
    r"\b.{0,40}$",
    re.I,
)
_STAMP_LINE = re.compile(
    r"^(?:updated|published|posted|last updated|first published)\b.{0,60}$", re.I
)
#: Short lines that sell something or credit a picture, wherever they stand.
_PROMO = re.compile(
    r"\b(?:newsletters?|in your inbox|meet your inbox|subscribe to|sign up (?:for|to)|"
    r"follow (?:us|[\w@.]+(?: [\w@.]+){0,3}) on (?:twitter|facebook|instagram|youtube|x)|"
    r"slideshow requires javascript|delivered (?:to|through) your|image copyright|"
    r"photo copyright|image caption|(?:photo|image) source)\b",
    re.I,
)
_CREDIT_LINE = re.compile(r"(?:getty images|ap photo|reuters|afp|shutterstock|epa)\s*$", re.I)
_STAMP_ANYWHERE = re.compile(r"\b\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}")
_TAG_LABEL = re.compile(r"^(?:topics|tags|tagged|filed under|more on|keywords)\s*:?\s*", re.I)
_SEPARATORS = re.compile(r"\s+[|–—:·•»-]\s+")
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)")
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\)\s*\d{4})", re.I)
_COPYRIGHT_MARK = re.compile(r"copyright|©|\(c\)", re.I)


def sniff(head: bytes) -> bool:
    """Markup that looks like an HTML page."""
    return _SNIFF.search(head[:4096]) is not None and b"<?xml" not in head[:100]


# ---------------------------------------------------------------------------
# decoding and parsing


def decode_html(data: bytes | str, encoding: str | None = None) -> str:
    """Text of a page: what the bytes show (BOM, UTF-16/32 pattern), then ``encoding``,
    then the meta charset, then UTF-8, then cp1252."""
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    shown = sniff_encoding(data)
    if shown:
        return data.decode(shown, "replace")
    candidates = [encoding] if encoding else []
    declared = _CHARSET.search(data[:4096])
    if declared:
        candidates.append(declared.group(1).decode("ascii", "replace"))
    candidates += ["utf-8", "cp1252"]
    for name in candidates:
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", "replace")


#: libxml2's time on one tag grows faster than its number of attributes (twenty thousand
#: take seconds); no page has a tag with anything like this many.
_MAX_ATTRIBUTES = 1000
#: Start tags (with the text of raw-text elements and comments skipped, as the parser
#: does): quoted values may hold ">" and white space.
_START_TAGS = re.compile(
    r"""<!--.*?(?:-->|\Z)"""
    r"""|<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)\b"""
    r"""((?:[^"'>]+|"[^"]*"?|'[^']*'?)*)>?.*?(?:</\1\s*>|\Z)"""
    r"""|<[a-z][^\s/>]*((?:[^"'>]+|"[^"]*"?|'[^']*'?)*)>?""",
    re.I | re.S,
)
_QUOTED = re.compile(r""""[^"]*"?|'[^']*'?""")


def _check_attributes(text: str) -> None:
    """Refuse a page with a tag of more than ``_MAX_ATTRIBUTES`` attributes."""
    for match in _START_TAGS.finditer(text):
        inside = match.group(2) or match.group(3) or ""
        if len(inside) <= 2 * _MAX_ATTRIBUTES:
            continue  # (each attribute takes a name and a space)
        if len(_QUOTED.sub('""', inside).split()) > _MAX_ATTRIBUTES:
            raise InputTooLargeError(
                f"a tag with more than {_MAX_ATTRIBUTES} attributes",
                format=FORMAT.name,
                where=line_col(text, match.start()),
            )


def _parse(text: str) -> Any:
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    text = clean_text(text)
    if not text.strip():
        raise ReadError("the page is empty", format=FORMAT.name)
    _check_attributes(text)
    parser = html_parser()
    try:
        document = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"not an HTML page: {exc}", format=FORMAT.name) from None
    check_html_parse(parser, format=FORMAT.name)  # too deep: refused, never cut silently
    if document is None:
        raise ReadError("not an HTML page", format=FORMAT.name)
    return document


# ---------------------------------------------------------------------------
# helpers


def _text(element: Any) -> str:
    if element is None:
        return ""
    parts = []
    for piece in element.itertext():
        parts.append(piece)
    return " ".join(" ".join(parts).split())


def _line(element: Any) -> str:
    """The text of an inline run (a headline): pieces joined as they stand."""
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


#: An element with more elements in it than this is no byline (and no h1 is read again
#: inside one this large): a page of nested candidates then costs linear time.
_SMALL_ELEMENTS = 400
#: ``parse_date`` refuses text longer than this.
_DATE_TEXT_MAX = 120


class _Measures:
    """Sizes of every element's text in a tree, measured once, children before parents.

    ``length(el)`` is ``len(_text(el))``; ``paragraphs(el)`` the sum of ``length(p)`` over
    ``el.iter("p")``, the paragraph text the body search weighs; ``linked(el)`` the same over
    ``el.iter("a")``; ``commas(el)`` the commas in its text; ``size(el)`` its elements.
    ``text(el)`` is ``_text(el)``, built from its children's texts and remembered: ask it
    only of elements whose ``length`` is bounded (a byline, a date line), or nested
    elements would copy the same long text again at every level. Nothing here walks an
    element's subtree once for each of its ancestors. The tree must not change while the
    measures are in use (removing elements that precede the ones asked about is fine).
    """

    def __init__(self, root: Any) -> None:
        # per element: [non-space characters, words, commas, paragraph text, link text, size,
        # text pieces with a copyright mark]
        self._stats: dict[Any, list[int]] = {}
        self._texts: dict[Any, str] = {}
        for el in reversed(list(root.iter())):  # every element after its descendants
            if not isinstance(el.tag, str):
                continue
            stats = [0, 0, 0, 0, 0, 1, 0]
            _count_piece(stats, el.text)
            for child in el:
                _count_piece(stats, child.tail)
                below = self._stats.get(child)
                if below is not None:
                    for i in range(7):
                        stats[i] += below[i]
            length = stats[0] + stats[1] - 1 if stats[1] else 0
            if el.tag == "p":
                stats[3] += length
            elif el.tag == "a":
                stats[4] += length
            self._stats[el] = stats

    def _get(self, el: Any) -> list[int]:
        stats = self._stats.get(el)
        return stats if stats is not None else [0, 0, 0, 0, 0, 0, 0]

    def length(self, el: Any) -> int:
        stats = self._get(el)
        return stats[0] + stats[1] - 1 if stats[1] else 0

    def commas(self, el: Any) -> int:
        return self._get(el)[2]

    def paragraphs(self, el: Any) -> int:
        return self._get(el)[3]

    def linked(self, el: Any) -> int:
        return self._get(el)[4]

    def size(self, el: Any) -> int:
        return self._get(el)[5]

    def marked(self, el: Any) -> bool:
        """Whether ``el``'s text could open with a copyright notice (no piece of text is
        cut inside "copyright", "©" or "(c)": the pieces are joined with spaces)."""
        return self._get(el)[6] > 0

    def small(self, el: Any, chars: int) -> bool:
        """Whether ``el`` holds text (at most ``chars`` of it) in few elements."""
        return 0 < self.length(el) <= chars and self.size(el) <= _SMALL_ELEMENTS

    def text(self, el: Any) -> str:
        """``_text(el)``; each element's text is built once, from its children's."""
        if el is None or not isinstance(el.tag, str) or el not in self._stats:
            return _text(el)
        stack: list[tuple[Any, bool]] = [(el, False)]
        while stack:
            node, ready = stack.pop()
            if node in self._texts:
                continue
            if not ready:
                stack.append((node, True))
                stack.extend(
                    (c, False) for c in node if isinstance(c.tag, str) and c not in self._texts
                )
                continue
            words = (node.text or "").split()
            for child in node:
                if isinstance(child.tag, str):
                    words.append(self._texts[child])
                words.extend((child.tail or "").split())
            self._texts[node] = " ".join(w for w in words if w)
        return self._texts[el]


def _count_piece(stats: list[int], piece: str | None) -> None:
    if piece:
        words = piece.split()
        stats[0] += sum(map(len, words))
        stats[1] += len(words)
        stats[2] += piece.count(",")
        if _COPYRIGHT_MARK.search(piece):
            stats[6] += 1


def _classes(element: Any) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".strip()


def _hidden(element: Any) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _metas(document: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for meta in document.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip()
        content = meta.get("content")
        if key and content and content.strip():
            out.setdefault(key.lower(), []).append(" ".join(clean_text(content).split()))
    return out


def _first(metas: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        values = metas.get(key)
        if values:
            return values[0]
    return None


def _unescape(text: str | None) -> str | None:
    """Entities left escaped in metadata (``&#8211;``, ``&amp;``) decoded."""
    if text and "&" in text and re.search(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", text, re.I):
        return html_lib.unescape(text)
    return text


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _strip_site(title: str, sites: Iterable[str]) -> str:
    """``Headline | Site`` → ``Headline``; also ``Site - Headline``, ``Head - Part - Site``."""
    names = {_norm(s) for s in sites if s}
    parts = _SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    kept = [p for p in parts if _norm(p) not in names]
    if len(kept) < len(parts) and kept:
        return max(kept, key=len) if len(kept) > 1 and len(kept[-1].split()) <= 3 else kept[0]
    longest = max(parts, key=len)
    if len(longest.split()) >= 4 and all(len(p.split()) <= 4 for p in parts if p is not longest):
        return longest
    return title


def _resolve_url(url: str | None, base: str | None) -> str | None:
    url = safe_url(url)
    if url is None:
        return None
    if base and not re.match(r"[a-z][a-z0-9+.-]*:", url, re.I):
        try:
            return urljoin(base, url)
        except ValueError:
            return url
    return url


def _date_of(text: str | None) -> m.DateValue | None:
    if not text:
        return None
    return jsonld_date(text)


# ---------------------------------------------------------------------------
# the body


def _score_containers(root: Any, measures: _Measures) -> Any:
    """The element holding most of the article's paragraphs."""
    hinted = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and (el.get("itemprop") == "articleBody" or _CONTENT_HINT.search(_classes(el)))
        and not _hidden(el)
    ]
    best_hint = max(hinted, key=measures.paragraphs, default=None)
    if best_hint is not None and measures.paragraphs(best_hint) >= 300:
        return best_hint
    scores: dict[Any, float] = {}
    for p in _paragraph_like(root):
        length = measures.length(p)
        if length < 25:
            continue
        links = measures.linked(p)
        score = length * (1.0 - min(links / max(length, 1), 1.0))
        score += measures.commas(p) * 5
        parent = p.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + score
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + score / 3
    for el in list(scores):
        if _BOILERPLATE.search(_classes(el)) and not _CONTENT_HINT.search(_classes(el)):
            scores[el] *= 0.2
        if local_name(el) in ("article", "main") or el.get("itemprop") == "articleBody":
            scores[el] *= 1.3
    if not scores:
        return best_hint
    return max(scores, key=lambda el: scores[el])


def _own_text(element: Any) -> int:
    return len((element.text or "").strip()) + sum(len((c.tail or "").strip()) for c in element)


def _paragraph_like(root: Any) -> Iterable[Any]:
    """``p``, ``pre`` and ``blockquote`` elements, and ``div``s that hold text themselves."""
    for el in root.iter("p", "pre", "blockquote", "div"):
        if local_name(el) != "div" or _own_text(el) >= 100:
            yield el


def _with_siblings(container: Any, measures: _Measures) -> list[Any]:
    """The container, and siblings that continue the story (a split article body).

    When the container is all its parent holds, the parent's siblings are
    looked at too (a body cut into ``section``s, each wrapping a text block).
    """
    node = container
    own = measures.paragraphs(container)
    for level in range(_CLIMB):
        # above the container, only wrappers of one named kind count ("section.outer")
        parts = _split_parts(node, measures, named=level > 0)
        if len(parts) > 1:
            return parts
        parent = node.getparent()
        if parent is None or measures.paragraphs(parent) > own * 1.05:
            break
        node = parent
    return [container]


_CLIMB = 6  # wrapper levels looked through for a split body


def _split_parts(container: Any, measures: _Measures, *, named: bool = False) -> list[Any]:
    """``container`` and its siblings that continue it (see :func:`_with_siblings`);
    ``named``: only siblings with the container's own (non-empty) class."""
    parent = container.getparent()
    own = measures.paragraphs(container)
    if parent is None or own == 0:
        return [container]
    parts = []
    for sibling in parent:
        if sibling is container:
            parts.append(sibling)
            continue
        if not isinstance(sibling.tag, str) or _hidden(sibling):
            continue
        text = measures.paragraphs(sibling)
        links = measures.linked(sibling)
        same_kind = sibling.tag == container.tag and (sibling.get("class") or "") == (
            container.get("class") or ""
        )
        if named and not (same_kind and container.get("class")):
            continue
        if _BOILERPLATE.search(_classes(sibling)) and not _CONTENT_HINT.search(_classes(sibling)):
            continue
        if text >= 0.25 * own and links < 0.2 * max(text, 1) and (same_kind or text >= own):
            parts.append(sibling)
    return parts


def _body_copy(parts: list[Any]) -> Any:
    """A ``div`` holding copies of ``parts`` (and their tails), to be pruned."""
    holder = etree.Element("div")
    for part in parts:
        holder.append(deepcopy(part))
    return holder


def _h1_lines(root: Any, measures: _Measures) -> list[str]:
    """The text of each ``h1`` (:func:`_line`). A large ``h1`` inside another large one
    (markup gone wrong) is not read again."""
    lines = []
    inside_large: set[Any] = set()
    for h1 in root.iter("h1"):
        if measures.size(h1) > _SMALL_ELEMENTS:
            if h1 in inside_large:
                continue
            inside_large.update(h1.iter("h1"))
        line = _line(h1)
        if line:
            lines.append(line)
    return lines


def _prune(container: Any) -> None:
    """Remove page furniture inside the article container (in place).

    An element that holds a good share of the container's paragraphs is never
    removed for its class name alone (class names are noisy).
    """
    # (an element's paragraphs are measured before anything in it is removed; removing
    # what precedes an element leaves its own subtree as it was)
    measures = _Measures(container)
    total = max(measures.paragraphs(container), 1)
    for el in list(container.iter()):
        if el is container or not isinstance(el.tag, str) or el.getparent() is None:
            continue
        big = measures.paragraphs(el) > 0.25 * total
        if big and local_name(el) not in ("nav", "aside", "form") and not _hidden(el):
            continue
        name = local_name(el)
        classes = _classes(el)
        drop = (
            name
            in (
                "nav",
                "aside",
                "form",
                "button",
                "script",
                "style",
                "noscript",
                "svg",
                "footer",
                "header",
            )
            or _hidden(el)
            or (
                _BOILERPLATE.search(classes) is not None
                and _CONTENT_HINT.search(classes) is None
                and name not in ("p", "figure", "img", "h2", "h3", "blockquote", "table")
            )
        )
        if drop and el.getparent() is not None:
            remove_element(el)


def _is_date_line(text: str) -> bool:
    if len(text) > 80:
        return False
    stripped = re.sub(
        r"^(?:published|posted|updated|last updated|first published)\s*:?\s*", "", text, flags=re.I
    )
    head = re.split(r",?\s*(?:updated|modified)\b", stripped, maxsplit=1, flags=re.I)[0]
    return parse_date(head.strip(" ,|"), min_year=MIN_YEAR) is not None


def _link_share(content: Iterable[m.Inline]) -> tuple[int, int]:
    """(characters inside links, all characters) of inline content."""
    linked = total = 0
    for item in content:
        if isinstance(item, str):
            total += len(item.strip())
        elif isinstance(item, m.Link):
            size = len(m.inline_text(item.content).strip())
            linked += size
            total += size
        elif isinstance(item, (m.Emphasis, m.Strong, m.InlineQuote)):
            a, b = _link_share(item.content)
            linked += a
            total += b
    return linked, total


def _is_link_list(block: m.Block) -> bool:
    """A block that is mostly links: navigation, related stories, tag clouds."""
    if isinstance(block, (m.Paragraph, m.Heading)):
        linked, total = _link_share(block.content)
        return total > 0 and linked / total > 0.6 and total < 400
    if isinstance(block, m.ListBlock):
        linked = total = 0
        for item in block.items:
            for inner in item:
                if isinstance(inner, (m.Paragraph, m.Heading)):
                    a, b = _link_share(inner.content)
                    linked += a
                    total += b
        return total == 0 or linked / total > 0.5
    return False


def _cut_tail(blocks: list[m.Block]) -> list[m.Block]:
    """Stop at a late "Related stories"-style label when little text follows it."""
    sizes = [len(m.block_text(b)) for b in blocks]
    total = sum(sizes) or 1
    for index in range(len(blocks) // 2, len(blocks)):
        block = blocks[index]
        if not isinstance(block, (m.Paragraph, m.Heading)):
            continue
        text = " ".join(m.block_text(block).split())
        label = len(text.split()) <= 8 and _TAIL_HEADING.match(text.rstrip(":"))
        if label and sum(sizes[index:]) < 0.35 * total:
            return blocks[:index]
    return blocks


def _clean_blocks(
    blocks: tuple[m.Block, ...],
    headline: str | None,
    summary: str | None,
    known_names: set[str] | None = None,
) -> tuple[list[m.Block], list[m.Byline], list[str], list[m.Byline]]:
    """Body blocks without furniture; sign-offs, tags and ``By`` lines found on the way."""
    out: list[m.Block] = []
    bylines: list[m.Byline] = []
    tags: list[str] = []
    skip = {_norm(headline)} if headline else set()
    known_names = known_names or set()
    shown: list[m.Byline] = []  # "By …" lines at the top of the body
    for index, block in enumerate(blocks):
        if _is_link_list(block):
            continue
        if not isinstance(block, (m.Paragraph, m.Heading)):
            out.append(block)
            continue
        text = " ".join(m.block_text(block).split())
        if not text or _norm(text) in skip or _FURNITURE.fullmatch(text):
            continue
        words = len(text.split())
        if _STAMP_LINE.match(text) and re.search(r"\d", text) and words <= 8:
            continue
        if words <= 30 and _PROMO.search(text):
            continue
        stamp_or_credit = _CREDIT_LINE.search(text) or _STAMP_ANYWHERE.search(text)
        if words <= 8 and stamp_or_credit and not re.search(r"[.!?]$", text):
            continue
        if words <= 20 and _COPYRIGHT.match(text) and "reserved" in text.lower():
            continue
        if _TAG_LABEL.match(text) and len(text) < 200 and index >= len(blocks) - 4:
            tags.extend(
                t.strip() for t in re.split(r"[,;|]", _TAG_LABEL.sub("", text)) if t.strip()
            )
            continue
        signoff = parse_signoff(text) if 0 < index >= len(blocks) - 3 else None
        if signoff is not None and signoff.kind is m.BylineKind.ORGANISATION:
            bylines.append(signoff)  # an agency closing the story: "– AAP"
            continue
        if index <= 2 and len(text.split()) <= 12 and re.match(r"(?i)by\s", text):
            found = parse_byline(text, known=False)
            if found and any(b.kind is m.BylineKind.PERSON for b in found):
                shown.extend(found)
                continue
        if index <= 2 and len(text.split()) <= 8 and _norm(text) in known_names:
            continue  # the byline repeated at the top of the body
        if index <= 3 and _is_date_line(text):
            continue
        if _COPYRIGHT.match(text) and len(text) < 160 and index >= len(blocks) - 3:
            continue
        out.append(block)
    out = _cut_tail(out)
    while out and isinstance(out[-1], m.Heading):
        out.pop()  # a heading with nothing after it introduced what was removed
    return out, bylines, tags, shown


# ---------------------------------------------------------------------------
# metadata


def _jsonld(document: Any) -> tuple[m.Article | None, list[str]]:
    sites: list[str] = []
    for script in document.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        data = loads_lenient(script.text or "")
        if data is None:
            continue
        articles, by_id = find_articles(data)
        for node in by_id.values():
            kinds = node.get("@type")
            kind_list = kinds if isinstance(kinds, list) else [kinds]
            if any(k in ("WebSite", "Organization", "NewsMediaOrganization") for k in kind_list):
                name = node.get("name")
                if isinstance(name, str) and name.strip():
                    sites.append(name.strip())
        if articles:
            try:
                return article_from_data(articles[0], by_id), sites
            except ValueError:
                continue
    return None, sites


def _visible_bylines(root: Any, sites: set[str], measures: _Measures) -> list[m.Byline]:
    found: list[m.Byline] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        hint = _classes(el) + " " + (el.get("rel") or "") + " " + (el.get("itemprop") or "")
        if not _BYLINE_HINT.search(hint) or _hidden(el):
            continue
        if re.search(r"bio|box|avatar|image|img|photo|more|list|social|twitter", hint, re.I):
            continue
        if not measures.small(el, _BYLINE_MAX):
            continue
        text = measures.text(el)
        linked = [
            measures.text(a)
            for a in el.iter("a")
            if re.search(
                r"author|/people/|/staff/|/profile|/by/|/reporters?/|/writers?/",
                a.get("href") or "",
            )
            or "author" in (a.get("rel") or "")
        ]
        candidates = [b for n in linked for b in parse_byline(n, known=False)] if linked else []
        for byline in candidates or parse_byline(text, known=False):
            if _norm(byline.name) in sites:
                continue
            if byline not in found:
                found.append(byline)
        if found:
            break
    return found


def _time_dates(root: Any, measures: _Measures) -> tuple[m.DateValue | None, m.DateValue | None]:
    published = modified = None
    for el in root.iter("time"):
        value = el.get("datetime") or _date_text(el, measures)
        date = _date_of(value)
        if date is None:
            continue
        hint = (_classes(el) + " " + (el.get("itemprop") or "")).lower()
        if "modif" in hint or "updat" in hint:
            modified = modified or date
        elif published is None:
            published = date
    for el in root.iter():
        if not isinstance(el.tag, str) or el.get("itemprop") not in (
            "datePublished",
            "dateModified",
        ):
            continue
        date = _date_of(el.get("content") or el.get("datetime") or _date_text(el, measures))
        if date is not None and el.get("itemprop") == "datePublished":
            published = published or date
        elif date is not None:
            modified = modified or date
    return published, modified


def _date_text(el: Any, measures: _Measures) -> str:
    """``_text(el)``, or nothing when it is too long to be a date."""
    return measures.text(el) if measures.length(el) <= _DATE_TEXT_MAX else ""


_DATE_HINT = re.compile(r"date|time|publish|posted|timestamp|byline|meta|dateline", re.I)
_DATE_PREFIX = re.compile(
    r"^(?:published|posted|first published|updated|last updated|modified|on|date)\s*(?:on|:)?\s*",
    re.I,
)


_MONTH = MONTH_PATTERN
#: A line that is nothing but a date (and maybe a time and zone): a page's date line.
_DATE_ONLY = re.compile(
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{1,5})?)?\.?",
    re.I,
)
_NEAR_HEADLINE = 60
#: A date line is short: "Published 13 November 2019, 10:45 am AEDT" and the like.
_DATE_LINE_MAX = 80
#: A byline shown on the page is short ("By Jane Doe and John Smith, Staff Writers").
_BYLINE_MAX = 120
_UPDATED = re.compile(r"\s*(?:last )?(?:updated|modified)\b", re.I)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
#: Containers whose dates belong to other stories or to the site, not to this article.
_OTHER_DATES = re.compile(
    r"(?:^|[\s_-])(?:related|cards?|teasers?|recirc|promo|more-stories|most-popular|trending|"
    r"sidebar|widget|latest|listing|feed|carousel|rail|topbar|top-bar|masthead|site-header|"
    r"ticker)(?:$|[\s_-])",
    re.I,
)


def _elsewhere(element: Any, headline_box: set[Any]) -> bool:
    """Whether ``element`` sits in another story's card, a sidebar or the site's own header
    (``headline_box``: the headline element's ancestors, this article's own containers)."""
    parent = element.getparent()
    depth = 0
    while parent is not None and depth < 8:
        if parent in headline_box:
            return False
        if local_name(parent) in ("aside", "nav", "footer", "header") or _OTHER_DATES.search(
            _classes(parent)
        ):
            return True
        parent = parent.getparent()
        depth += 1
    return False


def _headline_element(root: Any, headline: str | None) -> Any:
    """The element showing the headline: an ``h1`` that says it, another element that says
    it when no ``h1`` does, else the first ``h1``; ``None`` when the page has none of these."""
    first_h1 = next(root.iter("h1"), None)
    if not headline:
        return first_h1
    wanted = _norm(headline)
    if not wanted:
        return first_h1
    inner: set[Any] = set()
    for h1 in root.iter("h1"):
        # an h1 inside another says nothing its outer one does not (and is read with it)
        if h1 in inner:
            continue
        if wanted in _norm(_text(h1)):
            return h1
        inner.update(h1.iter("h1"))
    for el in root.iter("h2", "h3", "div", "span", "p", "a"):
        if el.text and _norm(el.text) == wanted:  # its own words only: no subtree walks
            return el
    return first_h1


def _date_shown(
    el: Any, near: bool, headline_box: set[Any], measures: _Measures
) -> tuple[m.DateValue, bool] | None:
    """``(date, labelled an update)`` when ``el`` is a date line, else ``None``."""
    hint = _classes(el) + " " + (el.get("itemprop") or "")
    hinted = local_name(el) == "time" or bool(_DATE_HINT.search(hint))
    if not hinted and not (near and len(el) == 0):
        return None  # (cheap tests first: a page may hold many thousands of elements)
    if not 6 <= measures.length(el) <= _DATE_LINE_MAX:
        return None
    text = measures.text(el)
    if not (hinted or _DATE_ONLY.fullmatch(text)):
        return None
    if _hidden(el) or _elsewhere(el, headline_box):
        return None
    parts = re.split(r"\s*[|·•]\s*|,?\s+(?=(?:last )?(?:updated|modified)\b)", text, flags=re.I)
    # "By Ryan Sparks • December 20, 2023": the part that holds the date, and whether
    # it is labelled an update ("By Jane Doe Updated Nov 13, 2019")
    cleaned = next((p for p in parts if _HAS_YEAR.search(p)), parts[0])
    updated = bool(_UPDATED.match(cleaned)) or "updat" in hint.lower()
    parent = el.getparent()
    # (a small wrapper only: a large parent is no label, and reading it costs)
    label = ""
    if not updated and parent is not None and len(parent) <= 3:
        label = measures.text(parent) if measures.length(parent) <= _DATE_LINE_MAX else ""
    if label.endswith(text):
        # <span>Updated <time>Nov 13, 2019</time></span>: the label is the parent's
        updated = bool(_UPDATED.match(label))
    cleaned = _DATE_PREFIX.sub("", cleaned)
    value = parse_date(cleaned.strip(" ,"), min_year=MIN_YEAR)
    if value is None:
        # a date inside a longer line: "Jane Doe, Editor, Dec 19, 2023, 05:30 PM"
        inside = _DATE_ONLY.search(cleaned)
        if inside is not None:
            value = parse_date(inside.group().strip(" ,."), min_year=MIN_YEAR)
        else:
            value = parse_date(cleaned.strip(" ,"), min_year=MIN_YEAR, fuzzy=True)
        if value is None or str(value.year) not in cleaned:
            return None
    return value, updated


def _visible_date(root: Any, headline: str | None, measures: _Measures) -> m.DateValue | None:
    """The date the page shows a reader for its story.

    The first date after the headline in a ``time`` element, an element whose
    class or itemprop names a date, or a line that holds nothing but a date
    (close to the headline); else such a date just above the headline in the
    same header. Dates in other stories' cards, sidebars and the site's own
    header do not count. A publication date near the headline wins over an
    "Updated …" line; a page that shows only the update is dated by it.
    """
    title = _headline_element(root, headline)
    box: set[Any] = set(title.iterancestors()) if title is not None else set()
    if title is None:
        elements: Iterable[Any] = root.iter()
    else:
        elements = _after(root, title)
    update: m.DateValue | None = None
    for after, el in enumerate(elements):
        if update is not None and after > _NEAR_HEADLINE:
            return update
        found = _date_shown(el, after <= _NEAR_HEADLINE, box, measures)
        if found is not None and not found[1]:
            return found[0]  # a publication date
        if found is not None and update is None:
            update = found[0]  # "Updated …": a publication date may still follow near by
    if update is not None:
        return update
    if title is not None:
        header = title.getparent()
        header = header.getparent() if header is not None and len(header) < 3 else header
        if header is not None and header.getparent() is not None:
            before = []
            for el in header.iter():
                if el is title:
                    break
                if isinstance(el.tag, str):
                    before.append(el)
            for el in reversed(before[-_NEAR_HEADLINE:]):
                found = _date_shown(el, True, box, measures)
                if found is not None:
                    return found[0]
    return None


def _after(root: Any, start: Any) -> Iterable[Any]:
    """Elements after ``start`` (and its descendants) in document order."""
    seen = False
    inside = set(start.iter())
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el is start:
            seen = True
            continue
        if seen and el not in inside:
            yield el


def _day(value: m.DateValue) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def _prefer_day_consistent(values: list[m.DateValue | None]) -> m.DateValue | None:
    """The first date; a later one on the same day with a time and zone refines it.

    A UTC time is replaced by the same moment in a local offset when another
    source gives it (the publisher's day is the local one).
    """
    found = [v for v in values if v is not None]
    if not found:
        return None
    first = found[0]
    if isinstance(first, datetime.datetime) and first.utcoffset() == datetime.timedelta(0):
        for other in found[1:]:
            if (
                isinstance(other, datetime.datetime)
                and other.utcoffset()
                and abs(other - first) <= datetime.timedelta(minutes=5)
            ):
                return other
    if not isinstance(first, datetime.datetime):
        for other in found[1:]:
            if (
                isinstance(other, datetime.datetime)
                and other.utcoffset() is not None
                and other.date() == first
            ):
                return other
    return first


def _topics(
    root: Any,
    metas: dict[str, list[str]],
    ld: m.Article | None,
    extra: list[str],
    measures: _Measures,
) -> list[m.Topic]:
    names: list[str] = []
    names += metas.get("article:tag", [])
    if ld is not None:
        names += [t.name for t in ld.topics if t.kind is m.TopicKind.KEYWORD and t.name]
    for key in ("keywords", "news_keywords"):
        for value in metas.get(key, []):
            names += [k.strip() for k in value.split(",") if k.strip()]
    for link in root.iter("a"):
        rel = link.get("rel") or ""
        if "tag" in rel.split() and "category" not in rel and 0 < measures.length(link) < 60:
            names.append(measures.text(link))
    names += extra
    seen: dict[str, m.Topic] = {}
    for name in names:
        name = " ".join(name.split())
        if name and name.casefold() not in seen and len(name) < 100:
            seen[name.casefold()] = m.Topic(name=name, kind=m.TopicKind.KEYWORD)
    topics = list(seen.values())
    sections = metas.get("article:section", [])
    if not sections and ld is not None:
        sections = [t.name for t in ld.topics if t.kind is m.TopicKind.SECTION and t.name][-1:]
    for section in sections[:1]:
        topics.append(m.Topic(name=section, kind=m.TopicKind.SECTION))
    return topics


def _copyright(document: Any, measures: _Measures) -> str | None:
    for el in document.iter("p", "div", "span", "small", "footer", "li"):
        if el.getparent() is None or not measures.marked(el) or not 8 < measures.length(el) < 200:
            continue
        text = measures.text(el)
        if _COPYRIGHT.match(text) and not any(
            measures.marked(c) and _COPYRIGHT.match(measures.text(c)) for c in el
        ):
            return text
    return None


def _same_image(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False

    def key(url: str) -> str:
        path = url.split("?")[0].rsplit("/", 1)[-1]
        return re.sub(r"-\d+x\d+(?=\.\w+$)", "", path)

    return a == b or key(a) == key(b)


def _photos(
    article_root: Any,
    metas: dict[str, list[str]],
    ld: m.Article | None,
    base: str | None,
    body: list[m.Block],
) -> list[m.Photo]:
    photos: list[m.Photo] = []
    for photo in photos_of_figures(list(article_root.iter("figure"))):
        if photo is not None:
            photos.append(_absolute_photo(photo, base))
    known = set(photos)
    for block in m.figures(body):
        if block.photo not in known:
            photos.append(block.photo)
            known.add(block.photo)
    lead_url = _first(metas, "og:image", "og:image:url", "twitter:image")
    if lead_url is None and ld is not None and ld.photos:
        lead_url = ld.photos[0].url
    lead_url = _resolve_url(lead_url, base)
    if lead_url and not any(_same_image(p.url, lead_url) for p in photos):
        width = _first(metas, "og:image:width")
        height = _first(metas, "og:image:height")
        photos.insert(
            0,
            m.Photo(
                url=lead_url,
                width=int(width) if width and width.isdigit() and int(width) > 0 else None,
                height=int(height) if height and height.isdigit() and int(height) > 0 else None,
                alt=_first(metas, "og:image:alt", "twitter:image:alt"),
            ),
        )
    return list(dict.fromkeys(photos))


def _absolute_photo(photo: m.Photo, base: str | None) -> m.Photo:
    if not base:
        return photo
    return m.Photo(
        url=_resolve_url(photo.url, base),
        caption=photo.caption,
        credit=photo.credit,
        alt=photo.alt,
        photographer=photo.photographer,
        width=photo.width,
        height=photo.height,
        renditions=tuple(
            m.Rendition(
                url=_resolve_url(r.url, base) or r.url,
                name=r.name,
                media_type=r.media_type,
                width=r.width,
                height=r.height,
                size=r.size,
            )
            for r in photo.renditions
        ),
        id=photo.id,
    )


def _language(document: Any, metas: dict[str, list[str]], ld: m.Article | None) -> str | None:
    for value in (
        document.get("lang"),
        document.get("{http://www.w3.org/XML/1998/namespace}lang"),
        ld.language if ld else None,
        _first(metas, "og:locale", "content-language", "language", "dc.language"),
    ):
        if not value:
            continue
        value = value.strip().replace("_", "-").split(",")[0].strip()
        try:
            return m.Article(language=value).language
        except ValueError:
            continue
    return None


# ---------------------------------------------------------------------------
# reading


def read(
    data: bytes | str,
    *,
    url: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> m.Article:
    """Read the article on a news page. ``url`` is the page's address (for relative links).

    Quotes are not extracted here; :func:`newsmodel.read` does that.
    """
    data = check_input(data, format=FORMAT.name, max_bytes=max_bytes)
    document = _parse(decode_html(data, encoding))
    with as_read_errors(FORMAT.name):
        return _read(document, url)


def _read(document: Any, given_url: str | None) -> m.Article:
    metas = _metas(document)
    ld, ld_sites = _jsonld(document)
    canonical = None
    for link in document.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            canonical = link.get("href")
            break
    page_url = (
        _resolve_url(canonical, given_url)
        or _resolve_url(_first(metas, "og:url"), given_url)
        or (ld.url if ld else None)
        or safe_url(given_url)
    )
    base = given_url or page_url
    sites = {
        _norm(s)
        for s in [
            *ld_sites,
            *(metas.get("og:site_name", [])),
            *(metas.get("application-name", [])),
            ld.publisher.name if ld and ld.publisher else "",
        ]
        if s and _norm(s)
    }

    measures = _Measures(document)
    body_el = document.find("body")
    root = body_el if body_el is not None else document
    articles = [a for a in root.iter("article") if measures.paragraphs(a) > 200]
    article_root = max(articles, key=measures.paragraphs) if articles else root

    # headline
    h1s = _h1_lines(article_root, measures) or _h1_lines(root, measures)
    title_tag = _unescape(_text(document.find(".//title")))
    meta_titles = [
        t
        for t in (
            _unescape(ld.headline if ld else None),
            _unescape(_first(metas, "og:title", "twitter:title")),
            title_tag,
        )
        if t
    ]
    site_names = [*ld_sites, *metas.get("og:site_name", [])]
    clean_titles = [_strip_site(t, site_names) for t in meta_titles]
    headline = None
    for h1 in h1s:
        if any(_norm(h1) == _norm(t) or _norm(h1) in _norm(t) for t in clean_titles) or any(
            _norm(h1) == _norm(t) for t in meta_titles
        ):
            headline = _unescape(h1)
            break
    if headline is None:
        headline = clean_titles[0] if clean_titles else (h1s[0] if h1s else None)

    # standfirst
    summary = None
    for el in article_root.iter():
        if not isinstance(el.tag, str) or local_name(el) not in ("p", "div", "h2", "span"):
            continue
        if (
            _STANDFIRST.search(_classes(el))
            and not _BOILERPLATE.search(_classes(el).replace("description", ""))
            and 30 <= measures.length(el) <= 500
        ):
            summary = measures.text(el)
            break
    if summary is None:
        summary = _unescape(
            (ld.summary if ld else None)
            or _first(metas, "og:description", "description", "twitter:description")
        )

    # body
    container = _score_containers(root, measures)
    body: list[m.Block] = []
    signoffs: list[m.Byline] = []
    body_bylines: list[m.Byline] = []
    tag_lines: list[str] = []
    if container is not None:
        copy = _body_copy(_with_siblings(container, measures))
        _prune(copy)
        for el in copy.iter("a"):
            href = el.get("href")
            if href and base:
                el.set("href", _resolve_url(href, base) or href)
        for el in copy.iter("img"):
            src = el.get("src")
            if src and base:
                el.set("src", _resolve_url(src, base) or src)
        blocks = blocks_from_element(copy)
        known = {_norm(b.name) for b in (ld.bylines if ld else ())}
        known |= {_norm(v) for key in ("author", "parsely-author") for v in metas.get(key, [])}
        body, signoffs, tag_lines, body_bylines = _clean_blocks(blocks, headline, summary, known)
    # the page's own JSON-LD articleBody, when the markup gave much less
    if ld is not None and ld.body:
        ld_words = len(ld.text.split())
        dom_words = len(m.Article(body=tuple(body)).text.split())
        if ld_words >= 80 and dom_words < 0.5 * ld_words:
            body = list(ld.body)

    # dates
    time_pub, time_mod = _time_dates(article_root, measures)
    url_day = None
    match = _URL_DATE.search(page_url or "")
    if match:
        try:
            url_day = datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            url_day = None
    published = _prefer_day_consistent(
        [
            ld.published if ld else None,
            time_pub,
            _date_of(
                _first(
                    metas,
                    "article:published_time",
                    "og:published_time",
                    "datepublished",
                    "pubdate",
                    "publish-date",
                    "parsely-pub-date",
                    "sailthru.date",
                    "dc.date",
                    "dc.date.issued",
                    "date",
                )
            ),
            url_day,
        ]
    )
    shown = _visible_date(root, headline, measures)
    if shown is not None:
        if published is None:
            published = shown
        elif _day(published) != _day(shown):
            # what the page shows wins; a machine date on another day is usually UTC or stale
            published = shown
    modified = _prefer_day_consistent(
        [
            ld.modified if ld else None,
            time_mod,
            _date_of(
                _first(
                    metas,
                    "article:modified_time",
                    "og:updated_time",
                    "datemodified",
                    "last-modified",
                )
            ),
        ]
    )

    # bylines: what the page shows first, then its metadata
    ld_people = [b for b in (ld.bylines if ld else ()) if _norm(b.name) not in sites]
    visible = _visible_bylines(article_root, sites, measures)
    bylines = ld_people or visible or [b for b in body_bylines if _norm(b.name) not in sites]
    if not bylines:
        for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator"):
            for value in metas.get(key, []):
                if value.startswith("http"):
                    continue
                for byline in parse_byline(value):
                    if _norm(byline.name) not in sites and byline not in bylines:
                        bylines.append(byline)
            if bylines:
                break
    for signoff in signoffs:
        if signoff not in bylines:
            bylines.append(signoff)

    publisher = ld.publisher if ld and ld.publisher else None
    if publisher is None and site_names:
        publisher = m.Publisher(name=site_names[0])
    notice = _copyright(root, measures) or (ld.rights.notice if ld and ld.rights else None)

    return m.Article(
        url=page_url,
        headline=headline,
        summary=summary if summary and _norm(summary) != _norm(headline or "") else None,
        body=tuple(body),
        bylines=tuple(bylines),
        photos=tuple(_photos(article_root, metas, ld, base, body)),
        topics=tuple(_topics(article_root, metas, ld, tag_lines, measures)),
        published=published,
        modified=modified,
        language=_language(document, metas, ld),
        publisher=publisher,
        rights=m.Rights(notice=notice) if notice else None,
        subheadline=ld.subheadline if ld else None,
        genres=ld.genres if ld else (),
    )


# ---------------------------------------------------------------------------
# writing


def _el(parent: Any, tag: str, text: str | None = None, **attributes: str) -> Any:
    element = etree.SubElement(
        parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attributes.items()}
    )
    if text is not None:
        element.text = text
    return element


def _time(parent: Any, value: m.DateValue, kind: str) -> None:
    _el(parent, "time", format_date(value), datetime=value.isoformat(), **{"class": kind})


#: Characters escaped inside the embedded JSON-LD: nothing in it can end the script
#: ("</script>"), open a comment ("<!--") or be read as markup, and no JavaScript
#: parser sees a raw line separator.
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


def _script_json(data: Any) -> str:
    """``data`` as JSON safe to stand as the text of a ``script`` element."""
    text = json.dumps(data, ensure_ascii=False)
    return _SCRIPT_UNSAFE.sub(lambda match: _SCRIPT_ESCAPES[match.group()], text)


def write(article: m.Article, *, strict: bool = False) -> str:
    """A standalone HTML5 page for ``article``, with its JSON-LD embedded."""
    page = etree.Element("html")
    if article.language:
        page.set("lang", article.language)
    head = _el(page, "head")
    _el(head, "meta", charset="utf-8")
    _el(head, "title", article.headline or "")
    if article.summary:
        _el(head, "meta", name="description", content=article.summary)
    if article.url and safe_url(article.url):
        _el(head, "link", rel="canonical", href=article.url)
    if article.publisher:
        _el(head, "meta", property="og:site_name", content=article.publisher.name)
    # the JSON-LD goes into the tree, never into the serialised page by searching it for a
    # marker (which the article's own text could hold); a script's text is written raw
    _el(head, "script", _script_json(to_data(article)), type="application/ld+json")
    body = _el(page, "body")
    art = _el(body, "article")
    header = _el(art, "header")
    if article.headline:
        _el(header, "h1", article.headline)
    if article.subheadline:
        _el(header, "p", article.subheadline, **{"class": "subheadline"})
    if article.summary:
        _el(header, "p", article.summary, **{"class": "standfirst"})
    people = [b for b in article.bylines if b.kind is m.BylineKind.PERSON]
    if people:
        byline = _el(header, "p", "By ", **{"class": "byline"})
        for i, person in enumerate(people):
            if i:
                sep = " and " if i == len(people) - 1 else ", "
                byline[-1].tail = sep
            link = _el(
                byline,
                "a" if person.url and safe_url(person.url) else "span",
                person.name,
                rel="author",
            )
            if person.url and safe_url(person.url):
                link.set("href", person.url)
    if article.published or article.modified:
        dates = _el(header, "p", **{"class": "dates"})
        if article.published:
            _time(dates, article.published, "published")
        if article.modified:
            if article.published:
                dates[-1].tail = ", updated "
            _time(dates, article.modified, "updated")
    in_body = {f.photo for f in m.figures(article.body)}
    for photo in article.photos:
        if photo not in in_body:
            holder = etree.Element("div")
            blocks_to_elements(holder, [m.Figure(photo=photo)])
            for child in holder:
                art.append(child)
    content = _el(art, "div", **{"class": "article-body"})
    blocks_to_elements(content, article.body)
    orgs = [b for b in article.bylines if b.kind is m.BylineKind.ORGANISATION]
    for org in orgs:
        _el(content, "p", f"– {org.name}")
    footer = _el(art, "footer")
    keywords = [t for t in article.topics if t.kind is m.TopicKind.KEYWORD and t.name]
    if keywords:
        tags = _el(footer, "ul", **{"class": "tags"})
        for topic in keywords:
            _el(
                _el(tags, "li"),
                "a",
                topic.name,
                rel="tag",
                href=f"#tag-{_norm(topic.name or '').replace(' ', '-')}",
            )
    if article.rights and article.rights.notice:
        _el(footer, "p", article.rights.notice, **{"class": "copyright"})
    text = etree.tostring(page, method="html", encoding="unicode")
    document = "<!DOCTYPE html>\n" + text + "\n"
    losses = Losses()
    declare_read_back_losses(article, read(document), losses)
    report(FORMAT.name, losses, strict=strict)
    return document
