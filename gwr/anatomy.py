"""Measure the article's structure: parts, sections, and how its headings relate to the report's."""

from __future__ import annotations

import pandas as pd

PART_ORDER = ["front", "review-2019", "plan-2020", "service-government"]
PART_LABELS = {
    "front": "Front matter",
    "review-2019": "Part 1: review of 2019",
    "plan-2020": "Part 2: plan for 2020",
    "service-government": "Part 3: service-oriented government",
}


def part_summary(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs, headings and characters per part, with each part's share of body text.

    Body text is every paragraph that is not a heading; shares are of the body text of all parts.

    Examples:
        >>> df = pd.DataFrame({"part": ["front", "plan-2020", "plan-2020"],
        ...                    "is_heading": [False, True, False], "chars": [10, 5, 30]})
        >>> summary = part_summary(df)
        >>> summary["headings"].to_dict(), summary["body_share"].to_dict()
        ({'front': 0, 'plan-2020': 1}, {'front': 0.25, 'plan-2020': 0.75})
    """
    frame = paragraphs.assign(body_chars=paragraphs["chars"].where(~paragraphs["is_heading"], 0))
    summary = frame.groupby("part", sort=False).agg(
        paragraphs=("chars", "size"), headings=("is_heading", "sum"), chars=("chars", "sum"),
        body_chars=("body_chars", "sum"),
    )
    summary["headings"] = summary["headings"].astype(int)
    summary["body_share"] = summary["body_chars"] / summary["body_chars"].sum()
    order = [p for p in PART_ORDER if p in summary.index]
    return summary.loc[order]


def heading_relation(heading_zh: str, official_name_zh: str) -> str:
    """How an article heading relates to the name the report gives the area or task.

    Returns ``"verbatim"`` (the same words), ``"abridged"`` (the name's opening clause or
    words), or ``"headline"`` (the journalist's own words, usually one item from the section).

    Examples:
        >>> heading_relation("改革开放打开新局面", "改革开放打开新局面")
        'verbatim'
        >>> heading_relation("坚决打好三大攻坚战", "坚决打好三大攻坚战，夯实全面建成小康社会基础")
        'abridged'
        >>> heading_relation("经济高质量发展", "经济高质量发展迈出新步伐")
        'abridged'
        >>> heading_relation("深化科技创新", "转型发展注入新动力")
        'headline'
    """
    if heading_zh == official_name_zh:
        return "verbatim"
    if official_name_zh.startswith(heading_zh):
        return "abridged"
    return "headline"


def heading_relations(sections: pd.DataFrame) -> pd.DataFrame:
    """The review areas and plan tasks with the relation of each heading to its official name."""
    areas = sections[sections["kind"].isin(["review_area", "plan_task"])].copy()
    areas["relation"] = [heading_relation(h, o) for h, o in
                         zip(areas["heading_zh"], areas["official_name_zh"], strict=True)]
    return areas
