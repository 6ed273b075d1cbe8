"""Validators for the official schemas in ../shared/ref, when that folder is present."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from tests.conftest import SHARED_REF

NINJS = SHARED_REF / "ninjs"


def require_ref() -> None:
    """Skip the calling test when ../shared/ref is not beside the checkout."""
    if not SHARED_REF.is_dir():
        pytest.skip("../shared/ref (official schemas) is not present")


@cache
def ninjs_validator(version: str) -> Any:
    """A format-checking validator for ninjs ``version`` (3.1, 2.2 or 1.6)."""
    require_ref()
    from jsonschema import Draft7Validator, Draft202012Validator
    from referencing import Registry, Resource

    schema = json.loads((NINJS / "schema" / f"ninjs-schema_{version}.json").read_text("utf-8"))
    if version == "1.6":
        return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    geo = json.loads((NINJS / "schema" / "GeoJSON-schema.json").read_text("utf-8"))
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


G2 = SHARED_REF / "newsml-g2"
NITF = SHARED_REF / "nitf"


@cache
def xsd(name: str) -> Any:
    """A compiled XSD: ``"g2"`` (G2 2.35 with NITF 3.6 inside) or ``"nitf"`` (NITF 3.6)."""
    require_ref()
    from lxml import etree

    path = {
        "g2": G2 / "schema" / "newsml-g2-2.35-with-nitf-3.6.xsd",
        "nitf": NITF / "schema" / "nitf-3-6.xsd",
    }[name]
    return etree.XMLSchema(etree.parse(str(path)))


def assert_xml_valid(text: str, name: str) -> None:
    """Fail with the first XSD error of a written document."""
    from lxml import etree

    schema = xsd(name)
    ok = schema.validate(etree.fromstring(text.encode("utf-8")))
    assert ok, "; ".join(str(e) for e in list(schema.error_log)[:3])
