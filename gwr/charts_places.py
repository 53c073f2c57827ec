"""Charts of the chapter "Where the report acts": a map of Taiyuan's units and bars of mentions."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Polygon

from gwr.boundaries import Unit, project
from gwr.charts import PART_COLOURS, source_note
from gwr.style import INK, MUTED, PALETTE

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


def unit_map(units: list[Unit], counts: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Taiyuan's ten units shaded by the number of paragraphs holding their names (alone or
    inside a longer name); neighbours in grey.

    ``counts`` has one row per unit with ``adcode`` and ``paragraphs``.
    """
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
