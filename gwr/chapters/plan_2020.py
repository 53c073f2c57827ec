"""Read the 2020 plan: nine tasks, target ledger, deadlines, and how specific its promises are."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from gwr.charts import PART_COLOURS, STRENGTH_COLOURS, source_note
from gwr.data.tables import allowed_values
from gwr.style import INK, MUTED, PALETTE
from gwr.text.deadlines import year_framings

# The strength classes, in the order of the commitments table's schema.
STRENGTHS = allowed_values("commitments", "strength")

SPECIFICITY = {"with_figure": "States a figure", "with_deadline": "States a deadline",
               "with_both": "States both"}
SPECIFICITY_COLOURS = {"with_figure": PALETTE["sky_blue"], "with_deadline": PALETTE["orange"],
                       "with_both": PALETTE["vermillion"]}
EPIDEMIC_TASK = 1


def task_commitments(commitments: pd.DataFrame) -> pd.DataFrame:
    """The commitments of the nine tasks (part 3 left out), flagged for figure and deadline.

    Examples:
        >>> df = pd.DataFrame({"task_order": pd.array([1, None], dtype="Int64"),
        ...     "quantified": [True, False], "deadline": pd.to_datetime(["2020-06-30", None])})
        >>> task_commitments(df)[["with_figure", "with_deadline", "with_both"]].values.tolist()
        [[True, True, True]]
    """
    rows = commitments[commitments["task_order"].notna()].copy()
    rows["task_order"] = rows["task_order"].astype(int)
    rows["with_figure"] = rows["quantified"].astype(bool)
    rows["with_deadline"] = rows["deadline"].notna()
    rows["with_both"] = rows["with_figure"] & rows["with_deadline"]
    return rows


def task_labels(sections: pd.DataFrame) -> dict[int, str]:
    """Short English labels of the nine tasks, numbered as in ¶6 ("1. Epidemic control" ...)."""
    tasks = sections[sections["kind"] == "plan_task"].sort_values("order")
    return {int(o): f"{int(o)}. {s}" for o, s in zip(tasks["order"], tasks["short_en"],
                                                      strict=True)}


def target_ledger(indicators: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """Every 2020 target once: kind ``target`` without the headlines that repeat a body figure.

    Rows come in task order, then text order, with the task's ``order`` and ``short_en``.

    Examples:
        >>> from gwr.data.tables import load_table
        >>> ledger = target_ledger(load_table("indicators"), load_table("sections"))
        >>> len(ledger), bool(ledger["repeat_of"].eq("").all())
        (24, True)
    """
    tasks = sections.loc[sections["kind"] == "plan_task", ["section_id", "order", "short_en"]]
    rows = indicators[(indicators["kind"] == "target")
                      & (indicators["repeat_of"].fillna("") == "")]
    ledger = rows.merge(tasks, on="section_id", how="inner", validate="many_to_one")
    if len(ledger) != len(rows):
        raise ValueError("a 2020 target lies outside the nine tasks; check indicators.csv")
    return ledger.sort_values(["order", "start"], kind="stable").reset_index(drop=True)


def specificity(commitments: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Counts and shares of commitments that state a figure, a deadline, and both.

    ``commitments`` comes from :func:`task_commitments`; ``by`` is a column to group on
    (``task_order``, ``strength``) or None for one row, ``all``.

    Examples:
        >>> df = pd.DataFrame({"strength": ["binding", "binding", "process"],
        ...     "with_figure": [True, False, False], "with_deadline": [True, True, False],
        ...     "with_both": [True, False, False]})
        >>> specificity(df, "strength")["share_deadline"].to_dict()
        {'binding': 1.0, 'process': 0.0}
    """
    grouped = commitments.assign(_all="all").groupby(by or "_all", sort=True)
    frame = grouped.agg(commitments=("with_figure", "size"),
                        with_figure=("with_figure", "sum"),
                        with_deadline=("with_deadline", "sum"),
                        with_both=("with_both", "sum"))
    frame = frame.astype(int)
    for column in SPECIFICITY:
        frame[column.replace("with_", "share_")] = frame[column] / frame["commitments"]
    frame.index.name = by
    return frame


def strength_by_task(commitments: pd.DataFrame) -> pd.DataFrame:
    """Share of each task's commitments in each strength class (rows add up to 1).

    Examples:
        >>> df = pd.DataFrame({"task_order": [1, 1, 2], "strength": ["process", "binding",
        ...     "process"]})
        >>> strength_by_task(df).loc[1].tolist()
        [0.5, 0.0, 0.5]
    """
    counts = pd.crosstab(commitments["task_order"], commitments["strength"])
    counts = counts.reindex(columns=list(STRENGTHS), fill_value=0)
    shares = counts.div(counts.sum(axis=1), axis=0)
    shares.columns.name = None
    return shares


def compare_task(commitments: pd.DataFrame, task: int = EPIDEMIC_TASK) -> pd.DataFrame:
    """One task set against all the others: counts, shares by strength, figure and deadline.

    Examples:
        >>> df = pd.DataFrame({"task_order": [1, 2, 2], "strength": ["process", "binding",
        ...     "process"], "with_figure": [False, True, False],
        ...     "with_deadline": [False, True, False], "with_both": [False, True, False]})
        >>> compare_task(df).loc["others", ["share_binding", "share_figure"]].tolist()
        [0.5, 0.5]
    """
    group = commitments["task_order"].eq(task).map({True: "task", False: "others"})
    frame = specificity(commitments.assign(group=group), "group")
    strengths = pd.crosstab(group, commitments["strength"], normalize="index")
    strengths = strengths.reindex(index=frame.index, columns=list(STRENGTHS), fill_value=0.0)
    for strength in STRENGTHS:
        frame[f"share_{strength}"] = strengths[strength]
    return frame.loc[["task", "others"]]


def year_openers(paragraphs: pd.DataFrame) -> list[tuple[int, str]]:
    """Every year-framing opener of the text (gwr.text.deadlines), as (paragraph, words).

    Examples:
        >>> year_openers(pd.DataFrame({"paragraph": [5, 6], "text": ["甲。", "今年太原市要干。"]}))
        [(6, '今年太原市要')]
    """
    return [(int(n), phrase) for n, text in zip(paragraphs["paragraph"], paragraphs["text"],
                                                 strict=True)
            for _, phrase in year_framings(text)]


def deadline_calendar(commitments: pd.DataFrame) -> pd.DataFrame:
    """Dated commitments counted by task and deadline, with the wordings the text uses.

    Examples:
        >>> dates = pd.to_datetime(["2020-12-31", "2020-12-31", "2020-06-30"])
        >>> df = pd.DataFrame({"task_order": [8, 8, 9], "deadline": dates,
        ...     "deadline_zh": ["年内", "全年", "6月"]})
        >>> deadline_calendar(df)[["task_order", "commitments", "wordings"]].values.tolist()
        [[9, 1, '6月'], [8, 2, '全年, 年内']]
    """
    dated = commitments[commitments["deadline"].notna()]
    calendar = dated.groupby(["deadline", "task_order"], sort=True).agg(
        commitments=("deadline_zh", "size"),
        wordings=("deadline_zh", lambda s: ", ".join(sorted(set(s)))))
    return calendar.reset_index()


def deadline_chart(calendar: pd.DataFrame, undated: pd.Series, labels: dict[int, str], *,
                   start: pd.Timestamp, wordings: dict[pd.Timestamp, str], title: str,
                   note: str) -> Figure:
    """A calendar of 2020: one circle per task and deadline, sized and labelled by the number
    of commitments due; a side panel counts each task's commitments without a deadline."""
    fig, (cal, rest) = plt.subplots(1, 2, figsize=(8.6, 4.6), sharey=True,
                                    gridspec_kw={"width_ratios": [4.2, 1], "wspace": 0.1})
    tasks = sorted(labels)
    colour = PART_COLOURS["plan-2020"]
    for row in calendar.itertuples():
        cal.scatter(row.deadline, row.task_order, s=110 + 70 * row.commitments, color=colour,
                    alpha=0.9, edgecolors="white", linewidths=0.8, zorder=3)
        cal.annotate(str(row.commitments), (row.deadline, row.task_order), ha="center",
                     va="center", fontsize=8, color=INK, zorder=4)
    cal.axvline(start, color=MUTED, linestyle="--", linewidth=1)
    cal.annotate(f"report delivered\n{start:%d %b}", (start, 9.5), xytext=(4, 0),
                 textcoords="offset points", ha="left", va="bottom", fontsize=8, color=MUTED)
    ticks = sorted(wordings)
    # The wordings head their column, so the tick labels stay one line (the source note sits
    # at a fixed distance below the axis).
    for tick in ticks:
        cal.annotate(_wrap(wordings[tick]), (tick, 0.45), ha="center", va="bottom", fontsize=8,
                     color=INK)
    cal.set_xticks(ticks, [f"{t:%d %b}" for t in ticks], fontsize=8)
    cal.xaxis.set_minor_locator(mdates.MonthLocator())
    cal.set_xlim(pd.Timestamp("2020-04-01"), pd.Timestamp("2021-01-20"))
    cal.set_yticks(tasks, [labels[t] for t in tasks], fontsize=9)
    cal.set_ylim(9.6, -0.7)
    cal.grid(axis="y", color="#eeeeee")
    cal.set_xlabel("Deadline in 2020: the last day allowed (wording in the text above each column)",
                   fontsize=9)
    values = undated.reindex(tasks, fill_value=0)
    bars = rest.barh(tasks, values, color="#BBBBBB", height=0.6)
    rest.bar_label(bars, padding=2, fontsize=8, color=INK)
    rest.set_xlim(0, values.max() * 1.35)
    rest.set_xlabel("No deadline\n(commitments)", fontsize=9)
    rest.tick_params(axis="y", length=0)
    rest.tick_params(axis="x", labelsize=8)
    fig.suptitle(title, x=0.0, ha="left", fontsize=12)
    source_note(cal, note)
    return fig


def specificity_chart(by_task: pd.DataFrame, labels: dict[int, str], *, title: str,
                      note: str) -> Figure:
    """Grouped bars per task (and all tasks): shares of commitments with a figure, a deadline,
    and both, in per cent."""
    rows = [*sorted(labels), "all"]
    names = [labels[r] if r != "all" else "All nine tasks" for r in rows]
    fig, ax = plt.subplots(figsize=(7.5, 6.0))
    height = 0.26
    for k, column in enumerate(SPECIFICITY):
        share = by_task[column.replace("with_", "share_")].reindex(rows).astype(float) * 100
        positions = [i + (k - 1) * height for i in range(len(rows))]
        bars = ax.barh(positions, share, height=height, color=SPECIFICITY_COLOURS[column],
                       label=SPECIFICITY[column])
        ax.bar_label(bars, labels=[f"{v:.0f}%" for v in share], padding=2, fontsize=7,
                     color=INK)
    ax.set_yticks(range(len(rows)), names, fontsize=9)
    ax.axhline(len(rows) - 1.5, color=MUTED, linewidth=0.8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of the task's commitments (%)")
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    ax.set_title(title)
    source_note(ax, note)
    return fig


def strength_chart(shares: pd.DataFrame, labels: dict[int, str], *, highlight: int,
                   title: str, note: str) -> Figure:
    """Stacked bars: each task's commitments split into binding, aspirational and process."""
    fig, ax = plt.subplots(figsize=(7.5, 3.9))
    tasks = list(shares.index)
    left = pd.Series(0.0, index=tasks)
    for strength in STRENGTHS:
        values = shares[strength].astype(float) * 100
        bars = ax.barh(range(len(tasks)), values, left=left, color=STRENGTH_COLOURS[strength],
                       label=strength, height=0.65)
        text = [f"{v:.0f}%" if v >= 7 else "" for v in values]
        ax.bar_label(bars, labels=text, label_type="center", fontsize=8,
                     color="white" if strength == "binding" else INK)
        left = left + values
    names = [labels[t] for t in tasks]
    ax.set_yticks(range(len(tasks)), names, fontsize=9)
    for tick, task in zip(ax.get_yticklabels(), tasks, strict=True):
        if task == highlight:
            tick.set_color(PALETTE["vermillion"])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of the task's commitments (%)")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False,
              fontsize=8)
    ax.set_title(title, pad=24)
    source_note(ax, note)
    return fig


def _wrap(wordings: str, per_line: int = 2) -> str:
    """Put at most ``per_line`` comma-separated wordings on each line of a tick label.

    Examples:
        >>> _wrap("今年, 全年, 年内")
        '今年, 全年,\\n年内'
    """
    items = wordings.split(", ")
    lines = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return ",\n".join(lines)
