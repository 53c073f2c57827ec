"""Tests for gwr.chapters.service_government and the chapter-04 and chapter-06 charts."""

from __future__ import annotations

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from gwr.chapters import language
from gwr.chapters import language as charts_language
from gwr.chapters import service_government as charts_service
from gwr.chapters import service_government as reforms
from gwr.data.tables import load_table
from gwr.style import use_style


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return {n: load_table(n) for n in ["paragraphs", "commitments", "indicators",
                                       "formulations", "sections"]}


@pytest.fixture(scope="module")
def table(data) -> pd.DataFrame:
    return reforms.reform_table(data["paragraphs"], data["commitments"], data["indicators"])


def test_quotes_are_exact_spans_of_the_source(text, table):
    for row in table.itertuples(index=False):
        assert text[row.start:row.end] == row.quote


def test_every_part3_reform_commitment_is_in_part3(table):
    dated = table[table["kind"] == "2020 commitment"]
    assert dated["paragraph"].between(107, 110).all()
    assert table.loc[table["kind"] == "2019 claim", "paragraph"].eq(41).all()


def test_no_reform_states_a_figure_or_a_deadline(table):
    assert not table["figure"].any() and not table["deadline"].any()
    assert set(table["checkability"]) == {"observable", "direction"}


def test_checkability_follows_the_rule(table):
    expected = [reforms.checkability(f, d, o) for f, d, o in
                zip(table["figure"], table["deadline"], table["observable"], strict=True)]
    assert table["checkability"].tolist() == expected
    assert table.set_index("reform_id").loc["hotline-12345", "checkability"] == "observable"
    assert table.set_index("reform_id").loc["supervision-13710", "checkability"] == "direction"


def test_a_wrong_quote_fails_loudly(data, monkeypatch):
    broken = (reforms.Reform("x", "三公", "x", 109, "严控“四公”经费", "x", "2020 commitment",
                             False, "x", "service-government.three-public-expenses"),)
    monkeypatch.setattr(reforms, "REFORMS", broken)
    with pytest.raises(ValueError, match="quote not found in ¶109"):
        reforms.reform_table(data["paragraphs"], data["commitments"], data["indicators"])


def test_an_unknown_commitment_fails_loudly(data, monkeypatch):
    broken = (reforms.Reform("x", "三公", "x", 109, "严控“三公”经费", "x", "2020 commitment",
                             False, "x", "service-government.nothing"),)
    monkeypatch.setattr(reforms, "REFORMS", broken)
    with pytest.raises(ValueError, match="unknown commitment"):
        reforms.reform_table(data["paragraphs"], data["commitments"], data["indicators"])


def test_part3_has_no_measurable_commitment(data):
    measures = reforms.measurability_by_section(data["commitments"])
    assert measures.index[-1] == "service-government"
    assert measures.loc["service-government", "commitments"] == 15
    assert measures.loc["service-government", "either"] == 0
    shares = measures[["binding", "aspirational", "process"]].sum(axis=1)
    assert (shares.round(9) == 1).all()


def test_political_formulations_stand_only_in_paragraph_7(data):
    positions = reforms.term_positions(data["formulations"], ["四个意识", "四个自信", "两个维护"])
    assert set(positions["paragraph"]) == {7}


def _close(fig):
    assert fig.axes
    plt.close(fig)


def test_charts_draw(data):
    use_style()
    measures = reforms.measurability_by_section(data["commitments"])
    labels = list(measures.index)
    _close(charts_service.strength_by_section_chart(measures, labels, title="t", note="n"))
    _close(charts_service.measurable_chart(measures, labels, title="t", note="n"))
    groups = {"四个意识": "political", "12345": "reform"}
    glosses = data["formulations"].set_index("term")["gloss_en"].to_dict()
    positions = reforms.term_positions(data["formulations"], list(groups))
    _close(charts_service.term_strip_chart(positions, data["paragraphs"], groups, glosses,
                                           title="t", note="n"))
    tokens = language.token_table(data["paragraphs"])
    _close(charts_language.top_words_chart(language.word_counts(tokens).head(20), {"推进"},
                                           title="t", note="n"))
    scores = language.tfidf(tokens[tokens["part"] != "front"], by="part")
    scores = scores[(scores["count"] >= 2) & (scores["tfidf"] > 0)]
    scores = scores[scores.groupby("part").cumcount() < 8]
    _close(charts_language.distinctive_words_chart(
        scores, ["review-2019", "plan-2020", "service-government"], title="t", note="n"))
    verbs = pd.DataFrame({"verb_zh": ["推进"], "verb_en": ["advance"],
                          "strength": ["process"], "count": [3]})
    _close(charts_language.verb_strength_chart(verbs, title="t", note="n"))
