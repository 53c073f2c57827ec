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
    return {n: load_table(n) for n in ["paragraphs", "commitments", "formulations", "reforms"]}


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


def test_charts_draw(data):
    """Each chart shows the data it is given: bar lengths are the shares passed in, in order,
    and the bars carry the labels passed in."""
    use_style()
    measures = service_government.measurability_by_section(data["commitments"])
    labels = [f"label {k}" for k in range(len(measures))]
    fig = service_government.strength_by_section_chart(measures, labels, title="t", note="n")
    ax = fig.axes[0]
    expected = [round(v * 100, 9) for strength in service_government.STRENGTH_COLOURS
                for v in measures[strength].astype(float)]
    assert _widths(ax) == expected
    assert _yticks(ax) == labels
    _close(fig)
    fig = service_government.measurable_chart(measures, labels, title="t", note="n")
    ax = fig.axes[0]
    assert _widths(ax) == [round(v * 100, 9) for v in measures["either"].astype(float)]
    assert _yticks(ax) == labels
    # Part 3's bar is empty and labelled "0 of 15" (the 15 commitments counted above).
    assert ax.patches[-1].get_width() == 0
    assert "0 of 15" in [t.get_text() for t in ax.texts]
    _close(fig)
    terms = service_government.grouped_terms(data["formulations"])
    positions = service_government.term_positions(data["formulations"], terms["term"].tolist())
    fig = service_government.term_strip_chart(positions, data["paragraphs"], terms, title="t",
                                              note="n")
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["political formulation", "reform or programme"]
    assert len(fig.axes[0].get_yticklabels()) == len(terms)
    _close(fig)
