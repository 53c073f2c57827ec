"""Read the 2019 review: its nine areas, their figures and its claims of distinction."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from gwr.charts import PART_COLOURS, bilingual, source_note
from gwr.data.tables import allowed_values
from gwr.display import format_value
from gwr.style import INK, MUTED, PALETTE

# The types of claim of distinction, in the order review_claims.csv's schema lists them.
CLAIM_TYPES = allowed_values("review_claims", "type")

# Figures that measure the city in the review; report_structure rows count the report's parts.
REVIEW_KINDS = ("achievement", "baseline")


def review_figures(indicators: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """The figures of the nine areas (achievements and baselines), in area order then text order.

    Adds ``order`` and ``short_en`` of the area; rows that repeat another figure are left out.

    Examples:
        >>> from gwr.data.tables import load_table
        >>> figures = review_figures(load_table("indicators"), load_table("sections"))
        >>> len(figures), figures["order"].is_monotonic_increasing
        (31, True)
    """
    areas = sections.loc[sections["kind"] == "review_area", ["section_id", "order", "short_en"]]
    rows = indicators[indicators["kind"].isin(REVIEW_KINDS)
                      & (indicators["repeat_of"].fillna("") == "")]
    figures = rows.merge(areas, on="section_id", how="inner", validate="many_to_one")
    return figures.sort_values(["order", "start"], kind="stable").reset_index(drop=True)


def area_profile(sections: pd.DataFrame, figures: pd.DataFrame,
                 claims: pd.DataFrame) -> pd.DataFrame:
    """One row per review area: its paragraphs, body text, figures and claims of distinction.

    Examples:
        >>> sections = pd.DataFrame({"section_id": ["a", "b"], "kind": ["review_area"] * 2,
        ...     "order": [1, 2], "body_chars": [100, 50]})
        >>> figures = pd.DataFrame({"section_id": ["a", "a"]})
        >>> claims = pd.DataFrame({"section_id": ["b"]})
        >>> area_profile(sections, figures, claims)[["figures", "claims", "per_1000"]]
           figures  claims  per_1000
        a        2       0      20.0
        b        0       1      20.0
    """
    areas = sections[sections["kind"] == "review_area"].sort_values("order").set_index(
        "section_id")
    profile = areas.copy()
    profile["figures"] = figures.groupby("section_id").size().reindex(areas.index, fill_value=0)
    profile["claims"] = claims.groupby("section_id").size().reindex(areas.index, fill_value=0)
    profile["per_1000"] = ((profile["figures"] + profile["claims"])
                           / profile["body_chars"] * 1000).astype(float)
    profile.index.name = None
    return profile


def spread_chart(profile: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Three panels per area, in the report's order: body text, figures, claims of distinction."""
    labels = [bilingual(zh, en) for zh, en in zip(profile["heading_zh"], profile["short_en"],
                                                  strict=True)]
    fig, axes = plt.subplots(1, 3, figsize=(8.6, 4.4), sharey=True,
                             gridspec_kw={"width_ratios": [1.4, 1, 1], "wspace": 0.12})
    panels = [("body_chars", "Body text\n(characters)", PART_COLOURS["review-2019"]),
              ("figures", "Figures stated\n(count)", PALETTE["sky_blue"]),
              ("claims", "Claims of distinction\n(count)", PALETTE["orange"])]
    positions = range(len(profile))
    for ax, (column, label, colour) in zip(axes, panels, strict=True):
        values = profile[column].astype(int)
        bars = ax.barh(positions, values, color=colour)
        ax.bar_label(bars, padding=2, fontsize=8, color=INK)
        ax.set_xlim(0, values.max() * 1.25)
        ax.set_xlabel(label, fontsize=9)
        ax.tick_params(axis="x", labelsize=8)
    axes[0].set_yticks(list(positions), labels, fontsize=8)
    axes[0].invert_yaxis()
    for ax in axes[1:]:
        ax.tick_params(axis="y", length=0)
    fig.suptitle(title, x=0.0, ha="left", fontsize=12)
    source_note(axes[0], note)
    return fig


def before_after_chart(before: pd.Series, after: pd.Series, *, title: str, ylabel: str,
                       labels: tuple[str, str], note: str) -> Figure:
    """Two bars, an earlier value and the value reached, each labelled with its figure."""
    fig, ax = plt.subplots(figsize=(5.2, 3.6))
    values = [float(before["value"]), float(after["value"])]
    bars = ax.bar(list(labels), values, width=0.55,
                  color=[MUTED, PART_COLOURS["review-2019"]])
    ax.bar_label(bars, labels=[f"{format_value(v)}%" for v in values], padding=3, color=INK)
    ax.set_ylim(0, max(values) * 1.2)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    source_note(ax, note)
    return fig


def figure_bars_chart(rows: pd.DataFrame, *, title: str, xlabel: str, note: str,
                      suffix: str = "", colour: str | None = None,
                      figsize: tuple[float, float] = (7.5, 2.4)) -> Figure:
    """Horizontal bars of figures sharing one unit, labelled with the subject in both languages.

    ``rows`` needs ``subject_zh``, a short English label ``label_en`` and ``value``.
    """
    fig, ax = plt.subplots(figsize=figsize)
    labels = [bilingual(zh, en) for zh, en in zip(rows["subject_zh"], rows["label_en"],
                                                  strict=True)]
    values = rows["value"].astype(float).tolist()
    bars = ax.barh(range(len(rows)), values, color=colour or PART_COLOURS["review-2019"],
                   height=0.6)
    ax.bar_label(bars, labels=[f"{format_value(v)}{suffix}" for v in values], padding=3,
                 color=INK, fontsize=9)
    ax.set_yticks(range(len(rows)), labels, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, max(values) * 1.18)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    source_note(ax, note)
    return fig


def green_space_chart(rows: pd.DataFrame, *, title: str, note: str) -> Figure:
    """The three green-space indicators of ¶22: two rates in one panel, the area per person in
    another, since they do not share a unit."""
    rates = rows[rows["unit_zh"] == "%"]
    area = rows[rows["unit_zh"] == "平方米"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(8.2, 2.9),
                                      gridspec_kw={"width_ratios": [2, 1], "wspace": 0.9})
    for ax, part, suffix, xlabel, colour in [
        (left, rates, "%", "Per cent of the built-up area", PALETTE["bluish_green"]),
        (right, area, " m²", "Square metres per resident", PALETTE["blue"]),
    ]:
        labels = [bilingual(zh, en).replace(" (", "\n(") for zh, en in
                  zip(part["subject_zh"], part["label_en"], strict=True)]
        values = part["value"].astype(float).tolist()
        bars = ax.barh(range(len(part)), values, color=colour, height=0.55)
        ax.bar_label(bars, labels=[f"{format_value(v)}{suffix}" for v in values], padding=3,
                     color=INK, fontsize=9)
        ax.set_yticks(range(len(part)), labels, fontsize=9)
        ax.set_xlim(0, 100 if suffix == "%" else max(values) * 1.35)
        # The same scale on both panels, so the single bar is as thick as the others.
        pad = (len(rates) - len(part)) / 2
        ax.set_ylim(len(part) - 0.5 + pad, -0.5 - pad)
        ax.set_xlabel(xlabel)
    left.set_title(title, loc="left")
    source_note(left, note)
    return fig


def paragraph_coverage(paragraphs: pd.DataFrame, figures: pd.DataFrame,
                       claims: pd.DataFrame) -> pd.DataFrame:
    """Each body paragraph of the review with its number of figures and claims of distinction.

    ``paragraphs`` is paragraphs.csv; only non-heading paragraphs of the review part are kept.

    Examples:
        >>> paragraphs = pd.DataFrame({"paragraph": [11, 12, 13], "part": ["review-2019"] * 3,
        ...     "is_heading": [True, False, False], "section_id": ["a"] * 3})
        >>> cover = paragraph_coverage(paragraphs, pd.DataFrame({"paragraph": [13, 13]}),
        ...                            pd.DataFrame({"paragraph": [12]}))
        >>> cover[["paragraph", "figures", "claims"]].values.tolist()
        [[12, 0, 1], [13, 2, 0]]
    """
    body = paragraphs[(paragraphs["part"] == "review-2019") & ~paragraphs["is_heading"]
                      & (paragraphs["paragraph"] > 10)]
    body = body[["paragraph", "section_id"]].reset_index(drop=True)
    numbers = body["paragraph"].astype(int)
    body["figures"] = numbers.map(figures["paragraph"].astype(int).value_counts()).fillna(0)
    body["claims"] = numbers.map(claims["paragraph"].astype(int).value_counts()).fillna(0)
    return body.astype({"figures": int, "claims": int})
