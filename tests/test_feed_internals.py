"""The feed readers' shortcuts give what the long way gives.

Reading a feed skips work where it can: a UTF-8 feed's own bytes go to the
parser, the children that may hold a photo are picked out in the reader's own
pass over an item, an item's authors are read once per feed, and printable text
is not cleaned again. Each test here reads the same input both ways (or against
the answer the long way gives) on synthetic feeds with placeholder words.
"""

from __future__ import annotations

import warnings

import pytest
from lxml import etree

from newsmodel import model as m
from newsmodel.errors import InputTooLargeError, ReadError
from newsmodel.io import _feedmedia, _feedparse, _feeds, atom, rss
from newsmodel.io._common import as_read_errors
from newsmodel.xmlsafe import parse_utf8, parse_xml

ITEM = """<item><title>Zorbel café opens</title><link>https://zorbel.example.test/a</link>
<description>Plinth &amp; quorn on the pier</description></item>"""


def _feed(declaration: str, title: str = "Zorbel café opens", extra: str = "") -> str:
    return (
        f'{declaration}<rss version="2.0"><channel><title>Quibble post</title>'
        f"<link>https://zorbel.example.test/</link>{ITEM.replace('Zorbel café opens', title)}"
        f"{extra}</channel></rss>"
    )


_DECLARATIONS = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<?xml version='1.0' encoding='utf8' standalone='yes'?>",
    '<?xml version="1.0"?>',
    "",
    '\n  \t<?xml version="1.0" encoding="utf-8"?>',
]


@pytest.mark.parametrize("declaration", _DECLARATIONS)
@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf", b" \r\n", b"\xef\xbb\xbf \n"])
def test_a_utf8_feeds_own_bytes_parse_to_the_tree_its_text_gives(
    declaration: str, prefix: bytes
) -> None:
    text = _feed(declaration, "Zorbel café \u2014 \U0001f600 opens")
    from_bytes = _feedparse.parse_feed(prefix + text.encode("utf-8"), format="rss", max_bytes=10**6)
    from_text = _feedparse.parse_feed(text, format="rss", max_bytes=10**6)
    assert etree.tostring(from_bytes) == etree.tostring(from_text)
    assert from_bytes.findtext("channel/item/title") == "Zorbel café \u2014 \U0001f600 opens"


def test_html_entities_are_replaced_in_a_utf8_feed_as_in_its_text() -> None:
    text = _feed('<?xml version="1.0" encoding="utf-8"?>', "Zorbel&nbsp;caf&eacute; &amp; co")
    from_bytes = _feedparse.parse_feed(text.encode("utf-8"), format="rss", max_bytes=10**6)
    assert from_bytes.findtext("channel/item/title") == "Zorbel\u00a0café & co"


@pytest.mark.parametrize(
    ("declared", "encoding"),
    [("iso-8859-1", "cp1252"), ("windows-1252", "cp1252"), ("iso-8859-7", "iso-8859-7")],
)
def test_a_feed_in_its_declared_encoding_is_read_in_it_and_mislabelled_utf8_as_utf8(
    declared: str, encoding: str
) -> None:
    words = "\u03ba\u03b1\u03c6\u03ad" if encoding == "iso-8859-7" else "caf\u00e9 \u201cnow\u201d"
    text = _feed(f'<?xml version="1.0" encoding="{declared}"?>', f"Zorbel {words}")
    title = etree.fromstring(text.split("?>", 1)[1].encode()).findtext("channel/item/title")
    # the bytes in the declared encoding (not UTF-8's bytes): read in that encoding
    root = _feedparse.parse_feed(text.encode(encoding), format="rss", max_bytes=10**6)
    assert root.findtext("channel/item/title") == title
    # the same text whose bytes are UTF-8 under that label: read as UTF-8
    root = _feedparse.parse_feed(text.encode("utf-8"), format="rss", max_bytes=10**6)
    assert root.findtext("channel/item/title") == title


def test_parse_xml_reads_the_text_when_the_utf8_given_is_not_that_text() -> None:
    text = '\ufeff<?xml version="1.0" encoding="utf-8"?><a>café</a>'
    # the byte-order mark is taken off the text; bytes that kept it are not used
    root = parse_xml(text, format="x", utf8=text.encode("utf-8"))
    assert root.text == "café"


def test_parse_xml_takes_the_declared_encoding_out_of_the_utf8_given() -> None:
    text = '<?xml version="1.0" encoding="windows-1252"?><a>café</a>'
    # the text was decoded already: its declaration no longer says how to read the bytes
    assert parse_xml(text, format="x", utf8=text.encode("utf-8")).text == "café"


def _the_long_way(data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[str, ...]:
    """What :func:`_feedparse.parse_feed` makes of ``data`` (the tree or its error, and
    the warnings) without the shortcut for UTF-8 bytes parsed as they stand."""
    with monkeypatch.context() as patch:
        patch.setattr(_feedparse, "_sent_as_utf8", lambda *a, **k: None)
        return _parse_and_warnings(data)


def _parse_and_warnings(data: bytes) -> tuple[str, ...]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            root = _feedparse.parse_feed(data, format="rss", max_bytes=10**6)
            got = etree.tostring(root, encoding="unicode")
        except ReadError as error:
            got = f"{type(error).__name__}: {error}"
    return (got, *(str(w.message) for w in caught))


_SHORTCUT_CASES = [
    _feed(
        '<?xml version="1.0" encoding="utf-8"?>', "Zorbel&nbsp;caf&eacute; &amp; &bogus;"
    ).encode(),
    _feed("", "Zorbel — 😀 &hellip;").encode(),
    b"\n \r\n" + _feed('<?xml version="1.0"?>', "Plinth &ndash; quorn").encode(),
    _feed('<?xml version="1.0" encoding="iso-8859-1"?>', "Zorbel &eacute; plinth").encode(),
    _feed('<?xml version="1.0" encoding="iso-8859-1"?>', "Zorbel caf\u00e9").encode("cp1252"),
    _feed('<?xml version="1.0" encoding="iso-8859-1"?>', "Zorbel caf\u00e9").encode(),
    _feed('<?xml version="1.0" encoding="utf-8"?>', "Zorbel caf\u00e9").encode("cp1252"),
    _feed('<?xml version="1.0" encoding="utf-7"?>', "Zorbel +AKM- plinth").encode(),
    # a DOCTYPE, entity declarations in any case, the dotted capital I read as I
    _feed('<?xml version="1.0"?><!DOCTYPE rss SYSTEM "x.dtd">', "Zorbel &nbsp; &quorn;").encode(),
    _feed('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY q "w">]>', "Zorbel &q;").encode(),
    _feed('<?xml version="1.0"?>', "Zorbel", "<!-- <!entity q 'w'> -->").encode(),
    _feed('<?xml version="1.0"?>', "Zorbel", "<!-- <!ENT\u0130TY q 'w'> -->").encode(),
    # not well-formed: repaired, or read by the recovery, or refused, the long way
    _feed('<?xml version="1.0"?>', "Q & A <br> plinth").encode(),
    _feed('<?xml version="1.0"?>', "Zorbel\x0bplinth").encode(),
    _feed('<?xml version="1.0"?>', "Zorbel").encode()[:-20],
    _feed('<?xml version="1.0"?>', "Zorbel").encode().replace(b"Zorbel", b"Zor\xedbel"),
    _feed('<?xml version="1.0"?>', "Zorbel").encode().replace(b"Zorbel", b"Zor\xed\xa0\x80bel"),
    # what stands before the declaration: a server's message, a comment
    b"<b>Warning</b>: quorn\n" + _feed('<?xml version="1.0"?>', "Zorbel &nbsp;").encode(),
    b"<!-- plinth -->" + _feed('<?xml version="1.0"?>', "Zorbel").encode(),
    b"\xef\xbb\xbf" + _feed('<?xml version="1.0"?>', "Zorbel &nbsp;").encode(),
    _feed('<?xml version="1.0" encoding="utf-16"?>', "Zorbel").encode("utf-16"),
    _feed('<?xml version="1.0"?>', "Zorbel caf\u00e9").encode("utf-16-le"),
    _feed("", "Zorbel caf\u00e9").encode("utf-32-le"),
    _feed('<?xml version="1.0"?>', "Zorbel\x00plinth").encode(),
    b"",
    b"  \n",
]


@pytest.mark.parametrize("data", _SHORTCUT_CASES)
def test_a_feeds_bytes_parsed_as_they_stand_give_what_decoding_them_gives(
    data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _parse_and_warnings(data) == _the_long_way(data, monkeypatch)


def test_the_shortcut_takes_the_common_feed_and_leaves_the_others() -> None:
    common = _feed('<?xml version="1.0" encoding="utf-8"?>', "Zorbel &nbsp; caf\u00e9").encode()
    sent = _feedparse._sent_as_utf8(common)
    assert sent == common
    for data in (
        b"\xef\xbb\xbf" + common,
        common.replace(b"utf-8", b"iso-8859-1"),  # (not ASCII: decoded as declared)
        b"<b>Warning</b>\n" + common,
    ):
        assert _feedparse._sent_as_utf8(data) is None
    assert parse_utf8(b'<?xml version="1.0"?><a>\xc3\xa9</a>', format="x") is not None
    for refused in (
        b'<?xml version="1.0"?><!DOCTYPE a SYSTEM "a.dtd"><a/>',
        b"<a><!-- <!eNTITY --></a>",
        b"<a>\xe9</a>",  # (not UTF-8)
        b"<a>",
    ):
        assert parse_utf8(refused, format="x") is None


# ---------------------------------------------------------------------------
# photos

_MEDIA_ITEM = """<item xmlns:media="http://search.yahoo.com/mrss/"
 xmlns:m2="http://search.yahoo.com/mrss" xmlns:a="http://www.w3.org/2005/Atom"
 xmlns:o="urn:x-other">
  <title>Plinth</title>
  <o:enclosure url="https://zorbel.example.test/o.jpg" type="image/jpeg"/>
  <media:group>
    <media:content url="https://zorbel.example.test/g.jpg" medium="image" width="800">
      <media:credit role="photographer">Ana Quibble</media:credit>
    </media:content>
    <media:description>A quorn on the pier</media:description>
  </media:group>
  <m2:thumbnail url="https://zorbel.example.test/t.jpg"/>
  <a:link rel="enclosure" type="image/png" href="/l.png"/>
  <a:link href="https://zorbel.example.test/page">
    <media:content url="https://zorbel.example.test/k.webp"/>
  </a:link>
  <enclosure url="https://zorbel.example.test/g.jpg" type="image/jpeg" length="10"/>
  <enclosure url="https://zorbel.example.test/pod.mp3" type="audio/mpeg"/>
  <media:content><media:thumbnail url="https://zorbel.example.test/t2.jpg"/></media:content>
  <media:credit>Quibble Agency</media:credit>
</item>"""


def test_photos_from_the_parts_picked_out_are_those_of_every_child() -> None:
    item = etree.fromstring(_MEDIA_ITEM)
    parts = [child for child in item if _feedmedia.holds_photos(child.tag)]
    photos = _feedmedia.media_photos(item, "https://zorbel.example.test/", parts)
    assert photos == _feedmedia.media_photos(item, "https://zorbel.example.test/")
    assert [p.url for p in photos] == [
        "https://zorbel.example.test/o.jpg",
        "https://zorbel.example.test/l.png",
        "https://zorbel.example.test/g.jpg",
        "https://zorbel.example.test/k.webp",
    ]
    first, _, grouped, _ = photos
    assert grouped.photographer == "Ana Quibble" and grouped.caption == "A quorn on the pier"
    assert grouped.width == 800 and first.credit == "Quibble Agency"
    assert [r.url for r in first.renditions] == [
        "https://zorbel.example.test/t.jpg",
        "https://zorbel.example.test/t2.jpg",
    ]


def test_holds_photos_knows_media_enclosures_and_links_only() -> None:
    holds = _feedmedia.holds_photos
    assert holds("{http://search.yahoo.com/mrss/}content")
    assert holds("{http://search.yahoo.com/mrss}thumbnail")
    assert holds("enclosure") and holds("{urn:x-other}enclosure")
    assert holds("{http://www.w3.org/2005/Atom}link")
    assert not holds("link") and not holds("title") and not holds(etree.Comment)


def test_rss_and_atom_items_read_their_photos_from_the_parts_they_pick_out() -> None:
    base = "https://zorbel.example.test/"
    feed = _feed(
        '<?xml version="1.0"?>', extra=_MEDIA_ITEM.replace("<title>", "<link>x</link><title>")
    )
    _, article = list(rss.read_many(feed, url=base))
    assert article.photos == _feedmedia.media_photos(etree.fromstring(_MEDIA_ITEM), base)
    entry = _MEDIA_ITEM.replace("<item", "<entry").replace("</item>", "</entry>")
    atom_feed = (
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Quibble</title>'
        f'<link href="{base}"/>{entry}</feed>'
    )
    (read,) = list(atom.read_many(atom_feed))
    assert read.photos == _feedmedia.media_photos(etree.fromstring(entry), base)
    assert len(read.photos) == 4


# ---------------------------------------------------------------------------
# text, authors, errors


@pytest.mark.parametrize(
    ("value", "markup", "expected"),
    [
        ("Plinth  and\tquorn\n", True, "Plinth and quorn"),
        ("Plinth\x07 and\x00 quorn", False, "Plinth and quorn"),
        ("Plinth\u00a0quorn", True, "Plinth quorn"),
        ("Q&amp;A &eacute;t&eacute;", True, "Q&A été"),
        ("Q&amp;A", False, "Q&amp;A"),
        ("a < b & c > d", True, "a < b & c > d"),
        ("<b>Plinth</b> &amp; <script>x()</script>quorn", True, "Plinth & quorn"),
        ("\ud800Plinth", True, "Plinth"),
        ("  \x01 ", True, None),
    ],
)
def test_plain_text(value: str, markup: bool, expected: str | None) -> None:
    assert _feeds.plain_text(value, markup=markup) == expected


def test_resolve_cleans_urls_that_are_not_printable() -> None:
    assert _feeds.resolve("/a\x01b", "https://zorbel.example.test/") == (
        "https://zorbel.example.test/ab"
    )
    assert _feeds.resolve("https://zorbel.example.test/a\tb", None) is None
    assert _feeds.resolve("page", "https://zorbel.example.test/x/") == (
        "https://zorbel.example.test/x/page"
    )


def test_bylines_read_the_same_remembered_or_not() -> None:
    authors = ("ana@zorbel.example.test (Ana Quibble)", "Bo Plinth and Cy Quorn", "Ana Quibble")
    first = _feeds.bylines_of(_feeds.Entry(authors=authors))
    again = _feeds.bylines_of(_feeds.Entry(authors=authors))
    assert first == again == _feeds.bylines_of(_feeds.Entry(authors=(*authors, "x" * 400)))[:3]
    assert [b.name for b in first] == ["Ana Quibble", "Bo Plinth", "Cy Quorn"]
    long = ("Ana Quibble " * 30,)
    assert [b.name for b in _feeds.bylines_of(_feeds.Entry(authors=long))] == [
        " ".join(long[0].split())
    ]


def test_bylines_of_people_follow_the_authors_they_do_not_repeat() -> None:
    entry = _feeds.Entry(authors=("Ana Quibble",), people=(("ana quibble", None), ("Bo", "/b")))
    assert [b.name for b in _feeds.bylines_of(entry)] == ["Ana Quibble", "Bo"]


def test_as_read_errors_turns_model_errors_into_ours_and_lets_others_through() -> None:
    with pytest.raises(ReadError, match="bad value") as caught, as_read_errors("rss"):
        raise ValueError("bad value")
    assert caught.value.__suppress_context__
    with pytest.raises(InputTooLargeError, match="nests too deeply"), as_read_errors("rss"):
        raise RecursionError
    original = ReadError("ours already", format="atom")
    with pytest.raises(ReadError) as kept, as_read_errors("rss"):
        raise original
    assert kept.value is original
    with pytest.raises(KeyError), as_read_errors("rss"):
        raise KeyError("x")
    with as_read_errors("rss"):
        article = m.Article(headline="Plinth")
    assert article.headline == "Plinth"
