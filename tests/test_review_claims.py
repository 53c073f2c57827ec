"""Tests for gwr.data.review_claims and review_claims.csv: the claims of distinction of 2019."""

from __future__ import annotations

import copy

import pandas as pd
import pytest

from gwr.chapters import review_2019
from gwr.curated import load_yaml_mapping
from gwr.data.datapackage import load_schema
from gwr.data.review_claims import CLAIM_COLUMNS, CLAIM_TYPES, CURATED_FILE, load_review_claims
from gwr.data.tables import load_table
from gwr.errors import CuratedDataError


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return load_review_claims()


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return load_table("review_claims")


@pytest.fixture(scope="module")
def curated() -> dict:
    return load_yaml_mapping(CURATED_FILE)


def test_every_claim_quotes_the_text_at_its_offsets(claims, text):
    assert len(claims) == 16
    for row in claims.itertuples():
        assert text[row.start:row.end] == row.quote
        assert row.quote in text.split("\n")[row.paragraph - 1]


def test_claims_lie_in_the_review_and_have_known_types(claims):
    assert claims["section_id"].str.startswith("review-").all()
    assert claims["paragraph"].between(11, 41).all()
    assert set(claims["type"]) <= set(CLAIM_TYPES)
    assert claims["claim_id"].is_unique
    assert claims["gloss_en"].str.len().gt(10).all()


def test_the_issue_examples_are_classified(claims):
    by_quote = dict(zip(claims["quote"], claims["type"], strict=True))
    assert by_quote["“全国绿化模范城市”"] == "award"
    assert by_quote["连锁便利店发展指数位列全国第一"] == "ranking"
    assert by_quote["营商环境便利度综合排名全省第一"] == "ranking"
    assert by_quote["首批入选2019年国家物流枢纽建设名单"] == "first"


def test_stale_entry_names_the_file_and_the_entry(curated):
    stale = copy.deepcopy(curated)
    stale["12: 连锁便利店发展指数位列全国第二"] = stale.pop("12: 连锁便利店发展指数位列全国第一")
    with pytest.raises(CuratedDataError, match=r"review_claims\.yml, entry '12: 连锁便利店发展指数"
                                               r"位列全国第二'.*does not occur in ¶12"):
        load_review_claims(curated=stale)


def test_a_changed_source_makes_the_entry_stale(curated, text):
    changed = text.replace("营商环境便利度综合排名全省第一", "营商环境便利度综合排名全省第二")
    with pytest.raises(CuratedDataError, match=r"entry '41: 营商环境便利度综合排名全省第一'"):
        load_review_claims(curated=curated, text=changed)


@pytest.mark.parametrize(("key", "entry", "message"), [
    ("108: 深化“放管服效”改革", {"id": "x", "type": "other", "gloss_en": "g"},
     "not in one of the nine areas"),
    ("22: 城市", {"id": "x", "type": "award", "gloss_en": "g"}, "occurs 2 times"),
    ("12: 位列全国第一", {"id": "x", "type": "prize", "gloss_en": "g"}, "type 'prize'"),
    ("12: 位列全国第一", {"id": "X y", "type": "ranking", "gloss_en": "g"}, "lower-case slug"),
    ("12: 位列全国第一", {"id": "x", "type": "ranking"}, "missing required field 'gloss_en'"),
    ("12 位列全国第一", {"id": "x", "type": "ranking", "gloss_en": "g"}, "the key must read"),
])
def test_bad_entries_fail_with_a_message(key, entry, message):
    with pytest.raises(CuratedDataError, match=message) as info:
        load_review_claims(curated={key: entry})
    assert f"data/curated/review_claims.yml, entry {key!r}" in str(info.value)


def test_duplicate_ids_within_an_area_fail():
    entries = {"12: 位列全国第一": {"id": "x", "type": "ranking", "gloss_en": "g"},
               "12: 首批入选": {"id": "x", "type": "first", "gloss_en": "g"}}
    with pytest.raises(CuratedDataError, match="used twice"):
        load_review_claims(curated=entries)


def test_the_table_is_the_loaders_output_in_schema_order(claims, table):
    assert list(table.columns) == CLAIM_COLUMNS
    assert [f["name"] for f in load_schema("review_claims")["fields"]] == CLAIM_COLUMNS
    assert table.astype(object).values.tolist() == claims.astype(object).values.tolist()


def test_the_table_quotes_the_text_in_text_order(table, text, section_ids):
    assert table["start"].is_monotonic_increasing
    for row in table.itertuples():
        assert text[row.start:row.end] == row.quote
        assert section_ids[row.paragraph] == row.section_id
    # Checked by hand against ¶22 and ¶41.
    model_city = table.set_index("claim_id").loc["review-tough-battles.greening-model-city"]
    assert (model_city["paragraph"], model_city["quote"]) == (22, "“全国绿化模范城市”")
    business = table[table["paragraph"] == 41]
    assert business[["quote", "type"]].values.tolist() == [["营商环境便利度综合排名全省第一",
                                                            "ranking"]]


def test_the_types_agree_in_loader_schema_and_chapter():
    field = next(f for f in load_schema("review_claims")["fields"] if f["name"] == "type")
    assert tuple(field["constraints"]["enum"]) == CLAIM_TYPES == review_2019.CLAIM_TYPES
