"""Segment the article into words (jieba, the project's dictionary) and measure its vocabulary."""

from __future__ import annotations

import logging
import math
import re
from functools import lru_cache

import jieba
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from gwr import paths
from gwr.charts import PART_COLOURS, PART_LABELS, STRENGTH_COLOURS, bilingual, source_note
from gwr.data.formulations import quoted_phrases
from gwr.style import INK, PALETTE

# jieba logs "Building prefix dict ..." to stderr on first use; in a notebook that is stderr
# output, which fails the strict build. Silence it before any tokenizer is initialised.
jieba.setLogLevel(logging.WARNING)

USERDICT = paths.curated_file("jieba_userdict.txt")
STOPWORDS = paths.curated_file("stopwords_zh.txt")

# A token counts as a word if it holds a Chinese character or a Latin letter (5G) and has at
# least two characters; punctuation, bare figures and single characters are left out.
_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# A token right after a figure is that figure's unit (3.48 | 万户, 2000 | 余场, 2 | 号线); it is
# part of a quantity, not vocabulary, and is left out with the figure.
_FIGURE = re.compile(r"^[0-9.,%％+]+$")


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer with the project's user dictionary loaded (built once)."""
    tk = jieba.Tokenizer()
    tk.initialize()
    tk.load_userdict(str(USERDICT))
    return tk


def userdict_words() -> list[str]:
    """The words of data/curated/jieba_userdict.txt, in file order.

    Examples:
        >>> "煤改电" in userdict_words()
        True
    """
    lines = USERDICT.read_text(encoding="utf-8").splitlines()
    return [line.split()[0] for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The stop words of data/curated/stopwords_zh.txt (comment lines skipped).

    Examples:
        >>> "的" in stopwords(), "推进" in stopwords()
        (True, False)
    """
    lines = STOPWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip() for s in lines if s.strip() and not s.startswith("#"))


def tokenize(text: str) -> list[str]:
    """Every token of ``text``, in order; joined, they give ``text`` back.

    The dictionary decides (HMM off), so the same text always gives the same tokens.

    Examples:
        >>> tokenize("完成3.48万户“煤改电”")
        ['完成', '3', '.', '48', '万户', '“', '煤改电', '”']
    """
    return tokenizer().lcut(text, HMM=False)


def is_word(token: str) -> bool:
    """Whether a token is counted as a word: two characters or more, a Chinese character or a
    letter in it, and not a stop word.

    Examples:
        >>> [is_word(t) for t in ["营商环境", "的", "3390", "，", "5G", "报告"]]
        [True, False, False, False, True, False]
    """
    return len(token) >= 2 and bool(_WORDLIKE.search(token)) and token not in stopwords()


def token_table(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """One row per word of the body text: paragraph, section_id, part, start (offset in the whole
    text), token. Headings are left out, and so is the unit right after a figure (万户 in
    3.48万户); rows are in text order.

    Examples:
        >>> df = pd.DataFrame({"paragraph": [1], "start": [10], "section_id": ["s"],
        ...                    "part": ["p"], "is_heading": [False],
        ...                    "text": ["推进煤改电的工作，完成3.48万户"]})
        >>> token_table(df)[["start", "token"]].values.tolist()
        [[10, '推进'], [12, '煤改电'], [16, '工作'], [19, '完成']]
    """
    rows = []
    body = paragraphs[~paragraphs["is_heading"].astype(bool)]
    for para in body.itertuples(index=False):
        offset, previous = int(para.start), ""
        for token in tokenize(str(para.text)):
            if is_word(token) and not _FIGURE.match(previous):
                rows.append((int(para.paragraph), para.section_id, para.part, offset, token))
            offset += len(token)
            previous = token
    return pd.DataFrame(rows, columns=["paragraph", "section_id", "part", "start", "token"])


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


# English glosses of the words the chapter's figures and tables show (their sense in this
# text). A figure that needs a word missing here fails with the word's name: add it here.
GLOSSES: dict[str, str] = {
    "YE4": "YE4 motor series", "一体化": "integration", "一期": "phase one",
    "一枚印章管审批": "one seal for all approvals", "一等奖": "first prize",
    "万向农业科技园": "Wanxiang agricultural park", "三供一业": "three supplies, one service",
    "三农": "agriculture, villages, farmers", "下乡": "to the countryside",
    "不动产登记": "property registration", "中华文化走出去": "Chinese culture going global",
    "中学": "secondary school", "二青盛会": "Second Youth Games", "交流中心": "exchange centre",
    "企业": "enterprises", "优势": "advantage", "体育中心": "sports centre",
    "保护": "protection", "修复": "restoration", "全市": "city-wide", "全省": "the province",
    "全面": "across the board", "公共卫生": "public health", "农业": "agriculture",
    "农村集体产权制度改革": "rural collective property reform", "创建": "campaign to win a title",
    "创新": "innovation", "制造": "manufacturing", "力争": "strive to", "加大": "increase",
    "加强": "strengthen", "加快": "speed up", "医院": "hospital", "发展": "develop",
    "国家": "national", "地标": "landmark", "城市": "city", "太原": "Taiyuan",
    "太原市": "Taiyuan city", "完成": "complete", "实现": "achieve", "就业": "employment",
    "工作": "work", "工程": "project (works)", "巩固": "consolidate", "年内": "within the year",
    "广场": "square", "建成": "complete building", "建设": "build, construction",
    "引领": "lead", "总额": "total amount", "惠民": "benefit the people", "成功": "successfully",
    "打造": "build up", "持续": "continuously", "推动": "push forward", "推进": "advance",
    "提升": "raise", "提高": "improve", "支持": "support", "改革": "reform",
    "政府": "government", "政治": "political", "新材料": "new materials",
    "新能源汽车": "new-energy vehicles", "景区": "scenic area", "正式": "formally",
    "消费": "consumption", "电机": "electric motors", "留人": "retain talent",
    "疫情": "epidemic", "研发": "R&D", "群众": "the people", "航空": "aviation",
    "荣获": "was awarded", "达到": "reach", "通车": "open to traffic", "项目": "projects",
}


def gloss(word: str) -> str:
    """The English gloss of ``word``; KeyError naming the word if it has none.

    Examples:
        >>> gloss("年内")
        'within the year'
    """
    try:
        return GLOSSES[word]
    except KeyError:
        raise KeyError(f"no English gloss for {word!r}: add it to "
                       "gwr.chapters.language.GLOSSES") from None



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
