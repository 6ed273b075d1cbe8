"""The IPTC examples copied into tests/iptc, and validators built on the shipped schema files.

The validators compile the packaged files directly with lxml and jsonschema, so
that they check newsmodel's output independently of :mod:`newsmodel.validation`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

import newsmodel.schema
from tests.conftest import ROOT

#: The IPTC examples (tests/iptc/README.md says where each comes from, and its licence).
IPTC = ROOT / "iptc"
G2 = IPTC / "newsml-g2"
NITF = IPTC / "nitf"
NINJS = IPTC / "ninjs"
#: The schema folder of the package under test.
PACKAGED = Path(next(iter(newsmodel.schema.__path__)))
XSD = {
    "g2": PACKAGED / "xsd" / "newsml-g2-with-nitf.xsd",  # G2 2.35 with NITF 3.6 inside
    "nitf": PACKAGED / "xsd" / "nitf-3-6.xsd",
}


@cache
def ninjs_validator(version: str) -> Any:
    """A format-checking validator for ninjs ``version`` (3.1, 2.2 or 1.6), offline."""
    from jsonschema import Draft7Validator, Draft202012Validator
    from referencing import Registry, Resource

    folder = PACKAGED / "ninjs"
    schema = json.loads((folder / f"ninjs-schema_{version}.json").read_text("utf-8"))
    if version == "1.6":
        return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    geo = json.loads((folder / "GeoJSON-schema.json").read_text("utf-8"))
    registry = Registry().with_resource(
        "https://geojson.org/schema/GeoJSON.json", Resource.from_contents(geo)
    )
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def assert_ninjs_valid(text: str, version: str) -> None:
    """Fail with the first schema error of a written ninjs document."""
    errors = sorted(ninjs_validator(version).iter_errors(json.loads(text)), key=str)
    assert not errors, f"{errors[0].message} at {list(errors[0].absolute_path)}"


@cache
def xsd(name: str) -> Any:
    """A compiled XSD: ``"g2"`` (G2 2.35 with NITF 3.6 inside) or ``"nitf"`` (NITF 3.6)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(XSD[name]), parser=parser))


def assert_xml_valid(text: str, name: str) -> None:
    """Fail with the first XSD error of a written document."""
    schema = xsd(name)
    ok = schema.validate(etree.fromstring(text.encode("utf-8")))
    assert ok, "; ".join(str(e) for e in list(schema.error_log)[:3])
