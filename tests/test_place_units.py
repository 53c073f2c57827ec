"""Tests for gwr.place_units and data/curated/place_units.yml."""

from __future__ import annotations

import pandas as pd
import pytest

from gwr.boundaries import TAIYUAN_UNITS
from gwr.curated import load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.place_units import load_place_units, unit_counts, unit_paragraphs


@pytest.fixture(scope="module")
def texts(paragraphs):
    return {p.number: p.text for p in paragraphs}


def _entry(**changes):
    entry = {"paragraphs": [59], "adcode": ["140121"], "name_en": "Qingxu grapes",
             "what": "farm brand", "basis": "text", "note": ""}
    return {"清徐葡萄": {**entry, **changes}}


def test_the_curated_file_loads_and_every_item_stands_in_its_paragraphs(texts):
    items = load_place_units(texts)
    assert {i.basis for i in items} == {"text", "gazetteer"}
    for item in items:
        assert all(item.name_zh in texts[n] for n in item.paragraphs)


@pytest.mark.parametrize(("change", "message"), [
    ({"paragraphs": [58]}, "¶58 does not contain '清徐葡萄'"),
    ({"adcode": ["140100"]}, "not one of Taiyuan's ten"),
    ({"basis": "guess"}, "basis 'guess'"),
])
def test_bad_entries_fail_naming_file_and_entry(texts, change, message):
    with pytest.raises(CuratedDataError) as info:
        load_place_units(texts, curated=_entry(**change))
    assert "data/curated/place_units.yml, entry '清徐葡萄'" in str(info.value)
    assert message in str(info.value)


def test_gazetteer_items_are_listed_but_not_counted(texts):
    items = load_place_units(texts, curated=_entry(basis="gazetteer"))
    empty = pd.DataFrame({"adcode": pd.Series([], dtype="string"),
                          "paragraph": pd.Series([], dtype="Int64")})
    assert unit_paragraphs(empty, items)["140121"] == set()
    counted = load_place_units(texts, curated=_entry())
    assert unit_paragraphs(empty, counted)["140121"] == {59}


def test_counts_from_the_real_tables(tables, texts):
    items = load_place_units(texts)
    parts = dict(zip(tables["paragraphs"]["paragraph"], tables["paragraphs"]["part"],
                     strict=True))
    counts = unit_counts(tables["places"], items, parts).set_index("name_zh")
    assert list(counts["adcode"]) == list(TAIYUAN_UNITS)
    # Checked by hand against the text: 阳曲 in ¶13, ¶59, ¶84; no paragraph names 小店区.
    assert counts.loc["阳曲县", "paragraph_list"] == "¶13, ¶59, ¶84"
    assert counts.loc["晋源区", "paragraph_list"] == "¶24, ¶58"
    assert counts.loc["小店区", "paragraphs"] == 0
    assert (counts["review"] + counts["plan"] + counts["other"] == counts["paragraphs"]).all()


def test_every_county_level_place_row_is_a_taiyuan_unit_or_a_neighbour():
    gazetteer = load_yaml_mapping("places.yml")
    codes = {e.get("adcode") for e in gazetteer.values()
             if e["kind"] in ("district", "county", "county_city")}
    assert codes <= set(TAIYUAN_UNITS)
