"""Who said it: the speaker mention before or after a speech verb, its role
(``Kremlin spokesman Dmitry Peskov``), and whether a mention can be a speaker at all.
"""

from __future__ import annotations

import re

from newsmodel.quotes.names import _name_parts
from newsmodel.quotes.records import _Speaker
from newsmodel.quotes.sentences import _WINDOW, _sentence_bounds
from newsmodel.quotes.words import (
    _ACCORDING,
    _LEAD_CLAUSE,
    _MARKS,
    _NAME_TOKEN,
    _PARTICIPLES,
    _PRONOUNS,
    _SUBJECT,
    _TITLE_WORDS,
    _UPPER,
    _partial_verbs,
    _VerbMatch,
    _verbs,
)


def _named(
    mention: str, start: int, *, role: str | None = None, whole: bool = False
) -> _Speaker | None:
    """The speaker of a mention that starts at ``start``, trimmed to a name-like phrase
    (see :mod:`~newsmodel.quotes.names`); ``role`` is used when the mention names none,
    and with ``whole`` the mention stands for the name when it holds none."""
    parts = _name_parts(mention)
    if parts is None:
        return None
    trimmed, name, title = parts
    if name is None and whole:
        name = trimmed
    return _Speaker(trimmed, (start, start + len(trimmed)), name, title or role)


#: Punctuation and linking words before a speaker mention ("and", "but", "while").
_MENTION_LEAD = re.compile(
    r"^[\s,;:–—-]*(?:(?:[Aa]nd|[Bb]ut|[Aa]s|[Ss]o|while|when|where|whereas|because|after|before|"
    r"since|although|until|[Tt]hen|[Aa]lso|[Tt]hough|[Yy]et|[Ee]ven|[Ss]till)\s+)*"
)


def _clean_mention(text: str, offset: int) -> tuple[str, int] | None:
    """Trim a candidate speaker phrase; ``None`` when it cannot be one."""
    lead = _MENTION_LEAD.match(text)
    cut = lead.end() if lead else 0
    text2 = text[cut:]
    stripped = text2.rstrip(" ,;:\t\n\xa0")
    if not stripped:
        return None
    words = stripped.split()
    if len(words) > 12 or any(c in _MARKS for c in stripped):
        return None
    return stripped, offset + cut


#: The longest word of a name the speaker patterns try (no name is longer; a longer run of
#: letters is not rescanned from each of its capitals).
_NAME_WORD_MAX = 40
#: A name followed by a description between commas, before the verb ("Marsh, his
#: rival, said …", "Tomas Reyes, 41, said …").
_APPOSITIVE = re.compile(
    rf"((?:[A-Z][\w’'.-]{{0,{_NAME_WORD_MAX}}}\.? ){{0,4}}[A-Z][\w’'.-]{{0,{_NAME_WORD_MAX}}}),"
    rf"\s+(?:a|an|the|who|which|[a-z]+\s)[^{_MARKS}]{{2,90}}?,\s*$"
)


#: Where the phrase before a verb starts over: punctuation, a relative word or a word that
#: opens a clause ("the plan, which Okafor said", "Reyes said as the heckler yelled").
_CHUNK_BREAK = re.compile(
    r"[,;:(—–―]|\b(?:that|who|which|as|when|while|because|after|before|since|until|if|but|"
    r"though|although|whereas)\b"
)
#: Adverbs and auxiliaries between a speaker and the verb ("Okafor later said", "Okafor
#: had said"), dropped from the mention.
_AUXILIARIES = frozenset(
    """also then later previously once had has have would will did does again recently
    earlier repeatedly simply only just reportedly publicly privately""".split()
)
#: One of :data:`_AUXILIARIES` ending the words before a verb.
_AUXILIARY_END = re.compile(rf"\s+(?:{'|'.join(sorted(_AUXILIARIES))})\s*$")
#: A second auxiliary left after the first is dropped ("Okafor has also said").
_AUXILIARY_END_AGAIN = re.compile(r"\s+(?:also|then|had|has|have|would|will|did|does)\s*$")


def _speaker_before_verb(masked: str, text: str, verb_start: int, floor: int) -> _Speaker | None:
    """The noun phrase right before a speech verb, back to a clause boundary.

    ``Jane Doe, a historian who attended, recalled`` gives Jane Doe (the
    appositive becomes the role).
    """
    last = verb_start  # the last character before the verb that is not a space
    while last > floor and masked[last - 1].isspace():
        last -= 1
    # the appositive ends with a comma right before the verb: only then is it looked for
    comma = last > floor and masked[last - 1] == ","
    appositive = _APPOSITIVE.search(masked, floor, verb_start) if comma else None
    if appositive is not None and not masked[appositive.end() : verb_start].strip():
        start = appositive.start(1)
        mention = text[start : appositive.end(1)]
        if _plausible_speaker(mention):
            role = text[appositive.end(1) : verb_start].strip(" ,") or None
            return _named(mention, start, role=role, whole=True)
    # "Rep. Dana Quill (D-Ore.) said": the speaker stands before the brackets
    bracket = (
        _BRACKET_BEFORE.search(masked, max(floor, verb_start - _BRACKET_MAX), verb_start)
        if last > floor and masked[last - 1] == ")"
        else None
    )
    if bracket is not None:
        verb_start = bracket.start()
    chunk_start = floor
    for match in _CHUNK_BREAK.finditer(masked[floor:verb_start]):  # a slice: \b sees no more
        chunk_start = floor + match.end()
    raw = text[chunk_start:verb_start]
    last_word = raw.rsplit(None, 1)[-1:]
    if last_word and last_word[0] in _AUXILIARIES:  # else neither pattern can match
        raw = _AUXILIARY_END.sub(" ", raw)
        raw = _AUXILIARY_END_AGAIN.sub(" ", raw)
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
    return _named(mention, start)


#: The longest bracket right before a verb that is stepped over (a party and state).
_BRACKET_MAX = 40
#: A bracket right before the verb ("Rep. Dana Quill (D-Ore.) said").
_BRACKET_BEFORE = re.compile(r"\([^()\n]{1,30}\)\s*$")
#: The name or pronoun that ends a longer mention ("At the pier Jane Doe" gives
#: "Jane Doe").
_TRAILING_NAME = re.compile(
    r"(?<![\w’'-])(?:(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*|he|she|it|they|we|I)$"
)


#: Abbreviated titles and initials whose full stop does not end a speaker's name ("said
#: Rep. Dana Quill", "said Jane F. Doe").
_ABBREVIATED = (
    r"\b(?:Rep|Sen|Gov|Gen|Lt|Col|Dr|Mr|Mrs|Ms|Prof|Rev|Sgt|Capt|Maj|Adm|Jr|Sr|St|[A-Z])"
    r"\.(?=\s|[A-Z]\.)"
)
#: The words after an inverted verb up to a clause or punctuation ("said Jane Doe,
#: a spokeswoman" gives "Jane Doe").
_AFTER_VERB_PHRASE = re.compile(
    rf"\s*((?:{_ABBREVIATED}|[^,.;:!?(。{_MARKS}]){{1,80}}?)(?=\s+(?:who|that|whose)\b|[,.;:!?(。{_MARKS}]|$)"
)
#: A description after the speaker of an inverted verb (", a spokeswoman for the
#: union").
_AFTER_APPOSITIVE = re.compile(rf",\s*((?:an?|the)\s[^,.;{_MARKS}]{{2,60}})")
#: A credit after a quote, with a dash ("“We will vote.” ― Ana Lima").
_CREDIT_DASH = re.compile(rf"[ \t\xa0]*([―—])[ \t\xa0]*([{_UPPER}][^\n{_MARKS}]{{1,60}}?)[\s.]*$")


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
    # an appositive role after the name: "said Jane Doe, a spokeswoman for X"
    appositive = _AFTER_APPOSITIVE.match(masked, e)
    role = text[appositive.start(1) : appositive.end(1)].strip() if appositive else None
    whole = appositive is not None and bool(_NAME_TOKEN.match(mention))
    return _named(mention, s, role=role, whole=whole)


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
#: A number word, which alone is no speaker ("“Yes,” two said.").
_NUMBER_WORD = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred)(?:-\w+)?",
    re.I,
)
#: Words that are never a speaker on their own ("Its", "Another").
_NOT_SPEAKER_ALONE = frozenset("its my our your their his her another each every no".split())
#: Words a speaker mention does not end with ("the plan for").
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


#: Verbs that make a mention a clause, not a name ("the plan was").
_NOT_A_NAME = re.compile(r"\b(?:is|was|are|were|be|been|will|would|has|have|had|not)\b")


# ---------------------------------------------------------------------------
# attribution


#: A speaker followed by one or two descriptions between commas, before the verb
#: ("Council leader Mara Lindqvist, D-Ore., said", "Rep. Dana Quill (D-Ore.), a
#: member of the panel, said").
_APPOSITIVE_AFTER = re.compile(
    r"\s*((?:[\w’'.-]+\s+){0,5}[A-Z][\w’'.-]*)(?:\s\([^(),]{1,30}\))?,((?:\s*[^,]{1,100}?,){1,2})\s*$"
)
# every whitespace run belongs to one place only (no "\s*\s*"): a long run of spaces after
# a verb is not split every possible way before the match fails
_CLEAN_TAIL = re.compile(
    r"\s*(?:(?:to\s+)?(?:reporters|journalists|the \w+|an? \w+|"
    r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*|him|her|them|us|me)\s*)?"
    r"(?:(?:on|in|at|during|after|before|last|this)\s[^:,]{1,40}\s*)?(?:[:,]\s*)?(?:that\s*)?"
)
#: Only "and" between a quote and the verb after it (a second verb of the subject).
_AND_ONLY = re.compile(r"\s*,?\s*and\s+(?:then\s+|also\s+)?")
#: What may stand between a closing mark and the attribution after it (",", ")").
_AFTER = re.compile(r"^[\s,.!?—–-]*(?:\)\s*)?")


#: How far after a quote its attribution is looked for, in characters.
_NEAR_AFTER = 120


def _attribution_after(
    text: str, masked: str, pos: int, sent_end: int, extra: frozenset[str] = frozenset()
) -> tuple[_Speaker | None, tuple[int, int] | None]:
    """Attribution in the words after a quote: ``, Peskov said`` / ``, said Peskov``
    (``extra``: verbs of the quote's language only, such as German "so")."""
    dash = _CREDIT_DASH.match(masked, pos)
    if dash:  # a credit line: “…” ― Jane Doe
        s = dash.start(2)
        mention = text[s : dash.end(2)].strip()
        credited = _named(mention, s, whole=True)
        if credited is not None:
            return credited, (dash.start(1), dash.end(1))
    lead = _AFTER.match(masked[pos:sent_end])
    start = pos + (lead.end() if lead else 0)
    segment = masked[start:sent_end]
    # inverted: said SPEAKER
    # the verbs of the next words, found once: one that opens them is an inverted verb
    near = _verbs(segment[:_NEAR_AFTER], extra)
    inv = near[0] if near and near[0].begin == 0 else None
    if inv:
        verb_span = (start + inv.start("verb"), start + inv.end("verb"))
        speaker = _speaker_after_verb(text, masked, verb_span[1])
        if speaker is not None:
            return speaker, verb_span
        return None, verb_span
    # SPEAKER [adverb] VERB within the next few words
    for verb in near:
        if verb.group("verb") in _PARTICIPLES:
            verb_span = (start + verb.start("verb"), start + verb.end("verb"))
            sent_start = _sentence_bounds(masked, pos)[0]
            return _subject(text, masked, sent_start, verb_span[0]), verb_span
        before = segment[: verb.start()]
        verb_span = (start + verb.start("verb"), start + verb.end("verb"))
        # "Rantanen, the interior minister, said" / "Mara Lindqvist, D-Ore., said"
        appos = _APPOSITIVE_AFTER.match(text, start, verb_span[0])
        if appos and _plausible_speaker(appos.group(1)):
            role = appos.group(2).strip(" ,") or None
            named = _named(appos.group(1), appos.start(1), role=role, whole=True)
            if named is not None:
                return named, verb_span
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
        if speaker is None and _AND_ONLY.fullmatch(before):
            # "Okafor praised the crew’s “steady hands” and said …": the subject speaks
            speaker = _subject(text, masked, _sentence_bounds(masked, pos)[0], pos)
        return speaker, verb_span
    return None, None


def _attribution_before(
    text: str, masked: str, sent_start: int, pos: int, extra: frozenset[str] = frozenset()
) -> tuple[_Speaker | None, tuple[int, int] | None, bool]:
    """Attribution before a quote: ``Peskov told reporters: “…”``.

    Returns the speaker, the verb span, and whether the attribution is all
    that comes before the quote (so the quote itself is direct).
    """
    segment = masked[sent_start:pos]
    verbs = _verbs(segment, extra)
    partial_verb = None
    for candidate in _partial_verbs(segment):
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
    if verb.group("verb").lower() in _ACCORDING:
        # both patterns match in ``text`` from the verb's end, so spans are absolute
        match = _ACCORDING_COMMA.match(text, verb_span[1], pos)
        # "Laut Greta Holmfeld ist der Plan „…“": the name right after the word
        match = match or _ACCORDING_NAME.match(text, verb_span[1], pos)
        if match:
            s = match.start(1)
            named = _named(match.group(1).strip(), s)
            if named is not None:
                return named, verb_span, True
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


#: The name between a word for "according to" and a comma that ends the lead-in
#: ("According to Greta Holmfeld, “…”").
_ACCORDING_COMMA = re.compile(r"\s*([^,]{1,80}),\s*$")
#: The name after a word for "according to" with no comma after it ("Laut Greta
#: Holmfeld ist …").
_ACCORDING_NAME = re.compile(rf"\s*((?:[{_UPPER}][\w’'.-]*\s+){{0,3}}[{_UPPER}][\w’'.-]*)(?=\s)")
#: Words that open a subordinate clause: its verb is not the subject's ("the plan
#: that Reyes said …").
_CLAUSE_BREAK = re.compile(r"\b(?:that|who|which|whom|whose|because)\b")
#: An opening phrase up to a comma, skipped when looking for the subject ("On Friday,
#: Okafor …").
_LEAD_COMMA = re.compile(rf"[^,{_MARKS}]{{1,80}},\s*")


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
    return _named(mention, begin)


#: A name after a place between commas ("In Eastby, Okafor went after Marsh").
_PLACE_THEN_NAME = re.compile(
    r",\s+(?!(?:an?|the|who|which)\b)((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s+[a-z]"
)
