"""A NewsML-G2 message's items, sorted once, and which picture items go with which story.

A message's ``itemSet`` holds text items, picture items, packages and other
items side by side. A picture goes with a story when

1. the text item links to it: an ``itemMeta/link`` whose ``@residref`` or
   ``@href`` is the picture's GUID;
2. the story's body refers to it inline: an element whose ``@src``,
   ``@href`` or ``@source`` is the picture's GUID or one of its files;
3. a ``packageItem`` group holds both: the group's own ``itemRef``\\ s, and
   those of groups it refers to (``groupRef``) that hold no story of their
   own (a story's photo sub-group);
4. nothing above claims it: it goes with the story before it in the message
   (or the first story, when it comes before every story).

Each story lists its pictures in message order. Everything is indexed once,
so the work grows with the message's size, never with its square.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
from lxml import etree

from newsmodel.io._common import warn_unread
from newsmodel.xmlsafe import attribute as _attr
from newsmodel.xmlsafe import find_all as _all
from newsmodel.xmlsafe import find_first as _first
from newsmodel.xmlsafe import local_name

__all__ = ["Message", "class_kind", "item_class", "items_of", "pictures_by_story"]

#: What an item of each class is, by the class's code whatever the scheme's alias or
#: URI (``ninat:text``, Reuters' ``icls:text``, ``http://cv.iptc.org/newscodes/ninature/text``):
#: a story, or a picture.
_CLASS_KINDS = {"text": "story", "composite": "story", "picture": "picture", "graphic": "picture"}
#: A ``remoteContent`` media type that is a picture file: ``image/jpeg``.
_PICTURE_TYPE = "image/"
#: How many ignored items a warning names (the rest are counted).
_MAX_LISTED = 10
#: Attributes through which a body refers to a picture inline
#: (``<img src="urn:x:pic1"/>``, ``<a href="…"/>``, NITF ``<media-reference source="…"/>``).
_INLINE_REFS = ("src", "href", "source")
#: Groups one story's search may visit in a package (``groupRef`` chains are followed
#: this far), so a hostile package costs at most this much per story.
_MAX_GROUP_VISITS = 1000


def _ref(element: etree._Element) -> str | None:
    """The item an ``itemRef`` or ``link`` points to: ``@residref``, else ``@href``."""
    return _attr(element, "residref") or _attr(element, "href")


def _picture_index(pictures: Sequence[etree._Element]) -> dict[str, int]:
    """Each picture's GUID and file addresses, to the picture's position."""
    index: dict[str, int] = {}
    for n, picture in enumerate(pictures):
        guid = _attr(picture, "guid")
        if guid:
            index.setdefault(guid, n)
        for remote in _all(picture, "contentSet/remoteContent"):
            href = _attr(remote, "href")
            if href:
                index.setdefault(href, n)
    return index


def _linked(text: etree._Element, index: dict[str, int]) -> set[int]:
    """Pictures the text item links to or shows inline (rules 1 and 2)."""
    found: set[int] = set()
    for link in _all(text, "itemMeta/link"):
        target = _ref(link)
        if target in index:
            found.add(index[target])
    for content_set in _all(text, "contentSet"):
        for element in content_set.iter():
            for name in _INLINE_REFS:
                value = element.get(name)
                if value is not None and value.strip() in index:
                    found.add(index[value.strip()])
    return found


class _Package:
    """One ``packageItem``'s groups, with each group's items and sub-groups."""

    def __init__(self, package: etree._Element):
        self.refs: dict[str, list[str]] = {}
        self.subgroups: dict[str, list[str]] = {}
        for group in package.iter("{*}group"):
            key = _attr(group, "id") or f"#{len(self.refs)}"
            self.refs[key] = [r for r in map(_ref, _all(group, "itemRef")) if r]
            self.subgroups[key] = [
                i for i in (_attr(g, "idref") for g in _all(group, "groupRef")) if i
            ]

    def pictures(self, key: str, is_story: dict[str, bool], picture_at: dict[str, int]) -> set[int]:
        """Pictures of group ``key`` and of the story-less groups it refers to."""
        found: set[int] = set()
        seen = {key}
        todo = [key]
        while todo and len(seen) <= _MAX_GROUP_VISITS:
            current = todo.pop()
            found.update(picture_at[r] for r in self.refs.get(current, ()) if r in picture_at)
            for sub in self.subgroups.get(current, ()):
                if sub not in seen and not is_story.get(sub, False):
                    seen.add(sub)
                    todo.append(sub)
        return found


def _packaged(
    packages: Iterable[etree._Element], stories: dict[str, list[int]], picture_at: dict[str, int]
) -> dict[int, set[int]]:
    """Pictures each story shares a package group with (rule 3)."""
    found: dict[int, set[int]] = {}
    for element in packages:
        package = _Package(element)
        is_story = {k: any(r in stories for r in refs) for k, refs in package.refs.items()}
        for key, refs in package.refs.items():
            texts = [n for r in refs for n in stories.get(r, ())]
            if not texts:
                continue
            pictures = package.pictures(key, is_story, picture_at)
            for n in texts:
                found.setdefault(n, set()).update(pictures)
    return found


def pictures_by_story(
    items: Sequence[etree._Element],
    texts: Sequence[etree._Element],
    pictures: Sequence[etree._Element],
) -> list[list[int]]:
    """For each of ``texts``, the positions in ``pictures`` of the pictures that go with it,
    in message order. ``items`` is the whole ``itemSet`` in order (packages included)."""
    if not texts:
        return []
    index = _picture_index(pictures)
    stories: dict[str, list[int]] = {}
    for n, text in enumerate(texts):
        guid = _attr(text, "guid")
        if guid:
            stories.setdefault(guid, []).append(n)
    chosen = [_linked(text, index) for text in texts]
    packages = [i for i in items if local_name(i) == "packageItem"]
    for n, found in _packaged(packages, stories, index).items():
        chosen[n].update(found)
    claimed: set[int] = set().union(*chosen)
    text_at = {t: n for n, t in enumerate(texts)}
    picture_pos = {p: n for n, p in enumerate(pictures)}
    story = 0
    for item in items:  # rule 4: unclaimed pictures go with the story before them
        if item in text_at:
            story = text_at[item]
        elif item in picture_pos and picture_pos[item] not in claimed:
            chosen[story].add(picture_pos[item])
    return [sorted(found) for found in chosen]


def item_class(item: etree._Element, path: str = "itemMeta/itemClass") -> str:
    """The item's class QCode (``ninat:text``) or URI, ``""`` when it has none (``path``
    ``"itemClass"`` reads the class a ``link`` or ``itemRef`` gives)."""
    element = _first(item, path)
    return (_attr(element, "qcode") or _attr(element, "uri") or "").strip()


def class_kind(klass: str) -> str:
    """``story``, ``picture`` or ``""`` for an item class QCode or URI, by its code (the
    part after the alias, or the URI's last segment): ``icls:text`` is a story."""
    name = klass.strip().rstrip("/").rsplit("/", 1)[-1].rpartition(":")[2].lower()
    return _CLASS_KINDS.get(name, "")


def _kind(item: etree._Element) -> str:
    """``story``, ``picture`` or ``""`` (another item): by its class
    (:func:`class_kind`); an item without a class is a picture when all it holds is
    picture files, else a story."""
    klass = item_class(item)
    if klass:
        return class_kind(klass)
    remotes = _all(item, "contentSet/remoteContent")
    if (
        remotes
        and _first(item, "contentSet/inlineXML") is None
        and _first(item, "contentSet/inlineData") is None
        and all((_attr(r, "contenttype") or "").lower().startswith(_PICTURE_TYPE) for r in remotes)
    ):
        return "picture"
    return "story"


def items_of(root: etree._Element) -> list[etree._Element]:
    """The items of a message's ``itemSet``, or the root item alone."""
    name = local_name(root)
    if name == "newsMessage":
        item_set = _first(root, "itemSet")
        return [c for c in item_set if local_name(c)] if item_set is not None else []
    return [root]


@attrs.frozen
class Message:
    """A message's items sorted once: stories, pictures, packages and the rest."""

    items: list[etree._Element]
    texts: list[etree._Element]
    pictures: list[etree._Element]
    others: list[etree._Element]

    @classmethod
    def of(cls, items: list[etree._Element]) -> Message:
        texts: list[etree._Element] = []
        pictures: list[etree._Element] = []
        others: list[etree._Element] = []
        for item in items:
            name = local_name(item)
            kind = _kind(item) if name == "newsItem" else None
            if kind == "story":
                texts.append(item)
            elif kind == "picture":
                pictures.append(item)
            elif name != "packageItem":
                others.append(item)
        return cls(items, texts, pictures, others)

    def warn_others(self) -> None:
        """Name the items no article carries (video, audio, events, concepts...)."""
        kinds = [
            f"{local_name(i)} {_attr(i, 'guid') or ''} ({item_class(i) or 'no class'})"
            for i in self.others[:_MAX_LISTED]
        ]
        what = "newsml: not read into the articles"
        warn_unread(what, kinds, len(self.others), stacklevel=4)
