"""newsmodel.sources.block: consecutive byte ranges of a WARC or JSON Lines file give
every record and line once, damage included, whatever the block size."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsmodel import sources
from tests.batch_inputs import warc_records, write_warc_gz
from tests.conftest import GOLDEN

#: Block sizes from one byte to more than the file.
SIZES = [1, 37, 500, 4096, 10**9]


def _damaged(records: list[bytes]) -> list[bytes]:
    """The second response with a Content-Length that runs into the next record."""
    changed = list(records)
    changed[3] = changed[3].replace(b"Content-Length: ", b"Content-Length: 9", 1)
    return changed


def _files(tmp_path: Path) -> list[Path]:
    records = warc_records(5)
    write_warc_gz(tmp_path / "a.warc.gz", records)
    corrupt = [gzip.compress(r) for r in records]
    corrupt[5] = corrupt[5][:20] + b"\xff" * 30 + corrupt[5][50:]
    (tmp_path / "b.warc.gz").write_bytes(b"garbage" + b"".join(corrupt)[:-25])
    (tmp_path / "c.warc").write_bytes(b"".join(_damaged(records)))
    lines = (GOLDEN / "indaily.jsonl").read_bytes() * 3 + b"\n\n{not json\n"
    (tmp_path / "d.jsonl").write_bytes(lines)
    return [tmp_path / name for name in ("a.warc.gz", "b.warc.gz", "c.warc", "d.jsonl")]


def _key(item: sources.Item) -> tuple[str, object]:
    if isinstance(item, sources.Task):
        return "task", item.data.rstrip(b"\n") if item.data else item.data
    return type(item).__name__, getattr(item, "error", getattr(item, "reason", None))


def _whole(path: Path) -> list[tuple[str, object]]:
    if path.suffix == ".jsonl":  # the batch walk runs lines together: one item a line here
        return [("task", line) for line in path.read_bytes().split(b"\n") if line.strip()]
    return [_key(item) for item in sources.expand([str(path)])]


@pytest.mark.parametrize("size", SIZES)
def test_blocks_give_what_the_whole_file_gives(tmp_path: Path, size: int) -> None:
    for path in _files(tmp_path):
        total = path.stat().st_size
        items = [
            item
            for start in range(0, total, size)
            for item in sources.block(str(path), start, min(start + size, total))
        ]
        assert [_key(item) for item in items] == _whole(path), path.name
        assert all("@" in getattr(item, "source", "@") for item in items)


def test_damage_is_in_the_blocks(tmp_path: Path) -> None:
    _, corrupt, plain, _ = _files(tmp_path)
    for path in (corrupt, plain):
        found = list(sources.block(str(path), 0, path.stat().st_size))
        assert any(
            isinstance(item, sources.Problem) and "damaged WARC record" in item.error
            for item in found
        )


def test_splittable_files() -> None:
    assert sources.splittable("x/crawl.warc.gz") and sources.splittable("big.jsonl")
    assert not sources.splittable("big.jsonl.gz") and not sources.splittable("a.html")
