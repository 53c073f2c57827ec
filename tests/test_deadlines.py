"""Tests for gwr.text.deadlines."""

from datetime import date

import pytest

from gwr.text.deadlines import (
    deadline_scopes,
    find_deadlines,
    governing_deadline,
    parse_deadline,
    year_framings,
)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("年内", date(2020, 12, 31)), ("年底前", date(2020, 12, 31)), ("全年", date(2020, 12, 31)),
    ("6月底前", date(2020, 6, 30)), ("6月", date(2020, 6, 30)),
    ("8月", date(2020, 8, 31)), ("9月", date(2020, 9, 30)), ("10月", date(2020, 10, 31)),
    ("2月", date(2020, 2, 29)), ("十二月", date(2020, 12, 31)),
])
def test_parse_deadline(phrase: str, expected: date) -> None:
    assert parse_deadline(phrase) == expected


@pytest.mark.parametrize("phrase", ["尽快", "13月", "每年", "", "今年", "2020年"])
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
    assert find_deadlines(clause)[0][1] == phrase


def test_a_date_is_not_a_deadline_and_this_year_is_not_searched() -> None:
    assert find_deadlines("4月27日上午") == []
    assert find_deadlines("今年太原市将大力发展") == []
    assert find_deadlines("各城区每年新建公办园不少于3所") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("今年，太原市将把外防输入摆在疫情防控工作第一位", ["今年，太原市将"]),
    ("发挥“三农”压舱石作用，今年太原市将大力发展", ["今年太原市将"]),
    ("2020年，太原市将有效激发市场活力和内生动力", ["2020年，太原市将"]),
    ("今年太原市要重点抓好九个方面的工作", ["今年太原市要"]),
    ("今年将新建公园", ["今年将"]),
    # A year that names a period, a heading or a date frames nothing.
    ("2019年是中华人民共和国成立70周年", []),
    ("2020年：这9方面大事着力干", []),
    ("贫困发生率从2016年年初的6.68％下降至0.08％", []),
    ("年内新建农村“四好公路”574公里", []),
])
def test_year_framing_rule(text, expected):
    assert [phrase for _, phrase in year_framings(text)] == expected


def test_the_rule_finds_the_four_openers_of_the_article(paragraphs):
    found = [(p.number, phrase) for p in paragraphs for _, phrase in year_framings(p.text)]
    assert found == [(6, "今年太原市要"), (44, "今年，太原市将"), (58, "今年太原市将"),
                     (66, "2020年，太原市将")]


def test_no_commitment_is_dated_by_a_year_framing_opener(tables, paragraphs):
    """The rule applies to every paragraph: no clause takes a date from an opener."""
    commitments = tables["commitments"]
    framed = {p.number for p in paragraphs if year_framings(p.text)}
    in_framed = commitments[commitments["paragraph"].isin(framed)]
    assert len(in_framed) == 18  # ¶44: 9 clauses, ¶58: 4, ¶66: 5
    assert not in_framed["deadline_zh"].isin(["今年", "2020年"]).any()
    assert set(in_framed.loc[in_framed["deadline_zh"] != "", "deadline_zh"]) <= {"年内"}
    assert (commitments["deadline_zh"] != "今年").all()
    assert tables["indicators"]["deadline_zh"].ne("今年").all()


@pytest.mark.parametrize(("text", "clause", "phrase"), [
    # At the head of a clause: it governs the rest of the sentence ...
    ("推动联网，年内新建公路574公里，剩余53个村通客车，打造一批精品村。", "打造一批精品村", "年内"),
    ("年内县城基本实现全覆盖，农村地区力争达到85%以上。", "农村地区力争达到85%以上", "年内"),
    ("力争年内完成发证任务10万套，改善条件", "改善条件", "年内"),
    # ... but not the clauses before it, nor the next sentence.
    ("推动联网，年内新建公路574公里", "推动联网", ""),
    ("年内新建公路574公里。打造一批精品村。", "打造一批精品村", ""),
    # After the subject: its own clause only, with items joined by 、.
    ("太原古县城年内开放，启动博物馆建设", "启动博物馆建设", ""),
    ("一期工程年内投用、二期工程完成主体", "二期工程完成主体", "年内"),
    ("东二环高速公路力争年内建成通车，进一步拉大城市框架", "进一步拉大城市框架", ""),
    # The innermost scope wins.
    ("年内完成甲，乙6月竣工", "乙6月竣工", "6月"),
    # A year that frames a sentence is no deadline at all.
    ("今年，太原市将把外防输入摆在第一位，提高检疫力度", "提高检疫力度", ""),
])
def test_the_scope_rule(text, clause, phrase):
    start = text.index(clause)
    assert governing_deadline(text, start, start + len(clause)) == phrase


def test_a_continuing_effort_ends_the_reach_of_a_head_deadline():
    text = "年内新建公路574公里，剩余村通客车，打造一批精品村，完成改造6.9万座。"
    barrier = text.index("打造")
    def governs(clause):
        start = text.index(clause)
        return governing_deadline(text, start, start + len(clause), barriers=[barrier])
    assert governs("剩余村通客车") == "年内"
    assert governs("打造一批精品村") == ""
    assert governs("完成改造6.9万座") == ""  # beyond the barrier
    # A barrier in the phrase's own clause does not undo it.
    assert governing_deadline("年内推动通车", 0, 6, barriers=[0]) == "年内"


def test_scopes_in_the_article(paragraphs):
    """Every deadline phrase of the article, with whether it heads its clause."""
    heads = {(p.number, s.phrase): s.at_head for p in paragraphs for s in deadline_scopes(p.text)}
    assert heads[(60, "年内")] and heads[(63, "年底前")] and heads[(85, "6月底前")]
    assert not heads[(77, "年内")] and not heads[(56, "年内")] and not heads[(101, "年内")]


# Mutation testing (make mutate, tests/MUTANTS.md): edges of the scope rule and the messages.

def test_a_clause_starts_after_the_last_break_before_the_phrase() -> None:
    t = "推进甲，推进乙，年内完成丙。"
    (scope,) = deadline_scopes(t)
    assert scope.start == t.index("年内") and scope.at_head


def test_a_break_at_the_very_start_opens_the_clause() -> None:
    (scope,) = deadline_scopes("，年内完成丙。")
    assert scope.start == 1 and scope.at_head


def test_a_head_phrase_reaches_the_end_of_its_own_sentence() -> None:
    t = "完成甲。年内完成乙，推进丙。完成丁。"
    (scope,) = deadline_scopes(t)
    assert t[scope.start:scope.end] == "年内完成乙，推进丙。"


def test_a_date_at_the_end_of_a_text_is_not_a_deadline() -> None:
    assert find_deadlines("会议于4月27日") == []


@pytest.mark.parametrize("phrase", ["13月", "0月", "13月底前"])
def test_no_such_month(phrase: str) -> None:
    with pytest.raises(ValueError, match=f"^no such month in '{phrase}'$"):
        parse_deadline(phrase)


def test_a_year_that_frames_a_sentence_is_refused_with_its_reason() -> None:
    with pytest.raises(ValueError, match="a year that frames a sentence dates no act"):
        parse_deadline("2020年")
