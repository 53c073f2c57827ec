"""Link the 2019 review to the 2020 plan: curated section links, programme pairs and new items."""

from __future__ import annotations

import re
from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from gwr.charts import PART_COLOURS, source_note
from gwr.curated import check_fields, load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.style import INK, MUTED, PALETTE
from gwr.text.sections import Section

LINKS_FILE = "review_plan_links.yml"
PAIRS_FILE = "programme_pairs.yml"
NEW_FILE = "plan_without_review.yml"
BASES = ("programme", "theme", "actor")
COMPARISONS = ("achieved_vs_planned", "different_measures", "qualitative")
PLAN_KINDS = ("plan_task", "service_government")
_LINK_FIELDS = {"basis": str, "review_paragraphs": list, "plan_paragraphs": list, "reason": str}
_PAIR_FIELDS = {"programme_zh": str, "programme_en": str, "review": dict, "plan": dict,
                "comparison": str, "note": str}
_SIDE_FIELDS = {"paragraph": int, "quote": str, "indicators": list}
_NEW_FIELDS = {"paragraph": int, "quote": str, "gloss_en": str, "note": str}


@dataclass(frozen=True)
class Link:
    """A curated link from a 2019 review area to a 2020 task (or part 3)."""

    link_id: str
    review_section_id: str
    plan_section_id: str
    basis: str
    review_paragraphs: tuple[int, ...]
    plan_paragraphs: tuple[int, ...]
    reason: str


def load_links(sections: list[Section], *, curated: dict | None = None) -> list[Link]:
    """Links of data/curated/review_plan_links.yml, checked against the sections.

    Examples:
        >>> s = [Section("review-economy", "review_area", 11, 11, 13, 1, "", "", "", "", "", ""),
        ...      Section("plan-agriculture", "plan_task", 57, 57, 60, 4, "", "", "", "", "", "")]
        >>> entry = {"basis": "programme", "review_paragraphs": [13], "plan_paragraphs": [59],
        ...          "reason": "Brands in ¶13 and ¶59."}
        >>> load_links(s, curated={"review-economy--plan-agriculture": entry})[0].basis
        'programme'
        >>> try:
        ...     load_links(s, curated={"review-econ--plan-agriculture": entry})
        ... except CuratedDataError as exc:
        ...     print(str(exc).split(": ")[-1])
        'review-econ' is not a section_id of kind review_area (see data/curated/sections.yml).
    """
    entries = curated if curated is not None else load_yaml_mapping(LINKS_FILE)
    by_id = {s.section_id: s for s in sections}
    links = []
    for key, entry in entries.items():
        where = f"data/curated/{LINKS_FILE}, entry {key!r}"
        check_fields(LINKS_FILE, key, entry, _LINK_FIELDS)
        review_id, sep, plan_id = str(key).partition("--")
        if not sep:
            raise CuratedDataError(f"{where}: the key must be '<review section_id>--<plan "
                                   "section_id>'.")
        for section_id, kinds in ((review_id, ("review_area",)), (plan_id, PLAN_KINDS)):
            if section_id not in by_id or by_id[section_id].kind not in kinds:
                raise CuratedDataError(
                    f"{where}: {section_id!r} is not a section_id of kind {' or '.join(kinds)} "
                    "(see data/curated/sections.yml).")
        if entry["basis"] not in BASES:
            raise CuratedDataError(f"{where}: basis {entry['basis']!r} is not one of "
                                   f"{', '.join(BASES)}.")
        for side, section_id in (("review_paragraphs", review_id), ("plan_paragraphs", plan_id)):
            section = by_id[section_id]
            numbers = entry[side]
            if not numbers or not all(isinstance(n, int) for n in numbers):
                raise CuratedDataError(f"{where}: {side} must be a non-empty list of paragraph "
                                       "numbers.")
            for n in numbers:
                if not section.first_paragraph <= n <= section.last_paragraph:
                    raise CuratedDataError(
                        f"{where}: ¶{n} in {side} is outside section {section_id!r} "
                        f"(¶{section.first_paragraph}-¶{section.last_paragraph}).")
                if not re.search(rf"¶{n}(?!\d)", entry["reason"]):
                    raise CuratedDataError(f"{where}: the reason does not cite ¶{n}.")
        links.append(Link(str(key), review_id, plan_id, entry["basis"],
                          tuple(entry["review_paragraphs"]), tuple(entry["plan_paragraphs"]),
                          entry["reason"]))
    return links


def links_frame(links: list[Link]) -> pd.DataFrame:
    """The links as the table written to data/processed/links.csv, in curated order."""
    return pd.DataFrame([{
        "link_id": link.link_id, "review_section_id": link.review_section_id,
        "plan_section_id": link.plan_section_id, "basis": link.basis,
        "review_paragraphs": ";".join(str(n) for n in link.review_paragraphs),
        "plan_paragraphs": ";".join(str(n) for n in link.plan_paragraphs),
        "reason": link.reason,
    } for link in links])


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


def load_pairs(paragraph_texts: dict[int, str], indicators: pd.DataFrame, *,
               curated: dict | None = None) -> pd.DataFrame:
    """Programme pairs of data/curated/programme_pairs.yml, one row each, checked.

    Quotes must stand in their paragraph; indicator ids must exist and sit in that paragraph.
    """
    entries = curated if curated is not None else load_yaml_mapping(PAIRS_FILE)
    where_ind = indicators.set_index("indicator_id")["paragraph"].to_dict()
    rows = []
    for key, entry in entries.items():
        where = f"data/curated/{PAIRS_FILE}, entry {key!r}"
        check_fields(PAIRS_FILE, key, entry, _PAIR_FIELDS)
        if entry["comparison"] not in COMPARISONS:
            raise CuratedDataError(f"{where}: comparison {entry['comparison']!r} is not one of "
                                   f"{', '.join(COMPARISONS)}.")
        row = {"pair_id": key, "programme_zh": entry["programme_zh"],
               "programme_en": entry["programme_en"], "comparison": entry["comparison"],
               "note": entry["note"]}
        for side in ("review", "plan"):
            part = entry[side]
            check_fields(PAIRS_FILE, f"{key}.{side}", part, _SIDE_FIELDS)
            n = part["paragraph"]
            if part["quote"] not in paragraph_texts.get(n, ""):
                raise CuratedDataError(f"{where}: the {side} quote {part['quote']!r} does not "
                                       f"stand in ¶{n}.")
            for ind in part["indicators"]:
                if ind not in where_ind:
                    raise CuratedDataError(f"{where}: indicator {ind!r} is not in "
                                           "indicators.csv.")
                if int(where_ind[ind]) != n:
                    raise CuratedDataError(f"{where}: indicator {ind!r} is in "
                                           f"¶{where_ind[ind]}, not ¶{n}.")
            if entry["comparison"] != "qualitative" and not part["indicators"]:
                raise CuratedDataError(f"{where}: a {entry['comparison']} pair needs "
                                       f"indicators on the {side} side.")
            row |= {f"{side}_paragraph": n, f"{side}_quote": part["quote"],
                    f"{side}_indicators": tuple(part["indicators"])}
        rows.append(row)
    return pd.DataFrame(rows)


def pair_values(pairs: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """For achieved_vs_planned pairs: both values, their unit and the plan-to-review ratio.

    Examples:
        >>> ind = pd.DataFrame({"indicator_id": ["a", "b"], "value": [478.0, 147.0],
        ...     "unit_en": ["streets", "streets"]})
        >>> p = pd.DataFrame({"pair_id": ["x"], "programme_en": ["X"], "comparison":
        ...     ["achieved_vs_planned"], "review_indicators": [("a",)],
        ...     "plan_indicators": [("b",)], "review_paragraph": [29], "plan_paragraph": [91]})
        >>> round(float(pair_values(p, ind).loc[0, "ratio"]), 3)
        0.308
    """
    value = indicators.set_index("indicator_id")["value"]
    unit = indicators.set_index("indicator_id")["unit_en"]
    rows = []
    for r in pairs[pairs["comparison"] == "achieved_vs_planned"].itertuples():
        (a,), (b,) = r.review_indicators, r.plan_indicators
        if unit[a] != unit[b]:
            raise ValueError(f"pair {r.pair_id}: units differ ({unit[a]} vs {unit[b]})")
        rows.append({"pair_id": r.pair_id, "programme_en": r.programme_en,
                     "review_value": float(value[a]), "plan_value": float(value[b]),
                     "unit_en": unit[a], "ratio": float(value[b]) / float(value[a]),
                     "review_paragraph": r.review_paragraph, "plan_paragraph": r.plan_paragraph})
    return pd.DataFrame(rows)


def load_new_items(paragraph_texts: dict[int, str], section_of: dict[int, str], *,
                   curated: dict | None = None) -> pd.DataFrame:
    """Items of data/curated/plan_without_review.yml, with their section; quotes checked."""
    entries = curated if curated is not None else load_yaml_mapping(NEW_FILE)
    rows = []
    for key, entry in entries.items():
        check_fields(NEW_FILE, key, entry, _NEW_FIELDS)
        n = entry["paragraph"]
        if entry["quote"] not in paragraph_texts.get(n, ""):
            raise CuratedDataError(f"data/curated/{NEW_FILE}, entry {key!r}: the quote "
                                   f"{entry['quote']!r} does not stand in ¶{n}.")
        if not section_of.get(n, "").startswith("plan-"):
            raise CuratedDataError(f"data/curated/{NEW_FILE}, entry {key!r}: ¶{n} is not in "
                                   "a 2020 task.")
        rows.append({"item_id": str(key), "paragraph": n, "section_id": section_of[n],
                     "quote": entry["quote"], "gloss_en": entry["gloss_en"],
                     "note": entry["note"]})
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


def pair_bars_chart(values: pd.DataFrame, labels: dict[str, str], *, title: str,
                    note: str) -> Figure:
    """One panel per programme: the 2019 achievement beside the 2020 plan, each on its own scale."""
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
        ax.set_title(labels[row.pair_id], fontsize=9, loc="center")
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
