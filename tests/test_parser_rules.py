"""Every rule of the text parsers, exercised whether or not this article uses it (issue 14).

The expected values are not read from the code under test: each comes from the meaning of the
Chinese word or form, written down here by hand, or from a second method (cn2an writes the
Chinese numerals that the parser must read back; the calendar gives the last day of a month).
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gwr.text.deadlines import find_deadlines, parse_deadline
from gwr.text.numerals import find_numerals, parse_number
from gwr.text.qualifiers import (
    AFTER_NUMBER,
    AFTER_UNIT,
    BEFORE,
    qualifier_after,
    qualifier_before,
)

# --- Qualifiers: each word as the meaning of the Chinese gives it ------------------------------
# 不少于 "not less than", 不低于 "not lower than", 至少 "at least": the figure itself included;
# 超过 "exceeding": more than; 不超过 "not exceeding": at most; 约 "about"; 近 "nearly".
HAND_BEFORE = {"不少于": "at_least", "不低于": "at_least", "至少": "at_least",
               "超过": "more_than", "不超过": "at_most", "约": "about", "近": "nearly"}
# 余 and 多 after a number ("2000余场", "7万余人"): more than.
HAND_AFTER_NUMBER = {"余": "more_than", "多": "more_than"}
# 以上/以后 include the figure (administrative usage); 以下/以内 "within": at most; 左右 "about".
HAND_AFTER_UNIT = {"以上": "at_least", "以后": "at_least", "以下": "at_most", "以内": "at_most",
                   "左右": "about"}


def test_the_tables_hold_exactly_the_words_tested_here():
    """A word added to the parser needs its meaning written down here first."""
    assert set(BEFORE) == set(HAND_BEFORE)
    assert set(AFTER_NUMBER) == set(HAND_AFTER_NUMBER)
    assert set(AFTER_UNIT) == set(HAND_AFTER_UNIT)


@pytest.mark.parametrize(("word", "expected"), HAND_BEFORE.items())
def test_every_word_before_a_number(word, expected):
    assert qualifier_before(f"新建公办园{word}") == (word, expected)


@pytest.mark.parametrize(("word", "expected"), HAND_AFTER_NUMBER.items())
def test_every_word_after_a_number(word, expected):
    assert qualifier_after(f"{word}人，创新", AFTER_NUMBER) == (word, expected)


@pytest.mark.parametrize(("word", "expected"), HAND_AFTER_UNIT.items())
def test_every_word_after_a_unit(word, expected):
    assert qualifier_after(f"{word}。", AFTER_UNIT) == (word, expected)


def test_the_longest_word_wins_before_a_number():
    # 不超过 ends in 超过: read as "at most", not "more than".
    assert qualifier_before("支出不超过") == ("不超过", "at_most")


# --- Deadlines: every month form ------------------------------------------------------------
CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("suffix", ["", "底前", "底", "前", "份"])
def test_every_month_form_reads_as_the_end_of_that_month(month, suffix):
    last = date(2020, month, calendar.monthrange(2020, month)[1])  # the calendar is the oracle
    for numeral in (str(month), str(month).translate(FULL_WIDTH), CHINESE_MONTHS[month - 1]):
        assert parse_deadline(f"{numeral}月{suffix}") == last, numeral


@pytest.mark.parametrize("phrase", ["年内", "年底前", "全年"])
def test_year_end_phrases(phrase):
    assert parse_deadline(phrase) == date(2020, 12, 31)
    assert parse_deadline(phrase, year=2021) == date(2021, 12, 31)


@pytest.mark.parametrize("date_text", ["4月27日", "4月２７日", "4月二十七日", "4月二十一日",
                                       "4月三日", "十二月三十一日"])
def test_every_day_form_makes_a_month_a_date_not_a_deadline(date_text):
    assert find_deadlines(f"{date_text}上午开幕") == []


def test_a_date_is_skipped_and_the_search_goes_on():
    text = "4月27日上午开幕，年内完成改造，10月竣工"
    assert find_deadlines(text) == [(text.index("年内"), "年内"), (text.index("10月"), "10月")]


@pytest.mark.parametrize("phrase", ["13月", "0月", "十三月", "每年", "今年", "近期"])
def test_impossible_or_non_deadline_phrases_are_refused(phrase):
    with pytest.raises(ValueError):
        parse_deadline(phrase)


# --- Numerals ---------------------------------------------------------------------------------
ROMAN_BY_HAND = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ", "Ⅺ", "Ⅻ"]
LATIN_BY_HAND = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@pytest.mark.parametrize("value", range(1, 13))
def test_roman_numerals_to_twelve(value):
    assert parse_number(ROMAN_BY_HAND[value - 1]) == value
    assert parse_number(LATIN_BY_HAND[value - 1]) == value  # subtraction: IV, IX


def test_roman_numerals_are_found_in_running_text():
    found = find_numerals("锦波Ⅲ型，劣Ⅴ类，Ⅺ号")
    assert [(n.quote, n.script) for n in found] == [("Ⅲ", "roman"), ("Ⅴ", "roman"),
                                                    ("Ⅺ", "roman")]


@pytest.mark.parametrize(("quote", "exact"), [
    # Full-width digits and point, as an IME may type them.
    ("１２３４５", "12345"), ("４３．３８", "43.38"), ("０.０８", "0.08"),
    # 万 and 亿 with decimals: worked by hand (3.48 × 10 000 = 34 800 …).
    ("3.48万", "34800"), ("0.5亿", "50000000"), ("1.2345万", "12345"), ("2.9万", "29000"),
    ("１２.５万", "125000"), ("2880亿", "288000000000"), ("0.08万", "800"),
])
def test_figures_with_multipliers_and_full_width_digits(quote, exact):
    assert str(parse_number(quote)) == exact  # the string: no exponent, no float error


@pytest.mark.parametrize(("quote", "normal"), [
    ("38.30", "38.3"), ("43.380", "43.38"), ("1.20", "1.2"), ("80.0", "80"), ("100", "100"),
])
def test_decimals_are_normalised_in_their_written_form(quote, normal):
    # Decimal("38.30") == Decimal("38.3"), so only the string shows a dropped normalisation.
    assert str(parse_number(quote)) == normal


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_every_chinese_numeral_that_cn2an_writes_reads_back(n):
    """cn2an is the second method: for every integer below 10¹², its Chinese numeral parses back."""
    assert parse_number(cn2an.an2cn(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False,
                   allow_infinity=False),
       st.sampled_from([("万", 10**4), ("亿", 10**8), ("", 1)]))
def test_every_decimal_with_a_multiplier_is_exact(value, multiplier):
    word, factor = multiplier
    written = f"{value:f}"
    assert parse_number(f"{written}{word}") == Decimal(written) * factor
