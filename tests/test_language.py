"""Tests for gwr.chapters.language and the curated jieba dictionary and stop-word list."""

from __future__ import annotations

import logging
import subprocess
import sys

import pandas as pd
import pytest

from gwr.chapters import language
from gwr.data.tables import load_table


@pytest.fixture(scope="module")
def tokens() -> pd.DataFrame:
    return language.token_table(load_table("paragraphs"))


@pytest.mark.parametrize("term", ["煤改电", "煤改气", "放管服效", "三大攻坚战", "二青会",
                                  "两下两进两拆", "服务型政府", "营商环境", "一枚印章管审批",
                                  "高质量", "2+26"])
def test_key_terms_are_one_token(term):
    assert language.tokenize(term) == [term]


def test_coal_to_electricity_is_one_token_in_its_sentence():
    sentence = "完成3.48万户“煤改电”“煤改气”，实现平原地区清洁供暖全覆盖。"
    assert "煤改电" in language.tokenize(sentence)


def test_every_userdict_word_stays_whole_everywhere_in_the_text(text):
    """Each dictionary word is found in the text, and where it occurs it is not cut in two
    (it may sit inside a longer dictionary word, e.g. 娄烦 in 娄烦山药蛋)."""
    tokens, starts, at = language.tokenize(text), set(), 0
    for token in tokens:
        starts.add(at)
        at += len(token)
    ends = {s + len(t) for s, t in zip(sorted(starts), tokens, strict=True)}
    for word in language.userdict_words():
        position = text.find(word)
        assert position >= 0, f"{word} is not in the source"
        while position >= 0:
            inner = [s for s in starts if position < s < position + len(word)]
            covered = position in starts and position + len(word) in ends
            assert covered or not inner or any(
                w != word and word in w for w in language.userdict_words()), word
            position = text.find(word, position + 1)


def test_userdict_lines_have_jieba_format():
    for line in language.USERDICT.read_text(encoding="utf-8").splitlines():
        word, freq, pos = line.split(" ")
        assert word and int(freq) > 0 and pos.isalpha()


def test_userdict_has_no_duplicates():
    words = language.userdict_words()
    assert len(words) == len(set(words))


def test_stopwords_skip_comments_and_keep_policy_verbs():
    stop = language.stopwords()
    assert "的" in stop and "报告" in stop
    assert not any(w.startswith("#") for w in stop)
    assert {"推进", "加快", "力争", "年内", "太原"}.isdisjoint(stop)


def test_tokenize_round_trips_and_repeats(text):
    first = language.tokenize(text)
    assert "".join(first) == text
    assert language.tokenize(text) == first


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


def test_kwic_finds_every_occurrence_with_its_paragraph():
    table = language.kwic(load_table("paragraphs"), "营商环境", width=4)
    assert table["paragraph"].tolist() == [7, 41, 108]
    assert table.iloc[0][["left", "right"]].tolist() == ["革，推动", "持续走在"]


def test_gloss_names_a_missing_word():
    with pytest.raises(KeyError, match="不存在"):
        language.gloss("不存在")


def test_jieba_is_silent_on_first_use(tmp_path):
    """Loading the tokenizer in a fresh interpreter writes nothing to stderr (a notebook
    with stderr output fails the strict build)."""
    code = "from gwr.chapters import language; language.tokenize('煤改电')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env={"TMPDIR": str(tmp_path), "PATH": ""})
    assert result.stderr == ""


def test_jieba_logger_is_quiet():
    assert logging.getLogger("jieba").getEffectiveLevel() >= logging.WARNING
