"""Finding formats by name, extension or content, and loading them lazily."""

from __future__ import annotations

import contextlib
import functools
import importlib
import inspect
import os
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol, cast

import attrs

from newsmodel._input import (
    GZIP_MAGIC,
    PROLOGUE_BYTES,
    binary_kind,
    gzip_head,
    sniff_encoding,
    xml_prologue,
)
from newsmodel.errors import FormatError, UnknownFormatError
from newsmodel.io import FORMATS, FormatInfo
from newsmodel.model import Article

__all__ = [
    "FormatModule",
    "OptionInfo",
    "by_extension",
    "check_options",
    "detect_format",
    "formats",
    "get_format",
    "load",
    "options",
    "require",
    "stores_quotes",
    "writes_many",
]

#: How many leading bytes sniffers look at (from the start of the content).
SNIFF_BYTES = 8192
# the bytes taken from the input for sniffing: the prologue, then the content
_WINDOW = PROLOGUE_BYTES + SNIFF_BYTES
#: Keys of an undetected JSON object an error message names.
_KEYS_SHOWN = 5
#: Bytes of the longest UTF-8 character (one may be cut at the end of the head).
_UTF8_LONGEST = 4
#: Longest element name or key an error message shows.
_NAME_SHOWN = 40

# one item before the content of a markup document: white space, a comment or a processing
# instruction (left out); the XML declaration or a DOCTYPE, with its internal subset (kept).
# '<!-- a -->', '<?xml-stylesheet href="a"?>', '<?xml version="1.0"?>', '<!DOCTYPE nitf>'
# the element that opens markup content: '<conceptItem xmlns=...' gives 'conceptItem'
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
# a key of a JSON object: '"headline": ' gives 'headline'
_JSON_KEY = re.compile(rb'"((?:[^"\\\n]|\\.){1,200})"\s*:')

# characters no text document holds (white space aside): binary, not wide text
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


class FormatModule(Protocol):
    """What every format module (``newsmodel.io.*``) provides.

    ``read`` and ``write`` take the input (or the article) as their one
    positional argument; their options are keyword-only, each with a default,
    so that calling either with no option is always right. A module whose
    functions do not fit fails ``mypy`` (see the table at the end of this
    module); the options are listed by :func:`options`.
    """

    FORMAT: FormatInfo

    def read(self, data: bytes | str, /) -> Article: ...

    def write(self, article: Article, /) -> str: ...

    def sniff(self, head: bytes, /) -> bool: ...


@attrs.frozen(kw_only=True)
class OptionInfo:
    """One keyword option of a reader or writer, as its signature declares it.

    For ``max_bytes: int = DEFAULT_MAX_BYTES``: ``name="max_bytes"``,
    ``annotation="int"``, ``types=(int,)``, ``default=67108864``.
    """

    name: str
    #: The type as written in the signature (``"int | None"``).
    annotation: str
    #: The classes a value may be, ``type(None)`` included when ``None`` is allowed.
    types: tuple[type, ...]
    default: object
    #: The values a ``Literal[...]`` annotation allows (``("xhtml", "nitf")``); empty otherwise.
    choices: tuple[object, ...] = ()


_BY_NAME: Mapping[str, FormatInfo] = {
    key: info for info in FORMATS for key in (info.name, *info.aliases)
}


def formats() -> tuple[FormatInfo, ...]:
    """Every format newsmodel knows, in sniffing order."""
    return FORMATS


def get_format(name: str) -> FormatInfo:
    """The format called ``name`` (or one of its aliases), case-insensitively."""
    info = _BY_NAME.get(name.strip().lower()) if isinstance(name, str) else None
    if info is None:
        known = ", ".join(f.name for f in FORMATS)
        raise UnknownFormatError(f"unknown format {name!r} (known formats: {known})")
    return info


#: Each format's module once loaded, by module name: detection asks for several on
#: every input, and ``import_module`` costs more than a look-up each time.
_LOADED: dict[str, FormatModule] = {}


def load(info: FormatInfo) -> FormatModule:
    """The module that implements ``info`` (imported on first use)."""
    checked = _LOADED.get(info.module)
    if checked is None:
        # Every module in the table is checked against FormatModule statically (below);
        # this is the one place a module object is taken on trust, by its name.
        checked = _LOADED[info.module] = importlib.import_module(info.module)
    return checked


#: What a format module may provide when whether its documents store quotes depends on
#: the options they are read with: ``stores_quotes(options) -> bool``.
StoresQuotes = Callable[[Mapping[str, object]], bool]


def stores_quotes(info: FormatInfo, options: Mapping[str, object]) -> bool:
    """Whether documents of ``info`` read with ``options`` keep quotes of their own, so
    that reading must not find them again: the format module's ``stores_quotes(options)``
    where it has one (a container whose documents' format is an option, such as JSON
    Lines with ``inner=``), else :attr:`FormatInfo.stores_quotes`."""
    hook = getattr(load(info), "stores_quotes", None)
    if callable(hook):
        return bool(cast("StoresQuotes", hook)(options))
    return info.stores_quotes


def writes_many(info: FormatInfo) -> bool:
    """Whether one document of ``info`` holds many articles, so that
    :func:`newsmodel.write_many` writes it (``rss``, ``atom``, ``jsonfeed``, ``jsonl``,
    ``newsml`` as a ``newsMessage``); ``nitf`` holds one."""
    return info.can_write and callable(getattr(load(info), "write_many", None))


def _types(annotation: object) -> tuple[type, ...]:
    """The classes an annotation allows: ``int | None`` gives ``(int, NoneType)``."""
    if annotation is None:
        return (type(None),)
    members = typing.get_args(annotation) if _is_union(annotation) else (annotation,)
    found: list[type] = []
    for member in members:
        if typing.get_origin(member) is typing.Literal:
            found.extend(type(choice) for choice in typing.get_args(member))
            continue
        member = type(None) if member is None else typing.get_origin(member) or member
        if isinstance(member, type):
            found.append(member)
    return tuple(dict.fromkeys(found)) or (object,)


def _choices(annotation: object) -> tuple[object, ...]:
    """The values of the ``Literal[...]`` in an annotation: ``Literal["a", "b"] | None`` gives
    ``("a", "b")``; ``()`` for an annotation without one."""
    members = typing.get_args(annotation) if _is_union(annotation) else (annotation,)
    return tuple(
        choice
        for member in members
        if typing.get_origin(member) is typing.Literal
        for choice in typing.get_args(member)
    )


def _is_union(annotation: object) -> bool:
    return isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union


@functools.cache
def _option_infos(func: Callable[..., object]) -> tuple[OptionInfo, ...]:
    """The keyword-only parameters of ``func``: name, type and default (worked out once
    per function: resolving the annotations costs more than a small read)."""
    written = inspect.signature(func).parameters
    resolved = inspect.signature(func, eval_str=True).parameters
    return tuple(
        OptionInfo(
            name=name,
            annotation=str(param.annotation),
            types=_types(resolved[name].annotation),
            default=param.default,
            choices=_choices(resolved[name].annotation),
        )
        for name, param in written.items()
        if param.kind is inspect.Parameter.KEYWORD_ONLY
    )


def options(info: FormatInfo, *, reading: bool) -> tuple[OptionInfo, ...]:
    """The options of the reader (``reading=True``) or writer of ``info``, in signature order.

    :func:`newsmodel.read` adds ``quotes`` to every reader's options; it is not
    listed here. Raises :class:`FormatError` for a direction the format does not have.
    """
    module = require(info, reading=reading)
    return _option_infos(module.read if reading else module.write)


def check_options(func: Callable[..., object], what: str, options: Mapping[str, object]) -> None:
    """Refuse options a reader or writer does not take, naming the ones it does."""
    accepted = [option.name for option in _option_infos(func)]
    unknown = sorted(set(options) - set(accepted))
    if unknown:
        takes = ", ".join(accepted) or "none"
        raise FormatError(f"{what} has no option {', '.join(unknown)} (options: {takes})")


def by_extension(filename: str) -> list[FormatInfo]:
    """The formats whose longest matching extension ends ``filename``."""
    lower = os.path.basename(filename).lower()
    best: list[FormatInfo] = []
    best_len = 0
    for info in FORMATS:
        for ext in info.extensions:
            if lower.endswith(ext):
                if len(ext) > best_len:
                    best, best_len = [info], len(ext)
                elif len(ext) == best_len and info not in best:
                    best.append(info)
    return best


def _sniff_head(data: bytes | str) -> bytes:
    """The first :data:`SNIFF_BYTES` of ``data`` as UTF-8, whatever its encoding, from the
    start of its content (see :func:`_past_prologue`).

    Sniffers look for ASCII markup, so UTF-16/32 input (found by its BOM or
    byte pattern) is decoded first, when it decodes to text without control
    characters; anything else is sniffed as it is.
    """
    if isinstance(data, str):
        return _pastxml_prologue(data[:_WINDOW].encode("utf-8", "replace"))
    if not isinstance(data, (bytes, bytearray, memoryview)):
        return b""  # the reader refuses it with a ReadError
    head = bytes(data[: _WINDOW * 4])
    if head.startswith(GZIP_MAGIC):  # a compressed page: what it holds is sniffed
        head = gzip_head(data, _WINDOW * 4)
    codec = sniff_encoding(head)
    if codec is not None and codec.startswith(("utf-16", "utf-32")):
        with contextlib.suppress(UnicodeDecodeError):
            text = head[: len(head) - len(head) % 4].decode(codec)
            if not _CONTROL.search(text):
                return _pastxml_prologue(text.encode("utf-8")[:_WINDOW])
    return _pastxml_prologue(head[:_WINDOW])


def _pastxml_prologue(head: bytes) -> bytes:
    """``head`` from its first element (or other content) on, for the sniffers.

    A BOM, white space, comments and processing instructions before it are
    left out (a comment may name another format); the XML declaration and the
    DOCTYPE are kept (the first of each), as the sniffers read them. Only the
    first :data:`PROLOGUE_BYTES` are searched, and :data:`SNIFF_BYTES` of content kept.

    >>> _pastxml_prologue(b'<?xml version="1.0"?>\\n<!-- from NewsML -->\\n<nitf>')
    b'<?xml version="1.0"?><nitf>'
    """
    kept, at = xml_prologue(head)
    return kept + head[at : at + SNIFF_BYTES]


def detect_format(data: bytes | str, filename: str | None = None) -> FormatInfo:
    """Guess the format of ``data``: by ``filename``'s extension, then by content.

    When the extension names one format, that is the answer; when it names
    several, or none, each format's sniffer is tried in the order of
    :func:`formats`, on the content after any leading white space, comments and
    processing instructions. Raises :class:`UnknownFormatError` saying what the
    input looks like and which formats came closest; input that is no text (a
    PDF, binary data) is refused whatever its name.
    """
    head = _sniff_head(data)
    where = f"{filename!r}" if filename else "the input"
    kind = binary_kind(head)
    if kind is not None:
        raise UnknownFormatError(
            f"cannot tell the format of {where}: it looks like {kind}, which no format reads"
        )
    candidates = by_extension(filename) if filename else []
    if len(candidates) == 1:
        return candidates[0]
    pool = candidates or [f for f in FORMATS if f.can_read]
    tried = []
    for info in pool:
        tried.append(info.name)
        if load(info).sniff(head):
            return info
    named = " (as its extension says)" if candidates else ""
    raise UnknownFormatError(
        f"cannot tell the format of {where}: {_looks_like(head, pool)}; "
        f"tried {', '.join(tried)}{named}; name the format explicitly"
    )


def _family(pool: list[FormatInfo], suffixes: tuple[str, ...]) -> str:
    """The names of the formats in ``pool`` whose media types end with one of ``suffixes``."""
    names = [f.name for f in pool if any(t.endswith(suffixes) for t in f.media_types)]
    return ", ".join(names) or "any format tried"


def _looks_like(head: bytes, pool: list[FormatInfo]) -> str:
    """What undetected input looks like, and which formats of its kind were tried.

    ``head`` is the input from its content on (:func:`_sniff_head`)."""
    content = head[xml_prologue(head)[1] :]
    if not content:
        return "it has no content (empty, or only white space and comments)"
    root = _ROOT.match(content)
    if root is not None:
        markup = _family(pool, ("xml", "html"))
        return f"looks like XML with root <{_shown(root.group(1))}>, which none of {markup} reads"
    if content[:1] in (b"{", b"["):
        keys = ", ".join(_shown(k) for k in _JSON_KEY.findall(content)[:_KEYS_SHOWN])
        what = "object" if content[:1] == b"{" else "array"
        seen = f" (keys seen first: {keys})" if keys else ""
        return f"a JSON {what} without the keys of {_family(pool, ('json',))}{seen}"
    if content[:1] == b"<":
        return f"starts like markup, but with no element {_family(pool, ('xml', 'html'))} reads"
    try:
        content[: SNIFF_BYTES - _UTF8_LONGEST].decode("utf-8")
    except UnicodeDecodeError:
        return "looks like text that is not UTF-8, which the text format needs"
    return f"looks like plain text, which none of {', '.join(f.name for f in pool)} reads"


def _shown(name: bytes) -> str:
    """A name from the input as a message shows it: decoded, cut short."""
    return name.decode("utf-8", "replace")[:_NAME_SHOWN]


def require(info: FormatInfo, *, reading: bool) -> FormatModule:
    """The module of ``info``, refusing a direction the format does not support."""
    if reading and not info.can_read:
        raise FormatError(f"format {info.name!r} can be written but not read")
    if not reading and not info.can_write:
        raise FormatError(f"format {info.name!r} can be read but not written")
    return load(info)


if TYPE_CHECKING:
    # Every format module against the contract, one line each: mypy names the
    # module whose FORMAT, read, write or sniff does not fit FormatModule.
    from newsmodel.io import (
        atom,
        html,
        jsonfeed,
        jsonl,
        jsonld,
        newsml,
        newsml1,
        newsmodel_json,
        ninjs,
        nitf,
        rss,
        text,
    )

    _NEWSMODEL: FormatModule = newsmodel_json
    _NINJS: FormatModule = ninjs
    _NEWSML1: FormatModule = newsml1
    _JSONLD: FormatModule = jsonld
    _NEWSML: FormatModule = newsml
    _NITF: FormatModule = nitf
    _HTML: FormatModule = html
    _TEXT: FormatModule = text
    _RSS: FormatModule = rss
    _ATOM: FormatModule = atom
    _JSONFEED: FormatModule = jsonfeed
    _JSONL: FormatModule = jsonl
