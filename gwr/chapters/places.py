"""Count the paragraphs naming each of Taiyuan's ten county-level units, tell the sites the
text places in a unit from those it does not, and set out the borders with the neighbouring
cities, for the chapter "Where the report acts".

Two definitions, used everywhere in the chapter:

- A paragraph *names a unit* when it holds the unit's name, full (晋源区) or short (晋源),
  standing alone or inside a longer name (阳曲小米, 晋源花卉小镇, 小店桥).
- A *site* is a gazetteer name of a site kind (places.csv, is_site), counted once per distinct
  name. The text *places a site in a unit* when the site's name holds the unit's name; it has
  no other way of doing so (place_units.csv gives the reasons).

The chapter reads processed tables only, passed in as DataFrames: units (the ten units and the
four neighbouring cities, with their names), unit_outlines (the map's outlines), places,
place_units, borders and paragraphs.
"""

from __future__ import annotations

import math
import re
import unicodedata

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path

from gwr.charts import PART_COLOURS, source_note, tag_marks
from gwr.display import paragraph_ranges
from gwr.style import INK, MUTED, PALETTE

Point = tuple[float, float]


def taiyuan_units(units: pd.DataFrame) -> pd.DataFrame:
    """The rows of units.csv that are Taiyuan's county-level units, in code order."""
    return units[units["role"] == "taiyuan_unit"].sort_values("adcode")


def _occurrences(place_units: pd.DataFrame) -> list[tuple[str, int, int, list[str], str]]:
    """(item, paragraph, start, unit codes, basis) of every occurrence in place_units.csv, in
    text order: the rows of one occurrence (one per unit) gathered."""
    return [(str(group["quote"].iloc[0]), int(group["paragraph"].iloc[0]), int(start),
             sorted(str(c) for c in group["adcode"]), str(group["basis"].iloc[0]))
            for start, group in place_units.groupby("start", sort=True)]


def _adcodes(place_units: pd.DataFrame, basis: str) -> list[tuple[str, int, list[str]]]:
    """(item, paragraph, unit codes) of each occurrence in place_units.csv with ``basis``."""
    return [(item, paragraph, codes) for item, paragraph, _, codes, of in
            _occurrences(place_units) if of == basis]


def unit_paragraphs(units: pd.DataFrame, places: pd.DataFrame,
                    place_units: pd.DataFrame) -> dict[str, set[int]]:
    """For each of Taiyuan's units, the paragraphs that name it (places.csv) or an item placed
    in it by the text (place_units.csv).

    Items whose basis is ``gazetteer`` are not counted: the text does not place them.

    Examples:
        >>> units = pd.DataFrame({"adcode": ["140105", "140110", "140121", "140700"],
        ...                       "role": ["taiyuan_unit"] * 3 + ["neighbour"]})
        >>> places = pd.DataFrame({"adcode": ["140110", "140100"], "paragraph": [24, 1]})
        >>> items = pd.DataFrame({"quote": ["清徐葡萄", "徐沟"], "paragraph": [59, 74],
        ...                       "start": [3410, 4447], "adcode": ["140121", "140121"],
        ...                       "basis": ["text", "gazetteer"]})
        >>> found = unit_paragraphs(units, places, items)
        >>> found["140110"], found["140121"], found["140105"], "140700" in found
        ({24}, {59}, set(), False)
    """
    found: dict[str, set[int]] = {code: set() for code in taiyuan_units(units)["adcode"]}
    for code, paragraph in zip(places["adcode"], places["paragraph"], strict=True):
        if code in found:
            found[code].add(int(paragraph))
    for _, paragraph, codes in _adcodes(place_units, "text"):
        for code in codes:
            found[code].add(paragraph)
    return found


def _joined(numbers) -> str:
    """Numbers as the processed tables list them: ';'-separated, e.g. ``13;59;84``."""
    return ";".join(str(n) for n in numbers)


def _split(numbers: str) -> list[int]:
    """The numbers of a ';'-separated list (:func:`_joined`); none for an empty string."""
    return [int(n) for n in str(numbers).split(";") if n]


def _cited(numbers: str) -> str:
    """A ';'-separated list of paragraphs as the book cites them: ``¶13, ¶59``."""
    return ", ".join(f"¶{n}" for n in _split(numbers))


def cited_paragraphs(lists) -> str:
    """Every paragraph of some ';'-separated lists (a column of the chapter's data), once
    each, in order, as the book cites them: runs of paragraphs joined by a dash.

    Examples:
        >>> cited_paragraphs(["13;59;84", "", "21", "59"])
        '¶13, ¶21, ¶59, ¶84'
        >>> cited_paragraphs(["13;58", "59;84"])
        '¶13, ¶58–¶59, ¶84'
    """
    return paragraph_ranges(n for numbers in lists for n in _split(numbers))


def unit_counts(units: pd.DataFrame, places: pd.DataFrame, place_units: pd.DataFrame,
                part_of_paragraph: dict[int, str]) -> pd.DataFrame:
    """One row per unit, in code order: adcode, names, paragraphs (their count), counts by
    article part (review, plan, other) and paragraph_list (``13;59;84``)."""
    found = unit_paragraphs(units, places, place_units)
    rows = []
    for unit in taiyuan_units(units).itertuples():
        numbers = sorted(found[unit.adcode])
        parts = [part_of_paragraph[n] for n in numbers]
        rows.append({"adcode": unit.adcode, "name_zh": unit.name_zh, "name_en": unit.name_en,
                     "paragraphs": len(numbers),
                     "review": parts.count("review-2019"), "plan": parts.count("plan-2020"),
                     "other": len(parts) - parts.count("review-2019") - parts.count("plan-2020"),
                     "paragraph_list": _joined(numbers)})
    return pd.DataFrame(rows)


def item_data(units: pd.DataFrame, place_units: pd.DataFrame) -> pd.DataFrame:
    """The rows of tbl-places-items: one per item of place_units.csv and unit it is placed in
    (an item placed in two units has a row under each), by unit code and first paragraph.

    Columns: adcode, name_zh, name_en (the unit, as units.csv names it), item_zh, item_en,
    what, paragraph_list (``13;59``), basis (``text`` or ``gazetteer``) and counted (whether the
    chapter counts it: only items the text places).

    Examples:
        >>> units = pd.DataFrame({"adcode": ["140107", "140110"], "name_zh": ["杏花岭区", "晋源区"],
        ...     "name_en": ["Xinghualing District", "Jinyuan District"]})
        >>> items = pd.DataFrame({"quote": ["晋源花卉小镇", "两区改革", "两区改革"],
        ...     "paragraph": [58, 24, 24], "adcode": ["140110", "140107", "140110"],
        ...     "name_en": ["Flower Town", "reform", "reform"], "what": ["project", "reform",
        ...     "reform"], "basis": ["text"] * 3})
        >>> for row in item_data(units, items)[["adcode", "item_zh", "paragraph_list"]].values:
        ...     print(*row)
        140107 两区改革 24
        140110 两区改革 24
        140110 晋源花卉小镇 58
    """
    names = units.set_index("adcode")
    rows = []
    for (item, code), group in place_units.groupby(["quote", "adcode"], sort=False):
        first = group.iloc[0]
        numbers = sorted({int(n) for n in group["paragraph"]})
        rows.append({"adcode": code, "name_zh": names.loc[code, "name_zh"],
                     "name_en": names.loc[code, "name_en"], "item_zh": item,
                     "item_en": first["name_en"], "what": first["what"],
                     "paragraph_list": _joined(numbers), "basis": first["basis"],
                     "counted": first["basis"] == "text", "_first": numbers[0]})
    return (pd.DataFrame(rows).sort_values(["adcode", "_first"], kind="stable")
            .drop(columns="_first").reset_index(drop=True))


def item_table(data: pd.DataFrame) -> pd.DataFrame:
    """tbl-places-items as readers see it, from :func:`item_data`.

    Columns: ``County-level unit``, ``Item in the text``, ``Kind``, ``Paragraphs``, ``Placed by``.
    """
    return pd.DataFrame({
        "County-level unit": [f"{zh} ({en})" for zh, en in zip(data["name_zh"], data["name_en"],
                                                  strict=True)],
        "Item in the text": [f"{zh} ({en})" for zh, en in zip(data["item_zh"], data["item_en"],
                                                              strict=True)],
        "Kind": data["what"],
        "Paragraphs": data["paragraph_list"].map(_cited),
        "Placed by": ["the text" if counted else "gazetteer only; not counted"
                      for counted in data["counted"]],
    })


def unit_names(units: pd.DataFrame) -> dict[str, str]:
    """Every name of Taiyuan's units, full and short (without 区, 县 or 市), to its adcode.

    Examples:
        >>> units = pd.DataFrame({"adcode": ["140110", "140181"], "name_zh": ["晋源区", "古交市"],
        ...                       "short_zh": ["晋源", "古交"], "role": ["taiyuan_unit"] * 2})
        >>> names = unit_names(units)
        >>> names["晋源区"], names["晋源"], names["古交"], len(names)
        ('140110', '140110', '140181', 4)
    """
    names = {}
    for unit in taiyuan_units(units).itertuples():
        names[unit.name_zh] = names[unit.short_zh] = unit.adcode
    return names


def units_in(units: pd.DataFrame, name: str) -> list[str]:
    """The adcodes of the units whose name, full or short, stands in ``name``, in code order.

    Examples:
        >>> units = pd.DataFrame({"adcode": ["140105", "140107", "140110", "140122"],
        ...     "name_zh": ["小店区", "杏花岭区", "晋源区", "阳曲县"],
        ...     "short_zh": ["小店", "杏花岭", "晋源", "阳曲"], "role": ["taiyuan_unit"] * 4})
        >>> units_in(units, "阳曲大型热源厂"), units_in(units, "小店桥")
        (['140122'], ['140105'])
        >>> units_in(units, "东峰燃气调峰热源厂")
        []
        >>> units_in(units, "杏花岭区、晋源区农村集体产权制度改革经验")
        ['140107', '140110']
    """
    return sorted({code for unit, code in unit_names(units).items() if unit in name})


def paragraphs_naming_units(units: pd.DataFrame,
                            paragraph_texts: dict[int, str]) -> dict[str, set[int]]:
    """For each unit, the paragraphs whose text holds its name, full or short: the definition
    of "names a unit", read straight from the text.

    Examples:
        >>> units = pd.DataFrame({"adcode": ["140105", "140106", "140110"],
        ...     "name_zh": ["小店区", "迎泽区", "晋源区"], "short_zh": ["小店", "迎泽", "晋源"],
        ...     "role": ["taiyuan_unit"] * 3})
        >>> found = paragraphs_naming_units(units, {21: "小店桥断面水质", 58: "推进晋源花卉小镇"})
        >>> found["140105"], found["140110"], found["140106"]
        ({21}, {58}, set())
    """
    found: dict[str, set[int]] = {code: set() for code in taiyuan_units(units)["adcode"]}
    for number, text in paragraph_texts.items():
        for code in units_in(units, text):
            found[code].add(number)
    return found


def site_table(units: pd.DataFrame, places: pd.DataFrame,
               place_units: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct site name in places.csv (rows with is_site), with the units its own
    name holds.

    Columns: ``name_zh``, ``name_en``, ``kind``, ``occurrences``, ``paragraphs`` (sorted list),
    ``section_ids`` (list), ``units`` (adcodes the name holds: the text places the site there),
    ``gazetteer_units`` (adcodes that only the gazetteer gives: rows of place_units.csv whose
    basis is gazetteer).

    Examples:
        >>> units = pd.DataFrame({"adcode": ["140105"], "name_zh": ["小店区"],
        ...                       "short_zh": ["小店"], "role": ["taiyuan_unit"]})
        >>> places = pd.DataFrame({"quote": ["小店桥", "柳巷", "柳巷", "太原"],
        ...     "name_en": ["Xiaodian Bridge", "Liuxiang", "Liuxiang", "Taiyuan"],
        ...     "kind": ["landmark", "street", "street", "prefecture_city"],
        ...     "is_site": [True, True, True, False],
        ...     "paragraph": [21, 53, 60, 1], "section_id": ["a", "b", "b", "c"]})
        >>> none = pd.DataFrame({"quote": [], "paragraph": [], "start": [], "adcode": [],
        ...                      "basis": []})
        >>> table = site_table(units, places, none)
        >>> list(table["name_zh"]), list(table["occurrences"]), list(table["units"])
        (['小店桥', '柳巷'], [1, 2], [['140105'], []])
    """
    by_gazetteer = {name: codes for name, _, codes in _adcodes(place_units, "gazetteer")}
    sites = places[places["is_site"].astype(bool)]
    rows = []
    for name, group in sites.groupby("quote", sort=False):
        rows.append({"name_zh": name, "name_en": group["name_en"].iloc[0],
                     "kind": group["kind"].iloc[0], "occurrences": len(group),
                     "paragraphs": sorted(int(n) for n in group["paragraph"]),
                     "section_ids": list(group["section_id"]),
                     "units": units_in(units, name), "gazetteer_units": by_gazetteer.get(name, [])})
    return pd.DataFrame(rows)


def site_kind_data(sites: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """The rows of tbl-places-sites: one per kind of site of :func:`site_table`, most names
    first (then most occurrences).

    Columns: kind, distinct_names, occurrences, name_zh and name_en (the kind's sites,
    ';'-separated in text order, named as places.csv names them, so that the source edition
    links each site to this table), and the sites whose own name holds a unit's name:
    holding_zh (';'-separated) with holding_units_zh (the units each holds, '、' between two).
    """
    unit_zh = dict(zip(units["adcode"], units["name_zh"], strict=True))
    rows = []
    for kind, group in sites.groupby("kind"):
        holding = group[group["units"].map(bool)]
        rows.append({
            "kind": kind, "distinct_names": len(group),
            "occurrences": int(group["occurrences"].sum()),
            "name_zh": ";".join(group["name_zh"]), "name_en": ";".join(group["name_en"]),
            "holding_zh": ";".join(holding["name_zh"]),
            "holding_units_zh": ";".join("、".join(unit_zh[c] for c in codes)
                                         for codes in holding["units"]),
        })
    return (pd.DataFrame(rows).sort_values(["distinct_names", "occurrences"], ascending=False)
            .reset_index(drop=True))


def site_kind_table(data: pd.DataFrame) -> pd.DataFrame:
    """tbl-places-sites as readers see it, from :func:`site_kind_data`."""
    def holding(names: str, units: str) -> str:
        pairs = [f"{n} ({u})" for n, u in zip(names.split(";"), units.split(";"), strict=True)
                 if n]
        return "、".join(pairs) or "none"

    return pd.DataFrame({
        "Kind of site": data["kind"],
        "Distinct names": data["distinct_names"],
        "Occurrences": data["occurrences"],
        "Names in the text": data["name_zh"].str.replace(";", "、"),
        "Holding a unit's name": [holding(n, u) for n, u in
                                  zip(data["holding_zh"], data["holding_units_zh"], strict=True)],
    })


# Borders with the neighbouring cities (borders.csv).

def neighbour_data(borders: pd.DataFrame, places: pd.DataFrame,
                   named: dict[str, set[int]]) -> pd.DataFrame:
    """The rows of tbl-places-neighbours: one per neighbouring city, in the order of
    borders.csv.

    Columns: adcode, name_zh, name_en (the city), paragraph_list (where the article names it,
    ``79``; empty if nowhere), named_in_article, and the Taiyuan units along its border
    (';'-separated, in code order): border_adcodes, border_units_zh, border_km (km of shared
    border), named_border_adcodes (those the article names: ``named`` is
    :func:`unit_paragraphs`, and a unit counts as named when it has any paragraph).
    """
    rows = []
    for code, group in borders.groupby("neighbour_adcode", sort=False):
        along = group[group["borders"]]
        paragraphs = sorted(int(n) for n in places.loc[places["adcode"] == code, "paragraph"])
        rows.append({
            "adcode": code, "name_zh": group["neighbour_zh"].iloc[0],
            "name_en": group["neighbour_en"].iloc[0], "paragraph_list": _joined(paragraphs),
            "named_in_article": bool(paragraphs),
            "border_adcodes": ";".join(along["unit_adcode"]),
            "border_units_zh": ";".join(along["unit_zh"]),
            "border_km": ";".join(str(float(km)) for km in along["shared_km"]),
            "named_border_adcodes": ";".join(u for u in along["unit_adcode"] if named[u]),
        })
    return pd.DataFrame(rows)


def neighbour_table(data: pd.DataFrame) -> pd.DataFrame:
    """tbl-places-neighbours as readers see it, from :func:`neighbour_data` (the codes are
    left to the data)."""
    def along(units: str, kms: str) -> str:
        return "、".join(f"{zh} ({float(km):.1f})" for zh, km in
                        zip(units.split(";"), kms.split(";"), strict=True))

    def of_these(codes: str, units: str, named: str) -> str:
        zh = dict(zip(codes.split(";"), units.split(";"), strict=True))
        return "、".join(zh[c] for c in named.split(";") if c) or "none"

    return pd.DataFrame({
        "Neighbour": [f"{zh} ({en})" for zh, en in zip(data["name_zh"], data["name_en"],
                                                       strict=True)],
        "Named in": [_cited(p) or "not named" for p in data["paragraph_list"]],
        "Taiyuan units along its border (km of shared border)": [
            along(u, k) for u, k in zip(data["border_units_zh"], data["border_km"],
                                        strict=True)],
        "Of these, named in the article": [
            of_these(c, u, n) for c, u, n in zip(data["border_adcodes"], data["border_units_zh"],
                                                 data["named_border_adcodes"], strict=True)],
    })


def slug(name: str) -> str:
    """A place's English name as part of a column name: ASCII, lower case, underscores.

    Examples:
        >>> slug("Lüliang"), slug("Jinzhong")
        ('luliang', 'jinzhong')
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def border_length_data(borders: pd.DataFrame) -> pd.DataFrame:
    """The rows of tbl-places-border-lengths: one per Taiyuan unit, in the order of
    borders.csv, with adcode, name_zh, name_en and, for each neighbouring city (by its English
    name, e.g. ``jinzhong``): shared_km_<city> (km of boundary facing it), borders_<city>
    (whether that is a shared border by the rule) and nearest_km_<city> (how close the
    outlines come)."""
    rows: dict[str, dict] = {}
    for row in borders.itertuples():
        city = slug(row.neighbour_en)
        unit = rows.setdefault(row.unit_adcode, {"adcode": row.unit_adcode,
                                                 "name_zh": row.unit_zh,
                                                 "name_en": row.unit_en})
        unit[f"shared_km_{city}"] = float(row.shared_km)
        unit[f"borders_{city}"] = bool(row.borders)
        unit[f"nearest_km_{city}"] = float(row.nearest_km)
    return pd.DataFrame(list(rows.values()))


def border_length_table(data: pd.DataFrame, borders: pd.DataFrame) -> pd.DataFrame:
    """tbl-places-border-lengths as readers see it, from :func:`border_length_data`: km of
    shared border, or, where the unit does not border the city, that length and in brackets
    how close the outlines come. ``borders`` gives the cities' names for the headings."""
    cities = borders.drop_duplicates("neighbour_adcode")
    shown = pd.DataFrame({"Taiyuan unit": [f"{zh} ({en})" for zh, en in
                                           zip(data["name_zh"], data["name_en"], strict=True)]})
    for zh, en in zip(cities["neighbour_zh"], cities["neighbour_en"], strict=True):
        city = slug(en)
        shown[f"{zh} ({en})"] = [
            f"{km:.1f}" if along else f"{km:.2g} ({near:.1f} km away)"
            for km, along, near in zip(data[f"shared_km_{city}"], data[f"borders_{city}"],
                                       data[f"nearest_km_{city}"], strict=True)]
    return shown


def boundary_source(units: pd.DataFrame) -> dict:
    """What the chapter says of the boundary file, from units.csv: package, version, licence,
    simplification tolerances (degrees) of Taiyuan's units and of the neighbours, and size (kB).

    Examples:
        >>> units = pd.DataFrame({"role": ["taiyuan_unit", "neighbour"],
        ...     "outline_package": ["p"] * 2, "outline_version": ["1"] * 2,
        ...     "outline_licence": ["MIT"] * 2, "outline_bytes": [43939] * 2,
        ...     "tolerance_deg": [0.001, 0.01]})
        >>> source = boundary_source(units)
        >>> source["tolerance"], source["tolerance_neighbour"], source["kb"]
        (0.001, 0.01, 43.939)
    """
    facts = {}
    for field, column in (("package", "outline_package"), ("version", "outline_version"),
                          ("licence", "outline_licence"), ("bytes", "outline_bytes")):
        values = set(units[column])
        if len(values) != 1:
            raise ValueError(f"units.csv: the outlines come from more than one {field}: {values}")
        facts[field] = values.pop()
    tolerance = {}
    for role, group in units.groupby("role"):
        values = set(group["tolerance_deg"])
        if len(values) != 1:
            raise ValueError(f"units.csv: {role} outlines simplified at tolerances {values}")
        tolerance[role] = float(values.pop())
    return {"package": str(facts["package"]), "version": str(facts["version"]),
            "licence": str(facts["licence"]), "tolerance": tolerance["taiyuan_unit"],
            "tolerance_neighbour": tolerance["neighbour"], "kb": int(facts["bytes"]) / 1000}


def outline_polygons(outlines: pd.DataFrame) -> dict[str, list[list[list[Point]]]]:
    """The polygons of each unit, rebuilt from unit_outlines.csv: ``{adcode: [polygon, ...]}``,
    a polygon a list of rings (the outer one first), a ring a list of (lon, lat).

    Examples:
        >>> rows = pd.DataFrame({"adcode": ["1"] * 4, "polygon": [0] * 4, "ring": [0] * 4,
        ...     "point": [0, 1, 2, 3], "lon": [0.0, 1.0, 1.0, 0.0],
        ...     "lat": [0.0, 0.0, 1.0, 0.0]})
        >>> outline_polygons(rows)
        {'1': [[[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]]]}
    """
    polygons: dict[str, list[list[list[Point]]]] = {}
    ordered = outlines.sort_values(["adcode", "polygon", "ring", "point"])
    for (code, _), polygon in ordered.groupby(["adcode", "polygon"], sort=False):
        polygons.setdefault(str(code), []).append([
            [(float(x), float(y)) for x, y in zip(ring["lon"], ring["lat"], strict=True)]
            for _, ring in polygon.groupby("ring", sort=False)])
    return polygons


def project(point: Point, ref_lat: float) -> Point:
    """Equirectangular projection scaled by cos(reference latitude): near equal-area locally.

    Examples:
        >>> x, y = project((112.5, 38.0), 60.0)
        >>> round(x, 6), y
        (56.25, 38.0)
    """
    lon, lat = point
    return (lon * math.cos(math.radians(ref_lat)), lat)


# Charts.

REF_LAT = 37.9  # Taiyuan's mid-latitude: the x scale is cos(37.9°) of the y scale
# Sequential shades of the palette's blue, white for units no paragraph names.
SHADES = ["#ffffff", "#cfe3f2", "#8cbfe0", "#3f8fc4", PALETTE["blue"]]
# Label positions (lon, lat), placed by eye inside each unit; the two smallest districts are
# labelled outside, east of the city, with a leader line to the point given second.
LABELS = {
    "140105": ((113.12, 37.64), (112.64, 37.74)), "140106": ((113.12, 37.80), (112.69, 37.86)),
    "140107": ((113.12, 37.96), (112.66, 37.93)), "140108": ((112.535, 37.955), None),
    "140109": ((112.435, 37.87), None), "140110": ((112.455, 37.745), None),
    "140121": ((112.38, 37.56), None), "140122": ((112.86, 38.12), None),
    "140123": ((111.82, 38.05), None), "140181": ((112.05, 37.90), None),
}
NEIGHBOUR_LABEL = {"140300": (113.42, 38.22), "140700": (112.95, 37.33),
                   "140900": (112.45, 38.58), "141100": (111.45, 37.35)}
EXTENT = (111.2, 113.6, 37.2, 38.68)  # lon min, lon max, lat min, lat max


def _xy(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [project(p, REF_LAT) for p in ring]


def map_data(counts: pd.DataFrame) -> pd.DataFrame:
    """The marks of fig-places-map: one row per Taiyuan unit, each drawn as one shaded outline,
    with adcode, name_zh, name_en, paragraphs (how many name it: the shade) and paragraph_list
    (which, ``13;59;84``), from :func:`unit_counts`."""
    return counts[["adcode", "name_zh", "name_en", "paragraphs", "paragraph_list"]].reset_index(
        drop=True)


def _outline(polygons: list[list[list[Point]]], **style) -> PathPatch:
    """One patch for the outer rings of all of a unit's polygons: a unit is one mark."""
    path = Path.make_compound_path(*[Path(_xy(polygon[0]), closed=True)
                                     for polygon in polygons])
    return PathPatch(path, **style)


def unit_map(data: pd.DataFrame, units: pd.DataFrame, outlines: pd.DataFrame, *,
             title: str, note: str) -> Figure:
    """Taiyuan's units shaded by the number of paragraphs holding their names (alone or inside
    a longer name); neighbours in grey.

    ``data`` is :func:`map_data`, one row per unit drawn, and each unit's outline is the tagged
    mark of its row; ``units`` is units.csv (the neighbours, drawn as an untagged background)
    and ``outlines`` unit_outlines.csv.
    """
    polygons = outline_polygons(outlines)
    by_code = data.set_index("adcode")["paragraphs"].to_dict()
    top = int(max(by_code.values()))
    if top >= len(SHADES):
        raise ValueError(f"{top} paragraphs: add shades to SHADES")
    cmap = ListedColormap(SHADES[: top + 1])
    norm = BoundaryNorm([v - 0.5 for v in range(top + 2)], cmap.N)
    fig, ax = plt.subplots(figsize=(7.5, 6.4))
    marks = []
    for unit in data.itertuples():
        n = int(unit.paragraphs)
        marks.append(ax.add_patch(_outline(polygons[unit.adcode], facecolor=cmap(norm(n)),
                                           edgecolor=INK, linewidth=0.7, zorder=2)))
        (lon, lat), anchor = LABELS[unit.adcode]
        x, y = project((lon, lat), REF_LAT)
        text = f"{unit.name_zh}\n{unit.name_en.split()[0]}\n{n}"
        if anchor is None:
            ax.text(x, y, text, ha="center", va="center", fontsize=7.5,
                    color="white" if n >= 3 else INK, zorder=4, linespacing=1.1)
        else:
            ax.annotate(text, xy=project(anchor, REF_LAT), xytext=(x, y), ha="center",
                        va="center", fontsize=7.5, color=INK, zorder=4, linespacing=1.1,
                        arrowprops={"arrowstyle": "-", "color": INK, "linewidth": 0.6})
    tag_marks(marks)
    for unit in units[units["role"] == "neighbour"].sort_values("adcode").itertuples():
        ax.add_patch(_outline(polygons[unit.adcode], facecolor="#f3f3f3", edgecolor="#bbbbbb",
                              linewidth=0.5, zorder=1))
        x, y = project(NEIGHBOUR_LABEL[unit.adcode], REF_LAT)
        ax.text(x, y, f"{unit.name_zh}\n{unit.name_en}", ha="center", va="center",
                fontsize=8.5, color=MUTED, zorder=3)
    x0, _ = project((EXTENT[0], 0), REF_LAT)
    x1, _ = project((EXTENT[1], 0), REF_LAT)
    ax.set_xlim(x0, x1)
    ax.set_ylim(EXTENT[2], EXTENT[3])
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    handles = [Patch(facecolor=cmap(norm(v)), edgecolor=INK, linewidth=0.5, label=str(v))
               for v in range(top + 1)]
    ax.legend(handles=handles, title="Paragraphs holding\nthe unit's name",
              loc="upper left", frameon=False, fontsize=8, title_fontsize=8, ncols=1)
    ax.set_title(title)
    ax.text(0.99, 0.01, "Schematic: longitude scaled by cos 37.9°", transform=ax.transAxes,
            ha="right", va="bottom", fontsize=7.5, color=MUTED)
    source_note(ax, note)
    return fig


# The two parts fig-places-parts splits the paragraphs by, with their legend labels.
BAR_PARTS = {"review-2019": "2019 review", "plan-2020": "2020 plan"}


def parts_data(counts: pd.DataFrame, part_of_paragraph: dict[int, str]) -> pd.DataFrame:
    """The marks of fig-places-parts: one row per bar segment, that is per part of
    :data:`BAR_PARTS` and unit (part by part; the units from the fewest paragraphs to the
    most, as drawn from the bottom up), with part, adcode, name_zh, name_en, paragraphs (how
    many of the part's paragraphs name the unit) and paragraph_list (``13;59``).

    Raises ValueError if a unit is named outside the two parts, which the chart cannot show.
    """
    if (counts["other"] > 0).any():
        raise ValueError("a unit is named outside the 2019 review and the 2020 plan: "
                         f"{list(counts.loc[counts['other'] > 0, 'name_zh'])}")
    order = counts.sort_values(["paragraphs", "adcode"], ascending=[True, False])
    rows = []
    for part in BAR_PARTS:
        for unit in order.itertuples():
            numbers = [n for n in _split(unit.paragraph_list) if part_of_paragraph[n] == part]
            rows.append({"part": part, "adcode": unit.adcode, "name_zh": unit.name_zh,
                         "name_en": unit.name_en, "paragraphs": len(numbers),
                         "paragraph_list": _joined(numbers)})
    return pd.DataFrame(rows)


def unit_bars(data: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Horizontal bars of paragraphs per unit, stacked by part: one tagged segment per row of
    :func:`parts_data`, in its order (part by part, each over the same units)."""
    parts = list(dict.fromkeys(data["part"]))
    units = data.drop_duplicates("adcode")
    for part in parts:
        if list(data.loc[data["part"] == part, "adcode"]) != list(units["adcode"]):
            raise ValueError(f"unit_bars: the rows of {part} are not over the same units")
    if list(data["part"]) != [p for p in parts for _ in range(len(units))]:
        raise ValueError("unit_bars: give each part's rows together")
    labels = [f"{zh} ({en})" for zh, en in zip(units["name_zh"], units["name_en"], strict=True)]
    fig, ax = plt.subplots(figsize=(7.5, 3.9))
    left = [0] * len(units)
    marks = []
    for part in parts:
        values = data.loc[data["part"] == part, "paragraphs"].tolist()
        marks.extend(ax.barh(labels, values, left=left, color=PART_COLOURS[part],
                             label=BAR_PARTS.get(part, part)))
        left = [a + b for a, b in zip(left, values, strict=True)]
    tag_marks(marks)
    for i, total in enumerate(left):
        ax.text(total + 0.05, i, str(total), va="center", fontsize=8, color=INK)
    ax.set_xlabel("Paragraphs holding the unit's name, alone or inside a longer name (count)")
    ax.set_xlim(0, max(left) + 0.8)
    ax.set_xticks(range(0, max(left) + 1))
    ax.tick_params(axis="y", labelsize=8.5)
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    ax.set_title(title)
    source_note(ax, note)
    return fig
