"""Classes of real NewsML-G2 and NewsML 1.x documents read wrongly or less than they say
(found on further agency documents; each case here is synthetic, with placeholder text)."""

from __future__ import annotations

import datetime
import warnings

import pytest

import newsmodel
from newsmodel import model as m
from newsmodel.io import newsml

NS = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"


def _item(guid: str, klass: str, meta: str = "", content: str = "", attrs: str = "") -> str:
    return (
        f'<newsItem guid="{guid}" standard="NewsML-G2" standardversion="2.10"{attrs}>'
        f"<itemMeta>{klass}<provider literal='p'/></itemMeta>"
        f"<contentMeta>{meta}</contentMeta><contentSet>{content}</contentSet></newsItem>"
    )


def _xhtml(body: str) -> str:
    return (
        f'<inlineXML contenttype="application/xhtml+xml"><html xmlns="{XHTML}">'
        f"<body>{body}</body></html></inlineXML>"
    )


def _message(*items: str) -> str:
    return f'<newsMessage xmlns="{NS}"><itemSet>{"".join(items)}</itemSet></newsMessage>'


def _read_many(doc: str) -> list[m.Article]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.IgnoredContentWarning)
        return list(newsml.read_many(doc))


# ---------------------------------------------------------------------------
# NewsML-G2


def test_item_classes_are_read_by_their_code_whatever_the_scheme() -> None:
    # Reuters sends icls:text / icls:video in a package: the story was lost, and the
    # package read as a story without a body in its place
    package = (
        '<packageItem guid="urn:x:pkg"><itemMeta><itemClass qcode="icls:composite"/></itemMeta>'
        '<groupSet root="G"><group id="G"><itemRef residref="urn:x:s"/>'
        '<itemRef residref="urn:x:v"/><itemRef residref="urn:x:p"/></group></groupSet>'
        "</packageItem>"
    )
    story = _item(
        "urn:x:s",
        '<itemClass qcode="icls:text"/>',
        "<headline>Plim brastle</headline>",
        _xhtml("<p>Quonder varp tesk.</p>"),
    )
    video = _item("urn:x:v", '<itemClass qcode="icls:video"/>', "<headline>Clip</headline>")
    picture = _item(
        "urn:x:p",
        '<itemClass uri="http://cv.iptc.org/newscodes/ninature/picture"/>',
        "<description>Placeholder caption</description>",
        '<remoteContent href="https://img.example/p.jpg" contenttype="image/jpeg"/>',
    )
    with pytest.warns(newsmodel.IgnoredContentWarning, match="icls:video"):
        found = list(newsml.read_many(_message(package, story, video, picture)))
    assert [a.id for a in found] == ["urn:x:s"]
    assert found[0].headline == "Plim brastle"
    assert found[0].body == (m.Paragraph(content=("Quonder varp tesk.",)),)
    assert [p.url for p in found[0].photos] == ["https://img.example/p.jpg"]


def test_an_item_without_class_holding_only_image_files_is_a_picture() -> None:
    story = _item(
        "urn:x:s",
        '<itemClass qcode="ninat:text"/>',
        "<headline>Plim</headline>",
        _xhtml("<p>Brastle.</p>"),
    )
    picture = (
        '<newsItem guid="urn:x:p"><contentMeta><description>Placeholder caption</description>'
        '</contentMeta><contentSet><remoteContent href="https://img.example/p.jpg" '
        'contenttype="image/jpeg" width="120" height="80"/></contentSet></newsItem>'
    )
    unclassed_story = '<newsItem guid="urn:x:t"><contentMeta><headline>Quonder</headline></contentMeta><contentSet><remoteContent href="https://x.example/a.html" contenttype="text/html"/></contentSet></newsItem>'
    found = _read_many(_message(story, picture, unclassed_story))
    assert [a.id for a in found] == ["urn:x:s", "urn:x:t"]  # no empty article of the picture
    assert [(p.url, p.caption) for p in found[0].photos] == [
        ("https://img.example/p.jpg", "Placeholder caption")
    ]


@pytest.mark.parametrize(
    ("version", "published", "modified"),
    [
        ("", "2024-07-03T13:13:54+02:00", None),
        (' version="1"', "2024-07-03T13:13:54+02:00", None),
        (' version="4"', None, "2024-07-03T13:13:54+02:00"),
    ],
)
def test_version_created_alone_dates_the_story(
    version: str, published: str | None, modified: str | None
) -> None:
    # dpa sends no firstCreated or contentCreated: the story had no date at all
    doc = (
        f'<newsItem xmlns="{NS}" guid="urn:x:1"{version}><itemMeta>'
        '<itemClass qcode="ninat:text"/><versionCreated>2024-07-03T13:13:54+02:00</versionCreated>'
        "</itemMeta><contentMeta><headline>Plim</headline></contentMeta></newsItem>"
    )
    article = newsml.read(doc)
    as_date = datetime.datetime.fromisoformat
    assert article.published == (as_date(published) if published else None)
    assert article.modified == (as_date(modified) if modified else None)


def test_an_article_without_dates_written_with_a_version_time_reads_back_without() -> None:
    when = datetime.datetime(2024, 4, 5, 12, tzinfo=datetime.timezone.utc)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
        out = newsml.write(m.Article(headline="Plim"), version_created=when)
    back = newsml.read(out)
    assert back.published is None and back.modified is None and back.publisher is None


def test_a_display_header_that_repeats_the_metadata_is_no_text() -> None:
    meta = (
        "<genre qcode='g:1'><name>DEVELOPING</name></genre>"
        "<subject qcode='s:1'><name>Loremland</name></subject><keyword>Brastle</keyword>"
        "<headline>Plim brastle quonder </headline>"
    )
    header = (
        '<header><time class="publicationDate" data-datetime="2024-07-03T13:13:54+02:00">'
        "03.07.2024 11:13 GMT</time><ul class='slugline'><li>Loremland</li><li>brastle</li></ul>"
        "<p class='genre'>DEVELOPING</p><h1>Plim brastle quonder</h1></header>"
    )
    doc = _item(
        "urn:x:1", '<itemClass qcode="ninat:text"/>', meta, _xhtml(header + "<p>Varp tesk.</p>")
    )
    article = newsml.read(f'<newsMessage xmlns="{NS}"><itemSet>{doc}</itemSet></newsMessage>')
    assert article.body == (m.Paragraph(content=("Varp tesk.",)),)
    # a header saying anything more is read as text
    own = header.replace("<h1>", "<p>Glorvan mibbet.</p><h1>")
    doc = _item("urn:x:1", '<itemClass qcode="ninat:text"/>', meta, _xhtml(own + "<p>Varp.</p>"))
    article = newsml.read(f'<newsMessage xmlns="{NS}"><itemSet>{doc}</itemSet></newsMessage>')
    assert m.Paragraph(content=("Glorvan mibbet.",)) in article.body
    assert article.body[-1] == m.Paragraph(content=("Varp.",))
    # a header holding a picture is read too: the picture is the story's
    pictured = header.replace("</h1>", '</h1><img src="https://img.example/lead.jpg"/>')
    doc = _item("urn:x:1", '<itemClass qcode="ninat:text"/>', meta, _xhtml(pictured + "<p>V.</p>"))
    article = newsml.read(f'<newsMessage xmlns="{NS}"><itemSet>{doc}</itemSet></newsMessage>')
    figures = [b.photo.url for b in article.body if isinstance(b, m.Figure)]
    assert figures == ["https://img.example/lead.jpg"]


def test_many_display_headers_are_left_out_in_linear_time() -> None:
    from tests.test_hostile_text import _assert_linear

    def make(n: int) -> str:
        body = "<header>Plim</header>" * n + "<p>Varp.</p>"
        meta = "<headline>Plim</headline>"
        return _item("urn:x:1", '<itemClass qcode="ninat:text"/>', meta, _xhtml(body))

    article = newsml.read(make(3))
    assert article.body == (m.Paragraph(content=("Varp.",)),)
    _assert_linear(make, newsml.read, 20_000)


def test_a_second_headline_without_role_is_the_subheadline() -> None:
    meta = "<headline>Plim brastle</headline><headline>Quonder varp tesk</headline>"
    doc = _item("urn:x:1", '<itemClass qcode="ninat:text"/>', meta, _xhtml("<p>Varp.</p>"))
    article = newsml.read(f'<newsMessage xmlns="{NS}"><itemSet>{doc}</itemSet></newsMessage>')
    assert (article.headline, article.subheadline) == ("Plim brastle", "Quonder varp tesk")


def test_a_headline_in_another_language_is_no_subheadline() -> None:
    meta = (
        '<headline xml:lang="nl">Plim brastle</headline>'
        '<headline xml:lang="fr">Plime brastlé</headline>'
    )
    doc = _item("urn:x:1", '<itemClass qcode="ninat:text"/>', meta, _xhtml("<p>Varp.</p>"))
    article = newsml.read(f'<newsMessage xmlns="{NS}"><itemSet>{doc}</itemSet></newsMessage>')
    assert (article.headline, article.subheadline) == ("Plim brastle", None)


def test_parties_given_as_literals() -> None:
    # Reuters: <creator literal="Reuters"/>, <provider literal="reuters.com"/>,
    # <copyrightHolder literal="…"/>; dpa names its writer as creator and contributor
    doc = f"""<newsItem xmlns="{NS}" guid="urn:x:1"><rightsInfo>
      <copyrightHolder literal="Plim Holdings"/><copyrightNotice>(c) Plim</copyrightNotice>
    </rightsInfo><itemMeta><itemClass qcode="ninat:text"/><provider literal="plim.example"/>
    </itemMeta><contentMeta><creator literal="Reuters"/><creator><name>jane.doe</name></creator>
    <contributor><name>jane.doe</name></contributor><contributor><name>john.roe</name></contributor>
    <headline>Plim</headline></contentMeta></newsItem>"""
    article = newsml.read(doc)
    assert article.publisher == m.Publisher(name="plim.example")
    assert article.rights is not None and article.rights.holder == "Plim Holdings"
    assert [(b.name, b.kind, b.role) for b in article.bylines] == [
        ("Reuters", m.BylineKind.ORGANISATION, None),
        ("jane.doe", m.BylineKind.PERSON, None),
        ("john.roe", m.BylineKind.PERSON, "contributor"),
    ]


# ---------------------------------------------------------------------------
# NewsML 1.x, and the NITF its items carry


def _newsml1(lines: str, data: str) -> str:
    content = f"<DataContent>{data}</DataContent>"
    return (
        '<?xml version="1.0" encoding="UTF-8"?><NewsML><NewsItem><Identification>'
        "<NewsIdentifier><ProviderId>plim.example</ProviderId><DateId>20240101</DateId>"
        "<NewsItemId>1</NewsItemId><RevisionId>1</RevisionId></NewsIdentifier></Identification>"
        f"<NewsComponent><NewsLines>{lines}</NewsLines><ContentItem>"
        f"<MediaType FormalName='Text'/>{content}</ContentItem></NewsComponent></NewsItem></NewsML>"
    )


def test_a_number_sent_as_headline_is_no_headline() -> None:
    # AFP sends a picture's number as its HeadLine
    doc = _newsml1(
        "<HeadLine>569697231</HeadLine><SubHeadLine>2024-000123</SubHeadLine>",
        "<p>Plim brastle quonder varp tesk.</p>",
    )
    article = newsmodel.read(doc, format="newsml1")
    assert article.headline is None and article.subheadline is None
    assert article.body == (m.Paragraph(content=("Plim brastle quonder varp tesk.",)),)
    # words, or a short number (a score, a year), stay a headline
    for title in ("2-0", "1984", "Plim 569697231"):
        doc = _newsml1(f"<HeadLine>{title}</HeadLine>", "<p>Brastle.</p>")
        assert newsmodel.read(doc, format="newsml1").headline == title


#: Lines of a wire broken at 60 characters (each shorter line's next word did not fit).
_WRAPPED = (
    "PLIM 15/06 (agency) = Plim brastle quonder varp tesk glorvan\n"
    "mibbet stroon ek ul pravish hunkle zibber oz drumble, ap\n"
    "Quondel flerk norvish plim brastle quonder varp tesk.\n"
    "Glorvan mibbet stroon ek ul pravish hunkle zibber oz drumble\n"
    "ap quondel."
)


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        # hard-wrapped: the lines of a paragraph run on, a sentence's end closes it
        (
            _WRAPPED,
            [
                "PLIM 15/06 (agency) = Plim brastle quonder varp tesk glorvan mibbet stroon "
                "ek ul pravish hunkle zibber oz drumble, ap Quondel flerk norvish plim "
                "brastle quonder varp tesk.",
                "Glorvan mibbet stroon ek ul pravish hunkle zibber oz drumble ap quondel.",
            ],
        ),
        # a line going on in lower case continues the one before; an indented line
        # starts a paragraph
        (
            "   PLIM (agency) = Plim brastle quonder\nvarp tesk.\n   Ek ul pravish\nhunkle.",
            ["PLIM (agency) = Plim brastle quonder varp tesk.", "Ek ul pravish hunkle."],
        ),
        # a heading in capitals stands alone
        ("PLIM BRASTLE\nQuonder varp tesk.", ["PLIM BRASTLE", "Quonder varp tesk."]),
        # a list of short lines (results, an address) stays a line a paragraph
        (
            "Plim - Brastle 2-1\nQuonder - Varp 0-0\nTesk - Glorvan 3-2",
            ["Plim - Brastle 2-1", "Quonder - Varp 0-0", "Tesk - Glorvan 3-2"],
        ),
        # a table's rows padded to one width stay apart (each "next word" would not fit)
        (
            "1.  Plim Brastle          30  20   5   5  60-25  65\n"
            "2.  Quonder Varp          30  18   6   6  51-30  60\n"
            "3.  Tesk Glorvan          30  15   9   6  40-33  54",
            [
                "1. Plim Brastle 30 20 5 5 60-25 65",
                "2. Quonder Varp 30 18 6 6 51-30 60",
                "3. Tesk Glorvan 30 15 9 6 40-33 54",
            ],
        ),
        # a list's items stay apart, however long
        (
            "- plim brastle quonder varp tesk glorvan mibbet stroon ek ul pravish hunkle\n"
            "- zibber oz drumble ap quondel flerk norvish plim brastle quonder varp\n"
            "- tesk",
            [
                "- plim brastle quonder varp tesk glorvan mibbet stroon ek ul pravish hunkle",
                "- zibber oz drumble ap quondel flerk norvish plim brastle quonder varp",
                "- tesk",
            ],
        ),
        # results written surname first: a line opening with a particle is no run-on
        (
            "Plimmer Jan (Bra) 4:12:33\nvan Quonder Piet (Bra) +0:05\nde Tesk Luc (Var) +0:12",
            [
                "Plimmer Jan (Bra) 4:12:33",
                "van Quonder Piet (Bra) +0:05",
                "de Tesk Luc (Var) +0:12",
            ],
        ),
        # lines longer than a wire's width are paragraphs of their own
        (
            "Plim brastle quonder varp tesk glorvan mibbet stroon ek ul pravish hunkle "
            "zibber oz drumble\nAp quondel flerk norvish",
            [
                "Plim brastle quonder varp tesk glorvan mibbet stroon ek ul pravish hunkle "
                "zibber oz drumble",
                "Ap quondel flerk norvish",
            ],
        ),
        # text with blank lines keeps them as its paragraph breaks
        ("Plim brastle\nquonder\n\nVarp tesk", ["Plim brastle quonder", "Varp tesk"]),
    ],
)
def test_hard_wrapped_plain_text_reads_as_paragraphs(text: str, paragraphs: list[str]) -> None:
    doc = _newsml1("<HeadLine>Plim</HeadLine>", f"<![CDATA[{text}]]>")
    article = newsmodel.read(doc, format="newsml1")
    assert [m.block_text(b) for b in article.body] == paragraphs


def test_a_long_run_of_digits_as_headline_is_read_in_linear_time() -> None:
    from tests.test_hostile_text import _assert_linear

    def make(n: int) -> str:
        return _newsml1(f"<HeadLine>{'1' * n}x</HeadLine>", "<p>Brastle.</p>")

    _assert_linear(make, lambda doc: newsmodel.read(doc, format="newsml1"), 20_000)


def test_a_dateline_timestamp_is_no_printed_dateline() -> None:
    # EFE: <dateline><story.date norm="…">20160116T125900+0000</story.date></dateline>
    nitf = (
        "<nitf><body><body.head><hedline><hl1>Plim</hl1></hedline><dateline>"
        '<story.date norm="20240116T125900+0000">20240116T125900+0000</story.date></dateline>'
        "</body.head><body.content><p>Brastle.</p></body.content></body></nitf>"
    )
    assert newsmodel.read(nitf, format="nitf").dateline is None
    assert newsmodel.read(_newsml1("", nitf), format="newsml1").dateline is None
    # a printed date stays, with the place around it
    printed = nitf.replace(
        "<dateline><story.date",
        "<dateline><location>PLIM</location>, <story.date",
    ).replace(">20240116T125900+0000</story.date>", ">Jan. 16</story.date> (Brastle)")
    assert newsmodel.read(printed, format="nitf").dateline == m.Dateline(
        text="PLIM, Jan. 16 (Brastle)", location="PLIM"
    )
    stamped = nitf.replace(
        "<dateline><story.date", "<dateline><location>PLIM</location> <story.date"
    )
    assert newsmodel.read(stamped, format="nitf").dateline == m.Dateline(
        text="PLIM", location="PLIM"
    )


def test_a_language_written_in_a_namespace_named_xml_is_read() -> None:
    # Belga: <NewsComponent xmlns:wstxns1="xml" wstxns1:lang="nl"> (a writer bound a
    # prefix to the namespace "xml" instead of writing xml:lang)
    doc = _newsml1("<HeadLine>Plim</HeadLine>", "<p>Brastle.</p>").replace(
        "<NewsComponent>", '<NewsComponent xmlns:ns1="xml" ns1:lang="nl">'
    )
    assert newsmodel.read(doc, format="newsml1").language == "nl"


def test_tags_alone_on_a_line_of_plain_text_are_left_out_with_their_line() -> None:
    # Belga's radio bulletin: paragraphs set apart by CR, a reference to a sound between
    # two as escaped markup; the paragraphs around it stay apart
    data = (
        "Plim brastle quonder:&#13;&lt;NewsComponentRef idref=&quot;DS1&quot;/&gt;&#13;"
        "Varp tesk glorvan.&#13;Mibbet stroon.&#13;   "
    )
    article = newsmodel.read(_newsml1("<HeadLine>Plim</HeadLine>", data), format="newsml1")
    assert [m.block_text(b) for b in article.body] == [
        "Plim brastle quonder:",
        "Varp tesk glorvan.",
        "Mibbet stroon.",
    ]


def test_an_unclosed_tag_in_plain_text_is_read_in_linear_time() -> None:
    from tests.test_hostile_text import _assert_linear

    def make(n: int) -> str:
        return _newsml1("<HeadLine>Plim</HeadLine>", "Brastle &lt;a" + "b" * n)

    _assert_linear(make, lambda doc: newsmodel.read(doc, format="newsml1"), 20_000)


def test_a_body_opening_with_the_titles_as_headings_does_not_repeat_them() -> None:
    # APA: <h1>headline</h1><h2>second headline</h2> open the XHTML body
    meta = "<headline>Plim brastle</headline><headline>Quonder varp tesk</headline>"
    body = "<h1>Plim  brastle</h1><h2>Quonder varp tesk</h2><p>Glorvan.</p><h2>Plim brastle</h2>"
    doc = _item("urn:x:1", '<itemClass qcode="ninat:text"/>', meta, _xhtml(body))
    article = newsml.read(f'<newsMessage xmlns="{NS}"><itemSet>{doc}</itemSet></newsMessage>')
    assert article.body == (
        m.Paragraph(content=("Glorvan.",)),
        m.Heading(level=2, content=("Plim brastle",)),
    )
    # newsmodel's own output keeps the body it was given
    mine = m.Article(
        headline="Plim brastle",
        body=(m.Heading(level=1, content=("Plim brastle",)), m.Paragraph(content=("Varp.",))),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
        assert newsml.read(newsml.write(mine)).body == mine.body


def test_a_link_to_a_picture_item_by_its_file_is_a_photo() -> None:
    # dpa links its pictures from the text item: the picture items are not in the message
    links = (
        '<link rel="irel:seeAlso" residref="urn:x:p1" href="https://img.example/p1.jpeg">'
        '<itemClass qcode="ninat:picture"/><title>Plim</title></link>'
        '<link rel="irel:seeAlso" residref="urn:x:p2"><itemClass qcode="ninat:picture"/></link>'
        '<link rel="irel:seeAlso" href="https://plim.example/a.html"/>'
    )
    story = (
        f'<newsItem xmlns="{NS}" guid="urn:x:s"><itemMeta><itemClass qcode="ninat:text"/>'
        f"{links}</itemMeta><contentMeta><headline>Brastle</headline></contentMeta></newsItem>"
    )
    article = newsml.read(story)
    assert article.photos == (m.Photo(url="https://img.example/p1.jpeg", id="urn:x:p1"),)
    assert [link.url for link in article.links] == ["urn:x:p2", "https://plim.example/a.html"]
    # a picture item in the message that the link names is attached once
    picture = _item(
        "urn:x:p1",
        '<itemClass qcode="ninat:picture"/>',
        "<description>Placeholder caption</description>",
        '<remoteContent href="https://img.example/p1-large.jpeg"/>',
    )
    found = _read_many(_message(story.replace(f' xmlns="{NS}"', ""), picture))
    assert [(p.url, p.caption) for p in found[0].photos] == [
        ("https://img.example/p1-large.jpeg", "Placeholder caption")
    ]


def test_a_link_to_a_picture_item_s_document_is_no_photo() -> None:
    # the link names the picture item's NewsML document, not an image file: a link
    links = (
        '<link rel="irel:seeAlso" residref="urn:x:p1" href="https://api.example/items/p1.xml">'
        '<itemClass qcode="ninat:picture"/></link>'
        '<link rel="irel:seeAlso" residref="urn:x:p2" href="https://api.example/items/p2" '
        'contenttype="application/vnd.iptc.g2.newsitem+xml"><itemClass qcode="ninat:picture"/>'
        "</link>"
        '<link rel="irel:seeAlso" residref="urn:x:p3" href="https://api.example/files/p3" '
        'contenttype="image/jpeg"><itemClass qcode="ninat:picture"/></link>'
    )
    story = (
        f'<newsItem xmlns="{NS}" guid="urn:x:s"><itemMeta><itemClass qcode="ninat:text"/>'
        f"{links}</itemMeta><contentMeta><headline>Brastle</headline></contentMeta></newsItem>"
    )
    article = newsml.read(story)
    assert article.photos == (m.Photo(url="https://api.example/files/p3", id="urn:x:p3"),)
    assert [link.url for link in article.links] == [
        "https://api.example/items/p1.xml",
        "https://api.example/items/p2",
    ]


def test_a_subject_given_in_the_metadata_and_in_the_nitf_head_is_one_topic() -> None:
    # EFE: <SubjectCode><SubjectDetail FormalName="02001010"/></SubjectCode> and the NITF
    # head's <tobject.subject tobject.subject.refnum="02001010" …detail="…"/>
    nitf = (
        '<nitf><head><tobject><tobject.subject tobject.subject.refnum="02001010" '
        'tobject.subject.type="Plim" tobject.subject.matter="Brastle" '
        'tobject.subject.detail="Quonder"/><tobject.subject tobject.subject.refnum="11000000" '
        'tobject.subject.type="Varp"/></tobject></head><body><body.content><p>Tesk.</p>'
        "</body.content></body></nitf>"
    )
    doc = _newsml1("<HeadLine>Plim</HeadLine>", nitf).replace(
        "<ContentItem>",
        "<DescriptiveMetadata><SubjectCode><SubjectDetail FormalName='02001010'/>"
        "</SubjectCode></DescriptiveMetadata><ContentItem>",
    )
    article = newsmodel.read(doc, format="newsml1")
    subjects = [(t.name, t.qcode) for t in article.topics if t.kind is m.TopicKind.SUBJECT]
    # one topic a code, named by the most specific name the NITF gives
    assert subjects == [("Quonder", "subj:02001010"), ("Varp", "subj:11000000")]


def test_a_story_s_linked_picture_between_paragraphs_is_a_figure_in_agency_bodies() -> None:
    # an agency's XHTML or NITF body is the story's own: its picture linked to the larger
    # file is the story's (a web page's region would be read otherwise)
    picture = '<a href="https://e.test/big.jpg"><img src="https://e.test/thumb.jpg"/></a>'
    g2 = _item(
        "urn:x:s",
        '<itemClass qcode="ninat:text"/>',
        "<headline>Plim</headline>",
        _xhtml(f"<p>One.</p>{picture}<p>Two.</p>"),
    )
    nitf = (
        "<nitf><head><title>Plim</title></head><body><body.content>"
        f"<p>One.</p>{picture}<p>Two.</p></body.content></body></nitf>"
    )
    for article in (_read_many(_message(g2))[0], newsmodel.read(nitf, format="nitf")):
        kinds = [type(block).__name__ for block in article.body]
        assert kinds == ["Paragraph", "Figure", "Paragraph"]
        assert [f.photo.url for f in m.figures(article.body)] == ["https://e.test/thumb.jpg"]
