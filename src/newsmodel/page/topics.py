"""The story's topics (keywords and its section)."""

from __future__ import annotations

from lxml import etree

from newsmodel import model as m
from newsmodel.page.measure import Measures
from newsmodel.page.metadata import Metadata
from newsmodel.page.weights import TAG_LINK_MAX, TOPIC_MAX

__all__ = ["read_topics"]

#: Meta tags that list keywords, comma-separated.
_KEYWORD_KEYS = ("keywords", "news_keywords")


def read_topics(
    article_root: etree._Element, meta: Metadata, tags: list[str], measures: Measures
) -> list[m.Topic]:
    """Keywords (``article:tag``, JSON-LD, keyword meta tags, ``rel=tag`` links, the body's
    tag line ``tags``), each once whatever its case, then one section."""
    metas = meta.metas
    ld = meta.ld
    names: list[str] = []
    names += metas.get("article:tag", [])
    if ld is not None:
        names += [t.name for t in ld.topics if t.kind is m.TopicKind.KEYWORD and t.name]
    for key in _KEYWORD_KEYS:
        for value in metas.get(key, []):
            names += [k.strip() for k in value.split(",") if k.strip()]
    for link in article_root.iter("a"):
        rel = link.get("rel") or ""
        if (
            "tag" in rel.split()
            and "category" not in rel
            and 0 < measures.length(link) < TAG_LINK_MAX
        ):
            names.append(measures.text(link))
    names += tags
    seen: dict[str, m.Topic] = {}
    for name in names:
        name = " ".join(name.split())
        if name and name.casefold() not in seen and len(name) < TOPIC_MAX:
            seen[name.casefold()] = m.Topic(name=name, kind=m.TopicKind.KEYWORD)
    topics = list(seen.values())
    sections = metas.get("article:section", [])
    if not sections and ld is not None:
        sections = [t.name for t in ld.topics if t.kind is m.TopicKind.SECTION and t.name][-1:]
    for section in sections[:1]:
        topics.append(m.Topic(name=section, kind=m.TopicKind.SECTION))
    return topics
