"""The model's field rules: the validators and field makers its classes share.

Every rule raises :class:`~newsmodel.errors.ModelValidationError` naming the field.
Internal to the model (:mod:`newsmodel.model` re-exports :data:`NOT_TEXT` only).
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Callable, Iterable
from itertools import repeat
from typing import Any, TypeVar, cast

import attrs

from newsmodel.errors import ModelValidationError

__all__ = [
    "NOT_TEXT",
    "Validator",
    "as_tuple",
    "check_chars",
    "enum_of",
    "holds_refused",
    "instances",
    "opt_date",
    "opt_int",
    "opt_language",
    "opt_text",
    "opt_text_field",
    "required_text",
    "trusted_keyword_maker",
    "trusted_maker",
    "utf8_holds_refused",
    "validate_all",
]

#: Any model class, for :func:`trusted_maker`.
_T = TypeVar("_T")


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


#: The characters :data:`NOT_TEXT` matches, the surrogates aside (``in`` finds each fast).
_REFUSED_CHARS = (
    *(chr(code) for code in (*range(0x9), 0xB, 0xC, *range(0xE, 0x20))),
    "\ufffe",
    "\uffff",
)
#: The refused characters below U+0080 as byte values: in UTF-8 each is a byte of its own,
#: which no other character's encoding holds (``in`` finds each with one ``memchr``).
_REFUSED_BYTES = tuple(ord(char) for char in _REFUSED_CHARS if char < "\x80")
#: The refused characters from U+0080 on (U+FFFE, U+FFFF), looked for in the text.
_REFUSED_WIDE = tuple(char for char in _REFUSED_CHARS if char >= "\x80")
#: From this length on, :func:`holds_refused` looks for each refused character with
#: ``in`` (a C search each) rather than run :data:`NOT_TEXT`, which costs more per
#: character: at about 200 characters the two cost alike, at 4,000 the regex three times.
_SCAN_FROM = 256


def holds_refused(text: str) -> bool:
    r"""Whether ``text`` holds a character the model refuses (``NOT_TEXT.search(text)``,
    faster on long text such as a page's markup).

    >>> holds_refused("a\x00b"), holds_refused("a\tb")
    (True, False)
    """
    if len(text) < _SCAN_FROM:
        return NOT_TEXT.search(text) is not None
    if text.isascii():
        for char in _REFUSED_CHARS:  # noqa: SIM110 (a loop: any() of a generator costs more)
            if char in text:
                return True
        return False
    try:
        data = text.encode("utf-8")  # a lone surrogate is the one character it cannot encode
    except UnicodeEncodeError:
        return True
    return utf8_holds_refused(text, data)


def utf8_holds_refused(text: str, data: bytes) -> bool:
    r""":func:`holds_refused` of ``text``, given ``data``, its UTF-8 encoding (so no lone
    surrogate): the controls are looked for in ``data`` (a search in a ``str`` of wide
    characters costs several times as much), U+FFFE and U+FFFF in ``text``.

    >>> utf8_holds_refused("é\x01" * 200, ("é\x01" * 200).encode())
    True
    """
    if len(text) < _SCAN_FROM:
        return NOT_TEXT.search(text) is not None
    for byte in _REFUSED_BYTES:  # (a loop: any() of a generator costs more)
        if byte in data:
            return True
    return not text.isascii() and any(char in text for char in _REFUSED_WIDE)


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


#: Sets a field of a frozen instance (as attrs' own ``__init__`` does).
_set_field = object.__setattr__
#: Makes an instance without running its ``__init__``.
_new_instance = object.__new__


def trusted_maker(cls: type[_T]) -> Callable[..., _T]:
    """A maker of instances of the frozen, slotted attrs class ``cls`` from the values of
    its fields, given in their order, with no converter and no validator run.

    Only for newsmodel's own readers, and only for values valid and normal by
    construction: what the validators would pass and the converters give back unchanged
    (the markup reader's text from markup its parse has cleaned, content already merged
    into normal form). The public constructors keep checking everything; the tests
    rebuild what the readers make through them and compare. Classes of up to three
    fields (the inline nodes and text blocks, which readers make most) get a maker of
    their own; a larger one (a photo's nine) one that sets its fields in a loop.

    >>> from newsmodel.model import Link
    >>> make_link = trusted_maker(Link)  # (content, url, title)
    >>> make_link(("Here",), "https://example.org/", None) == Link(
    ...     content=("Here",), url="https://example.org/"
    ... )
    True
    """
    if "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__} is not a slotted attrs class")
    names = tuple(field.name for field in attrs.fields(cast("type[attrs.AttrsInstance]", cls)))
    # one maker for each count, unrolled: a loop over the fields costs about twice as much
    if len(names) == 1:
        (first,) = names

        def make_one(value: Any) -> _T:
            instance = _new_instance(cls)
            _set_field(instance, first, value)
            return instance

        return make_one
    if len(names) == 2:
        first, second = names

        def make_two(value: Any, other: Any) -> _T:
            instance = _new_instance(cls)
            _set_field(instance, first, value)
            _set_field(instance, second, other)
            return instance

        return make_two
    if len(names) == 3:
        first, second, third = names

        def make_three(value: Any, other: Any, last: Any) -> _T:
            instance = _new_instance(cls)
            _set_field(instance, first, value)
            _set_field(instance, second, other)
            _set_field(instance, third, last)
            return instance

        return make_three
    count = len(names)

    def make_many(*values: Any) -> _T:
        if len(values) != count:
            raise TypeError(f"{cls.__name__} takes {count} values, got {len(values)}")
        instance = _new_instance(cls)
        # (map runs the loop in C: a Python loop's bytecode costs as much as the setting)
        any(map(_set_field, repeat(instance, count), names, values))
        return instance

    return make_many


#: Default values a :func:`trusted_keyword_maker` instance may share with every other:
#: immutable, so one value serves them all (``None``, ``()``, an enum member, a number).
_SHARED_DEFAULTS = (type(None), tuple, enum.Enum, int, str)


def trusted_keyword_maker(cls: type[_T], *, checked: Iterable[str] = ()) -> Callable[..., _T]:
    """A maker of instances of the frozen, slotted attrs class ``cls`` from keyword
    values (as its constructor takes them; fields not given get their defaults), with no
    converter and no validator run, except for the fields named in ``checked``, which go
    through their converter and validator as the constructor would.

    The trust boundary is the caller's: only for newsmodel's own readers, and only for
    the fields whose values come from producers that guarantee what the field's
    validator checks and what its converter would give back (:func:`trusted_maker`'s
    rule); every other field is named in ``checked``. Classes of any size (an article's
    27 fields cost about a fifth of its constructor this way).

    >>> from newsmodel.model import Photo
    >>> make_photo = trusted_keyword_maker(Photo, checked=("width",))
    >>> make_photo(url="https://example.org/a.jpg", width=640) == Photo(
    ...     url="https://example.org/a.jpg", width=640
    ... )
    True
    >>> make_photo(url="https://example.org/a.jpg", width=0)
    Traceback (most recent call last):
    newsmodel.errors.ModelValidationError: width: 0 is outside ≥ 1
    """
    if "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__} is not a slotted attrs class")
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cast("type[attrs.AttrsInstance]", cls))
    defaults: dict[str, Any] = {}
    for field in fields:
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                raise TypeError(f"{cls.__name__}.{field.name}: a default that takes self")
            default = default.factory()
        if default is attrs.NOTHING or not isinstance(default, _SHARED_DEFAULTS):
            raise TypeError(f"{cls.__name__}.{field.name}: no shareable default")
        defaults[field.name] = default
    wanted = set(checked)
    missing = wanted - defaults.keys()
    if missing:
        raise TypeError(f"{cls.__name__} has no field {sorted(missing)}")
    return _keyword_maker(cls, fields, defaults, wanted)


#: What the code :func:`_keyword_maker` writes names besides the fields (its globals and
#: its one local): no field of a model class starts with it.
_MAKER_NAME = "_nm_"


def _keyword_maker(
    cls: type[_T],
    fields: tuple[attrs.Attribute[Any], ...],
    defaults: dict[str, Any],
    wanted: set[str],
) -> Callable[..., _T]:
    """The function :func:`trusted_keyword_maker` returns, written out for ``cls``: its
    fields as keyword-only parameters with their defaults (Python itself merges the
    values given with the defaults and refuses an unknown name, with a ``TypeError``),
    each slot set through its own descriptor, one line a field, then the ``wanted``
    fields converted and validated in field order, as the constructor would. About half
    the cost of a loop over a merged dictionary, for an article's 26 fields."""
    scope: dict[str, Any] = {f"{_MAKER_NAME}new": _new_instance, f"{_MAKER_NAME}cls": cls}
    params, lines, checks = [], [], []
    instance = f"{_MAKER_NAME}instance"
    for index, field in enumerate(fields):
        name = field.name
        if not name.isidentifier() or name.startswith(_MAKER_NAME):
            raise TypeError(f"{cls.__name__}.{name}: not a name a maker can take")
        setter = f"{_MAKER_NAME}set{index}"
        scope[setter] = getattr(cls, name).__set__
        scope[f"{_MAKER_NAME}default{index}"] = defaults[name]
        params.append(f"{name}={_MAKER_NAME}default{index}")
        lines.append(f"    {setter}({instance}, {name})")
        if name not in wanted:
            continue
        if isinstance(field.converter, attrs.Converter):
            raise TypeError(f"{cls.__name__}.{name}: a converter that takes more")
        if field.converter is not None:
            scope[f"{_MAKER_NAME}convert{index}"] = field.converter
            checks.append(f"    {name} = {_MAKER_NAME}convert{index}({name})")
            checks.append(f"    {setter}({instance}, {name})")
        if field.validator is not None:
            scope[f"{_MAKER_NAME}check{index}"] = field.validator
            scope[f"{_MAKER_NAME}field{index}"] = field
            checks.append(
                f"    {_MAKER_NAME}check{index}({instance}, {_MAKER_NAME}field{index}, {name})"
            )
    source = "\n".join(
        [
            f"def make(*, {', '.join(params)}):",
            f"    {instance} = {_MAKER_NAME}new({_MAKER_NAME}cls)",
            *lines,
            *checks,
            f"    return {instance}",
        ]
    )
    # (the source is made of the class's own field names, each checked to be a name,
    # never of input)
    exec(compile(source, f"<newsmodel maker of {cls.__name__}>", "exec"), scope)
    made: Callable[..., _T] = scope["make"]
    return made


#: Each attrs class's fields with their validators, for :func:`validate_all`.
_CHECKS: dict[type, tuple[tuple[attrs.Attribute[Any], Validator | None], ...]] = {}


def _checks(cls: type) -> tuple[tuple[attrs.Attribute[Any], Validator | None], ...]:
    checks = _CHECKS.get(cls)
    if checks is None:
        fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
        checks = _CHECKS[cls] = tuple((field, field.validator) for field in fields)
    return checks


def validate_all(value: Any) -> None:
    """Run the validators of every attrs instance in ``value`` (one, or tuples of them,
    nested: a body's blocks), as their constructors would; raise the first error.

    What :func:`trusted_maker`'s instances skipped, for a reader that cannot vouch for
    its input.
    """
    if isinstance(value, tuple):
        for item in value:
            if not isinstance(item, (str, int)) and item is not None:
                validate_all(item)
        return
    if not attrs.has(type(value)):
        return
    for field, validator in _checks(type(value)):
        item = getattr(value, field.name)
        if validator is not None:
            validator(value, field, item)
        if not isinstance(item, (str, int)) and item is not None:
            validate_all(item)
