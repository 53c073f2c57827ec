"""Read a stated quantity around a numeral: qualifier words, multiplier, unit, and its value."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from gwr.text.numerals import parse_number
from gwr.text.qualifiers import AFTER_NUMBER, AFTER_UNIT, combine, qualifier_after, qualifier_before


@dataclass(frozen=True)
class Quantity:
    """A figure as the text states it: span of the whole quote, value, unit and qualifier."""

    start: int
    end: int
    quote: str
    number: str
    value: Decimal
    unit_zh: str
    qualifier: str


def read_quantity(text: str, start: int, end: int, units: list[str]) -> Quantity:
    """Read the quantity whose numeral is ``text[start:end]``.

    The quote takes in a qualifier word before the number (近, 超过, 不少于 …), the number
    with its multiplier, 余/多, the unit (the longest of ``units`` that follows) and a
    qualifier word after it (以上, 左右 …). The unit is NFKC-normalised (％ → %).

    Examples:
        >>> units = ["万", "户", "人", "人次", "元", "%", "％", "平方米"]
        >>> q = read_quantity("完成3.48万户“煤改电”", 2, 7, units)
        >>> q.quote, q.value, q.unit_zh, q.qualifier
        ('3.48万户', Decimal('34800'), '户', 'exact')
        >>> q = read_quantity("惠及群众近300万人次。", 5, 9, units)
        >>> q.quote, q.value, q.unit_zh, q.qualifier
        ('近300万人次', Decimal('3000000'), '人次', 'nearly')
        >>> q = read_quantity("迁入各类人才及家属7万余人，", 9, 11, units)
        >>> q.quote, q.value, q.unit_zh, q.qualifier
        ('7万余人', Decimal('70000'), '人', 'more_than')
        >>> q = read_quantity("力争达到85%以上。", 4, 6, units)
        >>> q.quote, q.value, q.unit_zh, q.qualifier
        ('85%以上', Decimal('85'), '%', 'at_least')
        >>> q = read_quantity("分别达43.38％、", 3, 8, units)
        >>> q.quote, q.value, q.unit_zh, q.qualifier
        ('43.38％', Decimal('43.38'), '%', 'exact')
    """
    number = text[start:end]
    value = parse_number(number)
    found, q_start, pos = [], start, end
    before = qualifier_before(text[:start])
    if before:
        q_start -= len(before[0])
        found.append(before[1])
    after_number = qualifier_after(text[pos:], AFTER_NUMBER)
    if after_number:
        pos += len(after_number[0])
        found.append(after_number[1])
    unit = next((u for u in sorted(units, key=len, reverse=True) if text.startswith(u, pos)), "")
    pos += len(unit)
    after_unit = qualifier_after(text[pos:], AFTER_UNIT)
    if after_unit:
        pos += len(after_unit[0])
        found.append(after_unit[1])
    return Quantity(q_start, pos, text[q_start:pos], number, value,
                    unicodedata.normalize("NFKC", unit), combine(found))
