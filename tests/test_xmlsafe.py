"""xmlsafe's public helpers: parsing good and bad documents, namespace-blind lookups,
text and attributes, indenting metadata without touching mixed content.

Entity, DTD and encoding attacks are in ``test_hostile_xml.py``.
"""

from __future__ import annotations

import pytest
from lxml import etree

import newsmodel
from newsmodel import model as m
from newsmodel.markup import blocks_from_element
from newsmodel.xmlsafe import (
    attribute,
    default_nsmap,
    element_text,
    find_all,
    find_first,
    indent_metadata,
    local_name,
    parse_xml,
)

NS = "urn:test:harbour"
DOC = f"""<?xml version="1.0" encoding="UTF-8"?>
<timetable xmlns="{NS}" xmlns:x="urn:test:other">
  <route id="  r1  " blank="   "><stop>Port Ellen</stop><stop>  North
     Quay  </stop></route>
  <route id="r2"><stop>South <b>Pier</b>, <i>old</i> side</stop></route>
  <x:route id="r3"><x:stop>Other namespace</x:stop></x:route>
  <note/>
</timetable>
"""


def _root() -> etree._Element:
    return parse_xml(DOC, format="test")


# ---------------------------------------------------------------------------
# parse_xml


@pytest.mark.parametrize("data", [DOC, DOC.encode("utf-8"), "\ufeff" + DOC, DOC.encode("utf-16")])
def test_parse_xml_gives_the_root_from_bytes_or_text(data: bytes | str) -> None:
    root = parse_xml(data, format="test")
    assert root.tag == f"{{{NS}}}timetable"
    assert len(find_all(root, "route")) == 3


def test_parse_xml_reads_the_declared_encoding() -> None:
    data = '<?xml version="1.0" encoding="ISO-8859-1"?><stop>Quai d\u2019\u00e9t\u00e9</stop>'
    data = data.replace("\u2019", "'")
    root = parse_xml(data.encode("iso-8859-1"), format="test")
    assert root.text == "Quai d'\u00e9t\u00e9"


def test_parse_xml_drops_processing_instructions() -> None:
    root = parse_xml("<a><?page 2?><b>x</b></a>", format="test")
    assert [child.tag for child in root] == ["b"]


def test_a_doctype_that_only_names_a_dtd_is_read() -> None:
    root = parse_xml(
        '<!DOCTYPE nitf SYSTEM "nitf-3-4.dtd"><nitf><p>a&nbsp;b</p></nitf>', format="nitf"
    )
    # the undeclared entity reference is dropped, never expanded
    assert element_text(root) == "ab"


@pytest.mark.parametrize(
    ("data", "why", "where"),
    [
        ("", "the document is empty", None),
        ("  \n\t", "the document is empty", None),
        (b"", "the document is empty", None),
        ("<route>", "not well-formed XML", "line 1, column 8"),
        ("<route></stop>", "not well-formed XML", "line 1, column 15"),
        ("Port Ellen", "not well-formed XML", "line 1, column 1"),
        ("<a/><b/>", "not well-formed XML", "line 1, column 5"),
        ("<a>\n<b x='1' x='2'/></a>", "not well-formed XML", "line 2"),
        (b"<a>\xff</a>", "utf-8", None),
        (b'<?xml version="1.0" encoding="no-such-codec"?><a/>', "unknown text encoding", None),
    ],
)
def test_parse_xml_refuses_bad_documents_with_our_error(
    data: bytes | str, why: str, where: str | None
) -> None:
    with pytest.raises(newsmodel.ReadError, match=why) as info:
        parse_xml(data, format="test")
    assert info.value.format == "test"
    if where is not None:
        assert info.value.where is not None and info.value.where.startswith(where)


@pytest.mark.parametrize("data", [5, None, 1.5, ["<a/>"], {"a": "b"}])
def test_parse_xml_refuses_what_is_not_bytes_or_text(data: object) -> None:
    with pytest.raises(newsmodel.ReadError, match="expected bytes or str"):
        parse_xml(data, format="test")  # type: ignore[arg-type]


def test_parse_xml_takes_bytearray_and_memoryview() -> None:
    assert parse_xml(bytearray(b"<a>x</a>"), format="test").text == "x"  # type: ignore[arg-type]
    assert parse_xml(memoryview(b"<a>y</a>"), format="test").text == "y"  # type: ignore[arg-type]


def test_parse_xml_refuses_documents_over_the_limit() -> None:
    with pytest.raises(newsmodel.InputTooLargeError):
        parse_xml("<a>" + "x" * 100 + "</a>", format="test", max_bytes=50)
    assert parse_xml("<a>" + "x" * 40 + "</a>", format="test", max_bytes=50).text == "x" * 40


# ---------------------------------------------------------------------------
# lookups that ignore namespaces


def test_find_first_and_find_all_match_any_namespace_or_none() -> None:
    root = _root()
    assert find_first(root, "route").get("id") == "  r1  "
    assert [r.get("id") for r in find_all(root, "route")] == ["  r1  ", "r2", "r3"]
    assert [element_text(s) for s in find_all(root, "route/stop")] == [
        "Port Ellen",
        "North Quay",
        "South Pier, old side",
        "Other namespace",
    ]
    plain = parse_xml("<timetable><route><stop>Quay</stop></route></timetable>", format="test")
    assert element_text(find_first(plain, "route/stop")) == "Quay"


def test_lookups_look_only_at_the_path_given() -> None:
    root = _root()
    assert find_first(root, "stop") is None  # stops are grandchildren, not children
    assert find_all(root, "stop") == []
    assert find_first(root, "route/missing") is None


def test_lookups_on_nothing_give_nothing() -> None:
    assert find_first(None, "route") is None
    assert find_all(None, "route") == []
    assert element_text(None) is None
    assert attribute(None, "id") is None


def test_element_text_collapses_white_space_and_joins_children() -> None:
    root = _root()
    assert element_text(root.find(f"{{{NS}}}route/{{{NS}}}stop[2]")) == "North Quay"
    assert element_text(find_first(root, "note")) is None  # empty element
    spaces = parse_xml("<a>  <b> </b>\n</a>", format="test")
    assert element_text(spaces) is None


def test_attribute_collapses_white_space_and_treats_blank_as_absent() -> None:
    route = find_first(_root(), "route")
    assert attribute(route, "id") == "r1"
    assert attribute(route, "blank") is None
    assert attribute(route, "missing") is None
    wide = parse_xml('<a title=" Port \t Ellen\n ferry "/>', format="test")
    assert attribute(wide, "title") == "Port Ellen ferry"


def test_default_nsmap_makes_the_namespace_the_default() -> None:
    element = etree.Element(f"{{{NS}}}timetable", nsmap=default_nsmap(NS))
    etree.SubElement(element, f"{{{NS}}}route")
    assert etree.tostring(element) == f'<timetable xmlns="{NS}"><route/></timetable>'.encode()


# ---------------------------------------------------------------------------
# indent_metadata


def _serialise(element: etree._Element) -> str:
    return etree.tostring(element, encoding="unicode")


def test_indent_metadata_indents_elements_that_hold_only_elements() -> None:
    root = parse_xml("<item><meta><a>1</a><b>2</b></meta><c/></item>", format="test")
    indent_metadata(root, frozenset())
    assert _serialise(root) == (
        "<item>\n  <meta>\n    <a>1</a>\n    <b>2</b>\n  </meta>\n  <c/>\n</item>"
    )


def test_indent_metadata_leaves_mixed_content_and_stop_elements_alone() -> None:
    mixed = "<mixed>Ferries <i>resume</i> today</mixed>"
    tail_only = "<tails><a>one</a> and <b>two</b></tails>"
    body = "<body><p>Ferries <em>resume</em>.</p><p>Second.</p></body>"
    root = parse_xml(f"<item><meta><a>1</a></meta>{mixed}{tail_only}{body}</item>", format="test")
    indent_metadata(root, frozenset({"body"}))
    text = _serialise(root)
    assert mixed in text and tail_only in text and body in text
    assert "<item>\n  <meta>\n    <a>1</a>\n  </meta>\n  <mixed>" in text


def test_indent_metadata_stops_by_local_name_in_any_namespace() -> None:
    root = parse_xml(f'<item xmlns="{NS}"><body><p>x</p><p>y</p></body></item>', format="test")
    indent_metadata(root, frozenset({"body"}))
    assert f'<item xmlns="{NS}">\n  <body><p>x</p><p>y</p></body>\n</item>' == _serialise(root)


def test_indent_metadata_never_changes_any_text() -> None:
    source = (
        "<item><meta><title>  Ferries   resume </title><list><x>a</x><x> b </x></list></meta>"
        "<note>Kept <b>as</b> it is</note></item>"
    )
    before = parse_xml(source, format="test")
    after = parse_xml(source, format="test")
    indent_metadata(after, frozenset())
    for old, new in zip(before.iter(), after.iter(), strict=True):
        if old.text and old.text.strip():
            assert new.text == old.text
        if old.tail and old.tail.strip():
            assert new.tail == old.tail


# ---------------------------------------------------------------------------
# local_name: one rule for every reader


def test_local_name_keeps_case_and_drops_any_namespace() -> None:
    root = parse_xml(
        f'<newsItem xmlns="{NS}" xmlns:x="urn:test:other"><x:itemMeta/><contentSet/></newsItem>',
        format="test",
    )
    root.append(etree.Comment("a comment"))
    root.append(etree.PI("target", "data"))
    assert local_name(root) == "newsItem"
    assert [local_name(c) for c in root] == ["itemMeta", "contentSet", "", ""]
    assert local_name(etree.Element("plain")) == "plain"


def test_local_name_folds_case_for_html_vocabularies_only_when_asked() -> None:
    root = parse_xml(f'<Body xmlns="{NS}"><P>One</P><p>Two</p></Body>', format="test")
    assert [local_name(c) for c in root] == ["P", "p"]
    assert [local_name(c, fold_case=True) for c in root] == ["p", "p"]
    assert local_name(root, fold_case=True) == "body"
    assert local_name(etree.Comment("x"), fold_case=True) == ""


def test_markup_reads_an_upper_case_tag_in_an_xml_body_as_html() -> None:
    # the markup reader folds case: <P> in an XML-parsed body is a paragraph, as in HTML
    root = parse_xml("<body><P>Ferries <EM>resume</EM>.</P></body>", format="test")
    assert blocks_from_element(root) == (
        m.Paragraph(content=("Ferries ", m.Emphasis(content=("resume",)), ".")),
    )


def test_newsml_compares_names_with_their_case() -> None:
    # NewsML-G2 is case-sensitive: a NewsItem root is not a newsItem
    item = '<{} xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1"/>'
    assert newsmodel.read(item.format("newsItem"), format="newsml", quotes=False).id == "urn:x"
    with pytest.raises(newsmodel.ReadError, match="found 'NewsItem'"):
        newsmodel.read(item.format("NewsItem"), format="newsml", quotes=False)
