"""Checks that model objects a reader made without the constructors' checks are what
the public constructors would make (shared by the trusted-path tests)."""

from __future__ import annotations

from typing import Any

import attrs

from newsmodel.model_fields import validate_all


def rebuilt(value: Any) -> Any:
    """``value`` made again through the public constructors (converters and validators run)."""
    if isinstance(value, tuple):
        return tuple(rebuilt(item) for item in value)
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return type(value)(**{f.name: rebuilt(getattr(value, f.name)) for f in fields})
    return value


def assert_as_constructed(value: Any) -> None:
    """``value`` (an instance, or tuples of them) passes every validator and equals, with
    the same ``repr``, what the public constructors make of its fields."""
    validate_all(value)
    again = rebuilt(value)
    assert again == value
    assert repr(again) == repr(value)
