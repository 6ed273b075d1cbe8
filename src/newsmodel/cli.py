"""The ``newsmodel`` command: a thin layer over the public API."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from typing import TextIO

import newsmodel
from newsmodel import cli_batch
from newsmodel._input import DEFAULT_MAX_BYTES
from newsmodel.errors import NewsmodelError, NewsmodelWarning
from newsmodel.model import Article, BylineKind
from newsmodel.validation import SCHEMAS, check, schema_text, validate_xml

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsmodel",
        description="Read, convert and inspect news articles.",
    )
    parser.add_argument("--version", action="version", version=f"newsmodel {newsmodel.__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    convert = sub.add_parser("convert", help="convert an article from one format to another")
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
    cli_batch.add_arguments(convert)
    convert.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )

    sub.add_parser("formats", help="list the formats and what each can read and write")

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
    inspect.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    return parser


def _read_input(path: str, from_format: str | None) -> Article:
    if path == "-":
        data = sys.stdin.buffer.read()
        return newsmodel.read(data, from_format)
    return newsmodel.read_file(path, from_format)


def _cmd_convert(args: argparse.Namespace, out: TextIO) -> int:
    if cli_batch.wants_batch(args):
        return cli_batch.run(args)
    article = _read_input(args.input[0] if args.input else "-", args.from_format)
    to_format = args.to_format
    if to_format is None and args.output:
        found = newsmodel.registry.by_extension(args.output)
        to_format = found[0].name if found else None
    text = newsmodel.write(article, to_format or "newsmodel", strict=args.strict)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            raise NewsmodelError(f"cannot write {args.output!r}: {exc.strerror or exc}") from None
    else:
        out.write(text)
    return 0


def _cmd_formats(out: TextIO) -> int:
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
    article = _read_input(args.input, args.from_format)
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
    out.write("\n".join(lines) + "\n")
    return 0


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
                return _cmd_formats(sys.stdout)
            if args.command == "validate":
                return _cmd_validate(args, sys.stdout)
            if args.command == "schema":
                return _cmd_schema(args, sys.stdout)
            return _cmd_inspect(args, sys.stdout)
        except NewsmodelError as exc:
            if debug:
                raise
            sys.stderr.write(f"newsmodel: error: {exc}\n")
            return 1
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
