"""Tests for gwr.chapters.service_government: the measures by section, the term positions and the
chapter-04 charts (the reforms themselves are tested in tests/test_reforms.py)."""

from __future__ import annotations

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from gwr.chapters import service_government
from gwr.data.reforms import CHECKABILITY
from gwr.data.tables import load_table
from gwr.style import use_style


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return {n: load_table(n) for n in ["paragraphs", "commitments", "formulations", "reforms",
                                       "sections"]}


def test_part3_has_no_measurable_commitment(data):
    measures = service_government.measurability_by_section(data["commitments"])
    assert measures.index[-1] == "service-government"
    # 15: a second source, the 8 reforms plus the 7 exclusions of data/curated/reforms.yml,
    # which between them cover every commitment of part 3 (tests/test_reforms.py).
    assert measures.loc["service-government", "commitments"] == 15
    assert measures.loc["service-government", "either"] == 0
    shares = measures[["binding", "aspirational", "process"]].sum(axis=1)
    assert (shares.round(9) == 1).all()


def test_political_formulations_stand_only_in_paragraph_7(data):
    positions = service_government.term_positions(data["formulations"],
                                                  ["四个意识", "四个自信", "两个维护"])
    assert set(positions["paragraph"]) == {7}


def test_the_strip_chart_takes_its_terms_and_groups_from_formulations(data):
    """The terms chapter 4 places, and their groups, are the table's (group in formulations.csv),
    political formulations first, each group in text order."""
    terms = service_government.grouped_terms(data["formulations"])
    assert terms["term"].tolist() == ["四个意识", "四个自信", "两个维护", "放管服效",
                                      "一枚印章管审批", "3390", "12345", "13710", "三公"]
    assert terms["group"].tolist() == ["political formulation"] * 3 + ["reform or programme"] * 6
    table = data["formulations"].set_index("term")
    assert terms["gloss_en"].tolist() == table.loc[terms["term"], "gloss_en"].tolist()
    # 紧日子 stands in part 3 (¶109) but names an attitude, so it has no group.
    assert table.loc["紧日子", "group"] == ""


def test_every_checkability_level_has_a_label(data):
    assert tuple(service_government.CHECKABILITY_LABELS) == CHECKABILITY
    assert set(data["reforms"]["checkability"]) <= set(service_government.CHECKABILITY_LABELS)


def _close(fig):
    plt.close(fig)


def _widths(ax):
    return [round(p.get_width(), 9) for p in ax.patches]


def _yticks(ax):
    return [t.get_text() for t in ax.get_yticklabels()]


def _marks(fig) -> list:
    """The artists a chart tagged as marks, in the order of their ids (mark-0, mark-1, ...)."""
    marks = [a for a in fig.findobj() if (a.get_gid() or "").startswith("mark-")]
    return sorted(marks, key=lambda a: int(a.get_gid().removeprefix("mark-")))


def test_charts_draw(data):
    """Each chart shows the data it is given: bar lengths are the shares passed in, in order,
    and the bars carry the section names of the data."""
    use_style()
    frame = service_government.strength_data(data["commitments"], data["sections"])
    fig = service_government.strength_by_section_chart(frame, title="t", note="n")
    ax = fig.axes[0]
    expected = [round(v * 100, 9) for strength in service_government.STRENGTH_COLOURS
                for v in frame.loc[frame["strength"] == strength, "share"]]
    assert _widths(ax) == expected
    names = list(dict.fromkeys(frame["section"]))
    assert _yticks(ax) == names and names[-1] == "Service government"
    _close(fig)
    frame = service_government.measurable_data(data["commitments"], data["sections"])
    fig = service_government.measurable_chart(frame, title="t", note="n")
    ax = fig.axes[0]
    assert _widths(ax) == [round(v * 100, 9) for v in frame["share_either"]]
    assert _yticks(ax) == frame["section"].tolist()
    # Part 3's bar is empty and labelled "0 of 15" (the 15 commitments counted above).
    assert ax.patches[-1].get_width() == 0
    assert "0 of 15" in [t.get_text() for t in ax.texts]
    _close(fig)
    frame = service_government.term_data(data["formulations"])
    fig = service_government.term_strip_chart(frame, data["paragraphs"], title="t", note="n")
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["political formulation", "reform or programme"]
    assert len(fig.axes[0].get_yticklabels()) == frame["term"].nunique() == 9
    _close(fig)


def test_strength_marks_are_the_rows_of_the_data(data):
    frame = service_government.strength_data(data["commitments"], data["sections"])
    fig = service_government.strength_by_section_chart(frame, title="t", note="n")
    marks = _marks(fig)
    # 10 sections (the nine tasks and part 3) x 3 strengths.
    assert len(marks) == len(frame) == 10 * 3
    assert [round(m.get_width(), 9) for m in marks] == [round(v * 100, 9)
                                                        for v in frame["share"]]
    _close(fig)
    part3 = frame[frame["section_id"] == "service-government"].set_index("strength")
    # ¶108-¶110: 深化, 加快, 用好, 提升, 锤炼, 永葆, 严控, 严惩 … every clause a continuing effort.
    assert part3["commitments"].to_dict() == {"binding": 0, "aspirational": 0, "process": 15}
    epidemic = frame[frame["section_id"] == "plan-epidemic"].set_index("strength")
    # ¶44: 坚决防止疫情出现新燃点, the epidemic task's one binding clause.
    assert epidemic.loc["binding", "commitments"] == 1


def test_measurable_marks_are_the_rows_of_the_data(data):
    frame = service_government.measurable_data(data["commitments"], data["sections"])
    fig = service_government.measurable_chart(frame, title="t", note="n")
    marks = _marks(fig)
    assert len(marks) == len(frame) == 10
    assert [round(m.get_width(), 9) for m in marks] == [round(v * 100, 9)
                                                        for v in frame["share_either"]]
    _close(fig)
    rows = frame.set_index("section_id")
    assert rows.loc["service-government", ["commitments", "with_either"]].tolist() == [15, 0]
    # ¶56: 太原古县城、华夏历史文明传承园年内开放, the services section's only date, no figure.
    assert rows.loc["plan-services-demand", ["with_figure", "with_deadline"]].tolist() == [0, 1]
    # ¶60: 574公里, 53个, 6.9万座 within the year, and ¶58: 新发展设施蔬菜3000亩以上.
    assert rows.loc["plan-agriculture", ["with_figure", "with_either"]].tolist() == [4, 4]
    either = rows["with_figure"] + rows["with_deadline"]
    assert (rows["with_either"] <= either).all()


def test_term_marks_are_the_rows_of_the_data(data):
    frame = service_government.term_data(data["formulations"])
    fig = service_government.term_strip_chart(frame, data["paragraphs"], title="t", note="n")
    marks = _marks(fig)
    assert len(marks) == len(frame) == 10
    rows = list(dict.fromkeys(frame["term"]))
    for mark, row in zip(marks, frame.itertuples(), strict=True):
        assert mark.get_offsets()[0].tolist() == [row.paragraph, rows.index(row.term)]
    _close(fig)
    # ¶7 and ¶108 both say 深化“放管服效”改革; ¶7 alone names 四个意识, 四个自信, 两个维护.
    where = frame.groupby("term")["paragraph"].apply(list).to_dict()
    assert where["放管服效"] == [7, 108]
    assert where["四个意识"] == where["四个自信"] == where["两个维护"] == [7]
    # ¶109: 严控“三公”经费和一般性支出.
    assert where["三公"] == [109]


def test_the_tables_publish_their_processed_rows(data):
    """Tables 4.1 and 4.2 show one row per row of reforms.csv and summary_clauses.csv, so their
    CSVs are those rows: English column names, the quote with its span, the reform's ids."""
    from gwr.display import data_csv

    reforms = data_csv(data["reforms"]).splitlines()
    assert reforms[0].split(",")[:5] == ["reform_id", "paragraph", "start", "end", "quote"]
    assert "commitment_id" in reforms[0].split(",")
    # 11 reforms: 3 claims of ¶41 and 8 reforms of ¶108-¶110 (tests/test_reforms.py).
    assert len(reforms) == 1 + 11
    # ¶108: 加快建立全市统一的“12345”政务服务热线平台, an observable reform.
    hotline = [r for r in reforms if r.startswith("hotline-12345,")]
    assert hotline and hotline[0].endswith(",observable")
    clauses = data_csv(load_table("summary_clauses")).splitlines()
    assert clauses[0] == "paragraph,start,end,quote,sentence,gloss_en,recurs_in"
    # ¶7 and ¶108 both say 深化“放管服效”改革.
    assert "7,747,757,深化“放管服效”改革,3," in "\n".join(clauses)
