"""Read the government's reforms (¶40-¶41, ¶107-¶110) and classify what an outsider could check."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from gwr.charts import PART_COLOURS, PART_ORDER, STRENGTH_COLOURS, bilingual, source_note
from gwr.style import INK, MUTED, PALETTE

# The checkability rule, applied to what the article says and nothing else:
#   measurable  the clause states a figure or a deadline (from commitments.csv / indicators.csv),
#               so an outsider could check how much and by when;
#   observable  no figure and no deadline, but the clause names one specific thing that either
#               exists or happens or does not (a platform, a campaign, a rank), so an outsider
#               could check whether, not how much or by when;
#   direction   neither: the clause names an effort, a direction or an attitude.
CHECKABILITY = ("measurable", "observable", "direction")
CHECKABILITY_LABELS = {
    "measurable": "Measurable (figure or deadline)",
    "observable": "Observable (whether, not how much or when)",
    "direction": "Direction only",
}


@dataclass(frozen=True)
class Reform:
    """One reform the article names, with the clause that states it and the one judgment made.

    ``observable`` is the only decision taken by hand: whether the clause names one specific
    thing that either exists or happens or does not; ``why`` gives the reason.
    """

    reform_id: str
    name_zh: str
    name_en: str
    paragraph: int
    quote: str
    gloss_en: str
    kind: str  # "2019 claim" or "2020 commitment"
    observable: bool
    why: str
    commitment_id: str = ""


REFORMS: tuple[Reform, ...] = (
    Reform("licensing-seal", "一枚印章管审批", "one seal for all approvals", 41,
           "积极推行相对集中行政许可权改革，“一枚印章管审批”全面推开",
           "actively pursued the reform concentrating licensing powers; 'one seal for all "
           "approvals' rolled out in full", "2019 claim", True,
           "a single-seal approval system either operates city-wide or does not"),
    Reform("target-3390", "3390", "the '3390' target", 41, "实现“3390”改革目标",
           "achieved the '3390' reform target", "2019 claim", False,
           "the article does not say what the target is, so there is nothing to check it against"),
    Reform("business-rank-2019", "营商环境", "business environment (2019)", 41,
           "营商环境便利度综合排名全省第一",
           "first in the province in the overall ranking of ease of doing business",
           "2019 claim", True,
           "a rank either was first or was not; the article does not name the ranking"),
    Reform("fangguanfuxiao", "放管服效", "streamline, regulate, serve, make effective", 108,
           "深化“放管服效”改革", "deepen the 'streamline, regulate, serve, make effective' "
           "reform", "2020 commitment", False, "'deepen' names a direction, not an end state",
           "service-government.fangguanfuxiao-reform"),
    Reform("hotline-12345", "12345", "the 12345 hotline", 108,
           "加快建立全市统一的“12345”政务服务热线平台",
           "speed up setting up one city-wide '12345' government-service hotline platform",
           "2020 commitment", True, "one unified city-wide platform either exists or does not",
           "service-government.hotline-12345"),
    Reform("supervision-13710", "13710", "the '13710' supervision method", 108,
           "用好“13710”督办手段", "make good use of the '13710' follow-up method",
           "2020 commitment", False,
           "'make good use of' has no end state, and the article does not define the method",
           "service-government.supervision-13710"),
    Reform("business-rank-2020", "营商环境", "business environment (2020)", 108,
           "推动营商环境持续走在全省前列、迈入全国第一方阵",
           "keep the business environment among the province's leaders and bring it into the "
           "national first tier", "2020 commitment", True,
           "a position in a ranking can be looked up; the article names neither the ranking "
           "nor what counts as the first tier", "service-government.business-environment"),
    Reform("rule-of-law-model", "法治政府", "rule-of-law government", 109,
           "开展法治政府建设示范创建活动",
           "carry out a campaign to become a model of rule-of-law government",
           "2020 commitment", True, "a named campaign is either held or not",
           "service-government.rule-of-law-model"),
    Reform("three-public-expenses", "三公", "the three public expenses", 109,
           "严控“三公”经费和一般性支出",
           "strictly control the 'three public' expenses and general spending",
           "2020 commitment", False, "no limit or cut is stated, so no amount can be checked",
           "service-government.three-public-expenses"),
    Reform("tight-budgets", "过紧日子", "living on a tight budget", 109,
           "以政府带头过“紧日子”让人民群众过上“好日子”",
           "the government leads in living on a tight budget so that the people can live well",
           "2020 commitment", False, "an attitude, with no measure",
           "service-government.tight-budgets"),
    Reform("punish-corruption", "廉洁政府", "clean government", 110,
           "严惩重点领域、关键环节及群众身边的腐败和作风问题",
           "severely punish corruption and misconduct in key fields, key links and close to "
           "the people", "2020 commitment", False, "no number of cases or standard is stated",
           "service-government.punish-corruption"),
)


def checkability(has_figure: bool, has_deadline: bool, observable: bool) -> str:
    """Classify a clause by the rule: measurable, observable or direction.

    Examples:
        >>> checkability(False, True, False), checkability(False, False, True)
        ('measurable', 'observable')
        >>> checkability(False, False, False)
        'direction'
    """
    if has_figure or has_deadline:
        return "measurable"
    return "observable" if observable else "direction"


def reform_table(paragraphs: pd.DataFrame, commitments: pd.DataFrame,
                 indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per reform: quote, verb and strength, figure, deadline and checkability.

    Figure and deadline come from the data: for a 2020 commitment from its row in
    commitments.csv, for a 2019 claim from any row of indicators.csv inside the quote.
    Raises ValueError if a quote is not in its paragraph or a commitment id is unknown.
    """
    texts = paragraphs.set_index("paragraph")["text"]
    starts = paragraphs.set_index("paragraph")["start"]
    by_id = commitments.set_index("commitment_id")
    rows = []
    for r in REFORMS:
        at = str(texts[r.paragraph]).find(r.quote)
        if at < 0:
            raise ValueError(f"reform {r.reform_id!r}: quote not found in ¶{r.paragraph}")
        start = int(starts[r.paragraph]) + at
        end = start + len(r.quote)
        if r.commitment_id:
            if r.commitment_id not in by_id.index:
                raise ValueError(f"reform {r.reform_id!r}: unknown commitment {r.commitment_id!r}")
            c = by_id.loc[r.commitment_id]
            if int(c["paragraph"]) != r.paragraph:
                raise ValueError(f"reform {r.reform_id!r}: commitment is in ¶{c['paragraph']}")
            verb, strength = str(c["verb_zh"]), str(c["strength"])
            figure, deadline = bool(c["quantified"]), bool(pd.notna(c["deadline"]))
        else:
            inside = indicators[(indicators["start"] >= start) & (indicators["end"] <= end)]
            verb, strength = "", "reported as done"
            figure = len(inside) > 0
            deadline = False
        rows.append({
            "reform_id": r.reform_id, "name_zh": r.name_zh, "name_en": r.name_en,
            "paragraph": r.paragraph, "start": start, "end": end, "quote": r.quote,
            "gloss_en": r.gloss_en, "kind": r.kind, "verb_zh": verb, "strength": strength,
            "figure": figure, "deadline": deadline, "observable": r.observable, "why": r.why,
            "checkability": checkability(figure, deadline, r.observable),
        })
    return pd.DataFrame(rows)


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
    frame = commitments.assign(
        figure=commitments["quantified"].astype(bool),
        dated=commitments["deadline"].notna(),
    )
    frame["either"] = frame["figure"] | frame["dated"]
    order = frame.groupby("section_id")["start"].min().sort_values().index
    out = frame.groupby("section_id").agg(
        commitments=("section_id", "size"), figure=("figure", "mean"),
        dated=("dated", "mean"), either=("either", "mean"))
    for s in ("binding", "aspirational", "process"):
        out[s] = frame.assign(hit=frame["strength"] == s).groupby("section_id")["hit"].mean()
    return out.loc[order]


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


def verbatim_clauses(source: str, targets: dict[int, str]) -> pd.DataFrame:
    """Split ``source`` into clauses (at ， and 。) and find each, word for word, in the target
    paragraphs; ``found_in`` lists the paragraph numbers (empty when none has it).

    Examples:
        >>> found = verbatim_clauses("甲乙，丙丁。", {108: "丙丁。", 109: "甲"})
        >>> found[["clause", "found_in"]].values.tolist()
        [['甲乙', []], ['丙丁', [108]]]
    """
    clauses = [c for c in re.split(r"[，。]", source) if c]
    rows = [{"clause": c, "found_in": sorted(p for p, t in targets.items() if c in t)}
            for c in clauses]
    return pd.DataFrame(rows)


# English glosses of the clauses of ¶7, the article's summary of part 3.
SUMMARY_GLOSSES: dict[str, str] = {
    "报告强调": "the report stresses",
    "要建设人民满意的服务型政府": "a service-oriented government that satisfies the people "
                                 "must be built",
    "全面加强政治建设": "strengthen political building across the board",
    "增强“四个意识”、坚定“四个自信”、做到“两个维护”": "strengthen the 'four consciousnesses', "
        "be firm in the 'four matters of confidence', achieve the 'two upholds'",
    "把党对一切工作的领导贯穿到政府工作各领域各方面各环节": "carry the Party's leadership over all "
        "work into every field, aspect and link of government work",
    "深化“放管服效”改革": "deepen the 'streamline, regulate, serve, make effective' reform",
    "推动营商环境持续走在全省前列、迈入全国第一方阵": "keep the business environment among the "
        "province's leaders and bring it into the national first tier",
    "提升政府治理效能": "raise the effectiveness of government governance",
    "确保权力在阳光下运行": "ensure that power operates in the sunlight",
    "全力打造廉洁政府": "build a clean government with every effort",
    "锤炼忠诚干净担当的政治品格": "temper a political character that is loyal, clean and "
                                 "responsible",
    "永葆为民务实清廉的政治本色": "forever keep the political nature of serving the people, "
                                 "being practical and clean",
}


# Charts.

def strength_by_section_chart(measures: pd.DataFrame, labels: list[str], *, title: str,
                              note: str) -> Figure:
    """100% stacked bars: the share of each section's commitments that is binding, aspirational
    or process, one bar per section in text order (``labels`` name the bars)."""
    fig, ax = plt.subplots(figsize=(7.5, 0.36 * len(measures) + 1.9))
    left = pd.Series(0.0, index=measures.index)
    for strength, colour in STRENGTH_COLOURS.items():
        share = measures[strength].astype(float) * 100
        ax.barh(range(len(measures)), share, left=left, color=colour, label=strength)
        left = left + share
    for y, (n, proc) in enumerate(zip(measures["commitments"], measures["process"], strict=True)):
        ax.text(101, y, f"{proc:.0%} (n={n})", va="center", fontsize=8, color=INK)
    ax.set_yticks(range(len(measures)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 115)
    ax.set_xticks(range(0, 101, 25))
    ax.set_xlabel("Share of the section's commitments (%), by strength of the governing verb")
    ax.legend(loc="lower center", bbox_to_anchor=(0.45, 1.0), ncol=3, frameon=False, fontsize=8)
    ax.set_title(title, pad=24)
    source_note(ax, note)
    return fig


def measurable_chart(measures: pd.DataFrame, labels: list[str], *, title: str,
                     note: str) -> Figure:
    """Bars of the share of each section's commitments that state a figure or a deadline,
    labelled 'k of n'; part 3 in its own colour."""
    fig, ax = plt.subplots(figsize=(7.5, 0.34 * len(measures) + 1.5))
    shares = measures["either"].astype(float) * 100
    colours = [PART_COLOURS["service-government"] if s == "service-government"
               else PART_COLOURS["plan-2020"] for s in measures.index]
    bars = ax.barh(range(len(measures)), shares, color=colours)
    counts = [f"{round(e * n)} of {n}" for e, n in zip(measures["either"],
                                                      measures["commitments"], strict=True)]
    ax.bar_label(bars, labels=counts, padding=3, fontsize=8, color=INK)
    ax.set_yticks(range(len(measures)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max(shares.max() * 1.25, 10))
    ax.set_xlabel("Commitments stating a figure or a deadline (% of the section's commitments)")
    ax.set_title(title)
    source_note(ax, note)
    return fig


def term_strip_chart(positions: pd.DataFrame, paragraphs: pd.DataFrame,
                     groups: dict[str, str], glosses: dict[str, str], *, title: str,
                     note: str) -> Figure:
    """Where each term occurs: one row per term, a dot per paragraph, over bands for the parts.

    ``groups`` maps each term to its group label (legend), in the order the rows are drawn.
    """
    terms = list(groups)
    group_names = list(dict.fromkeys(groups.values()))
    group_colours = dict(zip(group_names, [PALETTE["vermillion"], PALETTE["blue"],
                                           PALETTE["reddish_purple"]], strict=False))
    fig, ax = plt.subplots(figsize=(7.5, 0.34 * len(terms) + 1.9))
    spans = paragraphs.groupby("part")["paragraph"].agg(["min", "max"])
    for part in PART_ORDER:
        lo, hi = spans.loc[part, "min"], spans.loc[part, "max"]
        ax.axvspan(lo - 0.5, hi + 0.5, color=PART_COLOURS[part], alpha=0.12, lw=0)
    for y, term in enumerate(terms):
        xs = positions.loc[positions["term"] == term, "paragraph"]
        ax.scatter(xs, [y] * len(xs), s=36, color=group_colours[groups[term]], zorder=3,
                   label=groups[term])
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
    labels = ["\n".join(textwrap.wrap(bilingual(t, glosses[t]), 34)) for t in terms]
    ax.set_yticks(range(len(terms)), labels, fontsize=8)
    ax.set_ylim(len(terms) - 0.4, -1.1)
    ax.set_xlim(0.5, paragraphs["paragraph"].max() + 0.5)
    ax.set_xlabel("Paragraph of the article (¶1–¶110)")
    ax.set_title(title)
    source_note(ax, note)
    return fig
