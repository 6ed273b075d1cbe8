"""cattrs rules that turn the model into JSON-ready data and back.

Shaped like cattrs' own ``preconf`` modules: :func:`configure_converter`
adds newsmodel's hooks to a converter you own, :func:`make_converter` returns
a fresh one. cattrs' global converter is never touched.

The rules are strict on the way in: a string must be a string (no ``5`` for
``"5"``), an integer an integer (no ``true``, no ``1.0``), unknown keys are
refused, and every failure names its JSON path.

Shapes:

* inline content is a list whose items are strings or objects tagged with
  ``"type"`` (``link``, ``em``, ``strong``, ``q``, ``br``);
* blocks are objects tagged with ``"type"`` (``paragraph``, ``heading``,
  ``blockquote``, ``list``, ``figure``, ``table``, ``embed``);
* a day is ``"YYYY-MM-DD"``, a point in time is ISO 8601 with ``T`` and, when
  known, its UTC offset exactly as the source gave it;
* defaults (``null``, empty lists) are left out.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from newsmodel import model as m

__all__ = [
    "BLOCK_TAGS",
    "INLINE_TAGS",
    "configure_converter",
    "describe_error",
    "format_exception",
    "json_type",
    "make_converter",
    "parse_date_value",
]

T = TypeVar("T")

#: JSON ``type`` tag of each inline node class.
INLINE_TAGS: Mapping[type, str] = {
    m.Link: "link",
    m.Emphasis: "em",
    m.Strong: "strong",
    m.InlineQuote: "q",
    m.LineBreak: "br",
}
#: JSON ``type`` tag of each block class.
BLOCK_TAGS: Mapping[type, str] = {
    m.Paragraph: "paragraph",
    m.Heading: "heading",
    m.BlockQuote: "blockquote",
    m.ListBlock: "list",
    m.Figure: "figure",
    m.Table: "table",
    m.RawEmbed: "embed",
}

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_INSTANT = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?"
    r"(?:Z|[+-]\d{2}:\d{2}(?::\d{2})?)?"
)


def parse_date_value(text: str) -> m.DateValue:
    """Read a date as newsmodel JSON writes it: ``YYYY-MM-DD`` or ISO 8601 with ``T``.

    Raises :class:`ValueError` for anything else.
    """
    if _DAY.fullmatch(text):
        return datetime.date.fromisoformat(text)
    if _INSTANT.fullmatch(text):
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        return datetime.datetime.fromisoformat(text)
    raise ValueError(f"{text!r} is not YYYY-MM-DD or an ISO 8601 date and time")


def _format_date_value(value: m.DateValue) -> str:
    return value.isoformat()


def _strict(kind: type[T], name: str) -> Callable[[Any, Any], T]:
    def structure(value: Any, _type: Any) -> T:
        if type(value) is not kind:
            raise TypeError(f"expected {name}, got {json_type(value)}")
        return value

    return structure


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type (``string``, ``number``, ``array``…)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _structure_date(value: Any, _type: Any) -> m.DateValue | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"expected a date string, got {json_type(value)}")
    return parse_date_value(value)


def _unstructure_date(value: m.DateValue | None) -> str | None:
    return None if value is None else _format_date_value(value)


def _enum_hook(kind: type[enum.Enum]) -> Callable[[Any, Any], Any]:
    values = ", ".join(repr(e.value) for e in kind)

    def structure(value: Any, _type: Any) -> Any:
        if not isinstance(value, str):
            raise TypeError(f"expected a string, got {json_type(value)}")
        try:
            return kind(value)
        except ValueError:
            raise ValueError(f"{value!r} is not one of {values}") from None

    return structure


def _register_tagged(
    converter: cattrs.Converter, tags: Mapping[type, str], what: str, union: Any
) -> None:
    """Tag each class of a union with ``"type"`` in JSON, and dispatch on it when reading."""
    by_tag = {tag: cls for cls, tag in tags.items()}
    known = ", ".join(sorted(by_tag))

    def unstructure_union(value: Any) -> Any:
        return value if isinstance(value, str) else converter.unstructure(value)

    def structure_union(value: Any, _type: Any) -> Any:
        if isinstance(value, str) and what == "inline":
            return value
        if not isinstance(value, dict):
            expected = "a string or an object" if what == "inline" else "an object"
            raise TypeError(f"expected {what} as {expected}, got {json_type(value)}")
        tag = value.get("type")
        cls = by_tag.get(tag) if isinstance(tag, str) else None
        if cls is None:
            raise ValueError(f"unknown {what} type {tag!r} (known: {known})")
        return converter.structure(value, cls)

    converter.register_unstructure_hook(union, unstructure_union)
    converter.register_structure_hook(union, structure_union)

    # after the union hooks, so that classes that nest the union find them
    for cls, tag in tags.items():
        plain_un: Any = make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
        plain_st: Any = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

        def unstructure(value: Any, _tag: str = tag, _fn: Any = plain_un) -> Any:
            return {"type": _tag, **_fn(value)}

        def structure(value: Any, cl: Any, _tag: str = tag, _fn: Any = plain_st) -> Any:
            if not isinstance(value, dict):
                raise TypeError(f"expected an object, got {json_type(value)}")
            if value.get("type", _tag) != _tag:
                raise ValueError(f"expected type {_tag!r}, got {value.get('type')!r}")
            return _fn({k: v for k, v in value.items() if k != "type"}, cl)

        converter.register_unstructure_hook(cls, unstructure)
        converter.register_structure_hook(cls, structure)


def _strict_tuple_factory(kind: Any, converter: cattrs.BaseConverter) -> Any:
    inner = homogenous_tuple_structure_factory(kind, converter)

    def structure(value: Any, cl: Any) -> Any:
        if not isinstance(value, list):
            raise TypeError(f"expected an array, got {json_type(value)}")
        return inner(value, cl)

    return structure


def _strict_class_factory(kind: Any, converter: cattrs.BaseConverter) -> Any:
    forbid = getattr(converter, "forbid_extra_keys", True)
    inner = make_dict_structure_fn(kind, converter, _cattrs_forbid_extra_keys=forbid)

    def structure(value: Any, cl: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {json_type(value)}")
        return inner(value, cl)

    return structure


def _is_homogenous_tuple(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_model_class(kind: Any) -> bool:
    return isinstance(kind, type) and attrs.has(kind) and kind.__module__ == m.__name__


def format_exception(exc: BaseException, _type: Any) -> str:
    """Describe one structuring failure (cattrs ``transform_error`` formatter)."""
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown key(s): {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError):
        return "required key is missing"
    if isinstance(exc, (ValueError, TypeError)) and exc.args:
        return str(exc.args[0])
    return f"invalid value ({type(exc).__name__})"


def describe_error(exc: BaseException, path: str = "$") -> list[tuple[str, str]]:
    """The failures inside a cattrs error as ``(JSON path, reason)`` pairs."""
    pairs: list[tuple[str, str]] = []
    for line in cattrs.transform_error(exc, path=path, format_exception=format_exception):
        reason, _, where = line.rpartition(" @ ")
        pairs.append((where, reason))
    return pairs


def configure_converter(converter: cattrs.Converter) -> None:
    """Install newsmodel's hooks on ``converter`` (which should forbid extra keys)."""
    converter.register_structure_hook_factory(_is_homogenous_tuple, _strict_tuple_factory)
    converter.register_structure_hook_factory(_is_model_class, _strict_class_factory)
    for kind, name in ((str, "a string"), (int, "an integer"), (bool, "a boolean")):
        converter.register_structure_hook(kind, _strict(kind, name))
    for enum_type in (m.BylineKind, m.QuoteKind, m.QuotePart, m.TopicKind, m.PubStatus):
        converter.register_structure_hook(enum_type, _enum_hook(enum_type))
    for date_type in (m.DateValue, m.DateValue | None):
        converter.register_structure_hook(date_type, _structure_date)
        converter.register_unstructure_hook(date_type, _unstructure_date)
    _register_tagged(converter, INLINE_TAGS, "inline", m.Inline)
    _register_tagged(converter, BLOCK_TAGS, "block", m.Block)


def make_converter(**kwargs: Any) -> cattrs.Converter:
    """A new converter with newsmodel's rules: strict, omitting defaults, paths in errors."""
    kwargs.setdefault("forbid_extra_keys", True)
    kwargs.setdefault("omit_if_default", True)
    kwargs.setdefault("detailed_validation", True)
    converter = cattrs.Converter(**kwargs)
    configure_converter(converter)
    return converter
