"""Web-page benchmark: body F1 and metadata, newsmodel beside trafilatura, one run.

Usage: python benchmarks/web_pages.py [--no-peer] [--only NAME] [--limit N]

Runs the project's scorers (../shared/tools/eval_body.py and eval_meta.py) on
../shared/bench/article-extraction (body, 4-gram word shingles as published),
../shared/bench/news-metadata (metadata and body) and ../shared/bench/wceb-dev
(body, overall and per sub-dataset: the ``dataset`` field of its gold), with the
adapters in benchmarks/adapters.py. Each body table gives pages per second (the
extractor call alone); the speed line after it compares them. trafilatura is the
peer (``pip install trafilatura lxml_html_clean`` in the benchmark environment; it
is never a dependency of newsmodel); ``--no-peer`` or its absence runs newsmodel
alone. ``--only`` runs one set (``article-extraction``, ``news-metadata``,
``metadata``, ``wceb-dev``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
BENCH = SHARED / "bench"
#: The body scorer's settings: 4-token word shingles, as the published benchmark.
BODY_OPTIONS = ["--ngram", "4", "--tokenizer", "word", "--bootstrap", "0"]
#: A row of the scorer's table: ``| name | F1 | … | pages/s | median ms |``.
_ROW = re.compile(r"^\| (\w+) \|.*\| ([\d.]+) \| ([\d.]+) \|$")


def _run(command: list[str]) -> str:
    """Run a scorer, print and return what it printed."""
    done = subprocess.run(command, cwd=ROOT, check=False, capture_output=True, text=True)
    print(done.stdout, end="", flush=True)
    if done.returncode:
        print(done.stderr, end="", file=sys.stderr, flush=True)
    return done.stdout


def _speed_line(output: str) -> None:
    """Pages per second of each extractor, and newsmodel's as a multiple of the peer's."""
    speeds = {m.group(1): float(m.group(2)) for m in map(_ROW.match, output.splitlines()) if m}
    ours, peer = speeds.get("newsmodel_extract"), speeds.get("trafilatura_extract")
    if ours and peer:
        print(f"\nspeed: newsmodel {ours:.1f} pages/s, trafilatura {peer:.1f}: {ours / peer:.2f}x")


def _per_dataset(data: Path, per_page: Path) -> None:
    """Body scores per sub-dataset, from the scorer's per-page lines (same convention:
    F1 of the mean precision over non-empty outputs and the mean recall)."""
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    rows: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for line in per_page.read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        dataset = str(gold.get(page["id"], {}).get("dataset", "?"))
        rows[(dataset, str(page["extractor"]))].append(page)
    print("\n| dataset | extractor | pages | F1 | precision | recall | exact | empty |")
    print("|---|---|---|---|---|---|---|---|")
    for (dataset, extractor), pages in sorted(rows.items()):
        full = [p for p in pages if not p["empty"]]
        precision = sum(float(str(p["p"])) for p in full) / max(len(full), 1)
        recall = sum(float(str(p["r"])) for p in pages) / len(pages)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        exact = sum(bool(p["exact"]) for p in pages) / len(pages)
        empty = len(pages) - len(full)
        print(
            f"| {dataset} | {extractor} | {len(pages)} | {f1:.3f} | {precision:.3f} "
            f"| {recall:.3f} | {exact:.3f} | {empty} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--only", default=None)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not TOOLS.is_dir() or not BENCH.is_dir():
        print(f"skipped: {TOOLS} or {BENCH} is not present")
        return
    extractors = ["benchmarks/adapters.py:newsmodel_extract"]
    if not args.no_peer and importlib.util.find_spec("trafilatura") is not None:
        extractors.append("benchmarks/adapters.py:trafilatura_extract")
    runs = [
        ("article-extraction", "body, article-extraction", "eval_body.py", True),
        ("news-metadata", "body, news-metadata", "eval_body.py", True),
        ("metadata", "metadata, news-metadata", "eval_meta.py", False),
        ("wceb-dev", "body, wceb-dev", "eval_body.py", True),
    ]
    for key, title, tool, body in runs:
        if args.only and args.only != key:
            continue
        data = BENCH / ("news-metadata" if key == "metadata" else key)
        if not data.is_dir():
            print(f"## {title}\n\nskipped: {data} is not present\n")
            continue
        command = [sys.executable, str(TOOLS / tool), "--data", str(data)]
        if body:
            command += BODY_OPTIONS
        if args.limit:
            command += ["--limit", str(args.limit)]
        print(f"## {title}\n", flush=True)
        with tempfile.TemporaryDirectory() as scratch:
            per_page = Path(scratch) / "pages.jsonl"
            if key == "wceb-dev":
                command += ["--per-page", str(per_page)]
            output = _run(command + extractors)
            if body:
                _speed_line(output)
            if key == "wceb-dev" and per_page.is_file():
                _per_dataset(data, per_page)
        print(flush=True)


if __name__ == "__main__":
    main()
