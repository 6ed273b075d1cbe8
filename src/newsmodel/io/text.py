"""``text``: an article as a reader sees it, in plain text.

The writer renders, separated by blank lines: the headline, the standfirst,
a meta block (``By …`` line, the date line ``Apr 05, 2024, updated Apr 05,
2024``, one ``<caption> Photo: <credit>`` line per photo), the body, the
agency sign-off (``– AAP``), and a footer with ``Topics: …`` and the rights
notice.

The reader takes such text back, and also text copied from a news page: it
recognises page furniture (``Advertisement``, share prompts), date lines,
photo captions with their credit, ``By`` lines, agency sign-offs, topic lists
and copyright lines, and keeps them out of the body.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from newsmodel import model as m
from newsmodel._input import BINARY_HEAD, GZIP_MAGIC, binary_kind, gzip_head
from newsmodel.bylines import parse_byline, parse_signoff
from newsmodel.captions import labelled_credit
from newsmodel.dates import format_date, parse_date
from newsmodel.errors import NoArticleError, ReadError
from newsmodel.io import TEXT as FORMAT
from newsmodel.io._common import (
    DEFAULT_MAX_BYTES,
    as_read_errors,
    clean_text,
    decode_text,
)
from newsmodel.losses import NO_QUOTES, Losses, report
from newsmodel.vocab import COPYRIGHT_MARK, DATE_PREFIXES, FURNITURE_LINES, TAG_LABELS, alternation

__all__ = ["FORMAT", "read", "sniff", "write"]

# -------------------------------------------------------------------------
# recognisers (one line each)

#: A whole line of page furniture: "Advertisement", "Share this story".
_FURNITURE = re.compile("|".join(FURNITURE_LINES), re.IGNORECASE)
_TOPICS = re.compile(rf"^(?:{alternation(TAG_LABELS)})\s*[:：]\s*(?P<list>.+)$", re.IGNORECASE)
# (?<!\s): a run of spaces is read once, from its start, not again from each of its spaces
_TOPIC_SPLIT = re.compile(r"(?<!\s)\s*[,;|·•]\s*")
_RIGHTS = re.compile(rf"(?:^|\s)(?:{COPYRIGHT_MARK})|all rights reserved", re.IGNORECASE)
_HOLDER = re.compile(
    r"(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<holder>[^.,;©]{2,60}?)\s*[.,;]?\s*(?:all rights reserved\.?)?$",
    re.IGNORECASE,
)
_DATE_PREFIX = re.compile(
    rf"^(?:{alternation(DATE_PREFIXES)})\s*[:\-–]?\s*",
    re.IGNORECASE,
)
_DATE_SPLIT = re.compile(
    r"\s*[,;|·•]?\s*(?:\(|\b)(?:updated|last updated|modified|edited)\b"
    r"\s*[:\-–]?\s*(?:on\s+|at\s+)?",
    re.IGNORECASE,
)
_BY_LINE = re.compile(r"^(?:by|written by|words by|reporting by)\s+\S", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]\s+|(?P<num>\d{1,3})[.)]\s+)")
_SENTENCE_END = re.compile(r"[.!?…:\"”’»)]\s*$")


def sniff(head: bytes) -> bool:
    """True for text that is not markup or JSON (text is the last guess)."""
    try:
        text = head.decode("utf-8-sig", errors="strict")
    except UnicodeDecodeError:
        try:
            text = head[:-3].decode("utf-8-sig")  # a multi-byte character cut at the end
        except UnicodeDecodeError:
            return False
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] not in "<{[" and "\x00" not in text


def _is_furniture(line: str) -> bool:
    return _FURNITURE.fullmatch(line.strip(" .!:|·•")) is not None


def _date_line(
    line: str, dayfirst: bool = False
) -> tuple[m.DateValue | None, m.DateValue | None] | None:
    """``(published, modified)`` when the whole line is a date line."""
    if len(line) > 100:
        return None
    parts = _DATE_SPLIT.split(line.strip(), maxsplit=1)
    head = _DATE_PREFIX.sub("", parts[0]).strip(" ,|·•()")
    updated_only = len(parts) == 1 and re.match(
        r"(?:last\s+)?(?:updated|modified)", line.strip(), re.I
    )
    published = parse_date(head, dayfirst=dayfirst) if head else None
    if head and published is None:
        return None
    modified = None
    if len(parts) == 2:
        modified = parse_date(parts[1].strip(" ,|·•()"), dayfirst=dayfirst)
        if modified is None:
            return None
    if published is None and modified is None:
        return None
    if updated_only:
        return None, published
    return published, modified


def _caption(line: str) -> m.Photo | None:
    found = labelled_credit(line)
    if found is None:
        return None
    caption, credit = found
    if caption is not None and len(caption) < 3:
        caption = None
    return m.Photo(caption=caption, credit=credit)


def _topics(line: str) -> tuple[m.Topic, ...] | None:
    match = _TOPICS.match(line.strip())
    if not match:
        return None
    names = [n.strip(" .") for n in _TOPIC_SPLIT.split(match.group("list"))]
    return tuple(m.Topic(name=n, kind=m.TopicKind.KEYWORD) for n in names if n)


#: A copyright line is short; longer lines are body text that mentions copyright.
_MAX_RIGHTS_LINE = 200


def _holder(line: str) -> re.Match[str] | None:
    """The holder in a copyright line. Its spaces are made single first: the pattern's
    optional parts each end in spaces, and a long run of them could be shared among
    those parts in every possible way before the search fails (minutes for 100 tabs)."""
    return _HOLDER.search(" ".join(line.split()))


def _is_rights(line: str) -> bool:
    return len(line) < _MAX_RIGHTS_LINE and _RIGHTS.search(line) is not None


# -------------------------------------------------------------------------
# reader


def _paragraphs(lines: list[str]) -> Iterator[list[str]]:
    group: list[str] = []
    for line in lines:
        if line.strip():
            group.append(line.strip())
        elif group:
            yield group
            group = []
    if group:
        yield group


def _block(lines: list[str]) -> m.Block:
    items = [_LIST_ITEM.match(line) for line in lines]
    if len(lines) > 1 and all(items):
        ordered = all(match is not None and match.group("num") for match in items)
        return m.ListBlock(
            ordered=bool(ordered),
            items=tuple(
                (m.Paragraph(content=(line[match.end() :].strip(),)),)
                for line, match in zip(lines, items)
                if match is not None
            ),
        )
    return m.Paragraph(content=(" ".join(lines),))


def _footer_start(lines: list[str]) -> int:
    """Index of the first line of the trailing footer (sign-off, topics, rights, furniture).

    The first line of content is the headline, never a label between footer items."""
    start = len(lines)
    hard = False
    first = next((i for i, t in enumerate(lines) if t.strip() and not _is_furniture(t)), 0)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i].strip()
        if not line or _is_furniture(line):
            continue
        if _topics(line) is not None or _is_rights(line) or parse_signoff(line) is not None:
            hard = True
            start = i
            continue
        if hard and i > first and len(line.split()) <= 6 and not _SENTENCE_END.search(line):
            start = i  # a slogan or label between footer items ("Local News Matters")
            continue
        break
    return start


def read(
    data: bytes | str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    dayfirst: bool = False,
) -> m.Article:
    """Read an article from plain text (see the module documentation for the shape).

    ``dayfirst`` reads numeric dates such as ``05/04/2024`` as day first;
    Quotes are not extracted here; :func:`newsmodel.read` does that.

    Input that is no text (a PDF, an image, binary data) raises
    :class:`~newsmodel.errors.ReadError`; text with no article in it (empty,
    white space, page furniture only) raises :class:`~newsmodel.errors.NoArticleError`.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):  # before decoding: a PDF says what it is
        zipped = bytes(data[: len(GZIP_MAGIC)]) == GZIP_MAGIC
        _refuse_binary(gzip_head(data, BINARY_HEAD) if zipped else bytes(data[:BINARY_HEAD]))
    decoded = decode_text(data, format=FORMAT.name, max_bytes=max_bytes)
    _refuse_binary(decoded[:BINARY_HEAD].encode("utf-8", "surrogatepass"))
    with as_read_errors(FORMAT.name):
        article = _read(clean_text(decoded), dayfirst=dayfirst)
    if article.headline is None and not article.body:
        what = "holds only white space" if decoded.strip() == "" else "holds only page furniture"
        what = "is empty" if decoded == "" else what
        raise NoArticleError(f"no article found: the text {what}", format=FORMAT.name)
    return article


def _refuse_binary(head: bytes) -> None:
    """Refuse input whose first bytes are no text, saying what they look like."""
    kind = binary_kind(head)
    if kind is not None:
        raise ReadError(f"this is {kind}, not text", format=FORMAT.name)


def _read_footer(
    foot_lines: list[str],
) -> tuple[list[m.Topic], list[m.Byline], list[str]]:
    """The footer's topic lists, agency sign-offs and rights lines (furniture skipped)."""
    topics: list[m.Topic] = []
    signoffs: list[m.Byline] = []
    rights: list[str] = []
    for line in foot_lines:
        line = line.strip()
        if not line or _is_furniture(line):
            continue
        found = _topics(line)
        if found is not None:
            topics.extend(found)
        elif (signoff := parse_signoff(line)) is not None and not _is_rights(line):
            signoffs.append(signoff)
        elif _is_rights(line):
            rights.append(line)
    return topics, signoffs, rights


def _headline(head_lines: list[str]) -> tuple[str | None, list[list[str]]]:
    """The headline (the first line that is not furniture) and the paragraphs after it,
    each a list of lines, furniture left out."""
    groups = [
        [line for line in group if not _is_furniture(line)] for group in _paragraphs(head_lines)
    ]
    groups = [g for g in groups if g]
    if not groups:
        return None, groups
    headline = groups[0][0]
    groups[0] = groups[0][1:]
    return headline, [g for g in groups if g]


def _is_meta(line: str, dayfirst: bool) -> bool:
    """Whether ``line`` belongs to the meta block: a date line, a caption, a "By" line."""
    return (
        _date_line(line, dayfirst) is not None
        or _caption(line) is not None
        or (_BY_LINE.match(line) is not None and len(line.split()) <= 16)
    )


def _summary(groups: list[list[str]], dayfirst: bool) -> tuple[str | None, list[list[str]]]:
    """The standfirst, the one paragraph between the headline and the meta block, and
    the paragraphs after it."""
    first_meta = next((i for i, g in enumerate(groups[:3]) if _is_meta(g[0], dayfirst)), None)
    if first_meta == 1:
        return " ".join(groups[0]), groups[1:]
    return None, groups


@dataclasses.dataclass
class _Story:
    """What the paragraphs after the standfirst hold: the meta block's dates, bylines
    and captions, and the body (captions after the meta block are its figures)."""

    body: list[m.Block] = dataclasses.field(default_factory=list)
    bylines: list[m.Byline] = dataclasses.field(default_factory=list)
    photos: list[m.Photo] = dataclasses.field(default_factory=list)
    published: m.DateValue | None = None
    modified: m.DateValue | None = None


def _read_story(groups: list[list[str]], dayfirst: bool) -> _Story:
    """The meta block and the body in ``groups`` (the meta block ends at the first
    paragraph with a line that is not meta)."""
    story = _Story()
    seen_photos: set[m.Photo] = set()
    in_header = True
    for group in groups:
        rest: list[str] = []
        for line in group:
            dates = _date_line(line, dayfirst) if in_header else None
            photo = _caption(line)
            if dates is not None:
                story.published = story.published or dates[0]
                story.modified = story.modified or dates[1]
            elif in_header and _BY_LINE.match(line) and len(line.split()) <= 16:
                story.bylines.extend(parse_byline(line))
            elif photo is not None:
                if photo not in seen_photos:
                    seen_photos.add(photo)
                    story.photos.append(photo)
                    if not in_header:
                        story.body.append(m.Figure(photo=photo))
            else:
                rest.append(line)
        if rest:
            in_header = False
            story.body.append(_block(rest))
    return story


def _publisher(rights: list[str]) -> m.Publisher | None:
    """The holder the first rights line names, when it reads as a name of a few words."""
    holder = _holder(rights[0]) if rights else None
    name = holder.group("holder").strip() if holder else ""
    if name and len(name.split()) <= 6 and not re.search(r"rights reserved", name, re.I):
        return m.Publisher(name=name)
    return None


def _read(text: str, *, dayfirst: bool) -> m.Article:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    footer = _footer_start(lines)
    topics, signoffs, rights = _read_footer(lines[footer:])
    headline, groups = _headline(lines[:footer])
    summary, groups = _summary(groups, dayfirst)
    story = _read_story(groups, dayfirst)
    return m.Article(
        headline=headline,
        summary=summary,
        body=tuple(story.body),
        bylines=tuple(dict.fromkeys(story.bylines + signoffs)),
        photos=tuple(story.photos),
        topics=tuple(dict.fromkeys(topics)),
        published=story.published,
        modified=story.modified,
        publisher=_publisher(rights),
        rights=m.Rights(notice=" ".join(rights)) if rights else None,
    )


# -------------------------------------------------------------------------
# writer

#: Article fields the text writer renders; every other non-empty field is reported lost.
_CARRIED = {
    "headline",
    "summary",
    "body",
    "bylines",
    "photos",
    "topics",
    "published",
    "modified",
    "rights",
}


def _block_lines(block: m.Block) -> str:
    if isinstance(block, m.ListBlock):
        lines = []
        for n, item in enumerate(block.items, 1):
            marker = f"{n}." if block.ordered else "-"
            text = " ".join(m.block_text(b) for b in item).replace("\n", " ")
            lines.append(f"{marker} {text}")
        return "\n".join(lines)
    if isinstance(block, m.Figure):
        return _photo_line(block.photo)
    return " ".join(m.block_text(block).split())


def _photo_line(photo: m.Photo) -> str:
    parts = [" ".join(photo.caption.split())] if photo.caption else []
    if photo.credit:
        parts.append(f"Photo: {photo.credit}")
    return " ".join(parts)


def _publisher_in_rights(article: m.Article) -> bool:
    if article.publisher is None or article.rights is None or not article.rights.notice:
        return False
    if len(" ".join(article.rights.notice.split())) >= _MAX_RIGHTS_LINE:
        return False  # the reader takes no copyright line this long, nor its holder
    holder = _holder(article.rights.notice.split(".")[0] + ".")
    return holder is not None and holder.group("holder").strip() == article.publisher.name


def _declare_losses(article: m.Article, losses: Losses) -> None:
    """Declare, by path, what plain text leaves out of ``article``."""
    for field in m.Article.__attrs_attrs__:
        value = getattr(article, field.name)
        if field.name not in _CARRIED and value not in (None, ()):
            if field.name == "publisher" and _publisher_in_rights(article):
                continue  # the reader finds the publisher in the copyright line
            losses.drop(field.name, NO_QUOTES if field.name == "quotes" else "no place in text")
    if article.rights:
        for key in ("holder", "usage_terms"):
            if getattr(article.rights, key):
                losses.drop(f"rights.{key}", "text keeps the copyright line only")
    for i, photo in enumerate(article.photos):
        for key in _PHOTO_DETAILS:
            if getattr(photo, key):
                losses.drop(f"photos[{i}].{key}", "text keeps a photo's caption and credit")
    for i, block in enumerate(article.body):
        if not isinstance(block, (m.Paragraph, m.ListBlock, m.Figure)):
            losses.drop(f"body[{i}]", f"text keeps no {type(block).__name__} structure")
    for i, byline in enumerate(article.bylines):
        if byline.kind is m.BylineKind.PERSON:
            for key in ("role", "affiliation", "url"):
                if getattr(byline, key):
                    losses.drop(f"bylines[{i}].{key}", "text keeps a byline's name")
    for i, topic in enumerate(article.topics):
        for key in ("qcode", "uri", "scheme"):
            if getattr(topic, key):
                losses.drop(f"topics[{i}].{key}", "text keeps a topic's name")
        if topic.kind is not m.TopicKind.KEYWORD:
            losses.drop(f"topics[{i}].kind", "text topics are keywords")


#: Photo fields plain text has no place for.
_PHOTO_DETAILS = ("url", "renditions", "alt", "photographer", "id")


def write(article: m.Article, *, strict: bool = False) -> str:
    """Render ``article`` as plain text; fields text cannot carry are reported lost."""
    parts = _render(article)
    rendered = "\n\n".join(text for _, text in parts) + "\n"
    losses = Losses()
    _declare_losses(article, losses)
    for field in sorted(_unread_parts(parts)):
        losses.drop(field, "in plain text it reads as page furniture or a footer line")
    report(FORMAT.name, losses, strict=strict)
    return rendered


def _unread_parts(parts: list[tuple[str, str]]) -> set[str]:
    """The fields (``headline``, ``body``) with a part the reader would not take back:
    page furniture ("Advertisement"), or a footer line ("© 2024", "Topics: …") with
    nothing after it but the footer."""
    lines = "\n\n".join(text for _, text in parts).split("\n")
    footer = _footer_start(lines)
    unread: set[str] = set()
    at = 0
    for field, text in parts:
        count = text.count("\n") + 1
        if field in ("headline", "body") and (at >= footer or (count == 1 and _is_furniture(text))):
            unread.add(field)
        at += count + 1  # the blank line between parts
    return unread


def _render(article: m.Article) -> list[tuple[str, str]]:
    """The parts of ``article``'s text, each with the field it comes from: headline,
    standfirst, meta block, body, sign-offs, footer."""
    out: list[tuple[str, str]] = []
    if article.headline:
        out.append(("headline", " ".join(article.headline.split())))
    if article.summary:
        out.append(("summary", " ".join(article.summary.split())))
    meta: list[str] = []
    people = [b.name for b in article.bylines if b.kind is m.BylineKind.PERSON]
    orgs = [b.name for b in article.bylines if b.kind is m.BylineKind.ORGANISATION]
    if people:
        meta.append(
            "By "
            + (
                " and ".join(people)
                if len(people) < 3
                else ", ".join(people[:-1]) + " and " + people[-1]
            )
        )
    if article.published and article.modified:
        meta.append(f"{format_date(article.published)}, updated {format_date(article.modified)}")
    elif article.published:
        meta.append(format_date(article.published))
    elif article.modified:
        meta.append(f"Updated {format_date(article.modified)}")
    in_body = {f.photo for f in m.figures(article.body)}
    meta.extend(
        _photo_line(p) for p in article.photos if p not in in_body and (p.caption or p.credit)
    )
    if meta:
        out.append(("meta", "\n".join(meta)))
    out.extend(("body", t) for t in (_block_lines(b) for b in article.body) if t)
    out.extend(("bylines", f"– {name}") for name in orgs)
    footer = []
    if article.topics:
        footer.append(
            "Topics: " + ", ".join(t.name or t.qcode or t.uri or "" for t in article.topics)
        )
    if article.rights and article.rights.notice:
        footer.append(" ".join(article.rights.notice.split()))
    if footer:
        out.append(("footer", "\n".join(footer)))
    return out
