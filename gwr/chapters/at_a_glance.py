"""Measure the article's structure: parts, sections, and how its headings relate to the report's."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from gwr.charts import PART_COLOURS, PART_LABELS, PART_ORDER, bilingual, source_note, tag_marks
from gwr.style import INK


def part_summary(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs, headings and characters per part, with each part's share of body text.

    Body text is every paragraph that is not a heading; shares are of the body text of all parts.
    Indexed by part, in text order, with the part's first and last paragraph.

    Examples:
        >>> df = pd.DataFrame({"paragraph": [1, 2, 3], "part": ["front", "plan-2020", "plan-2020"],
        ...                    "is_heading": [False, True, False], "chars": [10, 5, 30]})
        >>> summary = part_summary(df)
        >>> summary["headings"].to_dict(), summary["body_share"].to_dict()
        ({'front': 0, 'plan-2020': 1}, {'front': 0.25, 'plan-2020': 0.75})
        >>> summary.loc["plan-2020", ["first_paragraph", "last_paragraph"]].tolist()
        [2, 3]
    """
    frame = paragraphs.assign(body_chars=paragraphs["chars"].where(~paragraphs["is_heading"], 0))
    summary = frame.groupby("part", sort=False).agg(
        first_paragraph=("paragraph", "min"), last_paragraph=("paragraph", "max"),
        paragraphs=("chars", "size"), headings=("is_heading", "sum"), chars=("chars", "sum"),
        body_chars=("body_chars", "sum"),
    )
    summary["headings"] = summary["headings"].astype(int)
    summary["body_share"] = summary["body_chars"] / summary["body_chars"].sum()
    order = [p for p in PART_ORDER if p in summary.index]
    return summary.loc[order]


def part_shares_data(parts: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """What part_shares_chart plots, one row per bar in ``order``: the part, its label, its body
    text in characters and its share of all body text.

    Examples:
        >>> parts = pd.DataFrame({"body_chars": [30, 10], "body_share": [0.75, 0.25]},
        ...                      index=pd.Index(["plan-2020", "front"], name="part"))
        >>> part_shares_data(parts, ["front", "plan-2020"]).values.tolist()
        [['front', 'Front matter', 10, 0.25], ['plan-2020', 'Part 2: plan for 2020', 30, 0.75]]
    """
    rows = parts.loc[order, ["body_chars", "body_share"]].rename_axis("part").reset_index()
    rows.insert(1, "label", rows["part"].map(PART_LABELS))
    return rows


def section_lengths_data(sections: pd.DataFrame) -> pd.DataFrame:
    """What section_lengths_chart plots, one row per bar: each review area, plan task and
    part 3, in text order, with its heading, gloss, extent and body text (paragraphs below the
    heading, and characters: the bar)."""
    kinds = ["review_area", "plan_task", "service_government"]
    rows = sections[sections["kind"].isin(kinds)].sort_values("first_paragraph")
    return rows[["section_id", "part", "order", "heading_zh", "short_en", "heading_paragraph",
                 "first_paragraph", "last_paragraph", "body_paragraphs",
                 "body_chars"]].reset_index(drop=True)


def heading_relations(sections: pd.DataFrame) -> pd.DataFrame:
    """The review areas and plan tasks with the relation of each heading to its official name."""
    areas = sections[sections["kind"].isin(["review_area", "plan_task"])].copy()
    areas["relation"] = areas["heading_relation"]
    return areas


# The paragraph that gives the report's own names: ¶5 the areas of 2019, ¶6 the tasks of 2020.
NAME_PARAGRAPH = {"review_area": 5, "plan_task": 6}


def heading_table(relations: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """tbl-headings in tidy form: one row per area or task, with its heading as the source's
    words (the whole heading paragraph: ``paragraph``, ``start``, ``end``), the report's name
    and the paragraph that gives it, and the relation of the two.

    Examples:
        >>> rel = pd.DataFrame({"section_id": ["a"], "kind": ["plan_task"], "part": ["plan-2020"],
        ...     "order": [1], "heading_paragraph": [43], "heading_zh": ["防疫"],
        ...     "official_name_zh": ["疫情防控"], "relation": ["headline"]})
        >>> par = pd.DataFrame({"paragraph": [43], "start": [2400], "end": [2402]})
        >>> table = heading_table(rel, par)
        >>> table[["paragraph", "start", "end", "name_paragraph"]].values.tolist()
        [[43, 2400, 2402, 6]]
    """
    spans = paragraphs.set_index("paragraph")[["start", "end"]]
    table = pd.DataFrame({
        "section_id": relations["section_id"].to_numpy(),
        "part": relations["part"].to_numpy(),
        "order": relations["order"].to_numpy(),
        "paragraph": relations["heading_paragraph"].to_numpy(),
        "start": spans.loc[relations["heading_paragraph"], "start"].to_numpy(),
        "end": spans.loc[relations["heading_paragraph"], "end"].to_numpy(),
        "heading_zh": relations["heading_zh"].to_numpy(),
        "official_name_zh": relations["official_name_zh"].to_numpy(),
        "name_paragraph": relations["kind"].map(NAME_PARAGRAPH).to_numpy(),
        "relation": relations["relation"].to_numpy(),
    })
    return table


# Charts.

def part_shares_chart(rows: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Horizontal bars of each part's share of the body text, labelled in percent.

    ``rows`` is part_shares_data: one bar per row, in its order, each tagged as a mark.
    """
    fig, ax = plt.subplots(figsize=(7.5, 2.6))
    shares = rows["body_share"] * 100
    bars = ax.barh(rows["label"], shares, color=[PART_COLOURS[p] for p in rows["part"]])
    tag_marks(bars)
    ax.bar_label(bars, labels=[f"{v:.0f}%" for v in shares], padding=3, color=INK)
    ax.invert_yaxis()
    ax.set_xlabel("Share of the article's body text (% of characters, headings excluded)")
    ax.set_xlim(0, max(shares) * 1.15)
    ax.set_title(title)
    source_note(ax, note)
    return fig


def section_lengths_chart(sections: pd.DataFrame, *, title: str, note: str) -> Figure:
    """One bar per section, in text order, showing its body text in characters, coloured by part.

    ``sections`` is section_lengths_data: one bar per row, each tagged as a mark.
    """
    rows = sections.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, 0.32 * len(rows) + 1.4))
    labels = [bilingual(zh, en) for zh, en in zip(rows["heading_zh"], rows["short_en"],
                                                  strict=True)]
    bars = ax.barh(range(len(rows)), rows["body_chars"],
                   color=[PART_COLOURS[p] for p in rows["part"]])
    tag_marks(bars)
    ax.bar_label(bars, padding=3, fontsize=8, color=INK)
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("Body text of the section (characters, heading excluded)")
    ax.set_xlim(0, rows["body_chars"].max() * 1.12)
    handles = [plt.Rectangle((0, 0), 1, 1, color=PART_COLOURS[p]) for p in PART_COLOURS
               if p in set(rows["part"])]
    ax.legend(handles, [PART_LABELS[p] for p in PART_COLOURS if p in set(rows["part"])],
              loc="upper right", frameon=False, fontsize=8)
    ax.set_title(title)
    source_note(ax, note)
    return fig
