"""Schema files shipped with newsmodel (data only; see ``NOTICE.md`` for sources and licences).

``xsd/``: NewsML-G2 2.35, NITF 3.6, ``xml.xsd`` and newsmodel's driver that
imports both; ``ninjs/``: the ninjs 1.6, 2.2 and 3.1 JSON Schemas and GeoJSON;
``newsmodel-1.schema.json``: newsmodel's own JSON. :mod:`newsmodel.validation`
loads them.
"""
