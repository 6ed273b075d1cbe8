"""Writing photos as HTML ``figure`` or NITF ``media``, saying what each holds.

Each writer returns the photo a reader of its markup gets back (``None`` when the
markup reads as nothing) and declares every field that differs from the photo written.
"""

from __future__ import annotations

from lxml import etree

from newsmodel import model as m
from newsmodel.captions import split_credit
from newsmodel.losses import Losses, declare_fields
from newsmodel.markup.dialects import CREDIT_CLASS, PHOTO_ID_ATTR, PHOTOGRAPHER_CLASS
from newsmodel.markup.figures import caption_parts
from newsmodel.markup.inline import Maker
from newsmodel.markup.parse import add_text
from newsmodel.markup.sanitise import safe_url
from newsmodel.markup.text import MAX_NUMBER, clean

__all__ = ["write_figure", "write_media"]

#: Why an HTML figure's fields change, by field; text fields: :data:`_TEXT`.
_FIGURE_REASONS = {
    "url": "not a picture URL HTML readers accept",
    "renditions": "an HTML srcset holds a rendition's URL (without spaces or commas) and width",
    "width": "too large a size for HTML readers",
    "height": "too large a size for HTML readers",
    "alt": "HTML alt text is read with its white space collapsed",
    "id": "HTML readers trim a photo's id",
}
#: Why a figure's text changes: white space collapsed, a credit's label dropped, a
#: credit split off the end of a caption that has none.
_TEXT = "figure captions are read with white space collapsed and the credit apart"
#: Why a figure without a picture keeps only its caption.
_NO_PICTURE = "a figure without a picture URL keeps its caption, credit and photographer only"
#: Why a NITF ``media`` element's fields change, by field.
_MEDIA_REASONS = {
    "photographer": "NITF media has no photographer",
    "id": "NITF media has no id",
    "renditions": "NITF media references have no file size, and the first stands for the photo",
    "url": "NITF media needs a URL its readers accept",
    "width": "NITF media sizes are read as whole numbers under ten million",
    "height": "NITF media sizes are read as whole numbers under ten million",
}


def _size(value: int | None) -> int | None:
    """A width or height as readers take it back (nonsense sizes read as absent)."""
    return value if value is not None and value < MAX_NUMBER else None


def _srcset_url(url: str) -> bool:
    """Whether a srcset can hold ``url`` (a srcset splits at white space and commas)."""
    return safe_url(url) is not None and not any(c.isspace() or c == "," for c in url)


def _img(figure: etree._Element, photo: m.Photo, src: str, maker: Maker) -> list[m.Rendition]:
    """Write the ``img``; return the renditions its srcset holds."""
    img = maker(figure, "img", src=src, alt=photo.alt or "")
    if photo.width:
        img.set("width", str(photo.width))
    if photo.height:
        img.set("height", str(photo.height))
    kept = [r for r in photo.renditions if _srcset_url(r.url)]
    if kept:
        img.set("srcset", ", ".join(f"{r.url} {r.width}w" if r.width else r.url for r in kept))
    return [m.Rendition(url=r.url, width=r.width) for r in kept]


def _figcaption(figure: etree._Element, photo: m.Photo, maker: Maker) -> None:
    figcaption = maker(figure, "figcaption")
    if photo.caption:
        add_text(figcaption, photo.caption)
    if photo.photographer:
        if photo.caption:
            add_text(figcaption, " ")
        maker(figcaption, "span", **{"class": PHOTOGRAPHER_CLASS}).text = photo.photographer
    if photo.credit:
        if photo.caption or photo.photographer:
            add_text(figcaption, " ")
        maker(figcaption, "small", **{"class": CREDIT_CLASS}).text = photo.credit


def write_figure(
    parent: etree._Element, photo: m.Photo, maker: Maker, losses: Losses
) -> m.Photo | None:
    """Append ``<figure>`` (``img`` and ``figcaption``) for ``photo``; return what it reads as."""
    figure = maker(parent, "figure")
    if photo.id:
        figure.set(PHOTO_ID_ATTR, photo.id)
    src = safe_url(photo.url)
    renditions = _img(figure, photo, src, maker) if src else []
    if photo.caption or photo.credit or photo.photographer:
        _figcaption(figure, photo, maker)
    caption, credit, photographer = caption_parts(photo.caption, photo.credit, photo.photographer)
    if src is None:
        if caption is None and credit is None and photographer is None:
            losses.drop("", _NO_PICTURE)
            return None
        back = m.Photo(caption=caption, credit=credit, photographer=photographer)
        declare_fields(losses, photo, back, {"caption": _TEXT, "credit": _TEXT}, _NO_PICTURE)
        return back
    back = m.Photo(
        url=src,
        caption=caption,
        credit=credit,
        alt=clean(photo.alt).strip() or None,
        photographer=photographer,
        width=_size(photo.width),
        height=_size(photo.height),
        renditions=tuple(renditions),
        id=photo.id.strip() if photo.id else None,
    )
    declare_fields(losses, photo, back, _FIGURE_REASONS, _TEXT)
    return back


#: One NITF ``media-reference``: URL, name, media type, width, height.
_Reference = tuple[str | None, str | None, str | None, int | None, int | None]


def _references(photo: m.Photo) -> list[_Reference]:
    """The photo's own file, then its renditions (one empty reference when it has none)."""
    out: list[_Reference] = []
    if photo.url:
        out.append((photo.url, None, None, photo.width, photo.height))
    out.extend((r.url, r.name, r.media_type, r.width, r.height) for r in photo.renditions)
    return out or [(None, None, None, None, None)]


def _write_references(media: etree._Element, photo: m.Photo, maker: Maker) -> list[m.Rendition]:
    """Write the ``media-reference`` elements; return those a reader takes back."""
    back = []
    for i, (url, name, media_type, width, height) in enumerate(_references(photo)):
        ref = maker(media, "media-reference")
        for attr, value in (("source", url), ("name", name), ("mime-type", media_type)):
            if value:
                ref.set(attr, value)
        if width:
            ref.set("width", str(width))
        if height:
            ref.set("height", str(height))
        if i == 0 and photo.alt:
            ref.set("alternate-text", photo.alt)
        source = safe_url(url)
        if source:
            back.append(
                m.Rendition(
                    url=source,
                    name=(name or "").strip() or None,
                    media_type=(media_type or "").strip() or None,
                    width=_size(width),
                    height=_size(height),
                )
            )
    return back


def write_media(
    parent: etree._Element,
    photo: m.Photo,
    maker: Maker,
    losses: Losses,
    *,
    outside_flow: bool = False,
) -> m.Photo | None:
    """Append NITF ``<media>`` for ``photo`` (``class="nm-photo"`` when it is not part of
    the body's flow); return what it reads as."""
    media = maker(parent, "media", **{"media-type": "image"})
    if outside_flow:
        media.set("class", "nm-photo")
    renditions = _write_references(media, photo, maker)
    if photo.caption:
        maker(media, "media-caption").text = photo.caption
    if photo.credit:
        maker(media, "media-producer").text = photo.credit
    alt = clean(photo.alt).strip() or None
    caption = clean(photo.caption).strip() or None
    credit = clean(photo.credit).strip() or None
    if caption and not credit:
        caption, credit = split_credit(caption)
    if not renditions and not caption and not credit and not alt:
        losses.drop("", "NITF media without a URL, caption or alternative text is not kept")
        return None
    first = renditions[0] if renditions else None
    back = m.Photo(
        url=first.url if first else None,
        caption=caption,
        credit=credit,
        alt=alt,
        width=first.width if first else None,
        height=first.height if first else None,
        renditions=tuple(renditions[1:]),
    )
    declare_fields(losses, photo, back, _MEDIA_REASONS, _TEXT)
    return back
