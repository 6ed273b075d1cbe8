"""Every quote rule decides its own example sentence, and keeps or drops the quote."""

from __future__ import annotations

import pytest

from newsmodel.quotes import extract
from newsmodel.quotes.candidates import _decisions
from newsmodel.quotes.names import NAME_RULES, NameRule, _trim
from newsmodel.quotes.rules import RULES, Rule

RULES_BY_NAME = {rule.name: rule for rule in RULES}


def test_the_rules_have_distinct_names_and_end_with_a_catch_all() -> None:
    names = [rule.name for rule in RULES]
    assert len(set(names)) == len(names)
    assert names[-1] == "unattributed"
    assert not RULES[-1].keeps


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_each_rule_decides_its_example(rule: Rule) -> None:
    decided = _decisions(rule.example)
    words = [text for text, name in decided if name == rule.name]
    assert words, f"{rule.name!r} did not decide {rule.example!r}: {decided}"
    found = [quote.text for quote in extract(rule.example)]
    for text in words:
        assert (text in found) is rule.keeps, (rule.name, text, found)


def test_a_rule_that_keeps_a_quote_can_name_its_speaker() -> None:
    (quote,) = extract(RULES_BY_NAME["introduced"].example)
    assert quote.speaker == "Lindqvist"
    (quote,) = extract(RULES_BY_NAME["sentence verb"].example)
    assert (quote.speaker, quote.verb, quote.kind.value) == ("Ana Okafor", "criticized", "partial")
    (quote,) = extract(RULES_BY_NAME["someone's words for"].example)
    assert quote.speaker == "Reyes"


def test_the_decisions_of_a_text_follow_its_quotation_marks() -> None:
    text = "“We will not back down,” Jane Doe said. The word “reckless” came up."
    assert _decisions(text) == [
        ("We will not back down,", "speech verb"),
        ("reckless", "term"),
    ]


@pytest.mark.parametrize("rule", NAME_RULES, ids=lambda rule: rule.name)
def test_each_name_rule_trims_its_example(rule: NameRule) -> None:
    words = rule.example.split()
    assert " ".join(words[: rule.keep(words)]) == rule.expected
    assert _trim(rule.example) == rule.expected


def test_a_name_rule_leaves_a_plain_name_alone() -> None:
    for rule in NAME_RULES:
        assert rule.keep(["Jonas", "Wielander"]) == 2
    assert _trim("Bank of Eastby") == "Bank of Eastby"
    assert _trim("Alliance for Harbor Safety") == "Alliance for Harbor Safety"
