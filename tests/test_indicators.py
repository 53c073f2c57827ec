"""Tests for gwr.data.indicators and indicators.csv: every stated figure, read to the last digit."""

from __future__ import annotations

import copy
import re
from decimal import Decimal

import pytest

from gwr import paths
from gwr.curated import load_yaml_mapping
from gwr.data.indicators import load_indicators
from gwr.errors import CuratedDataError


@pytest.fixture(scope="module")
def indicators(tables):
    return tables["indicators"]


def row(indicators, paragraph, quote):
    hits = indicators[(indicators["paragraph"] == paragraph) & (indicators["quote"] == quote)]
    assert len(hits) == 1, (paragraph, quote)
    return hits.iloc[0]


def test_every_quantity_mention_has_an_indicator_row(tables):
    mentions, indicators = tables["mentions"], tables["indicators"]
    quantities = mentions[mentions["class"] == "quantity"]
    for m in quantities.itertuples():
        inside = indicators[(indicators["start"] <= m.start) & (indicators["end"] >= m.end)]
        assert len(inside) == 1, (m.paragraph, m.quote)
    assert len(quantities) == len(indicators)


@pytest.mark.parametrize(("paragraph", "quote", "value", "unit", "qualifier"), [
    (34, "近300万人次", "3000000", "人次", "nearly"),
    (16, "7万余人", "70000", "人", "more_than"),
    (74, "85%以上", "85", "%", "at_least"),
    (22, "43.38％", "43.38", "%", "exact"),
    (20, "3.48万户", "34800", "户", "exact"),
    (26, "2880亿元", "288000000000", "元", "exact"),
    (26, "超过1000亿元", "100000000000", "元", "more_than"),
    (96, "不少于3所", "3", "所", "at_least"),
    (96, "不少于2所", "2", "所", "at_least"),
    (85, "2900座以上", "2900", "座", "at_least"),
    (37, "80％左右", "80", "%", "about"),
    (84, "2000万平方米", "20000000", "平方米", "exact"),
    (22, "12.78平方米", "12.78", "平方米", "exact"),
    (18, "0.08％", "0.08", "%", "exact"),
    (39, "1.38万套", "13800", "套", "exact"),
    (60, "6.9万座", "69000", "座", "exact"),
    (103, "2.9万套", "29000", "套", "exact"),
])
def test_pitfall_values(indicators, paragraph, quote, value, unit, qualifier):
    r = row(indicators, paragraph, quote)
    assert Decimal(str(r["value"])) == Decimal(value)
    assert (r["unit_zh"], r["qualifier"]) == (unit, qualifier)


def test_two_growth_rates_for_two_subjects(indicators):
    assert row(indicators, 16, "86.5％")["subject_zh"] == "科技型中小企业"
    assert row(indicators, 16, "68％")["subject_zh"] == "高新技术企业"


def test_three_figures_three_subjects(indicators):
    subjects = [row(indicators, 22, q)["subject_zh"] for q in ("43.38％", "38.3％", "12.78平方米")]
    assert subjects == ["建成区绿化覆盖率", "绿地率", "人均公园绿地面积"]


def test_baseline_and_achievement(indicators):
    assert (row(indicators, 18, "6.68％")["kind"], row(indicators, 18, "6.68％")["year"]) == (
        "baseline", 2016)
    assert row(indicators, 18, "0.08％")["kind"] == "achievement"


def test_two_quantities_of_one_project_list(indicators):
    assert row(indicators, 28, "27项")["unit_zh"] == "项"
    assert row(indicators, 28, "110公里")["unit_zh"] == "公里"


@pytest.mark.parametrize(("paragraph", "quote", "deadline"), [
    (85, "2900座以上", "2020-06-30"),
    (63, "1800家以上", "2020-12-31"),
    (63, "4000家以上", "2020-12-31"),
    (74, "85%以上", "2020-12-31"),
    (92, "1万个以上", "2020-12-31"),
    (96, "90%", "2020-12-31"),
    (96, "不少于3所", ""),
    (86, "22个", ""),
])
def test_target_deadlines(indicators, paragraph, quote, deadline):
    assert row(indicators, paragraph, quote)["deadline"] == deadline


def test_targets_have_commitments_and_achievements_none(indicators):
    targets = indicators[indicators["kind"] == "target"]
    assert (targets["commitment_id"] != "").all()
    assert (indicators[indicators["kind"] != "target"]["commitment_id"] == "").all()
    assert (indicators[indicators["kind"] != "target"]["deadline"] == "").all()


def test_headlines_point_to_their_body_rows(indicators):
    assert row(indicators, 57, "574公里")["repeat_of"] == row(indicators, 60, "574公里")[
        "indicator_id"]
    assert row(indicators, 61, "1800家以上")["repeat_of"] == row(indicators, 63, "1800家以上")[
        "indicator_id"]
    repeats = indicators[indicators["repeat_of"] != ""]
    assert set(repeats["paragraph"]) == {42, 57, 61}
    # A repeat carries the commitment of the figure it repeats.
    assert row(indicators, 57, "574公里")["commitment_id"] == row(indicators, 60, "574公里")[
        "commitment_id"]


def test_counts_by_kind(indicators):
    # A second method: the `kind:` lines of data/curated/indicators.yml counted as text (grep -c
    # "^  kind: target$" and so on), not through the loader.
    text = (paths.CURATED / "indicators.yml").read_text(encoding="utf-8")
    by_grep = {k: len(re.findall(rf"^\s+kind: {k}\s*$", text, re.M))
               for k in ("achievement", "target", "report_structure", "baseline")}
    assert by_grep == {"achievement": 30, "target": 26, "report_structure": 4, "baseline": 1}
    assert indicators["kind"].value_counts().to_dict() == by_grep


def test_stale_quote_names_file_and_entry(paragraphs):
    curated = load_yaml_mapping("indicators.yml")
    curated["20: 3.49万户"] = curated.pop("20: 3.48万户")
    with pytest.raises(CuratedDataError,
                       match=r"data/curated/indicators.yml, entry '20: 3.49万户': '3.49万户' does"):
        load_indicators(paragraphs, curated=curated)


def test_quote_the_parser_reads_otherwise_is_refused(paragraphs):
    curated = load_yaml_mapping("indicators.yml")
    curated["16: 7万"] = curated.pop("16: 7万余人")
    with pytest.raises(CuratedDataError, match=r"entry '16: 7万': the parser reads the figure as "
                                               r"'7万余人'"):
        load_indicators(paragraphs, curated=curated)


def test_subject_must_stand_in_the_paragraph(paragraphs):
    curated = copy.deepcopy(load_yaml_mapping("indicators.yml"))
    curated["20: 3.48万户"]["subject_zh"] = "煤改电户"
    with pytest.raises(CuratedDataError, match=r"entry '20: 3.48万户': field 'subject_zh'"):
        load_indicators(paragraphs, curated=curated)


def test_unknown_kind_and_missing_field_are_refused(paragraphs):
    curated = copy.deepcopy(load_yaml_mapping("indicators.yml"))
    curated["20: 3.48万户"]["kind"] = "result"
    with pytest.raises(CuratedDataError, match=r"entry '20: 3.48万户': kind 'result'"):
        load_indicators(paragraphs, curated=curated)
    del curated["20: 3.48万户"]["subject_en"]
    with pytest.raises(CuratedDataError, match=r"missing required field 'subject_en'"):
        load_indicators(paragraphs, curated=curated)


def test_repeat_of_must_name_an_entry(paragraphs):
    curated = copy.deepcopy(load_yaml_mapping("indicators.yml"))
    curated["57: 574公里"]["repeat_of"] = "60: 575公里"
    with pytest.raises(CuratedDataError, match=r"entry '57: 574公里': repeat_of '60: 575公里'"):
        load_indicators(paragraphs, curated=curated)
