"""A long fuzzing run of every reader: damaged documents, hostile shapes, a watchdog.

    python benchmarks/fuzz.py                       # an hour, every reader
    python benchmarks/fuzz.py --minutes 5 --format nitf --format newsml
    python benchmarks/fuzz.py --count 10000          # 10,000 inputs per reader

The corpus it starts from is the project's own: every golden file in
``tests/golden/`` and the fixtures in ``tests/fixtures/``, damaged by the
edits of ``tests/mutation.py`` (cut, insert, delete, overwrite, repeat) with
its hostile pieces, plus the generated shapes in :data:`SHAPES` (deep
nesting, entity declarations in UTF-16, runs of white space, escaped
quotes, thousands of quotations) at growing sizes.

Each input is read in a child process that a watchdog kills after
``--timeout`` seconds of CPU time (the watchdog waits :data:`WALL_SLACK` times
as long on the clock, so a busy machine does not make findings). An input is
a finding when the reader raises anything but a ``newsmodel.NewsmodelError``,
takes longer than the timeout, or its
process dies (memory is capped at ``--memory-mb`` by ``RLIMIT_AS``). Findings
are written to ``--out`` (one input file and one report each); the run ends
with a table of inputs, errors, findings and the slowest input per reader.
"""

from __future__ import annotations

import argparse
import codecs
import hashlib
import multiprocessing as mp
import random
import resource
import sys
import time
import traceback
import warnings
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.mutation

from tests.mutation import HOSTILE_JUNK, mutate  # noqa: E402

FORMATS = (
    "html", "jsonld", "newsmodel", "ninjs", "newsml", "nitf", "text",
    "newsml1", "rss", "atom", "jsonfeed", "jsonl",
)  # fmt: skip

#: Golden files (by name prefix) and fixtures that seed each reader.
SEEDS: dict[str, tuple[str, ...]] = {
    "html": ("indaily.html", "indaily-russia-nato-2024-04-05.html"),
    "jsonld": ("indaily.jsonld",),
    "newsmodel": ("indaily.newsmodel.json",),
    "ninjs": ("indaily.ninjs-",),
    "newsml": ("indaily.newsml",),
    "nitf": ("indaily.nitf.xml",),
    "text": ("indaily.txt", "indaily-russia-nato-2024-04-05.txt"),
    "newsml1": ("indaily.newsml1.xml", "bodies.xml", "nitf-latin9.xml", "package.xml",
                "photo-item.xml"),
    "rss": ("indaily.rss.xml", "example-newsroom-feed.rss"),
    "atom": ("indaily.atom.xml",),
    "jsonfeed": ("indaily.feed.json",),
    "jsonl": ("indaily.jsonl",),
}  # fmt: skip

#: How many times the CPU timeout the watchdog waits on the clock before it kills
#: the reader: other work on the machine slows the clock, not the reader's CPU time.
WALL_SLACK = 3.0

#: One in this many inputs is a generated hostile shape instead of a mutation.
SHAPE_EVERY = 20


def _entity_doc(size: int) -> bytes:
    doc = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE nitf [<!ENTITY % p SYSTEM '
    doc += '"file:///dev/zero"> %p;]><nitf><body><p>' + "x" * size + "</p></body></nitf>"
    return codecs.BOM_UTF16_LE + doc.encode("utf-16-le")


#: Hostile document shapes by name, each made at a given size (in repeated units).
SHAPES: dict[str, Callable[[int], bytes]] = {
    "deep-xml": lambda n: b"<nitf><body>" + b"<p>" * n + b"text" + b"</p>" * n + b"</body></nitf>",
    "deep-html": lambda n: b"<html><body>" + b"<div>" * n + b"words here" + b"</div>" * n,
    "utf16-entity": _entity_doc,
    "utf16-no-bom": lambda n: ("<p>“Quoted,” she said. é</p>" * n).encode("utf-16-le"),
    "space-run": lambda n: b"A" + b" \t" * n + b"B\n\nPhoto: " + b"\xc2\xa0" * n + b"x",
    "escaped-quotes": lambda n: b'{"headline": "' + b'\\"' * n,
    "nested-json": lambda n: b"[" * n + b"]" * n,
    "nested-jsonld": lambda n: b'<script type="application/ld+json">' + b'{"a":' * n + b"</script>",
    "quotations": lambda n: b"\n\n".join([b'"Yes," Jane Doe said.'] * n),
    "open-quotes": lambda n: b"\xe2\x80\x9c" * n + b" said Jane Doe",
    "capitals": lambda n: b"Aa " * n + b"said.",
    "long-line": lambda n: b"By " + b"Name Name, " * n,
    "many-items": lambda n: b'<rss version="2.0"><channel>' + b"<item><title>t</title></item>" * n,
    "raw-html-items": lambda n: (
        b'<rss version="2.0"><channel>'
        + b"<item><description>a<br>b<img src=x>&c</description></item>" * n
    ),
    "cut-cdata": lambda n: b"<feed><entry><content><![CDATA[a ]]> b" * n,
    "junk-first": lambda n: b"<b>Warning</b>: " * n + b'<?xml version="1.0"?><rss/>',
    "base64-nest": lambda n: (
        b"<NewsML><NewsItem><NewsComponent><ContentItem>"
        + b'<Encoding Notation="base64">' * n
        + b"PHA+eDwvcD4="
        + b"</Encoding>" * n
        + b"</ContentItem></NewsComponent></NewsItem></NewsML>"
    ),
}


def _load_seeds() -> dict[str, list[bytes]]:
    files = [
        f
        for folder in ("tests/golden", "tests/fixtures", "tests/fixtures/newsml1", "examples")
        for f in sorted((ROOT / folder).iterdir())
        if f.is_file()
    ]
    return {
        fmt: [f.read_bytes() for f in files if f.name.startswith(prefixes)]
        for fmt, prefixes in SEEDS.items()
    }


def _child(conn: Connection, memory_mb: int) -> None:
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import newsmodel

    warnings.simplefilter("ignore")
    while True:
        fmt, data = conn.recv()
        start = time.process_time()
        try:
            for _ in newsmodel.read_many(data, format=fmt):  # every article, not the first
                pass
            outcome, detail = "ok", ""
        except newsmodel.NewsmodelError as exc:
            outcome, detail = "ours", str(exc)[:200]
        except BaseException:  # what the run is looking for
            outcome, detail = "crash", traceback.format_exc()
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        conn.send((outcome, detail, time.process_time() - start, peak_mb))


class Worker:
    """A child process reading inputs, replaced when it hangs or dies."""

    def __init__(self, memory_mb: int) -> None:
        self.memory_mb = memory_mb
        self._start()

    def _start(self) -> None:
        self.conn, child_end = mp.Pipe()
        self.process = mp.Process(target=_child, args=(child_end, self.memory_mb), daemon=True)
        self.process.start()

    def read(self, fmt: str, data: bytes, timeout: float) -> tuple[str, str, float, int]:
        """The outcome, its detail, the CPU seconds taken and the peak memory (MB)."""
        self.conn.send((fmt, data))
        if self.conn.poll(timeout * WALL_SLACK):
            try:
                result: tuple[str, str, float, int] = self.conn.recv()
                if result[0] in ("ok", "ours") and result[2] > timeout:
                    return "slow", f"{result[2]:.1f} s of CPU time", result[2], result[3]
                return result
            except EOFError:
                pass
        died = not self.process.is_alive()
        self.process.kill()
        self.process.join()
        self._start()
        if died:
            return "died", "the reader's process died (memory cap?)", timeout, 0
        return "timeout", f"no answer within {timeout} s", timeout, 0


def _save(out: Path, fmt: str, data: bytes, outcome: str, detail: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    name = f"{fmt}-{outcome}-{hashlib.sha1(data).hexdigest()[:12]}"
    (out / f"{name}.bin").write_bytes(data)
    (out / f"{name}.txt").write_text(f"{fmt} {outcome}\n{detail}\n", "utf-8")


def _next_input(rng: random.Random, fmt: str, seeds: dict[str, list[bytes]]) -> bytes:
    if rng.randrange(SHAPE_EVERY) == 0:
        return rng.choice(list(SHAPES.values()))(rng.choice((10, 1_000, 20_000, 100_000)))
    sources = seeds[fmt] or [b""]
    return mutate(rng, sources, HOSTILE_JUNK, edits=6, max_delete=400)


def run(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    seeds = _load_seeds()
    worker = Worker(args.memory_mb)
    formats = args.format or list(FORMATS)
    stats = {
        fmt: {"inputs": 0, "ok": 0, "ours": 0, "findings": 0, "slowest": 0.0, "peak": 0}
        for fmt in formats
    }
    deadline = time.monotonic() + args.minutes * 60
    done = 0
    while time.monotonic() < deadline and (args.count is None or done < args.count):
        for fmt in formats:
            data = _next_input(rng, fmt, seeds)
            outcome, detail, seconds, peak_mb = worker.read(fmt, data, args.timeout)
            row = stats[fmt]
            row["inputs"] += 1
            row["slowest"] = max(row["slowest"], seconds)
            row["peak"] = max(row["peak"], peak_mb)
            if outcome in ("ok", "ours"):
                row[outcome] += 1
            else:
                row["findings"] += 1
                _save(Path(args.out), fmt, data, outcome, detail)
                print(f"finding: {fmt} {outcome} ({len(data)} bytes)", file=sys.stderr)
        done += 1
    print("| reader | inputs | articles | our errors | findings | slowest (s) | peak MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for fmt, row in stats.items():
        print(
            f"| {fmt} | {row['inputs']} | {row['ok']} | {row['ours']} | {row['findings']} "
            f"| {row['slowest']:.2f} | {row['peak']} |"
        )
    return 1 if any(row["findings"] for row in stats.values()) else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--count", type=int, default=None, help="inputs per reader, at most")
    parser.add_argument("--format", action="append", choices=FORMATS)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per input")
    parser.add_argument("--memory-mb", type=int, default=2048, help="address-space cap")
    parser.add_argument("--out", default="fuzz-findings")
    return run(parser.parse_args())


if __name__ == "__main__":
    raise SystemExit(main())
