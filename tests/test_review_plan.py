"""Tests for gwr.chapters.review_to_plan: the link matrix and the paired values, from the tables.

The loaders of the curated decisions (links, pairs, new items) and their tables are tested in
tests/test_review_links.py.
"""

from __future__ import annotations

from gwr.chapters.review_to_plan import link_matrix, pair_values
from gwr.data.tables import load_table


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
