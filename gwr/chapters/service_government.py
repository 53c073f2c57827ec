"""Chapter 4: part 3 (¶107-¶110) against the plan, the reforms an outsider could check, and where
the political formulations stand; its analysis and its three charts, each drawn from one tidy
frame (``*_data``, one row per mark) that the chapter publishes beside the figure."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from gwr.charts import PART_COLOURS, PART_ORDER, STRENGTH_COLOURS, bilingual, source_note, tag_marks
from gwr.data.tables import allowed_values
from gwr.style import INK, MUTED, PALETTE

# The checkability rule and the reforms it is applied to are data: gwr.data.reforms writes
# reforms.csv from data/curated/reforms.yml. Here only the labels the chapter shows.
CHECKABILITY = allowed_values("reforms", "checkability")
CHECKABILITY_LABELS = {
    "measurable": "Measurable (figure or deadline)",
    "observable": "Observable (whether, not how much or when)",
    "direction": "Direction only",
}
assert tuple(CHECKABILITY_LABELS) == CHECKABILITY


def _flagged(commitments: pd.DataFrame) -> pd.DataFrame:
    """Commitments with ``figure``, ``dated`` and ``either`` flags."""
    frame = commitments.assign(
        figure=commitments["quantified"].astype(bool),
        dated=commitments["deadline"].notna(),
    )
    frame["either"] = frame["figure"] | frame["dated"]
    return frame


def _text_order(commitments: pd.DataFrame) -> pd.Index:
    """The sections that hold commitments, in the order of their first commitment."""
    return commitments.groupby("section_id")["start"].min().sort_values().index


def measurability_by_section(commitments: pd.DataFrame) -> pd.DataFrame:
    """Per section, in text order: commitments, and the shares with a figure, with a deadline,
    with either, and of each strength.

    Examples:
        >>> c = pd.DataFrame({"section_id": ["a", "a", "b"], "quantified": [True, False, False],
        ...                   "deadline": [pd.NaT, pd.Timestamp("2020-12-31"), pd.NaT],
        ...                   "strength": ["binding", "process", "process"], "start": [0, 5, 9]})
        >>> m = measurability_by_section(c)
        >>> m["commitments"].tolist(), m["either"].tolist(), m["process"].tolist()
        ([2, 1], [1.0, 0.0], [0.5, 1.0])
    """
    frame = _flagged(commitments)
    out = frame.groupby("section_id").agg(
        commitments=("section_id", "size"), figure=("figure", "mean"),
        dated=("dated", "mean"), either=("either", "mean"))
    for s in ("binding", "aspirational", "process"):
        out[s] = frame.assign(hit=frame["strength"] == s).groupby("section_id")["hit"].mean()
    return out.loc[_text_order(commitments)]


def strength_data(commitments: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """fig-service-strength, one row per bar segment: for each section that makes commitments,
    in text order, its commitments of each strength (binding, aspirational, process), as a count
    and as a share of the section's; ``section`` is the section's short English name.

    Examples:
        >>> c = pd.DataFrame({"section_id": ["a", "a", "b"], "start": [0, 5, 9],
        ...                   "strength": ["binding", "process", "process"]})
        >>> names = pd.DataFrame({"section_id": ["a", "b"], "short_en": ["A", "B"]})
        >>> strength_data(c, names)[["section", "strength", "commitments", "share"]
        ...     ].values.tolist()[:3]
        [['A', 'binding', 1, 0.5], ['A', 'aspirational', 0, 0.0], ['A', 'process', 1, 0.5]]
    """
    names = sections.set_index("section_id")["short_en"]
    counts = pd.crosstab(commitments["section_id"], commitments["strength"])
    counts = counts.reindex(index=_text_order(commitments), columns=list(STRENGTH_COLOURS),
                            fill_value=0)
    totals = counts.sum(axis=1)
    rows = [{"section_id": section, "section": names[section], "strength": strength,
             "commitments": int(counts.loc[section, strength]),
             "share": float(counts.loc[section, strength] / totals[section])}
            for section in counts.index for strength in counts.columns]
    return pd.DataFrame(rows)


def measurable_data(commitments: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """fig-service-measurable, one row per bar: for each section in text order, its
    commitments, how many state a figure, a deadline, either, and the share with either.

    Examples:
        >>> c = pd.DataFrame({"section_id": ["a", "a"], "start": [0, 5],
        ...                   "quantified": [True, False], "deadline": [pd.NaT, pd.NaT]})
        >>> names = pd.DataFrame({"section_id": ["a"], "short_en": ["A"]})
        >>> measurable_data(c, names).values.tolist()
        [['a', 'A', 2, 1, 0, 1, 0.5]]
    """
    names = sections.set_index("section_id")["short_en"]
    frame = _flagged(commitments).groupby("section_id").agg(
        commitments=("section_id", "size"), with_figure=("figure", "sum"),
        with_deadline=("dated", "sum"), with_either=("either", "sum"))
    frame = frame.loc[_text_order(commitments)].astype(int)
    frame["share_either"] = frame["with_either"] / frame["commitments"]
    frame.insert(0, "section", names.reindex(frame.index).to_numpy())
    return frame.rename_axis("section_id").reset_index()


def grouped_terms(formulations: pd.DataFrame) -> pd.DataFrame:
    """The formulations that carry a group in formulations.csv (term, group, gloss_en), in the
    order the strip chart draws them: group by group, each in the order of its first term's
    first occurrence, and by first occurrence within a group.

    Examples:
        >>> f = pd.DataFrame({"term": ["a", "b", "c", "d"], "first_start": [5, 1, 9, 3],
        ...                   "group": ["political", "", "reform", "political"],
        ...                   "gloss_en": ["A", "B", "C", "D"]})
        >>> grouped_terms(f).values.tolist()
        [['d', 'political', 'D'], ['a', 'political', 'A'], ['c', 'reform', 'C']]
    """
    rows = formulations[formulations["group"].fillna("") != ""].sort_values("first_start")
    order = {g: i for i, g in enumerate(dict.fromkeys(rows["group"]))}
    rows = rows.sort_values("group", key=lambda g: g.map(order), kind="stable")
    return rows[["term", "group", "gloss_en"]].reset_index(drop=True)


def term_positions(formulations: pd.DataFrame, terms: list[str]) -> pd.DataFrame:
    """One row per (term, paragraph) where a formulation occurs, from formulations.csv.

    Examples:
        >>> f = pd.DataFrame({"term": ["放管服效"], "paragraphs": ["7;108"]})
        >>> term_positions(f, ["放管服效"]).values.tolist()
        [['放管服效', 7], ['放管服效', 108]]
    """
    rows = []
    table = formulations.set_index("term")
    for term in terms:
        for p in str(table.loc[term, "paragraphs"]).split(";"):
            rows.append((term, int(p)))
    return pd.DataFrame(rows, columns=["term", "paragraph"])


def term_data(formulations: pd.DataFrame) -> pd.DataFrame:
    """fig-service-terms, one row per dot: each grouped term (:func:`grouped_terms`, in the
    chart's order) and each paragraph it occurs in, with the term's group and gloss.

    Examples:
        >>> f = pd.DataFrame({"term": ["a", "b"], "first_start": [5, 1], "paragraphs": ["7;108",
        ...     "41"], "group": ["political", ""], "gloss_en": ["A", "B"]})
        >>> term_data(f).values.tolist()
        [['a', 'political', 'A', 7], ['a', 'political', 'A', 108]]
    """
    terms = grouped_terms(formulations)
    positions = term_positions(formulations, terms["term"].tolist())
    return terms.merge(positions, on="term", how="inner", validate="one_to_many")


# Charts.

def strength_by_section_chart(data: pd.DataFrame, *, title: str, note: str) -> Figure:
    """100% stacked bars: the share of each section's commitments that is binding, aspirational
    or process, one bar per section in text order. ``data`` comes from :func:`strength_data`,
    one row per segment; the bars are named by its ``section``."""
    sections = list(dict.fromkeys(data["section_id"]))
    names = data.drop_duplicates("section_id").set_index("section_id")["section"]
    fig, ax = plt.subplots(figsize=(7.5, 0.36 * len(sections) + 1.9))
    left = pd.Series(0.0, index=sections)
    marks = {}
    for strength, colour in STRENGTH_COLOURS.items():
        part = data[data["strength"] == strength]
        share = pd.Series(part["share"].astype(float).to_numpy() * 100,
                          index=part["section_id"]).reindex(sections)
        bars = ax.barh(range(len(sections)), share, left=left, color=colour, label=strength)
        marks.update(zip(part.index, bars, strict=True))
        left = left + share
    totals = data.groupby("section_id", sort=False)["commitments"].sum()
    process = data[data["strength"] == "process"].set_index("section_id")["share"]
    for y, section in enumerate(sections):
        ax.text(101, y, f"{process[section]:.0%} (n={totals[section]})", va="center", fontsize=8,
                color=INK)
    ax.set_yticks(range(len(sections)), [names[s] for s in sections], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 115)
    ax.set_xticks(range(0, 101, 25))
    ax.set_xlabel("Share of the section's commitments (%), by strength of the governing verb")
    ax.legend(loc="lower center", bbox_to_anchor=(0.45, 1.0), ncol=3, frameon=False, fontsize=8)
    ax.set_title(title, pad=24)
    source_note(ax, note)
    tag_marks([marks[i] for i in data.index])
    return fig


def measurable_chart(data: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Bars of the share of each section's commitments that state a figure or a deadline,
    labelled 'k of n'; part 3 in its own colour. ``data`` comes from :func:`measurable_data`,
    one row per bar."""
    fig, ax = plt.subplots(figsize=(7.5, 0.34 * len(data) + 1.5))
    shares = data["share_either"].astype(float) * 100
    colours = [PART_COLOURS["service-government"] if s == "service-government"
               else PART_COLOURS["plan-2020"] for s in data["section_id"]]
    bars = ax.barh(range(len(data)), shares, color=colours)
    counts = [f"{k} of {n}" for k, n in zip(data["with_either"], data["commitments"],
                                            strict=True)]
    ax.bar_label(bars, labels=counts, padding=3, fontsize=8, color=INK)
    ax.set_yticks(range(len(data)), data["section"], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max(shares.max() * 1.25, 10))
    ax.set_xlabel("Commitments stating a figure or a deadline (% of the section's commitments)")
    ax.set_title(title)
    source_note(ax, note)
    tag_marks(bars)
    return fig


def term_strip_chart(data: pd.DataFrame, paragraphs: pd.DataFrame, *, title: str,
                     note: str) -> Figure:
    """Where each term occurs: one row per term, a dot per paragraph, over bands for the parts.

    ``data`` comes from :func:`term_data`, one row per dot: the terms in the order they are
    drawn, each with its group (the legend) and its gloss; ``paragraphs`` gives the parts.
    """
    terms = data.drop_duplicates("term")
    groups = dict(zip(terms["term"], terms["group"], strict=True))
    glosses = dict(zip(terms["term"], terms["gloss_en"], strict=True))
    rows = list(groups)
    group_names = list(dict.fromkeys(groups.values()))
    group_colours = dict(zip(group_names, [PALETTE["vermillion"], PALETTE["blue"],
                                           PALETTE["reddish_purple"]], strict=False))
    fig, ax = plt.subplots(figsize=(7.5, 0.34 * len(rows) + 1.9))
    spans = paragraphs.groupby("part")["paragraph"].agg(["min", "max"])
    for part in PART_ORDER:
        lo, hi = spans.loc[part, "min"], spans.loc[part, "max"]
        ax.axvspan(lo - 0.5, hi + 0.5, color=PART_COLOURS[part], alpha=0.12, lw=0)
    # One scatter per dot, so that each row of the data is one mark of the figure.
    dots = [ax.scatter([paragraph], [rows.index(term)], s=36, color=group_colours[group],
                       zorder=3, label=group)
            for term, group, paragraph in zip(data["term"], data["group"], data["paragraph"],
                                              strict=True)]
    tag_marks(dots)
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    part_names = {"front": "front matter", "review-2019": "review of 2019",
                  "plan-2020": "plan for 2020", "service-government": "part 3"}
    for part in PART_ORDER:
        lo, hi = spans.loc[part, "min"], spans.loc[part, "max"]
        # The narrow parts at either end are labelled flush with their outer edge.
        x, ha = {"front": (lo - 0.5, "left"), "service-government": (hi + 0.5, "right")}.get(
            part, ((lo + hi) / 2, "center"))
        ax.text(x, -0.75, part_names[part], ha=ha, va="center", fontsize=8, color=MUTED)
    # The plan's band holds none of these terms, so the legend sits there.
    ax.legend(unique.values(), unique.keys(), loc="center", bbox_to_anchor=(0.6, 0.5),
              frameon=False, fontsize=8)
    # Long glosses are wrapped so that the labels do not squeeze the plot.
    labels = ["\n".join(textwrap.wrap(bilingual(t, glosses[t]), 34)) for t in rows]
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.set_ylim(len(rows) - 0.4, -1.1)
    ax.set_xlim(0.5, paragraphs["paragraph"].max() + 0.5)
    ax.set_xlabel("Paragraph of the article (¶1–¶110)")
    ax.set_title(title)
    source_note(ax, note)
    return fig
