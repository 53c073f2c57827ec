"""Set the 2019 review beside the 2020 plan: the link matrix, paired values and both charts.

The decisions it works on (links, programme pairs, plan items new in 2020) are the processed
tables links.csv, programme_pairs.csv and plan_new_items.csv, written by gwr.data.review_links.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from gwr.charts import PART_COLOURS, source_note, tag_marks
from gwr.style import INK, MUTED, PALETTE

# The columns of the link matrix: the 2020 tasks and part 3 of the report.
PLAN_KINDS = ("plan_task", "service_government")


def link_matrix(links: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """Review areas (rows, in order) by plan tasks and part 3 (columns): the basis, or ''.

    Examples:
        >>> secs = pd.DataFrame({"section_id": ["r1", "p1", "p2"], "first_paragraph": [1, 5, 9],
        ...     "kind": ["review_area", "plan_task", "service_government"]})
        >>> lk = pd.DataFrame({"review_section_id": ["r1"], "plan_section_id": ["p2"],
        ...     "basis": ["theme"]})
        >>> link_matrix(lk, secs).to_dict("index")
        {'r1': {'p1': '', 'p2': 'theme'}}
    """
    ordered = sections.sort_values("first_paragraph")
    rows = ordered.loc[ordered["kind"] == "review_area", "section_id"].tolist()
    cols = ordered.loc[ordered["kind"].isin(PLAN_KINDS), "section_id"].tolist()
    matrix = pd.DataFrame("", index=rows, columns=cols)
    for r, p, b in zip(links["review_section_id"], links["plan_section_id"], links["basis"],
                       strict=True):
        matrix.loc[r, p] = b
    return matrix


def pair_values(pairs: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """For achieved_vs_planned pairs: the programme's names, both values, their unit and the
    plan-to-review ratio.

    ``pairs`` is programme_pairs.csv, whose ``*_indicators`` hold one indicator_id per side
    for such pairs (several would be joined with ';').

    Examples:
        >>> ind = pd.DataFrame({"indicator_id": ["a", "b"], "value": [478.0, 147.0],
        ...     "unit_en": ["streets", "streets"]})
        >>> p = pd.DataFrame({"pair_id": ["x"], "programme_zh": ["背街小巷"],
        ...     "programme_en": ["Back streets and alleys"], "short_en": ["Back streets"],
        ...     "comparison": ["achieved_vs_planned"], "review_indicators": ["a"],
        ...     "plan_indicators": ["b"], "review_paragraph": [29], "plan_paragraph": [91]})
        >>> round(float(pair_values(p, ind).loc[0, "ratio"]), 3)
        0.308
    """
    value = indicators.set_index("indicator_id")["value"]
    unit = indicators.set_index("indicator_id")["unit_en"]
    rows = []
    for r in pairs[pairs["comparison"] == "achieved_vs_planned"].itertuples():
        (a,), (b,) = r.review_indicators.split(";"), r.plan_indicators.split(";")
        if unit[a] != unit[b]:
            raise ValueError(f"pair {r.pair_id}: units differ ({unit[a]} vs {unit[b]})")
        rows.append({"pair_id": r.pair_id, "programme_zh": r.programme_zh,
                     "programme_en": r.programme_en, "short_en": r.short_en,
                     "review_indicator_id": a, "plan_indicator_id": b,
                     "review_value": float(value[a]), "plan_value": float(value[b]),
                     "unit_en": unit[a], "ratio": float(value[b]) / float(value[a]),
                     "review_paragraph": r.review_paragraph, "plan_paragraph": r.plan_paragraph})
    return pd.DataFrame(rows)


def matrix_data(links: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """What link_matrix_chart plots, one row per cell of link_matrix, row by row: the review
    area, the plan task (or part 3), whether a curated link joins them, its id and its basis.

    Examples:
        >>> secs = pd.DataFrame({"section_id": ["r1", "p1", "p2"], "first_paragraph": [1, 5, 9],
        ...     "kind": ["review_area", "plan_task", "service_government"]})
        >>> lk = pd.DataFrame({"link_id": ["r1--p2"], "review_section_id": ["r1"],
        ...     "plan_section_id": ["p2"], "basis": ["theme"]})
        >>> matrix_data(lk, secs)[["plan_section_id", "linked", "basis"]].values.tolist()
        [['p1', False, nan], ['p2', True, 'theme']]
    """
    matrix = link_matrix(links, sections)
    cells = pd.DataFrame([(r, p) for r in matrix.index for p in matrix.columns],
                         columns=["review_section_id", "plan_section_id"])
    cells = cells.merge(links[["review_section_id", "plan_section_id", "link_id", "basis"]],
                        on=["review_section_id", "plan_section_id"], how="left",
                        validate="one_to_one")
    cells.insert(2, "linked", cells["link_id"].notna())
    if cells["linked"].sum() != len(links):
        raise ValueError("a link joins a section that is not a review area or a 2020 column")
    return cells


def link_paragraphs(links: pd.DataFrame) -> list[int]:
    """Every paragraph a link cites, on either side (links.csv joins them with ';').

    Examples:
        >>> link_paragraphs(pd.DataFrame({"review_paragraphs": ["18;20"],
        ...                               "plan_paragraphs": ["74"]}))
        [18, 20, 74]
    """
    cells = [*links["review_paragraphs"], *links["plan_paragraphs"]]
    return sorted({int(p) for cell in cells for p in str(cell).split(";")})


# The two sides of a programme pair, in the order the chapter shows them.
SIDES = ("review", "plan")


def pair_sides(pairs: pd.DataFrame) -> pd.DataFrame:
    """tbl-review-plan-pairs in tidy form: one row per side of each programme pair (the review's
    words, then the plan's), with the side's quote, its span and the figures it states
    (``indicator_id``; ids joined with ';' where one quote states two figures, empty where it
    states none).

    Examples:
        >>> p = pd.DataFrame({"pair_id": ["x"], "programme_zh": ["甲"], "programme_en": ["A"],
        ...     "comparison": ["qualitative"], "note": ["n"], "review_paragraph": [21],
        ...     "review_start": [5], "review_end": [7], "review_quote": ["退出"],
        ...     "review_indicators": [""], "review_section_id": ["r"], "plan_paragraph": [74],
        ...     "plan_start": [9], "plan_end": [11], "plan_quote": ["全部"],
        ...     "plan_indicators": ["b"], "plan_section_id": ["q"]})
        >>> pair_sides(p)[["side", "paragraph", "quote", "indicator_id"]].values.tolist()
        [['review', 21, '退出', nan], ['plan', 74, '全部', 'b']]
    """
    frames = []
    for order, side in enumerate(SIDES):
        frame = pairs[["pair_id", "programme_zh", "programme_en", "comparison"]].assign(
            side=side, order=order,
            section_id=pairs[f"{side}_section_id"], paragraph=pairs[f"{side}_paragraph"],
            start=pairs[f"{side}_start"], end=pairs[f"{side}_end"], quote=pairs[f"{side}_quote"],
            indicator_id=pairs[f"{side}_indicators"].replace("", pd.NA), note=pairs["note"])
        frame["pair"] = range(len(frame))
        frames.append(frame)
    rows = pd.concat(frames, ignore_index=True).sort_values(["pair", "order"], ignore_index=True)
    return rows.drop(columns=["pair", "order"])


def pair_bars_data(values: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """What pair_bars_chart plots, one row per bar: for each achieved_vs_planned pair of
    pair_values (its ``panel``), the review's figure and then the plan's, each with its
    indicator_id, year, quote and span, value and unit.

    Examples:
        >>> ind = pd.DataFrame({"indicator_id": ["a", "b"], "value": [478.0, 147.0],
        ...     "unit_en": ["streets", "streets"], "year": [2019, 2020], "paragraph": [29, 91],
        ...     "start": [1, 9], "end": [5, 13], "quote": ["478条", "147条"]})
        >>> values = pd.DataFrame({"pair_id": ["x"], "programme_zh": ["背街小巷"],
        ...     "short_en": ["Back streets"], "review_indicator_id": ["a"],
        ...     "plan_indicator_id": ["b"]})
        >>> pair_bars_data(values, ind)[["panel", "side", "year", "value"]].values.tolist()
        [['x', 'review', 2019, 478.0], ['x', 'plan', 2020, 147.0]]
    """
    info = indicators.set_index("indicator_id")
    rows = []
    for r in values.itertuples():
        for side in SIDES:
            ind = getattr(r, f"{side}_indicator_id")
            rows.append({"panel": r.pair_id, "programme_zh": r.programme_zh,
                         "short_en": r.short_en, "side": side, "indicator_id": ind,
                         "year": info.loc[ind, "year"], "paragraph": info.loc[ind, "paragraph"],
                         "start": info.loc[ind, "start"], "end": info.loc[ind, "end"],
                         "quote": info.loc[ind, "quote"], "value": float(info.loc[ind, "value"]),
                         "unit_en": info.loc[ind, "unit_en"]})
    return pd.DataFrame(rows)


# Charts.

BASIS_STYLE = {  # colour and a letter, so the matrix reads without colour too
    "programme": (PALETTE["blue"], "P", "Same programme continues"),
    "theme": (PALETTE["sky_blue"], "T", "Same theme, other measures"),
    "actor": (PALETTE["orange"], "A", "Only a named firm or site"),
}


def link_matrix_chart(cells: pd.DataFrame, sections: pd.DataFrame, *, title: str,
                      note: str) -> Figure:
    """Review areas (rows) by 2020 tasks and part 3 (columns); a coloured cell is a link.

    ``cells`` is matrix_data: one cell per row, row by row, each tagged as a mark.
    """
    info = sections.set_index("section_id")
    rows = list(dict.fromkeys(cells["review_section_id"]))
    cols = list(dict.fromkeys(cells["plan_section_id"]))
    if len(cells) != len(rows) * len(cols):
        raise ValueError("matrix_data has one row per cell of the full matrix")
    fig, ax = plt.subplots(figsize=(7.5, 5.6))
    marks = []
    for cell in cells.itertuples():
        i, j = rows.index(cell.review_section_id), cols.index(cell.plan_section_id)
        colour = BASIS_STYLE[cell.basis][0] if cell.linked else "#f2f2f2"
        marks.append(ax.add_patch(Rectangle((j + 0.06, i + 0.06), 0.88, 0.88, facecolor=colour,
                                            edgecolor="none")))
        if cell.linked:
            ax.text(j + 0.5, i + 0.5, BASIS_STYLE[cell.basis][1], ha="center", va="center",
                    fontsize=9, color="white" if cell.basis != "theme" else INK)
    tag_marks(marks)
    ax.axvline(len(cols) - 1, color=MUTED, linewidth=0.8, linestyle=(0, (3, 2)))
    ax.set_xlim(0, len(cols))
    ax.set_ylim(len(rows), 0)
    ax.set_yticks([i + 0.5 for i in range(len(rows))],
                  [f"{int(info.loc[r, 'order'])}. {info.loc[r, 'heading_zh']} "
                   f"({info.loc[r, 'short_en']})" for r in rows], fontsize=8.5)
    xlabels = [(f"{int(info.loc[c, 'order'])}. {info.loc[c, 'short_en']}"
                if pd.notna(info.loc[c, "order"]) else "Part 3: service government")
               for c in cols]
    ax.set_xticks([j + 0.5 for j in range(len(cols))], xlabels, rotation=40, ha="right",
                  fontsize=8.5)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    for label in ax.get_yticklabels():
        label.set_color(PART_COLOURS["review-2019"])
    for label in ax.get_xticklabels():
        label.set_color(INK)
    ax.set_xlabel("2020 task, in the order of ¶6, and the report's part 3")
    ax.set_ylabel("2019 review area, in the order of ¶5")
    handles = [Patch(facecolor=c, label=f"{letter}: {text}")
               for c, letter, text in BASIS_STYLE.values()]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
              fontsize=8)
    ax.set_title(title)
    source_note(ax, note)
    # The rotated task names reach further down than the helper's usual offset: move the note.
    ax.texts[-1].xyann = (0, -118)
    return fig


def pair_bars_chart(bars: pd.DataFrame, *, title: str, note: str) -> Figure:
    """One panel per programme: the 2019 achievement beside the 2020 plan, each on its own scale,
    titled with programme_zh and short_en of programme_pairs.csv.

    ``bars`` is pair_bars_data: one bar per row, panel by panel, review first, each a mark.
    """
    panels = list(dict.fromkeys(bars["panel"]))
    fig, axes = plt.subplots(1, len(panels), figsize=(7.5, 3.4))
    axes = [axes] if len(panels) == 1 else list(axes)
    colours = [PART_COLOURS["review-2019"], PART_COLOURS["plan-2020"]]
    marks = []
    for ax, panel in zip(axes, panels, strict=True):
        rows = bars[bars["panel"] == panel]
        if rows["side"].tolist() != list(SIDES):
            raise ValueError(f"panel {panel}: one review bar, then one plan bar")
        heights = rows["value"].tolist()
        drawn = ax.bar([f"{y}\n¶{p}" for y, p in zip(rows["year"], rows["paragraph"], strict=True)],
                       heights, color=colours, width=0.65)
        marks.extend(drawn)
        ax.bar_label(drawn, labels=[f"{v:,.0f}" for v in heights], padding=2, fontsize=8,
                     color=INK)
        ax.set_ylim(0, max(heights) * 1.18)
        first = rows.iloc[0]
        ax.set_title(f"{first['programme_zh']}\n{first['short_en']}", fontsize=9, loc="center")
        ax.set_ylabel(f"{first['unit_en']} (number)", fontsize=8.5)
        ax.tick_params(axis="both", labelsize=8)
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    tag_marks(marks)
    handles = [Patch(facecolor=colours[0], label="2019: achieved (review)"),
               Patch(facecolor=colours[1], label="2020: planned (plan)")]
    fig.legend(handles=handles, loc="lower center", ncols=2, frameon=False, fontsize=8,
               bbox_to_anchor=(0.5, -0.08))
    fig.suptitle(title, x=0.01, ha="left", fontsize=12)
    fig.tight_layout()
    source_note(axes[0], note)
    return fig
