"""Writers declare exactly what they drop (checked here by reading back, never in a writer)."""

from __future__ import annotations

import datetime
import re
import warnings
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given, settings

import newsmodel
from newsmodel import model as m
from newsmodel.io import html, jsonld, newsml, ninjs, nitf, text
from newsmodel.losses import Losses, changed_paths, report
from newsmodel.testing import articles
from tests.expected import expected_article

WHEN = datetime.datetime(2024, 4, 5, 10, 0, tzinfo=datetime.timezone.utc)

Write = Callable[..., str]
Read = Callable[..., m.Article]

#: Each writer under test: its name, how it writes, how its output is read back.
WRITERS: dict[str, tuple[Write, Read]] = {
    "ninjs 3.1": (lambda a, **o: ninjs.write(a, version="3.1", **o), ninjs.read),
    "ninjs 2.2": (lambda a, **o: ninjs.write(a, version="2.2", **o), ninjs.read),
    "ninjs 1.6": (lambda a, **o: ninjs.write(a, version="1.6", **o), ninjs.read),
    "newsml": (lambda a, **o: newsml.write(a, version_created=WHEN, **o), newsml.read),
    "newsml nitf-body": (
        lambda a, **o: newsml.write(a, body="nitf", version_created=WHEN, **o),
        newsml.read,
    ),
    "newsml package": (
        lambda a, **o: newsml.write(a, package=True, version_created=WHEN, **o),
        newsml.read,
    ),
    "nitf": (nitf.write, nitf.read),
    "jsonld": (jsonld.write, jsonld.read),
    "html": (html.write, html.read),
    "text": (text.write, text.read),
}

#: Writers whose read-back is exact wherever nothing is declared lost, for any
#: article (text is read back by heuristics made for real prose, so random articles
#: are checked on the InDaily story instead; html reads its own pages by their layout).
EXACT = [name for name in WRITERS if name != "text"]

_STEP = re.compile(r"\.?([A-Za-z_]+)|\[(\d+)\]")


def _field_path(declared: str) -> str:
    return declared.split(": ", 1)[0]


def covered(path: str, declared: tuple[str, ...]) -> bool:
    """Whether a declared path covers ``path``: itself, a path above it, or a whole item of it.

    A list whose length changed (``photos``) is covered by a dropped item of it (``photos[1]``).
    """
    for item in map(_field_path, declared):
        if path == item or path.startswith((item + ".", item + "[")):
            return True
        if re.fullmatch(re.escape(path) + r"\[\d+\]", item):
            return True
    return False


def _write(write: Write, article: m.Article) -> tuple[str, tuple[str, ...]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = write(article)
    fields: tuple[str, ...] = ()
    for warning in caught:
        if isinstance(warning.message, newsmodel.LossyConversionWarning):
            fields += warning.message.fields
    return out, fields


def check_declared(name: str, article: m.Article) -> tuple[str, ...]:
    """Write ``article``, read it back, and check the declared losses against what changed."""
    write, read = WRITERS[name]
    out, declared = _write(write, article)
    try:
        back = read(out)
    except newsmodel.NoArticleError:  # a page of nothing: all of the article is lost
        back = m.Article()
    changed = changed_paths(article, back)
    missing = [p for p in changed if not covered(p, declared)]
    assert not missing, f"{name} lost {missing} without declaring it (declared {declared})"
    top_changed = {p.split(".")[0].split("[")[0] for p in changed}
    for path in declared:
        top = _STEP.match(path)
        assert top is not None
        assert top.group(1) in top_changed, f"{name} declared {path} but it came back the same"
    return declared


@pytest.mark.parametrize("name", EXACT)
@settings(max_examples=60)
@given(article=articles(max_blocks=4))
def test_every_change_is_declared_and_every_declaration_is_a_change(
    name: str, article: m.Article
) -> None:
    check_declared(name, article)


#: What each writer declares for the InDaily story: no format but newsmodel
#: JSON has a place for quotes, and ninjs dates need a time of day.
INDAILY_LOSSES: dict[str, tuple[str, ...]] = {
    name: ("published", "modified", "quotes") if name.startswith("ninjs") else ("quotes",)
    for name in WRITERS
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_indaily_losses_are_exact(name: str) -> None:
    assert check_declared(name, expected_article()) == INDAILY_LOSSES[name]
    assert check_declared(name, attrs.evolve(expected_article(), quotes=())) == tuple(
        path for path in INDAILY_LOSSES[name] if path != "quotes"
    )


def test_paths_are_joined_under_a_view() -> None:
    losses = Losses()
    photo = losses.at("photos[0]")
    photo.drop("renditions[1].name", "no place for a rendition name")
    photo.at("renditions[2]").drop("", "no URL the format accepts")
    losses.drop("published: time of day", "a day only")
    assert losses.paths == (
        "photos[0].renditions[1].name",
        "photos[0].renditions[2]",
        "published: time of day",
    )
    assert losses.reasons()["published: time of day"] == "a day only"


def test_report_warns_with_the_paths_and_strict_raises() -> None:
    losses = Losses()
    losses.drop("bylines[1].affiliation", "no place for it")
    with pytest.warns(newsmodel.LossyConversionWarning) as record:
        report("demo", losses, strict=False)
    assert record[0].message.fields == ("bylines[1].affiliation",)  # type: ignore[union-attr]
    with pytest.raises(newsmodel.LossyConversionError) as info:
        report("demo", losses, strict=True)
    assert info.value.fields == ("bylines[1].affiliation",)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report("demo", Losses(), strict=True)


def test_coverage_rules() -> None:
    assert covered("photos[0].renditions[1].name", ("photos[0].renditions",))
    assert covered("published", ("published: time of day",))
    assert covered("photos", ("photos[1]",))
    assert not covered("photos", ("photos[1].url",))
    assert not covered("bylines[10]", ("bylines[1]",))


def test_the_message_gives_each_reason_once_for_the_paths_that_share_it() -> None:
    losses = Losses()
    losses.drop("published: time of day", "a day only")
    losses.drop("quotes", "no place for quotes")
    losses.drop("modified: time of day", "a day only")
    with pytest.warns(newsmodel.LossyConversionWarning) as caught:
        report("demo", losses, strict=False)
    warning = caught[0].message
    assert str(warning) == (
        "demo cannot carry: published: time of day, modified: time of day (a day only); "
        "quotes (no place for quotes)"
    )
    assert warning.fields == ("published: time of day", "quotes", "modified: time of day")  # type: ignore[attr-defined]
