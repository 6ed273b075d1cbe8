"""The body's blocks cleaned of furniture, and what the furniture told.

Works on blocks (:mod:`newsmodel.model`), after :mod:`newsmodel.page.body` has found
and pruned the body's elements: link lists, furniture lines ("Share this article"),
stamp and credit lines, promos, copyright lines and a late "Related stories" tail go;
a tag line, an agency's sign-off and a "By" line at the top are kept as what they say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from newsmodel import model as m
from newsmodel.bylines import parse_byline, parse_signoff
from newsmodel.page.dates import is_date_line
from newsmodel.page.strings import COPYRIGHT, norm
from newsmodel.page.weights import (
    BY_LINE_WORDS,
    BYLINE_TOP_BLOCKS,
    COPYRIGHT_LAST_BLOCKS,
    COPYRIGHT_LINE_MAX,
    COPYRIGHT_WORDS,
    CREDIT_WORDS,
    DATE_LINE_TOP_BLOCKS,
    LINK_LIST_ITEMS_SHARE,
    LINK_LIST_MAX,
    LINK_LIST_SHARE,
    LINK_LISTS_BODY_SHARE,
    LINKED_HEADS_MIN,
    PROMO_WORDS,
    REPEAT_MIN_WORDS,
    REPEAT_TOP_BLOCKS,
    REPEATED_BYLINE_WORDS,
    SIGNOFF_LAST_BLOCKS,
    STAMP_LINE_WORDS,
    TAG_LINE_LAST_BLOCKS,
    TAG_LINE_MAX,
    TAIL_LABEL_WORDS,
    TAIL_MAX_SHARE,
    TAIL_PROSE_LOOKAHEAD,
    TAIL_PROSE_WORDS,
    TAIL_SEARCH_FROM,
)
from newsmodel.vocab import (
    CAPTION_AGENCIES,
    DATE_LABELS,
    FURNITURE_LINES,
    NEWS_AGENCIES,
    TAG_LABELS,
    alternation,
)

__all__ = ["Body", "clean_blocks"]

#: A whole line that is page furniture: "Advertisement", "Share this story", "3 min read".
_FURNITURE = re.compile(rf"(?:{'|'.join(FURNITURE_LINES)})[.!:]?", re.I)
#: Headings that open what follows a story (related stories, recommendations).
_TAIL_HEADING = re.compile(
    r"^(?:our )?(?:latest|related|more|recommended|popular|trending|top|most read|most popular|"
    r"read next|up next|you may also like|you might also like|also read|see also|more from|"
    r"more stories|other stories|editor'?s picks|don'?t miss|what to read next|keep reading)"
    r"\b.{0,40}$",
    re.I,
)
#: "Updated 5 March 2024, 10:00": a stamp line (with a digit somewhere).
_STAMP_LINE = re.compile(rf"^(?:{alternation(DATE_LABELS)})\b.{{0,60}}$", re.I)
#: Short lines that sell something or credit a picture, wherever they stand.
_PROMO = re.compile(
    r"\b(?:newsletters?|in your inbox|meet your inbox|subscribe to|sign up (?:for|to)|"
    r"follow (?:us|[\w@.]+(?: [\w@.]+){0,3}) on (?:twitter|facebook|instagram|youtube|x)|"
    r"slideshow requires javascript|delivered (?:to|through) your|image copyright|"
    r"photo copyright|image caption|(?:photo|image) source)\b",
    re.I,
)
#: A picture agency closing a line: "Photo: Jane Doe/Getty Images", "Susan Walsh / AP";
#: a news agency after a dash ("– AAP") is a sign-off, not a credit.
_CREDIT_LINE = re.compile(
    rf"^(?!\s*[-–—]+\s*(?:{alternation(NEWS_AGENCIES)})\s*$).*\b(?:{alternation(CAPTION_AGENCIES)})\s*$",
    re.I | re.S,
)
#: A machine timestamp anywhere in a line: "2024-03-05 10:00".
_STAMP_ANYWHERE = re.compile(r"\b\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}")
#: The label of a tag line: "Topics: …", "Filed under: …".
_TAG_LABEL = re.compile(rf"^(?:{alternation(TAG_LABELS)})\s*:?\s*", re.I)
_TAG_SEPARATOR = re.compile(r"[,;|]")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?]$")
_BY = re.compile(r"(?i)by\s")


class Body(NamedTuple):
    """The story's blocks, and what the furniture around them said."""

    #: the body without furniture
    blocks: list[m.Block]
    #: agencies closing the story ("– AAP")
    signoffs: list[m.Byline]
    #: names from a tag line at the end ("Topics: …")
    tags: list[str]
    #: bylines from "By …" lines at the top of the body
    shown_bylines: list[m.Byline]


def clean_blocks(
    blocks: tuple[m.Block, ...],
    headline: str | None,
    known_names: set[str] | None = None,
) -> Body:
    """Body blocks without furniture; sign-offs, tags and ``By`` lines found on the way.
    ``known_names``: bylines from metadata (normalised), dropped when repeated on top."""
    out: list[m.Block] = []
    found = Body(blocks=out, signoffs=[], tags=[], shown_bylines=[])
    skip = {norm(headline)} if headline else set()
    known_names = known_names or set()
    count = len(blocks)
    link_lists = [_is_link_list(block) for block in blocks]
    sizes = [len(m.block_text(block)) for block in blocks]
    listed = sum(size for size, link in zip(sizes, link_lists, strict=True) if link)
    if listed > LINK_LISTS_BODY_SHARE * max(sum(sizes), 1) and not all(link_lists):
        link_lists = [False] * count  # the link lists are the story (a shopping list)
    # linked subheadings over their own prose head the parts of the story (a listicle's
    # places, each heading a link to the place), when there are several ("READ MORE: …"
    # over the next paragraph is a promo)
    heads = [i for i in range(count) if link_lists[i] and _heads_prose(blocks, i)]
    if len(heads) >= LINKED_HEADS_MIN:
        for index in heads:
            link_lists[index] = False
    for index, block in enumerate(blocks):
        if link_lists[index]:
            continue
        if not isinstance(block, (m.Paragraph, m.Heading)):
            out.append(block)
            continue
        text = " ".join(m.block_text(block).split())
        if not text or norm(text) in skip or _is_furniture_line(text):
            continue
        if _told(text, index, count, found):
            continue
        if _is_late_furniture(text, index, count, known_names):
            continue
        out.append(block)
    out = _cut_tail(_without_repeats(out))
    while out and isinstance(out[-1], m.Heading):
        out.pop()  # a heading with nothing after it introduced what was removed
    return found._replace(blocks=out)


def _is_furniture_line(text: str) -> bool:
    """Lines dropped wherever they stand: furniture, stamps, promos, credits, copyright."""
    words = len(text.split())
    if _FURNITURE.fullmatch(text):
        return True
    if _STAMP_LINE.match(text) and _DIGIT.search(text) and words <= STAMP_LINE_WORDS:
        return True
    if words <= PROMO_WORDS and _PROMO.search(text):
        return True
    stamp_or_credit = _CREDIT_LINE.search(text) or _STAMP_ANYWHERE.search(text)
    if words <= CREDIT_WORDS and stamp_or_credit and not _SENTENCE_END.search(text):
        return True
    return words <= COPYRIGHT_WORDS and bool(COPYRIGHT.match(text)) and "reserved" in text.lower()


def _told(text: str, index: int, count: int, found: Body) -> bool:
    """Whether the line is a tag line, an agency's sign-off or a "By" line at the top
    (what it says goes into ``found``)."""
    if (
        _TAG_LABEL.match(text)
        and len(text) < TAG_LINE_MAX
        and index >= count - TAG_LINE_LAST_BLOCKS
    ):
        found.tags.extend(
            t.strip() for t in _TAG_SEPARATOR.split(_TAG_LABEL.sub("", text)) if t.strip()
        )
        return True
    signoff = parse_signoff(text) if 0 < index >= count - SIGNOFF_LAST_BLOCKS else None
    if signoff is not None and signoff.kind is m.BylineKind.ORGANISATION:
        found.signoffs.append(signoff)  # an agency closing the story: "– AAP"
        return True
    if index < BYLINE_TOP_BLOCKS and len(text.split()) <= BY_LINE_WORDS and _BY.match(text):
        bylines = parse_byline(text, known=False)
        if bylines and any(b.kind is m.BylineKind.PERSON for b in bylines):
            found.shown_bylines.extend(bylines)
            return True
    return False


def _is_late_furniture(text: str, index: int, count: int, known_names: set[str]) -> bool:
    """The byline repeated or a date line at the top, a copyright line at the end."""
    if (
        index < BYLINE_TOP_BLOCKS
        and len(text.split()) <= REPEATED_BYLINE_WORDS
        and norm(text) in known_names
    ):
        return True  # the byline repeated at the top of the body
    if index < DATE_LINE_TOP_BLOCKS and is_date_line(text):
        return True
    return (
        bool(COPYRIGHT.match(text))
        and len(text) < COPYRIGHT_LINE_MAX
        and index >= count - COPYRIGHT_LAST_BLOCKS
    )


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
        return total > 0 and linked / total > LINK_LIST_SHARE and total < LINK_LIST_MAX
    if isinstance(block, m.ListBlock):
        linked = total = 0
        for item in block.items:
            for inner in item:
                if isinstance(inner, (m.Paragraph, m.Heading)):
                    a, b = _link_share(inner.content)
                    linked += a
                    total += b
        return total == 0 or linked / total > LINK_LIST_ITEMS_SHARE
    return False


def _without_repeats(blocks: list[m.Block]) -> list[m.Block]:
    """Without a paragraph at the top that the next one repeats or opens with (a lead
    image's caption taken from the first paragraph)."""
    out: list[m.Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            index < REPEAT_TOP_BLOCKS
            and isinstance(block, m.Paragraph)
            and isinstance(following, m.Paragraph)
        ):
            text = norm(m.block_text(block))
            after = norm(m.block_text(following))
            opens = len(after) > len(text) and after.startswith(text)
            if len(text.split()) >= REPEAT_MIN_WORDS and opens:
                continue
        out.append(block)
    return out


def _cut_tail(blocks: list[m.Block]) -> list[m.Block]:
    """Stop at a late "Related stories"-style label when little text and no prose follow
    it; a label with prose after it goes alone (its list was a link list)."""
    sizes = [len(m.block_text(b)) for b in blocks]
    total = sum(sizes) or 1
    out = blocks[: int(len(blocks) * TAIL_SEARCH_FROM)]
    for index in range(len(out), len(blocks)):
        block = blocks[index]
        text = " ".join(m.block_text(block).split())
        label = (
            isinstance(block, (m.Paragraph, m.Heading))
            and len(text.split()) <= TAIL_LABEL_WORDS
            and _TAIL_HEADING.match(text.rstrip(":"))
        )
        if not label:
            out.append(block)
        elif not _prose_follows(blocks[index + 1 :]):
            if sum(sizes[index:]) < TAIL_MAX_SHARE * total:
                return out
            out.append(block)
    return out


def _prose_follows(blocks: list[m.Block]) -> bool:
    """Whether prose comes next: a sentence of some length among the next paragraphs,
    after any lists and subheadings (the story goes on under its next subheading)."""
    for block in blocks[:TAIL_PROSE_LOOKAHEAD]:
        if isinstance(block, m.Paragraph):
            if _is_prose(block):
                return True
        elif not isinstance(block, (m.ListBlock, m.Heading)):
            return False
    return False


def _heads_prose(blocks: tuple[m.Block, ...], index: int) -> bool:
    """Whether ``blocks[index]`` is a heading without a label's colon whose next
    paragraph, past other headings (an address under a place's name), is prose."""
    block = blocks[index]
    if not isinstance(block, m.Heading) or ":" in m.block_text(block):
        return False
    for after in blocks[index + 1 : index + 1 + TAIL_PROSE_LOOKAHEAD]:
        if isinstance(after, m.Paragraph):
            return _is_prose(after)
        if not isinstance(after, m.Heading):
            return False
    return False


def _is_prose(block: m.Paragraph) -> bool:
    """Whether a paragraph is prose: a sentence of some length, few of its words linked."""
    text = " ".join(m.block_text(block).split())
    linked, total = _link_share(block.content)
    return (
        len(text.split()) >= TAIL_PROSE_WORDS
        and linked < LINK_LIST_SHARE * max(total, 1) / 2
        and _SENTENCE_END.search(text) is not None
    )
