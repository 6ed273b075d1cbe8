"""Decoding and parsing a feed as feed readers do: tolerant of what publishers send.

The text: a byte-order mark, else the declared encoding (an ``ISO-8859-1``
label read as windows-1252, a label on bytes that are all UTF-8 taken as
mislabelled UTF-8), else UTF-8, else the legacy encoding of the feed's
language (bytes mostly not UTF-8, when UTF-8 or nothing was declared), else
windows-1252 (UTF-8 text with stray bytes, each read as windows-1252, when
UTF-8 or nothing was declared); white space before the XML declaration taken
off. The tree: :func:`newsmodel.xmlsafe.parse_xml` (no entities, no network)
after HTML's named entities become character references; a feed that is not
well-formed is read again repaired, then with libxml2's recovery. The common
feed, sent as UTF-8 from its first tag, is parsed from its own bytes, never
decoded, when that gives what the text would
(:func:`~newsmodel.xmlsafe.parse_utf8`). Shared by the ``rss`` and ``atom`` readers.
"""

from __future__ import annotations

import codecs
import html.entities
import re
import warnings

from lxml import etree

from newsmodel._input import SNIFF_BYTES, check_input, sniff_encoding, xml_prologue
from newsmodel.errors import IgnoredContentWarning, InputTooLargeError, ReadError
from newsmodel.xmlsafe import NOT_CHARSETS, XML_ENCODING, parse_utf8, parse_xml

__all__ = ["feed_text", "parse_feed", "root_name"]

#: Codecs tried, in order, after the declared one: ``"utf-8"`` first, then the
#: encoding of most mislabelled Western feeds (``windows-1252``), read leniently.
_FALLBACK_CODECS = ("utf-8",)
_LAST_RESORT = "windows-1252"
#: What is taken off the front of a feed's text: a stray byte-order mark, white space.
_LEADING = "\ufeff \t\r\n"
#: The white space of :data:`_LEADING`, as bytes (a byte-order mark is no white space).
_LEADING_BYTES = b" \t\r\n"
#: Declared encodings read as another, as browsers do (the WHATWG Encoding Standard):
#: ``ISO-8859-1`` and ``US-ASCII`` labels mean windows-1252 (``0x93`` is ``“``).
_READ_AS = {"iso8859-1": "cp1252", "ascii": "cp1252"}
#: Encodings in which ASCII bytes are the ASCII characters, as in UTF-8 (by codec name:
#: ``ISO-8859-1`` is ``iso8859-1``): a feed declared in one and all ASCII is read as UTF-8.
_ASCII_SUPERSETS = frozenset({"ascii", "iso8859-1", "iso8859-15", "cp1252"})
#: UTF-16 and UTF-32 (``utf-16-le``...): their ASCII bytes read as UTF-8 too, so they
#: are never taken for mislabelled UTF-8.
_WIDE_UNICODE = ("utf-16", "utf-32")
#: A named HTML entity (``&nbsp;``, ``&auml;``) that XML does not define: feeds
#: send them without a DTD, and they are turned into character references. XML's own
#: five (``&amp;``) are left to the parser without a call per match.
_HTML_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)([A-Za-z][A-Za-z0-9]{1,31});")
#: :data:`_HTML_ENTITY` in a feed's UTF-8 bytes: the pattern is ASCII, and no byte of a
#: character past ASCII is one in UTF-8, so it matches where it does in the text.
_HTML_ENTITY_UTF8 = re.compile(_HTML_ENTITY.pattern.encode("ascii"))
#: Characters XML 1.0 forbids (C0 controls but tab and line ends), which CMSs copy in
#: (a vertical tab for a soft line break): each becomes a space.
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: An ``&`` that starts no reference XML knows (``?a=1&b=2``, ``Q & A``, ``&foo;``): once
#: HTML's named entities are character references, only XML's five names are left.
_BARE_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)")
#: A character reference (``&#233;``, ``&#xE9;``), its code in decimal or in hex.
_CHAR_REFERENCE = re.compile(r"&#(?:([0-9]{1,7})|[xX]([0-9A-Fa-f]{1,6}));")
#: The characters XML 1.0 allows (``Char``), as code ranges; a reference to any other
#: (``&#1;``, ``&#xD800;``) is not well-formed, and libxml2's recovery would put it in the
#: tree as bytes lxml cannot read back (a lone surrogate's).
_XML_CHARS = ((0x9, 0xA), (0xD, 0xD), (0x20, 0xD7FF), (0xE000, 0xFFFD), (0x10000, 0x10FFFF))
#: The first character past the C0 controls (U+0020), and the two XML forbids past them.
_FIRST_CHAR = 0x20
_NONCHARACTERS = (0xFFFE, 0xFFFF)
#: What a reference to a surrogate, to NUL or past U+10FFFF stands for (HTML's rule).
_REPLACEMENT = "&#xFFFD;"
#: Where ``&`` is literal, by how each such section opens and closes.
_LITERAL_SECTIONS = (("<![CDATA[", "]]>"), ("<!--", "-->"))
#: The opening tag (not an empty ``<x/>`` one) of an element that holds HTML as text
#: (RSS ``description``, ``content:encoded``; Atom ``summary``, ``content``), whose HTML
#: some feeds put in raw: ``<description>one<br>two</description>`` (a ``<br>``, an
#: ``<img>``, a ``<p>`` left open) is not well-formed.
_HTML_HOLDER = re.compile(r"<(description|content:encoded|summary|content)(\s[^<>]*)?(?<!/)>")
#: What a holder's raw HTML never holds: another item's or entry's tags (a holder left
#: unclosed, whose close is found in a later item).
_ITEM_TAG = re.compile(r"</?(?:item|entry|description|content:encoded|summary|content)[\s>/]")

#: How far into a feed an XML declaration is looked for past text a server printed
#: before it (``<br />\n<b>Warning</b>: headers already sent … <?xml version="1.0"?>``,
#: a PHP warning): the declaration may only open a document, so what is before it is
#: no part of the feed.
_JUNK_CHARS = 4096
#: An XML declaration: ``<?xml version="1.0"``.
_DECLARATION = "<?xml "
#: :data:`_DECLARATION` as the bytes of a feed in UTF-8 (or any ASCII-compatible encoding).
_DECLARATION_BYTES = _DECLARATION.encode("ascii")
#: The most bytes one character takes in UTF-8.
_MAX_CHAR_BYTES = 4
#: Where a well-formed document may hold ``<?xml `` after its start, as text: in a CDATA
#: section, a comment or a processing instruction (``<![CDATA[<code><?xml …?></code>]]>``).
#: Text before a later ``<?xml `` that opens one of them is the feed, not a server's message.
_HOLDS_DECLARATION_TEXT = ("<![CDATA[", "<!--", "<?")


#: The 128 ASCII bytes (taken out of a feed's bytes to count the others).
_ASCII = bytes(range(128))
#: How far into a feed its language is looked for (the channel's ``<language>`` comes
#: before its items; an Atom feed's ``xml:lang`` is on its root).
_LANGUAGE_HEAD = 65536
#: A feed's language, in bytes: ``<language>ru</language>``, ``<dc:language>uk-UA``,
#: ``xml:lang="zh-TW"``, ``zh-Hant`` (the language, then any region or script).
_LANGUAGE_TAG = re.compile(
    rb"(?:<(?:dc:)?language>\s*|xml:lang=[\"'])([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2,4}))?\b"
)
#: The legacy encoding feeds in a language were written in before UTF-8, by language
#: (or language and region), as browsers take a page's default from its locale: a
#: windows-1251 Russian feed with no declaration reads as Cyrillic, not as
#: windows-1252's accented Latin. Languages of windows-1252 are not listed.
_LEGACY_CODECS: dict[str, str] = {
    **dict.fromkeys(("ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tg"), "cp1251"),
    **dict.fromkeys(("pl", "cs", "sk", "hu", "sl", "hr", "ro", "bs", "sq"), "cp1250"),
    "el": "cp1253",
    **dict.fromkeys(("tr", "az"), "cp1254"),
    **dict.fromkeys(("he", "iw", "yi"), "cp1255"),
    **dict.fromkeys(("ar", "fa", "ur"), "cp1256"),
    **dict.fromkeys(("lt", "lv", "et"), "cp1257"),
    "vi": "cp1258",
    "th": "cp874",
    "ja": "cp932",
    "ko": "cp949",
    "zh": "gb18030",
    **dict.fromkeys(("zh-tw", "zh-hk", "zh-mo", "zh-hant"), "big5"),
    **dict.fromkeys(("sr-latn", "bs-latn", "hr-latn"), "cp1250"),
}

#: The name :func:`_stray_bytes_as_1252` is registered under as a codec error handler.
_STRAY_BYTES = "newsmodel-feed-stray-1252"


def _stray_bytes_as_1252(error: UnicodeError) -> tuple[str, int]:
    """The bytes UTF-8 cannot read, read as windows-1252: a feed in UTF-8 but for a stray
    byte pasted from elsewhere (``Don\x92t``) keeps its UTF-8 text, and ``\x92`` is ``’``."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode(_LAST_RESORT, "replace"), error.end


codecs.register_error(_STRAY_BYTES, _stray_bytes_as_1252)


def _declared_codec(raw: bytes) -> str | None:
    match = XML_ENCODING.match(raw)
    if match is None:
        return None
    try:
        codec = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if codec in NOT_CHARSETS else codec


def _codecs_to_try(raw: bytes) -> tuple[str | None, ...]:
    """The declared codec then UTF-8; UTF-8 first when the bytes are not ASCII and
    another encoding is declared, as a feed whose bytes all read as UTF-8 is UTF-8
    mislabelled (real text in another encoding never reads as UTF-8)."""
    label = _declared_codec(raw.lstrip())
    if label is None or label == "utf-8" or label.startswith(_WIDE_UNICODE) or raw.isascii():
        return (label, *_FALLBACK_CODECS)
    # as read (windows-1252 for a Latin-1 label), then the label itself if that fails
    return ("utf-8", _READ_AS.get(label, label), label)


def feed_text(data: object, *, format: str, max_bytes: int) -> str:
    """A feed's text: a byte-order mark or UTF-16/32's pattern, else the declared
    encoding, else UTF-8, else windows-1252 (never failing); white space before the
    first ``<`` taken out."""
    return _decoded(check_input(data, format=format, max_bytes=max_bytes))[0]


def _decoded(checked: bytes | str) -> tuple[str, bytes | None]:
    """:func:`feed_text` of the feed's bytes (as :func:`~newsmodel._input.check_input`
    gave them), and the bytes that are that text in UTF-8 when the feed's own bytes are
    (a UTF-8 feed, the common case), so that they need not be made again."""
    if isinstance(checked, str):
        return checked.lstrip(_LEADING), None
    shown = sniff_encoding(checked)  # a byte-order mark, or UTF-16/32's pattern of NULs
    codecs_tried = (shown,) if shown else _codecs_to_try(checked)
    for codec in codecs_tried:
        if codec is None:
            continue
        try:
            text = checked.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        stripped = text.lstrip(_LEADING)
        if codec != "utf-8":
            return stripped, None
        # what was stripped is one byte a character in UTF-8, or three for U+FEFF
        skipped = len(text) - len(stripped)
        return stripped, checked[len(text[:skipped].encode("utf-8")) :]
    if (shown or _declared_codec(checked.lstrip())) in (None, "utf-8"):
        legacy = _language_codec(checked)
        if legacy is not None:
            return checked.decode(legacy, errors="replace").lstrip(_LEADING), None
        # UTF-8 but for stray bytes (or no UTF-8 at all): each stray byte as windows-1252
        return checked.decode("utf-8", errors=_STRAY_BYTES).lstrip(_LEADING), None
    return checked.decode(_LAST_RESORT, errors="replace").lstrip(_LEADING), None


def _language_codec(raw: bytes) -> str | None:
    """The legacy encoding of the feed's language, for bytes mostly not UTF-8
    (:func:`_mostly_not_utf8`) that declare no other encoding: a Russian feed sent in
    windows-1251 without a word about it (``<language>ru</language>``). ``None`` for a
    language written in windows-1252, or none found in :data:`_LANGUAGE_HEAD`."""
    found = _LANGUAGE_TAG.search(raw, 0, _LANGUAGE_HEAD)
    if found is None:
        return None
    language = found.group(1).lower().decode("ascii")
    region = (found.group(2) or b"").lower().decode("ascii")
    codec = _LEGACY_CODECS.get(f"{language}-{region}") or _LEGACY_CODECS.get(language)
    if codec is None or not _mostly_not_utf8(raw):
        return None
    return codec


def _mostly_not_utf8(raw: bytes) -> bool:
    """Whether most bytes of ``raw`` past ASCII are no part of UTF-8: a legacy encoding's
    text (where a pair of bytes is UTF-8 by chance now and then), not UTF-8 with a stray
    byte or two."""
    past_ascii = len(raw.translate(None, _ASCII))
    ascii_bytes = len(raw) - past_ascii
    in_utf8 = len(raw.decode("utf-8", errors="ignore").encode("utf-8")) - ascii_bytes
    return past_ascii - in_utf8 > in_utf8


def _entity_reference(match: re.Match[str]) -> str:
    return _references(match.group(1)) or match.group()


def _entity_reference_utf8(match: re.Match[bytes]) -> bytes:
    """:func:`_entity_reference` for a match in UTF-8 bytes (the same ASCII, encoded)."""
    references = _references(match.group(1).decode("ascii"))
    return references.encode("ascii") if references else match.group()


def _references(name: str) -> str | None:
    """The character references for HTML's entity ``name`` (``nbsp`` → ``&#160;``);
    ``None`` when HTML names no such entity."""
    char = html.entities.html5.get(name + ";")
    return "".join(f"&#{ord(c)};" for c in char) if char else None


def _xml_reference(match: re.Match[str]) -> str:
    """A character reference kept when XML allows its character; else, as HTML reads it,
    one to U+FFFD for a surrogate, NUL or a code past U+10FFFF (``&#xD800;``), and a
    space for a control character (as a literal one becomes). Taken out everywhere, CDATA
    sections included, where the HTML read from them decodes the new one alike."""
    decimal, hexadecimal = match.groups()
    code = int(decimal) if decimal else int(hexadecimal, 16)
    if any(low <= code <= high for low, high in _XML_CHARS):
        return match.group()
    return " " if 0 < code < _FIRST_CHAR or code in _NONCHARACTERS else _REPLACEMENT


def _escape_bare_ampersands(text: str) -> str:
    """``text`` with every bare ``&`` escaped, outside CDATA sections and comments
    (linear: where each kind of section next opens is looked for again only once passed)."""
    out: list[str] = []
    at = 0
    nxt = {start: text.find(start) for start, _ in _LITERAL_SECTIONS}
    while True:
        for start, _ in _LITERAL_SECTIONS:
            if 0 <= nxt[start] < at:
                nxt[start] = text.find(start, at)
        opening = [(nxt[start], start, end) for start, end in _LITERAL_SECTIONS if nxt[start] >= 0]
        if not opening:
            break
        where, start, end = min(opening)
        closed = text.find(end, where + len(start))
        out.append(_BARE_AMPERSAND.sub("&amp;", text[at:where]))
        if closed < 0:  # never closed: the rest is the section's, as the parser sees it
            out.append(text[where:])
            return "".join(out)
        at = closed + len(end)
        out.append(text[where:at])
    out.append(_BARE_AMPERSAND.sub("&amp;", text[at:]))
    return "".join(out)


def _raw_html_in_cdata(text: str) -> str:
    """``text`` with the raw HTML of each :data:`_HTML_HOLDER` element put in a CDATA
    section, so that an unclosed ``<p>`` or a ``<br>`` in one item's description does
    not swallow the items after it (linear: each opening tag's close is looked for once,
    and openings before the close found are passed over)."""
    out: list[str] = []
    at = passed = 0
    for opening in _HTML_HOLDER.finditer(text):
        if opening.start() < passed:
            continue
        close = text.find(f"</{opening.group(1)}>", opening.end())
        if close < 0:
            break
        passed = close
        xhtml = "xhtml" in (opening.group(2) or "")  # (Atom's XHTML content is XML, kept)
        html = None if xhtml else _holder_html(text[opening.end() : close])
        if html is not None:
            out += (
                text[at : opening.end()],
                "<![CDATA[",
                html.replace("]]>", "]]]]><![CDATA[>"),
                "]]>",
            )
            at = close
    out.append(text[at:])
    return "".join(out)


def _holder_html(inner: str) -> str | None:
    """The HTML a holder's content stands for when it is not well-formed as it is: raw
    markup (``one<br>two``), or one CDATA section cut short by a ``]]>`` in its text
    (``<![CDATA[x = a[b[0]]> 1 <br>]]>``); ``None`` for anything else, and for content
    holding another item's tags (a holder left unclosed)."""
    if "<" not in inner or _ITEM_TAG.search(inner):
        return None
    if "<![CDATA[" not in inner:
        return inner
    body = inner.strip()
    if not (body.startswith("<![CDATA[") and body.endswith("]]>")):
        return None
    body = body[len("<![CDATA[") : -len("]]>")]
    return body if "]]>" in body and "<![CDATA[" not in body else None


def parse_feed(data: object, *, format: str, max_bytes: int) -> etree._Element:
    """The feed's root element, parsed by :func:`newsmodel.xmlsafe.parse_xml` (no
    entities, no network) after tolerant decoding; HTML's named entities become
    character references first.

    A feed that is not well-formed is read as feed readers read it: again with
    each bare ``&`` escaped (``?a=1&b=2``), the raw HTML of descriptions put in CDATA
    (``<description>one<br>two</description>``) and the control characters XML forbids
    taken out; failing that, with libxml2's recovery (a stray ``<``, an unclosed
    tag, a cut-off end), with an :class:`~newsmodel.errors.IgnoredContentWarning`.
    """
    # (checked once: gzip'd bytes are inflated once, and are plain bytes from here on)
    data = check_input(data, format=format, max_bytes=max_bytes)
    sent = _sent_as_utf8(data)
    if sent is not None:  # (the common case: the bytes as they are, never decoded here)
        if b"&" in sent:
            sent = _HTML_ENTITY_UTF8.sub(_entity_reference_utf8, sent)
        root = parse_utf8(sent, format=format)
        if root is not None:
            return root
    text, utf8 = _decoded(data)
    junk = _junk_before_declaration(text)
    if junk:
        warnings.warn(
            IgnoredContentWarning(
                f"{format}: {junk} characters before the XML declaration left out "
                f"(a server's message?): {' '.join(text[: min(junk, 80)].split())!r}"
            ),
            stacklevel=3,
        )
        text, utf8 = text[junk:], None
    replaced = grown = 0  # references put for entities in the UTF-8 bytes, and how much
    if "&" in text:  # longer they made them
        if utf8 is not None:  # (made in the bytes: the text need not be copied, nor encoded)
            before = len(utf8)
            utf8, replaced = _HTML_ENTITY_UTF8.subn(_entity_reference_utf8, utf8)
            grown = len(utf8) - before
        else:
            text = _HTML_ENTITY.sub(_entity_reference, text)
    # (the length of the text with its references: each one ASCII, in the bytes as here)
    limit = max(max_bytes, len(text) + grown)
    try:
        # (the guard reads the text alike with its entities or their references)
        return parse_xml(text, format=format, max_bytes=limit, utf8=utf8)
    except InputTooLargeError:
        raise
    except ReadError as error:
        first = error
    if replaced:
        text = _HTML_ENTITY.sub(_entity_reference, text)
    repaired = _raw_html_in_cdata(text)
    repaired = _escape_bare_ampersands(repaired) if "&" in repaired else repaired
    repaired = _FORBIDDEN_CHARS.sub(" ", repaired)
    if "&#" in repaired:
        repaired = _CHAR_REFERENCE.sub(_xml_reference, repaired)
    if repaired != text:
        try:
            return parse_xml(repaired, format=format, max_bytes=limit)
        except InputTooLargeError:
            raise
        except ReadError:
            pass
    try:
        root = parse_xml(repaired, format=format, max_bytes=limit, recover=True)
    except ReadError:
        raise first from None
    warnings.warn(
        IgnoredContentWarning(f"{format}: not well-formed XML ({first}); read what could be"),
        stacklevel=3,
    )
    return root


def _sent_as_utf8(checked: bytes | str) -> bytes | None:
    """The feed's bytes (as :func:`~newsmodel._input.check_input` gave them) from its
    first ``<`` (white space before it taken off, as
    :func:`_decoded` takes it off the text) when they are to be read as UTF-8 as they
    stand: no byte-order mark, no NUL byte where a UTF-16/32 pattern would show, UTF-8
    or no encoding declared (or one of :data:`_ASCII_SUPERSETS` over ASCII bytes,
    which read alike in it), and no XML declaration in the first :data:`_JUNK_CHARS`
    characters but at the start (nothing before it to leave out). What
    :func:`parse_feed` parses without decoding when they are UTF-8, well-formed and
    declare nothing (:func:`~newsmodel.xmlsafe.parse_utf8`); ``None`` for any other."""
    if isinstance(checked, str):
        return None
    sent = checked.lstrip(_LEADING_BYTES)
    if not sent.startswith(b"<"):
        return None
    label = _declared_codec(sent)
    if label not in (None, "utf-8") and not (label in _ASCII_SUPERSETS and sent.isascii()):
        return None
    # (those characters are at most that many bytes: a declaration not in these bytes
    # is not in those characters)
    if (
        not sent.startswith(_DECLARATION_BYTES)
        and _DECLARATION_BYTES in sent[: _MAX_CHAR_BYTES * _JUNK_CHARS]
    ):
        return None
    # (no NUL where UTF-16/32 would show, and no byte-order mark before the "<": what
    # sniff_encoding reads neither)
    return None if b"\x00" in checked[:SNIFF_BYTES] else sent


def _junk_before_declaration(text: str) -> int:
    """How many characters of ``text`` come before an XML declaration that is not at its
    start, within :data:`_JUNK_CHARS` (0 when the declaration opens it, or is not there,
    or when what comes before may hold it as text: :data:`_HOLDS_DECLARATION_TEXT`)."""
    if text.startswith(_DECLARATION):
        return 0
    at = text.find(_DECLARATION, 0, _JUNK_CHARS)
    if at < 0 or any(opening in text[:at] for opening in _HOLDS_DECLARATION_TEXT):
        return 0
    return at


def root_name(head: bytes) -> tuple[str, str] | None:
    """``(prefix, local name)`` of the first element in ``head`` (past the XML
    declaration, comments, processing instructions and a DOCTYPE; past text a server
    printed before the declaration, too); ``None`` if none."""
    # (Latin-1 reads each byte as one character: the offset found is the bytes' offset)
    head = head[_junk_before_declaration(head[:_JUNK_CHARS].decode("latin-1")) :]
    _, at = xml_prologue(head)
    match = _ELEMENT.match(head, at)
    if match is None:
        return None
    prefix = (match.group(1) or b"").decode("ascii", "replace")
    return prefix, match.group(2).decode("ascii", "replace")


#: The first element's (prefix, local name), where the prologue ends.
_ELEMENT = re.compile(rb"<(?:([\w.-]{1,40}):)?([\w.-]{1,40})[\s>/]")
