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
    assert counts.iloc[0].tolist() == ["建设", 34, 29]
    for _, group in counts.groupby("count"):
        assert group["token"].tolist() == sorted(group["token"])


def test_tfidf_scores_a_word_used_by_every_group_zero():
    frame = pd.DataFrame({"g": ["a", "b", "b"], "token": ["推进", "推进", "民生"]})
    scores = language.tfidf(frame, by="g").set_index(["g", "token"])["tfidf"]
    assert scores[("a", "推进")] == 0 and scores[("b", "民生")] > 0


def test_plan_word_within_the_year_is_distinctive(tokens):
    parts = language.tfidf(tokens[tokens["part"] != "front"], by="part")
    top = parts[(parts["part"] == "plan-2020") & (parts["count"] >= 2)].iloc[0]
    assert (top["token"], top["count"]) == ("年内", 16)


def test_kwic_finds_every_occurrence_with_its_paragraph(paragraphs):
    table = language.kwic(paragraphs, "营商环境", width=4)
    assert table["paragraph"].tolist() == [7, 41, 108]
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


def _close(fig):
    assert fig.axes
    plt.close(fig)


def test_charts_draw(tokens):
    use_style()
    _close(language.top_words_chart(language.word_counts(tokens).head(20), {"推进"},
                                    title="t", note="n"))
    scores = language.tfidf(tokens[tokens["part"] != "front"], by="part")
    scores = scores[(scores["count"] >= 2) & (scores["tfidf"] > 0)]
    scores = scores[scores.groupby("part").cumcount() < 8]
    _close(language.distinctive_words_chart(
        scores, ["review-2019", "plan-2020", "service-government"], title="t", note="n"))
    verbs = pd.DataFrame({"verb_zh": ["推进"], "verb_en": ["advance"],
                          "strength": ["process"], "count": [3]})
    _close(language.verb_strength_chart(verbs, title="t", note="n"))
