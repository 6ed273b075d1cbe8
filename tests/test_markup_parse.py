"""The markup parser: one per thread, each parse checked on its own.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import threading

import pytest
from lxml import etree

from newsmodel import model as m
from newsmodel.errors import InputTooLargeError
from newsmodel.markup import blocks_from_html
from newsmodel.markup.parse import HTML_MAX_DEPTH, parse_document


def test_each_thread_has_its_own_parser() -> None:
    def parser() -> object:
        return parse_document("<p>w</p>").getroottree().parser

    found: list[object] = []
    thread = threading.Thread(target=lambda: found.append(parser()))
    thread.start()
    thread.join()
    assert parser() is parser()
    assert found and found[0] is not parser()


def test_a_parse_that_stopped_does_not_spoil_the_next() -> None:
    too_deep = "<div>" * (HTML_MAX_DEPTH + 10) + "words" + "</div>" * (HTML_MAX_DEPTH + 10)
    with pytest.raises(InputTooLargeError):
        parse_document(too_deep)
    # the same parser reads the next fragment whole, its error log that parse's alone
    after = blocks_from_html("<p>After the deep one.</p>")
    assert after == (m.Paragraph(content=("After the deep one.",)),)
    parser = parse_document("<p>w</p>").getroottree().parser
    assert not [e for e in parser.error_log if e.level >= etree.ErrorLevels.FATAL]
