"""Finding quotations and who said them, with rules (no models, no downloads).

Two levels:

* :func:`find` works on plain text (paragraphs separated by blank lines) and
  returns :class:`QuoteMatch` records with character spans for the quote,
  the speaker mention and the speech verb.
* :func:`extract` / :func:`extract_article` give model
  :class:`~newsmodel.model.Quote` values, for plain text or for an article's
  standfirst and body (every reader that produces a body calls
  :func:`extract_article` unless told ``quotes=False``).

What counts: words in quotation marks (straight or typographic, double, or
typographic single) that the text attributes to someone (a speech verb and a
speaker before, after or between the parts of the quote, a credit line, the
sentence or paragraph before), sentences introduced by a colon, paragraphs
that are one quotation, whole clauses in marks, the words people use about
someone (``called X “…”``, ``as a “…”``), quotes that run over several
paragraphs, and quotes already marked up (``InlineQuote``, ``BlockQuote``).
Words in marks that nobody is said to have said (scare quotes, titles, a
term under discussion) are not quotes. Surnames and pronouns are resolved to
the full name mentioned earlier. docs/quotes-and-bylines.md lists the rules.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import warnings
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import attrs

from newsmodel import model as m
from newsmodel.errors import NewsmodelWarning

__all__ = ["SPEECH_VERBS", "QuoteMatch", "extract", "extract_article", "find", "with_quotes"]

#: Verbs (and verb phrases) that introduce speech, in the forms news uses.
SPEECH_VERBS: tuple[str, ...] = tuple(
    sorted(
        {
            *"""said says say saying told tells telling added adds adding asked asks asking
            wrote writes writing stated states explained explains noted notes argued argues
            arguing claimed claims insisted insists declared declares continued continues
            replied replies responded responds recalled recalls warned warns warning
            announced announces acknowledged acknowledges admitted admits conceded concedes
            remarked observed suggested suggests tweeted tweets posted joked jokes quipped
            complained complains charged countered emphasized emphasised stressed stresses
            shouted yelled cautioned predicted predicts promised promises vowed vows pledged
            boasted lamented urged urges demanded testified concluded agreed mused whispered
            confirmed confirms denied denies reiterated maintained maintains contended
            asserted asserts alleged alleges reported reports explained wondered
            thundered exclaimed chided scoffed snapped retorted sighed barked pleaded
            predicted announced tells texted emailed messaged revealed reveals
            thanked blasted slammed praised accused mocked echoed echoes beamed boomed
            chanted cried ruled labeling labelling labeled labelled declaring insisting
            explaining noting writing claiming responding replying urging vowing promising
            warning stressing demanding tweeting posting announcing acknowledging admitting
            joking suggesting recalling complaining predicting telling asking
            answered answers pressed commented comments interjected demurred recounted
            recounts reminded reads read quoted sings sang recited reciting yelling
            screamed screaming mentioned mentions asserting emphasizing lamenting
            argue claim warn insist note ask predict contend complain suggest write add
            explain agree acknowledge admit reacted""".split(),
        },
        key=len,
        reverse=True,
    )
)
_PHRASE_VERBS = (
    "according to",
    "pointed out",
    "pointing out",
    "went on",
    "points out",
    "goes on",
    "referred to",
    "refers to",
    "referring to",
    "shot back",
    "fired back",
    "hit back",
    "chimed in",
    "weighed in",
    "piped up",
    "put it",
)
_PARTIAL_VERBS = (
    "called|calls|calling|described|describes|describing|dubbed|labelled|labeled|termed|"
    "labeling|labelling|branded|branding"
)
_PARTIAL_FIND = re.compile(rf"\b(?P<verb>{_PARTIAL_VERBS})\b")
_PARTIAL_FULL = re.compile(_PARTIAL_VERBS)
#: Participles whose speaker is the subject of the sentence ("…, saying “…”").
_PARTICIPLES = frozenset(
    """saying telling adding calling arguing warning noting declaring insisting explaining
    writing claiming responding replying urging vowing promising stressing demanding
    tweeting posting announcing acknowledging admitting joking suggesting recalling
    complaining predicting asking describing labeling labelling branding referring
    pointing""".split()
)
_VERB_SET = frozenset(SPEECH_VERBS)
_PHRASES = {tuple(p.split()) for p in _PHRASE_VERBS}
_PHRASE_FIRST = {p[0] for p in _PHRASES}
_TOKEN = re.compile(r"[A-Za-z]+")


class _VerbMatch(NamedTuple):
    """A speech verb found in a string (the same shape as a regex match, for ``verb``)."""

    begin: int
    finish: int
    word: str

    def start(self, _group: str = "verb") -> int:
        return self.begin

    def end(self, _group: str = "verb") -> int:
        return self.finish

    def group(self, _group: str = "verb") -> str:
        return self.word


_SENTENCE_INITIAL = frozenset({"According", "Said", "Says"})


def _verbs(segment: str) -> list[_VerbMatch]:
    """Speech verbs and verb phrases in ``segment`` (a set lookup per word: fast)."""
    tokens = list(_TOKEN.finditer(segment))
    out: list[_VerbMatch] = []
    skip = -1
    for i, token in enumerate(tokens):
        if i <= skip:
            continue
        word = token.group()
        if word in _SENTENCE_INITIAL:
            word = word.lower()  # "According to the campaign, …", "Said Novak: …"
        if word in _PHRASE_FIRST and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if (word, nxt.group()) in _PHRASES and segment[token.end() : nxt.start()] == " ":
                out.append(_VerbMatch(token.start(), nxt.end(), segment[token.start() : nxt.end()]))
                skip = i + 1
                continue
        if word in _VERB_SET and not (word.endswith("s") and _is_noun_use(segment, tokens, i)):
            out.append(_VerbMatch(token.start(), token.end(), word))
    return out


_DETERMINERS = frozenset(
    "the a an his her its their our my your these those some any no of and many several".split()
)


def _is_noun_use(segment: str, tokens: list[re.Match[str]], i: int) -> bool:
    """``the reports``, ``his comments``, ``in-jokes``: a plural noun, not a verb."""
    token = tokens[i]
    if token.start() and segment[token.start() - 1] == "-":
        return True
    if segment[max(0, token.start() - 3) : token.start()] in ("'s ", "’s "):
        return True  # "Halden's claims"
    return i > 0 and tokens[i - 1].group().lower() in _DETERMINERS


_LEAD_CLAUSE = re.compile(
    r"\s*(?:(?:At|In|On|During|After|Before|Speaking|While|When|Asked|Earlier|Later|Last|This|"
    r"Meanwhile|However|But|And|Then|Also|Still|Yet|Instead|Separately|Since|Following|"
    r"Addressing|Appearing|Writing|Responding|Campaigning|Later|Today|Yesterday)\b[^,]{0,80},\s*|"
    r"[A-Z][a-z]+ing\s[^,]{1,80},\s*|"
    # a dateline: "PORT HALDEN, Ore., Mar. 9 (HNS) — "
    r"[A-Z]{2}[A-Z .’'-]*,[^—–]{1,40}?(?:\([^)]{1,30}\))?\s*[—–]\s*)?"
)
_SUBJECT = re.compile(
    r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)\b|(?:(?:[Tt]he|[Aa]n?|[Ff]ormer)\s+)?"
    r"(?:[A-Z][\w’'.-]*(?:,\s*[A-Z][\w’'.-]*)?\s+(?:(?:of|for|and|the|de|van|von)\s+)*)*"
    r"[A-Z][\w’'.-]*"
)

_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
_TITLE_WORDS = frozenset(
    """minister president vice secretary senator sen sen. rep rep. representative governor gov
    gov. spokesman spokeswoman spokesperson chairman chairwoman chair ceo director chief prime
    general judge mayor dr dr. professor prof prof. lt col gen adm justice attorney speaker
    leader nominee candidate adviser advisor aide manager strategist analyst official officer
    commissioner ambassador chancellor king queen prince pope bishop rev rev. father sister
    mr mr. mrs mrs. ms ms. miss sir lord lady president-elect founder executive editor
    correspondent economist expert head deputy former acting interim senior press
    spokesmen congressman congresswoman councilman councilwoman lawmaker chairperson
    superintendent sheriff commander captain sergeant coach owner president's""".split()
)
_NAME_TOKEN = re.compile(r"[A-Z][\w’'.-]*")
_FULL_NAME = re.compile(
    r"\b(?=[A-Z])((?:[A-Z][a-z]+\.? )?[A-Z][a-zà-ÿ’'-]+"
    r"(?: (?:[A-Z]\. )?(?:van |von |de |da |del |di |bin |al-|el-)?[A-Z][a-zà-ÿ’'-]+){1,2})\b"
)
# (?<![.!?]): a run of end marks is tried from its first mark only (each later start in
# the run would fail the same way), so a long run of dots is not rescanned at every dot
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]+[\"”’)]*\s+(?=[A-Z“\"‘(])")
_TERM_CUES = re.compile(
    r"(?:\b(?:so-called|term|terms|word|words|phrase|phrases|slogan|title|titled|entitled|dubbed|"
    r"nicknamed|known as|referred to as|brand|by|as|headline|headlined|hashtag|motto|book|film|"
    r"song|show|series|album|article|column|op-ed|editorial|report)\s*)$",
    re.IGNORECASE,
)
_TITLE_CASE = re.compile(
    r"(?:The |A |An )?[A-Z][\w’'-]*(?: (?:of|the|and|in|on|for|a|to|[A-Z0-9][\w’'-]*))*"
)
_TITLED = re.compile(
    r"\b(?:[Pp]resident|[Mm]inister|[Ss]enator|Sen\.|Rep\.|[Gg]overnor|Gov\.|[Ss]pokes(?:wo)?man|"
    r"[Ss]ecretary|[Cc]hancellor|[Mm]ayor|[Jj]udge|Dr\.|Mr\.|Mrs\.|Ms\.|[Cc]hairman|[Ll]eader)\s*$"
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|our|Our|my|My|me|us|you|You|your)\b")


class QuoteMatch(NamedTuple):
    """One quotation found in a text, with character spans into that text."""

    start: int
    end: int
    text: str
    kind: m.QuoteKind
    mention: str | None
    mention_span: tuple[int, int] | None
    speaker: str | None
    speaker_role: str | None
    verb: str | None
    verb_span: tuple[int, int] | None


# ---------------------------------------------------------------------------
# quotation marks


_OPEN_MARK = re.compile('[“"‘]|^”(?=\\s*[\\w…])')
_NON_SPACE = re.compile(r"\S")
_STRAIGHT_CLOSE = re.compile(r'[.,!?]"(?=\s|$)')


def _pairs(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` indexes of top-level quotation marks; ``close`` is ``len(text)``
    for a quote still open at the end of the paragraph."""
    out: list[tuple[int, int]] = []
    closes: list[int] | None = None  # closing ’ positions, found when first needed
    i, n = 0, len(text)
    while True:
        found = _OPEN_MARK.search(text, i)
        if found is None:
            break
        j = found.start()
        ch = text[j]
        if ch in "“”":  # ” opens only at the start of a paragraph (see _OPEN_MARK)
            close = text.find("”", j + 1)
            close = n if close == -1 else close
            straight = _STRAIGHT_CLOSE.search(text, j + 1, close)
            if straight is not None:  # mixed marks: “It is over," he said.
                close = straight.start() + 1
            out.append((j, close))
            i = close + 1
        elif ch == '"':
            close = text.find('"', j + 1)
            if close == -1:
                out.append((j, n))
                break
            out.append((j, close))
            i = close + 1
        else:  # ‘ opens a quote only at the start of a word
            single = None
            if j == 0 or not text[j - 1].isalnum():
                if closes is None:  # found once per paragraph: no rescans
                    closes = [found.start() for found in _SINGLE_CLOSE.finditer(text)]
                at = bisect.bisect_left(closes, j + 1)
                single = closes[at] if at < len(closes) else None
            if single is not None:
                out.append((j, single))
                i = single + 1
            else:
                i = j + 1
        if i >= n:
            break
    return out


#: A closing ’ (not the apostrophe of "don’t").
_SINGLE_CLOSE = re.compile(r"’(?![^\W_])")


def _mask(text: str, pairs: list[tuple[int, int]]) -> str:
    """``text`` with quoted words replaced by ``x`` (marks kept), for finding structure."""
    if not pairs:
        return text
    parts: list[str] = []
    pos = 0
    for open_, close in pairs:
        end = min(close, len(text))
        parts.append(text[pos : open_ + 1])
        inner = text[open_ + 1 : end]
        # a quote that ends its sentence keeps its full stop, so the sentence ends there
        final = inner[-1:] if end == close and inner[-1:] in ".!?" else ""
        parts.append(_NON_SPACE.sub("x", inner[: len(inner) - len(final)]) + final)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


_ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen rep gov gen lt col st jr sr prof rev sgt capt maj adm vs no
    jan feb mar apr aug sept sep oct nov dec u.s u.k d.c a.m p.m inc corp co ltd""".split()
)


_PRONOUN_NEXT = re.compile(r"(?:He|She|They|We|It|I)\s")


@functools.lru_cache(maxsize=16)
def _sentence_ends(masked: str) -> tuple[list[int], list[int]]:
    """Where the sentences of a (masked) paragraph end: the positions of their last
    punctuation and where the next sentence starts, found once per paragraph."""
    lasts: list[int] = []
    nexts: list[int] = []
    for match in _SENTENCE_END.finditer(masked):
        word = re.search(r"([\w.]+)$", masked[max(0, match.start() - 12) : match.start()])
        if (
            word
            and (word.group(1).lower().rstrip(".") in _ABBREVIATIONS or len(word.group(1)) == 1)
            and not _PRONOUN_NEXT.match(masked, match.end())
        ):
            continue  # "Mr. Barrett", "John F. Kennedy": no sentence ends here (but "U.S. He")
        lasts.append(match.start() + 1)
        nexts.append(match.end())
    return lasts, nexts


def _sentence_bounds(masked: str, pos: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence of ``masked`` that holds ``pos``."""
    lasts, nexts = _sentence_ends(masked)
    at = bisect.bisect_right(nexts, pos)
    start = nexts[at - 1] if at else 0
    return start, lasts[at] if at < len(lasts) else len(masked)


# ---------------------------------------------------------------------------
# speakers


class _Speaker(NamedTuple):
    mention: str
    span: tuple[int, int]
    name: str | None
    role: str | None


def _split_role(mention: str) -> tuple[str | None, str | None]:
    """``(name, role)``: ``Kremlin spokesman Dmitry Peskov`` gives the name and the role."""
    tokens = mention.split()
    if not tokens:
        return None, None
    last_title = -1
    for i, token in enumerate(tokens):
        if token.lower().strip(",") in _TITLE_WORDS:
            last_title = i
    name_tokens = tokens[last_title + 1 :]
    if name_tokens and all(_NAME_TOKEN.fullmatch(t) for t in name_tokens):
        role = " ".join(tokens[: last_title + 1]) or None
        return " ".join(name_tokens), role
    return None, mention if last_title >= 0 else None


def _clean_mention(text: str, offset: int) -> tuple[str, int] | None:
    """Trim a candidate speaker phrase; ``None`` when it cannot be one."""
    lead = re.match(
        r"^[\s,;:–—-]*(?:(?:[Aa]nd|[Bb]ut|[Aa]s|[Ss]o|while|when|because|[Tt]hen|[Aa]lso|[Tt]hough|"
        r"[Yy]et|[Ee]ven|[Ss]till)\s+)*",
        text,
    )
    cut = lead.end() if lead else 0
    text2 = text[cut:]
    stripped = text2.rstrip(" ,;:\t\n\xa0")
    if not stripped:
        return None
    words = stripped.split()
    if len(words) > 12 or any(c in stripped for c in '“”"‘'):
        return None
    return stripped, offset + cut


#: The longest word of a name the speaker patterns try (no name is longer; a longer run of
#: letters is not rescanned from each of its capitals).
_NAME_WORD_MAX = 40
_APPOSITIVE = re.compile(
    rf"((?:[A-Z][\w’'.-]{{0,{_NAME_WORD_MAX}}}\.? ){{0,4}}[A-Z][\w’'.-]{{0,{_NAME_WORD_MAX}}}),"
    r"\s+(?:a|an|the|who|which|[a-z]+\s)[^“”\"]{2,90}?,\s*$"
)


def _speaker_before_verb(masked: str, text: str, verb_start: int, floor: int) -> _Speaker | None:
    """The noun phrase right before a speech verb, back to a clause boundary.

    ``Jane Doe, a historian who attended, recalled`` gives Jane Doe (the
    appositive becomes the role).
    """
    appositive = _APPOSITIVE.search(masked, floor, verb_start)
    if appositive is not None and not masked[appositive.end() : verb_start].strip():
        start = appositive.start(1)
        mention = text[start : appositive.end(1)]
        if _plausible_speaker(mention):
            role = text[appositive.end(1) : verb_start].strip(" ,") or None
            name, title = _split_role(mention)
            return _Speaker(mention, (start, start + len(mention)), name or mention, title or role)
    chunk_start = floor
    for match in re.finditer(r"[,;:(—–]|\bthat\b|\bwho\b|\bwhich\b", masked[floor:verb_start]):
        chunk_start = floor + match.end()
    raw = text[chunk_start:verb_start]
    raw = re.sub(
        r"\s+(?:also|then|later|previously|once|had|has|have|would|will|did|does|later|again|recently|earlier|repeatedly|simply|only|just|reportedly|publicly|privately)\s*$",
        " ",
        raw,
    )
    raw = re.sub(r"\s+(?:also|then|had|has|have|would|will|did|does)\s*$", " ", raw)
    cleaned = _clean_mention(raw, chunk_start)
    if cleaned is None:
        return None
    mention, start = cleaned
    if not _plausible_speaker(mention):
        # "In a Courier interview Okafor declared": the name right before the verb
        tail = _TRAILING_NAME.search(mention)
        if tail is None or tail.start() == 0 or not _plausible_speaker(tail.group()):
            return None
        start += tail.start()
        mention = tail.group()
    name, role = _split_role(mention)
    return _Speaker(mention, (start, start + len(mention)), name, role)


_TRAILING_NAME = re.compile(
    r"(?<![\w’'-])(?:(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*|he|she|it|they|we|I)$"
)


_AFTER_VERB_PHRASE = re.compile(
    r"\s*([^,.;:!?“”\"]{1,80}?)(?=\s+(?:who|that|whose)\b|[,.;:!?“”\"]|$)"
)
_AFTER_APPOSITIVE = re.compile(r",\s*((?:an?|the)\s[^,.;“”\"]{2,60})")
_CREDIT_DASH = re.compile(r"[ \t\xa0]*([―—])[ \t\xa0]*([A-Z][^\n“”\"]{1,60}?)[\s.]*$")


def _speaker_after_verb(text: str, masked: str, start: int) -> _Speaker | None:
    """The speaker after an inverted verb (``said Jane Doe, a spokeswoman``)."""
    # the phrase is read near the verb only: a long run of spaces after it is not
    # rescanned from each of the phrase's 80 possible ends
    match = _AFTER_VERB_PHRASE.match(masked, start, start + _WINDOW)
    if not match:
        return None
    s, e = match.start(1), match.end(1)
    mention = text[s:e].strip()
    if not mention:
        return None
    s = text.find(mention, s)
    if not (_plausible_speaker(mention) or _described_person(mention)):
        return None
    name, role = _split_role(mention)
    # an appositive role after the name: "said Jane Doe, a spokeswoman for X"
    appositive = _AFTER_APPOSITIVE.match(masked, e)
    if appositive and name is None and _NAME_TOKEN.match(mention):
        name = mention
    if appositive and role is None:
        role = text[appositive.start(1) : appositive.end(1)].strip()
    return _Speaker(mention, (s, s + len(mention)), name, role)


#: Words that start a clause or a phrase but never a speaker's name ("When asked, …").
_NOT_SPEAKER_START = frozenset(
    """when during at but in on with early immediately according alongside even though after
    before if as while since because although however meanwhile then also still yet instead
    so and or for from to by of about over under into through across against among between
    without within where whether unlike like despite asked speaking later earlier once
    here there what why how following given wait oh yes well look now okay ok indeed partial
    that’s that's it’s it's monday tuesday wednesday thursday friday saturday sunday""".split()
)
#: Words inside a phrase that make it a clause, not a speaker ("Jeers rang out when Okafor").
_CLAUSE_WORDS = frozenset("when while after before because if whether although".split())
_NUMBER_WORD = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred)(?:-\w+)?",
    re.I,
)
#: Words that are never a speaker on their own ("Its", "Another").
_NOT_SPEAKER_ALONE = frozenset("its my our your their his her another each every no".split())
_NOT_SPEAKER_END = frozenset("for of the a an to in on at and with by from as that than or".split())


def _described_person(mention: str) -> bool:
    """``former Lindqvist aide Petra Novak``, ``one former executive``: a speaker
    phrase that starts in lower case (after an inverted verb)."""
    words = mention.split()
    if not words or len(words) > 8 or words[0].lower() in _NOT_SPEAKER_START:
        return False
    if _NOT_A_NAME.search(mention):
        return False
    if words[-1].lower() in _NOT_SPEAKER_END or words[0].lower() in ("him", "her", "them", "it"):
        return False
    if words[0].endswith("ing"):  # "saying calling the Islamic State": not a person
        return False
    return any(w[:1].isupper() or w.lower().strip(",.") in _TITLE_WORDS for w in words)


def _plausible_speaker(mention: str) -> bool:
    words = mention.split()
    if not words:
        return False  # "According to  , …": only spaces where the name would be
    low = mention.lower()
    if low in _PRONOUNS:
        return True
    if words[0].lower() in _NOT_SPEAKER_START or words[-1].lower() in _NOT_SPEAKER_END:
        return False
    if len(words) == 1 and (low in _NOT_SPEAKER_ALONE or _NUMBER_WORD.fullmatch(low)):
        return False
    if any(w in _CLAUSE_WORDS for w in words[1:]):
        return False
    if len(words) > 1 and words[-1].endswith("ed") and words[-1].islower():
        return False  # "Lindqvist restricted": a subject and its verb
    if words[0][:1].isdigit():  # "16-year-old Ines Varga"
        return len(words) > 1 and not _NOT_A_NAME.search(low)
    if low.startswith(("it is", "it was", "this", "that ", "there")):
        return False
    if len(words) > 10:
        return False
    if words[0][:1].isupper() or words[0].lower() in (
        "the",
        "a",
        "an",
        "one",
        "two",
        "some",
        "many",
        "several",
        "his",
        "her",
        "their",
        "its",
        "my",
        "our",
        "your",
        "officials",
        "police",
        "critics",
        "experts",
        "supporters",
        "sources",
    ):
        return not _NOT_A_NAME.search(low)
    return False


_NOT_A_NAME = re.compile(r"\b(?:is|was|are|were|be|been|will|would|has|have|had|not)\b")


# ---------------------------------------------------------------------------
# attribution


_APPOSITIVE_AFTER = re.compile(
    r"\s*((?:[\w’'.-]+\s+){0,5}[A-Z][\w’'.-]*),((?:\s*[^,]{1,100}?,){1,2})\s*$"
)
# every whitespace run belongs to one place only (no "\s*\s*"): a long run of spaces after
# a verb is not split every possible way before the match fails
_CLEAN_TAIL = re.compile(
    r"\s*(?:(?:to\s+)?(?:reporters|journalists|the \w+|an? \w+|"
    r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*|him|her|them|us|me)\s*)?"
    r"(?:(?:on|in|at|during|after|before|last|this)\s[^:,]{1,40}\s*)?(?:[:,]\s*)?(?:that\s*)?"
)
_AFTER = re.compile(r"^[\s,.!?—–-]*(?:\)\s*)?")


def _attribution_after(
    text: str, masked: str, pos: int, sent_end: int
) -> tuple[_Speaker | None, tuple[int, int] | None]:
    """Attribution in the words after a quote: ``, Peskov said`` / ``, said Peskov``."""
    dash = _CREDIT_DASH.match(masked, pos)
    if dash:  # a credit line: “…” ― Jane Doe
        s = dash.start(2)
        mention = text[s : dash.end(2)].strip()
        name, role = _split_role(mention)
        credited = _Speaker(mention, (s, s + len(mention)), name or mention, role)
        return credited, (dash.start(1), dash.end(1))
    lead = _AFTER.match(masked[pos:sent_end])
    start = pos + (lead.end() if lead else 0)
    segment = masked[start:sent_end]
    # inverted: said SPEAKER
    first = _verbs(segment[:30])
    inv = first[0] if first and first[0].begin == 0 else None
    if inv:
        verb_span = (start + inv.start("verb"), start + inv.end("verb"))
        speaker = _speaker_after_verb(text, masked, verb_span[1])
        if speaker is not None:
            return speaker, verb_span
        return None, verb_span
    # SPEAKER [adverb] VERB within the next few words
    for verb in _verbs(segment[:120]):
        if verb.group("verb") in _PARTICIPLES:
            verb_span = (start + verb.start("verb"), start + verb.end("verb"))
            sent_start = _sentence_bounds(masked, pos)[0]
            return _subject(text, masked, sent_start, verb_span[0]), verb_span
        before = segment[: verb.start()]
        verb_span = (start + verb.start("verb"), start + verb.end("verb"))
        # "Rantanen, the interior minister, said" / "Mara Lindqvist, D-Ore., said"
        appos = _APPOSITIVE_AFTER.match(text, start, verb_span[0])
        if appos and _plausible_speaker(appos.group(1)):
            s = appos.start(1)
            mention = appos.group(1)
            name, title = _split_role(mention)
            role = title or appos.group(2).strip(" ,") or None
            return _Speaker(mention, (s, s + len(mention)), name or mention, role), verb_span
        if any(c in before for c in '“"'):
            break
        words = before.split()
        if len(words) > 12:
            break
        if before.rstrip().endswith(",") and len(words) <= 8:
            # "“…” for Reyes, said Brandt."
            inverted = _speaker_after_verb(text, masked, verb_span[1])
            if inverted is not None:
                return inverted, verb_span
        speaker = _speaker_before_verb(masked, text, verb_span[0], start)
        return speaker, verb_span
    return None, None


def _attribution_before(
    text: str, masked: str, sent_start: int, pos: int
) -> tuple[_Speaker | None, tuple[int, int] | None, bool]:
    """Attribution before a quote: ``Peskov told reporters: “…”``.

    Returns the speaker, the verb span, and whether the attribution is all
    that comes before the quote (so the quote itself is direct).
    """
    segment = masked[sent_start:pos]
    verbs = _verbs(segment)
    partial_verb = None
    for candidate in _PARTIAL_FIND.finditer(segment):
        partial_verb = candidate
    if not verbs and partial_verb is None:
        return None, None, False
    # the verb that leads straight into the quote, else the sentence's first one; the
    # next candidates are tried when a verb has no plausible speaker
    leading = [v for v in verbs if _CLEAN_TAIL.fullmatch(segment[v.end() :])]
    order: list[_VerbMatch | re.Match[str]] = [*reversed(leading)]
    order += [v for v in verbs if v not in leading]
    if partial_verb is not None:
        order.append(partial_verb)
    first: tuple[_Speaker | None, tuple[int, int] | None, bool] | None = None
    for verb in order:
        found = _speaker_for(text, masked, segment, sent_start, pos, verb)
        if found[0] is not None:
            if first is not None and leading:
                # "The president noted …, and added: “…”": added is the verb, his the voice
                return found[0], first[1], False
            return found
        first = first or found
    assert first is not None
    return first


def _speaker_for(
    text: str,
    masked: str,
    segment: str,
    sent_start: int,
    pos: int,
    verb: _VerbMatch | re.Match[str],
) -> tuple[_Speaker | None, tuple[int, int] | None, bool]:
    """The speaker of one speech verb before a quote (see :func:`_attribution_before`)."""
    verb_span = (sent_start + verb.start("verb"), sent_start + verb.end("verb"))
    tail = segment[verb.end() :]
    clean_lead = bool(_CLEAN_TAIL.fullmatch(tail))
    if verb.group("verb").lower() == "according to":
        match = re.match(r"\s*([^,]{1,80}),\s*$", text[verb_span[1] : pos])
        if match:
            s = verb_span[1] + match.start(1)
            mention = match.group(1).strip()
            name, role = _split_role(mention)
            return _Speaker(mention, (s, s + len(mention)), name, role), verb_span, True
    if verb.group("verb").lower() in _PARTICIPLES:
        subject = _subject(text, masked, sent_start, verb_span[0])
        if subject is not None:
            return subject, verb_span, False
    if not masked[sent_start : verb_span[0]].strip():
        # "Said Novak: “…”": the verb opens the sentence, the speaker follows it
        after = _speaker_after_verb(text, masked, verb_span[1])
        if after is not None:
            return after, verb_span, True
    speaker = _speaker_before_verb(masked, text, verb_span[0], sent_start)
    if speaker is None and not _CLAUSE_BREAK.search(masked, sent_start, verb_span[0]):
        # "The nominee outlined his plan and vowed …": the subject speaks
        speaker = _subject(text, masked, sent_start, verb_span[0])
        return speaker, verb_span, False
    return speaker, verb_span, clean_lead and speaker is not None


_CLAUSE_BREAK = re.compile(r"\b(?:that|who|which|whom|whose|because)\b")
_LEAD_COMMA = re.compile(r"[^,“”\"]{1,80},\s*")


def _subject(text: str, masked: str, sent_start: int, limit: int) -> _Speaker | None:
    """The subject of the sentence (``Albright`` in ``Albright urged …, saying``)."""
    lead = _LEAD_CLAUSE.match(masked, sent_start, limit)
    start = lead.end() if lead else sent_start
    match = _SUBJECT.match(text, start, limit)
    mention = match.group().rstrip(" ,") if match else ""
    if not mention or not _plausible_speaker(mention):
        # an opening phrase the table does not know: "Right after the vote, Okafor …"
        comma = _LEAD_COMMA.match(masked, start, limit)
        match = _SUBJECT.match(text, comma.end(), limit) if comma else None
        mention = match.group().rstrip(" ,") if match else ""
        if not mention or not _plausible_speaker(mention):
            return None
    assert match is not None
    begin = match.start()
    # "In Port Halden, Oregon, Okafor went …": a place before the subject
    place = _PLACE_THEN_NAME.match(text, begin + len(mention), limit)
    if place is not None and _plausible_speaker(place.group(1)):
        mention, begin = place.group(1), place.start(1)
    name, role = _split_role(mention)
    return _Speaker(mention, (begin, begin + len(mention)), name, role)


_PLACE_THEN_NAME = re.compile(
    r",\s+(?!(?:an?|the|who|which)\b)((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s+[a-z]"
)


# ---------------------------------------------------------------------------
# resolution


class _Resolver:
    """Full names seen so far, for surnames and pronouns."""

    def __init__(self) -> None:
        self.by_token: dict[str, str] = {}  # first or last name -> the latest full name
        self.pending: list[str] = []
        self.last_person: str | None = None
        self.last_speaker: str | None = None

    def observe(self, text: str) -> None:
        """Remember ``text`` for names; it is scanned only when a surname needs it."""
        if text:
            self.pending.append(text)

    def _scan(self) -> None:
        for text in self.pending:
            self._scan_text(text)
        self.pending.clear()

    def _scan_text(self, text: str) -> None:
        for match in _FULL_NAME.finditer(text):
            name, role = _split_role(match.group(1))
            tokens = (name or match.group(1)).split()
            while tokens and (
                tokens[0].lower().strip(".") in _TITLE_WORDS
                or tokens[0].lower() in _NOT_SPEAKER_START
                or tokens[0] in _SENTENCE_INITIAL
            ):
                tokens.pop(0)  # "Minister", "But", "Said" before a name
            if len(tokens) >= 2:
                self._remember(" ".join(tokens))
                # a name with a title before it is a person: "he" may point at them
                titled = (
                    role is not None
                    or _TITLED.search(text[max(0, match.start() - 40) : match.start()]) is not None
                )
                if titled:
                    self.last_person = " ".join(tokens)

    def _remember(self, full: str) -> None:
        tokens = full.split()
        self.by_token[tokens[0]] = full
        self.by_token[tokens[-1]] = full

    def resolve(self, speaker: _Speaker) -> str | None:
        low = speaker.mention.lower()
        if low in ("he", "she"):
            self._scan()
            return self.last_person
        if low in _PRONOUNS:
            return (
                self.last_speaker
                if low in ("they", "we") and self.last_speaker and " " not in self.last_speaker
                else None
            )
        name = speaker.name
        if name and len(name.split()) == 1:
            self._scan()
            return self.by_token.get(name, name)
        if name:
            return name
        return speaker.mention

    def spoke(self, resolved: str | None, speaker: _Speaker) -> None:
        if resolved is None:
            return
        if len(resolved.split()) >= 2 and speaker.name:
            self._scan()
            self._remember(resolved)
        self.last_speaker = resolved
        if speaker.name or speaker.mention.lower() in ("he", "she"):
            self.last_person = resolved


# ---------------------------------------------------------------------------
# finding


_BREAK_AFTER = frozenset('.!?:"”’)')
_BREAK_BEFORE = re.compile(r"\s*[A-Z“\"‘(_]")


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Paragraphs with their offsets: split at blank lines, and at line ends after a sentence."""
    pos = 0
    search = 0
    marks = _MarkCount(text)
    while True:
        newline = text.find("\n", search)
        if newline == -1:
            break
        end = newline
        while end > pos and text[end - 1] in " \t":
            end -= 1
        after = newline + 1
        while after < len(text) and text[after] in " \t\r":
            after += 1
        blank = after < len(text) and text[after] == "\n"
        sentence = end > pos and text[end - 1] in _BREAK_AFTER and _BREAK_BEFORE.match(text, after)
        # a line that starts a new quotation after a closed one ("… ― Jane Doe\n“…")
        quoted = (
            not blank
            and not sentence
            and text[after : after + 1] in ("“", "”")
            and marks.balanced(pos, end)
        )
        if blank or sentence or quoted:
            if end > pos:
                yield pos, text[pos:end]
            while after < len(text) and text[after] in " \t\r\n":
                after += 1
            pos = after
        search = max(after, newline + 1)
    if pos < len(text):
        yield pos, text[pos:]


class _MarkCount:
    """Whether the typographic quotation marks of ``text[pos:end]`` are balanced, for a
    growing ``end``: each line is counted once, not the whole paragraph again per line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = self.done = self.opens = self.closes = 0

    def balanced(self, pos: int, end: int) -> bool:
        if pos != self.pos or end < self.done:  # a new paragraph: count from its start
            self.pos = self.done = pos
            self.opens = self.closes = 0
        self.opens += self.text.count("“", self.done, end)
        self.closes += self.text.count("”", self.done, end)
        self.done = end
        return self.opens + 2 * (self.text[pos] == "”") == self.closes


_LONG_PARTIAL = 5
_WINDOW = 600  # characters around a quote that can hold its attribution
_MAX_PAIRS = 200  # quotations looked at in one paragraph
#: Quotations found in one text at most: a news story holds tens, a long
#: transcript hundreds; past this the text is no article, and stopping keeps
#: extraction under a second however the text is made (each quotation costs
#: 0.1-0.2 ms of attribution work).
MAX_QUOTES = 2000
_ENDS_PARAGRAPH = re.compile(r"[\s.,!?”\"]*")
#: "… as a “steady hand”" after a verb and its object (not "known as", "such as").
_CHARACTERISED = re.compile(
    r"\b(?!(?:known|such|so|same|to|referred|identified|listed|titled|well|just)\b)[A-Za-z’']+\s+as\s+"
    r"(?:an?\s+|the\s+)?$"
)
_INTRODUCED = re.compile(r"\S[:,]\s*$")
_SENTENCE_START = re.compile(r"\s*(?:\[\w|[A-Z0-9…]|\.\.\.)")


def _introduced(before: str, inner: str, words: int) -> bool:
    """Whether a colon or comma introduces the quoted words as a sentence of their own."""
    lead = _INTRODUCED.search(before)
    if lead is None or not _SENTENCE_START.match(inner):
        return False
    if before[lead.start() + 1] == ":":
        return words >= 2
    return (
        words >= 4
        and inner.rstrip(" ,")[-1:] in ".!?…"
        and not _TITLE_CASE.fullmatch(inner.strip(" .,!?"))
    )


_NAMING = re.compile(
    r"(?<!\ba )(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\btheir )"
    r"\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|label(?:s|ed|led|ing|ling)?|dubbed|termed|"
    r"brand(?:s|ed|ing)|refer(?:s|red|ring) to|hail(?:s|ed|ing))\b"
)


_NAMED = re.compile(
    r"\b(?:called|named|titled|entitled|dubbed|nicknamed)\s+(?:(?:the|a|an)\s+)?$", re.IGNORECASE
)


#: "told Harbour FM’s “Early Tide”", "on “Harbour Watch,”": a programme or work, named.
_TITLE_BEFORE = re.compile(r"(?:\w['’]s|\b(?:[Oo]n|of|in|his|her|their|its))\s*$")


def _names_object(before: str) -> bool:
    """``Okafor called the harbour master “Admiral Late”``: someone's name for something.

    A naming verb with its object between it and the quote; ``a film called
    “The Road”`` (nothing between) is a title, not anybody's words.
    """
    found = max(_NAMING.finditer(before), key=lambda match: match.start(), default=None)
    if found is None:
        return False
    rest = before[found.end() :].split()
    if rest[:1] == ["as"]:
        return True  # "is describing as “unhinged” a tweet"
    return any(w.lower() not in ("the", "a", "an", "as") for w in rest)


def _is_term(masked_before: str, inner: str) -> bool:
    return (
        bool(_TERM_CUES.search(masked_before.rstrip()))
        and len(inner.split()) <= 8
        and not _names_object(masked_before)
        and not _CHARACTERISED.search(masked_before)
    )


def _absolute(speaker: _Speaker | None, offset: int) -> _Speaker | None:
    if speaker is None:
        return None
    return speaker._replace(span=(speaker.span[0] + offset, speaker.span[1] + offset))


class _Candidate(NamedTuple):
    start: int
    end: int
    speaker: _Speaker | None
    verb_span: tuple[int, int] | None
    kind: m.QuoteKind


_ATTITUDE = frozenset(
    """accused accuses accusing criticized criticised criticizes criticizing heralded praised
    praises praising thanked thanks blasted blasts slammed slams mocked mocks derided
    dismissed dismisses rejected rejects defended defends described describes labeled
    labelled branded dubbed promised promises vowed vows pledged pledges urged urges
    demanded demands warned warns insisted insists argued argues claimed claims tweeted
    tweets wrote writes called calls referred refers quoted quotes cited cites echoed
    echoes repeated repeats recalled recalls suggested suggests acknowledged admits
    admitted conceded complained complains lamented denied denies cited cites citing attacked
    attacking criticized criticizes condemned condemns denounced questioned likened lauded
    characterized characterizes characterizing portrayed portrays hailed proclaimed commanded
    credited exhorted""".split()
)


def _sentence_cue(masked: str, start: int, end: int) -> tuple[int, int] | None:
    """A speech or attitude verb outside the quotes of a sentence, as a span."""
    for token in _TOKEN.finditer(masked, start, end):
        word = token.group()
        if word in _VERB_SET or word in _ATTITUDE:
            return token.start(), token.end()
    return None


def _candidates(para: str, pairs: list[tuple[int, int]], masked: str) -> list[_Candidate]:
    """The quotes of one paragraph, with the attribution found around each."""
    found: list[_Candidate] = []
    attributed = False
    for open_, close in pairs:
        inner_start, inner_end = open_ + 1, min(close, len(para))
        inner = para[inner_start:inner_end]
        if not inner.strip():
            continue
        s_start, _ = _sentence_bounds(masked, open_)
        _, s_end = _sentence_bounds(masked, max(inner_end, open_ + 1))
        # a "sentence" without an end in sight is looked at near the quote only
        s_start, s_end = max(s_start, open_ - _WINDOW), min(s_end, inner_end + _WINDOW)
        if s_end <= close < len(para):
            # “Would the fare go up?” Brandt pressed. — attribution after a quote ending ?/!/.
            next_start, next_end = _sentence_bounds(masked, close + 2)
            mark = _OPEN_MARK.search(masked, close + 1, next_end)
            if mark and masked[close + 1 : mark.start()].rstrip()[-1:] in (".", "!", "?"):
                next_end = mark.start()  # “…?” he asked, shaking his head no. “…”
            tail = masked[close + 1 : next_end]
            if next_start <= close + 2 and len(tail.split()) <= 8 and _verbs(tail):
                s_end = next_end
        before_text = masked[s_start:open_]
        speaker, verb_span, clean = _attribution_before(para, masked, s_start, open_)
        if close < len(para):
            after_speaker, after_verb = _attribution_after(para, masked, close + 1, s_end)
            if after_verb is not None and (
                speaker is None or (not clean and after_speaker is not None)
            ):
                speaker, verb_span = after_speaker, after_verb
                clean = bool(re.fullmatch(r"\s*[,:—–-]?\s*", before_text))
        words = len(inner.split())
        alone = not before_text.strip(" —–-:")
        if (
            (not clean or _NAMED.search(before_text) or _TITLE_BEFORE.search(before_text))
            and _TITLE_CASE.fullmatch(inner.strip())
            and not _names_object(before_text)
        ):
            continue  # a title in quotation marks ("the film (called) “The Long Road Home”")
        if verb_span is None and alone and attributed:
            pass  # the next sentence of a quote whose speaker was already named
        elif (
            verb_span is None
            and not _is_term(before_text, inner)
            and (cue := _sentence_cue(masked, s_start, s_end))
        ):
            # words quoted in a sentence that reports what someone said or did
            verb_span = cue
            speaker = _subject(para, masked, s_start, cue[0])
            clean = False
        elif verb_span is None:
            if _is_term(before_text, inner):
                continue
            speechy = words >= 6 and (_FIRST_PERSON.search(inner) or inner.rstrip()[-1:] in ".!?,…")
            if _introduced(before_text, inner, words):
                # "Reyes: “Our aim is …”", "the sign read, “Save the ferry.”"
                head = before_text.rstrip(" :,")
                speaker = _subject(para, masked, s_start, s_start + len(head))
                clean = True
            elif words >= _LONG_PARTIAL and not _TITLE_CASE.fullmatch(inner.strip(" .,!?")):
                # a whole clause in quotation marks is somebody's words, not a scare quote;
                # with no speech verb, the sentence does not say whose
                pass
            elif _names_object(before_text) or _CHARACTERISED.search(before_text):
                # "what they call Okafor’s “self-serving plan”", "admires Brandt as a
                # “steady hand”": words somebody used about someone
                speaker = _subject(para, masked, s_start, open_)
            elif alone and words >= 2 and _ENDS_PARAGRAPH.fullmatch(para, close + 1):
                pass  # a paragraph that is one quotation: “Raising it? Not an option.”
            elif not ((speechy and alone) or (close == len(para) and words >= 6 and alone)):
                continue
        elif _is_term(before_text, inner) and words <= 3:
            continue
        if speaker is None and verb_span is None and alone and not attributed and s_start > 1:
            # "…, Marsh said. “The other question is …”": the sentence before names the voice
            speaker, verb_span = _closing_attribution(para, masked, s_start)
        kind = m.QuoteKind.DIRECT
        verb_word = para[verb_span[0] : verb_span[1]] if verb_span else ""
        if _PARTIAL_FULL.fullmatch(verb_word):
            kind = m.QuoteKind.PARTIAL  # "Lindqvist called the plan “reckless.”"
        elif (before_text.strip() and not clean) or (
            words <= 3 and not inner.rstrip().endswith((".", "!", "?"))
        ):
            kind = m.QuoteKind.PARTIAL
        found.append(_Candidate(inner_start, inner_end, speaker, verb_span, kind))
        attributed = attributed or speaker is not None
    return found


def _closing_attribution(
    para: str, masked: str, end: int
) -> tuple[_Speaker | None, tuple[int, int] | None]:
    """The speaker of a sentence ending at ``end`` in ``… Marsh said.`` (the verb among
    its last words), for a quotation that follows it unattributed."""
    start = max(_sentence_bounds(masked, end - 2)[0], end - _WINDOW)
    stripped = end
    while stripped > start and masked[stripped - 1].isspace():
        stripped -= 1
    tail_from = max(start, stripped - 40)
    if not _verbs(masked[tail_from:end]):
        return None, None
    speaker, verb_span, _clean = _attribution_before(para, masked, start, end)
    if speaker is None or verb_span is None or verb_span[0] < tail_from:
        return None, None
    return speaker, verb_span


def _lead_in(para: str, masked: str, quoted: bool) -> _Speaker | None:
    """The speaker a paragraph hands on to an unattributed quote opening the next one:
    ``He said:``, or the last sentence of a paragraph without quotes that reports
    speech (``Reyes said that 4,000 would be hired.``)."""
    end = len(masked.rstrip())
    if end == 0 or (quoted and masked[end - 1] != ":"):
        return None
    s_start = max(_sentence_bounds(masked, end - 1)[0], end - _WINDOW)
    speaker, verb_span, _clean = _attribution_before(para, masked, s_start, end)
    if verb_span is None and masked[end - 1] == ":":
        # "On May 2, Okafor made the following remark:" (not "Wait, it gets better:")
        subject = _subject(para, masked, s_start, end - 1)
        if subject is not None and subject.mention.lower() in _PRONOUNS:
            return None
        return subject
    return speaker


# up to six words, each ended by a space but the last: with the space optional between
# them, a run of capitals and hyphens could be cut into words every way (hangs at 1,000)
_CREDIT_PARAGRAPH = re.compile(
    r"[-—―–]\s*((?:[A-Z][\w.’'-]*\s){0,5}[A-Z][\w.’'-]*\s?)(?=[,.]|\s*$)"
)


def _handed_on(source: tuple[str, str, bool, int] | None) -> tuple[_Speaker, str | None] | None:
    """The speaker (and verb) that the previous paragraph hands on, if any."""
    if source is None:
        return None
    para, masked, quoted, offset = source
    found = _lead_in(para, masked, quoted)
    if found is None:
        return None
    moved = found._replace(span=(found.span[0] + offset, found.span[1] + offset))
    return moved, _verb_of(para, masked)


def find(text: str, *, indirect: bool = False) -> list[QuoteMatch]:
    """Every quotation in ``text`` with its speaker, as spans into ``text``.

    ``indirect=True`` adds reported speech without quotation marks (``Peskov
    said NATO was involved.``) as ``kind=indirect``, from sentences that hold
    no quotation marks, so it is never mixed with a direct quote.
    """
    resolver = _Resolver()
    out: list[QuoteMatch] = []
    reported: list[QuoteMatch] = []
    carry: QuoteMatch | None = None  # a quote left open at the end of the last paragraph
    # the last paragraph, for a speaker it hands on ("X said:"); worked out only when needed
    lead_source: tuple[str, str, bool, int] | None = None
    last_speaker: tuple[_Speaker, str | None, str | None] | None = None
    open_ends: list[int] = []  # quotes that run on into the next paragraph
    last_offset = -1
    for offset, para in _paragraphs(text):
        if len(out) >= MAX_QUOTES:
            warnings.warn(
                f"quote finding stopped after {MAX_QUOTES} quotations (at character {offset})",
                NewsmodelWarning,
                stacklevel=2,
            )
            break
        credit = _CREDIT_PARAGRAPH.match(para)
        if credit and out and out[-1].speaker is None and out[-1].start >= last_offset >= 0:
            # “…” then a paragraph "-Michelle Marks, Philadelphia."
            mention = credit.group(1).rstrip()
            name, role = _split_role(mention)
            at = offset + credit.start(1)
            out[-1] = out[-1]._replace(
                mention=mention,
                mention_span=(at, at + len(mention)),
                speaker=name or mention,
                speaker_role=role,
            )
        last_offset = offset
        pairs = _pairs(para)[:_MAX_PAIRS]  # no prose paragraph holds more
        masked = _mask(para, pairs)
        seen = 0
        previous: tuple[_Speaker, str | None, str | None] | None = None
        for index, cand in enumerate(_candidates(para, pairs, masked)):
            resolver.observe(masked[seen : cand.start])
            seen = cand.end
            raw = para[cand.start : cand.end]
            body = raw.strip()
            lead_ws = len(raw) - len(raw.lstrip())
            speaker = _absolute(cand.speaker, offset)
            verb = para[cand.verb_span[0] : cand.verb_span[1]] if cand.verb_span else None
            resolved = resolver.resolve(speaker) if speaker else None
            at_start = index == 0 and not masked[: cand.start - 1].strip(" —–-")
            if speaker is None:
                if previous is not None:
                    # “…,” he said, adding: “…” — his voice, its own verb
                    speaker, resolved, earlier_verb = previous
                    verb = verb or earlier_verb
                elif index == 0 and at_start and carry is not None and carry.mention:
                    speaker = _Speaker(
                        carry.mention, carry.mention_span or (0, 0), None, carry.speaker_role
                    )
                    resolved, verb = carry.speaker, carry.verb
                elif index == 0 and at_start and (lead := _handed_on(lead_source)) is not None:
                    speaker, verb = lead
                    resolved = resolver.resolve(speaker)
                elif index == 0 and at_start and last_speaker is not None:
                    speaker, resolved, verb = last_speaker
            if speaker is not None and resolved is not None:
                resolver.spoke(resolved, speaker)
            out.append(
                QuoteMatch(
                    start=offset + cand.start + lead_ws,
                    end=offset + cand.start + lead_ws + len(body),
                    text=body,
                    kind=cand.kind,
                    mention=speaker.mention if speaker and speaker.mention else None,
                    mention_span=speaker.span if speaker and speaker.span != (0, 0) else None,
                    speaker=resolved,
                    speaker_role=speaker.role if speaker else None,
                    verb=verb,
                    verb_span=(offset + cand.verb_span[0], offset + cand.verb_span[1])
                    if cand.verb_span
                    else None,
                )
            )
            if speaker is not None:
                previous = (speaker, resolved, verb)
        resolver.observe(masked[seen:])
        if indirect:
            reported.extend(_reported_speech(para, masked, pairs, offset, resolver))
        last_speaker = (
            previous if previous is not None else (last_speaker if not para.strip() else None)
        )
        opened = pairs[-1] if pairs else None
        carry = (
            out[-1] if out and opened and opened[1] >= len(para) and out[-1].end > offset else None
        )
        if carry is not None:
            open_ends.append(len(out) - 1)
        lead_source = (para, masked, bool(pairs), offset)
    for i in reversed(open_ends):
        if i + 1 < len(out) and out[i].speaker is None and out[i + 1].speaker is not None:
            nxt = out[i + 1]
            out[i] = out[i]._replace(
                mention=nxt.mention,
                mention_span=nxt.mention_span,
                speaker=nxt.speaker,
                speaker_role=nxt.speaker_role,
                verb=nxt.verb,
            )
    if reported:
        out = sorted([*out, *reported], key=lambda match: match.start)
    return out


#: Verbs of reported speech ("Peskov said NATO was …").
_REPORTING = frozenset(
    """said says told tells added adds argued argues claimed claims warned warns stated states
    explained explains noted notes insisted insists acknowledged acknowledges admitted admits
    announced announces predicted predicts suggested suggests wrote writes reported reports
    testified contended contends maintained maintains asserted asserts alleged alleges
    conceded concedes confirmed confirms emphasized emphasised stressed stresses cautioned
    cautions believes believed argue say claim warn insist note""".split()
)
#: What may stand between a reporting verb and the reported clause: whom it was told
#: to (after "told", "warned"), when or where, and "that".
_TOLD = frozenset("told tells warned warns reminded assured informed".split())
_TOLD_WHOM = re.compile(
    r"\s+(?:(?:reporters|journalists|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*|him|her|them|us|me|"
    r"the\s+\w+|an?\s+\w+)(?=\s))"
)
_REPORT_GAP = re.compile(
    r"(?:\s+(?:on|in|at|during|after|before|last|this|late|early)\s+[^,]{1,40}?(?=\s+that\b|,))?"
    r",?\s*(?:that\s+)?"
)
_CLAUSE_START = re.compile(r"[A-Za-z]")
_INVERTED_END = re.compile(
    r",\s*((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*|he|she|they|it)\s+(?:also\s+)?"
    r"(said|says|added|argued|claimed|wrote|noted|warned|insisted|told\s+\w+)\s*[.!]?$"
)


def _reported_speech(
    para: str, masked: str, pairs: list[tuple[int, int]], offset: int, resolver: _Resolver
) -> Iterator[QuoteMatch]:
    """Reported speech in the sentences of one paragraph that hold no quotation marks."""
    lasts, nexts = _sentence_ends(masked)
    starts = [0, *nexts]
    ends = [*lasts, len(masked)]
    quoted = [(open_, close) for open_, close in pairs]
    for s_start, s_end in zip(starts, ends):
        if s_end - s_start > _WINDOW or any(o < s_end and c >= s_start for o, c in quoted):
            continue
        sentence = para[s_start:s_end]
        if not sentence.strip() or any(mark in sentence for mark in '“”"'):
            continue
        found = _report_in(para, masked, s_start, s_end)
        if found is None:
            continue
        speaker, verb_span, content = found
        body = para[content[0] : content[1]].strip(" ,.;:")
        if len(body.split()) < 3:
            continue
        start = content[0] + para[content[0] : content[1]].find(body)
        resolved = resolver.resolve(speaker)
        yield QuoteMatch(
            start=offset + start,
            end=offset + start + len(body),
            text=body,
            kind=m.QuoteKind.INDIRECT,
            mention=speaker.mention,
            mention_span=(offset + speaker.span[0], offset + speaker.span[1]),
            speaker=resolved,
            speaker_role=speaker.role,
            verb=para[verb_span[0] : verb_span[1]],
            verb_span=(offset + verb_span[0], offset + verb_span[1]),
        )


def _report_in(
    para: str, masked: str, s_start: int, s_end: int
) -> tuple[_Speaker, tuple[int, int], tuple[int, int]] | None:
    """``(speaker, verb span, reported clause span)`` of one sentence, if it reports speech."""
    segment = masked[s_start:s_end]
    # "According to Jane Doe, the plan will fail."
    according = re.match(r"\s*According to ([^,]{2,80}),\s*", segment)
    if according is not None:
        mention = according.group(1).strip()
        if _plausible_speaker(mention):
            at = s_start + according.start(1)
            name, role = _split_role(mention)
            speaker = _Speaker(mention, (at, at + len(mention)), name, role)
            opener = s_start + segment.index("According")
            return (
                speaker,
                (opener, opener + len("According to")),
                (s_start + according.end(), s_end),
            )
    # "The plan will fail, Jane Doe said."
    inverted = _INVERTED_END.search(segment)
    if inverted is not None and _plausible_speaker(inverted.group(1)):
        at = s_start + inverted.start(1)
        mention = inverted.group(1)
        name, role = _split_role(mention)
        speaker = _Speaker(mention, (at, at + len(mention)), name, role)
        verb_word = inverted.group(2).split()[0]
        verb_at = s_start + inverted.start(2)
        return speaker, (verb_at, verb_at + len(verb_word)), (s_start, s_start + inverted.start())
    # "Jane Doe told reporters on Monday that the plan will fail."
    for reporting in _verbs(segment):
        if reporting.word.lower() not in _REPORTING:
            continue
        verb_span = (s_start + reporting.begin, s_start + reporting.finish)
        reporter = _speaker_before_verb(masked, para, verb_span[0], s_start)
        if reporter is None:
            return None
        clause_at = verb_span[1]
        told = reporting.word in _TOLD
        whom = _TOLD_WHOM.match(masked, clause_at, s_end) if told else None
        clause_at = whom.end() if whom else clause_at
        gap = _REPORT_GAP.match(masked, clause_at, s_end)
        clause_at = gap.end() if gap else clause_at
        if not _CLAUSE_START.match(masked, clause_at, s_end):
            return None
        return reporter, verb_span, (clause_at, s_end)
    return None


def _verb_of(para: str, masked: str) -> str | None:
    s_start, _ = _sentence_bounds(masked, max(len(masked.rstrip()) - 1, 0))
    found = None
    for verb in _verbs(masked[s_start:]):
        found = verb
    return found.group("verb") if found else None


# ---------------------------------------------------------------------------
# model quotes


def _quote(match: QuoteMatch, part: m.QuotePart, block: int | None, base: int) -> m.Quote:
    return m.Quote(
        text=match.text,
        speaker=match.speaker,
        mention=match.mention,
        speaker_role=match.speaker_role,
        verb=match.verb,
        kind=match.kind,
        part=part,
        block=block,
        start=match.start - base,
        end=match.end - base,
    )


def extract(text: str, *, indirect: bool = False) -> tuple[m.Quote, ...]:
    """Quotes in plain text, each with its span in ``text`` (``part=text``);
    ``indirect=True`` adds reported speech (see :func:`find`)."""
    return tuple(_quote(q, m.QuotePart.TEXT, None, 0) for q in find(text, indirect=indirect))


def _inline_quotes(content: Iterable[m.Inline]) -> Iterator[str]:
    for item in content:
        if isinstance(item, m.InlineQuote):
            yield m.inline_text(item.content)
        elif isinstance(item, (m.Link, m.Emphasis, m.Strong)):
            yield from _inline_quotes(item.content)


def extract_article(article: m.Article, *, indirect: bool = False) -> tuple[m.Quote, ...]:
    """Quotes in an article's standfirst and body, with block indexes and spans
    (``indirect=True`` adds reported speech, see :func:`find`).

    The standfirst and the body are read as one text, so that names in the
    standfirst resolve pronouns in the body. Quotes marked up in the source
    (``InlineQuote``, ``BlockQuote``) are found from that markup.
    """
    pieces: list[tuple[m.QuotePart, int | None, str]] = []
    if article.summary:
        pieces.append((m.QuotePart.SUMMARY, None, article.summary))
    for index, block in enumerate(article.body):
        if isinstance(block, (m.Paragraph, m.Heading)):
            pieces.append((m.QuotePart.BODY, index, m.block_text(block)))
    # one text, and where each piece starts in it: a quote is placed by bisection
    chunks = [piece.replace("\n\n", "\n") + "\n\n" for _, _, piece in pieces]
    starts = list(itertools.accumulate((len(chunk) for chunk in chunks), initial=0))
    quotes: list[m.Quote] = []
    for match in find("".join(chunks), indirect=indirect):
        at = bisect.bisect_right(starts, match.start, hi=len(chunks)) - 1
        if at >= 0 and match.start < starts[at] + len(chunks[at]) - 2:
            part, where, _ = pieces[at]
            quotes.append(_quote(match, part, where, starts[at]))
    # quotes marked up in the source, when the marks themselves are not in the text
    seen = {q.text for q in quotes}
    for index, block in enumerate(article.body):
        if isinstance(block, m.BlockQuote):
            said = " ".join(m.inline_text(block.attribution).split()).strip(" —–-") or None
            inner = "\n\n".join(m.block_text(b) for b in block.blocks).strip()
            if inner and inner not in seen:
                quotes.append(
                    m.Quote(
                        text=inner, speaker=said, mention=said, part=m.QuotePart.BODY, block=index
                    )
                )
        elif isinstance(block, (m.Paragraph, m.Heading)):
            plain = m.block_text(block)
            for quoted in _inline_quotes(block.content):
                quoted = quoted.strip()
                if quoted and quoted not in seen and quoted in plain:
                    start = plain.index(quoted)
                    quotes.append(
                        m.Quote(
                            text=quoted,
                            part=m.QuotePart.BODY,
                            block=index,
                            start=start,
                            end=start + len(quoted),
                        )
                    )
    return tuple(quotes)


def with_quotes(article: m.Article, *, indirect: bool = False) -> m.Article:
    """``article`` with its ``quotes`` found by :func:`extract_article`."""
    return attrs.evolve(article, quotes=extract_article(article, indirect=indirect))
