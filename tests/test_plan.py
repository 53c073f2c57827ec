"""Tests for gwr.chapters.plan_2020: target ledger, specificity, deadlines and charts."""

from __future__ import annotations

import matplotlib
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from gwr.chapters import plan_2020 as plan
from gwr.data.tables import load_table

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return {name: load_table(name) for name in ("sections", "indicators", "commitments")}


@pytest.fixture(scope="module")
def commitments(frames) -> pd.DataFrame:
    return plan.task_commitments(frames["commitments"])


def test_task_commitments_leave_out_part_3(frames, commitments):
    everything = frames["commitments"]
    assert len(commitments) == everything["task_order"].notna().sum()
    assert not commitments["section_id"].eq("service-government").any()
    assert sorted(commitments["task_order"].unique()) == list(range(1, 10))


def test_ledger_counts_each_target_once(frames):
    ledger = plan.target_ledger(frames["indicators"], frames["sections"])
    targets = frames["indicators"][frames["indicators"]["kind"] == "target"]
    repeats = targets[targets["repeat_of"] != ""]
    # 24 = 26 targets - 2 repeats: the `kind: target` lines of data/curated/indicators.yml
    # counted as text (test_indicators.test_counts_by_kind), less the two headline repeats
    # (¶57 574公里 of ¶60, ¶61 1800家以上 of ¶63: test_headlines_point_to_their_body_rows).
    assert len(repeats) == 2
    assert len(ledger) == len(targets) - len(repeats) == 24
    assert ledger["indicator_id"].is_unique
    assert (ledger["quote"] == "574公里").sum() == 1
    assert ledger["order"].is_monotonic_increasing


def test_ledger_keeps_qualifier_and_deadline(frames):
    ledger = plan.target_ledger(frames["indicators"], frames["sections"]).set_index("indicator_id")
    g5 = ledger.loc["plan-city.5g-base-stations"]
    assert (g5["value"], g5["qualifier"], g5["deadline_zh"]) == (2900, "at_least", "6月底前")
    assert g5["deadline"] == pd.Timestamp("2020-06-30")
    assert pd.isna(ledger.loc["plan-livelihoods.social-housing-start", "deadline"])


def test_specificity_matches_a_direct_count(commitments):
    total = plan.specificity(commitments).loc["all"]
    assert total["commitments"] == len(commitments)
    assert total["with_figure"] == commitments["quantified"].sum()
    assert total["with_deadline"] == commitments["deadline"].notna().sum()
    both = (commitments["quantified"] & commitments["deadline"].notna()).sum()
    assert total["with_both"] == both
    assert total["share_both"] == pytest.approx(both / len(commitments))


def test_only_one_process_commitment_carries_a_deadline(commitments):
    """Strength is graded by wording alone, and no deadline is carried over a list to a
    continuing effort, so a process clause is dated only by a phrase of its own: ¶77's
    推动…年内通车."""
    by_strength = plan.specificity(commitments, "strength")
    assert list(by_strength.index) == ["aspirational", "binding", "process"]
    dated = commitments[(commitments["strength"] == "process") & commitments["deadline"].notna()]
    assert dated["text"].tolist() == ["推动太郑高铁年内通车"]
    assert by_strength.loc["process", "with_deadline"] == 1


def test_epidemic_task_states_no_figure_and_no_deadline(commitments):
    compared = plan.compare_task(commitments)
    # 20: the clause splitter's count for task 1 (¶43-¶47), a regression value; the second
    # method is the direct count of commitments.csv rows with task_order 1.
    assert compared.loc["task", "commitments"] == 20
    assert (commitments["task_order"] == 1).sum() == 20
    assert compared.loc["task", ["with_figure", "with_deadline"]].tolist() == [0, 0]
    shares = compared[["share_binding", "share_aspirational", "share_process"]].sum(axis=1)
    assert shares.tolist() == pytest.approx([1.0, 1.0])


def test_strength_shares_add_up_per_task(commitments):
    shares = plan.strength_by_task(commitments)
    assert list(shares.columns) == list(plan.STRENGTHS)
    # 9 tasks: the nine that part 2's heading announces (“这9…”, ¶42), task_order 1 to 9.
    assert shares.sum(axis=1).tolist() == pytest.approx([1.0] * 9)


def test_deadline_calendar_covers_every_dated_commitment(commitments):
    calendar = plan.deadline_calendar(commitments)
    # 32 dated clauses, by deadline phrase: 年内 22, 6月底前 3, 年底前 2 and 6月, 8月, 9月, 10月,
    # 全年 once each (the parser's reading, a regression value; 年内 stands 16 times in part 2's
    # body by str.count, a phrase before a list dating each clause of it).
    assert calendar["commitments"].sum() == commitments["deadline"].notna().sum() == 32
    by_phrase = commitments.groupby("deadline_zh").size().drop("", errors="ignore").to_dict()
    assert by_phrase == {"年内": 22, "6月底前": 3, "年底前": 2, "6月": 1, "8月": 1, "9月": 1,
                         "10月": 1, "全年": 1}
    assert calendar["deadline"].min() == pd.Timestamp("2020-06-30")
    assert calendar["deadline"].max() == pd.Timestamp("2020-12-31")
    december = calendar[calendar["deadline"] == pd.Timestamp("2020-12-31")]
    # 25 = 年内 22 + 年底前 2 + 全年 1 (the phrases above that mean 31 December).
    assert december["commitments"].sum() == 25  # 今年 (¶58) dates nothing since 0.1.1


@pytest.fixture(scope="module")
def names(frames) -> dict[int, str]:
    return plan.task_names(frames["sections"])


def _marks(fig) -> list:
    """The artists a chart tagged as marks, in the order of their ids (mark-0, mark-1, ...)."""
    marks = [a for a in fig.findobj() if (a.get_gid() or "").startswith("mark-")]
    return sorted(marks, key=lambda a: int(a.get_gid().removeprefix("mark-")))


def test_charts_draw(frames, commitments, names):
    from gwr.style import use_style

    use_style()
    labels = plan.task_labels(frames["sections"])
    assert labels[1] == "1. Epidemic control"
    data = plan.specificity_data(commitments, names)
    fig = plan.specificity_chart(data, title="T", note="Source: ¶43–¶106")
    # 3 measures x (9 tasks + all): each bar is the share passed in, in per cent.
    assert len(fig.axes[0].patches) == len(data) == 3 * 10
    assert sorted(round(p.get_width(), 9) for p in fig.axes[0].patches) == sorted(
        round(v * 100, 9) for v in data["share"])
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [
        *(labels[r] for r in sorted(labels)), "All nine tasks"]
    plt.close(fig)
    data = plan.deadline_data(commitments, names)
    fig = plan.deadline_chart(data, start=pd.Timestamp("2020-04-27"), title="D",
                              note="Source: ¶43–¶106")
    assert len(fig.axes) == 2
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == [
        "30 Jun", "31 Aug", "30 Sep", "31 Oct", "31 Dec"]
    plt.close(fig)
    fig = plan.strength_chart(plan.strength_data(commitments, names), highlight=1, title="S",
                              note="Source: ¶43–¶106")
    assert len(fig.axes[0].patches) == 27
    plt.close(fig)


def test_deadline_marks_are_the_rows_of_the_data(commitments, names):
    data = plan.deadline_data(commitments, names)
    fig = plan.deadline_chart(data, start=pd.Timestamp("2020-04-27"), title="D", note="Source: ¶3")
    marks = _marks(fig)
    assert len(marks) == len(data) == 13 + 9
    for mark, row in zip(marks, data.itertuples(), strict=True):
        if row.panel == "calendar":  # a circle at (deadline, task)
            x, y = mark.get_offsets()[0]
            assert (mdates.num2date(x).date(), y) == (row.deadline.date(), row.task_order)
        else:  # a bar as long as the task's undated commitments
            assert mark.get_width() == row.commitments
            assert mark.get_y() + mark.get_height() / 2 == row.task_order
    plt.close(fig)
    cal = data[data["panel"] == "calendar"].set_index(["task_order", "deadline"])
    # ¶60 (agriculture): 年内新建农村“四好公路”574公里，剩余53个行政村全部通客车，
    # 完成户厕改造6.9万座.
    assert cal.loc[(4, pd.Timestamp("2020-12-31")), "commitments"] == 3
    # ¶85: 6月底前力争完成5G基站新建改建2900座以上，基本实现…5G网络连续覆盖和商用 (city).
    assert cal.loc[(8, pd.Timestamp("2020-06-30")), "commitments"] == 2
    assert cal.loc[(8, pd.Timestamp("2020-06-30")), "wordings"] == "6月底前"
    # ¶82: 汽车客运东南站8月开通运营.
    assert cal.loc[(8, pd.Timestamp("2020-08-31")), "wordings"] == "8月"
    # ¶44-¶46 hold no deadline phrase: all 20 epidemic commitments are in the side panel.
    rest = data[data["panel"] == "no_deadline"].set_index("task_order")
    assert 1 not in cal.index.get_level_values("task_order")
    assert rest.loc[1, "commitments"] == 20
    per_task = data.groupby("task_order")["commitments"].sum()
    assert per_task.to_dict() == commitments.groupby("task_order").size().to_dict()


def test_specificity_marks_are_the_rows_of_the_data(commitments, names):
    data = plan.specificity_data(commitments, names)
    fig = plan.specificity_chart(data, title="T", note="Source: ¶43–¶106")
    marks = _marks(fig)
    assert len(marks) == len(data)
    assert [round(m.get_width(), 9) for m in marks] == [round(v * 100, 9) for v in data["share"]]
    plt.close(fig)
    rows = data.set_index(["task", "measure"])
    # ¶60: the roads (574公里), buses (53个) and toilets (6.9万座) are each due 年内.
    assert rows.loc[("Agriculture", "both"), "count"] == 3
    assert rows.loc[("Agriculture", "both"), "share"] == pytest.approx(3 / 11)
    # ¶56: 太原古县城、华夏历史文明传承园年内开放, the services task's one date and no figure.
    assert rows.loc[("Services and demand", "deadline"), "count"] == 1
    assert rows.loc[("Services and demand", "figure"), "count"] == 0
    # ¶44-¶46 state no number at all.
    assert rows.loc["Epidemic control", "count"].tolist() == [0, 0, 0]
    assert pd.isna(rows.loc[("All nine tasks", "both"), "task_order"])
    assert rows.loc[("All nine tasks", "figure"), "commitments"] == len(commitments)


def test_strength_marks_are_the_rows_of_the_data(commitments, names):
    data = plan.strength_data(commitments, names)
    fig = plan.strength_chart(data, highlight=1, title="S", note="Source: ¶43–¶106")
    marks = _marks(fig)
    assert len(marks) == len(data) == 9 * 3
    assert [round(m.get_width(), 9) for m in marks] == [round(v * 100, 9) for v in data["share"]]
    plt.close(fig)
    epidemic = data[data["task_order"] == 1].set_index("strength")["commitments"]
    # ¶44: 坚决防止疫情出现新燃点 (binding); ¶45: 努力把疫情造成的损失降到最低 (hedged).
    assert epidemic.to_dict() == {"binding": 1, "aspirational": 1, "process": 18}
    assert data.groupby("task_order")["share"].sum().round(9).eq(1).all()


def test_target_table_keeps_ids_spans_and_values(text, frames):
    ledger = plan.target_ledger(frames["indicators"], frames["sections"])
    table = plan.target_table(ledger, frames["commitments"])
    assert len(table) == len(ledger) == 24
    assert table["indicator_id"].tolist() == ledger["indicator_id"].tolist()
    assert {"indicator_id", "commitment_id", "paragraph", "start", "end"} <= set(table.columns)
    for row in table.itertuples():
        assert text[row.start:row.end] == row.quote
    rows = table.set_index("indicator_id")
    # ¶60: 完成户厕改造6.9万座, within the year (年内).
    toilets = rows.loc["plan-agriculture.household-toilets-renovated"]
    assert (toilets["paragraph"], toilets["value"], toilets["deadline_zh"]) == (60, 69000, "年内")
    # ¶85: 6月底前力争完成5G基站新建改建2900座以上: a floor, hedged with 力争, due by 30 June.
    g5 = rows.loc["plan-city.5g-base-stations"]
    assert (g5["value"], g5["qualifier"], g5["strength"]) == (2900, "at_least", "aspirational")
    assert g5["deadline"] == pd.Timestamp("2020-06-30")
    assert plan.target_value(g5["value"], g5["unit_en"], g5["qualifier"]) == \
        "at least 2,900 base stations"
    # The table shows the hedge: the three 力争 targets of ¶74, ¶85 and ¶102, and no other.
    assert g5["hedge_zh"] == "力争"
    assert plan.target_value(g5["value"], g5["unit_en"], g5["qualifier"], g5["hedge_zh"]) == \
        "at least 2,900 base stations, hedged (力争)"
    hedged = table[table["hedge_zh"] != ""]
    assert hedged["paragraph"].tolist() == [74, 85, 102]
    assert all("力争" in text[a:b] for a, b in zip(
        frames["commitments"].set_index("commitment_id").loc[hedged["commitment_id"], "start"],
        frames["commitments"].set_index("commitment_id").loc[hedged["commitment_id"], "end"],
        strict=True))
    assert (table["hedge_zh"] != "").sum() == (table["strength"] == "aspirational").sum()
    assert toilets["hedge_zh"] == ""
    # ¶103: 新开工保障房2533套, with no deadline.
    housing = rows.loc["plan-livelihoods.social-housing-start"]
    assert housing["value"] == 2533 and housing["deadline_zh"] == ""


def test_table_frames(frames, commitments):
    ledger = plan.target_ledger(frames["indicators"], frames["sections"])
    overview = plan.task_overview(frames["sections"], commitments, ledger,
                                  load_table("paragraphs")).set_index("task_order")
    assert overview["targets"].sum() == len(ledger)
    assert overview["commitments"].sum() == len(commitments)
    # ¶61: 年底前全市高新技术企业达到1800家以上, the heading of the innovation task.
    assert overview.loc[5, "heading_zh"] == "年底前全市高新技术企业达到1800家以上"
    assert overview.loc[5, "heading_paragraph"] == 61
    assert (overview.loc[8, "first_paragraph"], overview.loc[8, "last_paragraph"]) == (76, 93)
    strengths = plan.strength_table(commitments).set_index("strength")
    assert strengths.index.tolist() == list(plan.STRENGTHS)
    assert strengths["share_of_all"].sum() == pytest.approx(1.0)
    # ¶77: 推动太郑高铁年内通车, the one process clause with a deadline.
    assert strengths.loc["process", "with_deadline"] == 1
    compared = plan.task_comparison(commitments).set_index("group")
    assert compared.index.tolist() == ["task_1", "other_tasks"]
    assert compared.loc["task_1", ["commitments", "with_figure", "with_deadline"]].tolist() == \
        [20, 0, 0]
    assert compared["commitments"].sum() == len(commitments)


def test_the_task_names_carry_their_span_in_paragraph_6(text, frames, commitments):
    ledger = plan.target_ledger(frames["indicators"], frames["sections"])
    overview = plan.task_overview(frames["sections"], commitments, ledger,
                                  load_table("paragraphs"))
    assert overview["name_paragraph"].eq(6).all()
    for row in overview.itertuples():
        assert text[row.name_start:row.name_end] == row.official_name_zh
    # ¶6: 一是慎终如始抓好疫情防控，… 九是着力补齐民生短板，不断增进民生福祉。 The names follow
    # each other in the order of the tasks, each just after its 一是 … 九是.
    assert overview["name_start"].is_monotonic_increasing
    numerals = "一二三四五六七八九"
    for row in overview.itertuples():
        assert text[row.name_start - 2:row.name_start] == numerals[row.task_order - 1] + "是"
    assert overview.iloc[0]["official_name_zh"].startswith("慎终如始抓好疫情防控")
