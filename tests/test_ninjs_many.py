"""Many ninjs items in one document: arrays and API envelopes (newsmodel.io.ninjs.many)."""

from __future__ import annotations

import json
import warnings

import pytest

import newsmodel
from newsmodel.errors import IgnoredContentWarning, ReadError
from newsmodel.io import ninjs

#: Two made-up ninjs 2.x text items.
ITEMS = [
    {"uri": "urn:example:wire:1", "type": "text", "headlines": [{"value": "Ferry timetable changes"}],
     "bodies": [{"role": "main", "contenttype": "text/plain", "value": "Boats run later."}]},
    {"uri": "urn:example:wire:2", "type": "text", "headlines": [{"value": "Market hall reopens"}],
     "bodies": [{"role": "main", "contenttype": "text/plain", "value": "Stalls return."}]},
]  # fmt: skip
HEADLINES = ["Ferry timetable changes", "Market hall reopens"]


def _headlines(doc: object) -> list[str | None]:
    data = json.dumps(doc)
    assert newsmodel.detect_format(data).name == "ninjs"
    return [a.headline for a in newsmodel.read_many(data, quotes=False)]


@pytest.mark.parametrize(
    "doc",
    [
        ITEMS,
        {"total": 2, "items": ITEMS},
        {"item": ITEMS},
        {"_items": ITEMS, "_meta": {"total": 2, "page": 1}},  # an Eve-style API
        {"results": ITEMS, "next": None},
        {"api_version": "2", "data": {"current_item_count": 2, "items": ITEMS}},
        {"data": {"items": [{"meta": {"score": 1.5}, "item": item} for item in ITEMS]}},
    ],
    ids=["array", "total-items", "item", "_items", "results", "nested", "wrapped"],
)
def test_arrays_and_envelopes_give_every_item(doc: object) -> None:
    assert _headlines(doc) == HEADLINES


def test_an_envelope_of_one_item_object() -> None:
    assert _headlines({"item": ITEMS[0], "meta": {"score": 2}}) == HEADLINES[:1]


def test_envelopes_nest_only_so_deep() -> None:
    deep = {"data": {"data": {"items": ITEMS}}}
    with pytest.raises(ReadError, match="needs a 'uri'"):
        list(ninjs.read_many(json.dumps(deep)))


def test_read_gives_the_first_item_of_many_and_warns() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = ninjs.read(json.dumps({"total": 2, "items": ITEMS}))
    assert article.headline == HEADLINES[0]
    assert any("read returns the first" in str(w.message) for w in caught)


def test_entries_that_are_not_items_are_skipped_with_their_path() -> None:
    with pytest.warns(IgnoredContentWarning, match=r"\$\.items\[1\] is string"):
        got = list(ninjs.read_many(json.dumps({"items": [ITEMS[0], "oops", ITEMS[1]]})))
    assert [a.headline for a in got] == HEADLINES


@pytest.mark.parametrize(
    ("doc", "message"),
    [([], "no ninjs item"), (["x"], "no ninjs item"), (7, "expected a JSON object or array")],
)
def test_read_of_no_item_is_our_error(doc: object, message: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", IgnoredContentWarning)
        with pytest.raises(ReadError, match=message):
            ninjs.read(json.dumps(doc))


def test_a_wrapped_item_names_its_path() -> None:
    doc = {"data": {"items": [{"item": ITEMS[0]}, {"item": {**ITEMS[1], "urgency": "high"}}]}}
    with pytest.warns(IgnoredContentWarning, match=r"\$\.data\.items\[1\]\.item\.urgency"):
        got = list(ninjs.read_many(json.dumps(doc)))
    assert [a.headline for a in got] == HEADLINES


def test_script_urls_of_renditions_and_links_are_dropped() -> None:
    item = {
        "uri": "urn:example:1",
        "headline": "Links",
        "associations": {
            "pic": {
                "uri": "urn:example:pic",
                "type": "picture",
                "renditions": {
                    "bad": {"href": "javascript:alert(1)"},
                    "good": {"href": "https://media.example/p.jpg"},
                },
            },
            "rel": {"uri": "javascript:alert(2)", "type": "text"},
        },
    }
    article = newsmodel.read(json.dumps(item), "ninjs", quotes=False)
    assert [p.url for p in article.photos] == ["https://media.example/p.jpg"]
    assert all("javascript" not in (r.url or "") for p in article.photos for r in p.renditions)
    assert article.links == ()


def test_a_long_run_of_entries_that_are_not_items_warns_a_bounded_number_of_times() -> None:
    doc = json.dumps({"items": [ITEMS[0], *range(5000), ITEMS[1]]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = list(ninjs.read_many(doc))
    assert [a.headline for a in got] == HEADLINES
    messages = [str(w.message) for w in caught]
    assert len(messages) == 21 and messages[-1] == (
        "ninjs: 4980 more entries of $.items that are not items skipped"
    )
