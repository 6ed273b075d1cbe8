"""What the NewsML-G2 reader and writer share: namespaces, newsmodel's own code scheme,
and how a code is written as a QCode and read back from one."""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from newsmodel import model as m
from newsmodel.io._common import GENERATED_PREFIX

__all__ = [
    "GENERATED",
    "KIND_TYPES",
    "NM_ALIAS",
    "NM_SCHEME",
    "NO_PROVIDER",
    "NS",
    "SUBJECT_TYPES",
    "XHTML",
    "XML_LANG",
    "code",
    "link_rel",
    "qcode_or_nm",
]

#: The NewsML-G2 namespace.
NS = "http://iptc.org/std/nar/2006-10-01/"
#: The XHTML namespace of an inline XHTML body.
XHTML = "http://www.w3.org/1999/xhtml"
#: ``xml:lang``: an item's language.
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Our own scheme for codes no IPTC vocabulary has (roles, rendition names): ``nm:editor``.
NM_ALIAS = "nm"
#: The URI of that scheme.
NM_SCHEME = "urn:newsmodel:codes:"
#: The ``provider/@literal`` written for an article without a publisher (G2 requires a
#: provider): read back as no publisher, where any other literal names one.
NO_PROVIDER = "unknown"
#: GUIDs newsmodel makes up for items without an id (read back as no id).
GENERATED = GENERATED_PREFIX
#: Subject types and the topic kind each reads as (``cpnat:poi`` too is a place).
SUBJECT_TYPES = {
    "cpnat:abstract": m.TopicKind.SUBJECT,
    "cpnat:person": m.TopicKind.PERSON,
    "cpnat:organisation": m.TopicKind.ORGANISATION,
    "cpnat:geoArea": m.TopicKind.PLACE,
    "cpnat:poi": m.TopicKind.PLACE,
    "cpnat:event": m.TopicKind.EVENT,
    "cpnat:object": m.TopicKind.OBJECT,
}
#: The subject type each topic kind is written with (a place as ``cpnat:geoArea``).
KIND_TYPES = {kind: name for name, kind in SUBJECT_TYPES.items() if name != "cpnat:poi"}
#: A QCode as G2 writes one: ``medtop:20000763`` (no space, no URL).
QCODE = re.compile(r"[^\s:]+:[^\s]+")


def code(qcode: str | None) -> str | None:
    """The code part of a QCode (``crol:photographer`` → ``photographer``; our own
    ``nm:`` codes unquoted)."""
    if not qcode:
        return None
    alias, _, found = qcode.partition(":")
    return unquote(found) if alias == NM_ALIAS else found or None


def link_rel(qcode: str | None) -> str | None:
    """A link's relation as read: our own ``nm:`` codes unquoted, any other QCode whole
    (``irel:seeAlso`` stays ``irel:seeAlso``)."""
    if qcode and qcode.startswith(f"{NM_ALIAS}:"):
        return code(qcode)
    return qcode


def qcode_or_nm(value: str) -> str:
    """``value`` when it is a QCode, else our own code for it (``nm:senior%20editor``)."""
    if QCODE.fullmatch(value) and "://" not in value:
        return value
    return f"{NM_ALIAS}:{quote(value, safe='')}"
