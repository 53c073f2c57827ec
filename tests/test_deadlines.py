"""Tests for gwr.deadlines."""

from datetime import date

import pytest

from gwr.deadlines import find_deadline, parse_deadline


@pytest.mark.parametrize(("phrase", "expected"), [
    ("年内", date(2020, 12, 31)), ("年底前", date(2020, 12, 31)), ("全年", date(2020, 12, 31)),
    ("今年", date(2020, 12, 31)), ("6月底前", date(2020, 6, 30)), ("6月", date(2020, 6, 30)),
    ("8月", date(2020, 8, 31)), ("9月", date(2020, 9, 30)), ("10月", date(2020, 10, 31)),
    ("2月", date(2020, 2, 29)), ("十二月", date(2020, 12, 31)),
])
def test_parse_deadline(phrase: str, expected: date) -> None:
    assert parse_deadline(phrase) == expected


@pytest.mark.parametrize("phrase", ["尽快", "13月", "每年", ""])
def test_parse_deadline_rejects(phrase: str) -> None:
    with pytest.raises(ValueError):
        parse_deadline(phrase)


@pytest.mark.parametrize(("clause", "phrase"), [
    ("6月底前力争完成5G基站新建改建2900座以上", "6月底前"),
    ("市中医医院门诊楼、市血液中心业务综合楼10月完工", "10月"),
    ("市儿童福利院、康宁医院、救助管理站6月竣工", "6月"),
    ("一外、二外等新校9月投入使用", "9月"),
    ("全年新增停车泊位1万个以上", "全年"),
    ("年底前全市高新技术企业达到1800家以上", "年底前"),
])
def test_find_deadline(clause: str, phrase: str) -> None:
    assert find_deadline(clause)[1] == phrase


def test_a_date_is_not_a_deadline_and_this_year_is_not_searched() -> None:
    assert find_deadline("4月27日上午") is None
    assert find_deadline("今年太原市将大力发展") is None
    assert find_deadline("各城区每年新建公办园不少于3所") is None
