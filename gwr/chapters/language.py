"""Chapter 6: the article's formulations, verbs and vocabulary: word counts, TF-IDF and keywords
in context over the segmented text (tokens.csv), and the chapter's three charts."""

from __future__ import annotations

import math
import re
from functools import lru_cache

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from gwr.charts import (
    PART_COLOURS,
    PART_LABELS,
    STRENGTH_COLOURS,
    bilingual,
    source_note,
    tag_marks,
)
from gwr.data.tables import allowed_values, load_table
from gwr.style import INK, PALETTE
from gwr.text.quotations import quoted_phrases

# What the numeral of a numbered formulation does, in the order formulations.csv's schema lists
# the roles, and how the chapter's table names each ("" for a term without a numeral).
NUMERAL_ROLES = allowed_values("formulations", "numeral_role")
NUMERAL_ROLE_LABELS = {"list": "counts a list", "quantity": "a quantity",
                       "code": "a code (figures as a label)", "": "none"}
assert tuple(NUMERAL_ROLE_LABELS)[:-1] == NUMERAL_ROLES

# The strength classes, in the order of the commitments table's schema (binding, aspirational,
# process): the order of a verb's segments in fig-language-verbs.
STRENGTHS = allowed_values("commitments", "strength")
assert tuple(STRENGTH_COLOURS) == STRENGTHS


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

    ``paragraphs`` is paragraphs.csv (paragraph, start, text); ``start`` and ``end`` are the
    occurrence's code-point offsets into the whole source, so ``quote`` is ``text[start:end]``,
    and the contexts ``left`` and ``right`` end at ``start`` and begin at ``end``.

    Examples:
        >>> df = pd.DataFrame({"paragraph": [7], "start": [100],
        ...                    "text": ["推动营商环境持续走在全省前列"]})
        >>> kwic(df, "营商环境", width=2).values.tolist()
        [['营商环境', 7, 102, 106, '营商环境', '推动', '持续']]
    """
    rows = []
    for para in paragraphs.sort_values("paragraph").itertuples(index=False):
        text = str(para.text)
        for match in re.finditer(re.escape(term), text):
            left = text[max(0, match.start() - width):match.start()]
            right = text[match.end():match.end() + width]
            rows.append((term, int(para.paragraph), int(para.start) + match.start(),
                         int(para.start) + match.end(), term, left, right))
    return pd.DataFrame(rows, columns=["term", "paragraph", "start", "end", "quote", "left",
                                       "right"])


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


# The data of the chapter's figures and tables: one row per mark drawn or per row shown, in
# tidy form (English column names, raw values), from which the chart or the table is made.

def _numbers(paragraphs: str) -> list[int]:
    """The paragraph numbers of a ';'-separated list, as formulations.csv writes them."""
    return [int(p) for p in str(paragraphs).split(";") if p]


def formulation_data(formulations: pd.DataFrame) -> pd.DataFrame:
    """The rows of tbl-language-formulations: one per formulation in order of first occurrence,
    with term, gloss_en, count (occurrences), paragraphs (';'-separated, as in formulations.csv),
    numeral_role ("" for a term without a numeral), origin and reference.

    Examples:
        >>> f = pd.DataFrame({"term": ["三农", "三大攻坚战"], "count": [2, 3],
        ...     "paragraphs": ["6;58", "5;6;72"], "first_start": [510, 323],
        ...     "numeral_role": ["list", "list"], "gloss_en": ["g1", "g2"],
        ...     "origin": ["national"] * 2, "reference": ["r"] * 2})
        >>> formulation_data(f)["term"].tolist()
        ['三大攻坚战', '三农']
    """
    return formulations.sort_values("first_start", ignore_index=True)[
        ["term", "gloss_en", "count", "paragraphs", "numeral_role", "origin", "reference"]]



def formulation_source(data: pd.DataFrame) -> str:
    """The paragraphs the formulations of :func:`formulation_data` span, first to last, as the
    book cites a range.

    Examples:
        >>> formulation_source(pd.DataFrame({"paragraphs": ["6;58", "5;6;72", "109"]}))
        '¶5–¶109'
    """
    numbers = [n for paragraphs in data["paragraphs"] for n in _numbers(paragraphs)]
    return f"¶{min(numbers)}–¶{max(numbers)}"


def formulation_table(data: pd.DataFrame) -> pd.DataFrame:
    """tbl-language-formulations as readers see it, from :func:`formulation_data`; a term that
    occurs more often than in as many paragraphs says how often.

    Examples:
        >>> d = pd.DataFrame({"term": ["放管服效"], "gloss_en": ["g"], "count": [3],
        ...     "paragraphs": ["7;108"], "numeral_role": [""], "origin": ["unknown"]})
        >>> formulation_table(d).values.tolist()
        [['放管服效', 'g', '¶7, ¶108 (3 times)', 'none', 'unknown']]
    """
    def where(count: int, paragraphs: str) -> str:
        numbers = _numbers(paragraphs)
        listed = ", ".join(f"¶{n}" for n in numbers)
        return listed if count == len(numbers) else f"{listed} ({count} times)"

    return pd.DataFrame({
        "Term": data["term"],
        "Gloss": data["gloss_en"],
        "Paragraphs": [where(int(c), p) for c, p in zip(data["count"], data["paragraphs"],
                                                       strict=True)],
        "Numeral": data["numeral_role"].fillna("").map(NUMERAL_ROLE_LABELS),
        "Origin": data["origin"],
    })


def verb_counts(commitments: pd.DataFrame) -> pd.DataFrame:
    """Commitments per governing verb (verb_zh, verb_en, strength, commitments), most first,
    ties in the order of the verb.

    Examples:
        >>> c = pd.DataFrame({"verb_zh": ["推进", "完成", "推进"], "verb_en": ["a", "c", "a"],
        ...                   "strength": ["process", "binding", "process"]})
        >>> verb_counts(c).values.tolist()
        [['推进', 'a', 'process', 2], ['完成', 'c', 'binding', 1]]
    """
    counts = (commitments.groupby(["verb_zh", "verb_en", "strength"]).size()
              .rename("commitments").reset_index())
    return counts.sort_values(["commitments", "verb_zh"], ascending=[False, True],
                              ignore_index=True)



def verb_data(commitments: pd.DataFrame, min_commitments: int = 3) -> pd.DataFrame:
    """The segments of fig-language-verbs: every governing verb that governs at least
    ``min_commitments`` commitments in all, whatever their strength, so that no tie is cut.

    Verbs are ranked by their total (``verb_commitments``; ``rank`` is shared by ties, and tied
    verbs come in code-point order); each verb has one row per strength class its
    commitments take (``commitments``), in the schema's order (binding, aspirational,
    process), so a verb's rows add up to its total.

    Examples:
        >>> c = pd.DataFrame({"verb_zh": ["推进", "推进", "启动", "启动", "完成"],
        ...     "verb_en": ["a", "a", "l", "l", "c"],
        ...     "strength": ["process", "process", "binding", "aspirational", "binding"]})
        >>> verb_data(c, min_commitments=2).values.tolist()
        [[1, '启动', 'l', 'binding', 1, 2], [1, '启动', 'l', 'aspirational', 1, 2], \
[1, '推进', 'a', 'process', 2, 2]]
    """
    counts = (commitments.groupby(["verb_zh", "verb_en", "strength"]).size()
              .rename("commitments").reset_index())
    counts["verb_commitments"] = counts.groupby("verb_zh")["commitments"].transform("sum")
    counts = counts[counts["verb_commitments"] >= min_commitments].copy()
    totals = counts.drop_duplicates("verb_zh").set_index("verb_zh")["verb_commitments"]
    counts["rank"] = counts["verb_zh"].map(shared_ranks(totals)[0])
    counts["order"] = counts["strength"].map({s: i for i, s in enumerate(STRENGTHS)})
    counts = counts.sort_values(["verb_commitments", "verb_zh", "order"],
                                ascending=[False, True, True], ignore_index=True)
    return counts[["rank", "verb_zh", "verb_en", "strength", "commitments", "verb_commitments"]]


def shared_ranks(scores: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The rank of each score, highest first, shared by ties (1, 2, 2, 4 …), and how many
    scores share it.

    Examples:
        >>> rank, sharing = shared_ranks(pd.Series([5, 3, 3, 1]))
        >>> rank.tolist(), sharing.tolist()
        ([1, 2, 2, 4], [1, 2, 2, 1])
    """
    rank = scores.rank(method="min", ascending=False).astype(int)
    return rank, rank.map(rank.value_counts())


def top_words_data(tokens: pd.DataFrame, verbs: set[str], n: int = 20) -> pd.DataFrame:
    """The bars of fig-language-top-words: the ``n`` most frequent words (word, gloss_en,
    occurrences, paragraphs), and whether each governs a commitment (is in ``verbs``).

    A tie at the cut is broken as :func:`word_counts` orders words (alphabetically, by code
    point), and the words after the ``n``-th are left out; ``rank`` (shared by ties, among all
    the words) and ``words_sharing_rank`` (how many words of the article share it, shown or
    not) let a reader see where that happens.

    Examples:
        >>> t = pd.DataFrame({"paragraph": [1, 1, 2, 2], "token": ["推进", "推进", "工作", "民生"]})
        >>> top_words_data(t, {"推进"}, n=2)[["word", "rank", "words_sharing_rank"]
        ...     ].values.tolist()
        [['推进', 1, 1], ['工作', 2, 2]]
    """
    counts = word_counts(tokens)
    rank, sharing = shared_ranks(counts["count"])
    top = counts.assign(rank=rank, words_sharing_rank=sharing).head(n)
    return pd.DataFrame({
        "rank": top["rank"].to_numpy(),
        "word": top["token"].to_numpy(),
        "gloss_en": [gloss(w) for w in top["token"]],
        "occurrences": top["count"].to_numpy(),
        "paragraphs": top["paragraphs"].to_numpy(),
        "governs_commitment": top["token"].isin(verbs).to_numpy(),
        "words_sharing_rank": top["words_sharing_rank"].to_numpy(),
    })


def distinctive_data(tokens: pd.DataFrame, parts: list[str], *, min_count: int = 2,
                     top: int = 8) -> pd.DataFrame:
    """The bars of fig-language-distinctive, panel by panel in the order of ``parts``: each
    part's words with the highest TF-IDF over ``parts``, among those it uses ``min_count``
    times or more and that score above zero, at most ``top`` per part.

    A tie at the cut is broken as :func:`tfidf` orders words (by count, then by code point),
    and the words after the ``top``-th are left out; ``rank`` (by TF-IDF within the part,
    shared by ties) and ``words_sharing_rank`` (how many of the part's words share it, shown
    or not) let a reader see where that happens.

    Columns: panel (its heading), part, rank, word, gloss_en, occurrences (in the part), tfidf,
    words_sharing_rank.
    """
    scores = tfidf(tokens[tokens["part"].isin(parts)], by="part")
    scores = scores[(scores["count"] >= min_count) & (scores["tfidf"] > 0)].copy()
    # Equal scores are equal counts over equal totals; rounding keeps float noise from
    # splitting a tie.
    rounded = scores["tfidf"].round(12)
    for index in scores.groupby("part").groups.values():
        rank, sharing = shared_ranks(rounded.loc[index])
        scores.loc[index, "shared_rank"] = rank
        scores.loc[index, "words_sharing_rank"] = sharing
    scores = scores[scores.groupby("part").cumcount() < top]
    rows = pd.concat([scores[scores["part"] == part] for part in parts], ignore_index=True)
    return pd.DataFrame({
        "panel": rows["part"].map(PART_LABELS),
        "part": rows["part"],
        "rank": rows["shared_rank"].astype(int),
        "word": rows["token"],
        "gloss_en": [gloss(w) for w in rows["token"]],
        "occurrences": rows["count"],
        "tfidf": rows["tfidf"],
        "words_sharing_rank": rows["words_sharing_rank"].astype(int),
    })


def section_words_data(sections: pd.DataFrame, tokens: pd.DataFrame,
                       top: int = 3) -> pd.DataFrame:
    """The rows of tbl-language-sections: one per section of ``sections`` (in their order),
    with its ``top`` words by TF-IDF over those sections: word_N, gloss_en_N, occurrences_N
    and tfidf_N for N = 1 … ``top``.

    Examples:
        >>> s = pd.DataFrame({"section_id": ["a", "b"], "heading_zh": ["甲", "乙"],
        ...     "short_en": ["A", "B"], "first_paragraph": [1, 3], "last_paragraph": [2, 4]})
        >>> t = pd.DataFrame({"section_id": ["a", "a", "b"], "token": ["民生", "推进", "推进"]})
        >>> data = section_words_data(s, t, top=1)
        >>> data[["section_id", "word_1", "occurrences_1"]].values.tolist()
        [['a', '民生', 1], ['b', '推进', 1]]
    """
    scores = tfidf(tokens[tokens["section_id"].isin(sections["section_id"])], by="section_id")
    ranked = scores[scores["rank"] <= top].set_index(["section_id", "rank"])
    data = sections[["section_id", "heading_zh", "short_en", "first_paragraph",
                     "last_paragraph"]].reset_index(drop=True)
    for rank in range(1, top + 1):
        words = [ranked.loc[(s, rank)] if (s, rank) in ranked.index else None
                 for s in data["section_id"]]
        data[f"word_{rank}"] = [w["token"] if w is not None else None for w in words]
        data[f"gloss_en_{rank}"] = [gloss(w["token"]) if w is not None else None
                                    for w in words]
        data[f"occurrences_{rank}"] = pd.array(
            [w["count"] if w is not None else None for w in words], dtype="Int64")
        data[f"tfidf_{rank}"] = [w["tfidf"] if w is not None else None for w in words]
    return data


def section_words_table(data: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    """tbl-language-sections as readers see it, from :func:`section_words_data`."""
    def words(row: pd.Series) -> str:
        return "; ".join(f"{row[f'word_{n}']} ({row[f'gloss_en_{n}']}) ×{row[f'occurrences_{n}']}"
                         for n in range(1, top + 1) if not pd.isna(row[f"word_{n}"]))

    return pd.DataFrame({
        "Section": [bilingual(z, e) for z, e in zip(data["heading_zh"], data["short_en"],
                                                    strict=True)],
        "Paragraphs": [f"¶{a}–¶{b}" for a, b in zip(data["first_paragraph"],
                                                   data["last_paragraph"], strict=True)],
        "Most distinctive words (occurrences)": [words(row) for _, row in data.iterrows()],
    })


def kwic_data(paragraphs: pd.DataFrame, terms: list[str], width: int = 10) -> pd.DataFrame:
    """The rows of tbl-language-kwic: every occurrence of each of ``terms`` (term by term, in
    text order), as :func:`kwic` gives it, with the term's gloss_en, the part its paragraph
    belongs to and whether the paragraph is a heading."""
    rows = pd.concat([kwic(paragraphs, term, width=width) for term in terms], ignore_index=True)
    by_number = paragraphs.set_index("paragraph")
    return rows.assign(
        gloss_en=[gloss(t) for t in rows["term"]],
        part=rows["paragraph"].map(by_number["part"]).to_numpy(),
        heading=rows["paragraph"].map(by_number["is_heading"]).astype(bool).to_numpy())


def kwic_table(data: pd.DataFrame) -> pd.DataFrame:
    """tbl-language-kwic as readers see it, from :func:`kwic_data`."""
    return pd.DataFrame({
        "¶": [f"¶{p}" for p in data["paragraph"]],
        "Left context": data["left"],
        "Keyword": data["quote"],
        "Right context": data["right"],
        "Where": [PART_LABELS[p] + (", heading" if h else "")
                  for p, h in zip(data["part"], data["heading"], strict=True)],
    })


# Charts.

def top_words_chart(data: pd.DataFrame, *, title: str, note: str) -> Figure:
    """Horizontal bars of the words of :func:`top_words_data`, in its order, one tagged bar per
    row; words that govern a commitment in their own colour."""
    rows = data.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, 0.3 * len(rows) + 1.4))
    colours = {True: PALETTE["orange"], False: PALETTE["blue"]}
    bars = ax.barh(range(len(rows)), rows["occurrences"],
                   color=[colours[bool(v)] for v in rows["governs_commitment"]])
    tag_marks(bars)
    ax.legend([plt.Rectangle((0, 0), 1, 1, color=colours[v]) for v in (True, False)],
              ["governs a commitment (commitments.csv)", "other word"],
              loc="lower right", frameon=False, fontsize=8)
    ax.bar_label(bars, padding=3, fontsize=8, color=INK)
    ax.set_yticks(range(len(rows)), [bilingual(w, g) for w, g in
                                     zip(rows["word"], rows["gloss_en"], strict=True)],
                  fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, rows["occurrences"].max() * 1.12)
    ax.set_xlabel("Occurrences in the article's body text (words, headings excluded)")
    ax.set_title(title)
    source_note(ax, note)
    return fig


def distinctive_words_chart(data: pd.DataFrame, *, title: str, note: str) -> Figure:
    """One panel per part of :func:`distinctive_data` (in its order): the words with the
    highest TF-IDF, bars labelled with their count, one tagged bar per row."""
    parts = list(dict.fromkeys(data["part"]))
    sizes = [int((data["part"] == p).sum()) for p in parts]
    # Each part's rows together, so that the bars, drawn panel by panel, follow the rows.
    if list(data["part"]) != [p for p, n in zip(parts, sizes, strict=True) for _ in range(n)]:
        raise ValueError("distinctive_words_chart: give each part's rows together")
    height = 0.28 * sum(sizes) + 0.8 * len(parts) + 0.6
    fig, axes = plt.subplots(len(parts), 1, figsize=(7.5, height),
                             gridspec_kw={"height_ratios": sizes}, sharex=True, squeeze=False)
    axes = axes[:, 0]
    # Keep the title close to the first panel (the default leaves a wide gap).
    fig.subplots_adjust(top=1 - 0.75 / height, hspace=0.3)
    marks = []
    for ax, part in zip(axes, parts, strict=True):
        rows = data[data["part"] == part].reset_index(drop=True)
        bars = ax.barh(range(len(rows)), rows["tfidf"] * 1000, color=PART_COLOURS[part])
        marks.extend(bars)
        ax.bar_label(bars, labels=[f"×{n}" for n in rows["occurrences"]], padding=3,
                     fontsize=8, color=INK)
        ax.set_yticks(range(len(rows)), [bilingual(w, g) for w, g in
                                         zip(rows["word"], rows["gloss_en"], strict=True)],
                      fontsize=8)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_title(rows["panel"].iloc[0], fontsize=9, loc="left")
    tag_marks(marks)
    axes[-1].set_xlabel("TF-IDF over the three parts (× 1,000); label: occurrences in the part")
    fig.suptitle(title, x=0.02, y=1 - 0.1 / height, ha="left", va="top", fontsize=12)
    source_note(axes[-1], note)
    return fig


def verb_strength_chart(data: pd.DataFrame, *, title: str, note: str) -> Figure:
    """One bar per verb of :func:`verb_data`, in its order, split into segments by the
    strength the lexicon gives its commitments and labelled with its total; one tagged segment
    per row."""
    rows = data.reset_index(drop=True)
    verbs = list(dict.fromkeys(zip(rows["verb_zh"], rows["verb_en"], strict=True)))
    position = {zh: i for i, (zh, _) in enumerate(verbs)}
    if len(position) != len(verbs) or list(rows["verb_zh"].map(position)) != sorted(
            rows["verb_zh"].map(position)):
        raise ValueError("verb_strength_chart: give each verb's rows together")
    fig, ax = plt.subplots(figsize=(7.5, 0.3 * len(verbs) + 1.6))
    ends = dict.fromkeys(position, 0)
    marks = []
    for row in rows.itertuples(index=False):
        marks.extend(ax.barh(position[row.verb_zh], row.commitments, left=ends[row.verb_zh],
                             color=STRENGTH_COLOURS[row.strength], height=0.8))
        ends[row.verb_zh] += row.commitments
    tag_marks(marks)
    for zh, total in ends.items():
        ax.annotate(str(total), (total, position[zh]), xytext=(3, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=8, color=INK)
    labels = [bilingual(v, e) for v, e in verbs]
    ax.set_yticks(range(len(verbs)), labels, fontsize=8)
    ax.set_ylim(len(verbs) - 0.5, -0.5)
    ax.set_xlim(0, max(ends.values()) * 1.12)
    shown = [s for s in STRENGTH_COLOURS if s in set(rows["strength"])]
    ax.legend([plt.Rectangle((0, 0), 1, 1, color=STRENGTH_COLOURS[s]) for s in shown], shown,
              loc="lower right", frameon=False, fontsize=8)
    ax.set_xlabel("Commitments governed by the verb (number of clauses, ¶43–¶110)")
    ax.set_title(title)
    source_note(ax, note)
    return fig
