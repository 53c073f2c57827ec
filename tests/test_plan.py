"""Tests for gwr.chapters.plan_2020: target ledger, specificity, deadlines and charts."""

from __future__ import annotations

import matplotlib
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


def test_charts_draw(frames, commitments):
    from gwr.style import use_style

    use_style()
    labels = plan.task_labels(frames["sections"])
    assert labels[1] == "1. Epidemic control"
    by_task = pd.concat([plan.specificity(commitments, "task_order"),
                         plan.specificity(commitments)])
    fig = plan.specificity_chart(by_task, labels, title="T", note="Source: ¶43–¶106")
    # 3 measures x (9 tasks + all): each bar is the share passed in, in per cent, in order.
    rows = [*sorted(labels), "all"]
    expected = [round(v * 100, 9) for column in plan.SPECIFICITY
                for v in by_task[column.replace("with_", "share_")].reindex(rows).astype(float)]
    assert [round(p.get_width(), 9) for p in fig.axes[0].patches] == expected
    assert len(expected) == 3 * 10
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [
        *(labels[r] for r in sorted(labels)), "All nine tasks"]
    calendar = plan.deadline_calendar(commitments)
    undated = commitments[commitments["deadline"].isna()].groupby("task_order").size()
    fig = plan.deadline_chart(calendar, undated, labels, start=pd.Timestamp("2020-04-27"),
                              wordings={pd.Timestamp("2020-12-31"): "年内"}, title="D",
                              note="Source: ¶43–¶106")
    assert len(fig.axes) == 2
    fig = plan.strength_chart(plan.strength_by_task(commitments), labels, highlight=1,
                              title="S", note="Source: ¶43–¶106")
    assert len(fig.axes[0].patches) == 27
