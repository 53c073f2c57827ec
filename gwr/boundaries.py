"""Read, simplify and project the county-level boundaries of Taiyuan kept in data/raw/geo."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import yaml

from gwr import paths

GEO = paths.RAW / "geo"
BOUNDARIES = GEO / "taiyuan-counties.geojson"
PROVENANCE = GEO / "taiyuan-counties.provenance.yml"

# Taiyuan's ten county-level units (GB/T 2260 codes), in code order.
TAIYUAN_UNITS = {
    "140105": ("小店区", "Xiaodian District"),
    "140106": ("迎泽区", "Yingze District"),
    "140107": ("杏花岭区", "Xinghualing District"),
    "140108": ("尖草坪区", "Jiancaoping District"),
    "140109": ("万柏林区", "Wanbailin District"),
    "140110": ("晋源区", "Jinyuan District"),
    "140121": ("清徐县", "Qingxu County"),
    "140122": ("阳曲县", "Yangqu County"),
    "140123": ("娄烦县", "Loufan County"),
    "140181": ("古交市", "Gujiao City"),
}
# The prefecture-level cities that border Taiyuan (checked with ``borders`` against every city
# of Shanxi in the package): ¶79 names three of them, not Yangquan.
NEIGHBOURS = {
    "140300": ("阳泉市", "Yangquan"),
    "140700": ("晋中市", "Jinzhong"),
    "140900": ("忻州市", "Xinzhou"),
    "141100": ("吕梁市", "Lüliang"),
}

Point = tuple[float, float]
Ring = list[Point]


@dataclass(frozen=True)
class Unit:
    """One administrative unit: its code, names, role and polygons (lists of rings, lon/lat)."""

    adcode: str
    name_zh: str
    name_en: str
    role: str
    polygons: list[list[Ring]]


def _perpendicular_distance(p: Point, a: Point, b: Point) -> float:
    """Distance from ``p`` to the line through ``a`` and ``b`` (to ``a`` if they coincide)."""
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Simplify a polyline: keep the ends and every point farther than ``tolerance`` from the line.

    Iterative (no recursion limit on long boundaries); the result is a subset of ``points`` in
    their order.

    Examples:
        >>> douglas_peucker([(0, 0), (1, 0.1), (2, -0.1), (3, 5), (4, 6), (5, 7)], 1.0)
        [(0, 0), (2, -0.1), (3, 5), (5, 7)]
        >>> douglas_peucker([(0, 0), (1, 0.01), (2, 0)], 0.1)
        [(0, 0), (2, 0)]
    """
    if tolerance < 0:
        raise ValueError(f"tolerance must be >= 0, not {tolerance}")
    pts = [tuple(p) for p in points]
    if len(pts) < 3:
        return list(pts)
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = -1.0, -1
        for i in range(first + 1, last):
            d = _perpendicular_distance(pts[i], pts[first], pts[last])
            if d > best:
                best, index = d, i
        if index != -1 and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(pts, keep, strict=True) if k]


def simplify_ring(ring: Sequence[Point], tolerance: float, digits: int) -> Ring:
    """Simplify a closed ring and round its coordinates; it stays closed with >= 4 points.

    The ring is split at the point farthest from its first point, so that Douglas-Peucker sees
    two open lines; tiny rings keep their original points.

    Examples:
        >>> square = [(0, 0), (1, 0), (1, 0.001), (1, 1), (0, 1), (0, 0)]
        >>> simplify_ring(square, 0.01, 3)
        [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]
    """
    pts = [tuple(p) for p in ring]
    if pts[0] != pts[-1]:
        raise ValueError("a ring must end where it starts")
    far = max(range(len(pts)), key=lambda i: math.dist(pts[0], pts[i]))
    half1 = douglas_peucker(pts[: far + 1], tolerance)
    half2 = douglas_peucker(pts[far:], tolerance)
    out = half1 + half2[1:]
    if len(out) < 4:
        out = pts
    rounded = [(round(x, digits), round(y, digits)) for x, y in out]
    # Rounding can make neighbours equal; drop repeats but keep the ring closed.
    deduped = [rounded[0]] + [p for q, p in pairwise(rounded) if p != q]
    return deduped if len(deduped) >= 4 else rounded


def simplify_multipolygon(coordinates: list, tolerance: float, digits: int) -> list:
    """Simplify every ring of GeoJSON MultiPolygon ``coordinates`` (lists, as GeoJSON wants)."""
    return [[[list(p) for p in simplify_ring(ring, tolerance, digits)] for ring in polygon]
            for polygon in coordinates]


def load_units(path: Path = BOUNDARIES) -> list[Unit]:
    """The units in the committed GeoJSON, Taiyuan's ten first, each in code order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    units = []
    for feature in data["features"]:
        props, geometry = feature["properties"], feature["geometry"]
        if geometry["type"] != "MultiPolygon":
            raise ValueError(f"{path.name}: {props['adcode']} is not a MultiPolygon")
        polygons = [[[(float(x), float(y)) for x, y in ring] for ring in polygon]
                    for polygon in geometry["coordinates"]]
        units.append(Unit(props["adcode"], props["name_zh"], props["name_en"], props["role"],
                          polygons))
    return sorted(units, key=lambda u: (u.role != "taiyuan", u.adcode))


def load_provenance(path: Path = PROVENANCE) -> dict:
    """The provenance record of the boundaries (package, version, licence, checksum)."""
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def project(point: Point, ref_lat: float) -> Point:
    """Equirectangular projection scaled by cos(reference latitude): near equal-area locally.

    Examples:
        >>> x, y = project((112.5, 38.0), 60.0)
        >>> round(x, 6), y
        (56.25, 38.0)
    """
    lon, lat = point
    return (lon * math.cos(math.radians(ref_lat)), lat)


def ring_area(ring: Sequence[Point]) -> float:
    """Unsigned shoelace area of a ring, in the units of its coordinates squared.

    Examples:
        >>> ring_area([(0, 0), (2, 0), (2, 1), (0, 1), (0, 0)])
        2.0
    """
    s = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring))
    return abs(s) / 2


def label_point(unit: Unit) -> Point:
    """A point to label the unit: the vertex-average of its largest outer ring (lon, lat)."""
    outer = max((poly[0] for poly in unit.polygons), key=ring_area)
    pts = outer[:-1]
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


def segment_distance(p: Point, a: Point, b: Point) -> float:
    """Distance from point ``p`` to the segment from ``a`` to ``b``.

    Examples:
        >>> segment_distance((1, 1), (0, 0), (2, 0)), segment_distance((3, 0), (0, 0), (2, 0))
        (1.0, 1.0)
    """
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length2))
    return math.hypot(x - x1 - t * dx, y - y1 - t * dy)


def borders(a: Unit, b: Unit, *, eps: float = 0.005, min_points: int = 5) -> bool:
    """Whether ``a`` shares a border with ``b``: ``min_points`` of a's outer-ring vertices lie
    within ``eps`` degrees of b's boundary. A test at the simplified file's resolution: a corner
    touch or a stretch shorter than a few vertices does not count.

    Examples:
        >>> sq = lambda x0: Unit("1", "", "", "t", [[[(x0 + x / 10, y / 10)
        ...     for x, y in [(0, 0), (10, 0), (10, 1), (10, 2), (10, 3), (10, 4), (10, 10),
        ...                  (0, 10), (0, 0)]]]])
        >>> borders(sq(0), sq(1)), borders(sq(0), sq(5))
        (True, False)
    """
    segments = [(ring[i], ring[i + 1]) for polygon in b.polygons for ring in polygon
                for i in range(len(ring) - 1)]
    near = sum(1 for polygon in a.polygons for p in polygon[0][:-1]
               if min(segment_distance(p, s, e) for s, e in segments) < eps)
    return near >= min_points
