"""Web-page benchmark: body F1 and metadata, newsmodel beside trafilatura, one run.

Usage: python benchmarks/web_pages.py [--no-peer]

Runs the project's scorers (../shared/tools/eval_body.py and eval_meta.py) on
../shared/bench/article-extraction (body, 4-gram word shingles as published)
and ../shared/bench/news-metadata (metadata and body), with the adapters in
benchmarks/adapters.py. trafilatura is the peer (``pip install trafilatura
lxml_html_clean`` in the benchmark environment; it is never a dependency of
newsmodel); ``--no-peer`` or its absence runs newsmodel alone.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
BENCH = SHARED / "bench"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-peer", action="store_true")
    args = parser.parse_args()
    if not TOOLS.is_dir() or not BENCH.is_dir():
        print(f"skipped: {TOOLS} or {BENCH} is not present")
        return
    extractors = ["benchmarks/adapters.py:newsmodel_extract"]
    if not args.no_peer and importlib.util.find_spec("trafilatura") is not None:
        extractors.append("benchmarks/adapters.py:trafilatura_extract")
    runs = [
        ("body, article-extraction", "eval_body.py", BENCH / "article-extraction", True),
        ("body, news-metadata", "eval_body.py", BENCH / "news-metadata", True),
        ("metadata, news-metadata", "eval_meta.py", BENCH / "news-metadata", False),
    ]
    for title, tool, data, body in runs:
        command = [sys.executable, str(TOOLS / tool), "--data", str(data)]
        if body:
            command += ["--ngram", "4", "--tokenizer", "word", "--bootstrap", "0"]
        print(f"## {title}\n", flush=True)
        subprocess.run(command + extractors, cwd=ROOT, check=False)
        print(flush=True)


if __name__ == "__main__":
    main()
