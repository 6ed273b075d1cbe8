"""Extractor adapters for ../shared/tools/eval_body.py and eval_meta.py.

Each function takes ``(html, url)`` and returns a dict with ``text`` and the
metadata fields the scorers read (title, authors, date_published, image,
tags, description, publisher). trafilatura is a benchmark-only peer; it is
never a dependency of newsmodel.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import newsmodel
from newsmodel.model import BylineKind


def newsmodel_extract(html: str, url: str | None = None) -> dict[str, Any]:
    """A full newsmodel read (metadata, body, photos; quotes off, as peers have none)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            article = newsmodel.read(html, format="html", url=url, quotes=False)
        except newsmodel.NewsmodelError:
            return {"text": ""}
    return {
        "text": article.text,
        "title": article.headline,
        "authors": [b.name for b in article.bylines if b.kind is BylineKind.PERSON],
        "date_published": article.published.isoformat() if article.published else None,
        "image": article.photos[0].url if article.photos else None,
        "tags": [t.name for t in article.topics if t.name],
        "description": article.summary,
        "publisher": article.publisher.name if article.publisher else None,
    }


def trafilatura_extract(html: str, url: str | None = None) -> dict[str, Any]:
    """trafilatura's extraction with metadata, for comparison."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return {"text": ""}
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    author = data.get("author") or ""
    return {
        "text": data.get("text") or "",
        "title": data.get("title"),
        "authors": [a.strip() for a in author.split(";") if a.strip()],
        "date_published": data.get("date"),
        "image": data.get("image"),
        "tags": data.get("tags") or [],
        "description": data.get("description"),
        "publisher": data.get("sitename"),
    }
