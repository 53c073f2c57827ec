"""Chapter 6: the article's formulations, verbs and vocabulary: word counts, TF-IDF and keywords
in context over the segmented text (tokens.csv), and the chapter's three charts."""

from __future__ import annotations

import math
import re
from functools import lru_cache

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from gwr.charts import PART_COLOURS, PART_LABELS, STRENGTH_COLOURS, bilingual, source_note
from gwr.data.tables import allowed_values, load_table
from gwr.style import INK, PALETTE
from gwr.text.quotations import quoted_phrases

# What the numeral of a numbered formulation does, in the order formulations.csv's schema lists
# the roles, and how the chapter's table names each ("" for a term without a numeral).
NUMERAL_ROLES = allowed_values("formulations", "numeral_role")
NUMERAL_ROLE_LABELS = {"list": "counts a list", "quantity": "a quantity",
                       "code": "a code (figures as a label)", "": "none"}
assert tuple(NUMERAL_ROLE_LABELS)[:-1] == NUMERAL_ROLES


def counted_words(tokens: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The tokens the word counts take (counted = true in tokens.csv), one row per word of the
    body text in text order: paragraph, section_id, part (from paragraphs.csv), start, token.

    Examples:
        >>> t = pd.DataFrame({"paragraph": [1, 1, 2], "start": [0, 2, 9], "end": [2, 3, 11],
        ...                   "token": ["推进", "的", "工作"], "section_id": ["s", "s", "s"],
        ...                   "counted": [True, False, True]})
        >>> p = pd.DataFrame({"paragraph": [1, 2], "part": ["p", "p"]})
        >>> counted_words(t, p).values.tolist()
        [[1, 's', 'p', 0, '推进'], [2, 's', 'p', 9, '工作']]
    """
    words = tokens[tokens["counted"].astype(bool)].merge(
        paragraphs[["paragraph", "part"]], on="paragraph", how="left", validate="many_to_one")
    return words.sort_values("start", ignore_index=True)[
        ["paragraph", "section_id", "part", "start", "token"]]


def word_counts(tokens: pd.DataFrame) -> pd.DataFrame:
    """Occurrences and paragraphs of each word, most frequent first (ties: alphabetical).

    Examples:
        >>> t = pd.DataFrame({"paragraph": [1, 2, 2], "token": ["推进", "推进", "民生"]})
        >>> word_counts(t).values.tolist()
        [['推进', 2, 2], ['民生', 1, 1]]
    """
    counts = tokens.groupby("token").agg(count=("token", "size"),
                                         paragraphs=("paragraph", "nunique")).reset_index()
    return counts.sort_values(["count", "token"], ascending=[False, True],
                              ignore_index=True)


def tfidf(tokens: pd.DataFrame, by: str = "section_id") -> pd.DataFrame:
    """TF-IDF of each word in each group (a section or a part), highest first within a group.

    tf is the word's share of the group's words; idf is ln(N / df), N the number of groups and df
    the groups using the word, so a word every group uses scores 0. Ties are broken by count,
    then alphabetically, so the ranking is deterministic.

    Examples:
        >>> t = pd.DataFrame({"g": ["a", "a", "a", "b"], "token": ["民生", "民生", "推进", "推进"]})
        >>> tfidf(t, by="g")[["g", "token", "count", "rank"]].values.tolist()
        [['a', '民生', 2, 1], ['a', '推进', 1, 2], ['b', '推进', 1, 1]]
    """
    counts = tokens.groupby([by, "token"]).size().rename("count").reset_index()
    totals = counts.groupby(by)["count"].transform("sum")
    n_groups = counts[by].nunique()
    df = counts.groupby("token")[by].transform("nunique")
    counts["tf"] = counts["count"] / totals
    counts["idf"] = [math.log(n_groups / d) for d in df]
    counts["tfidf"] = counts["tf"] * counts["idf"]
    counts = counts.sort_values([by, "tfidf", "count", "token"],
                                ascending=[True, False, False, True], ignore_index=True)
    counts["rank"] = counts.groupby(by).cumcount() + 1
    return counts


def kwic(paragraphs: pd.DataFrame, term: str, width: int = 12) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` in the text, with ``width`` characters
    either side (within the paragraph), in text order.

    Examples:
        >>> df = pd.DataFrame({"paragraph": [7], "text": ["推动营商环境持续走在全省前列"]})
        >>> kwic(df, "营商环境", width=2).values.tolist()
        [[7, '营商环境', '推动', '营商环境', '持续']]
    """
    rows = []
    for para in paragraphs.sort_values("paragraph").itertuples(index=False):
        text = str(para.text)
        for match in re.finditer(re.escape(term), text):
            left = text[max(0, match.start() - width):match.start()]
            right = text[match.end():match.end() + width]
            rows.append((int(para.paragraph), term, left, term, right))
    return pd.DataFrame(rows, columns=["paragraph", "term", "left", "keyword", "right"])


@lru_cache(maxsize=1)
def _glosses() -> dict[str, str]:
    """The English glosses of word_glosses.csv, by word."""
    table = load_table("word_glosses")
    return dict(zip(table["word"], table["gloss_en"], strict=True))


def gloss(word: str) -> str:
    """The English gloss of ``word`` (word_glosses.csv); KeyError naming the word if it has none.

    Examples:
        >>> gloss("年内")
        'within the year'
    """
    try:
        return _glosses()[word]
    except KeyError:
        raise KeyError(f"no English gloss for {word!r} in word_glosses.csv: add it to the "
                       "curated word glosses (word_glosses.yml) and run make data") from None


def quoted_phrase_set(paragraphs: pd.DataFrame) -> set[str]:
    """The distinct phrases the text puts in quotation marks: the candidates for formulations.

    Examples:
        >>> sorted(quoted_phrase_set(pd.DataFrame({"text": ["深化“放管服效”改革", "“三公”经费"]})))
        ['三公', '放管服效']
    """
    return {phrase for text in paragraphs["text"] for _, phrase in quoted_phrases(text)}


# Charts.

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
