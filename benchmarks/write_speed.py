"""Writing against reading back, per format, on the InDaily story.

    python benchmarks/write_speed.py                 # 200 repetitions each
    python benchmarks/write_speed.py --repeat 1000

For each format the InDaily article (quotes included, as ``newsmodel.read``
gives it) is written, and the written document is read back with
``newsmodel.read(..., quotes=False)``; the table shows the median time of
each in milliseconds and their ratio. The target: writing costs no more
than reading the same document back.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import newsmodel  # noqa: E402

#: The InDaily story as plain text (the test suite's fixture).
INDAILY_TXT = ROOT / "tests" / "fixtures" / "indaily-russia-nato-2024-04-05.txt"

#: The formats measured (the target names these five; text is shown too).
FORMATS = ("ninjs", "newsml", "nitf", "jsonld", "html", "text")


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``action`` over ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=200, help="runs per measurement")
    args = parser.parse_args()
    article = newsmodel.read_file(INDAILY_TXT)
    warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
    print(f"{'format':8} {'write ms':>9} {'read ms':>9} {'write/read':>10}")
    for name in FORMATS:
        document = newsmodel.write(article, name)
        write_ms = _median_ms(lambda name=name: newsmodel.write(article, name), args.repeat)
        read_ms = _median_ms(
            lambda name=name, document=document: newsmodel.read(document, name, quotes=False),
            args.repeat,
        )
        print(f"{name:8} {write_ms:9.3f} {read_ms:9.3f} {write_ms / read_ms:10.2f}")


if __name__ == "__main__":
    main()
