"""What reading and writing ninjs share: JSON types, key tables, URIs.

Both directions work on one *common shape*: the 2.x document, keys in lower
case. The reader lower-cases a 3.x document into it and reshapes a 1.x one
(:mod:`.v1`); the writer builds 3.1 and derives 2.2 (:data:`V3_KEYS`) and
1.6 (:mod:`.v1`) from it.
"""

from __future__ import annotations

import re

from newsmodel import model as m
from newsmodel._json import JSONObject, JSONValue
from newsmodel.io import NINJS as FORMAT

__all__ = [
    "FORMAT",
    "MAX_DEPTH",
    "PICTURE_TYPES",
    "REL_KINDS",
    "TOPIC_LISTS",
    "V3_KEYS",
    "JSONObject",
    "JSONValue",
    "absolute_uri",
]


#: Deepest nesting of arrays and objects a ninjs document may have (IPTC's
#: examples nest 6 deep).
MAX_DEPTH = 64


#: An absolute URI as the JSON Schema's ``uri`` format checks it: ``https://x.test/a``.
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[!#$%&'()*+,\-./0-9:;=?@A-Z\[\]_a-z~]+")

#: The 2.x key (lower case) of each 3.x key that is not just its lower case,
#: e.g. ``"embargoed"`` for ``"embargoedUntil"``.
V3_KEYS = {
    "firstcreated": "firstCreated",
    "versioncreated": "versionCreated",
    "contentcreated": "contentCreated",
    "embargoed": "embargoedUntil",
    "pubstatus": "pubStatus",
    "copyrightholder": "copyrightHolder",
    "copyrightnotice": "copyrightNotice",
    "usageterms": "usageTerms",
    "ednote": "edNote",
    "contenttype": "contentType",
    "charcount": "charCount",
    "wordcount": "wordCount",
    "infosources": "infoSources",
    "altids": "altIds",
    "sizeinbytes": "sizeInBytes",
    "representationtype": "representationType",
    "trustindicators": "trustIndicators",
    "rightsinfo": "rightsInfo",
    "digitalsourcetype": "digitalSourceType",
    "geojson": "geoJSON",
    "contactinfo": "contactInfo",
}

#: The topic lists of the common shape and the kind of topic each holds, in the
#: order they are written: ``"people": [{"name": "Jane Roe"}]``.
TOPIC_LISTS = (
    ("subjects", m.TopicKind.SUBJECT),
    ("people", m.TopicKind.PERSON),
    ("organisations", m.TopicKind.ORGANISATION),
    ("places", m.TopicKind.PLACE),
    ("events", m.TopicKind.EVENT),
    ("objects", m.TopicKind.OBJECT),
)
#: Topic kinds without a list of their own travel in ``subjects`` with this ``rel``:
#: ``{"name": "ferries", "rel": "keyword"}``.
REL_KINDS = {"keyword": m.TopicKind.KEYWORD, "section": m.TopicKind.SECTION}
#: Item and association types that are photos: ``"type": "picture"``.
PICTURE_TYPES = ("picture", "graphic")


def absolute_uri(value: str | None) -> str | None:
    """``value`` when it is an absolute URI as the schema's ``uri`` format requires."""
    if value is not None and _URI.fullmatch(value):
        return value
    return None
