"""Tests for gwr.data.summary_clauses (data/curated/summary_clauses.yml) and summary_clauses.csv:
the clauses of ¶7, their glosses, and which recur word for word in part 3."""

from __future__ import annotations

import copy

import pytest

from gwr.curated import load_yaml_mapping
from gwr.data.summary_clauses import CURATED_FILE, clauses, load_summary_clauses
from gwr.data.tables import load_table
from gwr.errors import CuratedDataError


@pytest.fixture(scope="module")
def table():
    return load_table("summary_clauses")


@pytest.fixture
def curated() -> dict:
    return copy.deepcopy(load_yaml_mapping(CURATED_FILE))


def test_the_clauses_are_exact_spans_and_cover_paragraph_7(text, table, paragraphs):
    for row in table.itertuples(index=False):
        assert text[row.start:row.end] == row.quote
    assert set(table["paragraph"]) == {7}
    assert "".join(table["quote"]) == paragraphs[6].text.replace("，", "").replace("。", "")
    assert len(table) == 12


def test_the_opening_statement_is_the_first_sentence(table):
    assert table.loc[table["sentence"] == 1, "quote"].tolist() == ["报告强调",
                                                                   "要建设人民满意的服务型政府"]
    assert table["sentence"].max() == 5


@pytest.mark.parametrize(("clause", "recurs_in"), [
    ("深化“放管服效”改革", "108"), ("推动营商环境持续走在全省前列、迈入全国第一方阵", "108"),
    ("提升政府治理效能", "109"), ("全力打造廉洁政府", "110"), ("永葆为民务实清廉的政治本色", "110"),
    ("确保权力在阳光下运行", ""), ("增强“四个意识”、坚定“四个自信”、做到“两个维护”", ""),
    ("全面加强政治建设", ""),
])
def test_what_recurs_word_for_word_in_part3(text, table, clause, recurs_in):
    row = table.set_index("quote").loc[clause]
    assert row["recurs_in"] == recurs_in
    part3 = text.split("\n")[106:110]
    assert [n for n, t in enumerate(part3, start=107) if clause in t] == (
        [int(recurs_in)] if recurs_in else [])


def test_every_clause_has_its_gloss(table, curated):
    glosses = {k.split(": ", 1)[1]: v["gloss_en"] for k, v in curated.items()}
    assert table["gloss_en"].tolist() == [glosses[q] for q in table["quote"]]
    assert table.set_index("quote").loc["报告强调", "gloss_en"] == "the report stresses"


def test_clauses_split_at_commas_and_full_stops_only(paragraphs):
    found = [c.quote for c in clauses(paragraphs[6])]
    assert "增强“四个意识”、坚定“四个自信”、做到“两个维护”" in found


def test_a_stale_clause_names_the_entry(paragraphs, curated):
    curated["7: 确保权力在月光下运行"] = curated.pop("7: 确保权力在阳光下运行")
    with pytest.raises(CuratedDataError, match=r"data/curated/summary_clauses.yml, entry "
                                               r"'7: 确保权力在月光下运行': not a clause of ¶7"):
        load_summary_clauses(paragraphs, curated=curated)


def test_a_clause_without_an_entry_is_refused(paragraphs, curated):
    del curated["7: 报告强调"]
    with pytest.raises(CuratedDataError, match=r"clauses of ¶7 without an entry: 报告强调"):
        load_summary_clauses(paragraphs, curated=curated)


@pytest.mark.parametrize(("key", "entry", "problem"), [
    ("报告强调", {"gloss_en": "x"}, r"entry '报告强调': the key must be"),
    ("999: 报告强调", {"gloss_en": "x"}, r"entry '999: 报告强调': the key must be"),
    ("7: 报告强调", {"gloss": "x"}, r"entry '7: 报告强调': missing required field 'gloss_en'"),
])
def test_a_malformed_entry_names_file_and_entry(paragraphs, curated, key, entry, problem):
    curated[key] = entry
    with pytest.raises(CuratedDataError, match=rf"data/curated/summary_clauses.yml, {problem}"):
        load_summary_clauses(paragraphs, curated=curated)
