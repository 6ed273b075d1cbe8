"""Newsroom vocabulary, once: the words every reader recognises.

Agency names, photo-credit labels, page-furniture lines, date labels, tag
labels and copyright marks live here so that the byline parser, the caption
splitter, the page reader and the text reader all know the same words. Each
group is data with an example; the modules that match them build their
patterns from these tuples. This module imports only the standard library.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "CAPTION_AGENCIES",
    "COPYRIGHT_MARK",
    "CREDIT_LABELS",
    "CREDIT_MAX_WORDS",
    "DATE_LABELS",
    "DATE_PREFIXES",
    "FURNITURE_LINES",
    "NEWS_AGENCIES",
    "PICTURE_AGENCIES",
    "PICTURE_SOURCES",
    "QUOTE_CONTEXT_VERBS",
    "QUOTE_LANGUAGES",
    "TAG_LABELS",
    "QuoteLanguage",
    "alternation",
]


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of literal ``words``, longest first: ``("AP", "AAP")`` → ``AAP|AP``."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: News agencies and wire services, by the short names bylines use:
#: "By Jane Doe, Reuters" credits the agency Reuters; "– AAP" signs off a wire story.
NEWS_AGENCIES: tuple[str, ...] = (
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
    "ITAR-TASS",
    "Interfax",
    "ANP",
    "Belga",
    "APA",
    "SDA",
    "ATS",
    "SDA-ATS",
    "Keystone-SDA",
    "Keystone-ATS",
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
    "ANA-MPA",
    "Adnkronos",
    "Ukrinform",
    "Wires",
    "Wire services",
    "News wires",
    "Agencies",
)

#: Picture agencies, whose names close a photo credit but never a byline:
#: "Leaders meet. Getty Images".
PICTURE_AGENCIES: tuple[str, ...] = ("Getty Images", "Getty", "Shutterstock", "Alamy")

#: Agencies a caption may end with, bare or in brackets:
#: "Leaders meet in Brussels. AFP", "Leaders meet (AP Photo/Jane Doe)".
CAPTION_AGENCIES: tuple[str, ...] = (
    *PICTURE_AGENCIES,
    "AP",
    "AAP",
    "AFP",
    "Reuters",
    "EPA",
    "Xinhua",
)

#: Further sources a bracketed credit names: "(PA)", "(Supplied)", "(File photo)",
#: "(Bloomberg)", "(Associated Press)".
PICTURE_SOURCES: tuple[str, ...] = (
    *CAPTION_AGENCIES,
    "PA",
    "dpa",
    "Bloomberg",
    "Anadolu",
    "Associated Press",
    "Supplied",
    "File",
)

#: Labels that introduce a photo credit, singular (a plural "s" is also read):
#: "Photo: AP", "Picture: Reuters", "Credit: Jane Doe", "Foto: dpa", "Bild: Keystone".
CREDIT_LABELS: tuple[str, ...] = (
    "photo",
    "photograph",
    "picture",
    "pic",
    "image",
    "credit",
    "source",
    "foto",
    "bild",
)

#: A credit longer than this many words is a sentence, not a credit:
#: "Photo: Jane Doe/AAP" (2 words) is one; "Source: the minister said on Thursday that
#: the talks would resume" is not.
CREDIT_MAX_WORDS = 10

#: Whole lines that are page furniture, as regex fragments matched against the whole line
#: (case-insensitive, after trailing ``.!:`` is dropped): "Advertisement",
#: "Share this story", "Share on Facebook", "3 min read", "Skip to main content".
FURNITURE_LINES: tuple[str, ...] = (
    r"advertisement",
    r"advertising",
    r"adverts?",
    r"ad",
    r"close",
    r"sponsored(?: content)?",
    r"promoted",
    r"share(?: this(?: article| story)?)?",
    r"share on \w+",
    r"print",
    r"email",
    r"comments?",
    r"read more",
    r"continue reading",
    r"skip to (?:main )?content",
    r"sign up.*",
    r"subscribe.*",
    r"log ?in",
    r"menu",
    r"search",
    r"related(?: articles| stories| content)?",
    r"more from .*",
    r"recommended.*",
    r"follow us.*",
    r"read next",
    r"up next",
    r"watch:.*",
    r"listen to (?:this )?(?:article|story)",
    r"image \d+ of \d+",
    r"click here.*",
    r"tap here.*",
    r"newsletter.{0,80}",
    r"get our .{0,60}newsletter.*",
    r"print this article.*",
    r"\d+ min(?:ute)? read",
    r"copy link",
    r"copied!?",
)

#: Labels that open a date line: "Published: 5 March 2024", "First published on …",
#: "Updated 10:00", "Last updated: …", "Posted …", "Modified …".
DATE_LABELS: tuple[str, ...] = (
    "first published",
    "published",
    "posted",
    "last updated",
    "updated",
    "modified",
)

#: Words a date may follow besides a label: "Date: 5 March 2024", "On 5 March 2024".
DATE_PREFIXES: tuple[str, ...] = (*DATE_LABELS, "date", "on")

#: Labels of a topic or tag line: "Topics: Politics, Europe", "Filed under: Health".
TAG_LABELS: tuple[str, ...] = ("topics", "tags", "tagged", "keywords", "filed under", "more on")

#: A copyright mark (as a regex, case-insensitive): "Copyright 2024 …", "© AAP",
#: "(c) 2024 Jane Doe". A bare "(c)" needs a year after it: "(c) the list's third item".
COPYRIGHT_MARK = r"copyright\b|©|\(c\)\s*\d{4}"


class QuoteLanguage(NamedTuple):
    """How one language quotes speech: its quotation ``marks`` (opening, closing), the
    ``verbs`` (one or two words) that attribute a quote before or after it, the words
    for "according to" (``according``, a name follows), the ``pronouns`` that stand
    for a person, the ``titles`` before a name, and an ``example`` sentence."""

    tag: str
    marks: tuple[tuple[str, str], ...]
    verbs: tuple[str, ...]
    according: tuple[str, ...]
    pronouns: tuple[str, ...]
    titles: tuple[str, ...]
    example: str


#: The quoting habits of other languages than English, by BCP 47 language tag. A
#: verb that is also a common word of another language ("so") is listed in
#: :data:`QUOTE_CONTEXT_VERBS` instead and read only in a quote of that language.
QUOTE_LANGUAGES: tuple[QuoteLanguage, ...] = (
    QuoteLanguage(
        "de",
        (("„", "“"), ("„", "”"), ("»", "«"), ("‚", "‘")),
        (
            *"sagte sagt sagten sagen erklärte erklärt erklärten betonte betont betonten "
            "meinte meint fragte fragt warnte warnt ergänzte ergänzt kritisierte "
            "schrieb schreibt teilte räumte versicherte".split(),
        ),
        ("laut", "zufolge"),
        ("er", "sie"),
        (
            *"sprecher sprecherin minister ministerin bürgermeister bürgermeisterin kanzler "
            "kanzlerin präsident präsidentin chef chefin vorsitzende vorsitzender "
            "direktor direktorin".split(),
        ),
        "„Wir bauen die Brücke bis zum Sommer“, sagte Bürgermeisterin Greta Holmfeld.",
    ),
    QuoteLanguage(
        "fr",
        (("«", "»"), ("‹", "›")),
        (
            "a déclaré",
            "a dit",
            "a affirmé",
            "a expliqué",
            "a ajouté",
            "a souligné",
            "a indiqué",
            "a assuré",
            "a estimé",
            "a précisé",
            *"déclare dit affirme explique ajoute souligne indique assure estime précise "
            "déclarait disait".split(),
        ),
        ("selon", "d’après", "d'après"),
        ("il", "elle"),
        (*"ministre président présidente porte-parole maire directeur directrice".split(),),
        "« Nous finirons le pont cet été », a déclaré la maire Odile Marchetti.",
    ),
    QuoteLanguage(
        "es",
        (("«", "»"),),
        (
            *"dijo afirmó afirma explicó explica declaró declara añadió añade aseguró "
            "asegura señaló señala indicó indica subrayó advirtió".split(),
        ),
        ("según",),
        ("él", "ella"),
        (*"ministro ministra presidente presidenta portavoz alcalde alcaldesa".split(),),
        "«Terminaremos el puente este verano», dijo la alcaldesa Lucía Ferrandis.",
    ),
    QuoteLanguage(
        "pt",
        (("«", "»"),),
        (
            *"disse diz afirmou afirma explicou explica declarou declara acrescentou "
            "acrescenta garantiu sublinhou".split(),
        ),
        ("segundo", "conforme"),
        ("ele", "ela"),
        (*"ministro ministra presidente presidenta porta-voz prefeito prefeita".split(),),
        "«Vamos terminar a ponte neste verão», disse o prefeito Tiago Albernaz.",
    ),
    QuoteLanguage(
        "it",
        (("«", "»"),),
        (
            "ha detto",
            "ha dichiarato",
            "ha affermato",
            "ha spiegato",
            "ha aggiunto",
            "ha sottolineato",
            *"afferma spiega aggiunge dichiara sottolinea".split(),
        ),
        ("secondo",),
        ("lui", "lei"),
        (*"ministro ministra presidente portavoce sindaco sindaca".split(),),
        "«Finiremo il ponte quest’estate», ha detto il sindaco Marco Vettori.",
    ),
    QuoteLanguage(
        "ja",
        (("「", "」"), ("『", "』")),
        ("と述べ", "と語", "と話", "と言", "と説明", "と強調", "と指摘", "と明らかに"),
        (),
        (),
        ("市長", "首相", "大臣", "社長", "知事", "議員", "氏", "さん"),
        "山田市長は「橋は夏までに完成する」と述べた。",
    ),
    QuoteLanguage(
        "zh",
        (("「", "」"), ("『", "』")),
        ("说", "表示", "指出", "强调", "称"),
        (),
        ("他", "她"),
        ("市长", "总统", "总理", "部长", "主席", "发言人", "省长"),
        "市长王明说：「大桥将在夏天前完工。」",
    ),
)

#: Verbs that are also common words, read only in a quote of their language (by its
#: marks or the article's language): German "so" ("„…“, so Holmfeld."), Spanish and
#: Italian "dice" ("«…», dice Ferrandis.").
QUOTE_CONTEXT_VERBS: dict[str, tuple[str, ...]] = {
    "de": ("so",),
    "es": ("dice",),
    "it": ("dice",),
}
