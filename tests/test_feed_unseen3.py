"""Feed readings a third set of unseen real feeds showed us as general rules.

Every feed here is written for the test (placeholder words, example.test
addresses); each test names the class of real feed it stands for.
"""

from __future__ import annotations

import warnings

import newsmodel
from newsmodel import model as m


def _read(feed: str) -> list[newsmodel.Article]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(newsmodel.read_many(feed.encode("utf-8")))


def _rss(items: str, *, rss_attributes: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<rss version="2.0"{rss_attributes}><channel>'
        "<title>The Quillon Courier</title><link>https://quillon.example.test/</link>"
        f"{items}</channel></rss>"
    )


# ---------------------------------------------------------------------------
# RSS in the specification's own namespace


def test_rss_put_in_the_namespace_of_the_rss_specification_is_read() -> None:
    # a news site's syndication feed names the RSS 2.0 specification's address as the
    # default namespace of <rss>: its channel and items are RSS's own elements
    for spec in (
        "https://cyber.harvard.edu/rss/rss.html",
        "http://blogs.law.harvard.edu/tech/rss",
        "http://www.rssboard.org/rss-specification/",
    ):
        feed = _rss(
            "<item><title>Lanterns over the weir</title>"
            "<link>https://quillon.example.test/lanterns</link>"
            "<pubDate>Fri, 22 Dec 2023 01:04:55 +0200</pubDate></item>",
            rss_attributes=f' xmlns="{spec}"',
        )
        (article,) = _read(feed)
        assert article.headline == "Lanterns over the weir"
        assert article.url == "https://quillon.example.test/lanterns"
        assert article.publisher is not None
        assert article.publisher.name == "The Quillon Courier"


def test_a_module_namespace_is_not_taken_for_rss_s_own() -> None:
    # the Creative Commons module lives under the same host as the specification
    feed = _rss(
        "<item><title>Bellows</title><link>https://quillon.example.test/b</link>"
        "<cc:title>Not the title</cc:title></item>",
        rss_attributes=' xmlns:cc="http://cyber.law.harvard.edu/rss/creativeCommonsRssModule.html"',
    )
    (article,) = _read(feed)
    assert article.headline == "Bellows"


# ---------------------------------------------------------------------------
# summaries made of several blocks


def test_a_summary_s_paragraphs_and_list_items_stay_apart_as_text() -> None:
    # podcast hosts write the episode notes as HTML paragraphs and lists with no white
    # space between them: the standfirst must not glue their last and first words
    feed = _rss(
        '<item xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<title>Episode ten</title><link>https://quillon.example.test/e10</link>"
        "<description><![CDATA[<p>The guests arrive.</p><p>Topics we covered:</p>"
        "<ul><li>Kettles</li><li>Barges</li></ul>Line one<br>line two]]></description>"
        "<content:encoded><![CDATA[<p>The full notes.</p>]]></content:encoded></item>"
    )
    (article,) = _read(feed)
    assert (
        article.summary == "The guests arrive. Topics we covered: Kettles Barges Line one line two"
    )


def test_inline_markup_in_a_summary_adds_no_space() -> None:
    feed = _rss(
        "<item><title>Inline</title><link>https://quillon.example.test/i</link>"
        "<description><![CDATA[Bal<b>last</b> and <a href='https://quillon.example.test/x'>"
        "rig</a>ging]]></description></item>"
    )
    (article,) = _read(feed)
    assert article.summary == "Ballast and rigging"


# ---------------------------------------------------------------------------
# raw XHTML inside an RSS element


def test_unescaped_xhtml_in_content_encoded_is_read_as_the_body_s_markup() -> None:
    # bookmark services and hand-made feeds put XHTML elements straight into
    # content:encoded or description, neither escaped nor in CDATA
    feed = (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        '<channel rdf:about="https://quillon.example.test/"><title>Marks</title>'
        "<link>https://quillon.example.test/</link></channel>"
        '<item rdf:about="https://quillon.example.test/m1"><title>Tide tables</title>'
        "<link>https://quillon.example.test/m1</link><description/>"
        "<content:encoded><blockquote><p>Spring tides <a href="
        '"https://quillon.example.test/tides">run high</a>.</p></blockquote>'
        '<p><img src="https://quillon.example.test/tide.jpg" alt="Harbour"/> Neap</p>'
        "</content:encoded></item></rdf:RDF>"
    )
    (article,) = _read(feed)
    quote = article.body[0]
    assert isinstance(quote, m.BlockQuote)
    links = [part for block in quote.blocks for part in block.content if isinstance(part, m.Link)]
    assert [link.url for link in links] == ["https://quillon.example.test/tides"]
    figures = [block for block in article.body if isinstance(block, m.Figure)]
    assert [figure.photo.url for figure in figures] == ["https://quillon.example.test/tide.jpg"]


def test_unescaped_xhtml_in_a_description_keeps_its_words_and_markup() -> None:
    feed = _rss(
        "<item><title>Release notes</title><link>https://quillon.example.test/r</link>"
        '<description>The <a href="https://quillon.example.test/notes">notes</a> '
        "are out.<pre>step one</pre></description></item>"
    )
    (article,) = _read(feed)
    assert any(
        isinstance(part, m.Link) and part.url == "https://quillon.example.test/notes"
        for block in article.body
        if isinstance(block, m.Paragraph)
        for part in block.content
    )


def test_html_in_cdata_beside_a_raw_element_in_a_description_stays_markup() -> None:
    # HTML in CDATA (or escaped) with a raw element after it: the CDATA is HTML already
    # (escaping it as XHTML text showed "<p>" as words); the text inside a raw element
    # is still text ("1 &lt; 2" is no tag)
    feed = _rss(
        "<item><title>Release notes</title><link>https://quillon.example.test/r</link>"
        "<description><![CDATA[<p>Step one.</p><p>Step two.</p>]]>"
        '<img src="https://quillon.example.test/c.png" width="1" height="1"/>'
        "</description></item>"
        "<item><title>Tide tables</title><link>https://quillon.example.test/t</link>"
        "<description><p>Rule: 1 &lt; 2 &amp; <b>more</b>.</p>&lt;p&gt;Escaped words.&lt;/p&gt;"
        "</description></item>"
    )
    first, second = _read(feed)
    assert first.body == (
        m.Paragraph(content=("Step one.",)),
        m.Paragraph(content=("Step two.",)),
    )
    assert second.body == (
        m.Paragraph(content=("Rule: 1 < 2 & ", m.Strong(content=("more",)), ".")),
        m.Paragraph(content=("Escaped words.",)),
    )


# ---------------------------------------------------------------------------
# relative addresses in a body


def test_relative_links_and_images_in_a_body_are_made_absolute_against_the_item() -> None:
    # static-site generators and hand-made feeds write root-relative and page-relative
    # addresses in the content (<img src="/static/x.png">, <a href="notes.pdf">)
    feed = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Workbench</title>'
        '<link href="https://quillon.example.test/"/><id>urn:x-test:workbench</id>'
        "<entry><title>Lathe notes</title>"
        '<link href="https://quillon.example.test/notes/lathe.html"/>'
        "<id>urn:x-test:lathe</id><updated>2024-10-22T00:00:00Z</updated>"
        '<content type="html">&lt;p&gt;See the &lt;a href="/static/lathe.pdf"&gt;slides&lt;/a&gt;'
        ' and &lt;a href="#part2"&gt;part two&lt;/a&gt;.&lt;/p&gt;'
        '&lt;p&gt;&lt;img src="lathe.webp" alt="A lathe"/&gt;&lt;/p&gt;'
        '&lt;p&gt;&lt;a href="https://elsewhere.example.test/x"&gt;Away&lt;/a&gt;&lt;/p&gt;'
        "</content></entry></feed>"
    )
    (article,) = _read(feed)
    links = [
        part.url
        for block in article.body
        if isinstance(block, m.Paragraph)
        for part in block.content
        if isinstance(part, m.Link)
    ]
    assert links == [
        "https://quillon.example.test/static/lathe.pdf",
        "#part2",
        "https://elsewhere.example.test/x",
    ]
    (figure,) = [block for block in article.body if isinstance(block, m.Figure)]
    assert figure.photo.url == "https://quillon.example.test/notes/lathe.webp"


def test_a_link_blog_item_s_relative_images_resolve_against_the_feed_s_site() -> None:
    # a link blog's item links to another site; its commentary's own images are the
    # blog's, written root-relative (<img src="/assets/x.png">)
    items = (
        "<item><title>A neat tool</title>"
        "<link>https://code.example.test/someone/tool</link>"
        "<description>&lt;p&gt;Worth a look.&lt;/p&gt;"
        '&lt;p&gt;&lt;img src="/assets/tool.png" alt="The tool"/&gt;&lt;/p&gt;</description>'
        "</item>"
        "<item><title>Our own post</title>"
        "<link>https://www.quillon.example.test/posts/own.html</link>"
        "<description>&lt;p&gt;Ours.&lt;/p&gt;"
        '&lt;p&gt;&lt;img src="own.png" alt="Ours"/&gt;&lt;/p&gt;</description>'
        "</item>"
    )
    photos = [
        block.photo.url
        for article in _read(_rss(items))
        for block in article.body
        if isinstance(block, m.Figure)
    ]
    assert photos == [
        "https://quillon.example.test/assets/tool.png",
        "https://www.quillon.example.test/posts/own.png",
    ]


# ---------------------------------------------------------------------------
# structured RSS authors


def test_an_rss_author_written_as_a_structure_gives_its_name() -> None:
    # a company blog's RSS writes the author as Atom does, with a name and more parts
    feed = _rss(
        "<item><title>Maps from above</title><link>https://quillon.example.test/maps</link>"
        '<author xmlns:author="http://www.w3.org/2005/Atom"><name>Odile Marrow</name>'
        "<title/><department>Cartography Lab</department><company/></author></item>"
        "<item><title>Plain</title><link>https://quillon.example.test/plain</link>"
        "<author>desk@quillon.example.test (Pim Arbour)</author></item>"
    )
    first, second = _read(feed)
    assert [byline.name for byline in first.bylines] == ["Odile Marrow"]
    assert [byline.name for byline in second.bylines] == ["Pim Arbour"]


# ---------------------------------------------------------------------------
# full text for news aggregators


def test_a_full_text_for_news_aggregators_is_the_body_when_no_content_encoded() -> None:
    # Russian and Ukrainian news sites send each story's whole text in
    # <yandex:full-text> (Yandex.News) or an unprefixed <full-text> (ukr.net)
    for element, namespace in (
        ("yandex:full-text", ' xmlns:yandex="http://news.yandex.ru"'),
        ("full-text", ""),
    ):
        feed = _rss(
            "<item><title>Weir opens</title><link>https://quillon.example.test/weir</link>"
            "<description>The weir opens today.</description>"
            f"<{element}><![CDATA[The weir opens today.<p>Boats queue at dawn.</p>"
            f"<p>The keeper waves them through.</p>]]></{element}></item>",
            rss_attributes=namespace,
        )
        (article,) = _read(feed)
        assert article.summary == "The weir opens today."
        texts = [b.content for b in article.body if isinstance(b, m.Paragraph)]
        assert texts[-2:] == [("Boats queue at dawn.",), ("The keeper waves them through.",)]


def test_content_encoded_is_preferred_to_a_full_text() -> None:
    feed = _rss(
        "<item><title>Two bodies</title><link>https://quillon.example.test/two</link>"
        "<yandex:full-text>Aggregator copy.</yandex:full-text>"
        "<content:encoded><![CDATA[<p>Site copy.</p>]]></content:encoded></item>",
        rss_attributes=(
            ' xmlns:yandex="http://news.yandex.ru"'
            ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ),
    )
    (article,) = _read(feed)
    assert [b.content for b in article.body] == [("Site copy.",)]


# ---------------------------------------------------------------------------
# enclosures whose declared type names no media


def test_an_image_enclosure_declared_as_a_web_page_is_still_a_photo() -> None:
    # a newspaper's CMS gives one item's photo enclosure the type of a web page
    feed = _rss(
        "<item><title>Live debate</title><link>https://quillon.example.test/live</link>"
        '<enclosure url="https://quillon.example.test/img/644x322/debate.jpg" '
        'type="text/html; charset=UTF-8" length="34251"/></item>'
        "<item><title>Episode</title><link>https://quillon.example.test/ep</link>"
        '<enclosure url="https://quillon.example.test/ep.mp3" type="text/html"/></item>'
        "<item><title>Clip</title><link>https://quillon.example.test/clip</link>"
        '<enclosure url="https://quillon.example.test/clip.jpg" type="video/mp4"/></item>'
    )
    live, episode, clip = _read(feed)
    assert [p.url for p in live.photos] == ["https://quillon.example.test/img/644x322/debate.jpg"]
    assert episode.photos == ()
    assert clip.photos == ()


def test_a_page_enclosure_naming_an_image_in_its_query_is_no_photo() -> None:
    # typed as a web page, and a page it is: the image file is only a query's value
    feed = _rss(
        "<item><title>Gallery</title><link>https://quillon.example.test/g</link>"
        '<enclosure url="https://quillon.example.test/view.php?pic=debate.jpg" '
        'type="text/html" length="0"/></item>'
    )
    (article,) = _read(feed)
    assert article.photos == ()


def test_a_description_holding_a_comment_is_read_as_its_escaped_html() -> None:
    # an XML comment beside escaped HTML (or CDATA) is no XHTML: the text stays HTML
    feed = _rss(
        "<item><title>Ferry</title><link>https://quillon.example.test/f</link>"
        "<description><!-- generated -->Ferry &amp; bus &lt;b&gt;times&lt;/b&gt;"
        "<![CDATA[ <i>now</i>]]></description></item>"
    )
    (article,) = _read(feed)
    assert article.summary == "Ferry & bus times now"


# ---------------------------------------------------------------------------
# counting images


def test_a_one_pixel_counting_image_is_no_figure_of_the_body() -> None:
    # feed services and publishers end each item with a 1x1 image that counts readers
    feed = _rss(
        '<item xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<title>Ferry times</title><link>https://quillon.example.test/ferry</link>"
        "<content:encoded><![CDATA[<p>The ferry leaves at nine.</p>"
        '<img src="https://quillon.example.test/ferry.jpg" width="640" height="360"/>'
        '<img src="https://counter.example.test/~4/a1b2" height="1" width="1" alt=""/>'
        '<img src="https://quillon.example.test/icon.png" width="1"/>'
        "]]></content:encoded></item>"
    )
    (article,) = _read(feed)
    figures = [b.photo.url for b in article.body if isinstance(b, m.Figure)]
    assert figures == [
        "https://quillon.example.test/ferry.jpg",
        "https://quillon.example.test/icon.png",
    ]


def test_a_counting_image_named_for_what_it_is_is_no_figure_even_without_a_size() -> None:
    # a publisher's feed ends each item with ".../rss-pixel.png" and gives it no size
    feed = _rss(
        '<item xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<title>Ferry times</title><link>https://quillon.example.test/ferry</link>"
        "<content:encoded><![CDATA[<p>The ferry leaves at nine.</p>"
        '<img src="https://quillon.example.test/pixel-phone-review.jpg"/>'
        '<img src="https://quillon.example.test/include/images/tracking/quillon-rss-pixel.png?s=1"/>'
        '<img src="https://quillon.example.test/spacer.gif"/>'
        '<img src="https://quillon.example.test/img/phone-pixel.png" alt="The Pixel phone"/>'
        "]]></content:encoded></item>"
    )
    (article,) = _read(feed)
    figures = [b.photo.url for b in article.body if isinstance(b, m.Figure)]
    # a picture described in words is a photo whatever its file's name
    assert figures == [
        "https://quillon.example.test/pixel-phone-review.jpg",
        "https://quillon.example.test/img/phone-pixel.png",
    ]


def test_an_image_address_urlsplit_refuses_is_kept_as_a_figure_without_an_error() -> None:
    # the file-name test of an image without a size splits its address: one with an
    # unclosed IPv6 bracket (or a host NFKC would change) made urlsplit raise ValueError
    feed = _rss(
        "<item><title>Ferry times</title><link>https://quillon.example.test/ferry</link>"
        "<description><![CDATA[<p>The ferry leaves at nine.</p>"
        '<img src="http://[quillon/spacer.gif"/><img src="http://a\uff03b/pixel.png"/>'
        "]]></description></item>"
    )
    (article,) = _read(feed)
    figures = [b.photo.url for b in article.body if isinstance(b, m.Figure)]
    assert figures == ["http://[quillon/spacer.gif", "http://a\uff03b/pixel.png"]


def test_an_image_named_like_a_counting_image_that_says_what_it_shows_is_kept() -> None:
    # a logo with a transparent background is often named "...-transparent.png"; with
    # alt text or a caption it is a picture of the story, not a counting image
    feed = _rss(
        "<item><title>Ferry times</title><link>https://quillon.example.test/ferry</link>"
        "<description><![CDATA[<p>The ferry leaves at nine.</p>"
        '<figure><img src="https://quillon.example.test/img/ferry-line-transparent.png">'
        "<figcaption>The ferry line's new emblem.</figcaption></figure>"
        '<img src="https://quillon.example.test/img/harbour-clear.png" alt="The harbour">'
        '<img src="https://quillon.example.test/img/rss-pixel.png" alt="">'
        "]]></description></item>"
    )
    (article,) = _read(feed)
    figures = [b.photo.url for b in article.body if isinstance(b, m.Figure)]
    assert figures == [
        "https://quillon.example.test/img/ferry-line-transparent.png",
        "https://quillon.example.test/img/harbour-clear.png",
    ]


def test_relative_renditions_in_a_srcset_are_made_absolute_too() -> None:
    # a CMS writes its image absolute but the sizes of its srcset root-relative
    feed = _rss(
        "<item><title>Ferry times</title><link>https://quillon.example.test/ferry</link>"
        "<description><![CDATA[<p>The ferry leaves at nine.</p>"
        '<p><img src="https://quillon.example.test/ferry.jpg" alt="The ferry" '
        'srcset="/img/ferry-640.jpg 640w, /img/ferry-1280.jpg 1280w"></p>'
        "]]></description></item>"
    )
    (article,) = _read(feed)
    (figure,) = [block for block in article.body if isinstance(block, m.Figure)]
    assert [r.url for r in figure.photo.renditions] == [
        "https://quillon.example.test/img/ferry-640.jpg",
        "https://quillon.example.test/img/ferry-1280.jpg",
    ]
