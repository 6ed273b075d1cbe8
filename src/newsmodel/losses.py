"""What a writer could not carry, declared where it drops it.

A writer takes a :class:`Losses`, and each of its functions that leaves
something of the article out says so there, naming the exact field path::

    losses.drop("photos[0].renditions[1].name", "no place for a rendition name")
    losses.drop("published: time of day", "ninjs dates need a time of day")

A path is the article's attribute names joined by dots, an item of a tuple
by its index in brackets, and, after ``": "``, the part of a value that is
lost when the value itself stays (``published: milliseconds``). A path
covers every path under it. :meth:`Losses.at` gives a view that prefixes
every path, so a function writing one photo need not know its index.

When the writer is done, :func:`report` warns
(:class:`~newsmodel.errors.LossyConversionWarning`) or raises
(:class:`~newsmodel.errors.LossyConversionError`) with the paths as
``fields``. No writer reads its own output back to find its losses.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

from newsmodel.errors import report_loss

__all__ = [
    "NO_QUOTES",
    "Losses",
    "changed_paths",
    "declare_changes",
    "declare_fields",
    "declare_photo_list",
    "report",
]

#: Why a format without a place for quotes loses them (every format but newsmodel JSON).
NO_QUOTES = "no place for quotes, which newsmodel.read finds again in the text"


class Losses:
    """The field paths a writer dropped, each with why, in the order dropped."""

    def __init__(self, prefix: str = "", found: dict[str, str] | None = None) -> None:
        self._prefix = prefix
        self._found: dict[str, str] = {} if found is None else found

    def drop(self, path: str, reason: str = "") -> None:
        """Declare ``path`` (under this view's prefix) lost, because of ``reason``."""
        full = self._join(path)
        self._found.setdefault(full, reason)

    def unless_same(self, path: str, mine: object, theirs: object, reason: str) -> None:
        """Declare ``path`` lost when a reader makes ``theirs`` of the ``mine`` written."""
        if mine != theirs:
            self.drop(path, reason)

    def at(self, path: str) -> Losses:
        """A view of the same collection whose paths start with ``path``."""
        return Losses(self._join(path), self._found)

    def _join(self, path: str) -> str:
        if not self._prefix:
            return path
        if not path:
            return self._prefix
        return self._prefix + ("" if path[0] in "[:" else ".") + path

    def covers(self, path: str) -> bool:
        """Whether a declared path covers ``path``: itself, a path above it, or a dropped
        item of it (``photos[1]`` covers ``photos``, whose length changed)."""
        for declared in self._found:
            item = declared.split(": ", 1)[0]
            if path == item or path.startswith((item + ".", item + "[")):
                return True
            rest = item[len(path) :] if item.startswith(path + "[") else ""
            if rest.endswith("]") and rest[1:-1].isdigit():
                return True
        return False

    @property
    def paths(self) -> tuple[str, ...]:
        """Every declared path (whole collection, whatever the view), in order."""
        return tuple(self._found)

    def reasons(self) -> dict[str, str]:
        """Every declared path with its reason."""
        return dict(self._found)

    def __bool__(self) -> bool:
        return bool(self._found)

    def __repr__(self) -> str:
        return f"Losses({list(self._found)!r})"


def report(format: str, losses: Losses, *, strict: bool, stacklevel: int = 4) -> None:
    """Warn (or, when ``strict``, raise) about ``losses``; nothing when none were declared.

    The warning's and the error's ``fields`` are the declared paths; the message
    gives each path's reason.
    """
    report_loss(
        format, losses.paths, strict=strict, stacklevel=stacklevel, reasons=losses.reasons()
    )


def changed_paths(mine: Any, theirs: Any, path: str = "") -> list[str]:
    """The paths where two values differ, as deep as both have the same shape.

    Model objects of one class are compared field by field, tuples of one
    length item by item; anything else that differs is one path.
    """
    if mine == theirs:
        return []
    if attrs.has(type(mine)) and type(mine) is type(theirs):
        out: list[str] = []
        for field in attrs.fields(type(mine)):
            sub = f"{path}.{field.name}" if path else field.name
            out += changed_paths(getattr(mine, field.name), getattr(theirs, field.name), sub)
        return out
    if isinstance(mine, tuple) and isinstance(theirs, tuple) and len(mine) == len(theirs):
        out = []
        for i, (a, b) in enumerate(zip(mine, theirs, strict=True)):
            out += changed_paths(a, b, f"{path}[{i}]")
        return out
    return [path]


def declare_changes(losses: Losses, mine: Any, theirs: Any, reason: str) -> None:
    """Declare lost every path where ``theirs`` (what a format's convention makes of
    ``mine``, such as a byline line parsed again) differs from ``mine``."""
    for path in changed_paths(mine, theirs):
        losses.drop(path, reason)


def declare_fields(
    losses: Losses, mine: Any, theirs: Any, reasons: Mapping[str, str], other: str
) -> None:
    """:func:`declare_changes`, each path with the reason for its first field in
    ``reasons`` (``{"renditions": "a srcset holds a URL and a width"}``), else ``other``."""
    for path in changed_paths(mine, theirs):
        losses.drop(path, reasons.get(_FIELD.split(path, maxsplit=1)[0], other))


#: What ends a path's first field name: ``renditions`` of ``renditions[1].name``.
_FIELD = re.compile(r"[.\[:]")


def declare_photo_list(
    photos: tuple[Any, ...], back: tuple[Any, ...], losses: Losses, reason: str
) -> None:
    """Declare where a reader's photo list ``back`` differs from ``photos``, beyond the
    photos already declared dropped whole (``photos[2]``): item by item when the lengths
    agree, else the whole list (a figure's photo added, a duplicate merged)."""
    if len(back) == len(photos):
        for i, (mine, theirs) in enumerate(zip(photos, back, strict=True)):
            declare_changes(losses.at(f"photos[{i}]"), mine, theirs, reason)
        return
    dropped = sum(1 for i in range(len(photos)) if f"photos[{i}]" in losses.reasons())
    if len(photos) - dropped != len(back):
        losses.drop("photos", reason)
