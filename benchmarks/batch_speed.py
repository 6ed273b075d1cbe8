"""Batch conversion: pages per second with -j 1 and -j 2, trafilatura's parallel CLI, memory.

Usage: python benchmarks/batch_speed.py [--pages N] [--skip-trafilatura] [--skip-memory]

Takes the first N web pages (``*.html.gz``) under ``../shared/bench`` (beside
the checkout; skipped when absent), writes them decompressed to a temporary
folder, and times, each as its own process:

- ``newsmodel convert IN -o OUT --to newsmodel -j 1`` and ``-j 2`` (full reads:
  metadata, body, photos, quotes);
- ``trafilatura --input-dir IN --output-dir OUT --parallel 2 --json
  --with-metadata`` (and ``--parallel 1``), on the same folder in the same run;
- the same pages as one ``.warc.gz`` (a response record per page) with ``-j 2``;
- peak memory (the largest process's resident set) of ``-j 2`` over the folder
  and over a folder holding it four times.

Not a test: the numbers go to docs/benchmarks.md by hand.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
#: Targets from the issue: -j 2 over -j 1, newsmodel over trafilatura, memory 4x over 1x.
TARGET_SCALING = 1.6
TARGET_OVER_TRAFILATURA = 1.5
TARGET_MEMORY = 1.3
#: Runs a command and prints its children's peak resident set (KiB) on the last line.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)"
    ".returncode\n"
    "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(code, use.ru_maxrss, use.ru_utime + use.ru_stime)\n"
)


def _pages(limit: int) -> list[bytes]:
    paths = sorted(BENCH.rglob("*.html.gz"))[:limit]
    return [gzip.decompress(p.read_bytes()) for p in paths]


def _run(command: list[str]) -> tuple[float, int, int, float]:
    """Wall seconds, exit status, peak RSS (MiB) and CPU seconds of ``command``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    seconds = time.perf_counter() - start
    code, peak, cpu = done.stdout.split()
    return seconds, int(code), int(peak) // 1024, float(cpu)


def _newsmodel(folder: Path, out: Path, jobs: int) -> list[str]:
    shutil.rmtree(out, ignore_errors=True)
    return [
        sys.executable,
        "-m",
        "newsmodel",
        "convert",
        str(folder),
        "-o",
        str(out),
        "--to",
        "newsmodel",
        "-j",
        str(jobs),
    ]


def _trafilatura(folder: Path, out: Path, jobs: int) -> list[str]:
    shutil.rmtree(out, ignore_errors=True)
    tool = shutil.which("trafilatura") or str(Path(sys.executable).parent / "trafilatura")
    return [
        tool,
        "--input-dir",
        str(folder),
        "--output-dir",
        str(out),
        "--parallel",
        str(jobs),
        "--json",
        "--with-metadata",
    ]


def _warc(pages: list[bytes], path: Path) -> None:
    with path.open("wb") as handle:
        for n, body in enumerate(pages):
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
            head = (
                f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/{n}\r\n"
                f"WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Length: {len(http)}\r\n\r\n"
            ).encode()
            handle.write(gzip.compress(head + http + b"\r\n\r\n"))


def _report(name: str, pages: int, result: tuple[float, int, int, float]) -> float:
    seconds, code, peak, cpu = result
    rate = pages / seconds
    print(
        f"{name:<34} {seconds:7.1f} s  {rate:7.1f} pages/s  {pages / cpu:6.1f} pages/CPU-s  "
        f"peak {peak:5d} MiB  exit {code}"
    )
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--skip-trafilatura", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    if not BENCH.is_dir():
        print(f"skipped: {BENCH} is absent")
        return 0
    pages = _pages(args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / "in"
        folder.mkdir()
        for n, body in enumerate(pages):
            (folder / f"{n:05d}.html").write_bytes(body)
        print(f"{len(pages)} pages, {sum(map(len, pages)) / 2**20:.1f} MiB, {os.cpu_count()} cores")
        one = _report("newsmodel -j 1", len(pages), _run(_newsmodel(folder, work / "o1", 1)))
        two = _report("newsmodel -j 2", len(pages), _run(_newsmodel(folder, work / "o2", 2)))
        print(f"  -j 2 / -j 1: {two / one:.2f}x (target {TARGET_SCALING}x)")
        _warc(pages, work / "pages.warc.gz")
        _report(
            "newsmodel -j 2, one .warc.gz",
            len(pages),
            _run(_newsmodel(work / "pages.warc.gz", work / "ow", 2)),
        )
        if not args.skip_trafilatura:
            _report(
                "trafilatura --parallel 1", len(pages), _run(_trafilatura(folder, work / "t1", 1))
            )
            traf = _report(
                "trafilatura --parallel 2", len(pages), _run(_trafilatura(folder, work / "t2", 2))
            )
            print(
                f"  newsmodel -j 2 / trafilatura --parallel 2: {two / traf:.2f}x "
                f"(target {TARGET_OVER_TRAFILATURA}x)"
            )
        if not args.skip_memory:
            four = work / "in4"
            four.mkdir()
            for copy in range(4):
                (four / f"copy{copy}").symlink_to(folder)
            small = _run(_newsmodel(folder, work / "m1", 2))[2]
            large = _run(_newsmodel(four, work / "m4", 2))[2]
            print(
                f"peak memory, -j 2: 1x {small} MiB, 4x {large} MiB: {large / small:.2f}x "
                f"(target at most {TARGET_MEMORY}x)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
