"""Reading bylines the way a copy editor would.

:func:`parse_byline` turns the credit line of a story into
:class:`~newsmodel.model.Byline` values: people, and agencies or outlets as
organisations, with roles where the line gives them::

    >>> [b.name for b in parse_byline("By Jane Doe and John Roe, Reuters")]
    ['Jane Doe', 'John Roe', 'Reuters']

Every reader uses it, so a byline string means the same thing in every format.
"""

from __future__ import annotations

import re

from newsmodel.dates import MONTH_PATTERN
from newsmodel.model import Byline, BylineKind
from newsmodel.vocab import CAPTION_AGENCIES, CREDIT_LABELS, NEWS_AGENCIES, alternation

__all__ = [
    "AGENCIES",
    "JOB_WORDS",
    "NAME_PARTICLES",
    "ROLE_WORDS",
    "is_agency",
    "parse_byline",
    "parse_signoff",
]

#: News agencies and wire services, by the short names bylines use.
AGENCIES: frozenset[str] = frozenset(name.lower() for name in NEWS_AGENCIES)

#: Words that describe a job, not a person: never a name on their own.
ROLE_WORDS: frozenset[str] = frozenset(
    [
        "reporter",
        "correspondent",
        "writer",
        "editor",
        "photographer",
        "columnist",
        "contributor",
        "staff",
        "producer",
        "journalist",
        "analyst",
        "critic",
        "desk",
        "team",
        "intern",
        "freelance",
        "freelancer",
        "senior",
        "chief",
        "political",
        "business",
        "sports",
        "science",
        "health",
        "foreign",
        "deputy",
        "associate",
        "managing",
        "executive",
        "contributing",
        "special",
        "investigative",
        "national",
        "international",
        "economics",
        "technology",
        "culture",
        "arts",
        "crime",
        "court",
        "education",
        "environment",
        "digital",
        "video",
        "news",
        "online",
        "bureau",
        "newsroom",
        "author",
        "host",
        "presenter",
        "anchor",
        "admin",
        "editorial",
        "administrator",
        "webmaster",
        "moderator",
    ]
)

#: Words of a site's links and labels, never in a person's name ("About Us", "Website",
#: "Other Articles", "Privacy").
_SITE_WORDS: frozenset[str] = frozenset(
    """about contact subscribe privacy website articles topics login newsletter menu
    search share email comments faq advertise profile posts""".split()
)

#: Role words that name a job itself: a job title ends in one ("Senior Writer").
JOB_WORDS: frozenset[str] = frozenset(
    """reporter correspondent writer editor photographer columnist staff contributor
    producer journalist analyst critic intern freelancer author host presenter
    anchor freelance""".split()
)

_LEADING = re.compile(
    r"^\s*(?:[-–—•|]+\s*)?(?:(?:written|words|story|text|reporting|reported|compiled|posted|"
    r"opinion|analysis|commentary|review|interview|column|feature|report)\s+)?"
    r"(?:by|von|par|por|door|av|af)(?:\s*[:\s]\s*|\s*$)|^\s*(?:words|text|author|authors|byline)\s*:\s*",
    re.IGNORECASE,
)
_ROLE_PREFIX = re.compile(
    r"^\s*(?P<role>additional reporting|reporting|writing|editing|edited|photos?|photography|"
    r"photographs|pictures?|images?|video|graphics|illustrations?|research|translation|"
    r"translated|interview)\s*(?:by\s+|:\s*)",
    re.IGNORECASE,
)
_ROLE_NAMES = {
    "reporting": "reporter",
    "additional reporting": "contributor",
    "writing": "writer",
    "editing": "editor",
    "edited": "editor",
    "photo": "photographer",
    "photos": "photographer",
    "photography": "photographer",
    "photographs": "photographer",
    "picture": "photographer",
    "pictures": "photographer",
    "image": "photographer",
    "images": "photographer",
    "video": "videographer",
    "graphics": "graphics",
    "illustration": "illustrator",
    "illustrations": "illustrator",
    "research": "researcher",
    "translation": "translator",
    "translated": "translator",
    "interview": "interviewer",
}
_SPLIT = re.compile(r"\s*(?:,|;|\||/|•|\band\b|&|\bwith\b|\s[-–—]\s)\s*", re.IGNORECASE)
#: :data:`_SPLIT` with its separators kept (every odd piece of a split is one).
_SPLIT_KEPT = re.compile(f"({_SPLIT.pattern})", re.IGNORECASE)
#: A separator that may join two words of one long name: "By Jane Roe, Institute of
#: Placeholder and Example Studies" (what follows "and" there is no person).
_JOINER = re.compile(r"\s*(?:and|&)\s*", re.IGNORECASE)
#: The legal forms a company's name ends in ("Example Ltd", "Placeholder GmbH"), any case.
_COMPANY_FORMS = "ltd|limited|inc|incorporated|llc|llp|plc|gmbh|corp|corporation"
#: A company's name that holds "and" ("Example and Placeholder Ltd"): one organisation.
_COMPANY = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+)+(?:and|&)\s+(?:[A-Z][\w'’.-]*\s+)+"
    rf"(?i:{_COMPANY_FORMS})\.?"
)
#: "Jane Roe as told to John Doe": the writer is the one the story was told to.
_AS_TOLD = re.compile(r"^.*?\bas told to\s+(?=\S)", re.IGNORECASE)
_MONTH = MONTH_PATTERN
#: A day of the week, in full or cut short ("Wednesday", "Fri").
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?"
#: A day or a month alone, never a person's name ("By Jane Roe, Wednesday").
_CALENDAR_WORD = re.compile(rf"(?:{_WEEKDAY}|{_MONTH})", re.IGNORECASE)
_TIMESTAMP = re.compile(
    r"\s*(?:\b(?:updated|published|posted|modified|last updated|first published)\b.*"
    r"|\b(?:on\s+)?\d{1,2}:\d{2}.*"
    rf"|\b(?:on\s+)?(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}.*"
    rf"|\b(?:on\s+)?(?:{_WEEKDAY},?\s+)?\d{{1,2}}\s+{_MONTH}\s+\d{{4}}.*"
    rf"|\b(?:on\s+)?(?:{_WEEKDAY},?\s+)?\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b.*"
    r"|\b(?:on\s+)?\d{4}-\d{2}-\d{2}.*|\b\d+\s+(?:minutes?|hours?|days?)\s+ago.*)$",
    re.IGNORECASE,
)
_NOISE = re.compile(
    r"\s*\(@\w+\)|\s+@\w+|\s*,?\s+(?:Ph\.?D\.?|M\.?D\.?)(?=\s|,|$)|\s+\(?email\)?$",
    re.IGNORECASE,
)
#: A generational suffix after a comma, kept with its name: "Jane Roe, Jr." → "Jane Roe Jr.".
_SUFFIX = re.compile(r",\s*(Jr\.?|Sr\.?|II|III|IV)(?=\s|,|;|$)")
#: A known agency glued to the end of a name without a separator: "JANE ROE Associated Press"
#: (the agency becomes the person's affiliation).
#: A name's last word whose full stop belongs to it ("Jr.", an initial "E.").
_KEEP_DOT = re.compile(r"(?:\bJr|\bSr|(?<![\w.])[A-Z])\.$")
_TRAILING_AGENCY = re.compile(
    rf"(?<=\S)\s+((?:the\s+)?(?:{alternation(NEWS_AGENCIES)}))\s*$", re.IGNORECASE
)
_PLACE = re.compile(r"\s+in\s+[A-Z][\w.' -]{1,40}$")
_AFFILIATION = re.compile(
    r"\s+(?:of|for|at|from|special to)\s+((?:the\s+)?[A-Z][\w.&'’ -]{1,60})$", re.IGNORECASE
)
_BIO = re.compile(r"\s+(?:is|was|has been|covers|writes)\s.*$")
_DATELINE_AGENCY = re.compile(
    r"^\s*[A-Z][A-Z .,'’-]{1,60}?\s*\(([A-Za-z][\w .&-]{0,30})\)\s*[-–—:]"
)
_PHOTO_CREDIT = re.compile(
    rf"^\s*(?:\(?(?:{alternation(CREDIT_LABELS)})s?\s*(?:credit)?\s*:|"
    rf"(?:{alternation(CAPTION_AGENCIES)})\s+(?:Photo|Images?)\b|.*\bphoto\s*/)",
    re.IGNORECASE,
)
#: Lower-case words a personal name holds ("Jan van Plim", "Ana de la Rosa", "Omar bin
#: Said"): a name's words but not capitalised.
NAME_PARTICLES = frozenset(
    "van von de da di du del der den ten ter la le bin al el ibn dos das y".split()
)
#: A word of a personal name: a capital (any script's) then letters, or a particle.
_NAME_WORD = re.compile(
    r"^(?:(?:[dlDL]|[Oo]|Mc|Mac)['’])?"
    rf"(?:(?P<particle>{'|'.join(sorted(NAME_PARTICLES, key=len, reverse=True))})"
    r"|(?P<word>[^\W\d_][\w'’.\-]*))$"
)
#: A job title in sentence case at the end of a name with no separator, as some
#: publishers' feeds write their authors: "Jane Roe Defence and security editor",
#: "Jane Roe Deputy political editor" (a capitalised word, then lowercase words and
#: "and"/"&"/"of", then a job word). A name is in title case; the job starts where it ends.
_SENTENCE_CASE_JOB = re.compile(
    r"\s(?P<job>[A-Z][a-z]+(?:\s(?:[a-z]+|&))*?\s(?:" + "|".join(sorted(JOB_WORDS)) + r"))\s*$"
)
#: The last word of an organisation's name ("Example Computer Company", "Placeholder
#: Foundation"): a company or institution, never a person.
_INSTITUTION_WORD = re.compile(
    rf"\b(?:company|{_COMPANY_FORMS}|foundation|institute|university|association|society|"
    r"council|ministry|agency|group)\.?$",
    re.IGNORECASE,
)
#: Lower-case words an institution's name may hold ("Society for the Study of Plim");
#: a name holding another ("History at Example University") is no institution's.
_INSTITUTION_JOINS = frozenset(["of", "and", "for", "the", "&"])
_AGENCY_PARENS = re.compile(r"^\s*\(([^()]{1,40})\)\s*[-–—]?\s*$")
_SIGNOFF = re.compile(r"^\s*[-–—]+\s*(?P<who>[^\s].{0,58}?)\s*$")
_ORG_HINTS = re.compile(
    r"^(?:the\s)|\.(?:com|org|net|co\.uk|com\.au)\b|\b(?:news|press|times|post|herald|journal|"
    r"tribune|guardian|telegraph|gazette|media|network|radio|tv|television|magazine|daily|"
    r"weekly|staff|desk|team|board|bureau|wire|wires|agency|agencies|service|newsroom|"
    # a newspaper's name ("Western Mail") or a company's ("Example Ltd")
    r"mail|chronicle|observer|examiner|courier|mirror|sentinel|inquirer|dispatch|bulletin|"
    rf"{_COMPANY_FORMS})\b",
    re.IGNORECASE,
)


def is_agency(name: str) -> bool:
    """True for a known news agency or wire service name."""
    return name.strip().strip(".").lower() in AGENCIES


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    if any(w.lower().strip(".,") in ROLE_WORDS or w.lower() in _SITE_WORDS for w in words):
        return False
    if any(ch.isdigit() for ch in text) or _ORG_HINTS.search(text):
        return False
    return all(_name_word(w) for w in words) and text[:1].isupper()


def _name_word(word: str) -> bool:
    """Whether ``word`` can stand in a personal name ("Núñez", "Łukasz", "O'Neil", "van")."""
    match = _NAME_WORD.match(word)
    if match is None:
        return False
    # "O'Neil" and "O'connor" (a capital before the apostrophe), "d'Alembert" (after it)
    return (
        match.group("particle") is not None
        or match.group("word")[:1].isupper()
        or word[:1].isupper()
    )


def _name_case(name: str) -> str:
    """A name shouted in capitals written as a name ("JANE ROE-DOE" → "Jane Roe-Doe");
    any other name as it stands. Roman numerals stay capitals ("III")."""
    if not name.isupper() or len(name.replace(" ", "")) <= 3:
        return name
    words = []
    for word in name.split():
        if re.fullmatch(r"[IVX]+", word):
            words.append(word)
        else:
            words.append(
                re.sub(r"[^\W\d_]+", lambda m: m.group()[:1] + m.group()[1:].lower(), word)
            )
    return " ".join(words)


def _looks_like_org(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 6
        and text[:1].isupper()
        and (_ORG_HINTS.search(text) is not None or re.fullmatch(r"[A-Z]{2,6}", text) is not None)
        and not any(ch.isdigit() for ch in text)
    )


def _role_of(words: str) -> str | None:
    """``words`` as a job title when every word is a role word (``Senior Reporter``)."""
    lowered = words.lower().strip(" .,")
    if lowered and all(w.strip(".,") in ROLE_WORDS for w in lowered.split()):
        return lowered
    return None


def _job_title(words: str) -> bool:
    """Whether ``words`` are a job title ending in a job ("Political Correspondent"), not
    only a beat or an outlet's word ("News", "Digital")."""
    return _role_of(words) is not None and words.lower().split()[-1].strip(".,") in JOB_WORDS


def _is_institution(text: str) -> bool:
    """Whether ``text`` is an institution's name: words in title case (and
    :data:`_INSTITUTION_JOINS`) ending in an :data:`_INSTITUTION_WORD` ("the Example
    Society", not "History at Example University")."""
    words = text.split()
    if words[:1] == ["the"]:
        words = words[1:]
    return (
        len(words) > 1
        and _INSTITUTION_WORD.search(text) is not None
        and all(w[:1].isupper() or w in _INSTITUTION_JOINS for w in words)
        and words[0][:1].isupper()
    )


def _org_or_person(text: str, role: str | None, single: bool = True) -> Byline | None:
    """A byline for one name; ``single=False`` refuses one-word person names."""
    text = text.strip(" :-–—•()").lstrip(".")
    if not _KEEP_DOT.search(text):
        text = text.rstrip(" .")  # a sentence's full stop, but never "Jr." or an initial
    if not text or _CALENDAR_WORD.fullmatch(text):
        return None
    if is_agency(text) or re.fullmatch(r"[A-Z]{2,6}", text):
        return Byline(name=text, kind=BylineKind.ORGANISATION, role=role)
    if _is_institution(text):
        return Byline(name=text, kind=BylineKind.ORGANISATION, role=role)
    # a trailing job title without a comma: "Jane Doe Political Correspondent"
    # (a name of two words or more: "Example News" is an outlet, never a person "Example")
    words = text.split()
    for cut in range(2, len(words)):  # the longest job title first
        tail = " ".join(words[cut:])
        if not _job_title(tail):
            continue
        # an agency between the name and the job: "JANE ROE AP Technology Writer"
        at = next((i for i in range(2, cut) if is_agency(words[i])), cut)
        if _looks_like_name(" ".join(words[:at])):
            affiliation = " ".join(words[at:cut]) or None
            name = _name_case(" ".join(words[:at]))
            return Byline(name=name, role=role or _role_of(tail), affiliation=affiliation)
    if _looks_like_name(text) and (single or len(text.split()) > 1):
        return Byline(name=_name_case(text), kind=BylineKind.PERSON, role=role)
    if _looks_like_org(text):
        return Byline(name=text, kind=BylineKind.ORGANISATION, role=role)
    return None


#: How many of a name's last words may open an agency's name with the word after them
#: ("Jane Roe Associated" + "Press").
_AGENCY_WORDS = 3


def _agency_before(name: str, word: str) -> bool:
    """Whether ``word``, alone or after the last words of ``name``, is an agency: in
    "Jane Roe Reuters correspondent" and "Jane Roe Associated Press writer" the job
    starts after the agency, not at it."""
    words = name.split()[-_AGENCY_WORDS:]
    return any(is_agency(" ".join([*words[n:], word])) for n in range(len(words) + 1))


def _parse_segment(segment: str, known: bool = False) -> list[Byline]:
    role: str | None = None
    match = _ROLE_PREFIX.match(segment)
    if match and (match.end() < len(segment)):
        raw_role = match.group("role").lower()
        role = _ROLE_NAMES.get(raw_role, raw_role)
        segment = segment[match.end() :]
    explicit = known or role is not None or _LEADING.match(segment) is not None
    segment = _LEADING.sub("", segment)
    if _COMPANY.fullmatch(segment.strip()):
        return [Byline(name=segment.strip(), kind=BylineKind.ORGANISATION, role=role)]
    told = _AS_TOLD.match(segment)
    if told is not None:
        segment, explicit = segment[told.end() :], True
    segment = _TIMESTAMP.sub("", segment)
    segment = _NOISE.sub("", segment)
    segment = _BIO.sub("", segment)
    segment = _PLACE.sub("", segment)
    segment = _SUFFIX.sub(r" \1", segment)
    agency = _TRAILING_AGENCY.search(segment)
    last_name = _SPLIT.split(segment[: agency.start()])[-1].strip() if agency else ""
    if agency and len(last_name.split()) > 1 and _looks_like_name(last_name):
        segment = f"{segment[: agency.start()]}, {agency.group(1)}"  # "JANE ROE AP"
    affiliation = None
    found = _AFFILIATION.search(segment)
    if found and _org_or_person(found.group(1), None) is not None:
        affiliation = found.group(1).strip()
        segment = segment[: found.start()]
    job = _SENTENCE_CASE_JOB.search(segment)
    if job is not None:
        name = segment[: job.start()].strip()
        if (
            len(name.split()) > 1
            and not _SPLIT.search(name)
            and _looks_like_name(name)
            and not _agency_before(name, job.group("job").split()[0])
        ):
            title = role or job.group("job").lower()
            return [Byline(name=_name_case(name), role=title, affiliation=affiliation)]
    pieces = _SPLIT_KEPT.split(segment)
    parts = [p for p in pieces[::2] if p and p.strip()]
    # "Doe, Jane": two single words split by a comma, neither an agency
    if (
        segment.count(",") == 1
        and len(parts) == 2
        and all(len(p.split()) == 1 for p in parts)
        and not any(is_agency(p) for p in parts)
        and all(_looks_like_name(p) for p in parts)
        and not any(_role_of(p) for p in parts)
    ):
        return [Byline(name=f"{parts[1].strip()} {parts[0].strip()}", role=role)]
    out = _credited(pieces, role, alone=explicit and len(parts) == 1)
    if affiliation:
        out = [
            Byline(name=b.name, role=b.role, affiliation=affiliation)
            if b.kind is BylineKind.PERSON and b.affiliation is None
            else b
            for b in out
        ]
    return out


def _credited(pieces: list[str], role: str | None, *, alone: bool) -> list[Byline]:
    """The bylines of a segment split by :data:`_SPLIT_KEPT` (names at even indices,
    separators between them); ``alone``: the segment is one explicit name, which may then
    be a single word ("By Madonna")."""
    out: list[Byline] = []
    credited = True  # whether the part before credited someone (or gave a job title)
    for index in range(0, len(pieces), 2):
        part = _PLACE.sub("", pieces[index].strip())
        if not part:
            continue
        if index and not credited and _JOINER.fullmatch(pieces[index - 1]):
            continue  # "and" inside a longer name that is no one's ("Institute of A and B")
        title = _role_of(part)
        credited = title is not None
        if title is not None or part.lower() in ("staff", "staff reports", "from staff reports"):
            # a job title after a name: "Jane Doe, Senior Reporter"
            last = next(
                (i for i in range(len(out) - 1, -1, -1) if out[i].kind is BylineKind.PERSON), None
            )
            if last is not None and out[last].role is None and title:
                out[last] = Byline(
                    name=out[last].name, role=title, affiliation=out[last].affiliation
                )
            continue
        # a one-word name stands alone ("By Madonna") or before "and" ("Jane and John
        # Roe"); a word after a comma is a place or a label ("By Jane Roe, Washington")
        joined = index + 1 < len(pieces) and _JOINER.fullmatch(pieces[index + 1]) is not None
        single = joined or alone
        byline = _org_or_person(part, role, single=single)
        credited = byline is not None
        if byline is None:
            continue
        if byline.kind is BylineKind.ORGANISATION and byline.role is None:
            # "Jane Doe, Reuters": the organisation is also their affiliation
            out = [
                Byline(name=b.name, role=b.role, affiliation=byline.name)
                if b.kind is BylineKind.PERSON and b.affiliation is None
                else b
                for b in out
            ]
        out.append(byline)
    return out


def parse_byline(text: str, *, known: bool = True) -> tuple[Byline, ...]:
    """The people and organisations a byline line credits (none when it names none).

    Handles ``By A and B, Agency``, ``Reporting by X; Editing by Y``,
    ``(AP)``, ``– AAP``, ``WASHINGTON (Reuters) -``, ``Doe, Jane``, job
    titles after names (``Staff writer`` alone is no one), places, Twitter
    handles, dates or ``Updated …`` glued to the end, and ``and``, ``&``,
    commas, ``|`` and ``/`` as separators. Photo credits (``Photo: AP``)
    credit no author. ``known=False`` says the text is only suspected to be a
    byline (page text): a single word then is no person's name.
    """
    if not isinstance(text, str) or not text.strip() or len(text) > 500:
        return ()
    text = " ".join(text.split())
    if _PHOTO_CREDIT.match(text):
        return ()
    dateline = _DATELINE_AGENCY.match(text)
    if dateline:
        return (Byline(name=dateline.group(1).strip(), kind=BylineKind.ORGANISATION),)
    paren = _AGENCY_PARENS.match(text)
    if paren:
        text = paren.group(1)
    if _ROLE_PREFIX.search(text) or re.search(r"[;,|]\s*" + _ROLE_PREFIX.pattern[4:], text, re.I):
        segments = re.split(
            r"\s*;\s*|\s+\|\s+|,\s*(?=" + _ROLE_PREFIX.pattern[4:] + ")", text, flags=re.I
        )
        segments = [s for s in segments if s and not re.fullmatch(r"\s*", s)]
    else:
        segments = [text]
    seen: dict[str, Byline] = {}
    for segment in segments:
        if not isinstance(segment, str):
            continue
        for byline in _parse_segment(segment, known):
            seen.setdefault(byline.name.lower(), byline)
    return tuple(seen.values())


def parse_signoff(line: str) -> Byline | None:
    """The credit in a closing line such as ``– AAP`` or ``(Reuters)``; else ``None``."""
    match = _SIGNOFF.match(line) or _AGENCY_PARENS.match(line)
    if not match:
        return None
    who = match.group(1).strip()
    if len(who.split()) > 5 or (who.endswith((".", "?", "!")) and not is_agency(who)):
        return None
    return _org_or_person(who, None)
