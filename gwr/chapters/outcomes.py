"""What became of the 2020 plan: the scorecard of its checkable promises, the full report's
headline targets, the timeline of dated projects and the share of target reached.

The statuses and their sources are decisions recorded outside this module (outcomes.csv and
headline_targets.csv, with the rules in their schemas); this module only counts, orders and
draws them. Each figure is drawn from one tidy frame (``*_data``: one row per mark) and each
table's tidy form comes from a function here too, so that what the chapter shows and the CSV
beside it are the same rows.
"""

from __future__ import annotations

import re
import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from gwr.charts import source_note, tag_marks
from gwr.data.tables import allowed_values
from gwr.display import QUALIFIER_WORDS, format_value
from gwr.style import INK, MUTED, PALETTE

STATUSES = allowed_values("outcomes", "status")
CONFIDENCES = allowed_values("outcomes", "confidence")
STRENGTHS = allowed_values("commitments", "strength")
STATUS_LABELS = {"met": "Met", "met_late": "Met late", "partly_met": "Partly met",
                 "missed": "Missed", "no_public_evidence": "No public evidence"}
STATUS_COLOURS = {"met": PALETTE["bluish_green"], "met_late": PALETTE["orange"],
                  "partly_met": PALETTE["sky_blue"], "missed": PALETTE["vermillion"],
                  "no_public_evidence": "#BBBBBB"}
# Statuses that rest on a source: everything but no_public_evidence.
EVIDENCED = tuple(s for s in STATUSES if s != "no_public_evidence")
# A state that a source gives only as current counts for a deadline if the source appeared
# within this many days after it: the rule of gwr.data.outcomes, repeated here for the prose
# (a chapter imports no loader); tests/test_outcomes_chapter.py checks that the two agree.
STATE_WINDOW_DAYS = 31
UNKNOWN = "no_public_evidence"
SHARE_PANELS = {"plan": "The plan's targets, as the article states them",
                "headline": "The full report's headline targets (not in the article)"}
YEAR_END = pd.Timestamp(2020, 12, 31)
# Pinyin that some mirrors insert after a character, e.g. 增長(zhǎng).
PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ]+\)")
# A ceiling stated as "about" (控制在3.5%左右, "held to about 3.5%"): the report's words that the
# edition reads as "at most".
ABOUT_CEILING = re.compile(r"控制在[0-9.]+%?左右")


def status_label(status: str) -> str:
    """A status as readers see it.

    Examples:
        >>> status_label("met_late"), status_label("no_public_evidence")
        ('Met late', 'No public evidence')
    """
    return STATUS_LABELS[status]


def strip_pinyin(text: str) -> str:
    """A quotation read at a mirror without the pinyin that the mirror inserted.

    Examples:
        >>> strip_pinyin("地區(qū)生產(chǎn)總值增長(zhǎng)7%左右")
        '地區生產總值增長7%左右'
    """
    return PINYIN.sub("", text)


def task_names(sections: pd.DataFrame) -> dict[int, str]:
    """Short English names of the nine tasks by their number in ¶6."""
    tasks = sections[sections["kind"] == "plan_task"].sort_values("order")
    return {int(o): str(s) for o, s in zip(tasks["order"], tasks["short_en"], strict=True)}


def promise_table(outcomes: pd.DataFrame, commitments: pd.DataFrame,
                  names: dict[int, str]) -> pd.DataFrame:
    """Every promise with its status, the strength of its commitment (commitments.csv) and
    its task's name; empty text cells of the processed table become missing values.

    Examples:
        >>> from gwr.data.tables import load_table as t
        >>> table = promise_table(t("outcomes"), t("commitments"), task_names(t("sections")))
        >>> table.set_index("promise_id").loc["plan-city.east-ring", ["strength", "task"]].tolist()
        ['aspirational', 'City standing']
    """
    strength = commitments.set_index("commitment_id")["strength"]
    frame = outcomes.copy()
    for column in frame.columns:
        if pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].replace("", pd.NA)
    frame["strength"] = frame["commitment_id"].map(strength)
    if frame["strength"].isna().any():
        raise ValueError("a promise's commitment_id is not in commitments.csv")
    frame["task"] = frame["task_order"].map(names)
    frame["outcome_day"] = frame["outcome_date"].map(outcome_day)
    return frame


def outcome_day(date: object) -> pd.Timestamp:
    """The day a chart puts an outcome dated to a day, a month (its 15th) or a year (its last
    day); missing for no date.

    Examples:
        >>> [str(outcome_day(d).date()) for d in ("2020-12-12", "2020-06", "2020")]
        ['2020-12-12', '2020-06-15', '2020-12-31']
        >>> outcome_day(pd.NA) is pd.NaT
        True
    """
    if date is None or pd.isna(date):
        return pd.NaT
    text = str(date)
    if len(text) == 4:
        return pd.Timestamp(int(text), 12, 31)
    if len(text) == 7:
        return pd.Timestamp(f"{text}-15")
    return pd.Timestamp(text)


def precision(date: object) -> str | None:
    """How precisely a source dates an outcome: day, month or year.

    Examples:
        >>> precision("2020-06"), precision("2020-06-30"), precision(None)
        ('month', 'day', None)
    """
    if date is None or pd.isna(date):
        return None
    return {4: "year", 7: "month", 10: "day"}[len(str(date))]


# Counts ---------------------------------------------------------------------------------------


def status_counts(promises: pd.DataFrame) -> pd.DataFrame:
    """tbl-outcomes-status in tidy form: per status (schema order), the promises, their share
    of all, and how many rest on an official, a press or a reposted source.

    Examples:
        >>> df = pd.DataFrame({"status": ["met", "met", "no_public_evidence"],
        ...                    "confidence": ["press", "repost", pd.NA]})
        >>> status_counts(df)[["status", "promises", "press", "repost"]].values.tolist()[:2]
        [['met', 2, 1, 1], ['met_late', 0, 0, 0]]
    """
    counts = promises.groupby("status").size().reindex(list(STATUSES), fill_value=0)
    by_confidence = pd.crosstab(promises["status"], promises["confidence"])
    by_confidence = by_confidence.reindex(index=list(STATUSES), columns=list(CONFIDENCES),
                                          fill_value=0)
    frame = pd.DataFrame({"status": list(STATUSES), "promises": counts.to_numpy().astype(int),
                          "share": counts.to_numpy() / counts.sum()})
    for confidence in CONFIDENCES:
        frame[confidence] = by_confidence[confidence].to_numpy().astype(int)
    return frame


def scorecard_data(promises: pd.DataFrame) -> pd.DataFrame:
    """fig-outcomes-scorecard, one row per bar segment: each task's promises in each status
    (task by task, statuses in schema order, segments with none left out), with the share of
    the task's promises.

    Examples:
        >>> df = pd.DataFrame({"task_order": [8, 8, 9], "task": ["City", "City", "Welfare"],
        ...                    "status": ["met", "no_public_evidence", "met"]})
        >>> scorecard_data(df)[["task", "status", "promises"]].values.tolist()
        [['City', 'met', 1], ['City', 'no_public_evidence', 1], ['Welfare', 'met', 1]]
    """
    counts = pd.crosstab(promises["task_order"], promises["status"])
    counts = counts.reindex(columns=list(STATUSES), fill_value=0)
    names = promises.drop_duplicates("task_order").set_index("task_order")["task"]
    rows = [{"task_order": int(order), "task": names[order], "status": status,
             "promises": int(counts.loc[order, status]),
             "share": float(counts.loc[order, status] / counts.loc[order].sum())}
            for order in sorted(counts.index) for status in STATUSES
            if counts.loc[order, status] > 0]
    return pd.DataFrame(rows)


def scorecard_chart(data: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Stacked bars, one per task: its promises by status, labelled with their number.
    ``data`` comes from :func:`scorecard_data`; its rows are the segments, in order."""
    tasks = list(dict.fromkeys(zip(data["task_order"], data["task"], strict=True)))
    row_of = {order: i for i, (order, _) in enumerate(tasks)}
    fig, ax = plt.subplots(figsize=(7.5, 3.9))
    left = {order: 0 for order, _ in tasks}
    marks = []
    for row in data.itertuples():
        bar = ax.barh(row_of[row.task_order], row.promises, left=left[row.task_order],
                      color=STATUS_COLOURS[row.status], height=0.62, edgecolor="white",
                      linewidth=0.8)
        ax.bar_label(bar, labels=[str(row.promises)], label_type="center", fontsize=8,
                     color="white" if row.status in ("missed", "met") else INK)
        marks.append(bar.patches[0])
        left[row.task_order] += row.promises
    ax.set_yticks(range(len(tasks)), [f"{o}. {t}" for o, t in tasks], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("Checkable promises (targets and dated commitments)")
    ax.set_xlim(0, max(left.values()) + 0.5)
    present = [s for s in STATUSES if s in set(data["status"])]
    ax.legend(handles=[Patch(color=STATUS_COLOURS[s], label=status_label(s)) for s in present],
              loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(present), frameon=False,
              fontsize=8, handlelength=1.2, columnspacing=1.0)
    ax.set_title(title, pad=24)
    source_note(ax, note)
    tag_marks(marks)
    return fig


def strength_bounds(promises: pd.DataFrame) -> pd.DataFrame:
    """tbl-outcomes-strength in tidy form: per strength of the promise's wording (schema
    order), its promises in each status, and the bounds of the share met by the deadline that
    the unknowns allow: ``met_low`` if every unknown failed, ``met_high`` if every one was met.

    Examples:
        >>> df = pd.DataFrame({"strength": ["binding", "binding", "process"],
        ...                    "status": ["met", "no_public_evidence", "missed"]})
        >>> strength_bounds(df)[["strength", "promises", "met_low", "met_high"]].values.tolist()
        [['binding', 2, 0.5, 1.0], ['aspirational', 0, nan, nan], ['process', 1, 0.0, 0.0]]
    """
    counts = pd.crosstab(promises["strength"], promises["status"])
    counts = counts.reindex(index=list(STRENGTHS), columns=list(STATUSES), fill_value=0)
    frame = counts.rename_axis(index="strength", columns=None).reset_index()
    frame.insert(1, "promises", counts.sum(axis=1).to_numpy().astype(int))
    frame["with_evidence"] = frame[list(EVIDENCED)].sum(axis=1)
    total = frame["promises"].where(frame["promises"] > 0)
    frame["met_low"] = frame["met"] / total
    frame["met_high"] = (frame["met"] + frame[UNKNOWN]) / total
    return frame


def evidence_table(promises: pd.DataFrame) -> pd.DataFrame:
    """tbl-outcomes-evidence in tidy form: every promise with a status other than
    no_public_evidence, in text order, with its ids, status, outcome and sources."""
    rows = promises[promises["status"] != UNKNOWN]
    return rows[["promise_id", "commitment_id", "indicator_id", "paragraph", "label_en",
                 "strength", "deadline", "status", "outcome_value", "outcome_qualifier",
                 "outcome_unit", "outcome_date", "source_key", "source_url",
                 "source_published", "other_source_keys", "confidence", "evidence_zh", "note"]
                ].reset_index(drop=True)


def unknown_table(promises: pd.DataFrame) -> pd.DataFrame:
    """tbl-outcomes-unknown in tidy form: every promise without public evidence, in text
    order, with the number of queries tried and the queries themselves."""
    rows = promises[promises["status"] == UNKNOWN]
    queries = rows["searched"].fillna("").map(lambda s: len([q for q in s.split(" | ") if q]))
    frame = rows[["promise_id", "commitment_id", "indicator_id", "paragraph", "task_order",
                  "label_en", "strength", "deadline"]].copy()
    frame["queries"] = queries.astype(int)
    frame["searched"] = rows["searched"]
    frame["note"] = rows["note"]  # partial or late figures seen, and why they do not count
    return frame.reset_index(drop=True)


def outcome_text(value: float, unit: str | None, qualifier: str | None = None) -> str:
    """An outcome figure for a table: qualifier, value and unit's first words.

    Examples:
        >>> outcome_text(85.0, "per cent of rural households", "more_than")
        'more than 85%'
        >>> outcome_text(3944.0, "5G base stations installed and put into use in the first half")
        '3,944'
    """
    amount = f"{format_value(value)}%" if str(unit or "").startswith("per cent") \
        else format_value(value)
    if qualifier and not pd.isna(qualifier) and qualifier != "exact":
        return f"{QUALIFIER_WORDS[qualifier]} {amount}"
    return amount


def date_text(date: object) -> str:
    """An outcome's date as a table shows it, with the source's precision.

    Examples:
        >>> date_text("2020-12-12"), date_text("2020-06"), date_text("2020")
        ('12 Dec 2020', 'June 2020', '2020')
    """
    text = str(date)
    stamp = pd.Timestamp(text if len(text) > 4 else f"{text}-01-01")
    return {4: f"{stamp:%Y}", 7: f"{stamp:%B %Y}"}.get(len(text), f"{stamp:%-d %b %Y}")


def outcome_summary(row) -> str:
    """What a source shows, in a few words: the figure and the date, or for ``missed`` the
    day on which it was still not done.

    Examples:
        >>> import collections
        >>> Row = collections.namedtuple("Row", "status outcome_value outcome_qualifier "
        ...                              "outcome_unit outcome_date")
        >>> outcome_summary(Row("missed", pd.NA, pd.NA, pd.NA, "2020-11-25"))
        'not done on 25 Nov 2020'
        >>> outcome_summary(Row("met", 85.0, "more_than", "per cent of households", "2021-01-09"))
        'more than 85% on 9 Jan 2021'
        >>> outcome_summary(Row("met", pd.NA, pd.NA, pd.NA, "2020-06"))
        'in June 2020'
    """
    date = date_text(row.outcome_date)
    when = f"in {date}" if len(str(row.outcome_date)) < 10 else f"on {date}"
    if row.status == "missed":
        return f"not done {when}"
    if pd.isna(row.outcome_value):
        return when
    qualifier = None if pd.isna(row.outcome_qualifier) else row.outcome_qualifier
    return f"{outcome_text(row.outcome_value, row.outcome_unit, qualifier)} {when}"


# The headline targets ---------------------------------------------------------------------------


def headline_table(headline: pd.DataFrame) -> pd.DataFrame:
    """tbl-outcomes-headline in tidy form: the full report's headline targets in its order,
    with outcome, status and the keys of their sources."""
    frame = headline.copy()
    for column in frame.columns:
        if pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].replace("", pd.NA)
    return frame[["headline_id", "indicator_en", "indicator_zh", "target_value", "qualifier",
                  "unit_en", "outcome_value", "status", "target_source_key",
                  "outcome_source_key", "target_zh", "outcome_zh", "context_zh", "searched",
                  "note"]].reset_index(drop=True)


def target_text(value: float, unit: str, qualifier: str) -> str:
    """A headline target as the table shows it.

    Examples:
        >>> target_text(7.0, "per cent", "about"), target_text(83000.0, "jobs", "exact")
        ('about 7%', '83,000 jobs')
        >>> target_text(4.2, "per cent", "at_most")
        'at most 4.2%'
    """
    amount = f"{format_value(value)}%" if unit == "per cent" else f"{format_value(value)} {unit}"
    return amount if qualifier == "exact" else f"{QUALIFIER_WORDS[qualifier]} {amount}"


def target_reading(value: float, unit: str, qualifier: str, words: str) -> str:
    """A headline target as the table shows it, with the report's own words first where the
    edition reads a ceiling into "about": 控制在…左右 ("held to about …"), read as at most.

    Examples:
        >>> target_reading(3.5, "per cent", "at_most", "居民消費(fèi)價(jià)格漲幅控制在3.5%左右")
        '「控制在3.5%左右」 (held to about 3.5%), read here as at most 3.5%'
        >>> target_reading(4.2, "per cent", "at_most", "城鎮登記失業率控制在4.2%以內")
        'at most 4.2%'
    """
    shown = target_text(value, unit, qualifier)
    about = ABOUT_CEILING.search(strip_pinyin(words))
    if qualifier != "at_most" or about is None:
        return shown
    about_amount = target_text(value, unit, "exact")
    return f"「{about.group(0)}」 (held to about {about_amount}), read here as {shown}"


# Deadline against completion ----------------------------------------------------------------------


def timeline_data(promises: pd.DataFrame) -> pd.DataFrame:
    """fig-outcomes-timeline, one row per mark: every dated promise that states no figure (the
    projects and one-off acts), by deadline and then text order, with the day the chart puts
    its outcome at (:func:`outcome_day`), the source's precision and the days from the
    deadline to it (for ``missed``, the day a source still found it not done).

    Examples:
        >>> df = pd.DataFrame({"promise_id": ["a", "b", "c"], "commitment_id": ["a", "b", "c"],
        ...     "indicator_id": [pd.NA, pd.NA, "c"], "paragraph": [81, 77, 85],
        ...     "start": [2, 1, 3], "label_en": ["Metro", "Rail", "5G"],
        ...     "deadline": pd.to_datetime(["2020-12-31", "2020-12-31", "2020-06-30"]),
        ...     "status": ["met", "met", "met"], "outcome_date": ["2020-12-26", "2020-12-12",
        ...     "2020-06-30"]})
        >>> data = timeline_data(df.assign(outcome_day=df["outcome_date"].map(outcome_day)))
        >>> data[["label_en", "days_from_deadline"]].values.tolist()
        [['Rail', -19], ['Metro', -5]]
    """
    rows = promises[promises["deadline"].notna() & promises["indicator_id"].isna()]
    rows = rows.sort_values(["deadline", "paragraph", "promise_id"], kind="stable")
    frame = rows[["promise_id", "commitment_id", "paragraph", "label_en", "deadline", "status",
                  "outcome_date"]].copy()
    frame["outcome_precision"] = frame["outcome_date"].map(precision)
    frame["outcome_day"] = rows["outcome_day"]
    frame["days_from_deadline"] = (frame["outcome_day"] - frame["deadline"]).dt.days.astype(
        "Int64")
    return frame.reset_index(drop=True)


def timeline_chart(data: pd.DataFrame, *, start: pd.Timestamp, title: str,
                   note: str) -> Figure:
    """One row per dated project: its deadline (an open diamond) and, where a source dates
    one, its outcome (a dot in the colour of its status; for ``missed``, a cross on the day a
    source still found it not done), joined by a line. ``data`` comes from
    :func:`timeline_data`; each row's diamond and dot form its one mark."""
    height = 1.4 + 0.27 * len(data)
    fig, ax = plt.subplots(figsize=(8.2, height))
    diamond = _marker_path("D")
    marks = []
    for y, row in enumerate(data.itertuples()):
        xs, paths, faces, edges, sizes = [], [], [], [], []
        if not pd.isna(row.outcome_day):
            ax.plot([row.deadline, row.outcome_day], [y, y], color=MUTED, linewidth=1,
                    zorder=1)
            xs.append(mdates.date2num(row.outcome_day))
            paths.append(_marker_path("X" if row.status == "missed" else "o"))
            faces.append(STATUS_COLOURS[row.status])
            edges.append(STATUS_COLOURS[row.status])
            sizes.append(60)
        # The deadline last and hollow, so that an outcome on the day itself shows through.
        xs.append(mdates.date2num(row.deadline))
        paths.append(diamond)
        faces.append("none")
        edges.append(INK)
        sizes.append(40)
        points = ax.scatter(xs, [y] * len(xs), s=sizes, zorder=3)
        points.set_paths(paths)
        points.set_facecolors(faces)
        points.set_edgecolors(edges)
        points.set_linewidths(1.0)
        marks.append(points)
    ax.axvline(start, color=MUTED, linestyle="--", linewidth=1)
    ax.annotate(f"report delivered {start:%-d %b %Y}", (start, -0.9), xytext=(3, 0),
                textcoords="offset points", ha="left", va="center", fontsize=8, color=MUTED)
    ax.axvline(YEAR_END, color=MUTED, linestyle=":", linewidth=1)
    labels = [f"{t} (¶{p})" for t, p in zip(data["label_en"], data["paragraph"], strict=True)]
    ax.set_yticks(range(len(data)), labels, fontsize=8.5)
    for tick, status in zip(ax.get_yticklabels(), data["status"], strict=True):
        if status == UNKNOWN:
            tick.set_color(MUTED)
    ax.set_ylim(len(data) - 0.4, -1.5)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 4, 7, 10]))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlim(pd.Timestamp("2020-04-01"), pd.Timestamp("2021-06-30"))
    ax.grid(axis="y", color="#eeeeee")
    ax.set_xlabel("Deadline (open diamond) and the outcome a source shows (dot or cross), 2020–21")
    present = [s for s in STATUSES if s in set(data["status"]) and s != UNKNOWN]
    handles = [Line2D([], [], marker="D", linestyle="", markerfacecolor="white",
                      markeredgecolor=INK, markersize=6, label="Deadline")]
    handles += [Line2D([], [], marker="X" if s == "missed" else "o", linestyle="",
                       color=STATUS_COLOURS[s], markersize=7,
                       label=status_label(s) + (" (not done on that day)" if s == "missed"
                                                else "")) for s in present]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3,
              frameon=False, fontsize=8)
    ax.set_title(title, pad=36)
    source_note(ax, note)
    tag_marks(marks)
    return fig


def _marker_path(marker: str):
    """The path matplotlib's scatter draws for ``marker`` (in points, before scaling)."""
    from matplotlib.markers import MarkerStyle

    style = MarkerStyle(marker)
    return style.get_path().transformed(style.get_transform())


# Share of target reached ------------------------------------------------------------------------


def share_data(promises: pd.DataFrame, headline: pd.DataFrame) -> pd.DataFrame:
    """fig-outcomes-share, one row per bar: every target with a figure for its outcome, the
    plan's (panel ``plan``, from the article) and then the full report's headline targets
    (panel ``headline``, from outside reports), with the outcome as a share of the target.

    Examples:
        >>> plan = pd.DataFrame({"promise_id": ["a"], "indicator_id": ["a"], "paragraph": [85],
        ...     "label_en": ["5G"],
        ...     "target_value": [2900.0], "qualifier": ["at_least"], "unit_en": ["stations"],
        ...     "outcome_value": [3944.0], "outcome_qualifier": [pd.NA], "status": ["met"]})
        >>> report = pd.DataFrame({"headline_id": ["gdp"], "indicator_en": ["GDP growth"],
        ...     "target_value": [7.0], "qualifier": ["about"], "unit_en": ["per cent"],
        ...     "outcome_value": [2.6], "status": ["missed"]})
        >>> share_data(plan, report)[["panel", "id", "share"]].round(2).values.tolist()
        [['plan', 'a', 1.36], ['headline', 'gdp', 0.37]]
    """
    plan = promises[promises["target_value"].notna() & promises["outcome_value"].notna()]
    plan_rows = pd.DataFrame({
        "panel": "plan", "id": plan["promise_id"], "indicator_id": plan["indicator_id"],
        "paragraph": plan["paragraph"].astype("Int64"),
        "label_en": plan["label_en"], "target_value": plan["target_value"],
        "qualifier": plan["qualifier"], "unit_en": plan["unit_en"],
        "outcome_value": plan["outcome_value"], "outcome_qualifier": plan["outcome_qualifier"],
        "status": plan["status"]})
    report = headline[headline["outcome_value"].notna()]
    report_rows = pd.DataFrame({
        "panel": "headline", "id": report["headline_id"],
        "indicator_id": pd.array([pd.NA] * len(report), dtype="string"),
        "paragraph": pd.array([pd.NA] * len(report), dtype="Int64"),
        "label_en": report["indicator_en"], "target_value": report["target_value"],
        "qualifier": report["qualifier"], "unit_en": report["unit_en"],
        "outcome_value": report["outcome_value"],
        "outcome_qualifier": pd.array([pd.NA] * len(report), dtype="string"),
        "status": report["status"]})
    frame = pd.concat([plan_rows, report_rows], ignore_index=True)
    frame["share"] = frame["outcome_value"] / frame["target_value"]
    return frame


def share_chart(data: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Horizontal bars: each target's outcome as a per cent of the target, the plan's above the
    full report's (each group under its own heading), with a line at 100%. ``data`` comes from
    :func:`share_data`, one row per bar."""
    fig, ax = plt.subplots(figsize=(7.5, 2.2 + 0.45 * len(data)))
    positions, headings, y = [], [], 0.0
    for i, panel in enumerate(data["panel"]):
        if i == 0 or panel != data["panel"].iloc[i - 1]:
            y += 0.9 if i else 0.0
            headings.append((y - 0.75, SHARE_PANELS[panel]))
        positions.append(y)
        y += 1
    share = data["share"].astype(float) * 100
    bars = ax.barh(positions, share, height=0.62,
                   color=[STATUS_COLOURS[s] for s in data["status"]])
    ax.bar_label(bars, labels=[_share_label(row) for row in data.itertuples()], padding=3,
                 fontsize=8, color=INK)
    for heading_y, text in headings:
        ax.annotate(text, (0, heading_y), xytext=(2, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=8.5, color=MUTED,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.axvline(100, color=INK, linewidth=1)
    ax.set_yticks(positions, [textwrap.fill(t, 30) for t in data["label_en"]], fontsize=9)
    ax.set_ylim(positions[-1] + 0.6, -1.2)
    ax.set_xlim(0, max(share.max() * 1.7, 160))
    ax.set_xlabel("Outcome as a share of the target (%; the line marks the target)")
    present = [s for s in STATUSES if s in set(data["status"])]
    ax.legend(handles=[Patch(color=STATUS_COLOURS[s], label=status_label(s)) for s in present],
              loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(present), frameon=False,
              fontsize=8)
    ax.set_title(title, pad=22)
    source_note(ax, note)
    tag_marks(bars.patches)
    return fig


def _share_label(row) -> str:
    """The words beside a bar: the share, then outcome against target.

    Examples:
        >>> import collections
        >>> Row = collections.namedtuple("Row", "share outcome_value outcome_qualifier "
        ...                              "target_value qualifier unit_en")
        >>> _share_label(Row(1.0, 85.0, "more_than", 85.0, "at_least", "per cent"))
        'more than 100%: more than 85% against at least 85%'
        >>> _share_label(Row(2.6 / 7, 2.6, pd.NA, 7.0, "about", "per cent"))
        '37%: 2.6% against about 7%'
    """
    per_cent = str(row.unit_en).startswith("per cent")
    unit = "%" if per_cent else ""
    bound = None if pd.isna(row.outcome_qualifier) else row.outcome_qualifier
    outcome = f"{format_value(row.outcome_value)}{unit}"
    if bound not in (None, "exact"):
        outcome = f"{QUALIFIER_WORDS[bound]} {outcome}"
    target = f"{format_value(row.target_value)}{unit}"
    if row.qualifier != "exact":
        target = f"{QUALIFIER_WORDS[row.qualifier]} {target}"
    share = f"{row.share:.0%}"
    if bound in ("more_than", "at_least"):
        share = f"{QUALIFIER_WORDS[bound]} {share}"
    return f"{share}: {outcome} against {target}"
