"""Is it ninjs, and which version: :func:`sniff` and :func:`detect_version`."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from newsmodel.io.ninjs.shape import JSONObject, JSONValue

__all__ = ["detect_version", "sniff"]

#: Keys only 3.x writes (camelCase), quoted: ``"versionCreated"``.
_V3_ONLY = re.compile(
    rb'"(?:versionCreated|firstCreated|contentCreated|embargoedUntil|pubStatus|copyright'
    rb'(?:Holder|Notice)|usageTerms|edNote|altIds|infoSources|contentType|sizeInBytes)"'
)
#: Keys only 1.x writes, as object members: ``"body_html":``.
_V1_ONLY = re.compile(
    rb'"(?:headline|byline|body_\w+|description_\w+|headline_\w+|person|subject|place|mimetype)"\s*:'
)
#: Keys every version may write, quoted: ``"renditions"``.
_ANY_VERSION = re.compile(rb'"(?:versioncreated|headlines|bodies|renditions|associations|type)"')

#: Keys only ninjs 1.x uses (2.x and 3.x made them plural or renamed them), e.g.
#: ``"infosource": [{"name": "AAP", "rel": "publisher"}]``.
_V1_ONLY_KEYS = frozenset(
    {
        "headline",
        "byline",
        "person",
        "subject",
        "place",
        "organisation",
        "event",
        "object",
        "genre",
        "infosource",
        "mimetype",
    }
)
#: 1.x prefixes of keys whose rest names a role or format: ``"body_html"``.
_V1_PREFIXES = ("body_", "description_", "headline_")
#: Keys that are objects in 1.x and arrays later: ``"altids": {"guid": "g1"}``.
_V1_OBJECTS = ("renditions", "associations", "altids")
#: Keys of nested objects only 3.x writes: ``"contentType"``.
_V3_NESTED = frozenset({"contentType", "sizeInBytes", "charCount"})
#: Top-level keys that are 2.x when no key is camelCase: ``"versioncreated"``.
_V2_KEYS = frozenset({"versioncreated", "firstcreated", "pubstatus", "embargoed", "altids"})
#: Keys of nested objects that are 2.x when no key is camelCase: ``"contenttype"``.
_V2_NESTED = frozenset({"contenttype", "sizeinbytes"})

#: Objects whose keys version detection looks at: the top of a document tells its
#: version; walking (or serialising) all of a large one would cost its whole size.
_DETECT_OBJECTS = 500


def sniff(head: bytes) -> bool:
    """A JSON object, or an array of them, with ninjs's hallmarks (a ``uri`` and
    version-specific keys)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith((b"{", b"[")) or b'"uri"' not in head:
        return False
    return bool(_V3_ONLY.search(head) or _V1_ONLY.search(head) or _ANY_VERSION.search(head))


def detect_version(doc: JSONObject) -> str:
    """``"1"``, ``"2"`` or ``"3"``: the ninjs major version a document is written in."""
    standard = doc.get("standard") or doc.get("$standard")
    if isinstance(standard, dict):
        version = standard.get("version")
        if isinstance(version, str) and version.strip()[:1] in ("1", "2", "3"):
            return version.strip()[:1]
    keys = set(doc)
    if keys & _V1_ONLY_KEYS or any(k.startswith(_V1_PREFIXES) for k in keys):
        return "1"
    if any(isinstance(doc.get(k), dict) for k in _V1_OBJECTS):
        return "1"
    if any(k != k.lower() for k in keys):
        return "3"
    nested = _nested_keys(doc)
    if nested & _V3_NESTED:
        return "3"
    if keys & _V2_KEYS or nested & _V2_NESTED:
        return "2"
    return "3"


def _nested_keys(doc: JSONObject) -> set[str]:
    """The keys of the first :data:`_DETECT_OBJECTS` objects in ``doc``, breadth first."""
    found: set[str] = set()
    queue: list[JSONValue] = [doc]
    for value in queue:
        if isinstance(value, dict):
            found.update(value)
            children: Iterable[JSONValue] = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        room = _DETECT_OBJECTS - len(queue)
        queue.extend(itertools.islice((c for c in children if isinstance(c, (dict, list))), room))
    return found
