"""Tests for gwr.data.mentions and mentions.csv: every number in the text, each with one class."""

from __future__ import annotations

import copy
import re

import pytest

from gwr.curated import load_yaml_mapping
from gwr.data.formulations import load_formulations
from gwr.data.indicators import load_indicators
from gwr.data.mentions import find_mentions, ordinary_word_spans
from gwr.errors import CuratedDataError
from gwr.text.numerals import CHINESE_RUN


@pytest.fixture(scope="module")
def mentions(tables):
    return tables["mentions"]


@pytest.fixture(scope="module")
def inputs(text, paragraphs):
    return load_indicators(paragraphs), load_formulations(text, paragraphs)


def _covered(frame, start, end):
    return ((frame["start"] <= start) & (frame["end"] >= end)).any()


def test_every_run_of_digits_has_a_mention(text, mentions):
    runs = list(re.finditer(r"[0-9０-９]+", text))
    assert len(runs) > 100
    missing = [(m.group(), m.start()) for m in runs if not _covered(mentions, m.start(), m.end())]
    assert missing == []


def test_every_chinese_numeral_outside_ordinary_words_has_a_mention(text, paragraphs, mentions):
    ordinary = ordinary_word_spans(text, paragraphs)
    missing = []
    for m in CHINESE_RUN.finditer(text):
        for i in range(m.start(), m.end()):
            if any(a <= i < b for a, b in ordinary):
                continue
            if text[i] in "万亿" and i > 0 and text[i - 1].isdigit():
                continue  # a multiplier, read with its Arabic number
            if not _covered(mentions, i, i + 1):
                missing.append((text[i], i))
    assert missing == []


def test_ordinary_words_have_no_mention(text, mentions):
    for word in ["进一步", "统一", "一体化", "万达", "千里马", "一流", "一批", "万向"]:
        for m in re.finditer(word, text):
            assert not ((mentions["start"] < m.end()) & (mentions["end"] > m.start())).any(), word


@pytest.mark.parametrize(("paragraph", "context", "quote", "cls"), [
    (3, "第十四届", "十四", "ordinal"),
    (3, "第五次", "五", "ordinal"),
    (3, "4月27日", "4月27日", "date"),
    (4, "2019年工作回顾", "2019", "year"),
    (28, "2号线", "2", "name"),
    (85, "5G基站", "5", "name"),
    (108, "12345", "12345", "formulation"),
    (19, "2+26", "26", "formulation"),
    (5, "三大攻坚战", "三", "formulation"),
    (6, "九个方面", "九", "quantity"),
    (6, "一是", "一", "ordinal"),
    (21, "劣Ⅴ类", "Ⅴ", "name"),
    (74, "劣V类", "V", "name"),
    (74, "国Ⅲ", "Ⅲ", "name"),
    (55, "5A级", "5", "name"),
    (97, "18时", "18", "quantity"),
    (5, "70周年", "70", "ordinal"),
    (41, "全省第一", "一", "ordinal"),
    (89, "二期", "二", "ordinal"),
    (5, "二青盛会", "二", "name"),
    (95, "零就业", "零", "formulation"),
])
def test_pitfall_classes(text, paragraphs, mentions, paragraph, context, quote, cls):
    para = paragraphs[paragraph - 1]
    start = para.start + para.text.index(context) + context.index(quote)
    row = mentions[mentions["start"] == start]
    assert len(row) == 1, (context, quote)
    assert row["quote"].iloc[0] == quote
    assert row["class"].iloc[0] == cls


def test_values_are_exact(mentions):
    by_quote = dict(zip(mentions["quote"], mentions["value"], strict=False))
    assert str(by_quote["3.48万"]) == "34800"
    assert str(by_quote["2880亿"]) == "288000000000"


def test_classes_cover_all_six(mentions):
    assert set(mentions["class"]) == {"quantity", "date", "year", "ordinal", "name", "formulation"}


def test_a_number_without_a_class_stops_the_pipeline(text, paragraphs, inputs):
    curated = load_yaml_mapping("mentions.yml")
    del curated["28: 2号线"]
    with pytest.raises(CuratedDataError, match=r"¶28: the numeral '2'.*mentions.yml"):
        find_mentions(text, paragraphs, *inputs, curated=curated)


def test_stale_context_names_file_and_entry(text, paragraphs, inputs):
    curated = load_yaml_mapping("mentions.yml")
    curated["28: 4号线"] = curated.pop("28: 2号线")
    with pytest.raises(CuratedDataError, match=r"data/curated/mentions.yml, entry '28: 4号线'"):
        find_mentions(text, paragraphs, *inputs, curated=curated)


def test_bad_class_names_file_and_entry(text, paragraphs, inputs):
    curated = copy.deepcopy(load_yaml_mapping("mentions.yml"))
    curated["85: 5G"]["class"] = "technology"
    with pytest.raises(CuratedDataError, match=r"mentions.yml, entry '85: 5G': class 'technology'"):
        find_mentions(text, paragraphs, *inputs, curated=curated)


def test_context_without_numeral_is_stale(text, paragraphs, inputs):
    curated = load_yaml_mapping("mentions.yml")
    curated["28: 号线"] = {"class": "name"}
    with pytest.raises(CuratedDataError, match=r"entry '28: 号线': the context holds no numeral"):
        find_mentions(text, paragraphs, *inputs, curated=curated)


def test_ordinary_word_with_wrong_paragraphs_is_stale(text, paragraphs):
    words = copy.deepcopy(load_yaml_mapping("numeral_words.yml"))
    words["进一步"]["paragraphs"] = [28]
    with pytest.raises(CuratedDataError, match=r"numeral_words.yml, entry '进一步': paragraphs"):
        ordinary_word_spans(text, paragraphs, curated=words)


def test_ordinary_word_without_numeral_is_refused(text, paragraphs):
    words = copy.deepcopy(load_yaml_mapping("numeral_words.yml"))
    words["首批"] = {"paragraphs": [12], "gloss": "first batch", "note": "no numeral char"}
    with pytest.raises(CuratedDataError, match=r"entry '首批': the word holds no numeral"):
        ordinary_word_spans(text, paragraphs, curated=words)


def test_removing_an_ordinary_word_surfaces_its_numeral(text, paragraphs, inputs):
    words = copy.deepcopy(load_yaml_mapping("numeral_words.yml"))
    del words["万达"]
    with pytest.raises(CuratedDataError, match=r"¶53: the numeral '万'"):
        find_mentions(text, paragraphs, *inputs, words=words)
