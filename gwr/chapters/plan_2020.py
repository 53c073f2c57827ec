"""Read the 2020 plan: nine tasks, target ledger, deadlines, and how specific its promises are.

Each figure is drawn from one tidy frame (``*_data``: one row per mark) and each table's tidy
form comes from a function here too, so that what the chapter shows and the CSV beside it are
the same rows."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from gwr.charts import PART_COLOURS, STRENGTH_COLOURS, source_note, tag_marks
from gwr.data.tables import allowed_values
from gwr.display import QUALIFIER_WORDS, format_value
from gwr.style import INK, MUTED, PALETTE
from gwr.text.deadlines import year_framings

# The strength classes, in the order of the commitments table's schema.
STRENGTHS = allowed_values("commitments", "strength")

SPECIFICITY = {"with_figure": "States a figure", "with_deadline": "States a deadline",
               "with_both": "States both"}
SPECIFICITY_COLOURS = {"with_figure": PALETTE["sky_blue"], "with_deadline": PALETTE["orange"],
                       "with_both": PALETTE["vermillion"]}
# The measures of fig-plan-specificity as its data name them (with_figure -> figure, ...).
MEASURES = tuple(column.removeprefix("with_") for column in SPECIFICITY)
ALL_TASKS = "All nine tasks"
EPIDEMIC_TASK = 1
# The paragraph that lists the nine tasks by their report names (一是 … 九是).
TASK_LIST_PARAGRAPH = 6


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


def task_names(sections: pd.DataFrame) -> dict[int, str]:
    """Short English names of the nine tasks by their number in ¶6 (1: "Epidemic control" ...)."""
    tasks = sections[sections["kind"] == "plan_task"].sort_values("order")
    return {int(o): str(s) for o, s in zip(tasks["order"], tasks["short_en"], strict=True)}


def task_labels(sections: pd.DataFrame) -> dict[int, str]:
    """Short English labels of the nine tasks, numbered as in ¶6 ("1. Epidemic control" ...)."""
    return {order: _label(order, name) for order, name in task_names(sections).items()}


def _label(order: object, name: str) -> str:
    """A task's label as the charts print it, numbered; a row without a task keeps its name.

    Examples:
        >>> _label(1, "Epidemic control"), _label(pd.NA, "All nine tasks")
        ('1. Epidemic control', 'All nine tasks')
    """
    return name if pd.isna(order) else f"{int(order)}. {name}"


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


def name_spans(names: pd.Series, paragraphs: pd.DataFrame,
               paragraph: int = TASK_LIST_PARAGRAPH) -> pd.DataFrame:
    """Where each of ``names`` stands in ``paragraph`` (¶6, the report's list of the nine
    tasks): name_paragraph, and name_start and name_end, code-point offsets into the whole
    source (end exclusive). ``paragraphs`` is paragraphs.csv (paragraph, start, text); a name
    that does not stand in the paragraph exactly once is refused.

    Examples:
        >>> par = pd.DataFrame({"paragraph": [6], "start": [100], "text": ["一是抗疫。二是兴工。"]})
        >>> name_spans(pd.Series(["抗疫", "兴工"]), par).values.tolist()
        [[6, 102, 104], [6, 107, 109]]
        >>> name_spans(pd.Series(["是"]), par)
        Traceback (most recent call last):
        ...
        ValueError: '是' stands 2 times in ¶6, not once
    """
    row = paragraphs.set_index("paragraph").loc[paragraph]
    text, offset = str(row["text"]), int(row["start"])
    spans = []
    for name in names:
        if text.count(name) != 1:
            raise ValueError(f"{name!r} stands {text.count(name)} times in ¶{paragraph}, not once")
        start = offset + text.index(name)
        spans.append((paragraph, start, start + len(name)))
    return pd.DataFrame(spans, columns=["name_paragraph", "name_start", "name_end"],
                        index=names.index)


def task_overview(sections: pd.DataFrame, commitments: pd.DataFrame,
                  ledger: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """tbl-plan-tasks in tidy form: one row per task, its names and extent from sections.csv
    (with the span of the report's name in ¶6, :func:`name_spans`), and its commitments,
    distinct targets (:func:`target_ledger`) and dated commitments.

    ``commitments`` comes from :func:`task_commitments`; ``paragraphs`` is paragraphs.csv.
    """
    tasks = sections[sections["kind"] == "plan_task"].sort_values("order")
    orders = tasks["order"].astype(int).tolist()
    counts = specificity(commitments, "task_order").reindex(orders, fill_value=0)
    targets = ledger.groupby("order").size().reindex(orders, fill_value=0)
    frame = tasks[["section_id", "official_name_zh", "short_en", "heading_zh",
                   "heading_paragraph", "first_paragraph", "last_paragraph"]].reset_index(drop=True)
    spans = name_spans(frame["official_name_zh"], paragraphs)
    frame = pd.concat([frame.iloc[:, :2], spans, frame.iloc[:, 2:]], axis=1)
    frame.insert(0, "task_order", orders)
    frame["commitments"] = counts["commitments"].to_numpy()
    frame["targets"] = targets.astype(int).to_numpy()
    frame["dated"] = counts["with_deadline"].to_numpy()
    return frame


def target_table(ledger: pd.DataFrame, commitments: pd.DataFrame) -> pd.DataFrame:
    """tbl-plan-targets in tidy form: the ledger's rows with their ids, span, value, unit,
    qualifier and deadline, and the strength of the commitment that states each target and its
    hedge.

    Examples:
        >>> from gwr.data.tables import load_table
        >>> ledger = target_ledger(load_table("indicators"), load_table("sections"))
        >>> table = target_table(ledger, load_table("commitments"))
        >>> row = table.set_index("indicator_id").loc[
        ...     "plan-agriculture.household-toilets-renovated"]
        >>> row["quote"], float(row["value"]), row["deadline_zh"], row["strength"]
        ('6.9万座', 69000.0, '年内', 'binding')

    ``hedge_zh`` is the hedging marker (力争 …) of a target whose commitment is aspirational,
    empty for the others.
    """
    by_id = commitments.set_index("commitment_id")
    frame = ledger.assign(task_order=ledger["order"].astype(int), task=ledger["short_en"],
                          strength=ledger["commitment_id"].map(by_id["strength"]))
    if frame["strength"].isna().any():
        raise ValueError("a target's commitment_id is not in commitments.csv")
    frame["hedge_zh"] = [hedge_word(basis) if strength == "aspirational" else ""
                         for strength, basis in zip(
                             frame["strength"], frame["commitment_id"].map(by_id["strength_basis"]),
                             strict=True)]
    return frame[["task_order", "task", "indicator_id", "commitment_id", "paragraph", "start",
                  "end", "quote", "subject_zh", "subject_en", "value", "unit_zh", "unit_en",
                  "qualifier", "deadline_zh", "deadline", "strength",
                  "hedge_zh"]].reset_index(drop=True)


def hedge_word(basis: str) -> str:
    """The hedging marker that made a commitment aspirational, from its strength_basis.

    Examples:
        >>> hedge_word("marker 力争")
        '力争'
        >>> hedge_word("verb 完成")
        Traceback (most recent call last):
        ...
        ValueError: an aspirational commitment without a marker: 'verb 完成'
    """
    kind, _, word = str(basis).partition(" ")
    if kind != "marker" or not word:
        raise ValueError(f"an aspirational commitment without a marker: {basis!r}")
    return word


def target_value(value: float, unit_en: str, qualifier: str, hedge_zh: str = "") -> str:
    """A target as the ledger shows it: qualifier, value and the unit's name without its note,
    and, for a target in a hedged commitment, the hedge.

    Examples:
        >>> target_value(3000.0, "mu (1 mu = 1/15 hectare, about 666.7 square metres)",
        ...              "at_least")
        'at least 3,000 mu'
        >>> target_value(63.0, "per cent", "exact"), target_value(69000.0, "toilets", "exact")
        ('63%', '69,000 toilets')
        >>> target_value(18.0, "o'clock (hour of the day, 24-hour clock)", "at_least")
        'at least 18:00'
        >>> target_value(85.0, "per cent", "at_least", hedge_zh="力争")
        'at least 85%, hedged (力争)'
    """
    unit = unit_en.split(" (", 1)[0]
    if unit == "per cent":
        amount = f"{format_value(value)}%"
    elif unit == "o'clock":
        amount = f"{value:.0f}:00"
    else:
        amount = f"{format_value(value)} {unit}"
    shown = amount if qualifier == "exact" else f"{QUALIFIER_WORDS[qualifier]} {amount}"
    return f"{shown}, hedged ({hedge_zh})" if hedge_zh else shown


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


def strength_table(commitments: pd.DataFrame) -> pd.DataFrame:
    """tbl-plan-strength in tidy form: per strength class (schema order), the commitments, their
    share of all, and how many (and what share) state a figure, a deadline and both.

    Examples:
        >>> df = pd.DataFrame({"strength": ["binding", "process", "process", "process"],
        ...     "with_figure": [True, False, False, True], "with_deadline": [True] + [False] * 3,
        ...     "with_both": [True] + [False] * 3})
        >>> strength_table(df)[["strength", "commitments", "share_of_all"]].values.tolist()
        [['binding', 1, 0.25], ['aspirational', 0, 0.0], ['process', 3, 0.75]]
    """
    frame = specificity(commitments, "strength").reindex(list(STRENGTHS))
    frame = frame.fillna(0).astype({c: int for c in ("commitments", *SPECIFICITY)})
    frame.insert(1, "share_of_all", frame["commitments"] / frame["commitments"].sum())
    return frame.rename_axis("strength").reset_index()


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


def task_comparison(commitments: pd.DataFrame, task: int = EPIDEMIC_TASK) -> pd.DataFrame:
    """tbl-plan-epidemic in tidy form: :func:`compare_task` with its two rows named by
    ``group`` (``task_<n>`` and ``other_tasks``) and the strength shares first.

    Examples:
        >>> df = pd.DataFrame({"task_order": [1, 2, 2], "strength": ["process", "binding",
        ...     "process"], "with_figure": [False, True, False],
        ...     "with_deadline": [False, True, False], "with_both": [False, True, False]})
        >>> task_comparison(df)[["group", "commitments", "share_process"]].values.tolist()
        [['task_1', 1, 1.0], ['other_tasks', 2, 0.5]]
    """
    frame = compare_task(commitments, task)
    frame.index = [f"task_{task}", "other_tasks"]
    columns = ["commitments", *(f"share_{s}" for s in STRENGTHS),
               *(c for m in MEASURES for c in (f"with_{m}", f"share_{m}"))]
    return frame[columns].rename_axis("group").reset_index()


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


def deadline_data(commitments: pd.DataFrame, names: dict[int, str]) -> pd.DataFrame:
    """fig-plan-deadlines, one row per mark: a circle per task and deadline (panel
    ``calendar``: its commitments and the wordings of their deadlines, from
    :func:`deadline_calendar`), then a bar per task (panel ``no_deadline``: its commitments
    without a deadline). ``names`` are the task names (:func:`task_names`).

    Examples:
        >>> df = pd.DataFrame({"task_order": [1, 2, 2],
        ...     "deadline": pd.to_datetime([None, "2020-12-31", None]),
        ...     "deadline_zh": ["", "年内", ""]})
        >>> deadline_data(df, {1: "A", 2: "B"})[["panel", "task_order", "commitments"]
        ...     ].values.tolist()
        [['calendar', 2, 1], ['no_deadline', 1, 1], ['no_deadline', 2, 1]]
    """
    calendar = deadline_calendar(commitments)
    undated = (commitments[commitments["deadline"].isna()].groupby("task_order").size()
               .reindex(sorted(names), fill_value=0))
    dated = pd.DataFrame({"panel": "calendar", "task_order": calendar["task_order"].astype(int),
                          "deadline": calendar["deadline"], "wordings": calendar["wordings"],
                          "commitments": calendar["commitments"].astype(int)})
    rest = pd.DataFrame({"panel": "no_deadline", "task_order": undated.index.astype(int),
                         "deadline": pd.Series(pd.NaT, index=undated.index,
                                               dtype=calendar["deadline"].dtype),
                         "wordings": "", "commitments": undated.to_numpy().astype(int)})
    frame = pd.concat([dated, rest.reset_index(drop=True)], ignore_index=True)
    frame.insert(2, "task", frame["task_order"].map(names))
    return frame


def deadline_chart(data: pd.DataFrame, *, start: pd.Timestamp, title: str,
                   note: str) -> Figure:
    """A calendar of 2020: one circle per task and deadline, sized and labelled by the number
    of commitments due; a side panel counts each task's commitments without a deadline.

    ``data`` comes from :func:`deadline_data`; its rows are the marks, in order.
    """
    fig, (cal, rest) = plt.subplots(1, 2, figsize=(8.6, 4.6), sharey=True,
                                    gridspec_kw={"width_ratios": [4.2, 1], "wspace": 0.1})
    colour = PART_COLOURS["plan-2020"]
    calendar = data[data["panel"] == "calendar"]
    undated = data[data["panel"] == "no_deadline"]
    marks = {}
    for index, row in calendar.iterrows():
        marks[index] = cal.scatter(row["deadline"], row["task_order"],
                                   s=110 + 70 * row["commitments"], color=colour, alpha=0.9,
                                   edgecolors="white", linewidths=0.8, zorder=3)
        cal.annotate(str(row["commitments"]), (row["deadline"], row["task_order"]),
                     ha="center", va="center", fontsize=8, color=INK, zorder=4)
    cal.axvline(start, color=MUTED, linestyle="--", linewidth=1)
    cal.annotate(f"report delivered\n{start:%d %b}", (start, 9.5), xytext=(4, 0),
                 textcoords="offset points", ha="left", va="bottom", fontsize=8, color=MUTED)
    # The wordings of a column are those of its circles taken together.
    wordings = calendar.groupby("deadline")["wordings"].agg(
        lambda s: ", ".join(sorted({w for ws in s for w in ws.split(", ")}))).to_dict()
    ticks = sorted(wordings)
    # The wordings head their column, so the tick labels stay one line (the source note sits
    # at a fixed distance below the axis).
    for tick in ticks:
        cal.annotate(_wrap(wordings[tick]), (tick, 0.45), ha="center", va="bottom", fontsize=8,
                     color=INK)
    cal.set_xticks(ticks, [f"{t:%d %b}" for t in ticks], fontsize=8)
    cal.xaxis.set_minor_locator(mdates.MonthLocator())
    cal.set_xlim(pd.Timestamp("2020-04-01"), pd.Timestamp("2021-01-20"))
    tasks = undated["task_order"].tolist()
    cal.set_yticks(tasks, [_label(o, t) for o, t in zip(tasks, undated["task"], strict=True)],
                   fontsize=9)
    cal.set_ylim(9.6, -0.7)
    cal.grid(axis="y", color="#eeeeee")
    cal.set_xlabel("Deadline in 2020: the last day allowed (wording in the text above each column)",
                   fontsize=9)
    bars = rest.barh(tasks, undated["commitments"], color="#BBBBBB", height=0.6)
    marks.update(zip(undated.index, bars, strict=True))
    rest.bar_label(bars, padding=2, fontsize=8, color=INK)
    rest.set_xlim(0, undated["commitments"].max() * 1.35)
    rest.set_xlabel("No deadline\n(commitments)", fontsize=9)
    rest.tick_params(axis="y", length=0)
    rest.tick_params(axis="x", labelsize=8)
    fig.suptitle(title, x=0.0, ha="left", fontsize=12)
    source_note(cal, note)
    tag_marks([marks[i] for i in data.index])
    return fig


def specificity_data(commitments: pd.DataFrame, names: dict[int, str]) -> pd.DataFrame:
    """fig-plan-specificity, one row per bar: for each task in order, then for all nine
    together (``task_order`` empty), the commitments that state a figure, a deadline and both
    (``measure``): how many (``count``), out of how many, and the ``share``.

    Examples:
        >>> df = pd.DataFrame({"task_order": [1, 1], "with_figure": [True, False],
        ...     "with_deadline": [False, False], "with_both": [False, False]})
        >>> specificity_data(df, {1: "A"})[["task", "measure", "count", "share"]
        ...     ].values.tolist()[:2]
        [['A', 'figure', 1, 0.5], ['A', 'deadline', 0, 0.0]]
    """
    by = pd.concat([specificity(commitments, "task_order"), specificity(commitments)])
    rows = []
    for key, group in by.iterrows():
        order = pd.NA if key == "all" else int(key)
        for measure in MEASURES:
            rows.append({"task_order": order, "task": names.get(key, ALL_TASKS),
                         "measure": measure, "commitments": int(group["commitments"]),
                         "count": int(group[f"with_{measure}"]),
                         "share": float(group[f"share_{measure}"])})
    frame = pd.DataFrame(rows)
    frame["task_order"] = frame["task_order"].astype("Int64")
    return frame


def specificity_chart(data: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Grouped bars per task (and all tasks): shares of commitments with a figure, a deadline,
    and both, in per cent. ``data`` comes from :func:`specificity_data`, one row per bar."""
    groups = list(dict.fromkeys(zip(data["task_order"], data["task"], strict=True)))
    row_of = {task: i for i, (_, task) in enumerate(groups)}
    fig, ax = plt.subplots(figsize=(7.5, 6.0))
    height = 0.26
    marks = {}
    for k, (column, measure) in enumerate(zip(SPECIFICITY, MEASURES, strict=True)):
        part = data[data["measure"] == measure]
        share = part["share"].astype(float) * 100
        positions = [row_of[t] + (k - 1) * height for t in part["task"]]
        bars = ax.barh(positions, share, height=height, color=SPECIFICITY_COLOURS[column],
                       label=SPECIFICITY[column])
        ax.bar_label(bars, labels=[f"{v:.0f}%" for v in share], padding=2, fontsize=7,
                     color=INK)
        marks.update(zip(part.index, bars, strict=True))
    ax.set_yticks(range(len(groups)), [_label(o, t) for o, t in groups], fontsize=9)
    ax.axhline(len(groups) - 1.5, color=MUTED, linewidth=0.8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of the task's commitments (%)")
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    ax.set_title(title)
    source_note(ax, note)
    tag_marks([marks[i] for i in data.index])
    return fig


def strength_data(commitments: pd.DataFrame, names: dict[int, str]) -> pd.DataFrame:
    """fig-plan-strength, one row per bar segment: each task's commitments in each strength
    class (task by task, classes in schema order), as a count and a share of the task's.

    Examples:
        >>> df = pd.DataFrame({"task_order": [1, 1], "strength": ["process", "binding"]})
        >>> strength_data(df, {1: "A"})[["strength", "commitments", "share"]].values.tolist()
        [['binding', 1, 0.5], ['aspirational', 0, 0.0], ['process', 1, 0.5]]
    """
    counts = pd.crosstab(commitments["task_order"], commitments["strength"])
    counts = counts.reindex(columns=list(STRENGTHS), fill_value=0)
    shares = strength_by_task(commitments)
    rows = [{"task_order": int(order), "task": names[int(order)], "strength": strength,
             "commitments": int(counts.loc[order, strength]),
             "share": float(shares.loc[order, strength])}
            for order in counts.index for strength in STRENGTHS]
    return pd.DataFrame(rows)


def strength_chart(data: pd.DataFrame, *, highlight: int, title: str, note: str) -> Figure:
    """Stacked bars: each task's commitments split into binding, aspirational and process.
    ``data`` comes from :func:`strength_data`, one row per segment."""
    fig, ax = plt.subplots(figsize=(7.5, 3.9))
    tasks = list(dict.fromkeys(zip(data["task_order"], data["task"], strict=True)))
    left = pd.Series(0.0, index=range(len(tasks)))
    marks = {}
    for strength in STRENGTHS:
        part = data[data["strength"] == strength]
        values = pd.Series(part["share"].astype(float).to_numpy() * 100, index=left.index)
        bars = ax.barh(range(len(tasks)), values, left=left, color=STRENGTH_COLOURS[strength],
                       label=strength, height=0.65)
        text = [f"{v:.0f}%" if v >= 7 else "" for v in values]
        ax.bar_label(bars, labels=text, label_type="center", fontsize=8,
                     color="white" if strength == "binding" else INK)
        marks.update(zip(part.index, bars, strict=True))
        left = left + values
    ax.set_yticks(range(len(tasks)), [_label(o, t) for o, t in tasks], fontsize=9)
    for tick, (order, _) in zip(ax.get_yticklabels(), tasks, strict=True):
        if order == highlight:
            tick.set_color(PALETTE["vermillion"])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of the task's commitments (%)")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False,
              fontsize=8)
    ax.set_title(title, pad=24)
    source_note(ax, note)
    tag_marks([marks[i] for i in data.index])
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
