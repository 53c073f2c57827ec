"""Tests for gwr.chapters.review_2019: claims of distinction, the review's figures, charts."""

from __future__ import annotations

import copy

import matplotlib
import pandas as pd
import pytest

from gwr.chapters import review_2019 as review
from gwr.curated import load_yaml_mapping
from gwr.data.tables import load_table
from gwr.errors import CuratedDataError

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return review.load_review_claims()


@pytest.fixture(scope="module")
def curated() -> dict:
    return load_yaml_mapping(review.CURATED_FILE)


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return {name: load_table(name) for name in ("sections", "indicators", "paragraphs")}


@pytest.fixture(scope="module")
def figures(frames) -> pd.DataFrame:
    return review.review_figures(frames["indicators"], frames["sections"])


def test_every_claim_quotes_the_text_at_its_offsets(claims, text):
    assert len(claims) == 16
    for row in claims.itertuples():
        assert text[row.start:row.end] == row.quote
        assert row.quote in text.split("\n")[row.paragraph - 1]


def test_claims_lie_in_the_review_and_have_known_types(claims):
    assert claims["section_id"].str.startswith("review-").all()
    assert claims["paragraph"].between(11, 41).all()
    assert set(claims["type"]) <= set(review.CLAIM_TYPES)
    assert claims["claim_id"].is_unique
    assert claims["gloss_en"].str.len().gt(10).all()


def test_the_issue_examples_are_classified(claims):
    by_quote = dict(zip(claims["quote"], claims["type"], strict=True))
    assert by_quote["“全国绿化模范城市”"] == "award"
    assert by_quote["连锁便利店发展指数位列全国第一"] == "ranking"
    assert by_quote["营商环境便利度综合排名全省第一"] == "ranking"
    assert by_quote["首批入选2019年国家物流枢纽建设名单"] == "first"


def test_stale_entry_names_the_file_and_the_entry(curated):
    stale = copy.deepcopy(curated)
    stale["12: 连锁便利店发展指数位列全国第二"] = stale.pop("12: 连锁便利店发展指数位列全国第一")
    with pytest.raises(CuratedDataError, match=r"review_claims\.yml, entry '12: 连锁便利店发展指数"
                                               r"位列全国第二'.*does not occur in ¶12"):
        review.load_review_claims(curated=stale)


def test_a_changed_source_makes_the_entry_stale(curated, text):
    changed = text.replace("营商环境便利度综合排名全省第一", "营商环境便利度综合排名全省第二")
    with pytest.raises(CuratedDataError, match=r"entry '41: 营商环境便利度综合排名全省第一'"):
        review.load_review_claims(curated=curated, text=changed)


@pytest.mark.parametrize(("key", "entry", "message"), [
    ("108: 深化“放管服效”改革", {"id": "x", "type": "other", "gloss_en": "g"},
     "not in one of the nine areas"),
    ("22: 城市", {"id": "x", "type": "award", "gloss_en": "g"}, "occurs 2 times"),
    ("12: 位列全国第一", {"id": "x", "type": "prize", "gloss_en": "g"}, "type 'prize'"),
    ("12: 位列全国第一", {"id": "X y", "type": "ranking", "gloss_en": "g"}, "lower-case slug"),
    ("12: 位列全国第一", {"id": "x", "type": "ranking"}, "missing required field 'gloss_en'"),
    ("12 位列全国第一", {"id": "x", "type": "ranking", "gloss_en": "g"}, "the key must read"),
])
def test_bad_entries_fail_with_a_message(key, entry, message):
    with pytest.raises(CuratedDataError, match=message):
        review.load_review_claims(curated={key: entry})


def test_duplicate_ids_within_an_area_fail():
    entries = {"12: 位列全国第一": {"id": "x", "type": "ranking", "gloss_en": "g"},
               "12: 首批入选": {"id": "x", "type": "first", "gloss_en": "g"}}
    with pytest.raises(CuratedDataError, match="used twice"):
        review.load_review_claims(curated=entries)


def test_review_figures_read_the_text(figures):
    assert len(figures) == 31
    assert (figures["kind"] == "baseline").sum() == 1
    poverty = figures[figures["subject_zh"] == "贫困发生率"]
    assert poverty["value"].tolist() == [6.68, 0.08]
    assert poverty["year"].tolist() == [2016, 2019]
    green = figures[figures["paragraph"] == 22]
    assert green["value"].tolist() == [43.38, 38.3, 12.78]
    renewal = figures[figures["paragraph"] == 29]
    assert renewal["value"].tolist() == [478, 1776, 26]
    assert renewal["unit_zh"].tolist() == ["条", "个", "个"]


def test_area_profile_adds_up(frames, figures, claims):
    profile = review.area_profile(frames["sections"], figures, claims)
    assert len(profile) == 9
    assert profile["order"].tolist() == list(range(1, 10))
    assert profile["figures"].sum() == len(figures)
    assert profile["claims"].sum() == len(claims)
    assert profile.loc[["review-youth-games", "review-government"], "figures"].tolist() == [0, 0]
    assert profile.loc["review-economy", "claims"] == 6


def test_paragraph_coverage_counts_body_paragraphs(frames, figures, claims):
    cover = review.paragraph_coverage(frames["paragraphs"], figures, claims)
    assert len(cover) == 22
    assert cover.loc[cover["figures"] == 0, "paragraph"].tolist() == [12, 15, 24, 31, 32, 35, 41]
    assert cover["figures"].sum() == len(figures)


def test_format_value_keeps_every_digit():
    assert review.format_value(288000000000.0) == "288,000,000,000"
    assert review.format_value(12.78) == "12.78"
    assert review.format_value(0.08) == "0.08"


def test_charts_draw_titles_and_source_notes(frames, figures, claims):
    from gwr.style import use_style

    use_style()
    profile = review.area_profile(frames["sections"], figures, claims)
    fig = review.spread_chart(profile, title="T", note="Source: ¶11–¶41")
    assert len(fig.axes) == 3
    assert fig.texts[0].get_text() == "T"
    notes = [t.get_text() for t in fig.axes[0].texts]
    assert "Source: ¶11–¶41" in notes
    green = figures[figures["paragraph"] == 22].assign(label_en=["a", "b", "c"])
    fig = review.green_space_chart(green, title="G", note="Source: ¶22")
    assert [len(ax.patches) for ax in fig.axes] == [2, 1]
