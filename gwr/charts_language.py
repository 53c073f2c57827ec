"""Charts of chapter 06: the article's most frequent words, its distinctive words, its verbs."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from gwr.anatomy import PART_LABELS
from gwr.charts import PART_COLOURS, STRENGTH_COLOURS, bilingual, source_note
from gwr.language import gloss
from gwr.style import INK, PALETTE


def top_words_chart(counts: pd.DataFrame, verbs: set[str], *, title: str, note: str) -> Figure:
    """Horizontal bars of the words in ``counts`` (token, count), in the given order; words in
    ``verbs`` (the governing verbs of commitments) in their own colour."""
    rows = counts.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, 0.3 * len(rows) + 1.4))
    colours = {True: PALETTE["orange"], False: PALETTE["blue"]}
    is_verb = [w in verbs for w in rows["token"]]
    bars = ax.barh(range(len(rows)), rows["count"], color=[colours[v] for v in is_verb])
    ax.legend([plt.Rectangle((0, 0), 1, 1, color=colours[v]) for v in (True, False)],
              ["governs a commitment (commitments.csv)", "other word"],
              loc="lower right", frameon=False, fontsize=8)
    ax.bar_label(bars, padding=3, fontsize=8, color=INK)
    ax.set_yticks(range(len(rows)), [bilingual(w, gloss(w)) for w in rows["token"]], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, rows["count"].max() * 1.12)
    ax.set_xlabel("Occurrences in the article's body text (words, headings excluded)")
    ax.set_title(title)
    source_note(ax, note)
    return fig


def distinctive_words_chart(scores: pd.DataFrame, parts: list[str], *, title: str,
                            note: str) -> Figure:
    """One panel per part: the words with the highest TF-IDF, bars labelled with their count."""
    sizes = [max(len(scores[scores["part"] == p]), 1) for p in parts]
    height = 0.28 * sum(sizes) + 0.8 * len(parts) + 0.6
    fig, axes = plt.subplots(len(parts), 1, figsize=(7.5, height),
                             gridspec_kw={"height_ratios": sizes}, sharex=True)
    # Keep the title close to the first panel (the default leaves a wide gap).
    fig.subplots_adjust(top=1 - 0.75 / height, hspace=0.3)
    for ax, part in zip(axes, parts, strict=True):
        rows = scores[scores["part"] == part].reset_index(drop=True)
        bars = ax.barh(range(len(rows)), rows["tfidf"] * 1000, color=PART_COLOURS[part])
        ax.bar_label(bars, labels=[f"×{n}" for n in rows["count"]], padding=3, fontsize=8,
                     color=INK)
        ax.set_yticks(range(len(rows)), [bilingual(w, gloss(w)) for w in rows["token"]],
                      fontsize=8)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_title(PART_LABELS[part], fontsize=9, loc="left")
    axes[-1].set_xlabel("TF-IDF over the three parts (× 1,000); label: occurrences in the part")
    fig.suptitle(title, x=0.02, y=1 - 0.1 / height, ha="left", va="top", fontsize=12)
    source_note(axes[-1], note)
    return fig


def verb_strength_chart(verbs: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Bars of the most frequent governing verbs (verb_zh, verb_en, strength, count),
    coloured by the strength the lexicon gives them."""
    rows = verbs.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, 0.3 * len(rows) + 1.6))
    bars = ax.barh(range(len(rows)), rows["count"],
                   color=[STRENGTH_COLOURS[s] for s in rows["strength"]])
    ax.bar_label(bars, padding=3, fontsize=8, color=INK)
    labels = [bilingual(v, e) for v, e in zip(rows["verb_zh"], rows["verb_en"], strict=True)]
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, rows["count"].max() * 1.12)
    shown = [s for s in STRENGTH_COLOURS if s in set(rows["strength"])]
    ax.legend([plt.Rectangle((0, 0), 1, 1, color=STRENGTH_COLOURS[s]) for s in shown], shown,
              loc="lower right", frameon=False, fontsize=8)
    ax.set_xlabel("Commitments governed by the verb (number of clauses, ¶43–¶110)")
    ax.set_title(title)
    source_note(ax, note)
    return fig
