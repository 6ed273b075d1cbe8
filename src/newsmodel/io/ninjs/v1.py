"""ninjs 1.x: one table of how its keys correspond to the common (2.x) shape.

Each :class:`Rule` of :data:`RULES` pairs a 1.6 key with a key of the common
shape, says how the value is carried (its codec) and gives an example: a
1.6 fragment and the common fragment that are one another. Reading,
:func:`from_v1` walks the table from the 1.6 keys; writing, :func:`to_v1`
walks it from the common keys. Keys no rule names are the same in both.
The tests check every example both ways.

Reading keeps every key of an entry it does not know; writing emits only
the keys the table names (1.6 has no others).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

import attrs

from newsmodel import model as m
from newsmodel.catalog import Catalog
from newsmodel.io.ninjs.shape import JSONObject, JSONValue, absolute_uri
from newsmodel.losses import Losses

__all__ = ["RULES", "Rule", "from_v1", "to_v1", "v1_key", "v1_losses"]

#: The content type of a text entry whose 1.6 suffix names HTML: ``body_html``.
_HTML_SUFFIXES = frozenset({"html", "xhtml", "richtext"})
_HTML = "text/html"
_PLAIN = "text/plain"
#: Writing, the 1.6 suffix of a text entry whose suffix names its content type.
_TYPE_SUFFIX = {_HTML: "html", _PLAIN: "text"}


class _Common:
    """A common-shape document being made of a 1.x one: its keys, and its text lists."""

    def __init__(self) -> None:
        self.doc: JSONObject = {}
        self.entries: dict[str, list[JSONValue]] = {}


class Codec(Protocol):
    """How one rule carries a value: :meth:`read` from 1.6, :meth:`write` to 1.6."""

    #: True when :meth:`write` takes one entry of a list (each entry going to
    #: the first rule of its key whose codec :meth:`takes` it), not the whole value.
    each: bool

    def takes(self, entry: JSONObject) -> bool: ...

    def read(self, rule: Rule, key: str, value: JSONValue, out: _Common) -> None: ...

    def write(self, rule: Rule, value: JSONValue, out: JSONObject, catalog: Catalog) -> None: ...


@attrs.frozen
class Rule:
    """A 1.6 key and the common key it is, how the value goes, and an example.

    A ``v1`` key ending in ``_`` is a prefix: the rest of the key is a
    suffix the codec reads (``headline_sub``: the role ``sub``).
    """

    v1: str
    common: str
    codec: Codec
    #: ``(1.6 fragment, common fragment)``: each is what the other becomes.
    example: tuple[JSONObject, JSONObject]


def _objects(value: JSONValue) -> Iterator[JSONObject]:
    """The objects in ``value`` when it is an array (the writer's lists hold nothing else)."""
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                yield item


def _string(entry: JSONObject, key: str) -> str | None:
    value = entry.get(key)
    return value if isinstance(value, str) else None


class _Base:
    """What most codecs share: they take the whole value."""

    each = False

    def takes(self, entry: JSONObject) -> bool:
        return True


class Renamed(_Base):
    """The value as it is, under another key: ``byline`` is ``by``."""

    def read(self, rule: Rule, key: str, value: JSONValue, out: _Common) -> None:
        out.doc[rule.common] = value

    def write(self, rule: Rule, value: JSONValue, out: JSONObject, catalog: Catalog) -> None:
        out[rule.v1] = value


@attrs.frozen
class Texts:
    """A text of a list of texts with roles: ``headline_sub`` is ``headlines[{role: sub}]``."""

    #: The role of the entry the key holds; ``None``: the key's suffix is the role.
    role: str | None = None
    #: Entries say their content type (HTML when the suffix names it).
    typed: bool = False
    #: Writing, the suffix names the entry's content type (``body_html``), not its role.
    suffix_is_type: bool = False
    #: Keys of the entry that 1.6 has beside it at the top (``charcount``): writing only.
    beside: tuple[str, ...] = ()
    each = True

    def takes(self, entry: JSONObject) -> bool:
        return self.role is None or entry.get("role") == self.role

    def read(self, rule: Rule, key: str, value: JSONValue, out: _Common) -> None:
        role = self.role if self.role is not None else key[len(rule.v1) :]
        entry: JSONObject = {"role": role}
        if self.typed:
            entry["contenttype"] = _HTML if role in _HTML_SUFFIXES else _PLAIN
        entry["value"] = value
        entries = out.entries.setdefault(rule.common, [])
        if self.role is not None:
            entries.insert(0, entry)  # the entry of a role of its own comes first
        else:
            entries.append(entry)

    def write(self, rule: Rule, value: JSONValue, out: JSONObject, catalog: Catalog) -> None:
        if not isinstance(value, dict):
            return
        if self.role is not None:
            key = rule.v1
        elif self.suffix_is_type:
            key = rule.v1 + _TYPE_SUFFIX.get(_string(value, "contenttype") or _PLAIN, "text")
        else:
            key = rule.v1 + (_string(value, "role") or "")
        out[key] = value.get("value")
        for name in self.beside:
            if name in value:
                out[name] = value[name]


@attrs.frozen
class Fields:
    """Objects whose keys are the same but some renamed: ``mimetype`` is ``contenttype``."""

    #: Keys written as they are (reading keeps every key).
    kept: tuple[str, ...]
    #: 1.6 key: common key.
    renamed: tuple[tuple[str, str], ...] = ()

    def read_item(self, item: JSONValue) -> JSONValue:
        if not isinstance(item, dict):
            return item
        old = {v1 for v1, _ in self.renamed}
        out = {k: v for k, v in item.items() if k not in old}
        out.update((common, item[v1]) for v1, common in self.renamed if v1 in item)
        return out

    def write_item(self, entry: JSONObject) -> JSONObject:
        out = {k: v for k, v in entry.items() if k in self.kept}
        out.update((v1, entry[common]) for v1, common in self.renamed if common in entry)
        return out


@attrs.frozen
class Listed(_Base):
    """An array of objects, each mapped by ``fields``: ``infosource`` is ``infosources``."""

    fields: Fields

    def read(self, rule: Rule, key: str, value: JSONValue, out: _Common) -> None:
        items = [self.fields.read_item(i) for i in value] if isinstance(value, list) else value
        out.doc[rule.common] = items

    def write(self, rule: Rule, value: JSONValue, out: JSONObject, catalog: Catalog) -> None:
        out[rule.v1] = [self.fields.write_item(e) for e in _objects(value)]


@attrs.frozen
class Concepts(_Base):
    """Concepts, whose 1.6 ``scheme`` and ``code`` are one ``uri`` (or a ``literal`` code)."""

    #: Keys written as they are (reading keeps every key but ``scheme`` and ``code``).
    kept: tuple[str, ...]

    def read(self, rule: Rule, key: str, value: JSONValue, out: _Common) -> None:
        out.doc[rule.common] = [_concept(i) for i in value] if isinstance(value, list) else value

    def write(self, rule: Rule, value: JSONValue, out: JSONObject, catalog: Catalog) -> None:
        out[rule.v1] = [self._write(e, catalog) for e in _objects(value)]

    def _write(self, entry: JSONObject, catalog: Catalog) -> JSONObject:
        out = {k: v for k, v in entry.items() if k in self.kept}
        uri, literal = _string(entry, "uri"), _string(entry, "literal")
        if uri:
            qcode = catalog.to_qcode(uri)
            if qcode:
                alias, _, code = qcode.partition(":")
                out["scheme"] = catalog.schemes[alias]
                out["code"] = code
            else:
                split = _split(uri)
                if split:
                    out["scheme"], out["code"] = split
        elif literal:
            out["code"] = literal
        return out


def _concept(item: JSONValue) -> JSONValue:
    if not isinstance(item, dict):
        return item
    out = {k: v for k, v in item.items() if k not in ("scheme", "code")}
    scheme, code = item.get("scheme"), item.get("code")
    if isinstance(scheme, str) and isinstance(code, str) and scheme and code:
        out["uri"] = scheme + code
    elif isinstance(code, str) and code:
        out["literal"] = code
    return out


@attrs.frozen
class Keyed(_Base):
    """An object of named objects, an array of objects with the name in them.

    ``renditions: {web: {href}}`` is ``renditions: [{name: web, href}]``.
    """

    #: The key of an entry that holds its 1.6 name.
    by: str
    #: How an entry's other keys go.
    fields: Fields

    def read(self, rule: Rule, key: str, value: JSONValue, out: _Common) -> None:
        if not isinstance(value, dict):
            out.doc[rule.common] = value
            return
        entries: list[JSONValue] = []
        for name, item in value.items():
            mapped = self.fields.read_item(item)
            entries.append({self.by: name, **mapped} if isinstance(mapped, dict) else mapped)
        out.doc[rule.common] = entries

    def write(self, rule: Rule, value: JSONValue, out: JSONObject, catalog: Catalog) -> None:
        out[rule.v1] = {
            v1_key(_string(e, self.by) or ""): self.fields.write_item(e) for e in _objects(value)
        }


@attrs.frozen
class Nested(_Base):
    """Named documents, each a 1.x document itself: ``associations``.

    Writing, only entries with a ``type`` (documents, not links) are kept.
    """

    by: str

    def read(self, rule: Rule, key: str, value: JSONValue, out: _Common) -> None:
        if not isinstance(value, dict):
            out.doc[rule.common] = value
            return
        out.doc[rule.common] = [
            {self.by: name, **from_v1(item)}
            for name, item in value.items()
            if isinstance(item, dict)
        ]

    def write(self, rule: Rule, value: JSONValue, out: JSONObject, catalog: Catalog) -> None:
        out[rule.v1] = {
            v1_key(_string(e, self.by) or ""): to_v1(
                {k: v for k, v in e.items() if k != self.by}, catalog
            )
            for e in _objects(value)
            if "type" in e
        }


@attrs.frozen
class Wrapped(_Base):
    """An object of values, an array of ``{by: key, value}``: ``altids``."""

    by: str
    #: Writing, the 1.6 key of an entry without ``by``.
    default: str

    def read(self, rule: Rule, key: str, value: JSONValue, out: _Common) -> None:
        if not isinstance(value, dict):
            out.doc[rule.common] = value
            return
        out.doc[rule.common] = [{self.by: k, "value": v} for k, v in value.items()]

    def write(self, rule: Rule, value: JSONValue, out: JSONObject, catalog: Catalog) -> None:
        out[rule.v1] = {
            _string(e, self.by) or self.default: e.get("value") for e in _objects(value)
        }


#: The keys of a concept 1.6 writes as they are.
_CONCEPT_KEYS = ("name", "rel", "relevance", "confidence")
#: A URI that splits into a 1.6 scheme and code, for the examples.
_MEDTOP = "http://cv.iptc.org/newscodes/mediatopic/"


def _topic_rule(v1: str, common: str, name: str) -> Rule:
    """A topic list: ``person: [{name, scheme, code}]`` is ``people: [{name, uri}]``."""
    return Rule(
        v1,
        common,
        Concepts(_CONCEPT_KEYS),
        (
            {v1: [{"name": name, "scheme": _MEDTOP, "code": "1"}]},
            {common: [{"name": name, "uri": _MEDTOP + "1"}]},
        ),
    )


#: Every key 1.6 writes otherwise than 2.x, with an example each.
RULES: tuple[Rule, ...] = (
    Rule(
        "headline",
        "headlines",
        Texts(role="main"),
        (
            {"headline": "Ferries resume"},
            {"headlines": [{"role": "main", "value": "Ferries resume"}]},
        ),
    ),
    Rule(
        "headline_",
        "headlines",
        Texts(),
        ({"headline_sub": "From Monday"}, {"headlines": [{"role": "sub", "value": "From Monday"}]}),
    ),
    Rule(
        "description_",
        "descriptions",
        Texts(typed=True),
        (
            {"description_summary": "The ferry sails again."},
            {
                "descriptions": [
                    {"role": "summary", "contenttype": _PLAIN, "value": "The ferry sails again."}
                ]
            },
        ),
    ),
    Rule(
        "body_",
        "bodies",
        Texts(typed=True, suffix_is_type=True, beside=("charcount", "wordcount")),
        (
            {"body_html": "<p>It sails.</p>"},
            {"bodies": [{"role": "html", "contenttype": _HTML, "value": "<p>It sails.</p>"}]},
        ),
    ),
    Rule("byline", "by", Renamed(), ({"byline": "Jane Roe"}, {"by": "Jane Roe"})),
    Rule(
        "$standard",
        "standard",
        Renamed(),
        (
            {"$standard": {"name": "ninjs", "version": "1.6"}},
            {"standard": {"name": "ninjs", "version": "1.6"}},
        ),
    ),
    _topic_rule("subject", "subjects", "ferries"),
    _topic_rule("person", "people", "Jane Roe"),
    _topic_rule("organisation", "organisations", "Harbour Board"),
    _topic_rule("place", "places", "Port Halden"),
    _topic_rule("event", "events", "Harbour Day"),
    _topic_rule("object", "objects", "the ferry"),
    Rule(
        "genre",
        "genres",
        Concepts(("name",)),
        (
            {"genre": [{"name": "Analysis", "code": "x:analysis"}]},
            {"genres": [{"name": "Analysis", "literal": "x:analysis"}]},
        ),
    ),
    Rule(
        "infosource",
        "infosources",
        Listed(Fields(kept=("name",), renamed=(("rel", "role"),))),
        (
            {"infosource": [{"name": "Harbour Times", "rel": "publisher"}]},
            {"infosources": [{"name": "Harbour Times", "role": "publisher"}]},
        ),
    ),
    Rule(
        "renditions",
        "renditions",
        Keyed(
            "name",
            Fields(
                kept=("href", "title", "width", "height", "sizeinbytes"),
                renamed=(("mimetype", "contenttype"),),
            ),
        ),
        (
            {"renditions": {"web": {"href": "https://x.test/a", "mimetype": _HTML}}},
            {"renditions": [{"name": "web", "href": "https://x.test/a", "contenttype": _HTML}]},
        ),
    ),
    Rule(
        "associations",
        "associations",
        Nested("name"),
        (
            {
                "associations": {
                    "featureimage": {"uri": "urn:x:p", "type": "picture", "byline": "Jo Roe"}
                }
            },
            {
                "associations": [
                    {"name": "featureimage", "uri": "urn:x:p", "type": "picture", "by": "Jo Roe"}
                ]
            },
        ),
    ),
    Rule(
        "altids",
        "altids",
        Wrapped("role", default="id"),
        ({"altids": {"guid": "g-1"}}, {"altids": [{"role": "guid", "value": "g-1"}]}),
    ),
)

#: The rules by 1.6 key (prefixes apart), and the prefix rules.
_BY_V1 = {r.v1: r for r in RULES if not r.v1.endswith("_")}
_PREFIXED = tuple(r for r in RULES if r.v1.endswith("_"))
#: The rules of each common key, in table order.
_BY_COMMON = {
    key: tuple(r for r in RULES if r.common == key)
    for key in dict.fromkeys(r.common for r in RULES)
}


def from_v1(doc: JSONObject) -> JSONObject:
    """Reshape a (lower-cased) ninjs 1.x document into the common shape."""
    out = _Common()
    for key, value in doc.items():
        rule = _BY_V1.get(key) or next((r for r in _PREFIXED if key.startswith(r.v1)), None)
        if rule is None:
            out.doc[key] = value
        else:
            rule.codec.read(rule, key, value, out)
    for key, entries in out.entries.items():
        out.doc[key] = entries
    return out.doc


def to_v1(doc: JSONObject, catalog: Catalog) -> JSONObject:
    """The 1.6 shape of a common-shape document."""
    out: JSONObject = {}
    for key, value in doc.items():
        rules = _BY_COMMON.get(key)
        if rules is None:
            out[key] = value
        elif rules[0].codec.each:
            for entry in _objects(value):
                rule = next((r for r in rules if r.codec.takes(entry)), None)
                if rule is not None:
                    rule.codec.write(rule, entry, out, catalog)
        else:
            rules[0].codec.write(rules[0], value, out, catalog)
    return out


def v1_key(name: str) -> str:
    """A name as a ninjs 1.6 key (and as the reader lower-cases it)."""
    return re.sub(r"[^a-zA-Z0-9_]", "_", name).lower()


def _split(uri: str) -> tuple[str, str] | None:
    """A URI as a ninjs 1.6 ``scheme`` and ``code`` (at its last slash), if it splits."""
    base, _, code = uri.rpartition("/")
    return (base + "/", code) if base and code and absolute_uri(base + "/") else None


def v1_losses(article: m.Article, catalog: Catalog, losses: Losses) -> None:
    """What 1.6 drops beyond 3.1: literal codes, links, rendition and id roles."""
    for i in range(len(article.links)):
        losses.drop(f"links[{i}]", "ninjs 1.6 associations are pictures only")
    roles = [(a.type or "id").lower() for a in article.alt_ids]
    for i, (alt, role) in enumerate(zip(article.alt_ids, roles, strict=True)):
        if roles.count(role) > 1:
            losses.drop(f"alt_ids[{i}]", "ninjs 1.6 keeps one alternative id per role")
        elif alt.type != role:
            losses.drop(f"alt_ids[{i}].type", "ninjs 1.6 roles are lower-case keys")
    for field in ("topics", "genres"):
        for i, topic in enumerate(getattr(article, field)):
            uri = absolute_uri(topic.uri) or (
                absolute_uri(catalog.to_uri(topic.qcode)) if topic.qcode else None
            )
            if topic.qcode and not uri:
                losses.drop(f"{field}[{i}].qcode", "ninjs 1.6 has no literal codes")
            if uri and not catalog.to_qcode(uri) and not _split(uri):
                losses.drop(f"{field}[{i}].uri", "ninjs 1.6 needs a scheme and a code")
    if article.publisher is not None and absolute_uri(article.publisher.url):
        losses.drop("publisher.url", "a ninjs 1.6 info source has a name only")
    for i, photo in enumerate(article.photos):
        _rendition_losses(photo, losses.at(f"photos[{i}]"))


def _rendition_losses(photo: m.Photo, losses: Losses) -> None:
    """Rendition names that are no 1.6 keys, or the same key twice."""
    keys = {"default"} if absolute_uri(photo.url) else set()
    for j, rendition in enumerate(photo.renditions):
        if not absolute_uri(rendition.url):
            continue
        key = v1_key(rendition.name or f"rendition{j + 1}")
        if key in keys:
            losses.drop(f"renditions[{j}]", "ninjs 1.6 names renditions once")
        elif rendition.name is not None and key != rendition.name:
            losses.drop(f"renditions[{j}].name", "ninjs 1.6 names are keys")
        keys.add(key)
