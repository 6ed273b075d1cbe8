"""Where :func:`newsmodel.batch.convert` writes: a folder, a ``.jsonl`` stream, a
Parquet file, one document of a format that holds many (a feed, a NewsML-G2
``newsMessage``) or standard output, and the error report beside it."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Mapping
from typing import TextIO

from newsmodel import api
from newsmodel.errors import WriteError
from newsmodel.model import Article
from newsmodel.registry import get_format, writes_many
from newsmodel.sources import Task, item_name, strip_suffix

#: The formats whose documents can be written one per line (``OUT.jsonl``, ``-``).
JSON_FORMATS = ("newsmodel", "ninjs", "jsonld")
#: The error report's name, in OUT (or beside a file OUT, e.g. ``OUT.errors.jsonl``).
ERRORS_NAME = "errors.jsonl"
#: The ending of an output that is a file of JSON Lines, one document a line (``OUT.jsonl``).
JSONL = ".jsonl"
#: The ending of an output that is a Parquet file of flat rows (``OUT.parquet``).
PARQUET = ".parquet"


class Sink:
    """Where the texts of a run go, and the error report."""

    error_path: str | None = None

    def put(self, task: Task, outputs: list[tuple[int | None, str]]) -> list[str]:
        """Write a task's articles; returns errors (an output another input already wrote)."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output."""

    def abort(self) -> None:
        """End a run stopped by an error: what is whole stays, nothing half-made appears."""
        self.close()


def write_whole(path: str, text: str) -> None:
    """Write ``text`` to the file ``path`` whole: under a temporary name beside it, then
    renamed, so that no half-written file is ever there and a file there before stays
    as it was when writing fails (:class:`OSError`). A path that is no file or folder
    (``/dev/stdout``, a named pipe) is written to as it is."""
    if os.path.exists(path) and not os.path.isfile(path) and not os.path.isdir(path):
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        return
    temporary = f"{path}.part"
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:  # (an interrupt too) no half-written file left behind
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise


def _extension(to: str) -> str:
    return get_format(to).extensions[0]


class Folder(Sink):
    """One file per article under a folder, written whole (temporary name, then renamed)."""

    def __init__(self, out: str, to: str) -> None:
        self.out = out
        self.ext = _extension(to)
        self.started = time.time()
        try:
            os.makedirs(out, exist_ok=True)
        except OSError as exc:  # a file of that name, or a folder it cannot be made in
            raise WriteError(f"cannot write {out!r}: {exc.strerror or exc}") from None
        self.error_path = os.path.join(out, ERRORS_NAME)

    def path(self, name: str) -> str:
        return os.path.join(self.out, *name.split("/")) + self.ext

    def exists(self, name: str) -> bool:
        return os.path.exists(self.path(name))

    def put(self, task: Task, outputs: list[tuple[int | None, str]]) -> list[str]:
        problems = []
        # the first article last: when it is there, the whole document is (skip_existing)
        for number, text in reversed(outputs):
            name = task.name if number is None else item_name(task.name, number)
            target = self.path(name)
            try:
                if os.path.exists(target) and os.stat(target).st_mtime >= self.started:
                    problems.append(f"{name}{self.ext} was already written by another input")
                    continue
                os.makedirs(os.path.dirname(target), exist_ok=True)
                write_whole(target, text)
            except OSError as exc:
                problems.append(f"cannot write {target!r}: {exc.strerror or exc}")
        return problems


class Stream(Sink):
    """Every article, in order, into one text stream (a ``.jsonl`` file or stdout)."""

    def __init__(self, stream: TextIO, error_path: str | None, owned: bool) -> None:
        self.stream = stream
        self.error_path = error_path
        self.owned = owned

    def put(self, task: Task, outputs: list[tuple[int | None, str]]) -> list[str]:
        for _, text in outputs:
            self.stream.write(text)
        return []

    def close(self) -> None:
        if self.owned:
            self.stream.close()
        else:
            self.stream.flush()


class Parquet(Sink):
    """Every article's flat row, in order, into a Parquet file (newsmodel.arrow)."""

    def __init__(self, out: str) -> None:
        try:
            from newsmodel.arrow import RowWriter  # an optional extra
        except ImportError:
            raise WriteError(
                "a .parquet output needs pyarrow: pip install 'newsmodel[arrow]'"
            ) from None
        self.error_path = out[: -len(PARQUET)] + "." + ERRORS_NAME
        try:
            self.writer = RowWriter(out)
        except OSError as exc:
            raise WriteError(f"cannot write {out!r}: {exc.strerror or exc}") from None

    def put(self, task: Task, outputs: list[tuple[int | None, str]]) -> list[str]:
        self.writer.write(json.loads(text) for _, text in outputs)
        return []

    def close(self) -> None:
        self.writer.close()

    def abort(self) -> None:
        self.writer.abort()  # no Parquet file of part of the rows


class Document(Sink):
    """Every article, in order, into one document of a format that holds many
    (``OUT.rss``, ``OUT.atom``, a NewsML-G2 ``newsMessage``), written whole at the end.

    The workers send each article as newsmodel JSON (lossless), read back here; the
    articles are held until the end, as the document is written at once."""

    #: What the workers write for this sink: newsmodel JSON, one article per text.
    CARRIER = "newsmodel"

    def __init__(self, out: str, to: str, options: dict[str, object]) -> None:
        self.out = out
        self.to = to
        self.options = options
        self.articles: list[Article] = []
        self.error_path = _beside(out, to) + "." + ERRORS_NAME

    def put(self, task: Task, outputs: list[tuple[int | None, str]]) -> list[str]:
        for _, text in outputs:
            self.articles.append(api.read(text, self.CARRIER, quotes=False))
        return []

    def close(self) -> None:
        text = api.write_many(self.articles, self.to, **self.options)
        try:
            write_whole(self.out, text)
        except OSError as exc:
            raise WriteError(f"cannot write {self.out!r}: {exc.strerror or exc}") from None

    def abort(self) -> None:
        """Nothing is written: a document of part of the articles would look whole."""


def _beside(out: str, to: str) -> str:
    """``out`` without the extension of ``to`` it ends with (``all.rss`` gives ``all``)."""
    return strip_suffix(out, get_format(to).extensions)


def one_document(out: str, to: str) -> bool:
    """Whether ``out`` names one document of ``to``, a format that holds many: it ends
    with one of ``to``'s extensions (``all.rss``, ``wire.xml`` for ``newsml``); any
    other name is a folder, one file per article. JSON Lines is a stream of its own."""
    info = get_format(to)
    return info.name != "jsonl" and _beside(out, to) != out and writes_many(info)


def json_line(article: Article, to: str, options: Mapping[str, object]) -> str:
    """``article`` as one line of JSON Lines: the JSON format ``to`` without indentation."""
    return api.write(article, to, **{**options, "indent": None}).rstrip("\n") + "\n"


def json_lines(out: str | None, to: str) -> bool:
    """Whether ``out`` is a ``.jsonl`` file of ``to``'s documents, one a line (``to`` a
    JSON format); :class:`WriteError` when ``to`` writes no JSON (NITF in ``all.jsonl``)."""
    if not out or not out.lower().endswith(JSONL):
        return False
    if to not in JSON_FORMATS:
        raise WriteError(
            f"a .jsonl output holds JSON documents ({', '.join(JSON_FORMATS)}), not {to!r}"
        )
    return True


def sink(out: str, to: str, skip_existing: bool, options: dict[str, object] | None = None) -> Sink:
    """Where a run writes ``to`` (its writer's ``options`` go to a :class:`Document`)."""
    if out != "-" and one_document(out, to):
        if skip_existing:
            raise WriteError("skip_existing needs a folder as the output")
        return Document(out, to, dict(options or {}))
    if out != "-" and not out.lower().endswith((JSONL, PARQUET)):
        return Folder(out, to)
    if skip_existing:
        raise WriteError("skip_existing needs a folder as the output")
    if out.lower().endswith(PARQUET):
        return Parquet(out)
    if out == "-":
        return Stream(sys.stdout, None, owned=False)
    json_lines(out, to)
    try:
        stream = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed by the sink)
    except OSError as exc:
        raise WriteError(f"cannot write {out!r}: {exc.strerror or exc}") from None
    return Stream(stream, out[: -len(JSONL)] + "." + ERRORS_NAME, owned=True)


class Report:
    """The error report: one JSON object per line (``input``, ``item``, ``error``),
    made on the first error; a report left by an earlier run is removed first."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.handle: TextIO | None = None
        self.count = 0
        if path and os.path.exists(path):
            os.remove(path)

    def add(self, source: str, error: str, item: int | None = None) -> None:
        self.count += 1
        record: dict[str, object] = {"input": source, "error": error}
        if item is not None:
            record["item"] = item
        line = json.dumps(record, ensure_ascii=False) + "\n"
        if self.path is None:
            sys.stderr.write(f"newsmodel: {source}: {error}\n")
            return
        if self.handle is None:
            self.handle = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 (closed below)
        self.handle.write(line)

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
