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
    assert measures.loc["service-government", "commitments"] == 15
    assert measures.loc["service-government", "either"] == 0
    shares = measures[["binding", "aspirational", "process"]].sum(axis=1)
    assert (shares.round(9) == 1).all()


def test_political_formulations_stand_only_in_paragraph_7(data):
    positions = service_government.term_positions(data["formulations"],
                                                  ["四个意识", "四个自信", "两个维护"])
    assert set(positions["paragraph"]) == {7}


def test_every_checkability_level_has_a_label(data):
    assert tuple(service_government.CHECKABILITY_LABELS) == CHECKABILITY
    assert set(data["reforms"]["checkability"]) <= set(service_government.CHECKABILITY_LABELS)


def _close(fig):
    assert fig.axes
    plt.close(fig)


def test_charts_draw(data):
    use_style()
    measures = service_government.measurability_by_section(data["commitments"])
    labels = list(measures.index)
    _close(service_government.strength_by_section_chart(measures, labels, title="t", note="n"))
    _close(service_government.measurable_chart(measures, labels, title="t", note="n"))
    groups = {"四个意识": "political", "12345": "reform"}
    glosses = data["formulations"].set_index("term")["gloss_en"].to_dict()
    positions = service_government.term_positions(data["formulations"], list(groups))
    _close(service_government.term_strip_chart(positions, data["paragraphs"], groups, glosses,
                                               title="t", note="n"))
