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

# -- headline -------------------------------------------------------------------------

#: A label shown with the headline in the ``h1`` has at most this many words ("Opinion",
#: "[Watch]", "Live updates") ...
HEADLINE_LABEL_WORDS = 3
#: ... and a headline no metadata title confirms has at least this many, and at most
#: this many (a longer ``h1`` is a paragraph set large).
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 25
#: The share of a metadata title's words an ``h1`` shows for the ``h1`` to be the same
#: story's headline worded for readers ("Jane Roe Wins the Race" beside the search
#: title "Race Result: Jane Roe Wins").
HEADLINE_SHARED_WORDS = 0.5

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
#: Of nested hinted elements, the deepest holding at least this share of the largest's
#: paragraph text is taken (an outer one adds the author's bio and "most read" lists).
HINT_NEARLY_ALL = 0.8
#: Paragraphs shorter than this (labels, buttons, captions) score nothing.
PARAGRAPH_MIN = 25
#: Each comma adds this many characters to a paragraph's score: prose has commas, menus none.
COMMA_WEIGHT = 5
#: A paragraph's grandparent gets its score divided by this, and each ancestor above it
#: divided by this again (the body is often a wrapper or two up from its paragraphs) ...
GRANDPARENT_DIVISOR = 3
#: ... up to this many elements counted from the paragraph's parent (a body split into
#: wrapped chunks has its common ancestor three levels up).
CONTAINER_LEVELS = 3
#: The score kept by a container whose class or id names page furniture.
BOILERPLATE_PENALTY = 0.2
#: The score multiplier for ``article``, ``main`` and ``itemprop=articleBody`` containers.
ARTICLE_BONUS = 1.3
#: A ``div`` with this much text of its own (not in child elements) counts as a paragraph.
DIV_OWN_TEXT_MIN = 100
#: A block holding only inline content (``<div><span>…</span></div>``) counts as a
#: paragraph when it has this much text (less is a label, a date, a button).
INLINE_PARAGRAPH_MIN = 50

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
#: for its class name alone (class names are noisy), nor a ``form`` for its tag (a page
#: wrapped in one form), nor for being hidden when :data:`HIDDEN_STORY_SHARE` holds;
#: ``nav`` and ``aside`` still are.
PRUNE_KEEP_SHARE = 0.25
#: Hidden elements holding more than this share of the body's paragraph text are the
#: story behind a paywall, shown by a script (two paragraphs visible, twenty hidden); hidden
#: copies of the visible text (microdata) hold half or two thirds.
HIDDEN_STORY_SHARE = 0.8
#: Siblings of one kind (class names alike but for digits) that together hold more than
#: this share of it are the story, however they are named (products in promo cards);
#: repeated captions hold less.
GROUP_KEEP_SHARE = 0.5
#: A block of inline text no longer than this just after an image is its caption.
CAPTION_MAX = 200

# -- body: block clean-up -------------------------------------------------------------

#: A paragraph or heading with more than this share of its text in links is a link list
#: (navigation, related stories, a tag cloud) ...
LINK_LIST_SHARE = 0.6
#: ... when it is shorter than this (a long paragraph with many links is still prose).
LINK_LIST_MAX = 400
#: A list with more than this share of its text in links is a link list.
LINK_LIST_ITEMS_SHARE = 0.5
#: Link lists holding more than this share of the body's text are the story (a shopping
#: list of headings and links) and are kept, unless nothing else is there.
LINK_LISTS_BODY_SHARE = 0.5
#: Linked headings each over its own prose are the story's subheadings (a listicle's
#: places, each name a link) when there are at least this many.
LINKED_HEADS_MIN = 2
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
#: A paragraph of at least this many words that the next paragraph repeats or opens with
#: is dropped (a lead image's caption copied from the first paragraph) ...
REPEAT_MIN_WORDS = 6
#: ... among the body's first this many blocks.
REPEAT_TOP_BLOCKS = 3
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
#: ... and what follows it is less than this share of the body's text ...
TAIL_MAX_SHARE = 0.35
#: ... and no paragraph among the next this many blocks (past lists and subheadings) is prose ...
TAIL_PROSE_LOOKAHEAD = 3
#: ... of at least this many words, ending a sentence (a label with prose after it is
#: dropped alone: "More coverage" and its two links part-way down the story).
TAIL_PROSE_WORDS = 20

# -- body: when the container gave (almost) nothing -----------------------------------

#: A body of fewer words than this is read again from the densest block of text ...
FALLBACK_WORDS = 25
#: ... and the densest block replaces it when it gives more than this many times its words
#: (a short post in a named body stays, rather than the blog's one-line description) ...
FALLBACK_GAIN = 2
#: ... the block whose text (outside links) per element, at this many characters or more,
#: counts in full; a sparser one (a page's wrapper, menus and all) counts for less.
DENSE_TEXT = 40

# -- body: the page's own articleBody -------------------------------------------------

#: The JSON-LD ``articleBody`` replaces the body read from the markup when it has at least
#: this many words ...
LD_BODY_MIN_WORDS = 80
#: ... and the markup gave less than this share of its words (a body behind a script).
LD_BODY_SHARE = 0.5
#: Paragraphs are matched against the ``articleBody`` by runs of this many words ...
LD_SHINGLE = 5
#: ... a paragraph with at least this share of its runs in it is part of it.
LD_MATCH_SHARE = 0.6
#: When the paragraphs read hold less than this share of the ``articleBody``'s words, the
#: container holding most of its paragraphs is tried instead; at least this share must be
#: held for the ``articleBody`` to filter the paragraphs read.
LD_COVER_MIN = 0.5
#: A paragraph inside the ``articleBody``'s span that it does not hold stays when it has at
#: least this many words (prose it leaves out; shorter ones are captions, labels, promos).
LD_LEFT_OUT_WORDS = 25

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
#: Elements after the headline looked at for a "By" line or an author's link that no class
#: names (the body's first long paragraph ends the search sooner).
BYLINE_NEAR_HEADLINE = 40
#: A run of this many lower-case words makes a "By …" line a sentence ("By Monday, the
#: council will vote"), not a byline ("by Jane Roe as told to John Doe" has three).
BYLINE_SENTENCE_RUN = 4

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
