"""NewsML-G2 read and write throughput, in items per second, in one process.

Usage: python benchmarks/g2_speed.py [--seconds S]

Reads and writes the InDaily article (built from the test fixtures) and,
when ../shared/ref is beside the checkout, every schema-valid IPTC NewsML-G2
example. Not a test: numbers go to docs/benchmarks.md by hand.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import attrs  # noqa: E402
from tests.expected import expected_article  # noqa: E402

import newsmodel  # noqa: E402
from newsmodel.io import newsml  # noqa: E402
from newsmodel.model import Article  # noqa: E402

WHEN = datetime.datetime(2024, 4, 5, 12, tzinfo=datetime.timezone.utc)
EXAMPLES = ROOT.parent / "shared" / "ref" / "newsml-g2" / "examples"


def _rate(label: str, work: list[object], fn: object, seconds: float) -> tuple[str, float]:
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for item in work:
            fn(item)  # type: ignore[operator]
        done += len(work)
    return label, done / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    indaily = expected_article()
    indaily_xml = newsml.write(indaily, version_created=WHEN).encode("utf-8")
    examples = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.xml"))] if EXAMPLES.is_dir() else []
    articles: list[Article] = [newsml.read(x) for x in examples]

    rows = [
        _rate(
            "read InDaily (newsmodel.read, quotes found)",
            [indaily_xml],
            lambda x: newsmodel.read(x, format="newsml"),
            args.seconds,
        ),
        _rate("read InDaily, quotes=False (newsml.read)", [indaily_xml], newsml.read, args.seconds),
        _rate(
            "write InDaily",
            [indaily],
            lambda a: newsml.write(a, version_created=WHEN),
            args.seconds,
        ),
        _rate(
            "write InDaily without its quotes",
            [attrs.evolve(indaily, quotes=())],
            lambda a: newsml.write(a, version_created=WHEN),
            args.seconds,
        ),
    ]
    if examples:
        rows.append(
            _rate(f"read IPTC examples ({len(examples)})", examples, newsml.read, args.seconds)
        )
        rows.append(
            _rate(
                f"write IPTC examples ({len(articles)})",
                articles,
                lambda a: newsml.write(a, version_created=WHEN),
                args.seconds,
            )
        )
    print(f"python {sys.version.split()[0]}, one process")
    print("| operation | items per second |")
    print("| --- | ---: |")
    for label, rate in rows:
        print(f"| {label} | {rate:,.0f} |")


if __name__ == "__main__":
    main()
