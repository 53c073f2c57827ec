"""Tests for gwr.chapters.review_2019: the review's figures, area and paragraph measures, charts.

The claims loader and review_claims.csv are tested in tests/test_review_claims.py.
"""

from __future__ import annotations

import matplotlib
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


def test_charts_draw_titles_and_source_notes(frames, figures, claims):
    from gwr.style import use_style

    use_style()
    profile = review.area_profile(frames["sections"], figures, claims)
    fig = review.spread_chart(profile, title="T", note="Source: ¶11–¶41")
    assert len(fig.axes) == 3
    assert fig.texts[0].get_text() == "T"
    notes = [t.get_text() for t in fig.axes[0].texts]
    assert "Source: ¶11–¶41" in notes
    green = figures[figures["paragraph"] == 22].assign(label_en=["a", "b", "c"])
    fig = review.green_space_chart(green, title="G", note="Source: ¶22")
    # The bars are the three figures of ¶22, rates left and area right, labelled with them.
    assert [[p.get_width() for p in ax.patches] for ax in fig.axes] == [[43.38, 38.3], [12.78]]
    shown = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert {"43.38%", "38.3%", "12.78 m²"} <= set(shown)
    labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
    assert [label.split("\n")[0] for label in labels] == green["subject_zh"].tolist()
