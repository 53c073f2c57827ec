"""Turn the report's deadline phrases (年内, 年底前, 6月底前, 8月 …) into ISO dates."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

#: The year the plan is for: "年内" in a 2020 work report means within 2020.
PLAN_YEAR = 2020
#: Phrases meaning "by the end of the plan year", longest first.
YEAR_END = ("年底前", "年内", "全年")
#: A year phrase that introduces what the government will do (今年太原市将…, 2020年，太原市将…)
#: frames its sentence as part of the plan year and is never a deadline: the rule and its
#: reason are in data/curated/deadline_rules.yml, which lists every such opener in the text.
YEAR_FRAMING = re.compile(r"(?:今年|20[0-9]{2}年)[，,]?(?:太原市)?(?:将|要)")
_MONTH = re.compile(r"([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})月(?:底前|底|前|份)?")
_PATTERN = re.compile("|".join([*YEAR_END, _MONTH.pattern]))
_DAY = re.compile(r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日")
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "十": 10, "十一": 11, "十二": 12}


def parse_deadline(phrase: str, year: int = PLAN_YEAR) -> date:
    """The last day a deadline phrase allows.

    A month alone ("8月开通运营") is read as the end of that month, like "6月底前".

    Examples:
        >>> parse_deadline("年内"), parse_deadline("年底前"), parse_deadline("全年")
        (datetime.date(2020, 12, 31), datetime.date(2020, 12, 31), datetime.date(2020, 12, 31))
        >>> parse_deadline("6月底前"), parse_deadline("6月"), parse_deadline("8月")
        (datetime.date(2020, 6, 30), datetime.date(2020, 6, 30), datetime.date(2020, 8, 31))
        >>> parse_deadline("10月").isoformat(), parse_deadline("２月", year=2020).isoformat()
        ('2020-10-31', '2020-02-29')
        >>> parse_deadline("尽快")
        Traceback (most recent call last):
        ...
        ValueError: not a deadline phrase: '尽快'
        >>> parse_deadline("今年")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: not a deadline phrase: '今年' (a year that frames a sentence dates no act; ...)
    """
    if phrase in YEAR_END:
        return date(year, 12, 31)
    if phrase == "今年" or re.fullmatch(r"20[0-9]{2}年", phrase):
        raise ValueError(f"not a deadline phrase: {phrase!r} (a year that frames a sentence "
                         "dates no act; see data/curated/deadline_rules.yml)")
    match = _MONTH.fullmatch(phrase)
    if not match:
        raise ValueError(f"not a deadline phrase: {phrase!r}")
    digits = match.group(1)
    month = _CN_MONTH[digits] if digits in _CN_MONTH else int(digits.translate(_FULL_WIDTH))
    if not 1 <= month <= 12:
        raise ValueError(f"no such month in {phrase!r}")
    return date(year, month, calendar.monthrange(year, month)[1])


def find_deadlines(text: str) -> list[tuple[int, str]]:
    """Every deadline phrase in ``text``: its offset and the phrase, in text order.

    A month followed by a day ("4月27日") is a date, not a deadline, and is skipped.

    Examples:
        >>> find_deadlines("市儿童福利院、康宁医院、救助管理站6月竣工，老年福利院年内竣工")
        [(17, '6月'), (27, '年内')]
        >>> find_deadlines("4月27日上午，大会开幕")
        []
    """
    found = []
    for match in _PATTERN.finditer(text):
        # A day of up to three characters (27日, 二十一日) makes the month part of a date.
        if _DAY.match(text, match.end()):
            continue
        found.append((match.start(), match.group()))
    return found


# Clauses are separated by ，；and the sentence ends; 、 joins the items of one clause.
_CLAUSE_BREAKS = "，,；;。！？"
_SENTENCE_ENDS = "。！？"
#: Hedges that may stand before a deadline phrase at the head of a clause (力争年内完成…).
_HEAD_HEDGES = ("力争", "争取", "努力")


@dataclass(frozen=True)
class DeadlineScope:
    """The stretch of a paragraph that one deadline phrase governs: [start, end) offsets."""

    start: int
    end: int
    phrase: str
    at_head: bool
    clause_end: int  # the end of the phrase's own clause


def deadline_scopes(text: str) -> list[DeadlineScope]:
    """What each deadline phrase of a paragraph governs, by its place in its clause.

    The rule (data/curated/deadline_rules.yml): a phrase at the head of its clause (年内新建…,
    年底前全市…, or after a hedge: 力争年内完成…) governs that clause and the later clauses of
    its sentence (up to a continuing effort: see governing_deadline); a phrase after the
    clause's subject (太郑高铁年内通车, 一期工程年内投用) governs its own clause only,
    including items joined to it by 、.

    Examples:
        >>> t = "推动联网，年内新建公路574公里，剩余村通客车，打造精品村。完成改造。"
        >>> [(s.phrase, t[s.start:s.end], s.at_head) for s in deadline_scopes(t)]
        [('年内', '年内新建公路574公里，剩余村通客车，打造精品村。', True)]
        >>> t = "推动太郑高铁年内通车，争取列入规划"
        >>> [(t[s.start:s.end], s.at_head) for s in deadline_scopes(t)]
        [('推动太郑高铁年内通车', False)]
        >>> t = "一期工程年内投用、二期工程完成主体，市中医医院10月完工"
        >>> [t[s.start:s.end] for s in deadline_scopes(t)]
        ['一期工程年内投用、二期工程完成主体', '市中医医院10月完工']
    """
    scopes = []
    for offset, phrase in find_deadlines(text):
        clause_start = max(text.rfind(c, 0, offset) for c in _CLAUSE_BREAKS) + 1
        clause_end = min((i for i in (text.find(c, offset) for c in _CLAUSE_BREAKS) if i >= 0),
                         default=len(text))
        at_head = text[clause_start:offset].strip() in ("", *_HEAD_HEDGES)
        if at_head:
            ends = [i for i in (text.find(c, offset) for c in _SENTENCE_ENDS) if i >= 0]
            end = min(ends) + 1 if ends else len(text)
        else:
            end = clause_end
        scopes.append(DeadlineScope(clause_start, end, phrase, at_head, clause_end))
    return scopes


def governing_deadline(text: str, start: int, end: int, barriers: Iterable[int] = ()) -> str:
    """The deadline phrase that governs the clause ``text[start:end]`` of a paragraph, or "".

    A phrase at the head of its clause reaches the later clauses of its sentence up to the
    first *barrier* (the offset of a clause that is a continuing effort, which no deadline
    dates unless it holds its own phrase). The innermost scope wins: a clause's own phrase over
    one carried from the head of the list.

    Examples:
        >>> t = "年底前企业达到1800家以上，中小企业达到4000家以上，推动全覆盖。"
        >>> governing_deadline(t, t.index("中小企业"), t.index("，推动"))
        '年底前'
        >>> governing_deadline(t, t.index("推动"), len(t) - 1, barriers=[t.index("推动")])
        ''
        >>> t = "古县城年内开放，启动博物馆建设"
        >>> governing_deadline(t, t.index("启动"), len(t))
        ''
    """
    holding = []
    for scope in deadline_scopes(text):
        reach = scope.end
        if scope.at_head:
            reach = min([b for b in barriers if scope.clause_end <= b < reach], default=reach)
        if scope.start <= start and end <= reach:
            holding.append(scope)
    return max(holding, key=lambda s: s.start).phrase if holding else ""


def year_framings(text: str) -> list[tuple[int, str]]:
    """Every year-framing opener in ``text``: its offset and its words.

    Examples:
        >>> year_framings("发挥作用，今年太原市将大力发展")
        [(5, '今年太原市将')]
        >>> year_framings("2020年，太原市将有效激发市场活力")
        [(0, '2020年，太原市将')]
        >>> year_framings("2019年是中华人民共和国成立70周年"), year_framings("年内开放")
        ([], [])
    """
    return [(m.start(), m.group()) for m in YEAR_FRAMING.finditer(text)]


_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
