"""Tests for gwr.chapters.review_to_plan: the link matrix, the paired values and their chart, from
the tables.

The loaders of the curated decisions (links, pairs, new items) and their tables are tested in
tests/test_review_links.py.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt

from gwr.chapters.review_to_plan import link_matrix, pair_bars_chart, pair_values
from gwr.data.tables import load_table
from gwr.style import use_style


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
    values = pair_values(load_table("programme_pairs"), load_table("indicators"))
    fig = pair_bars_chart(values, title="t", note="n")
    titles = [ax.get_title() for ax in fig.axes]
    plt.close(fig)
    assert titles == [f"{z}\n{e}" for z, e in zip(values["programme_zh"], values["short_en"],
                                                  strict=True)]
    assert titles[0] == "背街小巷\nBack streets"
