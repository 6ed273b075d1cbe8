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

from newsmodel.model import Byline, BylineKind

__all__ = ["AGENCIES", "ROLE_WORDS", "is_agency", "parse_byline", "parse_signoff"]

#: News agencies and wire services, by the short names bylines use.
AGENCIES: frozenset[str] = frozenset(
    name.lower()
    for name in (
        "AAP",
        "Australian Associated Press",
        "AP",
        "Associated Press",
        "The Associated Press",
        "AFP",
        "Agence France-Presse",
        "Agence France Presse",
        "Reuters",
        "Thomson Reuters",
        "dpa",
        "Deutsche Presse-Agentur",
        "EFE",
        "ANSA",
        "Kyodo",
        "Kyodo News",
        "Xinhua",
        "Yonhap",
        "PA",
        "PA Media",
        "Press Association",
        "CP",
        "The Canadian Press",
        "Canadian Press",
        "UPI",
        "Bloomberg",
        "Bloomberg News",
        "NZPA",
        "RNZ",
        "TASS",
        "Interfax",
        "ANP",
        "Belga",
        "APA",
        "SDA",
        "Keystone-SDA",
        "TT",
        "NTB",
        "Ritzau",
        "STT",
        "PAP",
        "CTK",
        "MTI",
        "Anadolu",
        "Anadolu Agency",
        "Jiji",
        "Jiji Press",
        "PTI",
        "IANS",
        "ANI",
        "Bernama",
        "Antara",
        "CNA",
        "Lusa",
        "Europa Press",
        "AGI",
        "Adnkronos",
        "Ukrinform",
        "Wires",
        "Wire services",
        "News wires",
        "Agencies",
    )
)

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
    ]
)

_LEADING = re.compile(
    r"^\s*(?:[-–—]+\s*)?(?:(?:written|words|story|text|reporting|reported|compiled)\s+)?"
    r"(?:by|von|par|por|door|av|af)\s*[:\s]\s*",
    re.IGNORECASE,
)
_ROLE_PREFIX = re.compile(
    r"^\s*(?P<role>reporting|writing|editing|additional reporting|photos?|photography|"
    r"pictures?|video|graphics|research|translation|translated)\s+(?:by\s+)?",
    re.IGNORECASE,
)
_ROLE_NAMES = {
    "reporting": "reporter",
    "additional reporting": "contributor",
    "writing": "writer",
    "editing": "editor",
    "photo": "photographer",
    "photos": "photographer",
    "photography": "photographer",
    "picture": "photographer",
    "pictures": "photographer",
    "video": "videographer",
    "graphics": "graphics",
    "research": "researcher",
    "translation": "translator",
    "translated": "translator",
}
_SPLIT = re.compile(r"\s*(?:,|;|\||\band\b|&|\bwith\b)\s*", re.IGNORECASE)
_TIMESTAMP = re.compile(
    r"\s*(?:\b(?:updated|published|posted|modified)\b.*"
    r"|\b\d{1,2}:\d{2}.*|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}.*"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}.*"
    r"|\b\d{4}-\d{2}-\d{2}.*)$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(
    r"^(?:(?:[dlDL]|[Oo]|Mc|Mac)['’])?"
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]*|(?:van|von|de|da|di|du|del|der|den|la|le|bin|al|el|ibn|dos|das|y)\b)$"
)
_AGENCY_PARENS = re.compile(r"^\s*\(([^()]{1,40})\)\s*[-–—]?\s*$")
_SIGNOFF = re.compile(r"^\s*[-–—]+\s*(?P<who>[^\s].{0,58}?)\s*$")


def is_agency(name: str) -> bool:
    """True for a known news agency or wire service name."""
    return name.strip().strip(".").lower() in AGENCIES


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    if any(w.lower().strip(".") in ROLE_WORDS for w in words):
        return False
    if any(ch.isdigit() for ch in text):
        return False
    return all(_NAME_WORD.match(w) for w in words) and text[:1].isupper()


def _org_or_person(text: str, role: str | None) -> Byline | None:
    text = text.strip(" .:-–—")
    if not text:
        return None
    if is_agency(text):
        return Byline(name=text, kind=BylineKind.ORGANISATION, role=role)
    if re.fullmatch(r"[A-Z]{2,6}", text):
        return Byline(name=text, kind=BylineKind.ORGANISATION, role=role)
    if _looks_like_name(text):
        return Byline(name=text, kind=BylineKind.PERSON, role=role)
    return None


def _parse_segment(segment: str) -> list[Byline]:
    role: str | None = None
    match = _ROLE_PREFIX.match(segment)
    if match and (match.end() < len(segment)):
        role = _ROLE_NAMES.get(match.group("role").lower(), match.group("role").lower())
        segment = segment[match.end() :]
    segment = _LEADING.sub("", segment)
    segment = _TIMESTAMP.sub("", segment)
    parts = [p for p in _SPLIT.split(segment) if p and p.strip()]
    # "Doe, Jane": two single words split by a comma, neither an agency
    if (
        segment.count(",") == 1
        and len(parts) == 2
        and all(len(p.split()) == 1 for p in parts)
        and not any(is_agency(p) for p in parts)
        and all(_looks_like_name(p) for p in parts)
    ):
        return [Byline(name=f"{parts[1].strip()} {parts[0].strip()}", role=role)]
    out: list[Byline] = []
    people: list[Byline] = []
    for part in parts:
        part = part.strip()
        lowered = part.lower().strip(".")
        if lowered and all(w in ROLE_WORDS for w in lowered.split()):
            # a job title after a name: "Jane Doe, Senior Reporter"
            if people and people[-1].role is None:
                idx = out.index(people[-1])
                out[idx] = people[-1] = Byline(name=people[-1].name, role=lowered)
            continue
        byline = _org_or_person(part, role)
        if byline is None:
            continue
        if byline.kind is BylineKind.ORGANISATION and people and byline.role is None:
            # "Jane Doe, Reuters": the organisation is also their affiliation
            for i, person in enumerate(out):
                if person.kind is BylineKind.PERSON and person.affiliation is None:
                    out[i] = Byline(name=person.name, role=person.role, affiliation=byline.name)
            people = [b for b in out if b.kind is BylineKind.PERSON]
        elif byline.kind is BylineKind.PERSON:
            people.append(byline)
        out.append(byline)
    return out


def parse_byline(text: str) -> tuple[Byline, ...]:
    """The people and organisations a byline line credits (none when it names none).

    Handles ``By A and B, Agency``, ``Reporting by X; Editing by Y``,
    ``(AP)``, ``– AAP``, ``Doe, Jane``, job titles after names, and dates or
    ``Updated …`` glued to the end.
    """
    if not isinstance(text, str) or not text.strip() or len(text) > 500:
        return ()
    text = " ".join(text.split())
    paren = _AGENCY_PARENS.match(text)
    if paren:
        text = paren.group(1)
    segments = re.split(r"\s*;\s*|\s+\|\s+", text) if _ROLE_PREFIX.search(text) else [text]
    seen: dict[str, Byline] = {}
    for segment in segments:
        for byline in _parse_segment(segment):
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
