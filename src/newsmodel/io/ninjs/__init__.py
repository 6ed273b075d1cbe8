"""``ninjs``: IPTC News in JSON, versions 1.x, 2.x and 3.x.

The reader detects the version from the document (or takes ``version=``),
normalises 1.x, 2.x and 3.x to one shape, and maps it to an
:class:`~newsmodel.model.Article`. The writer emits 3.1 by default, or 2.2
or 1.6, and every document it writes is valid against that version's JSON
Schema (formats included: date-times carry an offset, URIs are absolute).

What ninjs cannot carry is declared by the writer as it leaves it out (see
:mod:`newsmodel.losses`), by field path.
See ``docs/formats/ninjs.md`` for the mapping.

The parts: :mod:`.shape` (what both directions share), :mod:`.detect`
(sniffing and versions), :mod:`.v1` (the 1.6 keys, one table walked both
ways), :mod:`.reader`, :mod:`.many` (arrays of items and API envelopes) and
:mod:`.writer`.
"""

from __future__ import annotations

from newsmodel.io.ninjs.detect import detect_version, sniff
from newsmodel.io.ninjs.many import read, read_many
from newsmodel.io.ninjs.shape import FORMAT, MAX_DEPTH
from newsmodel.io.ninjs.writer import VERSIONS, to_data, write

__all__ = [
    "FORMAT",
    "MAX_DEPTH",
    "VERSIONS",
    "detect_version",
    "read",
    "read_many",
    "sniff",
    "to_data",
    "write",
]
