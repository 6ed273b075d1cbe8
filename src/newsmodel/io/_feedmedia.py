"""Photos in feeds: Media RSS (``media:content``, ``media:thumbnail``, ``media:group``)
and image enclosures, which RSS and Atom items share (:func:`media_photos`).

Each element that can hold photos (the item, a ``media:group``, an Atom ``link``, a
``media:content``) has its children sorted once (:func:`_held`), by a role remembered
per tag: the common text-only item costs one pass over its children and nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from lxml import etree

from newsmodel import model as m
from newsmodel._input import whole_number
from newsmodel.io._feeds import plain_text, resolve
from newsmodel.markup.figures import IMAGE_FILE
from newsmodel.model_fields import trusted_keyword_maker

__all__ = ["PHOTO_CHILDREN", "holds_photos", "media_photos"]

#: The role of an enclosure (RSS ``enclosure``, Atom ``link rel="enclosure"``): ``""``
#: never names a Media RSS element, whose roles are their local names (``content``).
_ENCLOSURE = ""
#: The role of a namespaced ``link`` (Atom's), which may hold Media RSS; no local name
#: holds a ``}``, so it names no Media RSS element either.
_LINK = "}link"
#: How many tags' roles are remembered: a feed uses a few dozen, and a feed that invents
#: a new tag on every element cannot grow the table past this.
_ROLES_KEPT = 512
_roles_by_tag: dict[object, tuple[str, ...]] = {}

#: Where a reader that groups an item's children by key lists those that
#: :func:`holds_photos` (for :func:`media_photos`); no key or local name holds a ``}``.
PHOTO_CHILDREN = "}photo"

#: An element's children by role, in document order: ``{"content": [...], "": [...]}``.
Held = dict[str, list[etree._Element]]


def _roles_of(tag: object) -> tuple[str, ...]:
    """What a child with ``tag`` is to the photo reader: ``("content",)`` for
    ``media:content`` (either spelling of the namespace), ``("",)`` for an
    ``enclosure``, ``("}link",)`` for an Atom ``link``; ``()`` for anything else."""
    if not isinstance(tag, str):
        return ()
    local = tag.rsplit("}", 1)[-1]
    roles = [_ENCLOSURE] if local == "enclosure" else []
    if tag[0] == "{":
        if "search.yahoo.com/mrss" in tag:
            roles.append(local)
        if local == "link":
            roles.append(_LINK)
    return tuple(roles)


def _roles(tag: object) -> tuple[str, ...]:
    roles = _roles_by_tag.get(tag)
    if roles is None:
        roles = _roles_of(tag)
        if len(_roles_by_tag) < _ROLES_KEPT:
            _roles_by_tag[tag] = roles
    return roles


def holds_photos(tag: object) -> bool:
    """Whether a child with ``tag`` may hold or be a photo: for a reader that sorts an
    item's children itself and gives :func:`media_photos` those that may."""
    return bool(_roles(tag))


def _held(children: Iterable[etree._Element]) -> Held:
    """``children`` (an element's, or some of them) by role; a ``link`` with
    ``rel="enclosure"`` (a file attached to an Atom entry) is an enclosure as well."""
    found: Held = {}
    for child in children:
        for role in _roles(child.tag):
            found.setdefault(role, []).append(child)
            if role == _LINK and (child.get("rel") or "").lower() == "enclosure":
                found.setdefault(_ENCLOSURE, []).append(child)
    return found


def _media_text(held: Held, name: str) -> str | None:
    found = held.get(name)
    return plain_text(found[0].text, markup=found[0].get("type") == "html") if found else None


#: Declared types that name no media file (a CMS's default for any attachment:
#: ``<enclosure url="…/photo.jpg" type="text/html; charset=UTF-8">``): the address decides.
_NO_MEDIA_TYPES = ("text/", "application/octet-stream")


def _is_image(element: etree._Element, url: str) -> bool:
    medium = (element.get("medium") or "").lower()
    kind = (element.get("type") or "").lower()
    if medium or (kind and not kind.startswith(_NO_MEDIA_TYPES)):
        return medium == "image" or kind.startswith("image/")
    if kind:  # typed as a page: only a path naming an image file is one, never a query's
        return IMAGE_FILE.search(url.split("#", 1)[0].split("?", 1)[0]) is not None
    return IMAGE_FILE.search(url) is not None


def _credits(held: Held) -> tuple[str | None, str | None]:
    """``(credit, photographer)`` from ``media:credit`` (``role="photographer"`` names one)."""
    credit = photographer = None
    for found in held.get("credit", ()):
        text = plain_text(found.text, markup=False)
        if (found.get("role") or "").lower() == "photographer":
            photographer = photographer or text
        else:
            credit = credit or text
    return credit, photographer


#: Makes a photo without re-checking its fields, whose producers guarantee what the
#: model's validators check: the URL from :func:`resolve` (``None`` or a non-blank safe
#: URL without refused characters), the texts from :func:`plain_text` (``None`` or
#: non-blank, no refused character), the sizes from ``whole_number(...) or None`` (a
#: whole number of at least 1, or ``None``). The tests re-check what it makes.
_make_photo = trusted_keyword_maker(m.Photo)


#: What a holder (an item, a ``media:group``, a ``media:content``) says of the photos it
#: holds: ``(credit, photographer, caption)``, read once for all of them.
About = tuple[str | None, str | None, str | None]


def _about(held: Held) -> About:
    return (*_credits(held), _media_text(held, "description"))


def _image_url(element: etree._Element, base: str | None) -> str | None:
    """The resolved URL of a ``media:content``/``media:thumbnail``/``enclosure`` that
    names an image; ``None`` for anything else."""
    url = resolve(element.get("url") or element.get("href"), base)
    return url if url is not None and _is_image(element, url) else None


def _photo(element: etree._Element, url: str, outer: About) -> m.Photo:
    """The photo of an element at ``url`` (:func:`_image_url`); captions and credits from
    the element, else from what its group or item holds (``outer``)."""
    credit = photographer = caption = None
    if len(element):  # (most have no children)
        own = _held(element)
        credit, photographer = _credits(own)
        caption = _media_text(own, "description")
    if credit is None and photographer is None:
        credit, photographer = outer[0], outer[1]
    return _make_photo(
        url=url,
        caption=caption or outer[2],
        credit=credit,
        photographer=photographer,
        width=whole_number(element.get("width")) or None,
        height=whole_number(element.get("height")) or None,
    )


#: A thumbnail found: the element, its image URL and its holder.
_Thumb = tuple[etree._Element, str, Held]


def media_photos(
    item: etree._Element, base: str | None, parts: Iterable[etree._Element] | None = None
) -> tuple[m.Photo, ...]:
    """The photos of an item: ``media:content`` (in ``media:group`` too), image
    enclosures (RSS ``enclosure``, Atom ``link rel="enclosure"``), and thumbnails (a
    rendition of the first photo when there is one). The same URL read twice gives one
    photo, its first reading completed. ``parts`` are the item's children that
    :func:`holds_photos` (all of them by default), when the reader has picked them out.

    Each holder's children are sorted once, and what it says of its photos is read once;
    a thumbnail becomes a photo only when the item has no other."""
    children = list(item if parts is None else parts)
    if len(children) == 1 and not len(children[0]):
        lone = _lone_photo(children[0], base)  # (the common lone enclosure)
        if lone is not None:
            return lone
    held = _held(children)
    if not held:
        return ()  # nothing that can hold a photo: the common text-only item
    # Atom puts media:content inside a link (bbc style): those count as the item's
    inner = [*held.get("group", ()), *held.get(_LINK, ())]
    holders = [held, *(_held(element) for element in inner)]
    photos: dict[str, m.Photo] = {}
    bare: list[Held] = []  # media:content without a URL may still hold thumbnails
    thumbs: list[_Thumb] = []
    for holder in holders:
        about: About | None = None
        for element in [*holder.get("content", ()), *holder.get(_ENCLOSURE, ())]:
            url = _image_url(element, base)
            if url is not None:
                if about is None:
                    about = _about(holder)
                photo = _photo(element, url, about)
                seen = photos.get(url)
                photos[url] = _completed(seen, photo) if seen else photo
        bare += [_held(c) for c in holder.get("content", ()) if not c.get("url")]
    for holder in holders + bare:
        for element in holder.get("thumbnail", ()):
            url = _image_url(element, base)
            if url is not None:
                thumbs.append((element, url, holder))
    return _with_thumbnails(photos, thumbs)


#: What a holder with nothing but its photo says of it: no credit and no caption.
_NOTHING: About = (None, None, None)
#: The roles one element that holds nothing may have and be the item's one photo.
_LONE_ROLES = frozenset([(_ENCLOSURE,), ("content",), ("thumbnail",)])


def _lone_photo(element: etree._Element, base: str | None) -> tuple[m.Photo, ...] | None:
    """The photos of an item whose one photo-holding child is ``element`` and holds
    nothing (what :func:`media_photos` would make of it, in one step); ``None`` when
    ``element`` is of another kind (a group, an Atom link)."""
    if _roles(element.tag) not in _LONE_ROLES:
        return None
    url = _image_url(element, base)
    return () if url is None else (_photo(element, url, _NOTHING),)


def _with_thumbnails(photos: dict[str, m.Photo], thumbs: list[_Thumb]) -> tuple[m.Photo, ...]:
    """``photos`` (by URL) with ``thumbs``: the first thumbnail is the photo when there
    is none, and the others are renditions of the first photo."""
    if not photos and thumbs:
        element, url, holder = thumbs[0]
        photos[url] = _photo(element, url, _about(holder))
        thumbs = thumbs[1:]
    if not thumbs:
        return tuple(photos.values())
    first = next(iter(photos))
    lead = photos[first]
    seen = {r.url for r in lead.renditions}
    renditions = []
    for element, url, _ in thumbs:
        if url in photos or url in seen:
            continue
        seen.add(url)
        width = whole_number(element.get("width")) or None
        height = whole_number(element.get("height")) or None
        renditions.append(m.Rendition(url=url, name="thumbnail", width=width, height=height))
    if renditions:
        photos[first] = attrs.evolve(lead, renditions=(*lead.renditions, *renditions))
    return tuple(photos.values())


def _completed(first: m.Photo, other: m.Photo) -> m.Photo:
    """``first`` with what it lacks taken from ``other`` (the same image read again)."""
    if first == other:  # (the same photo read twice, as an enclosure and a media:content)
        return first
    fill = {
        f.name: getattr(other, f.name)
        for f in attrs.fields(m.Photo)
        if getattr(first, f.name) in (None, ()) and getattr(other, f.name) not in (None, ())
    }
    return attrs.evolve(first, **fill) if fill else first
