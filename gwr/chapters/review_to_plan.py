"""Set the 2019 review beside the 2020 plan: the link matrix, paired values and both charts.

The decisions it works on (links, programme pairs, plan items new in 2020) are the processed
tables links.csv, programme_pairs.csv and plan_new_items.csv, written by gwr.data.review_links.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from gwr.charts import PART_COLOURS, source_note
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
                     "review_value": float(value[a]), "plan_value": float(value[b]),
                     "unit_en": unit[a], "ratio": float(value[b]) / float(value[a]),
                     "review_paragraph": r.review_paragraph, "plan_paragraph": r.plan_paragraph})
    return pd.DataFrame(rows)


# Charts.

BASIS_STYLE = {  # colour and a letter, so the matrix reads without colour too
    "programme": (PALETTE["blue"], "P", "Same programme continues"),
    "theme": (PALETTE["sky_blue"], "T", "Same theme, other measures"),
    "actor": (PALETTE["orange"], "A", "Only a named firm or site"),
}


def link_matrix_chart(matrix: pd.DataFrame, sections: pd.DataFrame, *, title: str,
                      note: str) -> Figure:
    """Review areas (rows) by 2020 tasks and part 3 (columns); a coloured cell is a link."""
    info = sections.set_index("section_id")
    rows, cols = list(matrix.index), list(matrix.columns)
    fig, ax = plt.subplots(figsize=(7.5, 5.6))
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            basis = matrix.loc[r, c]
            if basis:
                colour, letter, _ = BASIS_STYLE[basis]
                ax.add_patch(Rectangle((j + 0.06, i + 0.06), 0.88, 0.88, facecolor=colour,
                                       edgecolor="none"))
                ax.text(j + 0.5, i + 0.5, letter, ha="center", va="center", fontsize=9,
                        color="white" if basis != "theme" else INK)
            else:
                ax.add_patch(Rectangle((j + 0.06, i + 0.06), 0.88, 0.88, facecolor="#f2f2f2",
                                       edgecolor="none"))
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


def pair_bars_chart(values: pd.DataFrame, *, title: str, note: str) -> Figure:
    """One panel per programme: the 2019 achievement beside the 2020 plan, each on its own scale,
    titled with programme_zh and short_en of programme_pairs.csv."""
    n = len(values)
    fig, axes = plt.subplots(1, n, figsize=(7.5, 3.4))
    axes = [axes] if n == 1 else list(axes)
    colours = [PART_COLOURS["review-2019"], PART_COLOURS["plan-2020"]]
    for ax, row in zip(axes, values.itertuples(), strict=True):
        heights = [row.review_value, row.plan_value]
        bars = ax.bar([f"2019\n¶{row.review_paragraph}", f"2020\n¶{row.plan_paragraph}"],
                      heights, color=colours, width=0.65)
        ax.bar_label(bars, labels=[f"{v:,.0f}" for v in heights], padding=2, fontsize=8,
                     color=INK)
        ax.set_ylim(0, max(heights) * 1.18)
        ax.set_title(f"{row.programme_zh}\n{row.short_en}", fontsize=9, loc="center")
        ax.set_ylabel(f"{row.unit_en} (number)", fontsize=8.5)
        ax.tick_params(axis="both", labelsize=8)
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    handles = [Patch(facecolor=colours[0], label="2019: achieved (review)"),
               Patch(facecolor=colours[1], label="2020: planned (plan)")]
    fig.legend(handles=handles, loc="lower center", ncols=2, frameon=False, fontsize=8,
               bbox_to_anchor=(0.5, -0.08))
    fig.suptitle(title, x=0.01, ha="left", fontsize=12)
    fig.tight_layout()
    source_note(axes[0], note)
    return fig
