"""schema.org <-> the model: the one mapping of ``NewsArticle`` and its kin.

Used both ways by the ``jsonld`` format (:mod:`newsmodel.io.jsonld`) and by
web-page reading (:mod:`newsmodel.page`, pages embed JSON-LD); the HTML writer
embeds what :func:`to_data` gives. Reading accepts a single object, an array,
or an ``@graph``; finds the article among ``NewsArticle``, ``Article``,
``ReportageNewsArticle``, ``BlogPosting`` and their kin; resolves ``@id``
references inside the document; and recovers from common damage (trailing
commas, raw control characters, several objects pasted together).

Reading is :mod:`newsmodel.schemaorg.read`, writing (with each loss declared
by the reader's own rules) :mod:`newsmodel.schemaorg.write`.
"""

from newsmodel.schemaorg.read import (
    ARTICLE_TYPES,
    MIN_YEAR,
    article_from_data,
    find_articles,
    jsonld_date,
    loads,
    loads_lenient,
    locate_articles,
)
from newsmodel.schemaorg.write import to_data

__all__ = [
    "ARTICLE_TYPES",
    "MIN_YEAR",
    "article_from_data",
    "find_articles",
    "jsonld_date",
    "loads",
    "loads_lenient",
    "locate_articles",
    "to_data",
]
