"""Feed reading: items per second beside feedparser and fastfeedparser, and agreement.

Usage: python benchmarks/feeds_speed.py [--seconds S] [--folder DIR]

Reads every feed in ``../shared/ref/feeds`` (beside the checkout; skipped when
absent) with newsmodel (defaults, which extract quotes from every body, and
``quotes=False``), feedparser and fastfeedparser, in the same process, and
prints items per second for each. Then compares newsmodel's reading of every
item with feedparser's: the title (white space collapsed), the link, and the
published day (newsmodel's ``published``, else ``modified``, against
feedparser's ``published_parsed``, else ``updated_parsed``, both in UTC), pairing
items by link or id (else by position) and leaving out feedparser's entries that say
nothing; prints the feeds where an item disagrees, and how many titles disagree only
because feedparser gives them as HTML (``&amp;``, ``<b>``) where newsmodel gives text.
Then a second figure, agreement where feedparser gives a comparable reading: a field
feedparser leaves empty (a date it cannot read) is not compared, its relative links
are taken against the feed's own link, and its HTML titles are taken as their text.
Not a test: the numbers go to docs/benchmarks.md by hand. feedparser and
fastfeedparser come with the ``bench`` extra.
"""

from __future__ import annotations

import argparse
import datetime
import html
import re
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

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


#: A tag in feedparser's HTML title.
_TAG = re.compile(r"<[^<>]{1,200}>")


def _html_as_text(value: object) -> str:
    """feedparser's title (HTML when the feed's title was) as text: tags out, references read."""
    text = str(value or "")
    return html.unescape(_TAG.sub("", text)) if "<" in text or "&" in text else text


def _same(mine: object, theirs: object) -> bool:
    return _norm(mine) == _norm(theirs)


def _says_something(entry: Any) -> bool:
    """An entry with a title, link, id or text: feedparser also lists an empty ``<item/>``,
    which newsmodel skips with a warning (an item that says nothing is no article)."""
    keys = ("title", "link", "id", "summary", "content")
    return any(entry.get(key) for key in keys)


def _pairs(mine: list[Any], theirs: list[Any]) -> list[tuple[Any, Any]]:
    """Our articles paired with feedparser's entries: by position when both read as many
    items; else by id, then by link (the first entry not yet taken), then what is left by
    position, so an item one parser skips does not shift every later pair. (Keys only
    then: a link feedparser takes from a related story would pair two stories.)"""
    if len(mine) == len(theirs):
        return list(zip(mine, theirs, strict=True))
    free = list(range(len(theirs)))
    paired: dict[int, int] = {}
    for mine_key, their_key in (("id", "id"), ("url", "link")):
        by_key: dict[str, list[int]] = {}
        for j in free:
            by_key.setdefault(_norm(theirs[j].get(their_key)), []).append(j)
        by_key.pop("", None)
        for i, article in enumerate(mine):
            if i in paired:
                continue
            match = next(
                (j for j in by_key.get(_norm(getattr(article, mine_key)), ()) if j in free), None
            )
            if match is not None:
                paired[i] = match
                free.remove(match)
    rest = iter(free)
    for i in range(len(mine)):
        if i not in paired and (j := next(rest, None)) is not None:
            paired[i] = j
    return [(mine[i], theirs[j]) for i, j in sorted(paired.items())]


def _norm(value: object) -> str:
    return " ".join(str(value or "").split())


def _comparable(article: Any, entry: Any, feed_link: str) -> dict[str, bool]:
    """Each field feedparser gives a reading of, and whether ours agrees with it, its
    relative link taken against the feed's link and its HTML title as text. Its link is
    its ``link`` or the first alternate of its ``links`` (a later ``<link>`` nested in the
    item, a related story's, replaces ``link`` but not that first one)."""
    checks: dict[str, bool] = {}
    title = entry.get("title")
    if title:
        checks["title"] = _same(article.headline, _html_as_text(title))
    link = entry.get("link")
    if link:
        first = next(
            (x.get("href") for x in entry.get("links", ()) if x.get("rel") == "alternate"), None
        )
        links = {
            urljoin(feed_link, value) if feed_link else value for value in (link, first) if value
        }
        checks["link"] = any(_same(article.url, value) for value in links)
    day = _their_day(entry)
    if day is not None:
        checks["day"] = _utc_day(article.published or article.modified) == day
    return checks


def agreement(
    feeds: list[tuple[str, bytes]], comparable: dict[str, int] | None = None
) -> tuple[int, int, dict[str, int]]:
    """(items agreeing on all three, items compared, misses per field) against feedparser;
    prints the feeds where some item disagrees, with their misses per field. When
    ``comparable`` is given, it counts ``items`` and ``agree``: items whose every field
    feedparser reads (see :func:`_comparable`) agrees."""
    import feedparser

    agree = total = 0
    misses = {"count": 0, "title": 0, "link": 0, "day": 0, "title only as HTML": 0}
    for name, data in feeds:
        parsed = feedparser.parse(data)
        theirs = [e for e in parsed.entries if _says_something(e)]
        feed_link = str(parsed.feed.get("link") or "")
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
        feed_misses = dict.fromkeys(("title", "link", "day"), 0)
        for article, entry in _pairs(mine, theirs):
            total += 1
            checks = {
                "title": _same(article.headline, entry.get("title")),
                "link": _same(article.url, entry.get("link")),
                "day": _utc_day(article.published or article.modified) == _their_day(entry),
            }
            for key, ok in checks.items():
                misses[key] += not ok
                feed_misses[key] += not ok
            agree += all(checks.values())
            # a title feedparser gives as HTML (&amp;, <b>) that newsmodel gives as its text
            as_text = _same(article.headline, _html_as_text(entry.get("title")))
            misses["title only as HTML"] += not checks["title"] and as_text
            if comparable is not None:
                comparable["items"] += 1
                comparable["agree"] += all(_comparable(article, entry, feed_link).values())
        if any(feed_misses.values()):
            print(f"  {name}: " + ", ".join(f"{k} {v}" for k, v in feed_misses.items() if v))
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
        comparable = {"items": 0, "agree": 0}
        agree, total, misses = agreement(feeds, comparable)
        share = agree / total if total else 0.0
        target = f"target {TARGET_AGREEMENT:.0%}"
        print(f"agreement with feedparser: {agree}/{total} = {share:.1%} ({target})")
        print("  misses: " + ", ".join(f"{k} {v}" for k, v in misses.items()))
        fields = ("title", "link", "day")
        print("  per field: " + ", ".join(f"{k} {1 - misses[k] / total:.1%}" for k in fields))
        items = comparable["items"]
        print(
            f"agreement where feedparser gives a comparable reading: {comparable['agree']}/{items}"
            f" = {comparable['agree'] / items if items else 0.0:.1%}"
        )


if __name__ == "__main__":
    main()
