"""Charts shared by the chapters, drawn in the project style (call gwr.style.use_style first)."""

from __future__ import annotations

import matplotlib.pyplot as plt

from gwr.style import MUTED, PALETTE

# The article's parts, in text order, with the labels every chapter and chart uses.
PART_ORDER = ["front", "review-2019", "plan-2020", "service-government"]
PART_LABELS = {
    "front": "Front matter",
    "review-2019": "Part 1: review of 2019",
    "plan-2020": "Part 2: plan for 2020",
    "service-government": "Part 3: service-oriented government",
}

PART_COLOURS = {
    "front": MUTED,
    "review-2019": PALETTE["blue"],
    "plan-2020": PALETTE["orange"],
    "service-government": PALETTE["bluish_green"],
}


# The strength classes of commitments (data/curated/commitment_strength.yml), in every chart.
STRENGTH_COLOURS = {"binding": PALETTE["blue"], "aspirational": PALETTE["orange"],
                    "process": "#BBBBBB"}


def bilingual(zh: str, en: str) -> str:
    """A label with the Chinese original and its English gloss.

    Examples:
        >>> bilingual("煤改电", "coal to electricity")
        '煤改电 (coal to electricity)'
    """
    return f"{zh} ({en})"


def source_note(ax: plt.Axes, text: str) -> None:
    """Print the source note below the axis label, in the muted colour."""
    ax.annotate(text, xy=(0, 0), xycoords="axes fraction", xytext=(0, -44),
                textcoords="offset points", ha="left", va="top", fontsize=8, color=MUTED)


def tag_marks(artists) -> None:
    """Give each mark that stands for one row of the figure's data the SVG id ``mark-<row>``.

    The site tests count these ids in the published SVG against the rows of the figure's CSV,
    so pass the marks in the order of the data's rows (bars, points or cells: one per row).
    """
    for row, artist in enumerate(artists):
        artist.set_gid(f"mark-{row}")
