"""Tests for gwr.text.qualifiers."""

import pytest

from gwr.text.qualifiers import AFTER_NUMBER, AFTER_UNIT, combine, qualifier_after, qualifier_before


@pytest.mark.parametrize(("before", "expected"), [
    ("惠及群众近", "nearly"), ("外贸进出口总额超过", "more_than"), ("新建公办园不少于", "at_least"),
    ("约", "about"), ("至少", "at_least"), ("不超过", "at_most"),
])
def test_words_before_the_number(before: str, expected: str) -> None:
    assert qualifier_before(before)[1] == expected


def test_no_qualifier_before() -> None:
    assert qualifier_before("完成") is None


@pytest.mark.parametrize(("after", "table", "expected"), [
    ("余人", AFTER_NUMBER, "more_than"), ("多场", AFTER_NUMBER, "more_than"),
    ("以上。", AFTER_UNIT, "at_least"), ("左右。", AFTER_UNIT, "about"),
    ("以内", AFTER_UNIT, "at_most"), ("以后。", AFTER_UNIT, "at_least"),
])
def test_words_after_the_number(after: str, table: dict, expected: str) -> None:
    assert qualifier_after(after, table)[1] == expected


def test_combine() -> None:
    assert combine([]) == "exact"
    assert combine(["more_than"]) == "more_than"
    with pytest.raises(ValueError, match="conflicting"):
        combine(["nearly", "more_than"])


def test_the_longest_word_after_wins() -> None:
    # The rule of qualifier_after: where one word starts another (以, 以上), the longer is read.
    table = {"以": "short", "以上": "at_least"}
    assert qualifier_after("以上，", table) == ("以上", "at_least")
    assert qualifier_after("以，", table) == ("以", "short")
