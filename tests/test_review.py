"""Tests for gwr.chapters.review_2019: the review's figures, area and paragraph measures, charts.

The claims loader and review_claims.csv are tested in tests/test_review_claims.py.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from gwr.chapters import review_2019 as review
from gwr.data.tables import load_table

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return load_table("review_claims")


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return {name: load_table(name) for name in ("sections", "indicators", "paragraphs")}


@pytest.fixture(scope="module")
def figures(frames) -> pd.DataFrame:
    return review.review_figures(frames["indicators"], frames["sections"])


def test_review_figures_read_the_text(figures):
    # 31 = 30 achievements + 1 baseline: the `kind:` lines of indicators.yml for ¶11-¶41
    # (test_indicators.test_counts_by_kind counts them as text; targets are all in part 2).
    assert len(figures) == 31
    assert figures["kind"].value_counts().to_dict() == {"achievement": 30, "baseline": 1}
    poverty = figures[figures["subject_zh"] == "贫困发生率"]
    assert poverty["value"].tolist() == [6.68, 0.08]
    assert poverty["year"].tolist() == [2016, 2019]
    green = figures[figures["paragraph"] == 22]
    assert green["value"].tolist() == [43.38, 38.3, 12.78]
    renewal = figures[figures["paragraph"] == 29]
    assert renewal["value"].tolist() == [478, 1776, 26]
    assert renewal["unit_zh"].tolist() == ["条", "个", "个"]


def test_area_profile_adds_up(frames, figures, claims):
    profile = review.area_profile(frames["sections"], figures, claims)
    # 9 areas: the nine section headings of part 1, ¶11, 14, 17, 23, 27, 30, 33, 36, 40.
    assert len(profile) == 9
    headings = frames["paragraphs"].query("part == 'review-2019' and is_heading")["paragraph"]
    assert headings.tolist() == [10, 11, 14, 17, 23, 27, 30, 33, 36, 40]  # ¶10: the part's own
    assert profile["order"].tolist() == list(range(1, 10))
    assert profile["figures"].sum() == len(figures)
    assert profile["claims"].sum() == len(claims)
    assert profile.loc[["review-youth-games", "review-government"], "figures"].tolist() == [0, 0]
    # 6, by a second route: the claims standing in the paragraphs of the economy section
    # (paragraphs.csv's section_id), not the claims' own section_id.
    assert profile.loc["review-economy", "claims"] == 6
    sections = frames["paragraphs"].set_index("paragraph")["section_id"]
    assert (claims["paragraph"].map(sections) == "review-economy").sum() == 6


def test_paragraph_coverage_counts_body_paragraphs(frames, figures, claims):
    cover = review.paragraph_coverage(frames["paragraphs"], figures, claims)
    # 22 = the 32 paragraphs ¶10-¶41 less their 10 headings (listed in the test above).
    assert len(cover) == 22 == 32 - 10
    assert cover.loc[cover["figures"] == 0, "paragraph"].tolist() == [12, 15, 24, 31, 32, 35, 41]
    # Second method: body paragraphs of ¶10-¶41 holding no indicator's span, from the offsets.
    spans = list(zip(figures["start"], figures["end"], strict=True))
    body = frames["paragraphs"].query("part == 'review-2019' and not is_heading")
    empty = [p.paragraph for p in body.itertuples()
             if not any(p.start <= a and b <= p.end for a, b in spans)]
    assert empty == [12, 15, 24, 31, 32, 35, 41]
    assert cover["figures"].sum() == len(figures)


def test_format_value_keeps_every_digit():
    assert review.format_value(288000000000.0) == "288,000,000,000"
    assert review.format_value(12.78) == "12.78"
    assert review.format_value(0.08) == "0.08"


def marks(fig) -> list:
    """The artists tagged as the figure's data rows, in row order."""
    tagged = [a for a in fig.findobj() if (a.get_gid() or "").startswith("mark-")]
    return sorted(tagged, key=lambda a: int(a.get_gid().split("-")[1]))


def test_charts_draw_titles_and_source_notes(frames, figures, claims):
    from gwr.style import use_style

    use_style()
    profile = review.area_profile(frames["sections"], figures, claims)
    fig = review.spread_chart(review.spread_data(profile), title="T", note="Source: ¶11–¶41")
    assert len(fig.axes) == 3
    assert fig.texts[0].get_text() == "T"
    notes = [t.get_text() for t in fig.axes[0].texts]
    assert "Source: ¶11–¶41" in notes
    green = review.green_space_data(figures)
    fig = review.green_space_chart(green, title="G", note="Source: ¶22")
    # The bars are the three figures of ¶22, rates left and area right, labelled with them.
    assert [[p.get_width() for p in ax.patches] for ax in fig.axes] == [[43.38, 38.3], [12.78]]
    shown = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert {"43.38%", "38.3%", "12.78 m²"} <= set(shown)
    labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
    assert [label.split("\n")[0] for label in labels] == green["subject_zh"].tolist()


def test_every_chart_tags_one_mark_per_data_row(frames, figures, claims):
    from gwr.style import use_style

    use_style()
    profile = review.area_profile(frames["sections"], figures, claims)
    spread = review.spread_data(profile)
    poverty = review.poverty_data(figures)
    green = review.green_space_data(figures)
    renewal = review.renewal_data(figures)
    charts = [
        (spread, review.spread_chart(spread, title="t", note="n"), "value"),
        (poverty, review.before_after_chart(poverty, title="t", ylabel="y", note="n"), "value"),
        (green, review.green_space_chart(green, title="t", note="n"), "value"),
        (renewal, review.figure_bars_chart(renewal, title="t", xlabel="x", note="n"), "value"),
    ]
    for data, fig, column in charts:
        drawn = marks(fig)
        plt.close(fig)
        assert len(drawn) == len(data)
        # Mark n is the bar of row n: its length is the row's value.
        lengths = [bar.get_height() if data is poverty else bar.get_width() for bar in drawn]
        assert lengths == pytest.approx(data[column].astype(float).tolist())


def test_spread_data_counts_each_area_per_panel(frames, figures, claims):
    profile = review.area_profile(frames["sections"], figures, claims)
    spread = review.spread_data(profile).set_index(["panel", "section_id"])["value"]
    assert len(spread) == 27  # 3 panels x 9 areas
    # ¶17-¶22, the tough battles: 8 figures, in ¶18 (2), ¶19, ¶20, ¶21 and ¶22 (3).
    assert spread[("figures", "review-tough-battles")] == 8
    assert spread[("claims", "review-economy")] == 6
    assert spread[("figures", "review-youth-games")] == 0  # ¶31-¶32 state no figure
    # The body text of ¶41 is the whole of the government area's body text.
    assert spread[("body_chars", "review-government")] == len(frames["paragraphs"].set_index(
        "paragraph").loc[41, "text"])


def test_tidy_frames_quote_the_text(figures, claims, frames, text):
    rows = review.figures_data(figures)
    assert len(rows) == 31
    # ¶20: 完成3.48万户“煤改电”“煤改气” (34,800 households).
    coal = rows.set_index("indicator_id").loc[
        "review-tough-battles.coal-to-electricity-gas-households"]
    assert (coal["paragraph"], coal["quote"], coal["value"]) == (20, "3.48万户", 34800)
    # ¶26: 外贸进出口总额超过1000亿元, a qualified figure ("more than").
    trade = rows.set_index("indicator_id").loc["review-reform-opening.foreign-trade-total"]
    assert (trade["qualifier"], trade["value"]) == ("more_than", 1e11)
    profile = review.area_profile(frames["sections"], figures, claims)
    claim_rows = review.claims_data(claims, profile)
    assert len(claim_rows) == len(claims)
    for frame in (rows, claim_rows, review.poverty_data(figures), review.renewal_data(figures)):
        assert [text[s:e] for s, e in zip(frame["start"], frame["end"], strict=True)] == (
            frame["quote"].tolist())
    # ¶12: 连锁便利店发展指数位列全国第一, a ranking of the economy area.
    store = claim_rows.set_index("claim_id").loc["review-economy.convenience-store-index"]
    assert (store["type"], store["area"], store["paragraph"]) == ("ranking", "Economy", 12)


def test_figure_frames_hold_the_figures_the_text_states(figures, frames):
    # ¶18: 贫困发生率从2016年年初的6.68％下降至0.08％.
    poverty = review.poverty_data(figures)
    assert poverty[["label_en", "value"]].values.tolist() == [["start of 2016", 6.68],
                                                              ["as reported for 2019", 0.08]]
    # ¶29: 整治背街小巷478条、老旧小区1776个、集贸市场26个.
    renewal = review.renewal_data(figures)
    assert renewal["value"].tolist() == [478, 1776, 26]
    assert renewal["label_en"].tolist() == ["back streets and alleys",
                                            "old residential compounds", "farmers' markets"]
    # ¶22: 建成区绿化覆盖率43.38％、绿地率38.3％、人均公园绿地面积12.78平方米.
    green = review.green_space_data(figures)
    assert green[["panel", "value"]].values.tolist() == [
        ["rate", 43.38], ["rate", 38.3], ["area_per_resident", 12.78]]
    areas = review.areas_data(review.area_profile(frames["sections"], figures,
                                                  load_table("review_claims")))
    # ¶5 names the nine areas; ¶14 深化科技创新 is the article's own heading for the second.
    second = areas.set_index("section_id").loc["review-innovation"]
    assert (second["official_name_zh"], second["heading_zh"], second["heading_relation"]) == (
        "转型发展注入新动力", "深化科技创新", "headline")


def test_a_missing_figure_fails_loudly(figures):
    with pytest.raises(KeyError, match="no-such"):
        review.labelled_figures(figures, {"review-city-image.no-such": "x"})
