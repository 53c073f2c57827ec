"""Count the paragraphs naming each of Taiyuan's ten county-level units, tell the sites the
text places in a unit from those it does not, and set out the borders with the neighbouring
cities, for the chapter "Where the report acts".

Two definitions, used everywhere in the chapter:

- A paragraph *names a unit* when it holds the unit's name, full (晋源区) or short (晋源),
  standing alone or inside a longer name (阳曲小米, 晋源花卉小镇, 小店桥).
- A *site* is a gazetteer name of a site kind (gwr.data.places.SITE_KINDS), counted once per
  distinct name. The text *places a site in a unit* when the site's name holds the unit's
  name; it has no other way of doing so (place_units.csv, from the decisions in
  data/curated/place_units.yml, gives the reasons).

The chapter reads processed tables only: places, place_units, borders and paragraphs. The map's
outlines come from the raw boundary file, through gwr.data.geo.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Polygon

from gwr.charts import PART_COLOURS, source_note
from gwr.data import geo
from gwr.data.geo import TAIYUAN_UNITS, Unit, project
from gwr.data.places import SITE_KINDS
from gwr.style import INK, MUTED, PALETTE


def _adcodes(place_units: pd.DataFrame, basis: str) -> list[tuple[str, int, list[str]]]:
    """(item, paragraph, unit codes) of each row of place_units.csv with ``basis``."""
    rows = place_units[place_units["basis"] == basis]
    return [(str(q), int(n), str(codes).split(";")) for q, n, codes
            in zip(rows["quote"], rows["paragraph"], rows["adcodes"], strict=True)]


def unit_paragraphs(places: pd.DataFrame, place_units: pd.DataFrame) -> dict[str, set[int]]:
    """For each unit, the paragraphs that name it (places.csv) or an item placed in it by the
    text (place_units.csv).

    Items whose basis is ``gazetteer`` are not counted: the text does not place them.

    Examples:
        >>> places = pd.DataFrame({"adcode": ["140110", "140100"], "paragraph": [24, 1]})
        >>> items = pd.DataFrame({"quote": ["清徐葡萄", "徐沟"], "paragraph": [59, 74],
        ...                       "adcodes": ["140121", "140121"], "basis": ["text", "gazetteer"]})
        >>> found = unit_paragraphs(places, items)
        >>> found["140110"], found["140121"], found["140105"]
        ({24}, {59}, set())
    """
    found: dict[str, set[int]] = {code: set() for code in TAIYUAN_UNITS}
    for code, paragraph in zip(places["adcode"], places["paragraph"], strict=True):
        if code in found:
            found[code].add(int(paragraph))
    for _, paragraph, codes in _adcodes(place_units, "text"):
        for code in codes:
            found[code].add(paragraph)
    return found


def unit_counts(places: pd.DataFrame, place_units: pd.DataFrame,
                part_of_paragraph: dict[int, str]) -> pd.DataFrame:
    """One row per unit: names, paragraphs (as ¶ list), their count, and counts by article part."""
    found = unit_paragraphs(places, place_units)
    rows = []
    for code, (zh, en) in TAIYUAN_UNITS.items():
        numbers = sorted(found[code])
        parts = [part_of_paragraph[n] for n in numbers]
        rows.append({"adcode": code, "name_zh": zh, "name_en": en, "paragraphs": len(numbers),
                     "review": parts.count("review-2019"), "plan": parts.count("plan-2020"),
                     "other": len(parts) - parts.count("review-2019") - parts.count("plan-2020"),
                     "paragraph_list": ", ".join(f"¶{n}" for n in numbers)})
    return pd.DataFrame(rows)


def item_table(place_units: pd.DataFrame) -> pd.DataFrame:
    """One row per item of place_units.csv (its occurrences gathered), by unit and paragraph.

    Columns: ``Unit``, ``Item in the text``, ``Kind``, ``Paragraphs``, ``Placed by``.
    """
    names = {code: f"{zh} ({en})" for code, (zh, en) in TAIYUAN_UNITS.items()}
    items = []
    for name, group in place_units.groupby("quote", sort=False):
        first = group.iloc[0]
        items.append((str(first["adcodes"]).split(";"), sorted(int(n) for n in group["paragraph"]),
                      name, first))
    return pd.DataFrame([{
        "Unit": " / ".join(names[c] for c in codes),
        "Item in the text": f"{name} ({first['name_en']})",
        "Kind": first["what"],
        "Paragraphs": ", ".join(f"¶{n}" for n in numbers),
        "Placed by": "the text" if first["basis"] == "text" else "gazetteer only; not counted",
    } for codes, numbers, name, first in sorted(items, key=lambda i: (i[0], i[1]))])


def unit_names() -> dict[str, str]:
    """Every name of the ten units, full and short (without 区, 县 or 市), to its adcode.

    Examples:
        >>> names = unit_names()
        >>> names["晋源区"], names["晋源"], names["古交"], len(names)
        ('140110', '140110', '140181', 20)
    """
    names = {}
    for code, (zh, _) in TAIYUAN_UNITS.items():
        names[zh] = names[zh[:-1]] = code
    return names


def units_in(name: str) -> list[str]:
    """The adcodes of the units whose name, full or short, stands in ``name``, in code order.

    Examples:
        >>> units_in("阳曲大型热源厂"), units_in("小店桥"), units_in("东峰燃气调峰热源厂")
        (['140122'], ['140105'], [])
        >>> units_in("杏花岭区、晋源区农村集体产权制度改革经验")
        ['140107', '140110']
    """
    return sorted({code for unit, code in unit_names().items() if unit in name})


def paragraphs_naming_units(paragraph_texts: dict[int, str]) -> dict[str, set[int]]:
    """For each unit, the paragraphs whose text holds its name, full or short: the definition
    of "names a unit", read straight from the text.

    Examples:
        >>> found = paragraphs_naming_units({21: "小店桥断面水质", 58: "推进晋源花卉小镇"})
        >>> found["140105"], found["140110"], found["140106"]
        ({21}, {58}, set())
    """
    found: dict[str, set[int]] = {code: set() for code in TAIYUAN_UNITS}
    for number, text in paragraph_texts.items():
        for code in units_in(text):
            found[code].add(number)
    return found


def site_table(places: pd.DataFrame, place_units: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct site name in places.csv, with the units its own name holds.

    Columns: ``name_zh``, ``name_en``, ``kind``, ``occurrences``, ``paragraphs`` (sorted list),
    ``section_ids`` (list), ``units`` (adcodes the name holds: the text places the site there),
    ``gazetteer_units`` (adcodes that only the gazetteer gives: rows of place_units.csv whose
    basis is gazetteer).

    Examples:
        >>> places = pd.DataFrame({"quote": ["小店桥", "柳巷", "柳巷", "太原"],
        ...     "name_en": ["Xiaodian Bridge", "Liuxiang", "Liuxiang", "Taiyuan"],
        ...     "kind": ["landmark", "street", "street", "prefecture_city"],
        ...     "paragraph": [21, 53, 60, 1], "section_id": ["a", "b", "b", "c"]})
        >>> none = pd.DataFrame({"quote": [], "paragraph": [], "adcodes": [], "basis": []})
        >>> table = site_table(places, none)
        >>> list(table["name_zh"]), list(table["occurrences"]), list(table["units"])
        (['小店桥', '柳巷'], [1, 2], [['140105'], []])
    """
    by_gazetteer = {name: codes for name, _, codes in _adcodes(place_units, "gazetteer")}
    sites = places[places["kind"].isin(SITE_KINDS)]
    rows = []
    for name, group in sites.groupby("quote", sort=False):
        rows.append({"name_zh": name, "name_en": group["name_en"].iloc[0],
                     "kind": group["kind"].iloc[0], "occurrences": len(group),
                     "paragraphs": sorted(int(n) for n in group["paragraph"]),
                     "section_ids": list(group["section_id"]),
                     "units": units_in(name), "gazetteer_units": by_gazetteer.get(name, [])})
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


def boundary_source() -> dict:
    """What the chapter says of the boundary file, from its provenance in data/raw/geo:
    package, version, licence, simplification tolerances (degrees) and size (kB)."""
    provenance = geo.load_provenance()
    tolerance = provenance["simplification"]["tolerance_degrees"]
    return {"package": provenance["package"], "version": provenance["version"],
            "licence": provenance["licence"], "tolerance": tolerance["taiyuan"],
            "tolerance_neighbour": tolerance["neighbour"], "kb": provenance["bytes"] / 1000}


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


def unit_map(counts: pd.DataFrame, *, title: str, note: str,
             units: list[Unit] | None = None) -> Figure:
    """Taiyuan's ten units shaded by the number of paragraphs holding their names (alone or
    inside a longer name); neighbours in grey.

    ``counts`` has one row per unit with ``adcode`` and ``paragraphs``; ``units`` are the
    outlines, by default those of the boundary file in data/raw/geo.
    """
    units = geo.load_units() if units is None else units
    by_code = counts.set_index("adcode")["paragraphs"].to_dict()
    top = int(max(by_code.values()))
    if top >= len(SHADES):
        raise ValueError(f"{top} paragraphs: add shades to SHADES")
    cmap = ListedColormap(SHADES[: top + 1])
    norm = BoundaryNorm([v - 0.5 for v in range(top + 2)], cmap.N)
    fig, ax = plt.subplots(figsize=(7.5, 6.4))
    for unit in units:
        neighbour = unit.role == "neighbour"
        for polygon in unit.polygons:
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
