"""Chapter 8 (gwr.chapters.outcomes): the counts, the frames behind its figures and tables, and
one tagged mark per row of each figure's data. Expected values come from the sources named in
the comments, not from the module."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from gwr.chapters import outcomes as chapter
from gwr.data.tables import load_table
from gwr.style import use_style


@pytest.fixture(scope="module")
def promises() -> pd.DataFrame:
    names = chapter.task_names(load_table("sections"))
    return chapter.promise_table(load_table("outcomes"), load_table("commitments"), names)


@pytest.fixture(scope="module")
def headline() -> pd.DataFrame:
    return load_table("headline_targets")


def marks(figure) -> list:
    return [a for a in figure.findobj() if (a.get_gid() or "").startswith("mark-")]


@pytest.fixture(autouse=True)
def _style():
    use_style()
    yield
    plt.close("all")


def test_status_counts_add_up_and_rest_on_their_sources(promises):
    counts = chapter.status_counts(promises).set_index("status")
    assert counts["promises"].sum() == len(promises) == 42
    assert counts.loc["no_public_evidence", ["official", "press", "repost"]].sum() == 0
    sourced = counts.drop(index="no_public_evidence")
    assert (sourced[["official", "press", "repost"]].sum(axis=1) == sourced["promises"]).all()
    # 太原日报 (¶82, coach station) and 生活晨报 (¶56, old town) were read at their own pages.
    assert counts.loc["missed", "press"] == 2


def test_the_scorecard_has_one_mark_per_segment(promises):
    data = chapter.scorecard_data(promises)
    assert data["promises"].sum() == 42 and (data["promises"] > 0).all()
    # ¶74: the Fen River (June) and rural clean heating (85%) are shown met; county towns not.
    battles = data[data["task_order"] == 7].set_index("status")["promises"].to_dict()
    assert battles == {"met": 2, "no_public_evidence": 1}
    figure = chapter.scorecard_chart(data, title="t", note="Source: ¶56–¶105")
    assert len(marks(figure)) == len(data)


def test_strength_bounds_leave_room_for_every_unknown(promises):
    table = chapter.strength_bounds(promises).set_index("strength")
    assert table["promises"].sum() == 42
    for strength, row in table.iterrows():
        assert row[list(chapter.STATUSES)].sum() == row["promises"], strength
        low, high = row["met_low"], row["met_high"]
        assert low == row["met"] / row["promises"]
        assert high == (row["met"] + row["no_public_evidence"]) / row["promises"]
    # ¶78's 力争 (east ring) and ¶85's 力争 (5G stations) are hedged, and both were met.
    hedged = promises[promises["strength"] == "aspirational"].set_index("promise_id")
    assert hedged.loc[["plan-city.east-ring", "plan-city.5g-base-stations"], "status"].eq(
        "met").all()


def test_the_timeline_measures_deadline_against_completion(promises):
    data = chapter.timeline_data(promises).set_index("promise_id")
    # Projects and one-off acts only: every dated promise without a figure.
    assert data["deadline"].notna().all() and len(data) == 18
    # ¶77 年内 and 12 December 2020 (China Daily): 19 days early.
    assert data.loc["plan-city.taiyuan-zhengzhou-railway", "days_from_deadline"] == -19
    # ¶82 8月 and 25 November 2020, still not in use (太原日报): 86 days after 31 August.
    assert data.loc["plan-city.southeast-coach-station", "days_from_deadline"] == 86
    # ¶74 6月底前, and the source dates the outcome only to June (當年6月).
    assert data.loc["plan-tough-battles.fen-water-quality", "outcome_precision"] == "month"
    assert list(data["deadline"]) == sorted(data["deadline"])
    figure = chapter.timeline_chart(data.reset_index(), start=pd.Timestamp(2020, 4, 27),
                                    title="t", note="Source: ¶56–¶105")
    assert len(marks(figure)) == len(data)


def test_share_of_target_where_a_figure_exists(promises, headline):
    data = chapter.share_data(promises, headline).set_index("id")
    # ¶85: at least 2,900 stations; 3,944 in the first half (China Daily).
    assert data.loc["plan-city.5g-base-stations", "share"] == pytest.approx(3944 / 2900)
    # The full report: GDP about 7%; 2020: 2.6% (statistics bureau, via the press).
    assert data.loc["gdp", "share"] == pytest.approx(2.6 / 7)
    assert list(data["panel"]) == ["plan"] * 2 + ["headline"] * 3
    figure = chapter.share_chart(data.reset_index(), title="t", note="Source: ¶74, ¶85")
    assert len(marks(figure)) == len(data)


def test_tables_keep_the_ids_that_the_apparatus_links(promises, headline):
    evidence = chapter.evidence_table(promises)
    unknown = chapter.unknown_table(promises)
    assert len(evidence) + len(unknown) == 42
    assert {"commitment_id", "indicator_id", "paragraph"} <= set(evidence.columns)
    assert (unknown["queries"] >= 1).all()
    # ¶91's two targets are two rows with the same search.
    p91 = unknown[unknown["paragraph"] == 91]
    assert len(p91) == 2 and p91["searched"].nunique() == 1
    shown = chapter.headline_table(headline)
    assert shown["headline_id"].tolist()[:3] == ["gdp", "industry", "fixed-investment"]


def test_the_consumer_price_target_shows_the_report_s_about(headline):
    # The full report (read at a copy): 「居民消费价格涨幅控制在3.5%左右」, "held to about 3.5%",
    # which the edition reads as a ceiling; the table shows the words, not only "at most".
    table = chapter.headline_table(headline).set_index("headline_id")
    shown = {key: chapter.target_reading(row.target_value, row.unit_en, row.qualifier,
                                         row.target_zh) for key, row in table.iterrows()}
    assert shown["cpi"].startswith("「控制在3.5%左右」") and shown["cpi"].endswith("at most 3.5%")
    # 「城镇登记失业率控制在4.2%以内」 is a ceiling in its own words: shown as one.
    assert shown["registered-unemployment"] == "at most 4.2%"
    assert shown["gdp"] == "about 7%"


def test_the_zoo_s_unfinished_houses_are_cited_to_the_source_that_says_so(promises):
    # 山西晚报 app, 2020-09-27: 「大象馆、犀牛馆、企鹅馆、猎豹馆等18个馆舍仍然在建」; the 太原新闻网
    # copy cited for the reopening says only 「9月28日正式恢复开放」.
    parks = promises.set_index("promise_id").loc["plan-city.parks-opening"]
    assert "sxwb2020zoo" in parks["other_source_keys"].split(" | ")


def test_a_mirror_s_pinyin_is_dropped_from_a_quotation(headline):
    gdp = headline.set_index("headline_id").loc["gdp", "target_zh"]
    assert "(zh" in gdp and chapter.strip_pinyin(gdp) == "地區生產總值增長7%左右"


def test_the_chapter_states_the_rule_that_the_data_follow():
    from gwr.data import outcomes as rules

    assert chapter.STATE_WINDOW_DAYS == rules.STATE_WINDOW_DAYS
    assert chapter.STATUSES == rules.STATUSES
