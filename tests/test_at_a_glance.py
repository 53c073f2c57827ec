"""Tests for gwr.chapters.at_a_glance: the parts, the sections and the headings, as the chapter's
tables and figures show them, checked against the source a reader can count."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from gwr.chapters import at_a_glance
from gwr.data.tables import load_table
from gwr.style import use_style


def marks(fig) -> list:
    """The artists tagged as the figure's data rows, in row order."""
    tagged = [a for a in fig.findobj() if (a.get_gid() or "").startswith("mark-")]
    return sorted(tagged, key=lambda a: int(a.get_gid().split("-")[1]))


@pytest.fixture(scope="module")
def paragraphs() -> pd.DataFrame:
    return load_table("paragraphs")


@pytest.fixture(scope="module")
def sections() -> pd.DataFrame:
    return load_table("sections")


@pytest.fixture(scope="module")
def parts(paragraphs) -> pd.DataFrame:
    return at_a_glance.part_summary(paragraphs)


def test_parts_span_the_lines_of_the_source(parts):
    # ¶1-¶9 front matter, ¶10 opens the review (2019年：…), ¶42 the plan (2020年：…), ¶107-¶110
    # part 3: the line numbers of data/raw/taiyuan-2020-work-report.zh.txt.
    assert parts.index.tolist() == ["front", "review-2019", "plan-2020", "service-government"]
    assert parts[["first_paragraph", "last_paragraph"]].values.tolist() == [
        [1, 9], [10, 41], [42, 106], [107, 110]]
    assert parts["paragraphs"].tolist() == [9, 32, 65, 4]
    assert parts["body_share"].sum() == pytest.approx(1.0)
    assert parts.loc["plan-2020", "body_share"] > 0.5  # the chapter's claim: more than half


def test_part_shares_chart_draws_one_mark_per_row(parts):
    use_style()
    data = at_a_glance.part_shares_data(parts, ["review-2019", "plan-2020", "service-government",
                                                "front"])
    assert data["part"].tolist() == ["review-2019", "plan-2020", "service-government", "front"]
    fig = at_a_glance.part_shares_chart(data, title="t", note="Source: ¶1–¶110")
    drawn = marks(fig)
    plt.close(fig)
    assert len(drawn) == len(data) == 4
    assert [bar.get_width() for bar in drawn] == pytest.approx((data["body_share"] * 100).tolist())


def test_section_lengths_follow_the_text(sections, text):
    data = at_a_glance.section_lengths_data(sections)
    # 9 review areas, 9 plan tasks and part 3, in text order.
    assert len(data) == 19
    assert data["part"].value_counts().to_dict() == {"review-2019": 9, "plan-2020": 9,
                                                     "service-government": 1}
    assert data["first_paragraph"].is_monotonic_increasing
    # ¶76: 全力提升城市能级和核心竞争力, the longest, with 17 paragraphs below it (¶77-¶93).
    longest = data.loc[data["body_chars"].idxmax()]
    assert (longest["heading_zh"], longest["heading_paragraph"], longest["body_paragraphs"]) == (
        "全力提升城市能级和核心竞争力", 76, 17)
    # The body text of ¶41, the shortest area's one paragraph, counted on the source line.
    shortest = data.loc[data["body_chars"].idxmin()]
    assert shortest["body_chars"] == len(text.split("\n")[41 - 1])


def test_section_lengths_chart_draws_one_mark_per_row(sections):
    use_style()
    data = at_a_glance.section_lengths_data(sections)
    fig = at_a_glance.section_lengths_chart(data, title="t", note="Source: ¶11–¶110")
    drawn = marks(fig)
    plt.close(fig)
    assert len(drawn) == len(data)
    assert [bar.get_width() for bar in drawn] == data["body_chars"].tolist()


def test_heading_table_quotes_the_headings_and_the_names(sections, paragraphs, text):
    table = at_a_glance.heading_table(at_a_glance.heading_relations(sections), paragraphs)
    assert len(table) == 18
    for row in table.itertuples():
        # The heading is its whole paragraph; the report's name stands in ¶5 or ¶6.
        assert text[row.start:row.end] == row.heading_zh
        assert row.official_name_zh in text.split("\n")[row.name_paragraph - 1]
    # ¶57: the agriculture task's heading is the journalist's headline,
    # 年内新建农村“四好公路”574公里.
    agriculture = table.set_index("section_id").loc["plan-agriculture"]
    assert (agriculture["paragraph"], agriculture["relation"]) == (57, "headline")
    assert agriculture["heading_zh"] == "年内新建农村“四好公路”574公里"
    assert table["name_paragraph"].value_counts().to_dict() == {5: 9, 6: 9}
