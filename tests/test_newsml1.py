"""NewsML 1.x (``newsml1``): synthetic documents of every shape, hostile input, and the
reference documents in ../shared/ref/newsml1 when that folder is present."""

from __future__ import annotations

import datetime
import warnings
from pathlib import Path

import pytest
from dateutil.tz import tzoffset

import newsmodel
from newsmodel import model as m
from newsmodel.io import newsml1
from tests.conftest import FIXTURES, GOLDEN, SHARED_REF

HERE = FIXTURES / "newsml1"
REFERENCE = SHARED_REF / "newsml1"
PLUS_ONE = tzoffset(None, 3600)


def _many(name: str) -> list[m.Article]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.IgnoredContentWarning)
        return list(newsml1.read_many((HERE / name).read_bytes()))


def _doc(item: str, *, prolog: str = "") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<NewsML>{item}</NewsML>'


# ---------------------------------------------------------------------------
# the package: two language versions, parts, a photo with sizes


def test_package_gives_one_article_per_language_version_golden() -> None:
    english, french = _many("package.xml")
    photo = m.Photo(
        url="ferry-large.jpg",
        caption="The ferry waits at the east pier on Friday.",
        credit="Example Photo",
        photographer="Sam Lensman",
        width=2048,
        height=1365,
        renditions=(
            m.Rendition(
                url="ferry-medium.jpg",
                name="preview",
                media_type="image/jpeg",
                width=512,
                height=341,
            ),
            m.Rendition(
                url="ferry-small.jpg",
                name="thumbnail",
                media_type="image/jpeg",
                width=128,
                height=85,
            ),
        ),
        id="pic1",
    )
    topics = (
        m.Topic(qcode="subj:04000000", uri="http://cv.iptc.org/newscodes/subjectcode/04000000"),
        m.Topic(qcode="subj:04005000", uri="http://cv.iptc.org/newscodes/subjectcode/04005000"),
        m.Topic(name="Eastbrook", kind=m.TopicKind.PLACE),
        m.Topic(
            qcode="iso3166-1a3:NZL",
            uri="http://cvx.iptc.org/iso3166-1a3/NZL",
            kind=m.TopicKind.PLACE,
        ),
    )
    keywords = tuple(
        m.Topic(name=k, kind=m.TopicKind.KEYWORD) for k in ("ferries", "transport", "harbour")
    )
    assert english == m.Article(
        id="urn:newsml:example.test:20240301:pkg-001:2#en-body",
        headline="Eastbrook ferry sails again",
        subheadline="Service resumes after repairs",
        summary="The harbour ferry runs again from Monday.",
        body=(
            m.Paragraph(content=("The ferry between the two piers was repaired over the winter.",)),
            m.Paragraph(content=("Timetables stay as they were, the harbour office said.",)),
        ),
        bylines=(m.Byline(name="Jane Placeholder", role="transport reporter"),),
        photos=(photo,),
        topics=topics + keywords,
        published=datetime.datetime(2024, 3, 1, 7, 30, tzinfo=PLUS_ONE),
        modified=datetime.datetime(2024, 3, 1, 9, 15, tzinfo=PLUS_ONE),
        language="en",
        publisher=m.Publisher(name="AFP"),  # ProviderId afp.com, as vocab names the agency
        dateline=m.Dateline(text="EASTBROOK, March 1", location="Eastbrook"),
        rights=m.Rights(notice="© 2024 Example Wire"),
        creditline="Example Wire",
        version=2,
        status=m.PubStatus.USABLE,
        urgency=3,
        slugline="ferry-eastbrook",
        genres=(m.Topic(name="Current", kind=m.TopicKind.GENRE),),
    )
    # the French version: its own headline and language, the package's metadata and photo
    assert french.id == "urn:newsml:example.test:20240301:pkg-001:2#fr-body"
    assert french.headline == "Le bac d'Eastbrook reprend du service"
    assert french.language == "fr"
    assert (
        french.text
        == "Le bac entre les deux quais a été réparé.\n\nLes horaires restent les mêmes."
    )
    assert french.photos == (photo,)
    assert french.topics == topics  # the keyword lines belong to the English version
    assert (french.bylines, french.summary, french.slugline) == ((), None, "EASTBROOK-FERRY")


def test_read_gives_the_first_article_and_warns_of_the_rest() -> None:
    data = (HERE / "package.xml").read_bytes()
    with pytest.warns(newsmodel.IgnoredContentWarning) as caught:
        article = newsmodel.read(data, quotes=False)
    assert article.headline == "Eastbrook ferry sails again"
    messages = [str(w.message) for w in caught]
    assert any("video (ferry.mp4)" in s and "audio (statement.wav)" in s for s in messages)
    assert any("more than one article" in s for s in messages)


def test_detection_and_format_table() -> None:
    data = (HERE / "package.xml").read_bytes()  # a comment and a PI before the root
    assert newsmodel.detect_format(data).name == "newsml1"
    assert newsmodel.detect_format(data, "wire.xml").name == "newsml1"
    latin = (HERE / "nitf-latin9.xml").read_bytes()  # a DOCTYPE with an internal subset
    assert newsmodel.detect_format(latin).name == "newsml1"
    info = newsmodel.get_format("newsml-1")
    assert (info.name, info.can_read, info.can_write) == ("newsml1", True, False)
    for other in ("indaily.newsml.xml", "indaily.nitf.xml"):
        assert newsmodel.detect_format((GOLDEN / other).read_bytes()).name != "newsml1"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<NewsML>", True),
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c --><NewsML Version="1.2">', True),
        (b'<!DOCTYPE NewsML SYSTEM "n.dtd" [ <!ELEMENT p ANY> ]>\n<NewsML/>', True),
        (b'<NewsML xmlns="http://example.test/ns">', False),  # not the un-namespaced root
        (b"<x:NewsML xmlns:x='urn:x'>", False),
        (b"<NewsMLx>", False),
        (b"<nitf><NewsML>", False),
        (b"text before <NewsML>", False),
        (b"<?a?>\n<!-- - -->" * 200 + b"<NewsML>", True),
        (b" " * 4000 + b"x", False),  # no backtracking over white space or PIs
        (b"<?a?>" * 800 + b"<nitf>", False),
        (b"<!-- -- -->" * 300 + b"<x>", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert newsml1.sniff(head) is expected


def test_writing_is_refused_clearly() -> None:
    with pytest.raises(newsmodel.FormatError, match="can be read but not written"):
        newsmodel.write(m.Article(headline="x"), format="newsml1")
    with pytest.raises(newsmodel.FormatError, match="read but not written"):
        newsml1.write(m.Article(headline="x"))


# ---------------------------------------------------------------------------
# encodings, DOCTYPE, NITF bodies and photos they point at


def test_latin9_nitf_body_doctype_and_misspelt_metadata() -> None:
    (article,) = _many("nitf-latin9.xml")
    assert article.headline == "Valmora market prices rise by 3 €"  # ISO-8859-15's euro
    assert article.text == (
        "Los precios del mercado subieron 3 € por caja, dijo la cámara.\n\n"
        "Los comerciantes esperan más clientes el sábado & el domingo."
    )
    assert article.language == "es"  # from the misspelt <DescriptiveMetada>
    assert article.urgency == 2  # <Urgency>2</Urgency>, text instead of FormalName
    assert article.id == "valmora-42"  # no PublicIdentifier: the NewsItemId
    assert article.publisher == m.Publisher(name="Belga")  # ProviderId wrapped in newlines
    assert article.published == datetime.datetime(2024, 6, 12, 10, 15)  # no zone: naive
    assert article.dateline == m.Dateline(text="VALMORA, June 12", location="Valmora")
    assert [b.name for b in article.bylines] == ["Ana Sample", "Ben Example"]
    # ZZZ is a user-assigned country code: no place
    assert [t.name or t.qcode for t in article.topics] == ["Valmora"]
    # <media-reference data-location="#photo7"/> names the photo component's Duid
    assert article.photos == (
        m.Photo(url="market.jpg", credit="Sample Agency", width=800, height=600, id="photo7"),
    )


def test_body_shapes() -> None:
    articles = {a.id: a for a in _many("bodies.xml")}
    xhtml = articles["urn:test:xhtml"]
    assert xhtml.body == (
        m.Heading(content=("First part",)),
        m.Paragraph(content=("One ", m.Emphasis(content=("small",)), " step.")),
        m.ListBlock(items=((m.Paragraph(content=("alpha",)),), (m.Paragraph(content=("beta",)),))),
    )
    # plain text with no blank line: one paragraph per line
    assert articles["urn:test:plain"].text == "First line of the note.\n\nSecond line of the note."
    assert articles["urn:test:escaped"].body == (
        m.Paragraph(
            content=(
                "Pat ",
                m.Strong(content=("Example",)),
                " spoke first. Then the meeting closed.",
            )
        ),
    )
    cdata = articles["urn:test:cdata"]
    assert cdata.text == "First kept paragraph.\n\nSecond one & more."  # the script is gone
    assert cdata.body[0] == m.Paragraph(
        content=("First ", m.Emphasis(content=("kept",)), " paragraph.")
    )
    assert articles["urn:test:bcnitf"].text == "A wrapped paragraph of text.\n\nAnother one."
    record = articles["urn:test:record"]  # markup of another vocabulary: its words
    assert (record.headline, record.text) == (None, "Reds 2 Blues 1")


def test_photo_item_with_a_caption_only() -> None:
    (article,) = _many("photo-item.xml")
    caption = "Boats return to the harbour at dusk, café lights on."
    assert (article.headline, article.text) == ("Harbour at dusk", caption)
    assert article.language == "en-GB"  # Language FormalName="GB" is a country
    assert article.topics == (m.Topic(name="NORTH BAY", kind=m.TopicKind.PLACE),)
    assert article.photos == (
        m.Photo(
            url="dusk.jpg",
            caption=caption,
            photographer="LEE PLACEHOLDER",  # a line break inside the attribute
            width=3000,
            height=2000,
            renditions=(m.Rendition(url="dusk-t.jpg", name="thumbnail"),),
        ),
    )


def test_text_by_reference_gives_the_item_with_a_warning() -> None:
    doc = _doc(
        "<NewsItem><NewsComponent><NewsLines><HeadLine>Speech</HeadLine></NewsLines>"
        '<NewsComponent><ContentItem Href="speech.xml"><MediaType FormalName="Text"/>'
        '</ContentItem></NewsComponent><NewsComponent><ContentItem Href="speaker.jpg"/>'
        "</NewsComponent></NewsComponent></NewsItem>"
    )
    with pytest.warns(newsmodel.IgnoredContentWarning, match=r"text \(speech.xml\)"):
        article = newsml1.read(doc)
    assert (article.headline, article.body) == ("Speech", ())
    assert article.photos == (m.Photo(url="speaker.jpg"),)  # a picture by its file name


def test_equivalents_list_reads_one_alternative() -> None:
    doc = _doc(
        '<NewsItem><NewsComponent EquivalentsList="yes"><NewsLines><HeadLine>Two ways'
        "</HeadLine></NewsLines><ContentItem><DataContent>The short text.</DataContent>"
        "</ContentItem><ContentItem><DataContent>The same text again.</DataContent>"
        "</ContentItem></NewsComponent></NewsItem>"
    )
    assert newsml1.read(doc).text == "The short text."


def test_media_reference_to_a_duid_in_another_branch() -> None:
    doc = _doc(
        "<NewsItem><NewsComponent><NewsComponent><NewsLines><HeadLine>Story</HeadLine>"
        "</NewsLines><ContentItem><DataContent><media><media-reference "
        'data-location="#far"/></media><p>Body text.</p></DataContent></ContentItem>'
        "</NewsComponent><NewsComponent><NewsComponent><NewsLines><HeadLine>Other</HeadLine>"
        "</NewsLines><ContentItem><DataContent>Other body.</DataContent></ContentItem>"
        '</NewsComponent><NewsComponent Duid="far"><ContentItem Href="far.png"/>'
        "</NewsComponent></NewsComponent></NewsComponent></NewsItem>"
    )
    story, other = newsml1.read_many(doc)
    assert story.photos == (m.Photo(url="far.png", id="far"),)  # by its Duid only
    assert story.text == "Body text."
    assert other.photos == (m.Photo(url="far.png", id="far"),)  # beside it


# ---------------------------------------------------------------------------
# hostile and broken input


def test_billion_laughs_in_the_internal_subset_is_refused() -> None:
    lols = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    doc = _doc(
        "<NewsItem><NewsComponent><ContentItem><DataContent>&lol9;</DataContent>"
        "</ContentItem></NewsComponent></NewsItem>",
        prolog=f"<!DOCTYPE NewsML [{lols}]>",
    )
    with pytest.raises(newsmodel.ReadError, match="entities"):
        newsml1.read(doc)


def test_external_entities_are_never_loaded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-WORDS", encoding="utf-8")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "SECRET-WORDS">', encoding="utf-8")
    general = _doc(
        "<NewsItem><NewsComponent><ContentItem><DataContent>&x;</DataContent></ContentItem>"
        "</NewsComponent></NewsItem>",
        prolog=f'<!DOCTYPE NewsML [<!ENTITY x SYSTEM "{secret.as_uri()}">]>',
    )
    with pytest.raises(newsmodel.ReadError, match="entities"):
        newsml1.read(general)
    parameter = _doc(
        "<NewsItem><NewsComponent><NewsLines><HeadLine>Kept</HeadLine></NewsLines>"
        "<ContentItem><DataContent>before &leak; after</DataContent></ContentItem>"
        "</NewsComponent></NewsItem>",
        prolog=f'<!DOCTYPE NewsML SYSTEM "{dtd.as_uri()}" '
        f'[<!ENTITY % p SYSTEM "{dtd.as_uri()}"> %p; <!ENTITY % q SYSTEM '
        '"http://192.0.2.1/never.dtd"> %q;]>',
    )
    article = newsml1.read(parameter)  # the subset is dropped unread: nothing fetched
    assert (article.headline, article.text) == ("Kept", "before after")


def test_many_components_are_read_in_one_pass() -> None:
    stories = "".join(
        f'<NewsComponent Duid="s{i}"><NewsLines><HeadLine>Story {i}</HeadLine></NewsLines>'
        f"<ContentItem><DataContent>Text {i}.</DataContent></ContentItem></NewsComponent>"
        for i in range(5_000)
    )
    pictures = "".join(
        f'<NewsComponent><ContentItem Href="p{i}.jpg"/></NewsComponent>' for i in range(5_000)
    )
    doc = _doc(
        "<NewsItem><Identification><NewsIdentifier><PublicIdentifier>urn:x</PublicIdentifier>"
        f"</NewsIdentifier></Identification><NewsComponent>{stories}{pictures}</NewsComponent>"
        "</NewsItem>"
    )
    articles = list(newsml1.read_many(doc))
    assert len(articles) == 5_000
    assert (articles[-1].id, articles[-1].headline, articles[-1].text) == (
        "urn:x#s4999",
        "Story 4999",
        "Text 4999.",
    )
    # every story sits beside the 5,000 pictures: each takes at most MAX_PHOTOS of them
    assert len(articles[0].photos) == newsml1.MAX_PHOTOS
    assert articles[0].photos[0] == m.Photo(url="p0.jpg")


def test_deep_nesting_is_read_or_our_error() -> None:
    for depth in (100, 400):
        doc = _doc(
            "<NewsItem>"
            + "<NewsComponent>" * depth
            + "<ContentItem><DataContent>Deep.</DataContent></ContentItem>"
            + "</NewsComponent>" * depth
            + "</NewsItem>"
        )
        try:
            article = newsml1.read(doc)
        except newsmodel.InputTooLargeError:
            assert depth > 250  # libxml2's nesting limit
        else:
            assert article.text == "Deep."


@pytest.mark.parametrize(
    "item",
    [
        "<NewsItem/>",
        "<NewsItem><NewsComponent/></NewsItem>",
        "<NewsItem><NewsComponent><ContentItem/><ContentItem><DataContent/></ContentItem>"
        "<Role/><NewsLines><HeadLine/></NewsLines></NewsComponent></NewsItem>",
        "<NewsItem><NewsManagement><FirstCreated>soon</FirstCreated><Urgency FormalName='99'/>"
        "<Status FormalName='Odd'/></NewsManagement><Identification><NewsIdentifier>"
        "<RevisionId>-4</RevisionId></NewsIdentifier></Identification></NewsItem>",
        '<NewsItem><NewsComponent><ContentItem Href="javascript:alert(1)">'
        '<MediaType FormalName="Photo"/></ContentItem></NewsComponent></NewsItem>',
    ],
)
def test_missing_and_odd_parts_give_an_empty_article(item: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.IgnoredContentWarning)
        article = newsml1.read(_doc(item))
    assert article == m.Article()


def test_documents_that_are_not_newsml1_are_our_error() -> None:
    with pytest.raises(newsmodel.ReadError, match="no NewsItem"):
        newsml1.read(_doc("<NewsEnvelope/>"))
    assert list(newsml1.read_many(_doc(""))) == []
    with pytest.raises(newsmodel.ReadError, match="root NewsML"):
        newsml1.read("<nitf><body/></nitf>")
    with pytest.raises(newsmodel.ReadError, match="well-formed"):
        newsml1.read_many("<NewsML><NewsItem></NewsML>")  # refused before the first article
    with pytest.raises(newsmodel.ReadError, match="internal subset"):
        newsml1.read('<!DOCTYPE NewsML [ <!ELEMENT x "unclosed> ]><NewsML/>')


# ---------------------------------------------------------------------------
# the reference documents (../shared/ref/newsml1), never copied here

#: Reference documents without a headline and a body, and why.
NOT_WHOLE = {
    # the text is in files the document only names (ContentItem Href): nothing to read
    "iptc-1.xml": ("headline",),
    # a package of references to other NewsItems (NewsItemRef), no ContentItem at all
    "reuters-1.xml": ("headline",),
    # no NewsLines anywhere: the body is a football result record, with no headline
    "iptc-2.xml": ("body",),
}


def _references() -> list[Path]:
    return sorted(REFERENCE.glob("*.xml")) if REFERENCE.is_dir() else []


@pytest.mark.parametrize("path", _references() or [None], ids=lambda p: p.name if p else "absent")
def test_reference_documents_read_to_articles(path: Path | None) -> None:
    if path is None:
        pytest.skip("../shared/ref/newsml1 is not present")
    data = path.read_bytes()
    assert newsmodel.detect_format(data).name == "newsml1"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.IgnoredContentWarning)
        articles = list(newsml1.read_many(data))
        assert newsmodel.read(data, quotes=False) == articles[0]
    assert articles
    has = NOT_WHOLE.get(path.name)
    for article in articles:
        if has is None:
            assert article.headline and article.text, path.name
        else:
            assert [f for f in ("headline", "body") if getattr(article, f)] == list(has)


def test_reference_documents_details() -> None:
    if not (REFERENCE / "belga-1.xml").is_file():
        pytest.skip("../shared/ref/newsml1 is not present")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.IgnoredContentWarning)
        belga = list(newsml1.read_many((REFERENCE / "belga-1.xml").read_bytes()))
        arabic = newsml1.read((REFERENCE / "afp-2.xml").read_bytes())
    assert [a.language for a in belga] == ["nl", "fr"]  # the two language versions
    assert any(isinstance(i, m.Strong) for i in belga[0].body[0].content)  # escaped <b>
    assert arabic.language == "ar" and arabic.photos[0].id == "photo0"
    assert arabic.photos[0].caption and len(arabic.photos[0].renditions) == 2
