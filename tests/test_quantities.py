"""Tests for gwr.text.quantities: the pitfalls of reading a stated figure."""

from decimal import Decimal

import pytest

from gwr.data.indicators import load_units
from gwr.text.quantities import read_quantity

UNITS = list(load_units())


def read(text: str, number: str):
    start = text.index(number)
    return read_quantity(text, start, start + len(number), UNITS)


@pytest.mark.parametrize(("text", "number", "quote", "value", "unit", "qualifier"), [
    ("惠及群众近300万人次。", "300万", "近300万人次", Decimal("3000000"), "人次", "nearly"),
    ("迁入各类人才及家属7万余人，", "7万", "7万余人", Decimal("70000"), "人", "more_than"),
    ("农村地区力争达到85%以上。", "85", "85%以上", Decimal("85"), "%", "at_least"),
    ("分别达43.38％、38.3％", "43.38", "43.38％", Decimal("43.38"), "%", "exact"),
    ("完成3.48万户“煤改电”", "3.48万", "3.48万户", Decimal("34800"), "户", "exact"),
    ("签约总额达2880亿元，", "2880亿", "2880亿元", Decimal("288000000000"), "元", "exact"),
    ("外贸进出口总额超过1000亿元。", "1000亿", "超过1000亿元", Decimal("100000000000"), "元",
     "more_than"),
    ("占比保持80％左右。", "80", "80％左右", Decimal("80"), "%", "about"),
    ("新建公办园不少于3所，", "3", "不少于3所", Decimal("3"), "所", "at_least"),
    ("连续6个月在", "6", "6个月", Decimal("6"), "个月", "exact"),
    ("人均公园绿地面积分别达12.78平方米，", "12.78", "12.78平方米", Decimal("12.78"), "平方米",
     "exact"),
    ("覆盖全市2.7万特殊困难群体", "2.7万", "2.7万", Decimal("27000"), "", "exact"),
    ("延长至18时以后。", "18", "18时以后", Decimal("18"), "时", "at_least"),
])
def test_read_quantity(text, number, quote, value, unit, qualifier) -> None:
    q = read(text, number)
    assert (q.quote, q.value, q.unit_zh, q.qualifier) == (quote, value, unit, qualifier)
    assert text[q.start:q.end] == q.quote


def test_two_quantities_side_by_side() -> None:
    text = "晋阳桥等27项110公里市政道桥工程全部完工"
    assert read(text, "27").quote == "27项"
    assert read(text, "110").quote == "110公里"


def test_the_number_is_kept_as_written() -> None:
    q = read("惠及群众近300万人次。", "300万")
    assert q.number == "300万"
    assert (q.start, q.end) == (4, 11)  # 近 is the 5th character; 近300万人次 is 7 long
