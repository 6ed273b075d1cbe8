"""Reading and converting many inputs at once, on every core.

>>> from newsmodel import batch
>>> summary = batch.convert(["IN/"], to="ninjs", out="OUT/", workers=2)  # doctest: +SKIP
>>> for source, article in batch.iter_articles(["feed.rss", "pages/"]):  # doctest: +SKIP
...     print(source, article.headline)

Inputs are files, folders (walked recursively), globs, ``-`` (standard
input), ``.gz``/``.bz2``/``.xz`` files, ``.tar``/``.tar.gz``/``.zip``
archives, JSON Lines files and WARC files (see :mod:`newsmodel.sources`).
:func:`convert` reads them in worker processes (``spawn``: a script that
calls it needs the ``if __name__ == "__main__":`` guard), writes every
article in input order, and reports every input that failed in
``errors.jsonl`` instead of stopping. Details: ``docs/batch.md``.
"""

from __future__ import annotations

import collections
import json
import os
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping

import attrs

from newsmodel import _outputs, api
from newsmodel._input import DEFAULT_MAX_BYTES
from newsmodel._outputs import JSON_FORMATS, Document, Folder, Parquet, Report, Sink, json_line
from newsmodel._pool import Failure, Pool
from newsmodel.converters import parse_date_value
from newsmodel.errors import FormatError, NewsmodelError, ReadError
from newsmodel.io import FORMATS, FormatInfo
from newsmodel.model import Article
from newsmodel.registry import detect_format, get_format, options, require, stores_quotes
from newsmodel.sources import (
    Ignored,
    Item,
    Problem,
    Skipped,
    Task,
    count,
    decompress,
    expand,
)
from newsmodel.table import Source, flat_row

__all__ = ["Progress", "Summary", "convert", "iter_articles", "read_items"]

#: Seconds one input may take in a worker before the worker is killed and the input reported.
DEFAULT_TIMEOUT = 120.0
#: Seconds the inputs may take to count up front (for the progress's ETA); past it, no ETA.
COUNT_SECONDS = 2.0


@attrs.frozen(kw_only=True)
class Summary:
    """What a :func:`convert` run did.

    ``files``: documents read (a file, an archive member, a WARC record, a run
    of JSON Lines); ``articles``: articles written; ``errors``: inputs (or
    items) that failed, each named in the error report; ``skipped``: documents
    whose output was already there (``skip_existing``); ``ignored``: things
    deliberately not read (WARC records without a page, links in archives);
    ``warnings``: lossy conversions; ``seconds``: wall time.
    """

    files: int = 0
    articles: int = 0
    errors: int = 0
    skipped: int = 0
    ignored: int = 0
    warnings: int = 0
    seconds: float = 0.0
    #: Where the errors were reported (``None`` when there were none, or on stdout runs).
    error_report: str | None = None

    def line(self) -> str:
        """The one-line summary the command line prints."""
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        text = (
            f"{self.files} files, {self.articles} articles, {self.errors} errors, "
            f"{self.skipped} skipped, {self.ignored} ignored, {self.warnings} warnings "
            f"in {self.seconds:.1f} s "
            f"({rate:.1f} articles/s)"
        )
        return text + (f"; errors in {self.error_report}" if self.error_report else "")


@attrs.frozen(kw_only=True)
class Progress:
    """Counts so far, given to ``progress`` after every document.

    ``inputs`` is how many input files (of folders, globs, archives, WARC) are
    done, of ``inputs_total`` (``None`` when counting them would take long).
    """

    files: int
    articles: int
    errors: int
    seconds: float
    inputs: int = 0
    inputs_total: int | None = None

    @property
    def eta(self) -> float | None:
        """Seconds left, from the rate of inputs done so far (``None`` before one is)."""
        if not self.inputs_total or not self.inputs or self.seconds <= 0:
            return None
        return self.seconds / self.inputs * max(0, self.inputs_total - self.inputs)


# ---------------------------------------------------------------------------
# reading one task (in a worker, or in this process for iter_articles)


@attrs.frozen(kw_only=True)
class _Reading:
    """How tasks are read: the format (``None``: guessed), quotes, and options."""

    format: str | None
    quotes: bool
    options: dict[str, object]
    max_bytes: int = DEFAULT_MAX_BYTES
    #: Options for one format's reader only: ``{"html": {"url": "https://example.org/"}}``.
    by_format: dict[str, dict[str, object]] = attrs.field(factory=dict)


def _reader_options(reading: _Reading, info: FormatInfo) -> dict[str, object]:
    """The run's options that ``info``'s reader takes (others are for other formats)."""
    accepted = {option.name for option in options(info, reading=True)}
    common = {k: v for k, v in reading.options.items() if k in accepted}
    return {**common, **reading.by_format.get(info.name, {})}


def _task_bytes(task: Task, max_bytes: int) -> bytes:
    if task.data is not None:
        data = task.data
    else:
        assert task.path is not None
        try:
            with open(task.path, "rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if task.compression:
        data = decompress(data, task.compression, max_bytes=max_bytes)
    return data


def _with_fallback_date(article: Article, date: str | None) -> Article:
    if article.published is not None or not date:
        return article
    try:
        return attrs.evolve(article, published=parse_date_value(date.strip()))
    except ValueError:
        return article


#: What reading a task gives per article: its item number (``None`` for a document
#: that holds one article), the article or the error, and the format read.
_Found = tuple[int | None, Article | NewsmodelError, str | None]


def _task_articles(task: Task, reading: _Reading) -> Iterator[_Found]:
    """``(item number, article or error, format)`` for every article of ``task``."""
    try:
        data = _task_bytes(task, reading.max_bytes)
        if task.first_line is not None:
            yield from _line_articles(task, data, reading)
            return
        fmt = reading.format or ("html" if task.url is not None else None)
        info = get_format(fmt) if fmt else detect_format(data, task.filename or None)
        opts = _reader_options(reading, info)
        if task.url is not None and info.name == "html" and "url" not in reading.options:
            opts["url"] = task.url
        many = getattr(require(info, reading=True), "read_many", None) is not None
        articles = api.read_many(data, info.name, quotes=reading.quotes, **opts)
        for number, article in enumerate(articles, 1):
            yield (number if many else None), _with_fallback_date(article, task.date), info.name
    except NewsmodelError as exc:
        yield None, exc, None


def _line_articles(task: Task, data: bytes, reading: _Reading) -> Iterator[_Found]:
    info = get_format(reading.format or "jsonl")
    opts = _reader_options(reading, info)
    assert task.first_line is not None
    for offset, line in enumerate(data.split(b"\n")):
        if line.strip():
            number = task.first_line + offset
            try:
                yield number, api.read(line, info.name, quotes=reading.quotes, **opts), info.name
            except NewsmodelError as exc:
                yield number, exc, info.name


# ---------------------------------------------------------------------------
# the worker's job: read and write one task


@attrs.frozen(kw_only=True)
class _Job:
    reading: _Reading
    to: str
    #: Write each article on one line (JSON Lines and stdout outputs).
    one_line: bool
    write_options: dict[str, object]
    #: Write each article's flat row (newsmodel.table) as JSON instead (a Parquet output).
    flat: bool = False


@attrs.frozen
class _Done:
    """A task's outcome: ``(item number, text)`` per article, ``(item, error)`` per failure."""

    outputs: list[tuple[int | None, str]]
    errors: list[tuple[int | None, str]]
    warnings: int


def _write(article: Article, job: _Job) -> str:
    if job.one_line:  # a JSON format without indentation: one document per line
        return json_line(article, job.to, job.write_options)
    return api.write(article, job.to, **job.write_options)


def _run(job: _Job, task: Task) -> _Done:
    """Read ``task`` and write each of its articles (runs in a worker process)."""
    outputs: list[tuple[int | None, str]] = []
    errors: list[tuple[int | None, str]] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for number, found, fmt in _task_articles(task, job.reading):
            if isinstance(found, NewsmodelError):
                errors.append((number, str(found)))
                continue
            try:
                if job.flat:
                    row = flat_row(found, source=_item_source(task, number), format=fmt)
                    outputs.append((number, json.dumps(row)))
                else:
                    outputs.append((number, _write(found, job)))
            except NewsmodelError as exc:
                errors.append((number, str(exc)))
    return _Done(outputs, errors, len(caught))


# ---------------------------------------------------------------------------
# options


def _split_options(
    given: Mapping[str, object], to: str | None, format: str | None, *, writer_only: bool = False
) -> tuple[dict[str, object], dict[str, object]]:
    """The reader options and the writer options among ``given``.

    An option goes to every reader that takes it (an option of the HTML reader is
    not given to a NITF input) and to the writer when it takes it; one that no
    reader and not the writer takes is refused (``writer_only``: the writer's alone).
    """
    if writer_only:
        readers: list[FormatInfo] = []
    else:
        readers = [get_format(format)] if format else [f for f in FORMATS if f.can_read]
    read_names = {o.name for info in readers for o in options(info, reading=True)}
    write_names = {o.name for o in options(get_format(to), reading=False)} if to else set()
    unknown = sorted(set(given) - read_names - write_names)
    if unknown:
        takes = ", ".join(sorted(read_names | write_names))
        raise FormatError(
            f"no reader or writer takes the option {', '.join(unknown)} (options: {takes})"
        )
    read = {k: v for k, v in given.items() if k in read_names}
    write = {k: v for k, v in given.items() if k in write_names}
    return read, write


def _format_options(
    given: Mapping[str, Mapping[str, object]] | None,
) -> dict[str, dict[str, object]]:
    """``read_options`` checked: each format's reader must take each of its options."""
    checked: dict[str, dict[str, object]] = {}
    for name, opts in (given or {}).items():
        info = get_format(name)
        takes = {o.name for o in options(info, reading=True)} if info.can_read else set()
        unknown = sorted(set(opts) - takes)
        if unknown:
            raise FormatError(
                f"the {info.name} reader does not take {', '.join(unknown)} "
                f"(it takes {', '.join(sorted(takes)) or 'no option'})"
            )
        checked[info.name] = dict(opts)
    return checked


def _reading(
    format: str | None,
    to: str | None,
    given: Mapping[str, object],
    max_bytes: int,
    by_format: Mapping[str, Mapping[str, object]] | None = None,
) -> tuple[_Reading, dict[str, object]]:
    opts = dict(given)
    asked = opts.pop("quotes", None)
    read, write = _split_options(opts, to, format)
    # quotes are found for a target that stores them (as newsmodel.convert does)
    keeps = stores_quotes(get_format(to), write) if to else True
    quotes = keeps if asked is None else bool(asked)
    reading = _Reading(
        format=format,
        quotes=quotes,
        options=read,
        max_bytes=max_bytes,
        by_format=_format_options(by_format),
    )
    return reading, write


# ---------------------------------------------------------------------------
# the public functions


def iter_articles(
    inputs: Iterable[str | os.PathLike[str]],
    format: str | None = None,
    *,
    quotes: bool = True,
    on_error: Callable[[str, str], None] | None = None,
    **options: object,
) -> Iterator[tuple[Source, Article]]:
    """``(source, article)`` for every article of every input, in order, in this process.

    ``source`` names where the article came from (``IN/a.xml``,
    ``x.tar!a.xml``, ``crawl.warc.gz#12``, ``feed.rss[3]``, ``big.jsonl:7``);
    it is a :class:`~newsmodel.table.Source`, a string whose ``format`` is the
    format the article was read from (found by looking, unless ``format`` is
    given). ``format`` forces the input format (guessed per document by
    default); ``options`` go to the readers that take them. An input that
    cannot be read raises its :class:`~newsmodel.errors.NewsmodelError` unless
    ``on_error`` is given: ``on_error(source, message)`` is then called and the
    iteration goes on.
    """
    items = expand([os.fspath(i) for i in inputs], max_bytes=size_limit(options))
    return read_items(items, format, quotes=quotes, on_error=on_error, **options)


def size_limit(options: Mapping[str, object]) -> int:
    """The readers' ``max_bytes`` option when given (a whole number), else the default:
    it bounds each document taken from an archive, a WARC record or a JSON Lines line too.

    >>> size_limit({"max_bytes": 1000}), size_limit({}) == DEFAULT_MAX_BYTES
    (1000, True)
    """
    given = options.get("max_bytes")
    return given if isinstance(given, int) and not isinstance(given, bool) else DEFAULT_MAX_BYTES


def read_items(
    items: Iterable[Item],
    format: str | None = None,
    *,
    quotes: bool = True,
    on_error: Callable[[str, str], None] | None = None,
    **options: object,
) -> Iterator[tuple[Source, Article]]:
    """:func:`iter_articles` over items already found: those of
    :func:`newsmodel.sources.expand` or of a file's block (:func:`newsmodel.sources.block`)."""
    reading, _ = _reading(format, None, {**options, "quotes": quotes}, size_limit(options))
    for item in items:
        if isinstance(item, (Ignored, Skipped)):
            continue
        if isinstance(item, Problem):
            _fail(on_error, item.source, item.error)
            continue
        for number, found, fmt in _task_articles(item, reading):
            source = _item_source(item, number)
            if isinstance(found, NewsmodelError):
                _fail(on_error, source, str(found))
            else:
                yield Source(source, fmt), found


def _item_source(task: Task, number: int | None) -> str:
    if number is None or task.offset is not None:  # a block's item is named by its offset
        return task.source
    if task.first_line is not None:
        return f"{task.source.rsplit(':', 1)[0]}:{number}"
    return f"{task.source}[{number}]"


def _fail(on_error: Callable[[str, str], None] | None, source: str, error: str) -> None:
    if on_error is None:
        raise ReadError(f"{source}: {error}")
    on_error(source, error)


def convert(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    out: str | os.PathLike[str],
    to: str = "newsmodel",
    format: str | None = None,
    workers: int | None = None,
    skip_existing: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    options: Mapping[str, object] | None = None,
    progress: Callable[[Progress], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    read_options: Mapping[str, Mapping[str, object]] | None = None,
    write_options: Mapping[str, object] | None = None,
    **more_options: object,
) -> Summary:
    """Convert every article of every input to ``to`` and write it to ``out``.

    ``out`` is a folder (one file per article, named after its input, with
    ``to``'s extension, and ``errors.jsonl``), a ``.jsonl`` file (JSON formats
    only; errors in ``OUT.errors.jsonl``), a ``.parquet`` file (one row of
    :data:`newsmodel.table.FLAT_COLUMNS` per article, ``to`` aside; needs
    pyarrow; errors in ``OUT.errors.jsonl``), one document of a format that
    holds many when ``out`` ends with one of its extensions (``all.rss``,
    ``all.atom``, ``wire.xml`` with ``to="newsml"``: one feed or ``newsMessage``
    of every article, written at the end; errors in ``OUT.errors.jsonl``) or
    ``-`` (standard output; errors on standard error). ``workers`` processes
    read and write (default: every core; ``0`` runs in this process, without
    timeouts); an input that takes more than ``timeout`` seconds, or crashes its
    worker, is reported and the run goes on. ``skip_existing`` skips inputs whose output is there (a
    folder ``out`` only). ``options`` (and keyword options) go to every
    input's reader that takes them and to the writer when it takes them
    (``quotes`` too): a reader that does not take an option never gets it;
    one that no reader and not the writer takes is refused.
    ``read_options`` give options to one format's reader only
    (``{"html": {"url": "https://example.org/"}}``), ``write_options`` to the
    writer only. ``progress(Progress)`` is called after every document.
    Returns a :class:`Summary`.
    """
    start = time.monotonic()
    out = os.fspath(out)
    given_options = {**(options or {}), **more_options}
    reading, writing = _reading(format, to, given_options, max_bytes, read_options)
    writing.update(_split_options(write_options or {}, to, None, writer_only=True)[1])
    sink = _outputs.sink(out, to, skip_existing, writing)
    folder = sink if isinstance(sink, Folder) else None
    if isinstance(sink, Document):  # the workers send lossless JSON; the sink writes `to`
        to, writing = Document.CARRIER, {}
    job = _Job(
        reading=reading,
        to=get_format(to).name,
        one_line=folder is None and get_format(to).name in JSON_FORMATS,
        write_options=writing,
        flat=isinstance(sink, Parquet),
    )
    given = [os.fspath(i) for i in inputs]
    exclude = os.path.realpath(out) if folder else None
    counts = _Counts(start, progress)
    items = expand(
        given,
        exists=folder.exists if folder and skip_existing else None,
        exclude=exclude,
        written=_written(out, sink) if folder is None else frozenset(),
        max_bytes=max_bytes,
        done=counts.input_done,
    )
    report = Report(sink.error_path)
    if progress is not None:  # counted up front for the ETA, when that is quick
        counts.inputs_total = count(given, exclude=exclude, seconds=COUNT_SECONDS)
    try:
        for task, result in _results(_tasks(items, report, counts), job, workers, timeout):
            counts.done(task, result, sink, report)
    except BaseException:
        sink.abort()
        raise
    else:
        sink.close()
    finally:
        report.close()
    return counts.summary(report)


def _written(out: str, sink: Sink) -> frozenset[str]:
    """The real paths of the files a run into the file ``out`` writes (with its temporary
    name and error report), which an input folder holding them does not give as inputs."""
    if out == "-":
        return frozenset()
    paths = (out, f"{out}.part", sink.error_path)
    return frozenset(os.path.realpath(path) for path in paths if path)


@attrs.define
class _Counts:
    """The counts of a run, and the progress calls."""

    start: float
    progress: Callable[[Progress], None] | None
    files: int = 0
    articles: int = 0
    skipped: int = 0
    ignored: int = 0
    warnings: int = 0
    inputs_total: int | None = None
    #: Tasks taken from the walk so far, and how many had been taken as each input ended.
    taken: int = 0
    ends: collections.deque[int] = attrs.field(factory=collections.deque)
    inputs: int = 0

    def input_done(self) -> None:
        self.ends.append(self.taken)

    def _inputs_done(self) -> int:
        while self.ends and self.ends[0] <= self.files:
            self.ends.popleft()
            self.inputs += 1
        return self.inputs

    def done(self, task: Task, result: _Done | Failure, sink: Sink, report: Report) -> None:
        self.files += 1
        if isinstance(result, Failure):
            report.add(task.source, result.reason)
        else:
            for number, error in result.errors:
                report.add(_item_source(task, number), error, number)
            for error in sink.put(task, result.outputs):
                report.add(task.source, error)
            self.articles += len(result.outputs)
            self.warnings += result.warnings
        if self.progress is not None:
            self.progress(
                Progress(
                    files=self.files,
                    articles=self.articles,
                    errors=report.count,
                    seconds=time.monotonic() - self.start,
                    inputs=self._inputs_done(),
                    inputs_total=self.inputs_total,
                )
            )

    def summary(self, report: Report) -> Summary:
        return Summary(
            files=self.files,
            articles=self.articles,
            errors=report.count,
            skipped=self.skipped,
            ignored=self.ignored,
            warnings=self.warnings,
            seconds=time.monotonic() - self.start,
            error_report=report.path if report.count and report.path else None,
        )


def _tasks(items: Iterable[object], report: Report, counts: _Counts) -> Iterator[Task]:
    """The tasks among ``items``; problems are reported and the rest counted on the way.

    Each task is handed on once the walk has gone past it (one task ahead), so the
    end of its input is known by the time its result comes back (the progress).
    """
    ahead: Task | None = None
    for item in items:
        if isinstance(item, Task):
            counts.taken += 1
            if ahead is not None:
                yield ahead
            ahead = item
        elif isinstance(item, Problem):
            report.add(item.source, item.error)
        elif isinstance(item, Skipped):
            counts.skipped += 1
        elif isinstance(item, Ignored):
            counts.ignored += 1
    if ahead is not None:
        yield ahead


def _results(
    tasks: Iterator[Task], job: _Job, workers: int | None, timeout: float | None
) -> Iterator[tuple[Task, _Done | Failure]]:
    if workers == 0:
        for task in tasks:
            yield task, _run(job, task)
        return
    with Pool(_run, job, workers=workers or os.cpu_count() or 1, timeout=timeout) as pool:
        yield from pool.map(tasks)
