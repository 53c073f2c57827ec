"""Charts shared by the chapters, drawn in the project style (call gwr.style.use_style first)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from gwr.anatomy import PART_LABELS
from gwr.style import INK, MUTED, PALETTE

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


def part_shares_chart(parts: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Horizontal bars of each part's share of the body text, labelled in percent."""
    fig, ax = plt.subplots(figsize=(7.5, 2.6))
    labels = [PART_LABELS[p] for p in parts.index]
    shares = parts["body_share"] * 100
    bars = ax.barh(labels, shares, color=[PART_COLOURS[p] for p in parts.index])
    ax.bar_label(bars, labels=[f"{v:.0f}%" for v in shares], padding=3, color=INK)
    ax.invert_yaxis()
    ax.set_xlabel("Share of the article's body text (% of characters, headings excluded)")
    ax.set_xlim(0, max(shares) * 1.15)
    ax.set_title(title)
    source_note(ax, note)
    return fig


def section_lengths_chart(sections: pd.DataFrame, *, title: str, note: str) -> Figure:
    """One bar per section, in text order, showing its body text in characters, coloured by part."""
    rows = sections.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, 0.32 * len(rows) + 1.4))
    labels = [bilingual(zh, en) for zh, en in zip(rows["heading_zh"], rows["short_en"],
                                                  strict=True)]
    bars = ax.barh(range(len(rows)), rows["body_chars"],
                   color=[PART_COLOURS[p] for p in rows["part"]])
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
