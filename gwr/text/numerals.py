"""Find and read numerals in Chinese text: Arabic digits (also full-width) and Chinese numerals.

The converter is the project's own rather than ``cn2an``: cn2an's strict mode rejects 两
(``cn2an("两", "strict")`` raises), its normal mode rejects Arabic digits with a multiplier
(``3.48万``), and its ``transform`` leaves ``近300万人次`` untouched with a warning. The rules
needed here are few, so they are written out and tested.

Values are returned as :class:`decimal.Decimal`, so that ``3.48万`` is exactly 34800 and not
34800.000000000004.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

#: Chinese numeral characters (digits, 两, 零/〇 and the place values).
CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
#: Multipliers that may follow an Arabic or Chinese number.
MULTIPLIERS = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}
#: Roman numerals as Unicode has them (Ⅲ, Ⅴ): used in names such as 国Ⅲ, 劣Ⅴ类.
ROMAN = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "Ⅵ": 6, "Ⅶ": 7, "Ⅷ": 8, "Ⅸ": 9, "Ⅹ": 10,
         "Ⅺ": 11, "Ⅻ": 12}

_ARABIC = "0-9０-９"
_CHINESE = "".join(CHINESE_DIGITS) + "".join(SMALL_UNITS) + "".join(MULTIPLIERS)
#: An Arabic number: digits, an optional decimal part, an optional multiplier (万/亿).
ARABIC_NUMBER = re.compile(rf"[{_ARABIC}]+(?:[.．][{_ARABIC}]+)?[万亿]?")
#: A run of Chinese numeral characters.
CHINESE_RUN = re.compile(rf"[{_CHINESE}]+")
ROMAN_RUN = re.compile(f"[{''.join(ROMAN)}]+")
DIGIT_RUN = re.compile(f"[{_ARABIC}]+")


@dataclass(frozen=True)
class Numeral:
    """A numeral found in a text: its [start, end) span, its script and its characters."""

    start: int
    end: int
    script: str  # "arabic", "chinese" or "roman"
    quote: str


def find_numerals(text: str) -> list[Numeral]:
    """Every Arabic number, run of Chinese numeral characters and Roman numeral in ``text``.

    A run of Chinese numerals directly after an Arabic number is its multiplier (``3.48万``)
    and part of the same numeral. Whether a Chinese run is a number at all (一 in 统一 is
    not) is not decided here.

    Examples:
        >>> [(n.quote, n.script) for n in find_numerals("完成3.48万户，第十四届，国Ⅲ")]
        [('3.48万', 'arabic'), ('十四', 'chinese'), ('Ⅲ', 'roman')]
        >>> [n.quote for n in find_numerals("“2+26”城市")]
        ['2', '26']
    """
    found = [Numeral(m.start(), m.end(), "arabic", m.group()) for m in ARABIC_NUMBER.finditer(text)]
    taken = [(n.start, n.end) for n in found]
    for m in CHINESE_RUN.finditer(text):
        start = m.start()
        for a, b in taken:  # drop a multiplier already read with its Arabic number
            if a <= start < b:
                start = b
        if start < m.end():
            found.append(Numeral(start, m.end(), "chinese", text[start:m.end()]))
    found += [Numeral(m.start(), m.end(), "roman", m.group()) for m in ROMAN_RUN.finditer(text)]
    return sorted(found, key=lambda n: n.start)


def parse_number(quote: str) -> Decimal:
    """The value of a numeral: Arabic (full-width too) or Chinese, with 万/亿 applied.

    Examples:
        >>> parse_number("3.48万"), parse_number("2880亿"), parse_number("７万")
        (Decimal('34800'), Decimal('288000000000'), Decimal('70000'))
        >>> parse_number("43.38"), parse_number("４３．３８")
        (Decimal('43.38'), Decimal('43.38'))
        >>> parse_number("十四"), parse_number("两"), parse_number("一百零五"), parse_number("二十")
        (Decimal('14'), Decimal('2'), Decimal('105'), Decimal('20'))
        >>> parse_number("三千五百万"), parse_number("Ⅴ"), parse_number("V")
        (Decimal('35000000'), Decimal('5'), Decimal('5'))
        >>> parse_number("XIV")
        Decimal('14')
    """
    if quote in ROMAN:
        return Decimal(ROMAN[quote])
    text = unicodedata.normalize("NFKC", quote)
    if not text:
        raise ValueError("empty numeral")
    if re.fullmatch(r"[IVX]+", text):  # Roman numerals in Latin letters (劣V类) or NFKC of Ⅲ
        return Decimal(_latin_roman(text))
    multiplier = Decimal(1)
    if text[0].isascii() and text[0].isdigit():
        if text[-1] in MULTIPLIERS:
            multiplier, text = MULTIPLIERS[text[-1]], text[:-1]
        if not re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", text):
            raise ValueError(f"not an Arabic number: {quote!r}")
        return _normal(Decimal(text) * multiplier)
    return _normal(Decimal(chinese_to_int(text)))


def chinese_to_int(text: str) -> int:
    """Read a Chinese numeral (一…九, 两, 零, 十, 百, 千, 万, 亿) as an integer.

    Both positional (十四 = 14) and digit-by-digit forms (二〇二〇 = 2020) are read.

    Examples:
        >>> [chinese_to_int(n) for n in ("十", "十四", "四十", "九")]
        [10, 14, 40, 9]
        >>> chinese_to_int("一万零五"), chinese_to_int("两亿三千万"), chinese_to_int("二〇二〇")
        (10005, 230000000, 2020)
        >>> chinese_to_int("万")
        Traceback (most recent call last):
        ...
        ValueError: not a Chinese numeral: '万'
    """
    if not text or any(c not in _CHINESE for c in text) or text[0] in MULTIPLIERS:
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if len(text) > 1 and all(c in CHINESE_DIGITS for c in text):
        return int("".join(str(CHINESE_DIGITS[c]) for c in text))
    high, wan, section, digit = 0, 0, 0, None  # 亿-level, 万-level, below 万, pending digit
    for char in text:
        if char in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[char]
        elif char in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[char]
            digit = None
        elif char == "万":
            wan += (section + (digit or 0)) * 10**4
            section, digit = 0, None
        else:  # 亿
            high += (wan + section + (digit or 0)) * 10**8
            wan, section, digit = 0, 0, None
    return high + wan + section + (digit or 0)


def _latin_roman(text: str) -> int:
    values = [{"I": 1, "V": 5, "X": 10}[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


def _normal(value: Decimal) -> Decimal:
    """Drop trailing zeros of the decimal part without switching to exponent notation."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
