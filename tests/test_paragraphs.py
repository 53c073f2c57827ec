"""Splitting the source into paragraphs ¶1-¶110 with exact code-point offsets."""

from __future__ import annotations

import itertools

import pytest

from gwr.text.paragraphs import count_sentences, is_heading_text, split_paragraphs


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


@pytest.mark.parametrize(("line", "expected"), [
    ("汽车客运东南站8月开通运营。", 1),
    ("严控政府负债，积极稳妥化解隐性债务；加快农信社改制步伐。", 1),  # ； and ， end nothing
    ("甲。乙！丙？", 3),
    ("以政府带头过“紧日子”让人民群众过上“好日子”。", 1),
    ("他说：“要干。”随后散会。", 2),  # 。” ends a sentence inside a quote
    ("第一句。没有句号的结尾", 2),
    ("经济高质量发展", 1),
    ("", 0),
    ("政治本色。（记者李飞飞　薛建英 李晶）", 1),
])
def test_sentence_rule(line, expected):
    assert count_sentences(line) == expected


def test_sentences_in_the_article(tables):
    body = tables["paragraphs"][~tables["paragraphs"]["is_heading"]]
    assert len(body) == 87
    assert (body["sentences"] == 1).sum() == 69
    assert body["sentences"].median() == 1
    by_number = body.set_index("paragraph")["sentences"]
    assert by_number[41] == 1 and by_number[6] == 9 and by_number[74] == 5 and by_number[110] == 2


def test_section_body_paragraphs_leave_out_the_heading(tables):
    sections = tables["sections"].set_index("section_id")
    assert (sections.loc["plan-city", ["paragraphs", "body_paragraphs"]] == [18, 17]).all()
    headed = sections[sections["heading_paragraph"].notna()]
    assert (headed["paragraphs"] - headed["body_paragraphs"] == 1).all()
    assert sections.loc["front", "body_paragraphs"] == 7  # ¶1 headline, ¶2 original title
