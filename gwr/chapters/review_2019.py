"""Read the 2019 review: its nine areas, their figures and its claims of distinction."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from gwr.charts import PART_COLOURS, bilingual, source_note, tag_marks
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


def areas_data(profile: pd.DataFrame) -> pd.DataFrame:
    """tbl-review-areas in tidy form: one row per area of area_profile, in the report's order.

    Examples:
        >>> profile = pd.DataFrame({"order": [1], "official_name_zh": ["甲"],
        ...     "official_name_en": ["A"], "heading_zh": ["甲"], "heading_paragraph": [11],
        ...     "heading_relation": ["verbatim"], "first_paragraph": [11], "last_paragraph": [13],
        ...     "body_chars": [100], "figures": [2], "claims": [0]}, index=["a"])
        >>> areas_data(profile).columns[:3].tolist(), areas_data(profile)["section_id"].tolist()
        (['section_id', 'order', 'official_name_zh'], ['a'])
    """
    return profile.rename_axis("section_id").reset_index()[
        ["section_id", "order", "official_name_zh", "official_name_en", "heading_zh",
         "heading_paragraph", "heading_relation", "first_paragraph", "last_paragraph",
         "body_chars", "figures", "claims"]]


# The panels of spread_chart: the column of area_profile each shows, in order.
SPREAD_PANELS = ("body_chars", "figures", "claims")


def spread_data(profile: pd.DataFrame) -> pd.DataFrame:
    """What spread_chart plots, one row per bar: for each panel (body text, figures, claims of
    distinction) the nine areas in the report's order, with the bar's ``value``.

    Examples:
        >>> profile = pd.DataFrame({"order": [1, 2], "heading_zh": ["甲", "乙"],
        ...     "short_en": ["A", "B"], "body_chars": [100, 50], "figures": [2, 0],
        ...     "claims": [0, 1]}, index=["a", "b"])
        >>> spread_data(profile)[["panel", "section_id", "value"]].values.tolist()
        [['body_chars', 'a', 100], ['body_chars', 'b', 50], ['figures', 'a', 2], \
['figures', 'b', 0], ['claims', 'a', 0], ['claims', 'b', 1]]
    """
    areas = profile.rename_axis("section_id").reset_index()
    frames = [areas[["section_id", "order", "heading_zh", "short_en"]].assign(
        panel=panel, value=areas[panel].astype(int)) for panel in SPREAD_PANELS]
    rows = pd.concat(frames, ignore_index=True)
    return rows[["panel", "section_id", "order", "heading_zh", "short_en", "value"]]


# The columns of a figure of the review in the tables and figures of the chapter.
FIGURE_COLUMNS = ["indicator_id", "paragraph", "start", "end", "quote", "subject_zh",
                  "subject_en", "value", "unit_en", "qualifier", "kind", "year"]


def figures_data(figures: pd.DataFrame) -> pd.DataFrame:
    """tbl-review-figures in tidy form: review_figures with its area, one row per figure.

    Examples:
        >>> from gwr.data.tables import load_table
        >>> rows = figures_data(review_figures(load_table("indicators"), load_table("sections")))
        >>> rows.loc[rows["paragraph"] == 20, ["quote", "value"]].values.tolist()
        [['3.48万户', 34800.0]]
    """
    rows = figures[["section_id", "short_en", *FIGURE_COLUMNS]].rename(columns={"short_en": "area"})
    return rows[["indicator_id", "section_id", "area", *FIGURE_COLUMNS[1:]]]


def labelled_figures(figures: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The figures named in ``labels`` (indicator_id to a short English label), in text order,
    with that label as ``label_en``; a figure that is missing is an error, not a shorter chart.

    Examples:
        >>> figs = pd.DataFrame({"indicator_id": ["a", "b"], "start": [5, 1], "value": [1, 2]})
        >>> rows = labelled_figures(figs, {"a": "A", "b": "B"})
        >>> rows[["indicator_id", "label_en"]].values.tolist()
        [['b', 'B'], ['a', 'A']]
        >>> labelled_figures(figs, {"c": "C"})
        Traceback (most recent call last):
        ...
        KeyError: "no review figure with the indicator_id ['c']"
    """
    missing = sorted(set(labels) - set(figures["indicator_id"]))
    if missing:
        raise KeyError(f"no review figure with the indicator_id {missing}")
    rows = figures[figures["indicator_id"].isin(labels)].sort_values("start")
    rows = rows[[c for c in FIGURE_COLUMNS if c in rows.columns]].reset_index(drop=True)
    rows.insert(rows.columns.get_loc("subject_zh") + 1 if "subject_zh" in rows else 1,
                "label_en", rows["indicator_id"].map(labels))
    return rows


# ¶18: poverty incidence at the start of 2016 and the rate reached, in that order.
POVERTY_IDS = ("review-tough-battles.poverty-incidence-2016",
               "review-tough-battles.poverty-incidence")


def poverty_data(figures: pd.DataFrame) -> pd.DataFrame:
    """What before_after_chart plots for ¶18: the poverty rate at the start of 2016 and the rate
    reached, one row per bar, labelled with its year.

    Examples:
        >>> from gwr.data.tables import load_table
        >>> poverty = poverty_data(review_figures(load_table("indicators"),
        ...                                       load_table("sections")))
        >>> poverty[["label_en", "value"]].values.tolist()
        [['start of 2016', 6.68], ['as reported for 2019', 0.08]]
    """
    year = figures.set_index("indicator_id")["year"].reindex(list(POVERTY_IDS))
    before, after = POVERTY_IDS
    labels = {before: f"start of {year[before]}", after: f"as reported for {year[after]}"}
    return labelled_figures(figures, labels).sort_values("year", ignore_index=True)


# Short English labels of the bars in the chapter's figures of ¶22 and ¶29.
GREEN_LABELS = {"review-tough-battles.green-coverage-rate": "green coverage rate",
                "review-tough-battles.green-space-ratio": "green space ratio",
                "review-tough-battles.park-green-space-per-person": "park green space per resident"}
RENEWAL_LABELS = {"review-city-image.back-streets-improved": "back streets and alleys",
                  "review-city-image.old-compounds-renovated": "old residential compounds",
                  "review-city-image.markets-improved": "farmers' markets"}
# The panels of green_space_chart, by unit: rates in per cent, then area per resident.
GREEN_PANELS = {"per cent": "rate", "square metres": "area_per_resident"}


def green_space_data(figures: pd.DataFrame) -> pd.DataFrame:
    """What green_space_chart plots, one row per bar: the three green-space figures of ¶22,
    with their ``panel`` (rates in per cent, then square metres per resident).

    Examples:
        >>> from gwr.data.tables import load_table
        >>> green = green_space_data(review_figures(load_table("indicators"),
        ...                                         load_table("sections")))
        >>> green[["panel", "value"]].values.tolist()
        [['rate', 43.38], ['rate', 38.3], ['area_per_resident', 12.78]]
    """
    rows = labelled_figures(figures, GREEN_LABELS)
    rows.insert(0, "panel", rows["unit_en"].map(GREEN_PANELS))
    if rows["panel"].isna().any():
        raise ValueError(f"a green-space figure in an unknown unit: {set(rows['unit_en'])}")
    order = {panel: i for i, panel in enumerate(GREEN_PANELS.values())}
    return rows.sort_values("panel", key=lambda p: p.map(order), kind="stable",
                            ignore_index=True)


def renewal_data(figures: pd.DataFrame) -> pd.DataFrame:
    """What figure_bars_chart plots for ¶29: streets, compounds and markets improved, one row
    per bar, in text order."""
    return labelled_figures(figures, RENEWAL_LABELS)


def claims_data(claims: pd.DataFrame, profile: pd.DataFrame) -> pd.DataFrame:
    """tbl-review-claims in tidy form: review_claims.csv with the short name of each claim's
    area, one row per claim in text order."""
    rows = claims.sort_values("start")[["claim_id", "type", "paragraph", "start", "end", "quote",
                                        "gloss_en", "section_id"]]
    return rows.assign(area=rows["section_id"].map(profile["short_en"])).reset_index(drop=True)


def spread_chart(rows: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Three panels per area, in the report's order: body text, figures, claims of distinction.

    ``rows`` is spread_data: one bar per row, panel by panel, each tagged as a mark.
    """
    first = rows[rows["panel"] == SPREAD_PANELS[0]]
    labels = [bilingual(zh, en) for zh, en in zip(first["heading_zh"], first["short_en"],
                                                  strict=True)]
    fig, axes = plt.subplots(1, 3, figsize=(8.6, 4.4), sharey=True,
                             gridspec_kw={"width_ratios": [1.4, 1, 1], "wspace": 0.12})
    panels = {"body_chars": ("Body text\n(characters)", PART_COLOURS["review-2019"]),
              "figures": ("Figures stated\n(count)", PALETTE["sky_blue"]),
              "claims": ("Claims of distinction\n(count)", PALETTE["orange"])}
    marks = []
    for ax, panel in zip(axes, SPREAD_PANELS, strict=True):
        label, colour = panels[panel]
        part = rows[rows["panel"] == panel]
        if part["section_id"].tolist() != first["section_id"].tolist():
            raise ValueError(f"panel {panel} does not list the areas in the order of the first")
        values = part["value"].astype(int)
        bars = ax.barh(range(len(part)), values, color=colour)
        marks.extend(bars)
        ax.bar_label(bars, padding=2, fontsize=8, color=INK)
        ax.set_xlim(0, values.max() * 1.25)
        ax.set_xlabel(label, fontsize=9)
        ax.tick_params(axis="x", labelsize=8)
    tag_marks(marks)
    axes[0].set_yticks(list(range(len(first))), labels, fontsize=8)
    axes[0].invert_yaxis()
    for ax in axes[1:]:
        ax.tick_params(axis="y", length=0)
    fig.suptitle(title, x=0.0, ha="left", fontsize=12)
    source_note(axes[0], note)
    return fig


def before_after_chart(rows: pd.DataFrame, *, title: str, ylabel: str, note: str) -> Figure:
    """Two bars, an earlier value and the value reached, each labelled with its figure.

    ``rows`` is poverty_data: two rows, earlier first, with ``label_en`` and ``value``.
    """
    fig, ax = plt.subplots(figsize=(5.2, 3.6))
    values = rows["value"].astype(float).tolist()
    bars = ax.bar(rows["label_en"].tolist(), values, width=0.55,
                  color=[MUTED, PART_COLOURS["review-2019"]])
    tag_marks(bars)
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
    tag_marks(bars)
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
    another, since they do not share a unit.

    ``rows`` is green_space_data: one bar per row, rates first, each tagged as a mark.
    """
    panels = list(GREEN_PANELS.values())
    if rows["panel"].tolist() != sorted(rows["panel"], key=panels.index):
        raise ValueError("the rows of green_space_chart come panel by panel, rates first")
    rates = rows[rows["panel"] == "rate"]
    area = rows[rows["panel"] == "area_per_resident"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(8.2, 2.9),
                                      gridspec_kw={"width_ratios": [2, 1], "wspace": 0.9})
    marks = []
    for ax, part, suffix, xlabel, colour in [
        (left, rates, "%", "Per cent of the built-up area", PALETTE["bluish_green"]),
        (right, area, " m²", "Square metres per resident", PALETTE["blue"]),
    ]:
        labels = [bilingual(zh, en).replace(" (", "\n(") for zh, en in
                  zip(part["subject_zh"], part["label_en"], strict=True)]
        values = part["value"].astype(float).tolist()
        bars = ax.barh(range(len(part)), values, color=colour, height=0.55)
        marks.extend(bars)
        ax.bar_label(bars, labels=[f"{format_value(v)}{suffix}" for v in values], padding=3,
                     color=INK, fontsize=9)
        ax.set_yticks(range(len(part)), labels, fontsize=9)
        ax.set_xlim(0, 100 if suffix == "%" else max(values) * 1.35)
        # The same scale on both panels, so the single bar is as thick as the others.
        pad = (len(rates) - len(part)) / 2
        ax.set_ylim(len(part) - 0.5 + pad, -0.5 - pad)
        ax.set_xlabel(xlabel)
    tag_marks(marks)
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
