"""Every threshold and weight of web-page reading, by name, in the order the stages use them.

Lengths are characters of text as :func:`newsmodel.page.elements.text_of` gives it (words
joined by single spaces) unless the name says words or blocks. "Paragraph text" is the
text inside ``p`` elements (:meth:`newsmodel.page.measure.Measures.paragraphs`), the
measure the body search weighs. Changing any of these changes what the reader returns:
run the web-page benchmark (``benchmarks/web_pages.py``) before and after.
"""

from __future__ import annotations

import datetime

# -- parse ----------------------------------------------------------------------------

#: A tag with more attributes than this is refused: libxml2's time on one tag grows faster
#: than its number of attributes (twenty thousand take seconds), and no page has such a tag.
MAX_ATTRIBUTES = 1000

# -- measure --------------------------------------------------------------------------

#: An element with more elements in it than this is no byline (and no ``h1`` is read again
#: inside one this large): a page of nested candidates then costs linear time.
SMALL_ELEMENTS = 400
#: Text longer than this is not built for a date: ``parse_date`` refuses it anyway (its
#: own limit, ``newsmodel.dates``).
DATE_TEXT_MAX = 120

# -- the article's root ---------------------------------------------------------------

#: An ``article`` element with less paragraph text than this is a teaser card, not the
#: story: the headline, standfirst, dates and bylines are then looked for in the whole page.
ARTICLE_MIN_PARAGRAPHS = 200

# -- standfirst -----------------------------------------------------------------------

#: A standfirst-named element shorter than this is a label or a kicker.
STANDFIRST_MIN = 30
#: One longer than this is the body's opening, not a standfirst.
STANDFIRST_MAX = 500
#: Ancestors of a standfirst-named element looked through for a promo or an author box.
STANDFIRST_ANCESTORS = 3

# -- body: the container --------------------------------------------------------------

#: An element named as the body (``itemprop=articleBody``, ``article-body`` classes) is
#: taken as it is when it holds at least this much paragraph text.
HINTED_MIN_PARAGRAPHS = 300
#: Paragraphs shorter than this (labels, buttons, captions) score nothing.
PARAGRAPH_MIN = 25
#: Each comma adds this many characters to a paragraph's score: prose has commas, menus none.
COMMA_WEIGHT = 5
#: A paragraph's grandparent gets its score divided by this (the body is often one
#: wrapper up from its paragraphs).
GRANDPARENT_DIVISOR = 3
#: The score kept by a container whose class or id names page furniture.
BOILERPLATE_PENALTY = 0.2
#: The score multiplier for ``article``, ``main`` and ``itemprop=articleBody`` containers.
ARTICLE_BONUS = 1.3
#: A ``div`` with this much text of its own (not in child elements) counts as a paragraph.
DIV_OWN_TEXT_MIN = 100

# -- body: a split body ---------------------------------------------------------------

#: Wrapper levels looked through for a body split into sibling parts.
SPLIT_CLIMB = 6
#: A parent with at most this many times the container's paragraph text only wraps it.
WRAPPER_SLACK = 1.05
#: A sibling continues the story when it holds at least this share of the container's
#: paragraph text ...
SIBLING_MIN_SHARE = 0.25
#: ... and at most this share of its own paragraph text in links.
SIBLING_MAX_LINKED = 0.2

# -- body: pruning --------------------------------------------------------------------

#: An element holding more than this share of the body's paragraph text is not removed
#: for its class name alone (class names are noisy); ``nav``, ``aside``, ``form`` and
#: hidden elements still are.
PRUNE_KEEP_SHARE = 0.25

# -- body: block clean-up -------------------------------------------------------------

#: A paragraph or heading with more than this share of its text in links is a link list
#: (navigation, related stories, a tag cloud) ...
LINK_LIST_SHARE = 0.6
#: ... when it is shorter than this (a long paragraph with many links is still prose).
LINK_LIST_MAX = 400
#: A list with more than this share of its text in links is a link list.
LINK_LIST_ITEMS_SHARE = 0.5
#: "Updated 5 March, 10:00"-style stamp lines have at most this many words.
STAMP_LINE_WORDS = 8
#: A line that sells something (newsletters, "follow us on") has at most this many words.
PROMO_WORDS = 30
#: A picture credit or a timestamp standing alone has at most this many words.
CREDIT_WORDS = 8
#: A "Copyright ... All rights reserved" line has at most this many words.
COPYRIGHT_WORDS = 20
#: A "Tags: a, b, c" line is shorter than this ...
TAG_LINE_MAX = 200
#: ... and stands among the body's last this many blocks.
TAG_LINE_LAST_BLOCKS = 4
#: An agency's sign-off ("– AAP") stands among the body's last this many blocks.
SIGNOFF_LAST_BLOCKS = 3
#: A "By Jane Doe" line, or the byline repeated, stands among the first this many blocks.
BYLINE_TOP_BLOCKS = 3
#: A "By Jane Doe" line in the body has at most this many words.
BY_LINE_WORDS = 12
#: The byline repeated at the top of the body has at most this many words.
REPEATED_BYLINE_WORDS = 8
#: A date line in the body stands among its first this many blocks.
DATE_LINE_TOP_BLOCKS = 4
#: A short copyright line is shorter than this ...
COPYRIGHT_LINE_MAX = 160
#: ... and stands among the body's last this many blocks.
COPYRIGHT_LAST_BLOCKS = 3
#: A "Related stories"-style label ends the story only in its second half (this share on) ...
TAIL_SEARCH_FROM = 0.5
#: ... when it has at most this many words ...
TAIL_LABEL_WORDS = 8
#: ... and what follows it is less than this share of the body's text.
TAIL_MAX_SHARE = 0.35

# -- body: the page's own articleBody -------------------------------------------------

#: The JSON-LD ``articleBody`` replaces the body read from the markup when it has at least
#: this many words ...
LD_BODY_MIN_WORDS = 80
#: ... and the markup gave less than this share of its words (a body behind a script).
LD_BODY_SHARE = 0.5

# -- dates ----------------------------------------------------------------------------

#: Elements (in document order) after the headline that count as near it: a date line
#: there needs no class naming a date, and an "Updated" line waits this long for a
#: publication date; also how many elements before the headline are looked at.
NEAR_HEADLINE = 60
#: A date line holds at least this much text ("1.2.2024") ...
DATE_LINE_MIN = 6
#: ... and at most this much ("Published 13 November 2019, 10:45 am AEDT").
DATE_LINE_MAX = 80
#: Ancestors looked through to tell whether a date sits in another story's card, a
#: sidebar or the site's header.
ELSEWHERE_DEPTH = 8
#: A wrapper of the headline with fewer children than this is looked through to the
#: header around it (for a date shown just above the headline).
HEADER_MIN_CHILDREN = 3
#: A UTC time and a local time this close together are the same moment, told twice.
SAME_MOMENT = datetime.timedelta(minutes=5)

# -- bylines --------------------------------------------------------------------------

#: A byline shown on the page is short ("By Jane Doe and John Smith, Staff Writers").
BYLINE_MAX = 120
#: The block around the first byline element that its co-authors' elements share
#: ("By <span>A</span> and <span>B</span>") holds at most this much text.
BYLINE_REGION_MAX = 300
#: Ancestors of a byline element looked through for a picture's caption or credit (an
#: ``itemprop=author`` there is the photographer).
BYLINE_CREDIT_DEPTH = 4
#: Levels above the story's own container searched (before it) for its byline, when the
#: container shows none: a header beside the ``article`` element.
BYLINE_OUTSIDE_LEVELS = 2

# -- topics ---------------------------------------------------------------------------

#: A ``rel=tag`` link's text is shorter than this (a longer one is a headline).
TAG_LINK_MAX = 60
#: A topic name is shorter than this.
TOPIC_MAX = 100

# -- rights ---------------------------------------------------------------------------

#: A copyright line is longer than this (a bare "© 2024" names no holder) ...
COPYRIGHT_MIN = 8
#: ... and shorter than this (a longer one is the site's whole footer).
COPYRIGHT_MAX = 200
