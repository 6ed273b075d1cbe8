"""The vocabulary of the quote rules: speech verbs, the verbs of reported speech
and of attitude, and the regular expressions for names, titles and clauses.

Each word set or pattern says what it is for, with an example sentence.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsmodel.vocab import QUOTE_CONTEXT_VERBS, QUOTE_LANGUAGES

#: Capital letters of the Latin alphabets, for a regex class ("Éric", "Øyvind", "Łucja").
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŸŹŻŽ"
#: Quotation marks of every language, for a regex class (words up to a mark).
_MARKS = '“”"‘„»«「」『』'
#: The writing systems without capitals or spaces whose quotes are read by their marks
#: and verbs only (Japanese and Chinese).
_CJK_TAGS = frozenset({"ja", "zh"})
#: Speech verbs of the other languages, one word ("sagte", "dijo") and two ("a déclaré").
_FOREIGN_VERBS = frozenset(
    verb for lang in QUOTE_LANGUAGES if lang.tag not in _CJK_TAGS for verb in lang.verbs
)
#: Words for "according to" after which the speaker is named ("selon Odile Marchetti").
_ACCORDING = frozenset(
    {"according to", *(word for lang in QUOTE_LANGUAGES for word in lang.according)}
)
#: Which languages an opening mark belongs to ("„" German, "«" French and others).
_MARK_LANGUAGES: dict[str, frozenset[str]] = {
    opening: frozenset(
        lang.tag for lang in QUOTE_LANGUAGES if any(o == opening for o, _ in lang.marks)
    )
    for language in QUOTE_LANGUAGES
    for opening, _ in language.marks
}
#: Verbs that are common words elsewhere, for a quote of their language only ("so").
_CONTEXT_VERBS: dict[str, frozenset[str]] = {
    tag: frozenset(words) for tag, words in QUOTE_CONTEXT_VERBS.items()
}

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
            *(verb for verb in _FOREIGN_VERBS if " " not in verb),
            *(word for word in _ACCORDING if " " not in word),
        },
        key=len,
        reverse=True,
    )
)
#: Two-word speech verbs ("“Not yet,” Reyes shot back.", "according to Okafor").
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
    *(verb for verb in _FOREIGN_VERBS if " " in verb),
)
#: Verbs that name or describe, after which the quoted words are a partial quote
#: ("Lindqvist called the plan “reckless.”").
_PARTIAL_VERBS = (
    "called|calls|calling|described|describes|describing|dubbed|labelled|labeled|termed|"
    "labeling|labelling|branded|branding"
)
#: The naming verbs of :data:`_PARTIAL_VERBS` in a text (``called``, ``dubbed``).
_PARTIAL_FIND = re.compile(rf"\b(?P<verb>{_PARTIAL_VERBS})\b")
#: The stems of :data:`_PARTIAL_VERBS`: a text without any holds none of them (a quick
#: test before the pattern, which is tried at every word boundary).
_PARTIAL_STEMS = ("call", "describ", "dubbed", "label", "termed", "brand")


def _partial_verbs(segment: str) -> list[re.Match[str]]:
    """The naming verbs of :data:`_PARTIAL_VERBS` in ``segment``."""
    if not any(stem in segment for stem in _PARTIAL_STEMS):
        return []
    return list(_PARTIAL_FIND.finditer(segment))


#: A verb that is one of :data:`_PARTIAL_VERBS` (the kind of a quote: partial).
_PARTIAL_FULL = re.compile(_PARTIAL_VERBS)
#: Participles whose speaker is the subject of the sentence ("…, saying “…”").
_PARTICIPLES = frozenset(
    """saying telling adding calling arguing warning noting declaring insisting explaining
    writing claiming responding replying urging vowing promising stressing demanding
    tweeting posting announcing acknowledging admitting joking suggesting recalling
    complaining predicting asking describing labeling labelling branding referring
    pointing""".split()
)
#: The speech verbs as a set, for a lookup per word.
_VERB_SET = frozenset(SPEECH_VERBS)
#: The two-word verbs as word pairs (``("shot", "back")``).
_PHRASES = {tuple(p.split()) for p in _PHRASE_VERBS}
#: First words of the two-word verbs (``shot``, ``according``).
_PHRASE_FIRST = {p[0] for p in _PHRASES}
#: A word, for looking up speech verbs word by word (letters of any alphabet, and the
#: apostrophe of "d’après").
_TOKEN = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")


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


#: Verbs written with a capital at the start of a sentence ("Said Novak: “…”", "Selon
#: Odile Marchetti, « … »").
_SENTENCE_INITIAL = frozenset(
    {"According", "Said", "Says", *(word.capitalize() for word in _ACCORDING if " " not in word)}
)


#: Every word with which :func:`_verbs` can find a verb (a speech verb, the first word
#: of a two-word verb, "Said" opening a sentence), for a quick test of a stretch of text.
_VERB_TRIGGERS = _VERB_SET | _PHRASE_FIRST | _SENTENCE_INITIAL


def _verbs(segment: str, extra: frozenset[str] = frozenset()) -> list[_VerbMatch]:
    """Speech verbs and verb phrases in ``segment`` (a set lookup per word: fast), with
    the words of ``extra`` (verbs of the quote's language only, such as German "so")."""
    words = _TOKEN.findall(segment)
    triggers = _VERB_TRIGGERS | extra if extra else _VERB_TRIGGERS
    if triggers.isdisjoint(words):
        return []  # no word that can start a verb: most stretches looked at hold none
    tokens = list(_TOKEN.finditer(segment))
    out: list[_VerbMatch] = []
    skip = -1
    for i in [i for i, word in enumerate(words) if word in triggers]:  # the others find none
        if i <= skip:
            continue
        token = tokens[i]
        word = words[i]
        if word in _SENTENCE_INITIAL:
            word = word.lower()  # "According to the campaign, …", "Said Novak: …"
        if word in _PHRASE_FIRST and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if (word, words[i + 1]) in _PHRASES and segment[token.end() : nxt.start()] == " ":
                out.append(_VerbMatch(token.start(), nxt.end(), segment[token.start() : nxt.end()]))
                skip = i + 1
                continue
        if word in extra or (
            word in _VERB_SET and not (word.endswith("s") and _is_noun_use(segment, tokens, i))
        ):
            out.append(_VerbMatch(token.start(), token.end(), word))
    return out


#: Words before a plural noun that looks like a verb ("the reports", "his comments").
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


#: A clause opening a sentence before its subject ("In a Courier interview, Okafor
#: declared …", "Speaking to reporters, Reyes said …", a dateline "PORT HALDEN, Ore. — ").
_LEAD_CLAUSE = re.compile(
    r"\s*(?:(?:At|In|On|During|After|Before|Speaking|While|When|Asked|Earlier|Later|Last|This|"
    r"Meanwhile|However|But|And|Then|Also|Still|Yet|Instead|Separately|Since|Following|"
    r"Addressing|Appearing|Writing|Responding|Campaigning|Later|Today|Yesterday)\b[^,]{0,80},\s*|"
    r"[A-Z][a-z]+ing\s[^,]{1,80},\s*|"
    # a dateline: "PORT HALDEN, Ore., Mar. 9 (HNS) — "
    r"[A-Z]{2}[A-Z .’'-]*,[^—–]{1,40}?(?:\([^)]{1,30}\))?\s*[—–]\s*)?"
)
#: The subject of a sentence: a pronoun or capitalised words ("Council leader Mara
#: Lindqvist", "The Port of Halden").
_SUBJECT = re.compile(
    r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)\b|(?:(?:[Tt]he|[Aa]n?|[Ff]ormer)\s+)?"
    rf"(?:[{_UPPER}][\w’'.-]*(?:,\s*[{_UPPER}][\w’'.-]*)?\s+(?:(?:of|for|and|the|de|van|von)\s+)*)*"
    rf"[{_UPPER}][\w’'.-]*"
)

#: Pronouns that stand for a speaker ("“This is a mistake,” he said.").
_PRONOUNS = {
    "he",
    "she",
    "they",
    "we",
    "i",
    "it",
    "you",
    *(word for lang in QUOTE_LANGUAGES for word in lang.pronouns),
}
#: Pronouns that stand for one person, resolved to the last person named ("he",
#: German "er", French "elle").
_PERSON_PRONOUNS = frozenset(
    {"he", "she", *(word for lang in QUOTE_LANGUAGES for word in lang.pronouns)}
)
#: Words of a role or title before a name ("Kremlin spokesman Dmitry Peskov",
#: "former aide Petra Novak").
_TITLE_WORDS = frozenset(
    (
        *"""minister president vice secretary senator sen sen. rep rep. representative governor gov
    gov. spokesman spokeswoman spokesperson chairman chairwoman chair ceo director chief prime
    general judge mayor dr dr. professor prof prof. lt col gen adm justice attorney speaker
    leader nominee candidate adviser advisor aide manager strategist analyst official officer
    commissioner ambassador chancellor king queen prince pope bishop rev rev. father sister
    mr mr. mrs mrs. ms ms. miss sir lord lady president-elect founder executive editor
    correspondent economist expert head deputy former acting interim senior press
    spokesmen congressman congresswoman councilman councilwoman lawmaker chairperson
    superintendent sheriff commander captain sergeant coach owner president's""".split(),
        *(word for lang in QUOTE_LANGUAGES for word in lang.titles),
    )
)
#: One capitalised word of a name ("Okafor", "O’Neill", "Jr.", "Éric").
_NAME_TOKEN = re.compile(rf"[{_UPPER}][\w’'.-]*")
#: A full name of two or three words, for resolving a later surname ("Ana Okafor",
#: "Hans van Berg").
#: (Written to start with a capital: a pattern that starts with a character class is
#: searched for that character first, several times faster than a leading ``\b``; the
#: look-behind after it is the word boundary, and a first name comes only before a
#: capital of A-Z.)
_FULL_NAME = re.compile(
    rf"([{_UPPER}](?<!\w.)(?:(?<=[A-Z])[a-z]+\.? [{_UPPER}])?[a-zà-ÿ’'-]+"
    r"(?: (?:[A-Z]\. )?(?:van |von |de |da |del |di |bin |al-|el-)?"
    rf"[{_UPPER}][a-zà-ÿ’'-]+){{1,2}})\b"
)
# (?<![.!?][.!?]) after the first mark: a run of end marks is tried from its first mark
# only (each later start in the run would fail the same way), so a long run of dots is not
# rescanned at every dot; the pattern starts with a character class, so it is searched
# for that character first (several times faster than a pattern opening with a look-behind)
#: The end of a sentence: end marks, closing marks, space, then a capital or an
#: opening mark ("… the fare. “It …", "… Sommer. „Wir …"), or a Japanese or Chinese
#: full stop, which needs no space after it.
_SENTENCE_END = re.compile(
    rf"[.!?。！？](?:(?<=[.!?])(?<![.!?][.!?])[.!?]*[\"”’)»«“]*\s+(?=[{_UPPER}“\"‘(„«»¿¡‹「『])"
    r"|(?<=[。！？])(?<![。！？][。！？])[。！？]*)"
)
#: Words before a term under discussion, not anybody's words ("the so-called “Halden
#: rule”", "the word “reckless”", "the film “The Quiet Harbour”").
_TERM_CUES = re.compile(
    r"(?:\b(?:so-called|term|terms|word|words|phrase|phrases|slogan|title|titled|entitled|dubbed|"
    r"nicknamed|known as|referred to as|brand|by|as|headline|headlined|hashtag|motto|book|film|"
    r"song|show|series|album|article|column|op-ed|editorial|report)\s*)$",
    re.IGNORECASE,
)
#: Words in title case: a title, not speech ("The Quiet Harbour", "Harbour Watch").
_TITLE_CASE = re.compile(
    r"(?:The |A |An )?[A-Z][\w’'-]*(?: (?:of|the|and|in|on|for|a|to|[A-Z0-9][\w’'-]*))*"
)
#: Titles that make the name after them a person's ("Mayor Tom Brandt"), as written
#: (capitalised or not; the abbreviations with their full stop).
_PERSON_TITLES: tuple[str, ...] = (
    *(
        form
        for word in """president minister senator governor spokesman spokeswoman secretary
        chancellor mayor judge chairman leader""".split()
        for form in (word, word.capitalize())
    ),
    *"Sen. Rep. Gov. Dr. Mr. Mrs. Ms.".split(),
)
#: A title just before a name ("Mayor Tom Brandt"): the name is a person's.
_TITLED = re.compile(rf"\b(?:{'|'.join(re.escape(title) for title in _PERSON_TITLES)})\s*$")
#: First- and second-person words: quoted words that hold them are speech
#: ("“I have waited here every morning for a year”").
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|our|Our|my|My|me|us|you|You|your)\b")


#: Verbs of speech or attitude that make words in marks somebody's words when no
#: speaker is attached to them ("Lindqvist praised the “steady hand” of the crew.").
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


#: Verbs of reported speech ("Peskov said NATO was …").
_REPORTING = frozenset(
    """said says told tells added adds argued argues claimed claims warned warns stated states
    explained explains noted notes insisted insists acknowledged acknowledges admitted admits
    announced announces predicted predicts suggested suggests wrote writes reported reports
    testified contended contends maintained maintains asserted asserts alleged alleges
    conceded concedes confirmed confirms emphasized emphasised stressed stresses cautioned
    cautions believes believed argue say claim warn insist note""".split()
)
#: Reporting verbs followed by whom it was told to ("Okafor told reporters that …").
_TOLD = frozenset("told tells warned warns reminded assured informed".split())
