"""Tests for gwr.chapters.language (counts, TF-IDF, KWIC, glosses and the chapter-06 charts),
working from tokens.csv as the chapter does. The segmentation itself is tested in
tests/test_tokens.py."""

from __future__ import annotations

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from gwr.chapters import language
from gwr.data.tables import load_table
from gwr.style import use_style


@pytest.fixture(scope="module")
def paragraphs() -> pd.DataFrame:
    return load_table("paragraphs")


@pytest.fixture(scope="module")
def tokens(paragraphs) -> pd.DataFrame:
    return language.counted_words(load_table("tokens"), paragraphs)


def test_counted_words_are_the_counted_tokens_with_their_part(tokens, paragraphs):
    assert list(tokens.columns) == ["paragraph", "section_id", "part", "start", "token"]
    # 1804: the segmenter's count (the rows of tokens.csv marked counted), a regression value
    # with no independent oracle; test_the_top_word_count_agrees_with_str_count checks one word.
    assert tokens["start"].is_monotonic_increasing and len(tokens) == 1804
    parts = paragraphs.set_index("paragraph")["part"]
    assert (tokens["part"] == tokens["paragraph"].map(parts)).all()


def test_token_offsets_point_into_the_source(text, tokens):
    for row in tokens.itertuples(index=False):
        assert text[row.start:row.start + len(row.token)] == row.token


def test_tokens_leave_out_headings_units_and_stop_words(tokens):
    assert not set(tokens["paragraph"]) & {1, 10, 11, 42, 107}
    assert not {"万户", "余场", "的", "报告"} & set(tokens["token"])
    assert tokens["token"].str.len().min() >= 2


def test_word_counts_are_sorted_with_ties_alphabetical(tokens):
    counts = language.word_counts(tokens)
    assert counts["count"].is_monotonic_decreasing
    # 34 tokens in 29 paragraphs: see test_the_top_word_count_agrees_with_str_count.
    assert counts.iloc[0].tolist() == ["建设", 34, 29]
    for _, group in counts.groupby("count"):
        assert group["token"].tolist() == sorted(group["token"])


def test_the_top_word_count_agrees_with_str_count(tokens, paragraphs):
    """建设 counted by a second method, str.count on the text. The whole source holds it 39 times;
    4 stand in headings (¶1, ¶2, ¶40, ¶107), which are not counted, leaving 35 in the body
    paragraphs. The chapter counts words (tokens), not strings: the segmenter reads one of the
    35 as part of the longer word 工程建设 (¶81), so 建设 is counted 34 times, in the 29 body
    paragraphs where the string stands."""
    body = paragraphs[~paragraphs["is_heading"]]
    per_paragraph = body["text"].str.count("建设")
    assert per_paragraph.sum() == 35
    longer = tokens[tokens["token"].str.contains("建设") & (tokens["token"] != "建设")]
    assert list(zip(longer["paragraph"], longer["token"], strict=True)) == [(81, "工程建设")]
    words = tokens[tokens["token"] == "建设"]
    assert len(words) == per_paragraph.sum() - len(longer) == 34
    assert words["paragraph"].nunique() == (per_paragraph > 0).sum() == 29


def test_tfidf_scores_a_word_used_by_every_group_zero():
    frame = pd.DataFrame({"g": ["a", "b", "b"], "token": ["推进", "推进", "民生"]})
    scores = language.tfidf(frame, by="g").set_index(["g", "token"])["tfidf"]
    assert scores[("a", "推进")] == 0 and scores[("b", "民生")] > 0


def test_plan_word_within_the_year_is_distinctive(tokens, paragraphs):
    parts = language.tfidf(tokens[tokens["part"] != "front"], by="part")
    top = parts[(parts["part"] == "plan-2020") & (parts["count"] >= 2)].iloc[0]
    # 16 by a second method: str.count("年内") over the body paragraphs of part 2.
    assert (top["token"], top["count"]) == ("年内", 16)
    plan_text = paragraphs.loc[(paragraphs["part"] == "plan-2020") & ~paragraphs["is_heading"],
                               "text"]
    assert plan_text.str.count("年内").sum() == 16


def test_kwic_finds_every_occurrence_with_its_paragraph(paragraphs):
    table = language.kwic(paragraphs, "营商环境", width=4)
    # Second method: the paragraphs whose text contains the phrase (str.contains).
    assert table["paragraph"].tolist() == [7, 41, 108]
    assert paragraphs.loc[paragraphs["text"].str.contains("营商环境"), "paragraph"].tolist() == \
        [7, 41, 108]
    assert table.iloc[0][["left", "right"]].tolist() == ["革，推动", "持续走在"]


def test_gloss_names_a_missing_word():
    with pytest.raises(KeyError, match="不存在"):
        language.gloss("不存在")


def test_every_word_the_chapter_shows_has_a_gloss(tokens):
    """The figures and tables of chapter 6 show these words; each needs a gloss."""
    shown = set(language.word_counts(tokens).head(20)["token"])
    by_part = language.tfidf(tokens[tokens["part"] != "front"], by="part")
    distinctive = by_part[(by_part["count"] >= 2) & (by_part["tfidf"] > 0)]
    shown |= set(distinctive[distinctive.groupby("part").cumcount() < 8]["token"])
    body = tokens[tokens["part"] != "front"]
    by_section = language.tfidf(body, by="section_id")
    glosses = load_table("word_glosses")
    key_terms = set(glosses.loc[glosses["kwic"], "word"])
    assert key_terms == {"高质量", "营商环境", "民生"}
    shown |= set(by_section[by_section["rank"] <= 3]["token"]) | key_terms
    for word in sorted(shown):
        assert language.gloss(word), word


def test_every_numeral_role_has_a_label_and_code_is_the_word_for_figures():
    formulations = load_table("formulations")
    assert set(formulations["numeral_role"]) <= set(language.NUMERAL_ROLE_LABELS)
    assert language.NUMERAL_ROLES == ("list", "quantity", "code")
    # One word for the role of figures used as a label: code (2+26 and 4+2 included), never
    # "name", which is a category of excluded phrases in formulations.yml.
    assert language.NUMERAL_ROLE_LABELS["code"].startswith("a code")
    assert "name" not in " ".join(language.NUMERAL_ROLE_LABELS.values())
    codes = formulations.loc[formulations["numeral_role"] == "code", "term"]
    assert {"2+26", "4+2"} <= set(codes)


def test_quoted_phrase_set():
    frame = pd.DataFrame({"text": ["深化“放管服效”改革", "“三公”经费，“放管服效”"]})
    assert language.quoted_phrase_set(frame) == {"放管服效", "三公"}


def _bars(ax):
    """What a bar chart shows: bar lengths, y labels and the labels on the bars, in order."""
    return ([round(p.get_width(), 9) for p in ax.patches],
            [t.get_text() for t in ax.get_yticklabels()],
            [t.get_text() for t in ax.texts])


def test_charts_show_the_data_passed_in(tokens):
    use_style()
    top = language.word_counts(tokens).head(20)
    fig = language.top_words_chart(top, {"推进"}, title="t", note="n")
    widths, labels, texts = _bars(fig.axes[0])
    assert widths == [float(n) for n in top["count"]]
    assert labels == [f"{w} ({language.gloss(w)})" for w in top["token"]]
    assert [str(n) for n in top["count"]] == texts[:len(top)]
    plt.close(fig)
    scores = language.tfidf(tokens[tokens["part"] != "front"], by="part")
    scores = scores[(scores["count"] >= 2) & (scores["tfidf"] > 0)]
    scores = scores[scores.groupby("part").cumcount() < 8]
    parts = ["review-2019", "plan-2020", "service-government"]
    fig = language.distinctive_words_chart(scores, parts, title="t", note="n")
    for ax, part in zip(fig.axes, parts, strict=True):
        rows = scores[scores["part"] == part]
        widths, labels, texts = _bars(ax)
        assert widths == [round(v * 1000, 9) for v in rows["tfidf"]], part
        assert [label.split(" (")[0] for label in labels] == rows["token"].tolist(), part
        assert texts[:len(rows)] == [f"×{n}" for n in rows["count"]], part
    plt.close(fig)
    verbs = pd.DataFrame({"verb_zh": ["推进", "确保"], "verb_en": ["advance", "ensure"],
                          "strength": ["process", "binding"], "count": [3, 2]})
    fig = language.verb_strength_chart(verbs, title="t", note="n")
    widths, labels, texts = _bars(fig.axes[0])
    assert widths == [3.0, 2.0]
    assert labels == ["推进 (advance)", "确保 (ensure)"]
    assert texts[:2] == ["3", "2"]
    plt.close(fig)
