"""Photos in feeds: Media RSS (``media:content``, ``media:thumbnail``, ``media:group``)
and image enclosures, which RSS and Atom items share (:func:`media_photos`)."""

from __future__ import annotations

import re

import attrs
from lxml import etree

from newsmodel import model as m
from newsmodel._input import whole_number
from newsmodel.io._feeds import plain_text, resolve

__all__ = ["media_photos"]

#: The key :class:`_MediaIndex` files namespaced ``link`` children under (no local name
#: holds a ``}``, so it names no Media RSS element).
_LINKS = "}link"


class _MediaIndex:
    """Each element's Media RSS children (either spelling of the namespace) and
    enclosures (RSS ``enclosure``, Atom ``link rel="enclosure"``), found once per element."""

    __slots__ = ("_found",)

    def __init__(self) -> None:
        self._found: dict[etree._Element, dict[str, list[etree._Element]]] = {}

    def of(self, element: etree._Element) -> dict[str, list[etree._Element]]:
        found = self._found.get(element)
        if found is None:
            found = {}
            for child in element:
                tag = child.tag
                if not isinstance(tag, str):
                    continue
                local = tag.rsplit("}", 1)[-1]
                if local == "enclosure":
                    found.setdefault("", []).append(child)  # "" never names a media element
                if tag[0] == "{":
                    if "search.yahoo.com/mrss" in tag:
                        found.setdefault(local, []).append(child)
                    if local == "link":  # an Atom link, which may hold Media RSS
                        found.setdefault(_LINKS, []).append(child)
                        if (child.get("rel") or "").lower() == "enclosure":  # a file attached
                            found.setdefault("", []).append(child)
            self._found[element] = found
        return found

    def media(self, element: etree._Element, name: str) -> list[etree._Element]:
        """The Media RSS children called ``name``."""
        return self.of(element).get(name, [])

    def enclosures(self, element: etree._Element) -> list[etree._Element]:
        return self.of(element).get("", [])

    def links(self, element: etree._Element) -> list[etree._Element]:
        """The namespaced ``link`` children (Atom's), which may hold Media RSS."""
        return self.of(element).get(_LINKS, [])


def _media_text(index: _MediaIndex, element: etree._Element, name: str) -> str | None:
    found = index.media(element, name)
    return plain_text(found[0].text, markup=found[0].get("type") == "html") if found else None


#: A URL that names an image file: ``…/photo.jpg``, ``…/photo.webp?w=640``.
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.IGNORECASE)


def _is_image(element: etree._Element, url: str) -> bool:
    medium = (element.get("medium") or "").lower()
    kind = (element.get("type") or "").lower()
    if medium or kind:
        return medium == "image" or kind.startswith("image/")
    return _IMAGE_FILE.search(url) is not None


def _credits(index: _MediaIndex, element: etree._Element) -> tuple[str | None, str | None]:
    """``(credit, photographer)`` from ``media:credit`` (``role="photographer"`` names one)."""
    credit = photographer = None
    for found in index.media(element, "credit"):
        text = plain_text(found.text, markup=False)
        if (found.get("role") or "").lower() == "photographer":
            photographer = photographer or text
        else:
            credit = credit or text
    return credit, photographer


def _photo(
    index: _MediaIndex, element: etree._Element, outer: etree._Element, base: str | None
) -> m.Photo | None:
    """The photo of a ``media:content``/``media:thumbnail``/``enclosure``; captions and
    credits from the element, else from its group or item (``outer``)."""
    url = resolve(element.get("url") or element.get("href"), base)
    if url is None or not _is_image(element, url):
        return None
    credit, photographer = _credits(index, element)
    if credit is None and photographer is None:
        credit, photographer = _credits(index, outer)
    caption = _media_text(index, element, "description") or _media_text(index, outer, "description")
    return m.Photo(
        url=url,
        caption=caption,
        credit=credit,
        photographer=photographer,
        width=whole_number(element.get("width")) or None,
        height=whole_number(element.get("height")) or None,
    )


def media_photos(item: etree._Element, base: str | None) -> tuple[m.Photo, ...]:
    """The photos of an item: ``media:content`` (in ``media:group`` too), image
    enclosures (RSS ``enclosure``, Atom ``link rel="enclosure"``), and thumbnails (a
    rendition of the first photo when there is one). The same URL read twice gives one
    photo, its first reading completed."""
    index = _MediaIndex()
    if not index.of(item):
        return ()  # nothing that can hold a photo: the common text-only item
    photos: dict[str, m.Photo] = {}
    # Atom puts media:content inside a link (bbc style): those count as the item's
    holders = [item, *index.media(item, "group"), *index.links(item)]
    for holder in holders:
        for element in [*index.media(holder, "content"), *index.enclosures(holder)]:
            photo = _photo(index, element, holder, base)
            if photo is not None and photo.url is not None:
                seen = photos.get(photo.url)
                photos[photo.url] = _completed(seen, photo) if seen else photo
    # thumbnails may also sit in a media:content without a URL of its own
    holders += [c for h in holders for c in index.media(h, "content") if not c.get("url")]
    thumbs = [
        p for h in holders for t in index.media(h, "thumbnail") if (p := _photo(index, t, h, base))
    ]
    if not photos and thumbs:
        photos[thumbs[0].url or ""] = thumbs[0]
        thumbs = thumbs[1:]
    first = next(iter(photos), None)
    for thumb in thumbs:
        if first is None or thumb.url in photos or thumb.url is None:
            continue
        lead = photos[first]
        if all(r.url != thumb.url for r in lead.renditions):
            rendition = m.Rendition(
                url=thumb.url, name="thumbnail", width=thumb.width, height=thumb.height
            )
            photos[first] = attrs.evolve(lead, renditions=(*lead.renditions, rendition))
    return tuple(photos.values())


def _completed(first: m.Photo, other: m.Photo) -> m.Photo:
    """``first`` with what it lacks taken from ``other`` (the same image read again)."""
    fill = {
        f.name: getattr(other, f.name)
        for f in attrs.fields(m.Photo)
        if getattr(first, f.name) in (None, ()) and getattr(other, f.name) not in (None, ())
    }
    return attrs.evolve(first, **fill) if fill else first
