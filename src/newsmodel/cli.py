"""The ``newsmodel`` command: a thin layer over the public API."""

from __future__ import annotations

import argparse
import datetime
import itertools
import math
import re
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple, TextIO

import newsmodel
from newsmodel import cli_batch, cli_many
from newsmodel._input import DEFAULT_MAX_BYTES, file_bytes
from newsmodel._outputs import json_lines
from newsmodel.errors import (
    IgnoredContentWarning,
    NewsmodelError,
    NewsmodelWarning,
    NoArticleError,
)
from newsmodel.io import FormatInfo
from newsmodel.model import Article, BylineKind
from newsmodel.registry import OptionInfo, detect_format, get_format, options, stores_quotes
from newsmodel.validation import SCHEMAS, check, schema_text, validate_xml

__all__ = ["UsageError", "main", "parse_value", "route_options"]

#: The exit status of a command line that cannot be carried out as written (as argparse's).
USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsmodel",
        description="Read, convert and inspect news articles.",
    )
    parser.add_argument("--version", action="version", version=f"newsmodel {newsmodel.__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    _add_convert(sub.add_parser("convert", help="convert an article from one format to another"))

    formats = sub.add_parser("formats", help="list the formats and what each can read and write")
    formats.add_argument(
        "--options", action="store_true", help="list each format's reader and writer options"
    )

    validate = sub.add_parser(
        "validate",
        help="check a NewsML-G2, NITF, ninjs or newsmodel document against its schema",
        description="Check FILE against the schema shipped for its format (guessed when "
        "--format is not given; ninjs by its version). Exit status 1 when it is invalid.",
    )
    validate.add_argument("input", metavar="FILE", help="document to check, or - for stdin")
    validate.add_argument(
        "--format",
        dest="from_format",
        metavar="F",
        help="format or schema name (newsml, nitf, ninjs, ninjs-2.2, newsmodel...; default: guess)",
    )
    validate.add_argument(
        "--schema", metavar="XSD", help="check against this XSD file instead of the shipped schemas"
    )
    validate.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )

    schema = sub.add_parser(
        "schema", help="print newsmodel's JSON Schema (or another shipped schema)"
    )
    schema.add_argument(
        "name",
        nargs="?",
        default="newsmodel",
        choices=sorted(SCHEMAS),
        metavar="NAME",
        help=f"which schema: {', '.join(SCHEMAS)} (default: newsmodel)",
    )

    inspect = sub.add_parser("inspect", help="summarise an article")
    inspect.add_argument("input", metavar="FILE", help="input file, or - for stdin")
    inspect.add_argument(
        "--from", dest="from_format", metavar="F", help="input format (default: guess)"
    )
    _add_option_argument(inspect, "an option of the reader")
    inspect.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    return parser


def _add_convert(convert: argparse.ArgumentParser) -> None:
    """The arguments of ``newsmodel convert`` (one input, or many: see :mod:`cli_batch`)."""
    convert.add_argument(
        "input", nargs="*", metavar="IN", help="input files, folders, globs, or - for stdin"
    )
    convert.add_argument(
        "-o", "--output", metavar="OUT", help="output file or folder (default: stdout)"
    )
    convert.add_argument(
        "--from", dest="from_format", metavar="F", help="input format (default: guess)"
    )
    convert.add_argument(
        "--to",
        dest="to_format",
        metavar="F",
        help="output format (default: from OUT's extension, else newsmodel)",
    )
    convert.add_argument(
        "--strict", action="store_true", help="fail instead of warning when the output loses fields"
    )
    _add_option_argument(convert, "an option of the reader or the writer")
    cli_batch.add_arguments(convert)
    convert.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )


def _add_option_argument(command: argparse.ArgumentParser, what: str) -> None:
    command.add_argument(
        "-O",
        "--option",
        dest="options",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=f"{what}, repeatable (see 'newsmodel formats --options'); "
        "read.KEY or write.KEY picks the side",
    )


# ---------------------------------------------------------------------------
# -O KEY=VALUE: options of readers and writers, parsed by their declared types


class UsageError(NewsmodelError):
    """A command line that cannot be carried out as written (exit status 2): an option no
    reader or writer takes, or a value its type refuses."""


#: The words ``-O`` reads as booleans: ``-O quotes=no``.
BOOL_WORDS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
#: The word ``-O`` reads as ``None`` where an option allows it: ``-O indent=none``.
NONE_WORD = "none"
#: A whole number as ``-O`` takes it (``-O indent=4``): an optional sign and up to 18 digits.
_INT = re.compile(r"[+-]?[0-9]{1,18}")
#: ``newsmodel.read``'s own option, taken with every reader's: ``-O quotes=false``.
QUOTES = OptionInfo(name="quotes", annotation="bool", types=(bool,), default=True)
#: The sides of a conversion, as ``-O read.KEY=…`` and ``-O write.KEY=…`` name them.
SIDES = ("read", "write")


def _bool(text: str) -> object:
    return BOOL_WORDS[text.lower()]


def _none(text: str) -> object:
    if text.lower() != NONE_WORD:
        raise ValueError(text)
    return None


def _int(text: str) -> object:
    if not _INT.fullmatch(text):
        raise ValueError(text)
    return int(text)


def _float(text: str) -> object:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


#: How ``-O`` reads a value of each type, tried in this order (``none`` before text),
#: with how a message names what it takes: ``int`` reads ``4``.
PARSERS: tuple[tuple[type, Callable[[str], object], str], ...] = (
    (type(None), _none, NONE_WORD),
    (bool, _bool, "true/false, yes/no or 1/0"),
    (int, _int, "a whole number"),
    (float, _float, "a number"),
    (datetime.datetime, datetime.datetime.fromisoformat, "an ISO 8601 date-time"),
    (datetime.date, datetime.date.fromisoformat, "an ISO 8601 date"),
    (str, str, "text"),
)


def parse_value(option: OptionInfo, text: str) -> object:
    """``text`` as a value of ``option``'s declared type; :class:`UsageError` when it is none.

    >>> parse_value(OptionInfo(name="indent", annotation="int | None",
    ...     types=(int, type(None)), default=2), "none") is None
    True
    """
    if option.choices:
        allowed = {str(choice): choice for choice in option.choices}
        if type(None) in option.types:
            allowed[NONE_WORD] = None
        if text in allowed:
            return allowed[text]
        raise UsageError(f"-O {option.name}={text}: choose one of {', '.join(allowed)}")
    takes = [(kind, parse, words) for kind, parse, words in PARSERS if kind in option.types]
    for _, parse, _ in takes:
        try:
            return parse(text)
        except (KeyError, ValueError):
            continue
    accepted = " or ".join(words for _, _, words in takes)
    if not _from_command_line(option):
        only = f" (from the command line only {accepted})" if takes else ""
        raise UsageError(
            f"-O {option.name}: it takes {option.annotation}, which only Python gives{only}"
        )
    raise UsageError(f"-O {option.name}={text}: {option.name} takes {accepted}")


def _from_command_line(option: OptionInfo) -> bool:
    """Whether ``-O`` can give ``option`` a value other than ``None``."""
    kinds = {kind for kind, _, _ in PARSERS} - {type(None)}
    return bool(option.choices) or bool(set(option.types) & kinds)


def _split(pair: str) -> tuple[str | None, str, str]:
    """``(side, key, value)`` of ``-O [read.|write.]KEY=VALUE``."""
    key, equals, value = pair.partition("=")
    prefix, dot, name = key.strip().partition(".")
    side = prefix if dot and prefix in SIDES else None
    name = name if side else key.strip()
    if not equals or not name:
        raise UsageError(f"-O {pair}: write KEY=VALUE")
    return side, name, value


def _side_options(info: FormatInfo | None, *, reading: bool) -> dict[str, OptionInfo]:
    if info is None:
        return {}
    found = {option.name: option for option in options(info, reading=reading)}
    return {**found, QUOTES.name: QUOTES} if reading else found


def _describe(name: str, taken: dict[str, OptionInfo]) -> str:
    return f"the {name} takes {', '.join(taken) or 'no option'}"


def route_options(
    pairs: Sequence[str], reader: FormatInfo, writer: FormatInfo | None
) -> tuple[dict[str, object], dict[str, object]]:
    """The ``-O`` options as ``(reader's, writer's)``, each parsed by its declared type.

    An option goes to the side that takes it; one both sides take needs ``read.``
    or ``write.`` before its name. Anything else is a :class:`UsageError` that
    names the options there are.
    """
    sides = {
        "read": (f"{reader.name} reader", _side_options(reader, reading=True)),
        "write": (
            f"{writer.name} writer" if writer else "command",
            _side_options(writer, reading=False),
        ),
    }
    chosen: dict[str, dict[str, object]] = {side: {} for side in SIDES}
    used = SIDES if writer else SIDES[:1]
    for pair in pairs:
        side, name, text = _split(pair)
        takers = [s for s in used if name in sides[s][1] and side in (None, s)]
        if not takers:
            known = "; ".join(_describe(*sides[s]) for s in used if side in (None, s))
            raise UsageError(f"-O {name}: no such option ({known or 'this command only reads'})")
        if len(takers) > 1:
            raise UsageError(
                f"-O {name}: both the {sides['read'][0]} and the {sides['write'][0]} take it; "
                f"write -O read.{name}=… or -O write.{name}=…"
            )
        chosen[takers[0]][name] = parse_value(sides[takers[0]][1][name], text)
    return chosen["read"], chosen["write"]


class BatchOptions(NamedTuple):
    """The ``-O`` options of a batch conversion: for every reader that takes an option
    (``read``, by format), for the writer (``write``), and ``quotes`` (``common``)."""

    common: dict[str, object]
    read: dict[str, dict[str, object]]
    write: dict[str, object]


def batch_options(
    pairs: Sequence[str], from_format: str | None, to_format: str | None
) -> BatchOptions:
    """The ``-O`` options of a batch conversion, each parsed per format.

    ``-O KEY=VALUE`` goes to every input's reader that takes ``KEY`` (the
    ``--from`` format's, else any format's), parsed by that reader's own
    declared type, and to the writer when it takes ``KEY``; ``read.KEY`` and
    ``write.KEY`` keep it to one side. A reader that does not take ``KEY``, or
    whose type refuses the value, does not get it, and its inputs are read
    without it. A :class:`UsageError` when no reader or writer takes ``KEY``,
    or when none that takes it accepts the value.
    """
    readers = [get_format(from_format)] if from_format else newsmodel.formats()
    writer = get_format(to_format) if to_format else None
    chosen = BatchOptions({}, {}, {})
    for pair in pairs:
        side, name, text = _split(pair)
        if name == QUOTES.name and side in (None, "read"):
            chosen.common[name] = parse_value(QUOTES, text)
            continue
        takers: list[tuple[FormatInfo, OptionInfo, bool]] = []
        if side in (None, "read"):
            takers += [
                (info, option, True)
                for info in readers
                if info.can_read
                for option in options(info, reading=True)
                if option.name == name
            ]
        if side in (None, "write") and writer is not None:
            takers += [(writer, o, False) for o in options(writer, reading=False) if o.name == name]
        if not takers:
            known = {QUOTES.name} if side != "write" else set()
            if side != "write":
                known |= {o.name for i in readers if i.can_read for o in options(i, reading=True)}
            if side != "read" and writer is not None:
                known |= {o.name for o in options(writer, reading=False)}
            who = {"read": "reader", "write": "writer"}.get(side or "", "reader or writer")
            raise UsageError(
                f"-O {name}: no {who} takes it (options: {', '.join(sorted(known)) or 'none'})"
            )
        refusals: list[UsageError] = []
        for info, option, reading in takers:
            try:
                value = parse_value(option, text)
            except UsageError as exc:
                refusals.append(exc)
                continue
            if reading:
                chosen.read.setdefault(info.name, {})[name] = value
            else:
                chosen.write[name] = value
        if len(refusals) == len(takers):
            raise refusals[0]
    return chosen


# ---------------------------------------------------------------------------
# reading


def _input_bytes(path: str) -> bytes:
    return sys.stdin.buffer.read() if path == "-" else file_bytes(path)


def _read_input(
    args: argparse.Namespace, writer: FormatInfo | None = None
) -> tuple[Iterator[Article], dict[str, object]]:
    """Every article ``args`` name (one, or each of a feed or message), and the ``-O``
    options left for ``writer``.

    Quotes are found when the output keeps them (``-O quotes=…`` decides otherwise).
    Input that holds no article is refused: :class:`NoArticleError`.
    """
    data = _input_bytes(args.input)
    filename = None if args.input == "-" else args.input
    if args.from_format is not None:
        info = get_format(args.from_format)
    else:
        info = detect_format(data, filename)
    read_options, write_options = route_options(args.options, info, writer)
    keeps = writer is None or stores_quotes(writer, write_options)
    quotes = read_options.pop(QUOTES.name, keeps)
    articles = newsmodel.read_many(data, info.name, quotes=bool(quotes), **read_options)
    return _shown(articles, info.name), write_options


#: How many skipped items' numbers a warning lists (the rest are counted).
EMPTY_LISTED = 20


def _shown(articles: Iterator[Article], format: str) -> Iterator[Article]:
    """``articles`` without those that hold nothing to show (one warning at the end
    names the items of a source of many so skipped); :class:`NoArticleError` when none
    is left."""
    found = False
    empty: list[int] = []
    for number, article in enumerate(articles, 1):
        if _is_empty(article):
            empty.append(number)
            continue
        found = True
        yield article
    if not found:  # (a source of one empty article is refused, without a warning)
        raise NoArticleError("no article found: no headline, no text and no photo", format=format)
    if empty:
        listed = ", ".join(map(str, empty[:EMPTY_LISTED]))
        more = f" and {len(empty) - EMPTY_LISTED} more" if len(empty) > EMPTY_LISTED else ""
        warnings.warn(
            IgnoredContentWarning(
                f"{format}: items with no headline, text or photo skipped: {listed}{more}"
            ),
            stacklevel=2,
        )


def _is_empty(article: Article) -> bool:
    """Whether ``article`` has nothing a reader reads: no headline or summary, no text, no photo
    (a document that holds no article, or only its identifiers and dates)."""
    shown = article.headline or article.subheadline or article.summary or article.photos
    return not shown and not article.text.strip()


def _cmd_convert(args: argparse.Namespace, out: TextIO) -> int:
    if cli_batch.wants_batch(args):
        chosen = batch_options(args.options, args.from_format, cli_batch.target(args))
        return cli_batch.run(args, chosen.common, read=chosen.read, write=chosen.write)
    args.input = args.input[0] if args.input else "-"
    if args.output == "-":
        args.output = None  # standard output, as for a batch run
    writer = get_format(cli_batch.target(args))  # (as a batch run picks it)
    # (refused before the input is read: NITF into all.jsonl)
    lines = writer.name != "jsonl" and json_lines(args.output, writer.name)
    articles, write_options = _read_input(args, writer)
    strict = bool(write_options.pop("strict", False)) or args.strict
    options = {**write_options, "strict": strict}
    first = next(articles)
    second = next(articles, None)
    if second is None:
        return cli_many.convert_one(first, writer, args.output, out, options, lines=lines)
    many = itertools.chain((first, second), articles)
    return cli_many.convert(many, writer, args, out, options)


def _cmd_formats(args: argparse.Namespace, out: TextIO) -> int:
    if args.options:
        return _list_options(out)
    rows = [("name", "read", "write", "extensions", "description")]
    for info in newsmodel.formats():
        rows.append(
            (
                info.name,
                "yes" if info.can_read else "no",
                "yes" if info.can_write else "no",
                " ".join(info.extensions),
                info.title,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [row[i].ljust(widths[i]) for i in range(4)]
        out.write("  ".join(cells) + "  " + row[4] + "\n")
    return 0


def _option_line(side: str, option: OptionInfo) -> str:
    cli = "" if _from_command_line(option) else "  (Python only)"
    shown = " | ".join(repr(c) for c in option.choices) if option.choices else option.annotation
    return f"  {side:<6} {option.name}: {shown} = {option.default!r}{cli}\n"


def _list_options(out: TextIO) -> int:
    """Each format's reader and writer options: name, type and default, as ``-O`` takes them."""
    for info in newsmodel.formats():
        out.write(f"{info.name}\n")
        for reading, side in ((True, "read"), (False, "write")):
            if info.can_read if reading else info.can_write:
                for option in _side_options(info, reading=reading).values():
                    out.write(_option_line(side, option))
    out.write(
        "\nGive one with -O KEY=VALUE (read.KEY or write.KEY when both sides take it): "
        f"booleans as {PARSERS[1][2]}, {NONE_WORD} for None.\n"
    )
    return 0


def _read_bounded(path: str) -> bytes:
    """The bytes of ``path`` (or stdin), at most one byte past the readers' size limit."""
    if path == "-":
        return sys.stdin.buffer.read(DEFAULT_MAX_BYTES + 1)
    try:
        with open(path, "rb") as handle:
            return handle.read(DEFAULT_MAX_BYTES + 1)
    except OSError as exc:
        raise NewsmodelError(f"cannot read {path!r}: {exc.strerror or exc}") from None


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    data = _read_bounded(args.input)
    name = "<stdin>" if args.input == "-" else args.input
    if args.schema:
        problems = [str(p) for p in validate_xml(data, args.schema)]
        against = args.schema
    else:
        filename = None if args.input == "-" else args.input
        report = check(data, args.from_format, filename=filename)
        problems = [str(p) for p in report.problems]
        against = report.schema.title
    for problem in problems:
        out.write(f"{name}: {problem}\n")
    if problems:
        out.write(f"{name}: invalid ({len(problems)} problem(s)) against {against}\n")
        return 1
    out.write(f"{name}: valid against {against}\n")
    return 0


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    out.write(schema_text(args.name))
    return 0


def _describe_date(value: object) -> str:
    return (
        "—" if value is None else str(value.isoformat() if hasattr(value, "isoformat") else value)
    )


def _cmd_inspect(args: argparse.Namespace, out: TextIO) -> int:
    """A summary of the article, or of each article of a source of many (numbered)."""
    articles, _ = _read_input(args)
    first = next(articles)
    second = next(articles, None)
    if second is None:
        out.write(_summary(first))
        return 0
    for number, article in enumerate(itertools.chain((first, second), articles), 1):
        out.write(("\n" if number > 1 else "") + f"article {number}\n" + _summary(article))
    return 0


def _summary(article: Article) -> str:
    people = [b for b in article.bylines if b.kind is BylineKind.PERSON]
    orgs = [b for b in article.bylines if b.kind is BylineKind.ORGANISATION]
    paragraphs = sum(1 for b in article.body if isinstance(b, newsmodel.Paragraph))
    lines = [
        f"headline:   {article.headline or '—'}",
        f"published:  {_describe_date(article.published)}",
        f"modified:   {_describe_date(article.modified)}",
        f"bylines:    {', '.join(b.name for b in people) or '—'}"
        + (f" (organisations: {', '.join(b.name for b in orgs)})" if orgs else ""),
        f"publisher:  {article.publisher.name if article.publisher else '—'}",
        f"body:       {len(article.body)} blocks, {paragraphs} paragraphs, "
        f"{len(article.text.split())} words",
        f"photos:     {len(article.photos)}",
        f"topics:     {len(article.topics)}"
        + (
            f" ({', '.join(t.name or t.qcode or t.uri or '' for t in article.topics)})"
            if article.topics
            else ""
        ),
        f"quotes:     {len(article.quotes)}",
    ]
    return "\n".join(lines) + "\n"


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    sys.stderr.write(f"newsmodel: warning: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    debug = bool(getattr(args, "debug", False))
    with warnings.catch_warnings():
        warnings.simplefilter("always", NewsmodelWarning)
        if not debug:
            warnings.showwarning = _show_warning
        try:
            if args.command == "convert":
                return _cmd_convert(args, sys.stdout)
            if args.command == "formats":
                return _cmd_formats(args, sys.stdout)
            if args.command == "validate":
                return _cmd_validate(args, sys.stdout)
            if args.command == "schema":
                return _cmd_schema(args, sys.stdout)
            return _cmd_inspect(args, sys.stdout)
        except NewsmodelError as exc:
            if debug:
                raise
            sys.stderr.write(f"newsmodel: error: {exc}\n")
            return USAGE if isinstance(exc, UsageError) else 1
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
