"""NewsML-G2 messages of many stories: read_many, write_many, which photos go with which story."""

from __future__ import annotations

import datetime
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import model as m
from newsmodel.io import newsml
from newsmodel.testing import articles
from tests.schemas import G2, assert_xml_valid

UTC = datetime.timezone.utc
WHEN = datetime.datetime(2024, 4, 5, 12, 0, tzinfo=UTC)
NS = "http://iptc.org/std/nar/2006-10-01/"


def _text(guid: str, headline: str, links: str = "", body: str = "<p>Lorem ipsum.</p>") -> str:
    return f"""<newsItem guid="{guid}" standard="NewsML-G2" standardversion="2.35">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="p"/>
    <versionCreated>2024-04-05T12:00:00Z</versionCreated>{links}</itemMeta>
  <contentMeta><headline>{headline}</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>
  </inlineXML></contentSet>
</newsItem>"""


def _picture(guid: str, caption: str) -> str:
    return f"""<newsItem guid="{guid}" standard="NewsML-G2" standardversion="2.35">
  <itemMeta><itemClass qcode="ninat:picture"/><provider literal="p"/>
    <versionCreated>2024-04-05T12:00:00Z</versionCreated></itemMeta>
  <contentMeta><description role="drol:caption">{caption}</description></contentMeta>
  <contentSet><remoteContent href="https://img.example/{guid.rsplit(":", 1)[-1]}.jpg"/></contentSet>
</newsItem>"""


def _package(groups: str, root: str = "G0") -> str:
    return f"""<packageItem guid="urn:x:pkg" standard="NewsML-G2" standardversion="2.35">
  <itemMeta><itemClass qcode="ninat:composite"/><provider literal="p"/>
    <versionCreated>2024-04-05T12:00:00Z</versionCreated></itemMeta>
  <groupSet root="{root}">{groups}</groupSet>
</packageItem>"""


def _message(*items: str) -> str:
    return (
        f'<newsMessage xmlns="{NS}"><header><sent>2024-04-05T12:00:00Z</sent></header>'
        f"<itemSet>{''.join(items)}</itemSet></newsMessage>"
    )


def _group(gid: str, *refs: str, subgroups: tuple[str, ...] = ()) -> str:
    inner = "".join(f'<itemRef residref="{r}"/>' for r in refs)
    inner += "".join(f'<groupRef idref="{g}"/>' for g in subgroups)
    return f'<group id="{gid}" role="grpRole:main">{inner}</group>'


def _captions(article: m.Article) -> list[str | None]:
    return [p.caption for p in article.photos]


def _read_many(data: str | bytes, **options: object) -> list[m.Article]:
    return list(newsml.read_many(data, **options))  # type: ignore[arg-type]


#: Three stories and six photos, the photos all after the stories: only the package
#: says which go where (side by side, all six would follow the third story).
PACKAGED = _message(
    _package(
        _group("G0", subgroups=("G1", "G2", "G3"))
        + _group("G1", "urn:x:s1", "urn:x:p1", "urn:x:p2")
        + _group("G2", "urn:x:s2", "urn:x:p3")
        + _group("G3", "urn:x:s3", "urn:x:p4", "urn:x:p5", "urn:x:p6")
    ),
    _text("urn:x:s1", "First story"),
    _text("urn:x:s2", "Second story"),
    _text("urn:x:s3", "Third story"),
    *(_picture(f"urn:x:p{n}", f"Photo {n}") for n in range(1, 7)),
)


def test_three_packaged_stories_give_three_articles_with_their_photos() -> None:
    stories = _read_many(PACKAGED)
    assert [a.headline for a in stories] == ["First story", "Second story", "Third story"]
    assert [a.id for a in stories] == ["urn:x:s1", "urn:x:s2", "urn:x:s3"]
    assert [_captions(a) for a in stories] == [
        ["Photo 1", "Photo 2"],
        ["Photo 3"],
        ["Photo 4", "Photo 5", "Photo 6"],
    ]
    assert stories[0].photos[0].url == "https://img.example/p1.jpg"
    assert stories[0].photos[0].id == "urn:x:p1"


def test_read_gives_the_first_story_and_says_there_are_more() -> None:
    with pytest.warns(newsmodel.IgnoredContentWarning, match="the message holds 3 articles"):
        article = newsml.read(PACKAGED)
    assert article == _read_many(PACKAGED)[0]


def test_newsmodel_read_many_dispatches_and_finds_quotes() -> None:
    doc = _message(
        _text("urn:x:a", "One", body='<p>"We are ready," said Jane Roe.</p>'),
        _text("urn:x:b", "Two"),
    )
    stories = list(newsmodel.read_many(doc))
    assert [a.headline for a in stories] == ["One", "Two"]
    assert stories[0].quotes and stories[0].quotes[0].text == "We are ready,"
    assert not stories[1].quotes
    assert [a.headline for a in newsmodel.read_many(doc, quotes=False)] == ["One", "Two"]


def test_a_photo_subgroup_belongs_to_the_story_that_refers_to_it() -> None:
    doc = _message(
        _package(
            _group("G0", subgroups=("S1", "S2"))
            + _group("S1", "urn:x:s1", subgroups=("P1",))
            + _group("P1", "urn:x:p1", "urn:x:p2")
            + _group("S2", "urn:x:s2", subgroups=("P2", "S1"))  # S1 is a story: not S2's
            + _group("P2", "urn:x:p3")
        ),
        _picture("urn:x:p1", "Photo 1"),
        _picture("urn:x:p2", "Photo 2"),
        _picture("urn:x:p3", "Photo 3"),
        _text("urn:x:s1", "First story"),
        _text("urn:x:s2", "Second story"),
    )
    assert [_captions(a) for a in _read_many(doc)] == [["Photo 1", "Photo 2"], ["Photo 3"]]


def test_links_and_inline_references_choose_a_story_s_photos() -> None:
    doc = _message(
        _text("urn:x:s1", "Linked", links='<link rel="irel:seeAlso" residref="urn:x:p3"/>'),
        _text(
            "urn:x:s2",
            "Inline",
            body='<p>Text.</p><p><img src="https://img.example/p1.jpg" alt="one"/></p>',
        ),
        _picture("urn:x:p1", "Photo 1"),
        _text("urn:x:s3", "Neither"),
        _picture("urn:x:p2", "Photo 2"),
        _picture("urn:x:p3", "Photo 3"),
    )
    linked, inline, neither = _read_many(doc)
    assert _captions(linked) == ["Photo 3"]
    assert linked.links == (m.RelatedLink(url="urn:x:p3", rel="irel:seeAlso"),)
    # the picture item, then the body's own figure (alt text, no caption) showing its file
    assert _captions(inline) == ["Photo 1", None]
    assert [p.url for p in inline.photos] == ["https://img.example/p1.jpg"] * 2
    assert _captions(neither) == ["Photo 2"]  # unclaimed: follows the story before it


def test_unclaimed_pictures_go_with_the_story_before_them() -> None:
    doc = _message(
        _picture("urn:x:p0", "Photo 0"),
        _text("urn:x:s1", "One"),
        _picture("urn:x:p1", "Photo 1"),
        _text("urn:x:s2", "Two"),
        _picture("urn:x:p2", "Photo 2"),
        _picture("urn:x:p3", "Photo 3"),
    )
    assert [_captions(a) for a in _read_many(doc)] == [
        ["Photo 0", "Photo 1"],
        ["Photo 2", "Photo 3"],
    ]


def test_a_photo_shared_by_two_stories_goes_with_both() -> None:
    doc = _message(
        _package(_group("G0", "urn:x:s1", "urn:x:s2", "urn:x:p1")),
        _text("urn:x:s1", "One"),
        _text("urn:x:s2", "Two"),
        _picture("urn:x:p1", "Shared"),
    )
    assert [_captions(a) for a in _read_many(doc)] == [["Shared"], ["Shared"]]


def test_other_items_are_named_once() -> None:
    video = _picture("urn:x:v1", "Clip").replace("ninat:picture", "ninat:video")
    doc = _message(_text("urn:x:s1", "One"), video, _text("urn:x:s2", "Two"))
    with pytest.warns(newsmodel.IgnoredContentWarning, match=r"urn:x:v1 \(ninat:video\)"):
        stories = _read_many(doc)
    assert [a.headline for a in stories] == ["One", "Two"]


@pytest.mark.parametrize("path", sorted(G2.glob("examples/*.xml")), ids=lambda p: p.name)
def test_iptc_examples_read_many_starts_with_what_read_gives(path: Path) -> None:
    data = path.read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.NewsmodelWarning)
        assert _read_many(data) == [newsml.read(data)]  # each example holds one story


def test_iptc_package_example_reads_as_one_sparse_article() -> None:
    data = (G2 / "examples" / "LISTING_6_Simple_NewsML-G2_Package.xml").read_bytes()
    (article,) = _read_many(data)
    assert article.headline == "UK" and len(article.links) >= 2


def _story(n: int, photos: int) -> m.Article:
    return m.Article(
        id=f"urn:x:story{n}",
        headline=f"Story number {n}",
        summary=f"Summary {n}.",
        body=(m.Paragraph(content=(f"Body of story {n}.",)),),
        bylines=(m.Byline(name=f"Writer {n}"),),
        published=datetime.datetime(2024, 4, n, 9, 30, tzinfo=UTC),
        language="en",
        photos=tuple(
            m.Photo(
                url=f"https://img.example/{n}-{k}.jpg",
                caption=f"Caption {n}.{k}",
                id=f"urn:x:pic{n}-{k}",
            )
            for k in range(photos)
        ),
    )


STORIES = [_story(1, 2), _story(2, 0), _story(3, 3)]


@pytest.mark.parametrize("package", [False, True])
@pytest.mark.parametrize("body", ["xhtml", "nitf"])
def test_write_many_round_trips_every_story_with_its_photos(body: str, package: bool) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing of these stories is lost
        text = newsml.write_many(STORIES, body=body, package=package, version_created=WHEN)
    assert_xml_valid(text, "g2")
    assert text.count("<newsItem") == 3 + 5 and text.count("<packageItem") == (3 if package else 0)
    assert _read_many(text) == STORIES


def test_write_many_through_the_api() -> None:
    text = newsmodel.write_many(STORIES, format="newsml", version_created=WHEN)
    assert [a.headline for a in newsmodel.read_many(text, quotes=False)] == [
        "Story number 1",
        "Story number 2",
        "Story number 3",
    ]
    assert newsmodel.validate(text) == []


def test_write_many_writes_a_shared_photo_once_and_links_it_from_both() -> None:
    shared = m.Photo(url="https://img.example/shared.jpg", caption="Both", id="urn:x:shared")
    stories = [attrs.evolve(s, photos=(shared,)) for s in STORIES[:2]]
    text = newsml.write_many(stories, version_created=WHEN)
    assert text.count('qcode="ninat:picture"') == 1
    assert_xml_valid(text, "g2")
    assert _read_many(text) == stories


def test_write_many_gives_stories_without_ids_distinct_guids() -> None:
    twin = m.Article(headline="Same", body=(m.Paragraph(content=("Same body.",)),))
    text = newsml.write_many([twin, twin], version_created=WHEN)
    assert_xml_valid(text, "g2")
    assert _read_many(text) == [twin, twin]


def test_write_many_of_nothing_is_refused() -> None:
    with pytest.raises(newsmodel.WriteError, match="at least one"):
        newsml.write_many([], version_created=WHEN)


def test_write_many_reports_losses_under_each_article_s_index() -> None:
    lossy = attrs.evolve(STORIES[0], quotes=(m.Quote(text="Hello there"),))
    with pytest.warns(newsmodel.LossyConversionWarning, match=r"\[1\]\.quotes"):
        newsml.write_many([STORIES[1], lossy], version_created=WHEN)


def test_write_without_photos_is_still_a_single_item() -> None:
    text = newsml.write(STORIES[1], version_created=WHEN)
    assert text.count("<newsItem") == 1 and "<newsMessage" not in text


# ---------------------------------------------------------------------------
# hostile messages: many items, deep and looping packages


def test_a_message_of_many_stories_and_photos_reads_each_story_with_its_photo() -> None:
    count = 3000
    groups = "".join(_group(f"G{n}", f"urn:x:s{n}", f"urn:x:p{n}") for n in range(count))
    items = [_text(f"urn:x:s{n}", f"Story {n}") for n in range(count)]
    items += [_picture(f"urn:x:p{n}", f"Photo {n}") for n in range(count)]
    stories = _read_many(_message(_package(groups, root="G0"), *items))
    assert len(stories) == count
    assert all(_captions(a) == [f"Photo {n}"] for n, a in enumerate(stories))


def test_looping_and_long_group_chains_end() -> None:
    count = 5000
    chain = "".join(_group(f"C{n}", f"urn:x:p{n}", subgroups=(f"C{n + 1}",)) for n in range(count))
    loop = _group("L1", subgroups=("L2",)) + _group("L2", subgroups=("L1", "C0"))
    doc = _message(
        _package(_group("S", "urn:x:s1", subgroups=("L1",)) + loop + chain),
        _text("urn:x:s0", "Unpackaged"),
        *(_picture(f"urn:x:p{n}", f"Photo {n}") for n in range(count)),
        _text("urn:x:s1", "Packaged"),
    )
    before, story = _read_many(doc)
    # the chain is followed as far as the bound on group visits, and no further;
    # the pictures beyond it are unclaimed and follow the story before them
    assert 0 < len(story.photos) < count
    assert story.photos[0].caption == "Photo 0"
    assert len(before.photos) + len(story.photos) == count


SLOW = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)


@SLOW
@given(st.lists(articles(max_blocks=3), min_size=1, max_size=3), st.booleans())
def test_every_written_message_is_valid_and_reads_back_one_article_each(
    stories: list[m.Article], package: bool
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.NewsmodelWarning)
        text = newsml.write_many(stories, package=package, version_created=WHEN)
        assert_xml_valid(text, "g2")
        back = _read_many(text)
    assert len(back) == len(stories)
    assert [a.headline for a in back] == [
        " ".join(s.headline.split()) or None if s.headline else None for s in stories
    ]


def test_script_and_data_urls_in_a_g2_item_are_dropped() -> None:
    article = m.Article(
        headline="Tides turn",
        url="https://plover.example/t",
        photos=(m.Photo(url="https://plover.example/p.jpg", caption="Gulls"),),
        links=(m.RelatedLink(url="https://plover.example/more", rel="seeAlso"),),
        bylines=(m.Byline(name="Ana Quibble", url="https://plover.example/ana"),),
    )
    text = newsmodel.write(article, "newsml")
    for good in ("https://plover.example/t", "https://plover.example/p.jpg",
                 "https://plover.example/more", "https://plover.example/ana"):  # fmt: skip
        text = text.replace(f'"{good}"', '"javascript:alert(1)"')
    assert text.count("javascript:") >= 3
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        back = newsmodel.read(text, "newsml", quotes=False)
    seen = repr(back)
    assert "javascript:" not in seen
    assert back.headline == "Tides turn"
