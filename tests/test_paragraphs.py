"""Splitting the source into paragraphs ¶1-¶110 with exact code-point offsets."""

from __future__ import annotations

import itertools

import pytest

from gwr.paragraphs import is_heading_text, split_paragraphs


def test_one_paragraph_per_line(paragraphs):
    assert [p.number for p in paragraphs] == list(range(1, 111))


def test_offsets_slice_the_text_exactly(text, paragraphs):
    for p in paragraphs:
        assert text[p.start:p.end] == p.text
        assert "\n" not in p.text
    # Consecutive paragraphs are separated by exactly one line feed.
    for a, b in itertools.pairwise(paragraphs):
        assert b.start == a.end + 1 and text[a.end] == "\n"
    assert paragraphs[-1].end == len(text)


def test_offsets_count_code_points_not_bytes():
    paras = split_paragraphs("一二三\nabc")
    assert (paras[1].start, paras[1].end) == (4, 7)


def test_carriage_returns_are_refused():
    with pytest.raises(ValueError, match="carriage return"):
        split_paragraphs("a\r\nb")


@pytest.mark.parametrize("number", [1, 2, 10, 11, 14, 17, 42, 43, 57, 61, 107])
def test_known_headings(paragraphs, number):
    assert paragraphs[number - 1].is_heading


@pytest.mark.parametrize("number", [3, 4, 9, 12, 82, 97, 99, 110])
def test_known_body_paragraphs(paragraphs, number):
    assert not paragraphs[number - 1].is_heading


def test_heading_count(paragraphs):
    assert sum(p.is_heading for p in paragraphs) == 23


@pytest.mark.parametrize(("line", "expected"), [
    ("经济高质量发展", True),
    ("本次大会采取“主会场+分会场”视频会议方式举行。", False),
    ("结束了！", False),
    ("政治本色。（记者李飞飞）", False),
    ("", False),
])
def test_heading_rule(line, expected):
    assert is_heading_text(line) is expected
