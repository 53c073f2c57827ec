"""Tests for gwr.text.numerals: finding and reading Arabic, Chinese and Roman numerals."""

from decimal import Decimal

import pytest

from gwr.text.numerals import chinese_to_int, find_numerals, parse_number


@pytest.mark.parametrize(("quote", "value"), [
    ("3.48万", Decimal("34800")),
    ("2880亿", Decimal("288000000000")),
    ("7万", Decimal("70000")),
    ("300万", Decimal("3000000")),
    ("43.38", Decimal("43.38")),
    ("０.０８", Decimal("0.08")),
    ("１２３４５", Decimal("12345")),
    ("38.30", Decimal("38.3")),
    ("十四", Decimal("14")),
    ("两", Decimal("2")),
    ("九", Decimal("9")),
    ("二十", Decimal("20")),
    ("一百零五", Decimal("105")),
    ("三千", Decimal("3000")),
    ("Ⅲ", Decimal("3")),
    ("V", Decimal("5")),
])
def test_parse_number(quote: str, value: Decimal) -> None:
    assert parse_number(quote) == value


def test_multiplier_values_are_exact_not_floats() -> None:
    # 3.48 * 10000 in binary floating point is 34800.000000000004.
    assert str(parse_number("3.48万")) == "34800"
    assert str(parse_number("2.9万")) == "29000"


@pytest.mark.parametrize("quote", ["", "万", "亿", "3.4.8"])
def test_parse_number_rejects_non_numbers(quote: str) -> None:
    with pytest.raises(ValueError):
        parse_number(quote)


def test_chinese_place_values() -> None:
    assert chinese_to_int("一万零五") == 10005
    assert chinese_to_int("两亿三千万") == 230_000_000
    assert chinese_to_int("十") == 10


def test_find_numerals_reads_multiplier_with_its_number() -> None:
    found = find_numerals("引进7万余人，新增集中供热2000万平方米")
    assert [(n.quote, n.script) for n in found] == [("7万", "arabic"), ("2000万", "arabic")]


def test_find_numerals_full_width_and_decimals() -> None:
    assert [n.quote for n in find_numerals("增长８６．５％和68％")] == ["８６．５", "68"]


def test_find_numerals_chinese_and_roman() -> None:
    assert [n.quote for n in find_numerals("第十四届第五次，退出劣Ⅴ类")] == ["十四", "五", "Ⅴ"]


def test_find_numerals_sees_wan_inside_ordinary_words() -> None:
    # The detector is deliberately blind to words: 万 of 万达 is found here and removed by
    # the curated list of ordinary words (see test_mentions).
    assert [n.quote for n in find_numerals("万达广场")] == ["万"]


# Mutation testing (make mutate, tests/MUTANTS.md): rules and messages no source text exercises.
# Expected values are read from the numerals themselves, written down by hand.

def test_two_chinese_digits_read_digit_by_digit() -> None:
    # 二〇 digit by digit is 20 (as in 二〇二〇); read positionally it would be 0.
    assert chinese_to_int("二〇") == 20
    assert chinese_to_int("九五") == 95


@pytest.mark.parametrize("text", ["", "三a", "十x五"])
def test_not_a_chinese_numeral(text: str) -> None:
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        chinese_to_int(text)


def test_parse_number_messages() -> None:
    with pytest.raises(ValueError, match=r"^empty numeral$"):
        parse_number("")
    with pytest.raises(ValueError, match=r"^not an Arabic number: '1\.2\.3'$"):
        parse_number("1.2.3")
    # An ASCII letter that is no Roman numeral is not an Arabic number either: it is refused as
    # a Chinese numeral, which is what a non-digit start means.
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        parse_number("a5")
