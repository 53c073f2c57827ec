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

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Polygon

from gwr.charts import PART_COLOURS, source_note
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


def unit_counts(units: pd.DataFrame, places: pd.DataFrame, place_units: pd.DataFrame,
                part_of_paragraph: dict[int, str]) -> pd.DataFrame:
    """One row per unit: names, paragraphs (as ¶ list), their count, and counts by article part."""
    found = unit_paragraphs(units, places, place_units)
    rows = []
    for unit in taiyuan_units(units).itertuples():
        numbers = sorted(found[unit.adcode])
        parts = [part_of_paragraph[n] for n in numbers]
        rows.append({"adcode": unit.adcode, "name_zh": unit.name_zh, "name_en": unit.name_en,
                     "paragraphs": len(numbers),
                     "review": parts.count("review-2019"), "plan": parts.count("plan-2020"),
                     "other": len(parts) - parts.count("review-2019") - parts.count("plan-2020"),
                     "paragraph_list": ", ".join(f"¶{n}" for n in numbers)})
    return pd.DataFrame(rows)


def item_table(units: pd.DataFrame, place_units: pd.DataFrame) -> pd.DataFrame:
    """One row per item of place_units.csv (its occurrences gathered), by unit and paragraph.

    Columns: ``Unit``, ``Item in the text``, ``Kind``, ``Paragraphs``, ``Placed by``.
    """
    names = {u.adcode: f"{u.name_zh} ({u.name_en})" for u in units.itertuples()}
    codes_at = {start: codes for _, _, start, codes, _ in _occurrences(place_units)}
    items = []
    for name, group in place_units.groupby("quote", sort=False):
        first = group.iloc[0]
        items.append((codes_at[int(first["start"])],
                      sorted({int(n) for n in group["paragraph"]}), name, first))
    return pd.DataFrame([{
        "Unit": " / ".join(names[c] for c in codes),
        "Item in the text": f"{name} ({first['name_en']})",
        "Kind": first["what"],
        "Paragraphs": ", ".join(f"¶{n}" for n in numbers),
        "Placed by": "the text" if first["basis"] == "text" else "gazetteer only; not counted",
    } for codes, numbers, name, first in sorted(items, key=lambda i: (i[0], i[1]))])


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


# Borders with the neighbouring cities (borders.csv).

def neighbour_table(borders: pd.DataFrame, places: pd.DataFrame,
                    named: dict[str, set[int]]) -> pd.DataFrame:
    """One row per neighbouring city: where the article names it, the Taiyuan units along its
    border with their km of shared border, and which of them the article names.

    ``named`` is :func:`unit_paragraphs`; a unit counts as named when it has any paragraph.
    """
    rows = []
    for code, group in borders.groupby("neighbour_adcode", sort=False):
        along = group[group["borders"]]
        paragraphs = sorted(int(n) for n in places.loc[places["adcode"] == code, "paragraph"])
        rows.append({
            "Neighbour": f"{group['neighbour_zh'].iloc[0]} ({group['neighbour_en'].iloc[0]})",
            "Code": code,
            "Named in": ", ".join(f"¶{n}" for n in paragraphs) or "not named",
            "Taiyuan units along its border (km of shared border)": "、".join(
                f"{zh} ({km:.1f})" for zh, km in zip(along["unit_zh"], along["shared_km"],
                                                     strict=True)),
            "Of these, named in the article": "、".join(
                zh for zh, unit in zip(along["unit_zh"], along["unit_adcode"], strict=True)
                if named[unit]) or "none",
        })
    return pd.DataFrame(rows)


def border_length_table(borders: pd.DataFrame) -> pd.DataFrame:
    """Taiyuan units by neighbouring city: km of shared border, or, where the unit does not
    border the city, that length and in brackets how close the outlines come."""
    cells = {}
    for row in borders.itertuples():
        city = f"{row.neighbour_zh} ({row.neighbour_en})"
        unit = f"{row.unit_zh} ({row.unit_en})"
        cells.setdefault(unit, {"Taiyuan unit": unit})[city] = (
            f"{row.shared_km:.1f}" if row.borders
            else f"{row.shared_km:.2g} ({row.nearest_km:.1f} km away)")
    return pd.DataFrame(list(cells.values()))


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


def unit_map(counts: pd.DataFrame, units: pd.DataFrame, outlines: pd.DataFrame, *,
             title: str, note: str) -> Figure:
    """Taiyuan's ten units shaded by the number of paragraphs holding their names (alone or
    inside a longer name); neighbours in grey.

    ``counts`` has one row per unit with ``adcode`` and ``paragraphs``; ``units`` is units.csv
    (names and roles) and ``outlines`` unit_outlines.csv. Taiyuan's units are drawn first, then
    the neighbours, each in code order.
    """
    polygons = outline_polygons(outlines)
    order = units.assign(neighbour=units["role"] == "neighbour").sort_values(
        ["neighbour", "adcode"])
    by_code = counts.set_index("adcode")["paragraphs"].to_dict()
    top = int(max(by_code.values()))
    if top >= len(SHADES):
        raise ValueError(f"{top} paragraphs: add shades to SHADES")
    cmap = ListedColormap(SHADES[: top + 1])
    norm = BoundaryNorm([v - 0.5 for v in range(top + 2)], cmap.N)
    fig, ax = plt.subplots(figsize=(7.5, 6.4))
    for unit in order.itertuples():
        neighbour = unit.neighbour
        for polygon in polygons[unit.adcode]:
            face = "#f3f3f3" if neighbour else cmap(norm(by_code[unit.adcode]))
            ax.add_patch(Polygon(_xy(polygon[0]), closed=True, facecolor=face,
                                 edgecolor="#bbbbbb" if neighbour else INK,
                                 linewidth=0.5 if neighbour else 0.7,
                                 zorder=1 if neighbour else 2))
        if neighbour:
            x, y = project(NEIGHBOUR_LABEL[unit.adcode], REF_LAT)
            ax.text(x, y, f"{unit.name_zh}\n{unit.name_en}", ha="center", va="center",
                    fontsize=8.5, color=MUTED, zorder=3)
            continue
        (lon, lat), anchor = LABELS[unit.adcode]
        x, y = project((lon, lat), REF_LAT)
        n = by_code[unit.adcode]
        text = f"{unit.name_zh}\n{unit.name_en.split()[0]}\n{n}"
        if anchor is None:
            ax.text(x, y, text, ha="center", va="center", fontsize=7.5,
                    color="white" if n >= 3 else INK, zorder=4, linespacing=1.1)
        else:
            ax.annotate(text, xy=project(anchor, REF_LAT), xytext=(x, y), ha="center",
                        va="center", fontsize=7.5, color=INK, zorder=4, linespacing=1.1,
                        arrowprops={"arrowstyle": "-", "color": INK, "linewidth": 0.6})
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


def unit_bars(counts: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Horizontal bars of paragraphs per unit, split into the 2019 review and the 2020 plan."""
    rows = counts.sort_values(["paragraphs", "adcode"], ascending=[True, False])
    labels = [f"{zh} ({en})" for zh, en in zip(rows["name_zh"], rows["name_en"], strict=True)]
    fig, ax = plt.subplots(figsize=(7.5, 3.9))
    left = [0] * len(rows)
    for part, column in (("review-2019", "review"), ("plan-2020", "plan")):
        values = rows[column].tolist()
        ax.barh(labels, values, left=left, color=PART_COLOURS[part],
                label="2019 review" if part == "review-2019" else "2020 plan")
        left = [a + b for a, b in zip(left, values, strict=True)]
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
