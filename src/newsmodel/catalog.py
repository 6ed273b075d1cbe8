"""QCodes and URIs: resolving IPTC-style scheme aliases, per document.

A QCode such as ``medtop:20000764`` is a scheme alias and a code; the
scheme's URI (``http://cv.iptc.org/newscodes/mediatopic/``) plus the code
gives the concept's URI. :class:`Catalog` maps between the two forms. It is
an immutable value: readers build one per document (the built-in table plus
that document's own ``catalog`` entries and any catalog file the caller
gives), never a global that documents share.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = ["BUILTIN_SCHEMES", "Catalog"]

#: The IPTC schemes newsmodel's writers use, and the common ones feeds send.
#: Facts from the IPTC NewsCodes catalog (version 41).
BUILTIN_SCHEMES: Mapping[str, str] = {
    "medtop": "http://cv.iptc.org/newscodes/mediatopic/",
    "subj": "http://cv.iptc.org/newscodes/subjectcode/",
    "genre": "http://cv.iptc.org/newscodes/genre/",
    "ninat": "http://cv.iptc.org/newscodes/ninature/",
    "stat": "http://cv.iptc.org/newscodes/pubstatusg2/",
    "drol": "http://cv.iptc.org/newscodes/descriptionrole/",
    "cpnat": "http://cv.iptc.org/newscodes/cpnature/",
    "ctrol": "http://cv.iptc.org/newscodes/contributorrole/",
    "cpprole": "http://cv.iptc.org/newscodes/contentprodpartyrole/",
    "crel": "http://cv.iptc.org/newscodes/conceptrelation/",
    "rnd": "http://cv.iptc.org/newscodes/rendition/",
    "irel": "http://cv.iptc.org/newscodes/itemrelation/",
    "sig": "http://cv.iptc.org/newscodes/signal/",
    "urgy": "http://cv.iptc.org/newscodes/urgency/",
    "isrol": "http://cv.iptc.org/newscodes/infosourcerole/",
    "altidrole": "http://cv.iptc.org/newscodes/altidrole/",
    "prodgenre": "http://cv.iptc.org/newscodes/productgenre/",
    "scn": "http://cv.iptc.org/newscodes/scene/",
    "why": "http://cv.iptc.org/newscodes/whypresent/",
    "digsrctype": "http://cv.iptc.org/newscodes/digitalsourcetype/",
    "nprov": "http://cv.iptc.org/newscodes/newsprovider/",
    "pgrmod": "http://cv.iptc.org/newscodes/pkggroupmode/",
    "colsp": "http://cv.iptc.org/newscodes/colorspace/",
    "loctyp": "http://cv.iptc.org/newscodes/location/",
    "iso3166-1a2": "http://cvx.iptc.org/iso3166-1a2/",
    "iso3166-1a3": "http://cvx.iptc.org/iso3166-1a3/",
    "bcp47": "http://cvx.iptc.org/bcp47/",
    "wikidata": "http://www.wikidata.org/entity/",
    "geonames": "http://sws.geonames.org/",
    "dbpedia": "http://dbpedia.org/resource/",
}


@attrs.frozen
class Catalog:
    """Scheme alias → scheme URI, with lookups both ways."""

    schemes: Mapping[str, str] = attrs.field(factory=lambda: dict(BUILTIN_SCHEMES))

    def with_schemes(self, extra: Mapping[str, str] | Iterable[tuple[str, str]]) -> Catalog:
        """A new catalog with ``extra`` added (its entries win)."""
        merged = dict(self.schemes)
        merged.update(dict(extra))
        return Catalog(merged)

    def to_uri(self, qcode: str) -> str | None:
        """The URI for ``qcode`` (``alias:code``), or ``None`` when the alias is unknown."""
        alias, sep, code = qcode.strip().partition(":")
        if not sep or not alias:
            return None
        base = self.schemes.get(alias)
        return base + code if base is not None else None

    def to_qcode(self, uri: str) -> str | None:
        """The QCode for ``uri`` by its longest matching scheme URI, or ``None``."""
        uri = uri.strip()
        best: tuple[int, str] | None = None
        for alias, base in self.schemes.items():
            fits = base and uri.startswith(base) and len(uri) > len(base)
            if fits and (best is None or len(base) > best[0]):
                best = (len(base), alias)
        if best is None:
            return None
        return f"{best[1]}:{uri[best[0] :]}"

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Catalog:
        """The built-in table plus the schemes of a NewsML-G2 catalog file.

        The file is parsed without DTDs, entities or network access.
        """
        from newsmodel.errors import ReadError
        from newsmodel.xmlsafe import parse_xml

        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise ReadError(f"cannot read catalog {os.fspath(path)!r}: {exc.strerror}") from None
        root = parse_xml(data, format="catalog")
        return cls().with_schemes(schemes_in(root))


def schemes_in(element: Any) -> list[tuple[str, str]]:
    """``(alias, uri)`` of every ``scheme`` element under ``element`` (any namespace)."""
    out = []
    for scheme in element.iter("{*}scheme", "scheme"):
        alias, uri = (scheme.get("alias") or "").strip(), (scheme.get("uri") or "").strip()
        if alias and uri:
            out.append((alias, uri))
    return out
