"""``newsmodel convert`` over many inputs: the command-line side of :mod:`newsmodel.batch`.

``newsmodel convert INPUT... [--from F] [--to F] -o OUT [-j N] [--skip-existing]``
runs here when more than one input is given, an input is a folder, a glob,
an archive, a WARC or JSON Lines file, or ``-j``/``--skip-existing`` is
given; a single plain file keeps the one-article conversion of
:mod:`newsmodel.cli`.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time
from collections.abc import Mapping
from typing import TextIO

from newsmodel import batch
from newsmodel.errors import NewsmodelError
from newsmodel.registry import by_extension
from newsmodel.sources import input_kind, stdin_is_warc

__all__ = ["add_arguments", "progress_line", "run", "target", "wants_batch"]

#: Seconds between two progress lines on a terminal.
PROGRESS_EVERY = 0.5
#: For durations in the progress line (``3 min 05 s``).
SECONDS_PER_MINUTE = 60
MINUTES_PER_HOUR = 60


def add_arguments(convert: argparse.ArgumentParser) -> None:
    """The batch options of ``convert`` (the inputs themselves are ``nargs="*"``)."""
    convert.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes for many inputs (default: every core)",
    )
    convert.add_argument(
        "--skip-existing",
        action="store_true",
        help="with a folder OUT: skip inputs whose output is already there (resume a run)",
    )
    convert.add_argument(
        "--timeout",
        type=float,
        default=batch.DEFAULT_TIMEOUT,
        metavar="S",
        help="seconds one input may take before it is reported "
        f"(default: {batch.DEFAULT_TIMEOUT:g}; 0: no limit)",
    )


def wants_batch(args: argparse.Namespace) -> bool:
    """Whether ``args`` ask for a batch run rather than the one-file conversion."""
    inputs: list[str] = args.input
    if len(inputs) > 1 or args.jobs is not None or args.skip_existing:
        return True
    if not inputs or inputs[0] == "-":
        return stdin_is_warc()  # a WARC piped in holds many articles
    given = inputs[0]
    if os.path.isdir(given) or (not os.path.exists(given) and glob.has_magic(given)):
        return True
    return input_kind(os.path.basename(given)) != "file"


def target(args: argparse.Namespace) -> str:
    """``--to``, else the format OUT's extension names (``.jsonl`` holds newsmodel JSON)."""
    if args.to_format:
        return str(args.to_format)
    found = by_extension(args.output) if args.output else []
    return found[0].name if found and found[0].name != "jsonl" else "newsmodel"


def progress_line(done: batch.Progress) -> str:
    """The progress line: ``3/10 inputs, 120 files, 118 articles, 2 errors, 41.2
    articles/s, 12 s, about 28 s left`` (the inputs' total and the time left when known)."""
    rate = done.articles / done.seconds if done.seconds else 0.0
    total = f"/{done.inputs_total}" if done.inputs_total is not None else ""
    eta = done.eta
    left = f", about {_duration(eta)} left" if eta is not None else ""
    return (
        f"{done.inputs}{total} inputs, {done.files} files, {done.articles} articles, "
        f"{done.errors} errors, {rate:.1f} articles/s, {_duration(done.seconds)}{left}"
    )


def _duration(seconds: float) -> str:
    """``42 s``, ``3 min 05 s``, ``2 h 01 min``."""
    whole = round(seconds)
    if whole < SECONDS_PER_MINUTE:
        return f"{whole} s"
    minutes, rest = divmod(whole, SECONDS_PER_MINUTE)
    if minutes < MINUTES_PER_HOUR:
        return f"{minutes} min {rest:02d} s"
    hours, minutes = divmod(minutes, MINUTES_PER_HOUR)
    return f"{hours} h {minutes:02d} min"


class _Progress:
    """Progress on a terminal: one line, rewritten at most every PROGRESS_EVERY seconds."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last = 0.0

    def __call__(self, done: batch.Progress) -> None:
        now = time.monotonic()
        if now - self.last < PROGRESS_EVERY:
            return
        self.last = now
        self.stream.write(f"\r{progress_line(done)}\x1b[K")
        self.stream.flush()

    def end(self) -> None:
        if self.last:
            self.stream.write("\r\x1b[K")


def run(
    args: argparse.Namespace,
    options: Mapping[str, object] | None = None,
    *,
    read: Mapping[str, Mapping[str, object]] | None = None,
    write: Mapping[str, object] | None = None,
) -> int:
    """Run a batch conversion; the summary goes to stderr; 1 when any input failed.

    ``options`` go to every reader that takes them and to the writer, ``read``
    to one format's reader each, ``write`` to the writer (``newsmodel.cli.batch_options``).
    """
    if not args.output:
        raise NewsmodelError(
            "a batch conversion needs -o OUT (a folder, a .jsonl or .parquet file, or -)"
        )
    given = dict(options or {})
    if args.strict:
        given["strict"] = True
    progress = _Progress(sys.stderr) if sys.stderr.isatty() else None
    try:
        summary = batch.convert(
            args.input or ["-"],
            out=args.output,
            to=target(args),
            format=args.from_format,
            workers=args.jobs,
            skip_existing=args.skip_existing,
            timeout=args.timeout or None,
            options=given,
            read_options=read,
            write_options=write,
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.end()
    sys.stderr.write(f"newsmodel: {summary.line()}\n")
    return 1 if summary.errors else 0
