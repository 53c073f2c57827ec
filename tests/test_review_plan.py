"""Tests for gwr.chapters.review_to_plan: the link matrix, the paired values and their chart, from
the tables.

The loaders of the curated decisions (links, pairs, new items) and their tables are tested in
tests/test_review_links.py.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt

from gwr.chapters.review_to_plan import (
    BASIS_STYLE,
    link_matrix,
    link_matrix_chart,
    link_paragraphs,
    matrix_data,
    pair_bars_chart,
    pair_bars_data,
    pair_sides,
    pair_values,
)
from gwr.data.tables import load_table
from gwr.style import use_style


def marks(fig) -> list:
    """The artists tagged as the figure's data rows, in row order."""
    tagged = [a for a in fig.findobj() if (a.get_gid() or "").startswith("mark-")]
    return sorted(tagged, key=lambda a: int(a.get_gid().split("-")[1]))


def test_every_review_area_has_a_link_and_epidemic_has_none(tables):
    matrix = link_matrix(tables["links"], tables["sections"])
    assert matrix.shape == (9, 10)
    assert (matrix != "").any(axis=1).all()
    assert (matrix["plan-epidemic"] == "").all()


def test_pairs_load_and_values_come_from_indicators():
    pairs, indicators = load_table("programme_pairs"), load_table("indicators")
    values = pair_values(pairs, indicators).set_index("pair_id")
    # Checked by hand against ¶29, ¶39, ¶91 and ¶103.
    assert values.loc["back-streets", ["review_value", "plan_value"]].tolist() == [478, 147]
    assert values.loc["old-compounds", ["review_value", "plan_value"]].tolist() == [1776, 521]
    assert values.loc["housing-starts", ["review_value", "plan_value"]].tolist() == [13800, 2533]
    assert values.loc["housing-completions", ["review_value", "plan_value"]].tolist() == [
        47200, 29000]
    assert set(pairs["comparison"]) == {"achieved_vs_planned", "different_measures",
                                        "qualitative"}
    # The chart's panel titles come from the table: the programme in Chinese and its short label.
    assert values.loc["housing-starts", ["programme_zh", "short_en"]].tolist() == [
        "新开工保障房", "Housing starts"]


def test_the_pair_chart_titles_each_panel_from_the_table():
    use_style()
    indicators = load_table("indicators")
    values = pair_values(load_table("programme_pairs"), indicators)
    bars = pair_bars_data(values, indicators)
    fig = pair_bars_chart(bars, title="t", note="n")
    titles = [ax.get_title() for ax in fig.axes]
    drawn = marks(fig)
    plt.close(fig)
    assert titles == [f"{z}\n{e}" for z, e in zip(values["programme_zh"], values["short_en"],
                                                  strict=True)]
    assert titles[0] == "背街小巷\nBack streets"
    # One mark per bar, in the rows' order: 4 programmes x (2019, 2020).
    assert len(drawn) == len(bars) == 8
    assert [bar.get_height() for bar in drawn] == bars["value"].tolist()


def test_pair_bars_data_reads_both_years_from_the_text(text):
    indicators = load_table("indicators")
    bars = pair_bars_data(pair_values(load_table("programme_pairs"), indicators), indicators)
    assert bars["side"].tolist() == ["review", "plan"] * 4
    assert bars["year"].tolist() == [2019, 2020] * 4
    # ¶39: 新开工保障房1.38万套; ¶103: 新开工保障房2533套.
    starts = bars[bars["panel"] == "housing-starts"]
    assert starts[["paragraph", "quote", "value"]].values.tolist() == [
        [39, "1.38万套", 13800], [103, "2533套", 2533]]
    assert [text[s:e] for s, e in zip(bars["start"], bars["end"], strict=True)] == (
        bars["quote"].tolist())


def test_matrix_data_has_one_row_per_cell_and_the_chart_one_mark_each(tables):
    use_style()
    cells = matrix_data(tables["links"], tables["sections"])
    assert len(cells) == 9 * 10
    assert cells["linked"].sum() == len(tables["links"]) == 15
    assert not cells.loc[cells["plan_section_id"] == "plan-epidemic", "linked"].any()
    fig = link_matrix_chart(cells, tables["sections"], title="t", note="n")
    drawn = marks(fig)
    plt.close(fig)
    assert len(drawn) == len(cells)
    # Mark n is the cell of row n: coloured by its basis where linked, grey where not.
    expected = [BASIS_STYLE[b][0] if linked else "#f2f2f2"
                for linked, b in zip(cells["linked"], cells["basis"], strict=True)]
    assert [matplotlib.colors.to_hex(p.get_facecolor()) for p in drawn] == [
        matplotlib.colors.to_hex(c) for c in expected]
    # The government area (¶40-¶41) links only to part 3 (¶108).
    government = cells[cells["review_section_id"] == "review-government"]
    assert government.loc[government["linked"], "plan_section_id"].tolist() == [
        "service-government"]


def test_pair_sides_carry_the_indicators_of_each_quote(text):
    sides = pair_sides(load_table("programme_pairs"))
    assert len(sides) == 2 * 8
    assert sides["side"].tolist() == ["review", "plan"] * 8
    assert [text[s:e] for s, e in zip(sides["start"], sides["end"], strict=True)] == (
        sides["quote"].tolist())
    by_side = sides.set_index(["pair_id", "side"])
    # ¶20: 完成3.48万户“煤改电”“煤改气” — the figure the source edition links to this table.
    coal = by_side.loc[("coal-to-electricity", "review")]
    assert coal["paragraph"] == 20 and "3.48万户" in coal["quote"]
    assert coal["indicator_id"] == "review-tough-battles.coal-to-electricity-gas-households"
    # ¶74: 农村地区力争达到85%以上.
    assert by_side.loc[("coal-to-electricity", "plan"), "indicator_id"] == (
        "plan-tough-battles.rural-clean-heating")
    # The Fen River (¶21, ¶74) is compared in stages, without figures.
    assert by_side.loc["fen-river", "indicator_id"].isna().all()


def test_link_paragraphs_cover_both_sides():
    links = load_table("links")
    cited = link_paragraphs(links)
    # ¶41 (first in the province) leads to ¶108 (part 3); ¶20 and ¶74 are the clean-heating link.
    assert {20, 41, 74, 108} <= set(cited)
    assert cited == sorted(cited)
    assert all(11 <= p <= 41 or 43 <= p <= 110 for p in cited)
