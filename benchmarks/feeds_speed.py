"""Feed reading: items per second beside feedparser and fastfeedparser, and agreement.

Usage: python benchmarks/feeds_speed.py [--seconds S] [--folder DIR]

Reads every feed in ``../shared/ref/feeds`` (beside the checkout; skipped when
absent) with newsmodel (defaults, which extract quotes from every body, and
``quotes=False``), feedparser and fastfeedparser, in the same process, and
prints items per second for each. Then compares newsmodel's reading of every
item with feedparser's: the title (white space collapsed), the link, and the
published day (newsmodel's ``published``, else ``modified``, against
feedparser's ``published_parsed``, else ``updated_parsed``, both in UTC).
Not a test: the numbers go to docs/benchmarks.md by hand. feedparser and
fastfeedparser come with the ``bench`` extra.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import newsmodel  # noqa: E402

FEEDS = ROOT.parent / "shared" / "ref" / "feeds"
#: Target share of items whose title, link and published day agree with feedparser.
TARGET_AGREEMENT = 0.97


def _feeds(folder: Path) -> list[tuple[str, bytes]]:
    return [
        (p.name, p.read_bytes()) for p in sorted(folder.iterdir()) if p.suffix in (".xml", ".json")
    ]


def _newsmodel(quotes: bool) -> Callable[[bytes], int]:
    def run(data: bytes) -> int:
        return sum(1 for _ in newsmodel.read_many(data, quotes=quotes))

    return run


def _parsers() -> dict[str, Callable[[bytes], int]]:
    parsers = {"newsmodel": _newsmodel(True), "newsmodel quotes=False": _newsmodel(False)}
    try:
        import feedparser

        parsers["feedparser"] = lambda data: len(feedparser.parse(data).entries)
    except ImportError:
        print("feedparser is not installed (pip install -e '.[bench]')")
    try:
        import fastfeedparser

        parsers["fastfeedparser"] = lambda data: len(fastfeedparser.parse(data).entries)
    except ImportError:
        print("fastfeedparser is not installed (pip install -e '.[bench]')")
    return parsers


def _rate(parse: Callable[[bytes], int], feeds: list[tuple[str, bytes]], seconds: float) -> float:
    """Items per second over every feed, repeated for at least ``seconds``."""
    items = 0
    start = time.perf_counter()
    while True:
        for _, data in feeds:
            items += parse(data)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return items / elapsed


def _utc_day(value: Any) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(datetime.timezone.utc)
        return value.date()
    return value if isinstance(value, datetime.date) else None


def _their_day(entry: Any) -> datetime.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return datetime.date(*parsed[:3]) if parsed else None
    except ValueError:  # feedparser keeps year 0 (0000-01-01), which no date holds
        return None


def _same(mine: object, theirs: object) -> bool:
    def norm(value: object) -> str:
        return " ".join(str(value or "").split())

    return norm(mine) == norm(theirs)


def agreement(feeds: list[tuple[str, bytes]]) -> tuple[int, int, dict[str, int]]:
    """(items agreeing on all three, items compared, misses per field) against feedparser."""
    import feedparser

    agree = total = 0
    misses = {"count": 0, "title": 0, "link": 0, "day": 0}
    for name, data in feeds:
        theirs = feedparser.parse(data).entries
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                mine = list(newsmodel.read_many(data, quotes=False))
        except newsmodel.NewsmodelError as exc:  # a feed we cannot read: all its items missed
            print(f"  {name}: not read ({exc})")
            mine = []
        if len(mine) != len(theirs):
            misses["count"] += abs(len(mine) - len(theirs))
            print(f"  {name}: {len(mine)} items, feedparser {len(theirs)}")
        for article, entry in zip(mine, theirs, strict=False):
            total += 1
            checks = {
                "title": _same(article.headline, entry.get("title")),
                "link": _same(article.url, entry.get("link")),
                "day": _utc_day(article.published or article.modified) == _their_day(entry),
            }
            for key, ok in checks.items():
                misses[key] += not ok
            agree += all(checks.values())
    return agree, total, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--folder", type=Path, default=FEEDS)
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"no feeds at {args.folder}: skipped")
        return
    # feedparser reads no JSON Feed: speed and agreement are over the XML feeds
    feeds = [(name, data) for name, data in _feeds(args.folder) if name.endswith(".xml")]
    warnings.simplefilter("ignore")
    print(f"{len(feeds)} feeds, {sum(_newsmodel(False)(d) for _, d in feeds)} items")
    rates = {label: _rate(parse, feeds, args.seconds) for label, parse in _parsers().items()}
    base = rates.get("feedparser")
    for label, rate in rates.items():
        ratio = f"  {rate / base:5.1f}x feedparser" if base else ""
        print(f"{label:24} {rate:9.0f} items/s{ratio}")
    if base:
        agree, total, misses = agreement(feeds)
        share = agree / total if total else 0.0
        target = f"target {TARGET_AGREEMENT:.0%}"
        print(f"agreement with feedparser: {agree}/{total} = {share:.1%} ({target})")
        print("  misses: " + ", ".join(f"{k} {v}" for k, v in misses.items()))
        fields = ("title", "link", "day")
        print("  per field: " + ", ".join(f"{k} {1 - misses[k] / total:.1%}" for k in fields))


if __name__ == "__main__":
    main()
