"""Who wrote the story.

The byline the page shows wins (author links preferred to the line's text when the
line names more than the links do not), with every co-author it names; JSON-LD's
people fill in when the page shows none, or when they only add to what it shows (the
site itself never counts as an author); then "By" lines at the top of the body, then
meta tags; an agency's sign-off at the end of the body is added.
"""

from __future__ import annotations

import itertools
import re

import attrs
from lxml import etree

from newsmodel import model as m
from newsmodel.bylines import parse_byline
from newsmodel.markup import local_name
from newsmodel.page.blocks import Body
from newsmodel.page.dates import elsewhere
from newsmodel.page.elements import (
    NO_TEXT_TAGS,
    classes,
    comment_named,
    elements_after,
    hidden,
)
from newsmodel.page.headline import headline_element
from newsmodel.page.measure import Measures
from newsmodel.page.metadata import Metadata
from newsmodel.page.strings import class_words, norm
from newsmodel.page.weights import (
    BY_LINE_WORDS,
    BYLINE_CREDIT_DEPTH,
    BYLINE_MAX,
    BYLINE_NEAR_HEADLINE,
    BYLINE_OUTSIDE_LEVELS,
    BYLINE_REGION_MAX,
    BYLINE_SENTENCE_RUN,
    ELSEWHERE_DEPTH,
    SMALL_ELEMENTS,
)

__all__ = ["read_bylines"]

#: Class, id, rel or itemprop words that name a byline: "byline", "c-author-name",
#: "authName" (camelCase split), "writer".
_BYLINE_WORDS = frozenset(
    """byline bylines author authors auth writer writers reporter reporters contributor
    contributors""".split()
)
#: ... and a class word that holds one of these: "articlebyline", "postauthor".
_BYLINE_INSIDE = re.compile(r"byline|author|writer|reporter|contributor", re.I)
#: Class words that name something about the author that is no byline: a bio, a photo,
#: a list of more stories ("authorbox", "author-bio", "authorList").
_NOT_BYLINE = re.compile(r"bio|box|avatar|image|img|photo|more|list|social|twitter", re.I)
#: Class words of a picture's caption or credit: an ``itemprop=author`` there is the
#: photographer ("image-credit", "picCredit", "caption").
_CREDIT_WORDS = frozenset(
    """credit credits caption captions cptn photo photos image images img pic pics
    picture figure figcaption""".split()
)
#: Elements whose names are a picture's credits, never the story's authors.
_CREDIT_TAGS = ("figure", "figcaption", "picture")
#: Link addresses of an author's page.
_AUTHOR_HREF = re.compile(r"author|/people/|/staff/|/profile|/by/|/reporters?/|/writers?/")
#: Meta tags that name authors, most reliable first.
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
#: Numbered label and value meta tags (``twitter:label1`` "Written by", ``twitter:data1``
#: "Jane Roe"): a label naming the writer, and the pairs looked at.
_WRITER_LABEL = re.compile(r"^\s*(?:written by|author|authors|by)\s*:?\s*$", re.I)
_LABEL_PAIRS = 4
#: Class, id or itemprop words of an element inside a byline that holds the writer's job,
#: not their name: ``<span class="authorTitle">Senior Writer</span>``, ``itemprop=jobTitle``.
_JOB_WORDS = frozenset("title job role position designation".split())
#: A line that opens with "By" (or "Written by"): a byline when no class names it.
_BY_OPENING = re.compile(r"^\s*(?:written\s+|words\s+)?by\b(?![-’'])", re.I)
#: Containers of other stories (their cards carry their own bylines) ...
_OTHER_STORIES = re.compile(
    r"(?:^|[\s_-])(?:related|cards?|teasers?|recirc|promo|more-stories|most-popular|"
    r"most-read|trending|carousel|rail|read-next|up-next|recommended)(?:$|[\s_-])",
    re.I,
)
#: Class words of an ``aside`` that holds the story's own details ("aside.post-meta").
_META_WORDS = frozenset("meta byline author authors info details".split())
#: An author page's address whose last part has fewer letters than this says nothing
#: about the name it shows; a name's word this long is looked for in it.
_SLUG_MIN = 3
#: Words before an author's link that credit other work than the story's writing:
#: "Medically reviewed by", "Fact checked by", "Edited by", "Photos by".
_OTHER_ROLE = re.compile(
    r"\b(?:reviewed|checked|edited|photos?|photographs?|illustrat\w*|video|produced)\s+by\s*:?\s*$",
    re.I,
)
#: A lower-case word (a run of them makes a sentence).
_LOWER_WORD = re.compile(r"^[a-z][a-z'’]*[,.;:]?$")


def _words(element: etree._Element) -> tuple[str, ...]:
    """``element``'s class, id, rel and itemprop as words (:func:`class_words`)."""
    names = (classes(element), element.get("rel") or "", element.get("itemprop") or "")
    return class_words(" ".join(names)) if any(names) else ()


def read_bylines(
    root: etree._Element,
    article_root: etree._Element,
    meta: Metadata,
    headline: str | None,
    body: Body,
    measures: Measures,
) -> list[m.Byline]:
    """The story's bylines (``root``: the page's body; ``article_root``: the story's own
    container; ``headline``: the headline the page shows)."""
    sites = meta.sites
    title = headline_element(root, headline)
    box: set[etree._Element] = set(title.iterancestors()) if title is not None else set()
    ld_people = [b for b in (meta.ld.bylines if meta.ld else ()) if norm(b.name) not in sites]
    meta_people = _meta_bylines(meta)
    visible = (
        _visible_bylines(article_root, sites, box, measures)
        or _outside_bylines(article_root, sites, box, measures)
        or _under_headline(root, title, sites, box, measures)
    )
    # a shown name that runs on past the name metadata gives ("Jane Roe Metro"): metadata's
    visible = [_ld_match(b, ld_people) or _renamed(b, meta_people) for b in visible]
    bylines = _shown_over_ld(visible, ld_people) or [
        b for b in body.shown_bylines if norm(b.name) not in sites
    ]
    if not bylines:
        bylines = meta_people
    for signoff in body.signoffs:
        if signoff not in bylines:
            bylines.append(signoff)
    return bylines


def _shown_over_ld(visible: list[m.Byline], ld_people: list[m.Byline]) -> list[m.Byline]:
    """The page's bylines, each replaced by JSON-LD's entry for the same name (which may
    carry a link and a role); JSON-LD's list when it holds every name the page shows
    (it then adds co-authors the page's line left out)."""
    if not visible:
        return list(ld_people)
    shown = [_ld_match(b, ld_people) or b for b in visible]
    if all(b in ld_people for b in shown):
        return list(ld_people)
    return list(dict.fromkeys(shown))


def _names_site(byline: m.Byline, sites: set[str]) -> bool:
    """Whether a byline the page shows names the site ("Example Times", "Example Times
    Editorial Guidelines"): the site is no author."""
    name = f" {norm(byline.name)} "
    return any(f" {site} " in name for site in sites)


def _ld_match(shown: m.Byline, ld_people: list[m.Byline]) -> m.Byline | None:
    """JSON-LD's entry for a name the page shows: the same name, or one the shown name
    starts with ("Jane Roe Example" shown, "Jane Roe" in JSON-LD: the page's line ran on),
    word for word ("Jane O" is no start of "Jane O'Neil")."""
    words = [norm(w) for w in shown.name.split()]
    for person in ld_people:
        theirs = [norm(w) for w in person.name.split()]
        if theirs == words[: len(theirs)]:
            return person
    return None


def _renamed(shown: m.Byline, meta_people: list[m.Byline]) -> m.Byline:
    """``shown`` named as the meta tags name it when its name starts with theirs."""
    match = _ld_match(shown, meta_people)
    return shown if match is None else attrs.evolve(shown, name=match.name)


def _labelled_writers(meta: Metadata) -> list[str]:
    """Values of numbered label meta tags whose label names the writer ("Written by")."""
    return [
        value
        for i in range(1, _LABEL_PAIRS + 1)
        if _WRITER_LABEL.match(meta.first(f"twitter:label{i}") or "")
        for value in meta.metas.get(f"twitter:data{i}", [])
    ]


def _meta_bylines(meta: Metadata) -> list[m.Byline]:
    """Bylines from the first author meta tag that names someone other than the site."""
    bylines: list[m.Byline] = []
    for key in (*_AUTHOR_KEYS, None):
        values = meta.metas.get(key, []) if key else _labelled_writers(meta)
        for value in values:
            if value.startswith("http"):
                continue
            for byline in parse_byline(value):
                if norm(byline.name) not in meta.sites and byline not in bylines:
                    bylines.append(byline)
        if bylines:
            break
    return bylines


def _named_byline(el: etree._Element) -> bool:
    """Whether ``el``'s class, id, rel or itemprop names a byline (and nothing else)."""
    words = _words(el)
    if not any(w in _BYLINE_WORDS or _BYLINE_INSIDE.search(w) for w in words):
        return False
    return not any(_NOT_BYLINE.search(w) for w in words)


def _in_credit(el: etree._Element, measures: Measures) -> bool:
    """Whether ``el`` sits in a picture, its caption or its credit (a small element so
    named: a story's container named for its gallery is no credit)."""
    for depth, ancestor in enumerate(el.iterancestors()):
        if depth >= BYLINE_CREDIT_DEPTH:
            break
        if local_name(ancestor) in _CREDIT_TAGS:
            return True
        if measures.length(ancestor) <= BYLINE_REGION_MAX and _CREDIT_WORDS.intersection(
            _words(ancestor)
        ):
            return True
    return local_name(el) in _CREDIT_TAGS or bool(_CREDIT_WORDS.intersection(_words(el)))


def _job_named(el: etree._Element) -> bool:
    """Whether ``el``'s class, id or itemprop names a job title (``authorTitle``)."""
    return bool(_JOB_WORDS.intersection(_words(el)))


def _name_text(el: etree._Element, measures: Measures) -> str:
    """A byline element's text without the job titles inside it (``<a>Jane Roe<span
    class="authorTitle">Metro Columnist</span></a>``): the names alone; all of it when
    that leaves nothing (``<span class="title">By Jane Roe</span>``)."""
    jobs = [d for d in el.iterdescendants() if isinstance(d.tag, str) and _job_named(d)]
    if not jobs:
        return measures.text(el)
    skipped = {x for job in jobs for x in job.iter()}
    words = (el.text or "").split()
    for node in el.iterdescendants():
        if node not in skipped and isinstance(node.tag, str) and node.tag not in NO_TEXT_TAGS:
            words.extend((node.text or "").split())
        if node.getparent() is not None and node.getparent() not in skipped:
            words.extend((node.tail or "").split())
    names = " ".join(words)
    return names if any(c.isalpha() for c in names) else measures.text(el)


def _element_bylines(el: etree._Element, measures: Measures) -> list[m.Byline]:
    """The bylines one byline element gives: its author links' names, or its text's
    when the text names every linked person and more ("By <a>A</a> and B")."""
    from_text = parse_byline(_name_text(el, measures), known=False)
    linked = [
        _name_text(a, measures)
        for a in el.iter("a")
        if _AUTHOR_HREF.search(a.get("href") or "") or "author" in (a.get("rel") or "")
    ]
    from_links = [b for n in linked for b in parse_byline(n, known=False)]
    if not from_links:
        return list(from_text)
    text_names = {norm(b.name) for b in from_text}
    if all(norm(b.name) in text_names for b in from_links):
        return list(from_text)
    return from_links


def _byline_region(first: etree._Element, measures: Measures) -> etree._Element:
    """The widest ancestor of the first byline element still short enough to be one
    byline block: co-authors' elements stand beside each other in it."""
    region = first
    parent = first.getparent()
    while (
        parent is not None
        and measures.length(parent) <= BYLINE_REGION_MAX
        and measures.size(parent) <= SMALL_ELEMENTS
    ):
        region = parent
        parent = parent.getparent()
    return region


def _visible_bylines(
    root: etree._Element,
    sites: set[str],
    box: set[etree._Element],
    measures: Measures,
    before: etree._Element | None = None,
) -> list[m.Byline]:
    """The bylines of the first short element named like a byline that gives any, with
    those of the byline elements beside it (co-authors); ``before``: stop there. Bylines
    in other stories' cards, sidebars (:func:`~newsmodel.page.dates.elsewhere`; ``box``:
    the headline's ancestors) and readers' comments are theirs."""
    found: list[m.Byline] = []
    region: set[etree._Element] | None = None
    kind: tuple[str, str] | None = None  # the first byline element's tag and class
    for el in root.iter():
        if el is before or (region is not None and el not in region):
            break  # (past the first byline's block)
        if not isinstance(el.tag, str) or not _named_byline(el) or hidden(el):
            continue
        if kind is not None and (el.tag, el.get("class") or "") != kind:
            continue  # a co-author's element repeats the first one's tag and class
        if not measures.small(el, BYLINE_MAX) or _in_credit(el, measures):
            continue
        if _in_other_story(el, box):
            continue
        for byline in _element_bylines(el, measures):
            if not _names_site(byline, sites) and byline not in found:
                found.append(byline)
        if found and region is None:
            region = set(_byline_region(el, measures).iter())
            kind = (el.tag, el.get("class") or "")
    return found


def _outside_bylines(
    article_root: etree._Element, sites: set[str], box: set[etree._Element], measures: Measures
) -> list[m.Byline]:
    """A byline just before the story's own container (in a header beside it): looked
    for in the container's parent and grandparent, before the container."""
    if article_root.getparent() is None:
        return []
    outer = article_root
    for _ in range(BYLINE_OUTSIDE_LEVELS):
        parent = outer.getparent()
        if parent is None or local_name(parent) == "html":
            break
        outer = parent
    if outer is article_root:
        return []
    return _visible_bylines(outer, sites, box, measures, before=article_root)


def _under_headline(
    root: etree._Element,
    title: etree._Element | None,
    sites: set[str],
    box: set[etree._Element],
    measures: Measures,
) -> list[m.Byline]:
    """A byline no class names, just under the headline and before the body's first long
    paragraph: a line or a piece of text opening with "By" (``<p>By <a>Jane Roe</a></p>``,
    ``</h1> by Jane Roe``), else a link to an author's page (``<a href="/author/jane-roe">``).
    Lines in other stories' cards, sidebars and pictures' credits do not count (``title``:
    the headline's element, ``box``: its ancestors)."""
    if title is None:
        return []
    found = _by_text(title.tail, single=True)  # "</h1> by Jane" names her, even in one word
    for count, el in enumerate(elements_after(root, title)):
        if found or count >= BYLINE_NEAR_HEADLINE:
            break
        if measures.is_paragraph(el) and measures.length(el) > BYLINE_MAX:
            break  # the body has begun
        if hidden(el) or elsewhere(el, box) or _in_credit(el, measures):
            continue
        if measures.small(el, BYLINE_MAX) and _BY_OPENING.match(el.text or ""):
            found = _by_text(_name_text(el, measures))
        elif _author_link(el) and not _OTHER_ROLE.search(_text_before(el)):
            found = list(parse_byline(_name_text(el, measures), known=False))
            found = [b for b in found if _slug_names(el, b)]
        found = found or _by_text(el.tail)
    return [b for b in found if not _names_site(b, sites)]


def _in_other_story(el: etree._Element, box: set[etree._Element]) -> bool:
    """Whether ``el`` sits in readers' comments (``li.comment > span.comment-author``), in
    another story's card or a list of them (``div.zq-related``, ``nav``, an ``aside`` not
    named for the story's details); the
    headline's own containers (``box``) end the search. A blog's footer or sidebar naming
    its writer still counts."""
    if comment_named(el):
        return True
    for up in itertools.islice(el.iterancestors(), ELSEWHERE_DEPTH):
        if up in box:
            return False
        if comment_named(up) or local_name(up) == "nav":
            return True
        if local_name(up) == "aside" and not _META_WORDS.intersection(_words(up)):
            return True  # (an aside named for the post's meta holds its own byline)
        if _OTHER_STORIES.search(classes(up)):
            return True
    return False


def _text_before(el: etree._Element) -> str:
    """The text just before ``el``: its previous sibling's tail, else its parent's own
    text (``<p>Reviewed by <a>…</a></p>``), its last :data:`BYLINE_MAX` characters."""
    before = el.getprevious()
    parent = el.getparent()
    if before is not None:
        text = before.tail or ""
    else:
        text = (parent.text or "") if parent is not None else ""
    return text[-BYLINE_MAX:]


def _author_link(el: etree._Element) -> bool:
    """Whether ``el`` is a link to an author's page."""
    return local_name(el) == "a" and _AUTHOR_HREF.search(el.get("href") or "") is not None


def _slug_names(link: etree._Element, byline: m.Byline) -> bool:
    """Whether an author link's address agrees with the name it shows: its last part
    holds a word of the name ("/author/jroe/" for Jane Roe), or is a number or too short
    to tell. "/author/jroe/" showing "Example Motors" is the site's, not a writer's."""
    path = (link.get("href") or "").split("?")[0].split("#")[0].rstrip("/")
    slug = path.rsplit("/", 1)[-1].lower()
    letters = re.sub(r"[^a-z]", "", slug)
    if len(letters) < _SLUG_MIN or any(c.isdigit() for c in slug):
        return True
    words = [re.sub(r"[^a-z]", "", w) for w in byline.name.lower().split()]
    return any(len(w) >= _SLUG_MIN and w in letters for w in words)


def _by_text(text: str | None, *, single: bool = False) -> list[m.Byline]:
    """The people a short piece of text opening with "By" names; none when it reads as a
    sentence ("By Monday, the council will vote …") or is too long for a byline. A name of
    one word counts only when ``single`` ("Sign up by Email" names no one)."""
    opening = _BY_OPENING.match(text or "")
    if text is None or opening is None or not text[opening.end() :].strip().strip(":"):
        return []  # (a bare "By" before the name's own element)
    words = text.split()
    if len(words) > BY_LINE_WORDS:
        return []
    run = 0
    for word in words:
        run = run + 1 if _LOWER_WORD.match(word) else 0
        if run >= BYLINE_SENTENCE_RUN:
            return []
    people = [b for b in parse_byline(text) if b.kind is m.BylineKind.PERSON]
    return [b for b in people if single or len(b.name.split()) > 1]
