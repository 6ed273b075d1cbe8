"""The story's photos.

The figures in the story's container, then figures the body kept, with the lead image
metadata names (``og:image``, else JSON-LD's first image) put first unless the page
already shows it.
"""

from __future__ import annotations

import re

from lxml import etree

from newsmodel import model as m
from newsmodel._input import whole_number
from newsmodel.markup import photos_of_figures
from newsmodel.page.metadata import Metadata
from newsmodel.page.strings import resolve_url

__all__ = ["read_photos"]

#: A size suffix a CMS adds to an image's file name: ``photo-800x600.jpg``.
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")


def read_photos(article_root: etree._Element, meta: Metadata, body: list[m.Block]) -> list[m.Photo]:
    """The story's photos (``article_root``: the story's own container; ``body``: its blocks)."""
    base = meta.base
    photos: list[m.Photo] = []
    for photo in photos_of_figures(list(article_root.iter("figure"))):
        if photo is not None:
            photos.append(_absolute_photo(photo, base))
    known = set(photos)
    for block in m.figures(body):
        if block.photo not in known:
            photos.append(block.photo)
            known.add(block.photo)
    lead_url = meta.first("og:image", "og:image:url", "twitter:image")
    if lead_url is None and meta.ld is not None and meta.ld.photos:
        lead_url = meta.ld.photos[0].url
    lead_url = resolve_url(lead_url, base)
    if lead_url and not any(_same_image(p.url, lead_url) for p in photos):
        width = meta.first("og:image:width")
        height = meta.first("og:image:height")
        photos.insert(
            0,
            m.Photo(
                url=lead_url,
                width=whole_number(width) or None,
                height=whole_number(height) or None,
                alt=meta.first("og:image:alt", "twitter:image:alt"),
            ),
        )
    return list(dict.fromkeys(photos))


def _same_image(a: str | None, b: str | None) -> bool:
    """Whether two addresses show the same image (size suffixes and queries aside)."""
    if not a or not b:
        return False

    def key(url: str) -> str:
        path = url.split("?")[0].rsplit("/", 1)[-1]
        return _SIZE_SUFFIX.sub("", path)

    return a == b or key(a) == key(b)


def _absolute_photo(photo: m.Photo, base: str | None) -> m.Photo:
    """``photo`` with its addresses and its renditions' made absolute against ``base``."""
    if not base:
        return photo
    return m.Photo(
        url=resolve_url(photo.url, base),
        caption=photo.caption,
        credit=photo.credit,
        alt=photo.alt,
        photographer=photo.photographer,
        width=photo.width,
        height=photo.height,
        renditions=tuple(
            m.Rendition(
                url=resolve_url(r.url, base) or r.url,
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
