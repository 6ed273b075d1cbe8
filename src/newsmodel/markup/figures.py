"""Photos from markup: ``img`` and ``picture``, ``figure`` with its ``figcaption``
(caption, credit, photographer), and NITF ``media``."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from newsmodel import model as m
from newsmodel.captions import split_credit
from newsmodel.markup.dialects import (
    CAPTION_CREDIT_CLASSES,
    CAPTION_CREDIT_TAGS,
    PHOTO_ID_ATTR,
    PHOTOGRAPHER_CLASS,
)
from newsmodel.markup.parse import first_attr, parsed_clean, tag_name, texts
from newsmodel.markup.sanitise import safe_url
from newsmodel.markup.text import clean, number
from newsmodel.model_fields import trusted_maker, validate_all

__all__ = [
    "IMAGE_FILE",
    "caption_parts",
    "figure_photo",
    "image_photo",
    "photo_from_figure",
    "photos_of_figures",
    "url_file",
]

#: A URL that names an image file: ``…/photo.jpg``, ``…/photo.webp?w=640``.
IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|tiff?|webp|avif)(?:[?#]|$)", re.IGNORECASE)


def url_file(url: str) -> str:
    """The file name ``url``'s path ends in (``b.png`` of ``https://x.test/a/b.png?w=1``);
    ``""`` for an address ``urlsplit`` refuses (``http://[x/b.png``).

    >>> url_file("https://x.test/a/b.png?w=1"), url_file("http://[x/b.png")
    ('b.png', '')
    """
    try:
        path = urlsplit(url).path
    except ValueError:
        return ""
    return path[path.rfind("/") + 1 :]


#: Where an ``img`` names its picture, in order: ``src``, then the lazy loaders'
#: ``<img data-src="…">`` and friends.
_IMAGE_URL_ATTRS = ("src", "data-src", "data-lazy-src", "data-original")
#: Where an ``img`` lists its sizes: ``srcset="a.jpg 640w, b.jpg 1280w"``.
_SRCSET_ATTRS = ("srcset", "data-srcset")
#: A label before a credit, dropped: "Photo: Example Press", "Credit: Ida Roe".
_CREDIT_LABEL = re.compile(r"^(?:photo(?:graph)?|picture|image|credit)\s*:\s*", re.I)
#: NITF ``media-type`` values read as a photo (``<media media-type="image">``).
_NITF_PHOTO_TYPES = frozenset(["image", "photo", "graphic"])

#: ``(caption, credit, photographer)`` as a figcaption says them.
_CaptionParts = tuple[str | None, str | None, str | None]
#: The maker of the photo an ``img`` or ``source`` shows alone, valid by construction but
#: for its text's characters (its URL :func:`safe_url`'s, its alt text and id stripped
#: and never blank, its sizes :func:`number`'s, its renditions made by their
#: constructor), which only a tree :func:`~newsmodel.markup.parse.parse_html` made
#: vouches for: :func:`photo_from_figure` checks the photos of any other tree, the block
#: reader its blocks. Takes ``(url, caption, credit, alt, photographer, width, height,
#: renditions, id)``.
_make_photo = trusted_maker(m.Photo)

#: What a figure's elements say, in document order: its first picture (a photo without
#: caption), the first caption that names a caption or credit, else the last (empty) one.
_FigureScan = tuple[m.Photo | None, _CaptionParts | None, _CaptionParts | None]


def _srcset(value: str | None) -> list[m.Rendition]:
    out: list[m.Rendition] = []
    if not value:
        return out
    for part in value.split(","):
        bits = part.split()
        if not bits:
            continue
        url = safe_url(bits[0])
        if url is None:
            continue
        width = None
        if len(bits) > 1 and bits[1].endswith("w") and bits[1][:-1].isdigit():
            # "640w" gives 640; "0w", "²w" and a run of 5,000 digits nothing (no int() error)
            width = number(bits[1][:-1])
        out.append(m.Rendition(url=url, width=width))
    return out


def image_photo(img: etree._Element) -> m.Photo | None:
    """The photo an ``img`` shows (its URL, alt text, size and renditions), or ``None``;
    unchecked (see :data:`_make_photo`)."""
    # (each attribute looked up: an img often has a dozen others, costly to read all)
    url = None
    for attr in _IMAGE_URL_ATTRS:
        url = safe_url(img.get(attr))  # (never a data: URL)
        if url:
            break
    renditions = _srcset(first_attr(img, _SRCSET_ATTRS))
    if url is None and renditions:
        url = renditions[0].url
    if url is None:
        return None
    alt = img.get("alt")
    return _make_photo(
        url,
        None,
        None,
        (clean(alt).strip() or None) if alt else None,
        None,
        number(img.get("width")),
        number(img.get("height")),
        tuple(renditions),
        (img.get(PHOTO_ID_ATTR) or "").strip() or None,
    )


def caption_parts(
    caption: str | None, credit: str | None, photographer: str | None
) -> _CaptionParts:
    """``(caption, credit, photographer)`` from the texts a figcaption holds: its own text,
    its credit's and its photographer's (each ``None`` when it has no such part). A credit's
    label goes ("Photo: Example Press"); without a credit, one may end the caption."""
    photographer = clean(photographer).strip() or None if photographer is not None else None
    if credit is not None:
        credit = _CREDIT_LABEL.sub("", clean(credit).strip()).strip("() ")
        if not credit or credit.isspace():  # "( \u2003 )" credits no one
            credit = None
    text: str | None = clean(caption).strip() or None
    if credit is None and text:
        text, credit = split_credit(text)
    return text, credit, photographer


def _caption_parts(figcaption: etree._Element) -> _CaptionParts:
    """``(caption, credit, photographer)`` from a figcaption-like element."""
    credit = photographer = None
    rest: list[str] = []
    if figcaption.text:
        rest.append(figcaption.text)
    for child in figcaption:
        classes = (child.get("class") or "").lower()
        if PHOTOGRAPHER_CLASS in classes:
            photographer = " ".join(texts(child))
        elif (
            any(k in classes for k in CAPTION_CREDIT_CLASSES)
            or tag_name(child) in CAPTION_CREDIT_TAGS
        ):
            credit = " ".join(texts(child))
        else:
            rest.append(" ".join(texts(child)))
        if child.tail:
            rest.append(child.tail)
    return caption_parts(" ".join(rest), credit, photographer)


def _source_picture(source: etree._Element) -> m.Photo | None:
    """The picture a ``picture``'s ``<source srcset="…">`` names (unchecked, see
    :data:`_make_photo`)."""
    renditions = _srcset(source.get("srcset"))
    if not renditions:
        return None
    return _make_photo(
        renditions[0].url, None, None, None, None, None, None, tuple(renditions), None
    )


def _scan_figure(figure: etree._Element, done: dict[etree._Element, _FigureScan]) -> _FigureScan:
    """What ``figure``'s elements say; figures inside it already in ``done`` are not walked
    again (see :func:`photos_of_figures`)."""
    photo: m.Photo | None = None
    closing: _CaptionParts | None = None  # a caption or credit: later figcaptions are ignored
    last: _CaptionParts | None = None
    stack = [figure]
    # lxml frees an element's Python proxy by walking up to the nearest ancestor that has
    # one: keeping the walked elements alive keeps that walk short in a deep tree
    walked = []
    while stack:
        element = stack.pop()
        walked.append(element)
        inner = done.get(element) if element is not figure else None
        if inner is not None:
            if photo is None:
                photo = inner[0]
            if closing is None:
                closing = inner[1]
                last = inner[2] or last
            continue
        tag = tag_name(element)
        if tag == "img" and photo is None:
            photo = image_photo(element)
        elif tag == "source" and photo is None and element.get("srcset"):
            photo = _source_picture(element)
        elif tag == "figcaption" and closing is None:
            parts = _caption_parts(element)
            if parts[0] is not None or parts[1] is not None:
                closing = parts
            else:
                last = parts
        stack.extend(reversed(element))
    return photo, closing, last


def _figure_photo(figure: etree._Element, scan: _FigureScan) -> m.Photo | None:
    photo, closing, last = scan
    caption, credit, photographer = closing or last or (None, None, None)
    if photo is None:
        if caption is None and credit is None and photographer is None:
            return None
        return m.Photo(caption=caption, credit=credit, photographer=photographer)
    figure_id = figure.get(PHOTO_ID_ATTR)
    uncaptioned = caption is None and credit is None and photographer is None
    if uncaptioned and (photo.id or not (figure_id and figure_id.strip())):
        return photo  # (the picture alone, as its img or source said it)
    return m.Photo(
        url=photo.url,
        caption=caption,
        credit=credit,
        alt=photo.alt,
        photographer=photographer,
        width=photo.width,
        height=photo.height,
        renditions=photo.renditions,
        id=photo.id or ((figure_id or "").strip() or None),
    )


def _media_renditions(media: etree._Element) -> tuple[list[m.Rendition], str | None]:
    """The renditions of a NITF ``media`` (its ``media-reference`` children) and the first
    alternate text."""
    renditions = []
    alt = None
    for ref in media:
        if tag_name(ref) != "media-reference":
            continue
        url = safe_url(ref.get("source"))
        alt = alt or (clean(ref.get("alternate-text")).strip() or None)
        if url:
            renditions.append(
                m.Rendition(
                    url=url,
                    name=(ref.get("name") or "").strip() or None,
                    media_type=(ref.get("mime-type") or "").strip() or None,
                    width=number(ref.get("width")),
                    height=number(ref.get("height")),
                )
            )
    return renditions, alt


def _media_photo(media: etree._Element) -> m.Photo | None:
    """The photo of a NITF ``media``: its first reference is the photo, the others its
    renditions; ``media-caption`` and ``media-producer`` the caption and credit."""
    if (media.get("media-type") or "image").strip().lower() not in _NITF_PHOTO_TYPES:
        return None
    renditions, alt = _media_renditions(media)
    caption = credit = None
    for child in media:
        tag = tag_name(child)
        if tag == "media-caption":
            caption = clean(" ".join(texts(child))).strip() or None
        elif tag == "media-producer":
            credit = clean(" ".join(texts(child))).strip() or None
    if caption and not credit:
        caption, credit = split_credit(caption)
    if not renditions and not caption and not credit and not alt:
        return None
    first = renditions[0] if renditions else None
    return m.Photo(
        url=first.url if first else None,
        caption=caption,
        credit=credit,
        alt=alt,
        width=first.width if first else None,
        height=first.height if first else None,
        renditions=tuple(renditions[1:]) if len(renditions) > 1 else (),
    )


def figure_photo(figure: etree._Element, name: str) -> m.Photo | None:
    """:func:`photo_from_figure` of a ``figure`` whose :func:`tag_name` is ``name``,
    unchecked (see :data:`_make_photo`), for the block reader."""
    if name == "media":
        return _media_photo(figure)
    if name == "img":
        return image_photo(figure)
    return _figure_photo(figure, _scan_figure(figure, {}))


def photo_from_figure(figure: etree._Element) -> m.Photo | None:
    """The photo of a ``figure`` (HTML) or ``media`` (NITF) element, or ``None``; that of
    a tree :func:`~newsmodel.markup.parse.parse_html` did not make is checked as the
    model's constructors would (:class:`~newsmodel.errors.ModelValidationError`)."""
    photo = figure_photo(figure, tag_name(figure))
    if photo is not None and not parsed_clean(figure):
        validate_all(photo)
    return photo


def photos_of_figures(figures: list[etree._Element]) -> list[m.Photo | None]:
    """:func:`photo_from_figure` of each HTML ``figure`` in ``figures`` (in document order,
    all of one tree), in linear time: a figure inside another is walked once, and what it
    says reused."""
    done: dict[etree._Element, _FigureScan] = {}
    for figure in reversed(figures):  # inner figures before the ones around them
        done[figure] = _scan_figure(figure, done)
    photos = [_figure_photo(figure, done[figure]) for figure in figures]
    if figures and not parsed_clean(figures[0]):
        validate_all(tuple(photo for photo in photos if photo is not None))
    return photos
