"""Tests for gwr.data.tokens (the segmentation, the jieba dictionary and the stop-word list) and
for tokens.csv and segmentation_lexicon.csv."""

from __future__ import annotations

import logging
import subprocess
import sys

import pandas as pd
import pytest

from gwr import paths
from gwr.data import tokens as seg
from gwr.data.tables import load_table
from gwr.errors import CuratedDataError


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return load_table("tokens")


@pytest.fixture(scope="module")
def words(table) -> pd.DataFrame:
    """The counted words, as chapter 6 takes them."""
    return table[table["counted"]]


@pytest.fixture(scope="module")
def userdict_words(text) -> list[str]:
    return [w.word for w in seg.load_userdict(text)]


@pytest.mark.parametrize("term", ["煤改电", "煤改气", "放管服效", "三大攻坚战", "二青会",
                                  "两下两进两拆", "服务型政府", "营商环境", "一枚印章管审批",
                                  "高质量", "2+26"])
def test_key_terms_are_one_token(term):
    assert seg.tokenize(term) == [term]


def test_coal_to_electricity_is_one_token_in_its_sentence():
    sentence = "完成3.48万户“煤改电”“煤改气”，实现平原地区清洁供暖全覆盖。"
    assert "煤改电" in seg.tokenize(sentence)


def test_every_userdict_word_stays_whole_everywhere_in_the_text(text, userdict_words):
    """Each dictionary word is found in the text, and where it occurs it is not cut in two
    (it may sit inside a longer dictionary word, e.g. 娄烦 in 娄烦山药蛋)."""
    tokens, starts, at = seg.tokenize(text), set(), 0
    for token in tokens:
        starts.add(at)
        at += len(token)
    ends = {s + len(t) for s, t in zip(sorted(starts), tokens, strict=True)}
    for word in userdict_words:
        position = text.find(word)
        assert position >= 0, f"{word} is not in the source"
        while position >= 0:
            inner = [s for s in starts if position < s < position + len(word)]
            covered = position in starts and position + len(word) in ends
            assert covered or not inner or any(
                w != word and word in w for w in userdict_words), word
            position = text.find(word, position + 1)


def test_userdict_lines_have_jieba_format():
    for line in paths.curated_file(seg.USERDICT_FILE).read_text(encoding="utf-8").splitlines():
        word, freq, pos = line.split(" ")
        assert word and int(freq) > 0 and pos.isalpha()


def test_userdict_has_no_duplicates(userdict_words):
    assert len(userdict_words) == len(set(userdict_words))


def test_stopwords_skip_comments_and_keep_policy_verbs():
    stop = set(seg.load_stopwords())
    assert "的" in stop and "报告" in stop
    assert not any(w.startswith("#") for w in stop)
    assert {"推进", "加快", "力争", "年内", "太原"}.isdisjoint(stop)


def test_tokenize_round_trips_and_repeats(text):
    first = seg.tokenize(text)
    assert "".join(first) == text
    assert seg.tokenize(text) == first


# The loaders: a malformed or stale line names the file and the line.

@pytest.mark.parametrize(("line", "problem"), [
    ("煤改电 2000", r"expected jieba's format"),
    ("煤改电  2000 nz", r"expected jieba's format"),
    ("煤改电 0 nz", r"expected jieba's format"),
    ("不存在的词 2000 nz", r"the word does not occur in the text"),
])
def test_a_bad_userdict_line_names_file_and_line(tmp_path, text, line, problem):
    path = tmp_path / seg.USERDICT_FILE
    path.write_text(f"服务型政府 2000 nz\n{line}\n", encoding="utf-8")
    with pytest.raises(CuratedDataError, match=rf"data/curated/jieba_userdict.txt, line 2 "
                                               rf"\('[^']+'\): {problem}"):
        seg.load_userdict(text, path=path)


def test_a_duplicate_userdict_word_is_refused(tmp_path, text):
    path = tmp_path / seg.USERDICT_FILE
    path.write_text("煤改电 2000 nz\n煤改电 2000 nz\n", encoding="utf-8")
    with pytest.raises(CuratedDataError, match=r"line 2 \('煤改电'\): the word is listed twice"):
        seg.load_userdict(text, path=path)


@pytest.mark.parametrize(("content", "problem"), [
    ("# comment\n的\n的\n", r"line 3 \('的'\): the word is listed twice"),
    ("的\n了 和\n", r"line 2 \('了 和'\): one word per line"),
])
def test_a_bad_stopword_line_names_file_and_line(tmp_path, content, problem):
    path = tmp_path / seg.STOPWORDS_FILE
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CuratedDataError, match=rf"data/curated/stopwords_zh.txt, {problem}"):
        seg.load_stopwords(path=path)


def test_a_missing_list_is_named(tmp_path):
    with pytest.raises(CuratedDataError, match=r"data/curated/stopwords_zh.txt: file not found"):
        seg.load_stopwords(path=tmp_path / seg.STOPWORDS_FILE)


# tokens.csv

def test_every_token_is_its_span_and_the_tokens_give_the_text_back(text, table):
    for row in table.itertuples(index=False):
        assert text[row.start:row.end] == row.token
    joined = table.groupby("paragraph", sort=True)["token"].agg("".join)
    assert "\n".join(joined) == text


def test_token_offsets_point_into_the_source(text, words):
    for row in words.itertuples(index=False):
        assert text[row.start:row.start + len(row.token)] == row.token


def test_tokens_leave_out_headings_units_and_stop_words(words):
    assert not set(words["paragraph"]) & {1, 10, 11, 42, 107}
    assert not {"万户", "余场", "的", "报告"} & set(words["token"])
    assert words["token"].str.len().min() >= 2


def test_counted_is_exactly_the_rows_without_a_reason(table):
    assert (table["counted"] == (table["excluded"] == "")).all()
    assert set(table["excluded"]) - {""} <= set(seg.EXCLUSIONS)


@pytest.mark.parametrize(("paragraph", "token", "excluded"), [
    (20, "煤改电", ""), (20, "万户", "unit"), (20, "“", "no_letter"), (20, "3.48", None),
    (1, "服务型政府", "heading"), (7, "报告强调", None), (108, "12345", "no_letter"),
])
def test_reasons_against_the_source(table, paragraph, token, excluded):
    rows = table[(table["paragraph"] == paragraph) & (table["token"] == token)]
    if excluded is None:  # not one token: jieba cuts it (3 | . | 48; 报告 | 强调)
        assert rows.empty
    else:
        assert not rows.empty and set(rows["excluded"]) == {excluded}


def test_stop_words_are_flagged_wherever_they_stand(table):
    stop = set(seg.load_stopwords())
    assert (table["is_stopword"] == table["token"].isin(stop)).all()
    # 报告 is a stop word; in a heading it is excluded as a heading token first.
    assert set(table.loc[table["token"] == "报告", "excluded"]) <= {"stop_word", "heading"}


def test_sections_of_tokens_are_those_of_their_paragraphs(table):
    paragraphs = load_table("paragraphs").set_index("paragraph")["section_id"]
    assert (table["section_id"] == table["paragraph"].map(paragraphs)).all()


def test_the_table_is_what_segment_gives(text, paragraphs, words):
    rows = seg.segment(paragraphs, frozenset(seg.load_stopwords()))
    counted = [(t.start, t.token) for t in rows if t.counted]
    assert counted == list(zip(words["start"], words["token"], strict=True))
    assert len(counted) == 1804


# segmentation_lexicon.csv

def test_the_lexicon_lists_both_files_in_order(text, userdict_words):
    lexicon = load_table("segmentation_lexicon")
    by_list = lexicon.groupby("word_list")["word"].agg(list)
    assert by_list["user_dictionary"] == userdict_words
    assert by_list["stop_word"] == seg.load_stopwords()
    assert lexicon.loc[lexicon["word_list"] == "stop_word", "frequency"].isna().all()
    assert (lexicon.loc[lexicon["word_list"] == "user_dictionary", "frequency"] > 0).all()


def test_lexicon_token_counts_match_the_tokens(table):
    lexicon = load_table("segmentation_lexicon").set_index(["word_list", "word"])["tokens"]
    assert lexicon[("user_dictionary", "煤改电")] == (table["token"] == "煤改电").sum() == 2
    assert lexicon[("user_dictionary", "娄烦")] == 0  # always inside 娄烦山药蛋
    assert lexicon[("stop_word", "的")] == (table["token"] == "的").sum() > 0


# jieba stays quiet.

def test_jieba_is_silent_on_first_use(tmp_path):
    """Loading the tokenizer in a fresh interpreter writes nothing to stderr (a notebook
    with stderr output fails the strict build)."""
    code = "from gwr.data import tokens; tokens.tokenize('煤改电')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env={"TMPDIR": str(tmp_path), "PATH": ""})
    assert result.stderr == ""


def test_jieba_logger_is_quiet():
    assert logging.getLogger("jieba").getEffectiveLevel() >= logging.WARNING
