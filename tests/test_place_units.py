"""Tests for gwr.data.place_units, place_units.csv and the chapter's counts of units and sites
(gwr.chapters.places)."""

from __future__ import annotations

import pandas as pd
import pytest

from gwr.chapters.places import (
    item_data,
    item_table,
    paragraphs_naming_units,
    site_table,
    unit_counts,
    unit_paragraphs,
    units_in,
)
from gwr.curated import load_yaml_mapping
from gwr.data.divisions import taiyuan_units
from gwr.data.place_units import load_place_units
from gwr.errors import CuratedDataError

TAIYUAN_UNITS = taiyuan_units()


@pytest.fixture(scope="module")
def texts(paragraphs):
    return {p.number: p.text for p in paragraphs}


@pytest.fixture(scope="module")
def units(tables):
    return tables["units"]


def _entry(**changes):
    entry = {"paragraphs": [59], "adcode": ["140121"], "name_en": "Qingxu grapes",
             "what": "farm brand", "basis": "text", "note": ""}
    return {"清徐葡萄": {**entry, **changes}}


def _rows(basis: str) -> pd.DataFrame:
    """place_units.csv as it would be for the one item of ``_entry``, with ``basis``."""
    return pd.DataFrame({"quote": ["清徐葡萄"], "paragraph": [59], "start": [3410],
                         "adcode": ["140121"], "basis": [basis]})


def test_the_curated_file_loads_and_every_item_stands_in_its_paragraphs(text, paragraphs, texts):
    items = load_place_units(text, paragraphs)
    assert {i.basis for i in items} == {"text", "gazetteer"}
    for item in items:
        assert all(item.name_zh in texts[n] for n in item.paragraphs)
        assert [text[s:s + len(item.name_zh)] for s in item.starts] == [item.name_zh] * len(
            item.paragraphs)


@pytest.mark.parametrize(("change", "message"), [
    ({"paragraphs": [58]}, "¶58 does not contain '清徐葡萄'"),
    ({"paragraphs": [59, 59]}, "do not match where the name stands ([59])"),
    ({"adcode": ["140100"]}, "not one of Taiyuan's ten"),
    ({"adcode": ["140700"]}, "not one of Taiyuan's ten"),  # a neighbouring city
    ({"basis": "guess"}, "basis 'guess'"),
    ({"what": "dish"}, "what 'dish'"),
    ({"note": None}, "missing required field 'note'"),
])
def test_bad_entries_fail_naming_file_and_entry(text, paragraphs, change, message):
    with pytest.raises(CuratedDataError) as info:
        load_place_units(text, paragraphs, curated=_entry(**change))
    assert "data/curated/place_units.yml, entry '清徐葡萄'" in str(info.value)
    assert message in str(info.value)


def test_a_stale_entry_that_misses_a_paragraph_fails(text, paragraphs):
    # 阳曲小米 stands in ¶13 and ¶59: an entry that lists only one is stale.
    entry = {"paragraphs": [59], "adcode": ["140122"], "name_en": "Yangqu millet",
             "what": "farm brand", "basis": "text", "note": ""}
    with pytest.raises(CuratedDataError, match=r"place_units.yml, entry '阳曲小米': paragraphs "
                                               r"\[59\] do not match where the name stands "
                                               r"\(\[13, 59\]\)"):
        load_place_units(text, paragraphs, curated={"阳曲小米": entry})


def test_the_table_has_one_row_per_item_paragraph_and_unit_at_its_place_in_the_text(tables, text):
    table = tables["place_units"]
    assert all(text[r.start:r.end] == r.quote for r in table.itertuples())
    keys = list(zip(table["start"], table["adcode"], strict=True))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    occurrences = table.drop_duplicates("start")
    assert (table.groupby("start")["quote"].nunique() == 1).all()
    curated = load_yaml_mapping("place_units.yml")
    assert sorted(zip(occurrences["quote"], occurrences["paragraph"], strict=True)) == sorted(
        (name, n) for name, entry in curated.items() for n in entry["paragraphs"])
    # One row per unit of each occurrence, as curated.
    assert sorted(zip(table["quote"], table["paragraph"], table["adcode"], strict=True)) == sorted(
        (name, n, code) for name, entry in curated.items() for n in entry["paragraphs"]
        for code in entry["adcode"])
    assert set(table["adcode"]) <= set(tables["units"].loc[
        tables["units"]["role"] == "taiyuan_unit", "adcode"])
    # Checked by hand against the text.
    millet = table[table["quote"] == "阳曲小米"]
    assert list(millet["paragraph"]) == [13, 59]
    assert list(millet["start"]) == [text.index("阳曲小米"), text.index("阳曲小米", 2000)]
    assert set(millet["adcode"]) == {"140122"}
    reform = table[table["paragraph"] == 24]
    assert reform["quote"].str.startswith("杏花岭区、晋源区").all()
    assert reform["start"].nunique() == 1 and list(reform["adcode"]) == ["140107", "140110"]
    assert (table.groupby("start").size() > 1).sum() == 1  # only the reform has two units
    assert sorted(occurrences.loc[occurrences["basis"] == "gazetteer", "quote"]) == [
        "孟封", "徐沟"]


def test_gazetteer_items_are_listed_but_not_counted(units):
    empty = pd.DataFrame({"adcode": pd.Series([], dtype="string"),
                          "paragraph": pd.Series([], dtype="Int64")})
    assert unit_paragraphs(units, empty, _rows("gazetteer"))["140121"] == set()
    assert unit_paragraphs(units, empty, _rows("text"))["140121"] == {59}


def test_counts_from_the_real_tables(tables, units):
    parts = dict(zip(tables["paragraphs"]["paragraph"], tables["paragraphs"]["part"],
                     strict=True))
    counts = unit_counts(units, tables["places"], tables["place_units"], parts).set_index(
        "name_zh")
    assert list(counts["adcode"]) == list(TAIYUAN_UNITS)
    assert counts.loc["古交市", "name_en"] == "Gujiao City"  # units.csv, as in places.csv
    # Checked by hand against the text: 阳曲 in ¶13, ¶59, ¶84; 小店 only in 小店桥 (¶21).
    assert counts.loc["阳曲县", "paragraph_list"] == "13;59;84"
    assert counts.loc["晋源区", "paragraph_list"] == "24;58"
    assert counts.loc["小店区", "paragraph_list"] == "21"
    assert list(counts.loc[counts["paragraphs"] == 0].index) == ["迎泽区", "尖草坪区", "万柏林区"]
    assert (counts["review"] + counts["plan"] + counts["other"] == counts["paragraphs"]).all()


def test_the_item_table_gathers_each_items_paragraphs(tables, units):
    data = item_data(units, tables["place_units"])
    table = item_table(data)
    assert len(table) == len(data)
    # One row per item and unit: the reform of ¶24 is placed in two units, every other item in
    # one.
    assert len(table) == len(load_yaml_mapping("place_units.yml")) + 1
    table = table.set_index("Item in the text")
    assert table.loc["阳曲小米 (Yangqu millet)", "Paragraphs"] == "¶13, ¶59"
    assert table.loc["徐沟 (Xugou sewage plant)", "Placed by"] == "gazetteer only; not counted"
    # by unit code, then paragraph
    assert table["County-level unit"].iloc[0] == "小店区 (Xiaodian District)"
    reform = table.index[table.index.str.startswith("杏花岭区、晋源区")][0]
    assert table.loc[reform, "County-level unit"].tolist() == [
        "杏花岭区 (Xinghualing District)", "晋源区 (Jinyuan District)"]
    # The data: the unit's code and names as units.csv gives them, the item's paragraphs raw.
    millet = data.set_index("item_zh").loc["阳曲小米"]
    assert (millet["adcode"], millet["name_en"], millet["paragraph_list"], millet["counted"]) == (
        "140122", "Yangqu County", "13;59", True)
    assert data.loc[data["basis"] == "gazetteer", "counted"].tolist() == [False, False]
    assert list(data["adcode"]) == sorted(data["adcode"])


def test_every_county_level_place_row_is_a_taiyuan_unit_or_a_neighbour(tables, units):
    places = tables["places"]
    county_level = places[places["kind"].isin(["district", "county", "county_city"])]
    assert len(county_level) > 0
    assert set(county_level["adcode"]) <= set(TAIYUAN_UNITS)
    # Every row of a unit or a neighbouring city names it as units.csv does.
    named = places[places["adcode"].isin(units["adcode"])].merge(
        units, on="adcode", suffixes=("", "_unit"))
    assert len(named) == 11  # 杏花岭区, 晋源区, 清徐, 阳曲 ×2, 娄烦 ×2, 古交, 晋中, 忻州, 吕梁
    assert (named["name_en"] == named["name_en_unit"]).all()
    assert (named["quote"].isin(named["name_zh"]) | named["quote"].isin(named["short_zh"])).all()
    assert dict(zip(named["kind_unit"], named["kind"], strict=True)) == {
        "district": "district", "county": "county", "county-level city": "county_city",
        "prefecture-level city": "prefecture_city"}


def test_the_map_counts_exactly_the_paragraphs_that_hold_a_units_name(tables, texts, units):
    # The definition of "names a unit", read from the text, against what the map counts
    # (places.csv and the items of place_units.csv): the two must agree for every unit.
    assert unit_paragraphs(units, tables["places"], tables["place_units"]) == \
        paragraphs_naming_units(units, texts)


def test_every_site_whose_name_holds_a_unit_is_placed_there_and_no_other(tables, text,
                                                                        paragraphs, units):
    items = {i.name_zh: i for i in load_place_units(text, paragraphs)}
    sites = site_table(units, tables["places"], tables["place_units"])
    holding = sites[sites["units"].map(bool)]
    # Checked by hand: the three sites whose names hold a unit's name.
    assert dict(zip(holding["name_zh"], holding["units"], strict=True)) == {
        "小店桥": ["140105"], "晋源花卉小镇": ["140110"], "阳曲大型热源厂": ["140122"]}
    for name, codes in zip(holding["name_zh"], holding["units"], strict=True):
        assert items[name].basis == "text" and list(items[name].adcodes) == codes, name
    # Every item the text places is named after its units, and no item is placed by guesswork.
    for item in items.values():
        if item.basis == "text":
            assert units_in(units, item.name_zh) == sorted(item.adcodes), item.name_zh
        else:
            assert units_in(units, item.name_zh) == [], item.name_zh


def test_sites_are_counted_once_per_name(tables, units):
    sites = site_table(units, tables["places"], tables["place_units"])
    assert sites["name_zh"].is_unique
    expected = {"太郑高铁", "大原至延安高铁", "晋源花卉小镇", "阳曲大型热源厂", "小店桥", "徐沟"}
    assert expected <= set(sites["name_zh"])
    assert not {"太原", "晋源", "阳曲", "大原", "延安"} & set(sites["name_zh"])
    by_name = sites.set_index("name_zh")
    assert by_name.loc["徐沟", "gazetteer_units"] == ["140121"]
    assert by_name.loc["徐沟", "units"] == []  # the gazetteer places it; the text does not
