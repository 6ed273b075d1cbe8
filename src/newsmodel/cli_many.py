"""``newsmodel convert`` of one input that holds many articles (a feed, a NewsML
message, a JSON Lines file given alone): where each of its articles goes.

- a format that holds many (``--to rss``, ``atom``, ``jsonfeed``, ``jsonl``,
  ``newsml`` as a ``newsMessage``): one document of them all, to OUT or stdout;
- a JSON format (``newsmodel``, ``ninjs``, ``jsonld``) to stdout or to ``OUT.jsonl``:
  one document per line (JSON Lines);
- any other: one file per article in the folder OUT, named as a batch run names them
  (``feed-000001.nitf.xml``); with no OUT, or an OUT named as one file of the
  format (``story.nitf.xml``), the conversion is refused: NITF holds one article.

What the writer drops is reported once for the run, the articles named by their
position (``[3-9].publisher.url``), as :func:`newsmodel.write_many` reports it.
"""

from __future__ import annotations

import argparse
import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from newsmodel import api
from newsmodel._outputs import JSON_FORMATS, Folder, json_line, json_lines, write_whole
from newsmodel.errors import LossyConversionWarning, NewsmodelError, report_loss
from newsmodel.io import FormatInfo
from newsmodel.model import Article
from newsmodel.registry import writes_many
from newsmodel.sources import Task, stem

__all__ = ["convert", "convert_one", "put"]

#: What a run reads standard input as, for the names of the files it writes.
STDIN_NAME = "stdin"


def put(text: str, output: str | None, out: TextIO) -> None:
    """Write ``text`` to the file ``output`` (whole, or not at all), else to ``out``."""
    if not output:
        out.write(text)
        return
    try:
        write_whole(output, text)
    except OSError as exc:
        raise NewsmodelError(f"cannot write {output!r}: {exc.strerror or exc}") from None


def convert_one(
    article: Article,
    writer: FormatInfo,
    output: str | None,
    out: TextIO,
    options: dict[str, object],
    *,
    lines: bool,
) -> int:
    """Write the one article of the input as ``writer`` to ``output`` (else ``out``),
    on one line with ``lines`` (``output`` a ``.jsonl`` file of a JSON format)."""
    if lines:
        put(json_line(article, writer.name, options), output, out)
    else:
        put(api.write(article, writer.name, **options), output, out)
    return 0


def convert(
    articles: Iterable[Article],
    writer: FormatInfo,
    args: argparse.Namespace,
    out: TextIO,
    options: dict[str, object],
) -> int:
    """Write the many ``articles`` of the input ``args`` name as ``writer``, with the
    writer's ``options`` (``strict`` among them); returns the exit status."""
    output: str | None = args.output
    if writes_many(writer):
        put(api.write_many(articles, writer.name, **options), output, out)
        return 0
    if writer.name in JSON_FORMATS and (not output or json_lines(output, writer.name)):
        lines = _each(articles, writer.name, lambda a: json_line(a, writer.name, options))
        put("".join(text for _, text in lines), output, out)
        return 0
    if not output or not _is_folder(output, writer):
        where = f"-o {output}" if output else "standard output"
        raise NewsmodelError(
            f"the input holds many articles, and {where} would take one {writer.name} "
            f"document, which holds one article: give -o FOLDER (one file per article), "
            f"or --to a format that holds many (rss, atom, jsonfeed, jsonl, newsml)"
        )
    texts = _each(articles, writer.name, lambda a: api.write(a, writer.name, **options))
    _into_folder(texts, writer, args.input, output)
    return 0


def _is_folder(output: str, writer: FormatInfo) -> bool:
    """Whether ``output`` names a folder: one that exists, a name ending with a
    separator, or one without an extension of ``writer`` (``out``, not ``a.nitf.xml``)."""
    if os.path.isdir(output) or output.endswith(("/", os.sep)):
        return True
    return not output.lower().endswith(writer.extensions)


def _into_folder(
    texts: Iterator[tuple[int, str]], writer: FormatInfo, given: str, out: str
) -> None:
    """Each text as a file of its own under ``out``: ``<input>-000001<extension>``."""
    name = STDIN_NAME if given == "-" else stem(os.path.basename(given))
    folder = Folder(out, writer.name)
    task = Task(source=given, name=name or STDIN_NAME, filename=os.path.basename(given))
    for number, text in texts:
        problems = folder.put(task, [(number, text)])
        if problems:
            raise NewsmodelError(problems[0])


def _each(
    articles: Iterable[Article], format: str, write: Callable[[Article], str]
) -> Iterator[tuple[int, str]]:
    """``(number, text)`` of each article as ``write`` writes it in ``format`` (numbers
    from 1); what it drops is reported once, at the end, for every article it was
    dropped from."""
    fields: list[str] = []
    reasons: dict[str, str] = {}
    for index, article in enumerate(articles):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            text = write(article)
        for warning in caught:
            found = warning.message
            if not isinstance(found, LossyConversionWarning):
                warnings.warn_explicit(found, warning.category, warning.filename, warning.lineno)
                continue
            for field in found.fields:
                fields.append(f"[{index}]{'' if field.startswith('[') else '.'}{field}")
                reasons[fields[-1]] = found.reasons.get(field, "")
        yield index + 1, text
    report_loss(format, fields, strict=False, reasons=reasons)
