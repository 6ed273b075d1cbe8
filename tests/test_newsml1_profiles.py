"""NewsML 1.x as agencies and wires shape it: press-release packages with parts beside the
body, mislabelled encodings, lines nested where they should not be, places given as plain
properties, encoded content, creators as bylines, items that are only a lead or a title.
Every document here is made up (placeholder agency, placeholder text)."""

from __future__ import annotations

import base64
import html
import warnings

import pytest

import newsmodel
from newsmodel import model as m
from newsmodel.io import newsml1
from newsmodel.io._newsml1_parts import agency_name


def _doc(item: str, *, envelope: str = "", encoding: str = "UTF-8") -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><NewsML Version="1.2">'
        f"<NewsEnvelope><DateAndTime>20240102T030405Z</DateAndTime>{envelope}</NewsEnvelope>"
        f"<NewsItem>{item}</NewsItem></NewsML>"
    )


def _quiet(doc: str | bytes) -> list[m.Article]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsmodel.IgnoredContentWarning)
        return list(newsml1.read_many(doc))


def _xhtml_part(role: str, body: str) -> str:
    return (
        f'<NewsComponent><Role FormalName="{role}"/><ContentItem>'
        '<Format FormalName="XHTML"/><MimeType FormalName="text/xhtml"/><DataContent>'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head><body>{body}</body>'
        "</html></DataContent></ContentItem></NewsComponent>"
    )


def _logo_file(use: str, width: int, height: int) -> str:
    return (
        f'<ContentItem Href="https://media.example/logo-{use.lower()}.jpg">'
        '<MimeType FormalName="image/jpeg"/><Characteristics>'
        f'<Property FormalName="ImageUse" Value="{use}"/>'
        f'<Property FormalName="PixelWidth" Value="{width}"/>'
        f'<Property FormalName="PixelHeight" Value="{height}"/>'
        "</Characteristics></ContentItem>"
    )


RELEASE = _doc(
    "<Identification><NewsIdentifier><ProviderId>wire.example</ProviderId>"
    "<PublicIdentifier>urn:newsml:wire.example:1:1</PublicIdentifier></NewsIdentifier>"
    "</Identification><NewsManagement><FirstCreated>20240102T030000+0000</FirstCreated>"
    "</NewsManagement><NewsComponent><NewsLines><CopyrightLine>Copyright Example Wire"
    "</CopyrightLine></NewsLines><NewsComponent><NewsLines><HeadLine>Widget maker opens a"
    " plant</HeadLine><DateLine>SAMPLETOWN</DateLine></NewsLines>"
    '<NewsComponent><Role FormalName="Abstract"/><ContentItem><MimeType FormalName="text/plain"/>'
    "<DataContent>Widget maker opens a plant</DataContent></ContentItem></NewsComponent>"
    '<NewsComponent><Role FormalName="StyleSheet"/><ContentItem><Format FormalName="CSS"/>'
    '<MimeType FormalName="text/css"/><DataContent>.centre { text-align: center }</DataContent>'
    "</ContentItem></NewsComponent>"
    + _xhtml_part("HeadLine", '<p class="centre"><b>Widget maker opens a plant</b></p>')
    + '<NewsComponent><Role FormalName="Logo"/>'
    + _logo_file("Thumbnail", 120, 45)
    + _logo_file("Highres", 960, 360)
    + _logo_file("Lowres", 480, 180)
    + "</NewsComponent>"
    + _xhtml_part("Contact", "<p>Press office<br/>press@wire.example</p>")
    + _xhtml_part("Body", "<p>The first placeholder paragraph.</p><p>The second one.</p>")
    + _xhtml_part("TweetText", "<p>Widget maker opens a plant</p>")
    + "</NewsComponent></NewsComponent>",
    envelope='<SentFrom><Party FormalName="Example Wire"/></SentFrom>',
)


def test_a_press_release_is_one_story_with_its_parts() -> None:
    with pytest.warns(newsmodel.IgnoredContentWarning, match="'contact' text.*'tweettext' text"):
        articles = list(newsml1.read_many(RELEASE))
    assert len(articles) == 1  # the contact and the tweet text are no stories
    (article,) = articles
    assert article.headline == "Widget maker opens a plant"
    assert article.summary == "Widget maker opens a plant"  # the Abstract part
    assert article.text == "The first placeholder paragraph.\n\nThe second one."
    assert article.publisher == m.Publisher(name="Example Wire")  # the envelope's sender
    assert article.rights == m.Rights(notice="Copyright Example Wire")
    # one picture: its largest file, the other sizes as renditions named by ImageUse
    (logo,) = article.photos
    assert (logo.url, logo.width, logo.height) == (
        "https://media.example/logo-highres.jpg",
        960,
        360,
    )
    assert [(r.name, r.width) for r in logo.renditions] == [("thumbnail", 120), ("lowres", 480)]


def test_a_style_sheet_is_never_read_as_text() -> None:
    doc = _doc(
        "<NewsComponent><NewsLines><HeadLine>Styled</HeadLine></NewsLines><ContentItem>"
        '<MimeType FormalName="text/css"/><DataContent>p { margin: 0 }</DataContent>'
        '</ContentItem><ContentItem><MimeType FormalName="text/plain"/>'
        "<DataContent>Only this is read.</DataContent></ContentItem></NewsComponent>"
    )
    (article,) = _quiet(doc)
    assert (article.headline, article.text) == ("Styled", "Only this is read.")


def test_utf8_bytes_labelled_latin1_are_read_as_utf8() -> None:
    item = (
        "<NewsComponent><NewsLines><HeadLine>Café à Sampleville</HeadLine></NewsLines>"
        "<ContentItem><DataContent>Déjà vu.</DataContent></ContentItem></NewsComponent>"
    )
    mislabelled = _doc(item, encoding="ISO-8859-1").encode("utf-8")
    (article,) = _quiet(mislabelled)
    assert (article.headline, article.text) == ("Café à Sampleville", "Déjà vu.")
    # real Latin-1 bytes are still Latin-1
    (latin,) = _quiet(_doc(item, encoding="ISO-8859-1").encode("latin-1"))
    assert (latin.headline, latin.text) == ("Café à Sampleville", "Déjà vu.")


def test_a_headline_inside_a_news_line_and_the_advisory_line() -> None:
    doc = _doc(
        "<NewsComponent><NewsLines><NewsLine><HeadLine>Nested title</HeadLine></NewsLine>"
        '<NewsLine><NewsLineType FormalName="AdvisoryLine"/><NewsLineText>CORRECTS the'
        " placeholder figure in para 2</NewsLineText></NewsLine>"
        '<NewsLine><NewsLineType FormalName="ProductLine"/><NewsLineText>(PICTURE)'
        "</NewsLineText></NewsLine></NewsLines>"
        "<ContentItem><DataContent>Body text.</DataContent></ContentItem></NewsComponent>"
    )
    (article,) = _quiet(doc)
    assert article.headline == "Nested title"
    assert article.ed_note == "CORRECTS the placeholder figure in para 2"


def test_places_given_as_the_metadata_own_properties() -> None:
    doc = _doc(
        "<NewsComponent><NewsLines><HeadLine>Placed</HeadLine></NewsLines>"
        '<DescriptiveMetadata><Property FormalName="Country" Value="NZL"/>'
        '<Property FormalName="City" Value="Sampleton"/>'
        '<Location><Property FormalName="City" Value="Sampleton"/></Location>'
        "</DescriptiveMetadata><ContentItem><DataContent>Text.</DataContent></ContentItem>"
        "</NewsComponent>"
    )
    (article,) = _quiet(doc)
    assert article.topics == (
        m.Topic(name="Sampleton", kind=m.TopicKind.PLACE),  # once, though given twice
        m.Topic(
            qcode="iso3166-1a3:NZL",
            uri="http://cvx.iptc.org/iso3166-1a3/NZL",
            kind=m.TopicKind.PLACE,
        ),
    )


def _encoded(payload: str | bytes, notation: str = "base64") -> str:
    raw = payload.encode("utf-8") if isinstance(payload, str) else payload
    data = base64.b64encode(raw).decode("ascii")
    wrapped = "\n".join(data[i : i + 16] for i in range(0, len(data), 16))
    return _doc(
        "<NewsComponent><NewsLines><HeadLine>Encoded</HeadLine></NewsLines><ContentItem>"
        f'<MediaType FormalName="Text"/><Encoding Notation="{notation}"><DataContent>{wrapped}'
        "</DataContent></Encoding></ContentItem></NewsComponent>"
    )


def test_base64_encoded_text_is_decoded() -> None:
    (html,) = _quiet(_encoded("<p>First <b>bold</b> line.</p><p>Second line.</p>"))
    assert html.body == (
        m.Paragraph(content=("First ", m.Strong(content=("bold",)), " line.")),
        m.Paragraph(content=("Second line.",)),
    )
    nitf = "<nitf><body><body.content><p>From NITF.</p></body.content></body></nitf>"
    assert _quiet(_encoded(nitf))[0].text == "From NITF."
    assert _quiet(_encoded("Just words, naïve ones."))[0].text == "Just words, naïve ones."


@pytest.mark.parametrize("codec", ["iso-8859-7", "utf-16", "utf-8"])
def test_encoded_xml_is_read_in_the_encoding_it_declares(codec: str) -> None:
    nitf = (
        f'<?xml version="1.0" encoding="{codec}"?><nitf><body><body.content>'
        "<p>Καλημέρα σας.</p></body.content></body></nitf>"
    )
    (article,) = _quiet(_encoded(nitf.encode(codec)))
    assert article.text == "Καλημέρα σας."


def test_text_in_an_unknown_encoding_keeps_the_headline_and_warns() -> None:
    with pytest.warns(newsmodel.IgnoredContentWarning, match="encoding not read"):
        (article,) = list(newsml1.read_many(_encoded("<p>x</p>", notation="uuencode")))
    assert (article.headline, article.body) == ("Encoded", ())


def test_an_encoded_document_with_an_entity_is_refused_inside() -> None:
    bomb = '<!DOCTYPE p [<!ENTITY a "aaaa">]><p>&a;</p>'
    (article,) = _quiet(_encoded(bomb))
    assert "aaaa" not in article.text  # never expanded


@pytest.mark.parametrize("encoded", [True, False])
def test_a_text_nested_too_deep_is_left_out_and_the_other_stories_read(encoded: bool) -> None:
    deep = "<div>" * 3000 + "Too deep." + "</div>" * 3000
    data = base64.b64encode(deep.encode("ascii")).decode("ascii") if encoded else html.escape(deep)
    wrapped = '<Encoding Notation="base64">{}</Encoding>' if encoded else "{}"
    doc = _doc(
        "<NewsComponent>"
        + _part("Body", "A story that reads.")
        + '<NewsComponent><ContentItem><MediaType FormalName="Text"/>'
        + wrapped.format(f"<DataContent>{data}</DataContent>")
        + "</ContentItem></NewsComponent></NewsComponent>"
    )
    with pytest.warns(newsmodel.IgnoredContentWarning, match="text that cannot be read"):
        articles = list(newsml1.read_many(doc))
    assert [a.text for a in articles] == ["A story that reads."]


@pytest.mark.parametrize(
    ("party", "expected"),
    [
        ('<Party FormalName="Robin Placeholder "/>', ("Robin Placeholder",)),
        ('<Party FormalName="Sam Sample" Topic="AUTHOR"/>', ("Sam Sample",)),
        ('<Party FormalName="Sam Sample" Topic="EDITOR"/>', ()),  # not who wrote it
        ('<Party FormalName="RPL" Topic="AUTHOR"/>', ()),  # desk initials
        ('<Party FormalName="abc/de/fg"/>', ()),
        ('<Party FormalName="EXAMPLE AGENCY"/>', ()),  # no person
    ],
)
def test_a_creator_naming_a_person_is_the_byline(party: str, expected: tuple[str, ...]) -> None:
    doc = _doc(
        "<NewsComponent><NewsLines><HeadLine>Authored</HeadLine></NewsLines>"
        f"<AdministrativeMetadata><Creator>{party}</Creator></AdministrativeMetadata>"
        "<ContentItem><DataContent>Text.</DataContent></ContentItem></NewsComponent>"
    )
    (article,) = _quiet(doc)
    assert tuple(b.name for b in article.bylines) == expected
    assert all(b.kind is m.BylineKind.PERSON for b in article.bylines)


def test_a_byline_line_wins_over_the_creator() -> None:
    doc = _doc(
        "<NewsComponent><NewsLines><HeadLine>Two names</HeadLine><ByLine>By Alex Example"
        '</ByLine></NewsLines><AdministrativeMetadata><Creator><Party FormalName="Robin '
        'Placeholder"/></Creator></AdministrativeMetadata>'
        "<ContentItem><DataContent>Text.</DataContent></ContentItem></NewsComponent>"
    )
    (article,) = _quiet(doc)
    assert [b.name for b in article.bylines] == ["Alex Example"]


def _part(role: str, text: str) -> str:
    return (
        f'<NewsComponent><Role FormalName="{role}"/><ContentItem>'
        f"<DataContent>{text}</DataContent></ContentItem></NewsComponent>"
    )


def test_an_item_that_is_only_a_lead_has_it_as_its_body() -> None:
    doc = _doc(
        '<NewsComponent><NewsComponent><Role FormalName="Text"/><NewsLines>'
        "<CreditLine>EXAMPLE</CreditLine></NewsLines>"
        + _part("Title", "Short title")
        + _part("Lead", "SAMPLETOWN 01/02 (EXAMPLE) = The whole short item.")
        + "</NewsComponent></NewsComponent>"
    )
    (article,) = _quiet(doc)
    assert article.headline == "Short title"
    assert article.text == "SAMPLETOWN 01/02 (EXAMPLE) = The whole short item."
    assert article.summary is None  # not the body twice
    assert article.creditline == "EXAMPLE"


def test_an_item_with_only_a_title_is_read_from_the_title_holder() -> None:
    doc = _doc(
        '<NewsComponent><NewsComponent><Role FormalName="Tip"/><NewsLines>'
        "<CreditLine>EXAMPLE</CreditLine><KeywordLine>ALERT</KeywordLine></NewsLines>"
        + _part("Title", "Fire in a sample street")
        + _part("Body", "")
        + "</NewsComponent></NewsComponent>"
    )
    (article,) = _quiet(doc)
    assert (article.headline, article.body) == ("Fire in a sample street", ())
    assert article.creditline == "EXAMPLE"  # the lines of the component holding the title
    assert m.Topic(name="ALERT", kind=m.TopicKind.KEYWORD) in article.topics


def test_sidebars_and_text_without_a_role_stay_stories_beside_a_main_one() -> None:
    doc = _doc(
        "<NewsComponent>"
        + _part("Main", "The first story.")
        + _part("Supporting", "The second story.")
        + "<NewsComponent><ContentItem><DataContent>A third, with no role.</DataContent>"
        "</ContentItem></NewsComponent></NewsComponent>"
    )
    assert [a.text for a in _quiet(doc)] == [
        "The first story.",
        "The second story.",
        "A third, with no role.",
    ]


def _picture(href: str, extra: str = "") -> str:
    return f'<ContentItem Href="{href}"><MediaType FormalName="Photo"/>{extra}</ContentItem>'


def _sized(role: str, href: str, width: int) -> str:
    size = f'<Characteristics><Property FormalName="Width" Value="{width}"/></Characteristics>'
    return f'<NewsComponent><Role FormalName="{role}"/>{_picture(href, size)}</NewsComponent>'


def test_the_main_picture_is_the_photo_beside_a_larger_size() -> None:
    item = (
        "<NewsComponent><NewsLines><HeadLine>Sizes</HeadLine></NewsLines>"
        "<ContentItem><DataContent>Text.</DataContent></ContentItem><NewsComponent>"
        + _sized("Main", "main.jpg", 640)
        + _sized("HighDef", "large.jpg", 3000)
        + _sized("Thumbnail", "small.jpg", 100)
        + "</NewsComponent></NewsComponent>"
    )
    ((photo,),) = [a.photos for a in _quiet(_doc(item))]
    assert (photo.url, photo.width) == ("main.jpg", 640)
    assert [(r.url, r.name) for r in photo.renditions] == [
        ("large.jpg", "highdef"),
        ("small.jpg", "thumbnail"),
    ]


def test_pictures_in_one_component_are_apart_unless_sizes_of_one() -> None:
    item = (
        "<NewsComponent><NewsLines><HeadLine>Two pictures</HeadLine></NewsLines>"
        "<ContentItem><DataContent>Text.</DataContent></ContentItem>"
        + _picture("one.jpg")
        + _picture("two.png")
        + "</NewsComponent>"
    )
    (article,) = _quiet(_doc(item))
    assert article.photos == (m.Photo(url="one.jpg"), m.Photo(url="two.png"))
    sizes = '<Characteristics><Property FormalName="Width" Value="{}"/></Characteristics>'
    one_in_sizes = item.replace(
        _picture("one.jpg") + _picture("two.png"),
        _picture("small.jpg", sizes.format(200)) + _picture("large.jpg", sizes.format(900)),
    )
    (sized,) = _quiet(_doc(one_in_sizes))
    assert [(p.url, [r.url for r in p.renditions]) for p in sized.photos] == [
        ("large.jpg", ["small.jpg"])
    ]
    equivalents = item.replace("<NewsComponent>", '<NewsComponent EquivalentsList="yes">', 1)
    (alternatives,) = _quiet(_doc(equivalents))
    assert [p.url for p in alternatives.photos] == ["one.jpg"]  # two forms of one picture


def test_every_item_of_a_document_is_an_article_and_keyword_lines_split() -> None:
    doc = (
        '<?xml version="1.0"?><NewsML>'
        + "".join(
            f"<NewsItem><Identification><NewsIdentifier><NewsItemId>{n}</NewsItemId>"
            "</NewsIdentifier></Identification><NewsComponent><NewsLines>"
            f"<HeadLine>Title {n}</HeadLine><KeywordLine>{keywords}</KeywordLine></NewsLines>"
            f'<ContentItem><MimeType FormalName="text/plain"/><DataContent>Text {n}.'
            "</DataContent></ContentItem></NewsComponent></NewsItem>"
            for n, keywords in ((1, "alpha, beta"), (2, "GAMMA;DELTA, EPSILON"))
        )
        + "</NewsML>"
    )
    first, second = _quiet(doc)
    assert [(a.id, a.headline, a.text) for a in (first, second)] == [
        ("1", "Title 1", "Text 1."),
        ("2", "Title 2", "Text 2."),
    ]
    assert [t.name for t in first.topics] == ["alpha", "beta"]
    assert [t.name for t in second.topics] == ["GAMMA", "DELTA, EPSILON"]  # ';' first


def test_an_equivalents_list_of_components_gives_one_story() -> None:
    nitf = "<nitf><body><body.content><p>The story, marked up.</p></body.content></body></nitf>"
    doc = _doc(
        "<NewsComponent><NewsLines><HeadLine>One story, two forms</HeadLine></NewsLines>"
        '<NewsComponent EquivalentsList="yes">'
        "<NewsComponent><ContentItem><DataContent/></ContentItem></NewsComponent>"
        f"<NewsComponent><ContentItem><DataContent>{nitf}</DataContent></ContentItem>"
        "</NewsComponent><NewsComponent><ContentItem><DataContent>The story, plain."
        "</DataContent></ContentItem></NewsComponent></NewsComponent>"
        + _part("Body", "Another story beside the list.")
        + "</NewsComponent>"
    )
    assert [a.text for a in _quiet(doc)] == [
        "The story, marked up.",  # the first form with text; the plain one is the same story
        "Another story beside the list.",
    ]


@pytest.mark.parametrize("wrap", ["cdata", "escaped"])
def test_a_nitf_document_given_as_text_is_read_as_nitf(wrap: str) -> None:
    nitf = (
        "<nitf><head><title>Head title</title></head><body><body.head><hedline><hl1>The"
        " title</hl1></hedline><byline>By Pat Example</byline></body.head><body.content>"
        "<p>Para <em>one</em>.</p><p>Para two.</p></body.content></body></nitf>"
    )
    text = f"<![CDATA[{nitf}]]>" if wrap == "cdata" else html.escape(nitf, quote=False)
    doc = _doc(
        f"<NewsComponent><ContentItem><DataContent>{text}</DataContent></ContentItem>"
        "</NewsComponent>"
    )
    (article,) = _quiet(doc)
    assert article.headline == "The title"
    assert [b.name for b in article.bylines] == ["Pat Example"]
    assert article.body == (
        m.Paragraph(content=("Para ", m.Emphasis(content=("one",)), ".")),
        m.Paragraph(content=("Para two.",)),
    )


def test_an_xhtml_body_opening_with_the_headline_does_not_repeat_it() -> None:
    doc = _doc(
        "<NewsComponent><NewsLines><HeadLine>Sample  headline</HeadLine></NewsLines>"
        + _xhtml_part("Main", "<h1>Sample headline</h1><h2>A section</h2><p>Text.</p>")
        + "</NewsComponent>"
    )
    (article,) = _quiet(doc)
    assert article.body == (m.Heading(content=("A section",)), m.Paragraph(content=("Text.",)))
    other = doc.replace("<h1>Sample headline</h1>", "<h1>Another heading</h1>")
    assert _quiet(other)[0].body[0] == m.Heading(content=("Another heading",), level=1)


def test_markup_put_in_the_content_item_itself_is_the_body() -> None:
    doc = _doc(
        "<NewsComponent><NewsLines><HeadLine>Loose</HeadLine></NewsLines><NewsComponent>"
        '<ContentItem><MediaType FormalName="Text"/><p>Paragraph one.</p><p>Paragraph two.</p>'
        "</ContentItem></NewsComponent></NewsComponent>"
    )
    (article,) = _quiet(doc)
    assert (article.headline, article.text) == ("Loose", "Paragraph one.\n\nParagraph two.")
    noted = doc.replace("<MediaType", "<Comment>A note for the desk</Comment><MediaType")
    assert _quiet(noted)[0].text == "Paragraph one.\n\nParagraph two."  # metadata is no text


@pytest.mark.parametrize(
    ("provider", "name"),
    [
        ("afp.com", "AFP"),
        ("www.itar-tass.com", "ITAR-TASS"),
        ("ats", "ATS"),
        ("ana-mpa.gr", "ANA-MPA"),
        ("KYODONEWS", "Kyodo News"),
        ("newsroom.example.org", "newsroom.example.org"),  # no agency: kept as given
    ],
)
def test_providers_are_named_as_their_agencies_are_known(provider: str, name: str) -> None:
    assert agency_name(provider) == name
