"""The model's field rules: the validators and field makers its classes share.

Every rule raises :class:`~newsmodel.errors.ModelValidationError` naming the field.
Internal to the model (:mod:`newsmodel.model` re-exports :data:`NOT_TEXT` only).
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from newsmodel.errors import ModelValidationError

__all__ = [
    "NOT_TEXT",
    "Validator",
    "as_tuple",
    "check_chars",
    "enum_of",
    "instances",
    "opt_date",
    "opt_int",
    "opt_language",
    "opt_text",
    "opt_text_field",
    "required_text",
]


#: An attrs validator: called with the instance, the attribute and the value.
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

#: Characters the model refuses in text (and readers drop): controls other than tab and
#: newlines, lone surrogates, U+FFFE and U+FFFF. "a\x00b" holds one.
NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# BCP 47 language tag, a practical subset: language (2-3 letters with up to three
# extensions, or 4-8 letters), script, region, variants, extensions, private use;
# or a private-use tag on its own.
_LANGUAGE_TAG = re.compile(
    r"(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?"
    r"|[xX](?:-[A-Za-z0-9]{1,8})+"
)


def check_chars(name: str, value: str) -> None:
    bad = NOT_TEXT.search(value)
    if bad is not None:
        raise ModelValidationError(
            f"character U+{ord(bad.group()):04X} at offset {bad.start()} is not allowed in text",
            field=name,
        )


def required_text(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A non-blank string without control characters."""
    if not isinstance(value, str):
        raise ModelValidationError(
            f"expected a string, got {type(value).__name__}", field=attribute.name
        )
    if not value or value.isspace():
        raise ModelValidationError("must not be empty or blank (use None)", field=attribute.name)
    if NOT_TEXT.search(value) is not None:
        check_chars(attribute.name, value)


def opt_text(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        required_text(inst, attribute, value)


def opt_int(low: int, high: int | None = None) -> Validator:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise ModelValidationError(f"expected an integer, got {value!r}", field=attribute.name)
        if value < low or (high is not None and value > high):
            span = f"{low}–{high}" if high is not None else f"≥ {low}"
            raise ModelValidationError(f"{value} is outside {span}", field=attribute.name)

    return check


def opt_date(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, datetime.date):
        raise ModelValidationError(
            f"expected a date or datetime, got {type(value).__name__}", field=attribute.name
        )
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        offset = value.utcoffset()
        if offset is not None and offset.microseconds:
            raise ModelValidationError(
                f"UTC offset {offset} is not whole seconds", field=attribute.name
            )


def opt_language(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, str) or _LANGUAGE_TAG.fullmatch(value) is None:
        raise ModelValidationError(f"{value!r} is not a BCP 47 language tag", field=attribute.name)


def instances(*types: type) -> Validator:
    names = " or ".join(t.__name__ for t in types)

    def check(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        for i, item in enumerate(value):
            if not isinstance(item, types):
                raise ModelValidationError(
                    f"expected {names}, got {type(item).__name__}", field=f"{attribute.name}[{i}]"
                )

    return check


def enum_of(cls: type[enum.Enum]) -> Validator:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not isinstance(value, cls):
            raise ModelValidationError(
                f"expected {cls.__name__}, got {value!r}", field=attribute.name
            )

    return check


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)):
        raise ModelValidationError("expected a sequence, got a string")
    try:
        return tuple(value)
    except TypeError:
        raise ModelValidationError(f"expected a sequence, got {type(value).__name__}") from None


def opt_text_field() -> Any:
    return attrs.field(default=None, validator=opt_text)
