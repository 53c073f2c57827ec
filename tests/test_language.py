"""Tests for gwr.chapters.language (counts, TF-IDF, KWIC, glosses and the chapter-06 charts),
working from tokens.csv as the chapter does. The segmentation itself is tested in
tests/test_tokens.py."""

from __future__ import annotations

import io
import re

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


def _marks(fig) -> list:
    """The artists a chart tagged as marks (SVG id mark-N), in the order of their numbers."""
    marks = [a for a in fig.findobj() if (a.get_gid() or "").startswith("mark-")]
    return sorted(marks, key=lambda a: int(a.get_gid().split("-")[1]))


@pytest.fixture(scope="module")
def commitments() -> pd.DataFrame:
    return load_table("commitments")


@pytest.fixture(scope="module")
def top(tokens, commitments) -> pd.DataFrame:
    return language.top_words_data(tokens, set(commitments["verb_zh"]))


PARTS = ["review-2019", "plan-2020", "service-government"]


@pytest.fixture(scope="module")
def distinctive(tokens) -> pd.DataFrame:
    return language.distinctive_data(tokens, PARTS)


def test_charts_show_the_data_passed_in(top, distinctive):
    use_style()
    fig = language.top_words_chart(top, title="t", note="n")
    widths, labels, texts = _bars(fig.axes[0])
    assert widths == [float(n) for n in top["occurrences"]]
    assert labels == [f"{w} ({language.gloss(w)})" for w in top["word"]]
    assert [str(n) for n in top["occurrences"]] == texts[:len(top)]
    plt.close(fig)
    fig = language.distinctive_words_chart(distinctive, title="t", note="n")
    for ax, part in zip(fig.axes, PARTS, strict=True):
        rows = distinctive[distinctive["part"] == part]
        widths, labels, texts = _bars(ax)
        assert widths == [round(v * 1000, 9) for v in rows["tfidf"]], part
        assert [label.split(" (")[0] for label in labels] == rows["word"].tolist(), part
        assert texts[:len(rows)] == [f"×{n}" for n in rows["occurrences"]], part
        assert ax.get_title(loc="left") == rows["panel"].iloc[0]
    plt.close(fig)
    verbs = pd.DataFrame({"rank": [1, 2, 2], "verb_zh": ["推进", "启动", "启动"],
                          "verb_en": ["advance", "launch", "launch"],
                          "strength": ["process", "binding", "aspirational"],
                          "commitments": [3, 1, 1], "verb_commitments": [3, 2, 2]})
    fig = language.verb_strength_chart(verbs, title="t", note="n")
    widths, labels, texts = _bars(fig.axes[0])
    assert widths == [3.0, 1.0, 1.0]
    assert labels == ["推进 (advance)", "启动 (launch)"]
    assert texts[:2] == ["3", "2"]  # each verb's total, once
    # 启动's two segments share a row, the second starting where the first ends.
    segments = fig.axes[0].patches
    assert segments[1].get_y() == segments[2].get_y() != segments[0].get_y()
    assert segments[2].get_x() == segments[1].get_x() + segments[1].get_width()
    plt.close(fig)
    with pytest.raises(ValueError, match="each verb's rows together"):
        language.verb_strength_chart(verbs.iloc[[1, 0, 2]], title="t", note="n")


def test_every_chart_tags_one_mark_per_row_in_row_order(top, distinctive, commitments):
    use_style()
    verbs = language.verb_data(commitments)
    for chart, data, value in [
        (language.top_words_chart, top, top["occurrences"]),
        (language.distinctive_words_chart, distinctive, distinctive["tfidf"] * 1000),
        (language.verb_strength_chart, verbs, verbs["commitments"]),
    ]:
        fig = chart(data, title="t", note="n")
        marks = _marks(fig)
        assert len(marks) == len(data) > 0, chart.__name__
        svg = io.StringIO()
        fig.savefig(svg, format="svg")  # the site test counts the ids in the published SVG
        assert len(re.findall(r'id="mark-\d+"', svg.getvalue())) == len(data), chart.__name__
        assert [m.get_gid() for m in marks] == [f"mark-{i}" for i in range(len(data))]
        # Mark N is the bar of row N: its length is the row's value.
        assert [round(m.get_width(), 9) for m in marks] == [round(v, 9) for v in value]
        plt.close(fig)


def test_the_distinctive_chart_refuses_parts_out_of_order(distinctive):
    shuffled = distinctive.sort_values("word")
    with pytest.raises(ValueError, match="each part's rows together"):
        language.distinctive_words_chart(shuffled, title="t", note="n")


def test_figure_data_hold_values_a_reader_can_check(top, distinctive, commitments, paragraphs):
    # 建设: 34 words in 29 paragraphs (test_the_top_word_count_agrees_with_str_count).
    assert top.iloc[0][["word", "occurrences", "paragraphs"]].tolist() == ["建设", 34, 29]
    assert len(top) == 20 and top["occurrences"].is_monotonic_decreasing
    # 推进 ("advance") governs commitments, e.g. ¶77 「推进太郑高铁……」; 建设 governs none.
    by_word = top.set_index("word")
    assert by_word.loc["推进", "governs_commitment"]
    assert not by_word.loc["建设", "governs_commitment"]
    # The panels in the order of the parts, the plan's first word 年内 ×16 (str.count over
    # the plan's body paragraphs), and part 3's 政治 ×2: 「……政治……」 twice in ¶108–¶110.
    assert list(dict.fromkeys(distinctive["part"])) == PARTS
    assert list(dict.fromkeys(distinctive["panel"])) == [
        "Part 1: review of 2019", "Part 2: plan for 2020", "Part 3: service-oriented government"]
    plan = distinctive[distinctive["part"] == "plan-2020"].iloc[0]
    assert (plan["word"], plan["occurrences"]) == ("年内", 16)
    body = paragraphs[~paragraphs["is_heading"]]
    part3 = body.loc[body["part"] == "service-government", "text"]
    zhengzhi = distinctive[(distinctive["part"] == "service-government")
                           & (distinctive["word"] == "政治")]
    assert zhengzhi["occurrences"].tolist() == [part3.str.count("政治").sum()] == [2]
    # 完成 (complete) governs six commitments, among them ¶60's 「完成户厕改造6.9万座」.
    verbs = language.verb_counts(commitments).set_index("verb_zh")
    assert (verbs.loc["完成", "strength"], verbs.loc["完成", "commitments"]) == ("binding", 6)
    assert "完成户厕改造6.9万座" in set(commitments.loc[commitments["verb_zh"] == "完成", "text"])


def test_the_formulation_table_rows_and_values(text):
    formulations = load_table("formulations")
    data = language.formulation_data(formulations)
    shown = language.formulation_table(data)
    assert len(shown) == len(data) == len(formulations)
    assert list(data["term"]) == list(formulations.sort_values("first_start")["term"])
    # 三大攻坚战 stands three times in the text, in ¶5, ¶6 and ¶72 (str.count).
    first = data.iloc[0]
    assert (first["term"], first["count"], first["paragraphs"]) == ("三大攻坚战", 3, "5;6;72")
    assert text.count("三大攻坚战") == 3
    assert shown.iloc[0].tolist() == ["三大攻坚战", "the three tough battles", "¶5, ¶6, ¶72",
                                      "counts a list", "national"]
    # A term without a numeral reads "none": 放管服效 (¶7, ¶108).
    row = shown.set_index("Term").loc["放管服效"]
    assert (row["Paragraphs"], row["Numeral"]) == ("¶7, ¶108", "none")


def test_the_formulation_table_says_when_a_paragraph_holds_a_term_twice():
    data = pd.DataFrame({"term": ["民生"], "gloss_en": ["g"], "count": [3], "paragraphs": ["5;6"],
                         "numeral_role": [""], "origin": ["unknown"]})
    assert language.formulation_table(data)["Paragraphs"].tolist() == ["¶5, ¶6 (3 times)"]


def test_the_section_table_rows_and_values(tokens):
    sections = load_table("sections")
    body = sections[sections["kind"].isin(["review_area", "plan_task", "service_government"])]
    data = language.section_words_data(body, tokens)
    shown = language.section_words_table(data)
    assert len(shown) == len(data) == len(body) == 19
    city = data.set_index("section_id").loc["plan-city"]
    # ¶77–¶93 (plan-city): 年内 seven times in the body text (str.count), its third word.
    assert (city["word_3"], city["occurrences_3"]) == ("年内", 7)
    assert city["tfidf_1"] >= city["tfidf_2"] >= city["tfidf_3"] > 0
    assert shown.set_index("Paragraphs").loc["¶76–¶93", "Most distinctive words (occurrences)"] \
        == "城市 (city) ×6; 通车 (open to traffic) ×3; 年内 (within the year) ×7"


def test_the_kwic_table_rows_carry_their_spans(text, paragraphs):
    data = language.kwic_data(paragraphs, ["高质量", "营商环境", "民生"], width=10)
    shown = language.kwic_table(data)
    assert len(shown) == len(data)
    for row in data.itertuples(index=False):
        assert text[row.start:row.end] == row.quote == row.term
        assert text[row.start - len(row.left):row.start] == row.left
        assert text[row.end:row.end + len(row.right)] == row.right
    # Every 民生 of the source is there: seven (str.count), two of them in ¶37.
    assert (data["term"] == "民生").sum() == text.count("民生") == 7
    assert data.loc[data["term"] == "民生", "paragraph"].tolist() == [5, 6, 6, 36, 37, 37, 94]
    # ¶36 is the heading 「民生保障达到新水平」 of the review's welfare area.
    heading = shown[(data["term"] == "民生").to_numpy() & (data["paragraph"] == 36).to_numpy()]
    assert heading["Where"].tolist() == ["Part 1: review of 2019, heading"]


def test_the_verb_figure_keeps_every_verb_tied_at_the_cut(commitments):
    verbs = language.verb_data(commitments, min_commitments=3)
    totals = commitments["verb_zh"].value_counts()
    # Every verb with three commitments or more, and no other: the seven verbs with three
    # each are all in, 支持 (¶67, ¶69, ¶79), 新建 (¶60, ¶96 twice) and 达到 (¶63 twice, ¶96)
    # among them; the cut of release 0.x, head(15), kept only three of them.
    assert set(verbs["verb_zh"]) == set(totals[totals >= 3].index)
    assert {"支持", "新建", "达到", "加大", "建成", "强化", "启动"} <= set(verbs["verb_zh"])
    assert verbs["verb_zh"].nunique() == 19
    # A verb's rows add up to its total, which is the count in commitments.csv.
    by_verb = verbs.groupby("verb_zh")
    assert (by_verb["commitments"].sum() == by_verb["verb_commitments"].first()).all()
    assert (by_verb["verb_commitments"].first() == totals[by_verb["verb_commitments"].first()
                                                          .index]).all()
    # 启动 (launch): binding in ¶56 and ¶89, hedged by 尽快 in ¶81 「尽快启动3号线前期工作」.
    qidong = verbs[verbs["verb_zh"] == "启动"]
    assert qidong[["strength", "commitments"]].values.tolist() == [["binding", 2],
                                                                  ["aspirational", 1]]
    # Ranks are shared by ties: 加快 and 推进 (16 each) are both first, 推动 third.
    rank = verbs.drop_duplicates("verb_zh").set_index("verb_zh")["rank"]
    assert (rank["加快"], rank["推进"], rank["推动"]) == (1, 1, 3)
    assert set(rank[verbs.drop_duplicates("verb_zh")["verb_commitments"].eq(3).to_numpy()]) \
        == {13}
    # Order: by total, then by the verb's code point; a verb's rows together.
    firsts = verbs.drop_duplicates("verb_zh")
    assert firsts.sort_values(["verb_commitments", "verb_zh"], ascending=[False, True]
                              )["verb_zh"].tolist() == firsts["verb_zh"].tolist()


def test_the_word_figures_say_where_a_cut_falls_inside_a_tie(top, distinctive, tokens):
    # Top words: 建成 is the twentieth word, with 9 occurrences, and five words share that
    # count (全市, 全面, 加强, 建成, 重点); 重点 is left out by code-point order.
    counts = language.word_counts(tokens)
    last = top.iloc[-1]
    assert (last["word"], last["occurrences"], last["rank"]) == ("建成", 9, 17)
    assert last["words_sharing_rank"] == (counts["count"] == 9).sum() == 5
    assert "重点" not in set(top["word"])
    # Ranks are shared by ties: 太原 and 推进 both occur 21 times and are both second.
    assert top.set_index("word").loc[["太原", "推进"], "rank"].tolist() == [2, 2]
    # Distinctive words: in the review nine words, each used twice, tie for third place; six
    # are drawn (地标 … 电机) and 第一, 系列 and 荣获 are not.
    review = distinctive[distinctive["part"] == "review-2019"]
    assert len(review) == 8
    assert review["rank"].tolist() == [1, 2, 3, 3, 3, 3, 3, 3]
    assert review["words_sharing_rank"].tolist() == [1, 1] + [9] * 6
    assert not {"第一", "系列", "荣获"} & set(review["word"])
    # The plan's ranks: 加快 and 太原 share third place, 力争, 达到 and 项目 fifth.
    plan = distinctive[distinctive["part"] == "plan-2020"].set_index("word")
    assert plan.loc[["加快", "太原", "力争", "达到", "项目"], "rank"].tolist() == [3, 3, 5, 5, 5]


def test_the_formulation_source_is_the_span_of_its_paragraphs():
    rows = language.formulation_data(load_table("formulations"))
    # The first formulation, 三大攻坚战, stands in ¶5; the last, 三公 and 紧日子, in ¶109.
    assert language.formulation_source(rows) == "¶5–¶109"
