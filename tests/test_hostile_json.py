"""Hostile input for the JSON readers (newsmodel, ninjs, JSON-LD): time, memory, errors."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import pytest

import newsmodel
from newsmodel import model as m
from newsmodel import schemaorg
from newsmodel.io import html, jsonld, newsmodel_json, ninjs
from tests.conftest import GOLDEN

JSON_FORMATS = ["newsmodel", "ninjs", "jsonld"]
SRC = str(GOLDEN.parent.parent / "src")


def _fastest(func: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def _refused(fmt: str, data: str | bytes) -> Callable[[], object]:
    def run() -> None:
        with pytest.raises(newsmodel.ReadError):
            newsmodel.read(data, format=fmt)

    return run


def _grows_linearly(make: Callable[[int], Callable[[], object]], n: int) -> None:
    small, large = _fastest(make(n)), _fastest(make(2 * n))
    assert large < 3.5 * max(small, 1e-3), (small, large)


# ---------------------------------------------------------------------------
# 3e: the depth check's string scanner


@pytest.mark.parametrize("fmt", ["newsmodel", "ninjs"])
def test_escaped_quotes_scan_in_linear_time(fmt: str) -> None:
    # an unterminated string of escaped quotes: the old scanner backtracked (30 KB, 2.8 s)
    _grows_linearly(lambda n: _refused(fmt, '"' + '\\"' * n), 50_000)


@pytest.mark.parametrize("fmt", ["newsmodel", "ninjs"])
def test_brackets_in_strings_do_not_count_as_nesting(fmt: str) -> None:
    doc = {"newsmodel": "1.0", "article": {"headline": "[{" * 5000}}
    if fmt == "ninjs":
        doc = {"uri": "u", "type": "text", "headline": "[{" * 5000}
    assert newsmodel.read(json.dumps(doc), format=fmt).headline == "[{" * 5000


def test_nesting_limit_is_exact() -> None:
    from newsmodel._json import MAX_DEPTH, parse_json

    assert parse_json("[" * MAX_DEPTH + "]" * MAX_DEPTH, format="x") is not None
    assert parse_json('["]]]' + "[" * 500 + '"]', format="x") == ["]]]" + "[" * 500]
    for depth in (MAX_DEPTH + 1, 5000, 200_000):
        with pytest.raises(newsmodel.InputTooLargeError, match="nesting deeper than 200"):
            parse_json("[" * depth + "]" * depth, format="x")
    with pytest.raises(newsmodel.InputTooLargeError):
        parse_json("[" * 200_000, format="x")  # never closed


# ---------------------------------------------------------------------------
# 3d: lenient JSON-LD recovery


def _count_decodes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = json.JSONDecoder.raw_decode

    def counting(self: json.JSONDecoder, s: str, idx: int = 0) -> tuple[Any, int]:
        calls.append(idx)
        return original(self, s, idx)

    monkeypatch.setattr(json.JSONDecoder, "raw_decode", counting)
    return calls


@pytest.mark.parametrize(
    "damaged",
    [
        '{"a": ' * 100_000,  # nested objects, never closed (too deep for the decoder)
        '{"a": ' * 150 + "x" + "}" * 150,  # broken at the bottom of a chain
        '[{"@type": "Thing", "x": ' * 150 + "?",  # a chain through arrays
    ],
)
def test_recovery_does_not_retry_inside_a_broken_object(
    monkeypatch: pytest.MonkeyPatch, damaged: str
) -> None:
    calls = _count_decodes(monkeypatch)
    assert schemaorg.loads_lenient(damaged) is None
    assert len(calls) <= 8  # the old loop decoded again from every "{"


@pytest.mark.parametrize(
    "damaged",
    [
        '{"@type": "Thing", "name": "x", "part": ' * 5000 + "oops",  # 100,000 of these: 5-6 s
        ('{"@type": "Thing", "part": ' * 150 + "oops" + "}" * 150) * 40,
        "{" * 200_000,  # each failure counted the lines before it
        '{"a": oops} ' * 20_000,
    ],
)
def test_recovery_costs_a_few_parses(damaged: str) -> None:
    valid = json.dumps([{"@type": "Thing", "name": "x" * 30}] * (len(damaged) // 40))
    broken = _fastest(lambda: schemaorg.loads_lenient(damaged))
    whole = _fastest(lambda: schemaorg.loads_lenient(valid))
    assert broken < 50 * whole, (broken, whole)  # the old loop: 200 to 5000 times


def test_recovery_still_finds_what_pages_hold() -> None:
    article = '{"@type": "NewsArticle", "headline": "H", "author": {"name": "Jane Doe"}}'
    pasted = article + '\n{"@type": "WebSite", "name": "Paper"}'
    assert [d["@type"] for d in schemaorg.loads_lenient(pasted)] == ["NewsArticle", "WebSite"]
    # the whole is broken beyond repair; the article inside its @graph is not
    graph = '{"@context": "https://schema.org", "@graph": [' + article + '], "x": tru}'
    assert jsonld.read(graph).headline == "H"
    # an object after a broken one, and one inside it before the break
    broken = '{"a": {"b": 1}, "c": "quote" inside"} {"d": 2}'
    assert schemaorg.loads_lenient(broken) == [{"b": 1}, {"d": 2}]
    assert schemaorg.loads_lenient('{"a": "x" "y"} {"d": 2}') == [{"d": 2}]
    page = (
        b'<html><head><script type="application/ld+json">'
        + (article[:-1] + ', "keywords": "a, b",}').encode()
        + b"</script></head><body><p>Text of the story.</p></body></html>"
    )
    assert html.read(page).headline == "H"


def test_recovery_attempts_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsmodel._json import MAX_RECOVERY_ATTEMPTS

    calls = _count_decodes(monkeypatch)
    assert schemaorg.loads_lenient("{" * 50_000) is None
    assert len(calls) <= MAX_RECOVERY_ATTEMPTS + 2


# ---------------------------------------------------------------------------
# 4: memory, measured in a child process

_MEASURE = """
import json, sys, tracemalloc, warnings
import newsmodel
warnings.simplefilter("ignore")
size = 4 * 1024 * 1024
inputs = {
    "json string": '"' + "a" * size + '"',
    "not json": "hello world " * (size // 12),
    "unterminated string": '"' + "ab " * (size // 3),
    "nested arrays": "[" * size,
    "nested pairs": "[]" * (size // 2),
    "short words": '{"uri": "u", "type": "text", "@type": "NewsArticle", "body_text": "'
    + "word. " * (size // 6) + '", "articleBody": "' + "word. " * (size // 6) + '"}',
}
peaks = {}
tracemalloc.start()
for fmt in ("newsmodel", "ninjs", "jsonld"):
    for name, data in inputs.items():
        data = data.encode()
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        try:
            newsmodel.read(data, format=fmt, **({} if fmt == "newsmodel" else {"quotes": False}))
        except newsmodel.NewsmodelError:
            pass
        peaks[f"{fmt}: {name}"] = (tracemalloc.get_traced_memory()[1] - before) / len(data)
print(json.dumps(peaks))
"""


def test_memory_stays_a_small_multiple_of_the_input() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": SRC},
        timeout=120,
    )
    peaks = json.loads(out.stdout)
    # the old string scanner held about 120 bytes per character of a JSON string
    assert {name: ratio for name, ratio in peaks.items() if ratio > 12} == {}


# ---------------------------------------------------------------------------
# size bounds and numbers


def test_too_many_values_are_refused_before_parsing() -> None:
    from newsmodel._json import MAX_VALUES

    many = "[" + "0," * MAX_VALUES + "0]"
    for fmt in JSON_FORMATS:
        with pytest.raises(newsmodel.InputTooLargeError, match="values"):
            newsmodel.read(many, format=fmt)
    # commas inside strings are no values
    headline = "," * (MAX_VALUES + 10)
    doc = json.dumps({"newsmodel": "1.0", "article": {"headline": headline}})
    assert newsmodel.read(doc, format="newsmodel").headline == headline


@pytest.mark.parametrize("digits", [1001, 5000, 100_000])
def test_huge_integers_are_read_errors_even_without_pythons_limit(digits: int) -> None:
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)  # converting would take quadratic time
    try:
        for fmt, doc in [
            ("newsmodel", '{"newsmodel": "1.0", "article": {"photos": [{"width": %s}]}}'),
            ("ninjs", '{"uri": "u", "urgency": %s}'),
            ("jsonld", '{"@type": "NewsArticle", "headline": "H", "wordCount": %s}'),
        ]:
            text = doc % ("9" * digits)
            start = time.perf_counter()
            if fmt == "jsonld":  # lenient: the number is dropped
                assert newsmodel.read(text, format=fmt).headline == "H"
            else:
                with pytest.raises(newsmodel.ReadError, match="digits"):
                    newsmodel.read(text, format=fmt)
            assert time.perf_counter() - start < 1
    finally:
        sys.set_int_max_str_digits(limit)


def test_infinite_numbers_are_refused_with_their_path() -> None:
    # newsmodel JSON leaves the value out (a number that is no integer), naming its path
    doc = '{"newsmodel": "1.0", "article": {"photos": [{"url": "u", "width": 1e999999}]}}'
    with pytest.warns(newsmodel.IgnoredContentWarning, match=r"\$\.article\.photos\[0\]\.width"):
        assert newsmodel_json.read(doc).photos == (m.Photo(url="u"),)
    # ninjs drops a value it cannot use, naming its path (one policy for every reader)
    with pytest.warns(newsmodel.IgnoredContentWarning, match=r"\$\.urgency \(expected a whole"):
        assert ninjs.read('{"uri": "u", "urgency": -1e999999}').urgency is None


# ---------------------------------------------------------------------------
# errors: ours, short, printable


def test_lone_surrogates_are_read_errors_that_print() -> None:
    for doc in [
        '{"newsmodel": "1.0", "article": {"headline": "a\\ud800b"}}',
        '{"newsmodel": "1.0", "article": {"\\udfff": 1}}',
        '{"newsmodel": "1.0", "\\ud800": 1, "article": {}}',
        '{"newsmodel": "\\ud800", "article": {}}',
        '{"\\ud800": 1}',
        '{"newsmodel": "1.0", "article": {"bylines": [{"name": "A", "kind": "\\ud800"}]}}',
    ]:
        with pytest.raises(newsmodel.ReadError) as info:
            newsmodel_json.read(doc)
        assert info.value.where and info.value.where.startswith("$")
        str(info.value).encode("utf-8")  # no lone surrogate in the message
    article = ninjs.read('{"uri": "u", "type": "text", "headline": "a\\ud800b"}')
    assert article.headline == "ab"
    assert jsonld.read('{"@type": "NewsArticle", "headline": "a\\udc00b"}').headline == "ab"


def test_messages_do_not_quote_whole_values() -> None:
    big = "x" * 1_000_000
    for fmt, doc in [
        ("newsmodel", {"newsmodel": big, "article": {}}),
        ("newsmodel", {big: 1}),
        ("newsmodel", {"newsmodel": "1.0", "article": {}, big: 1}),
        ("newsmodel", {"newsmodel": "1.0", "article": {"published": big}}),
        ("newsmodel", {"newsmodel": "1.0", "article": {"body": [{"type": big}]}}),
    ]:
        with pytest.raises(newsmodel.ReadError) as info:
            newsmodel.read(json.dumps(doc), format=fmt)
        assert len(str(info.value)) < 1000
    for key in ("versioncreated", "language", "pubstatus"):  # ninjs drops them, with a warning
        with pytest.warns(newsmodel.IgnoredContentWarning, match=key) as record:
            newsmodel.read(json.dumps({"uri": "u", key: big}), format="ninjs")
        assert len(str(record[0].message)) < 1000
    duplicate = f'{{"{big}": 1, "{big}": 2}}'
    with pytest.raises(newsmodel.ReadError, match="duplicate key") as info:
        newsmodel_json.read(duplicate)
    assert len(str(info.value)) < 1000


@pytest.mark.parametrize("fmt", JSON_FORMATS)
@pytest.mark.parametrize("data", [5, None, 1.5, ["{}"], {"uri": "u"}, object()])
def test_wrong_input_types_are_read_errors(fmt: str, data: Any) -> None:
    with pytest.raises(newsmodel.ReadError):
        newsmodel.read(data, format=fmt)


def test_wrong_option_types_are_newsmodel_errors() -> None:
    doc = (GOLDEN / "indaily.ninjs-2.2.json").read_bytes()
    with pytest.raises(newsmodel.ReadError, match="version"):
        ninjs.read(doc, version=5)  # type: ignore[arg-type]
    with pytest.raises(newsmodel.NewsmodelError, match="Catalog"):
        ninjs.read(doc, catalog="x")  # type: ignore[arg-type]


def test_squash_spaces_is_split_and_join() -> None:
    from newsmodel import _json

    chunk = _json._SQUASH_CHUNK
    text = ("ab \u2003 c\t\xa0d\x1c" * (chunk // 5)) + "e" * (chunk + 5) + "  f "
    assert _json.squash_spaces(text) == " ".join(text.split())
    text = text.replace("\x1c", "")  # a control character the model drops
    assert ninjs.read(json.dumps({"uri": "u", "body_text": text})).body == (
        m.Paragraph(content=(" ".join(text.split()),)),
    )
