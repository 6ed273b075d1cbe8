"""The copyright notice the page shows, else the one its JSON-LD gives."""

from __future__ import annotations

from lxml import etree

from newsmodel import model as m
from newsmodel.page.measure import Measures
from newsmodel.page.metadata import Metadata
from newsmodel.page.strings import COPYRIGHT
from newsmodel.page.weights import COPYRIGHT_MAX, COPYRIGHT_MIN

__all__ = ["read_rights"]

#: Elements that may hold the copyright line.
_NOTICE_TAGS = ("p", "div", "span", "small", "footer", "li")


def read_rights(root: etree._Element, meta: Metadata, measures: Measures) -> m.Rights | None:
    """The story's rights: the notice shown on the page (``root``), else JSON-LD's."""
    ld = meta.ld
    notice = _shown_notice(root, measures) or (ld.rights.notice if ld and ld.rights else None)
    return m.Rights(notice=notice) if notice else None


def _shown_notice(root: etree._Element, measures: Measures) -> str | None:
    """The innermost short element whose text opens with a copyright notice."""
    for el in root.iter(*_NOTICE_TAGS):
        if (
            el.getparent() is None
            or not measures.marked(el)
            or not COPYRIGHT_MIN < measures.length(el) < COPYRIGHT_MAX
        ):
            continue
        text = measures.text(el)
        if COPYRIGHT.match(text) and not any(
            measures.marked(c) and COPYRIGHT.match(measures.text(c)) for c in el
        ):
            return text
    return None
