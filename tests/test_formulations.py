"""Tests for gwr.data.formulations and formulations.csv: the counts, the numeral roles and the
criterion that decides the edition's set."""

from __future__ import annotations

import copy
import re

import pytest

from gwr.curated import load_yaml_mapping
from gwr.data.formulations import (
    EXCLUSION_CATEGORIES,
    check_numeral_role,
    load_exclusions,
    load_formulations,
)
from gwr.errors import CuratedDataError
from gwr.text.quotations import quoted_phrases


@pytest.fixture(scope="module")
def formulations(tables):
    return tables["formulations"].set_index("term")


@pytest.fixture(scope="module")
def exclusions(text, paragraphs):
    return {e.term: e for e in load_exclusions(text, paragraphs)}


@pytest.fixture
def curated():
    return copy.deepcopy(load_yaml_mapping("formulations.yml"))


@pytest.mark.parametrize(("term", "count", "paragraphs"), [
    ("三大攻坚战", 3, "5;6;72"), ("两下两进两拆", 2, "29;93"), ("2+26", 1, "19"),
    ("4+2", 1, "93"), ("12345", 1, "108"), ("3390", 1, "41"), ("放管服效", 2, "7;108"),
    ("太原模式", 2, "35;62"), ("防、控、治、研、学、产", 2, "43;46"), ("紧日子", 1, "109"),
])
def test_counts_and_paragraphs(formulations, term, count, paragraphs):
    assert (formulations.loc[term, "count"], formulations.loc[term, "paragraphs"]) == (
        count, paragraphs)


def test_origin_other_than_unknown_has_a_reference(formulations):
    known = formulations[formulations["origin"] != "unknown"]
    assert (known["reference"] != "").all()


def test_every_formulation_mention_belongs_to_a_term(tables, text):
    mentions = tables["mentions"]
    terms = list(tables["formulations"]["term"])
    for m in mentions[mentions["class"] == "formulation"].itertuples():
        assert any(term in text[max(0, m.start - 8):m.end + 8] for term in terms), m.quote


def _load(text, paragraphs, curated):
    return load_formulations(text, paragraphs, curated=curated)


def test_origin_without_reference_is_refused(text, paragraphs, curated):
    curated["formulations"]["两个维护"]["origin"] = "national"
    with pytest.raises(CuratedDataError, match=r"formulations.yml, entry '两个维护': origin "
                                               r"'national' needs a `reference`"):
        _load(text, paragraphs, curated)


def test_unknown_reference_is_refused(text, paragraphs, curated):
    curated["formulations"]["三大攻坚战"]["reference"] = "nobody2099"
    with pytest.raises(CuratedDataError, match=r"reference 'nobody2099' is not an entry"):
        _load(text, paragraphs, curated)


def test_term_missing_from_the_text_is_stale(text, paragraphs, curated):
    curated["formulations"]["五个意识"] = curated["formulations"].pop("四个意识")
    with pytest.raises(CuratedDataError, match=r"entry '五个意识': the term does not occur"):
        _load(text, paragraphs, curated)


def test_numbered_flag_is_checked(text, paragraphs, curated):
    curated["formulations"]["放管服效"]["numbered"] = True
    with pytest.raises(CuratedDataError, match=r"entry '放管服效': numbered is True"):
        _load(text, paragraphs, curated)


def test_file_needs_both_sections(text, paragraphs, curated):
    del curated["excluded"]
    with pytest.raises(CuratedDataError, match=r"formulations.yml: expected exactly the "
                                               r"mappings `formulations` and `excluded`"):
        _load(text, paragraphs, curated)


# What the numeral does (finding 7 of issue 9: not every numbered formulation packs a list).

@pytest.mark.parametrize(("term", "role"), [
    ("三大攻坚战", "list"), ("四个意识", "list"), ("两个维护", "list"),
    ("两不愁三保障", "list"), ("十个清零行动", "list"),
    ("零就业家庭", "quantity"), ("最后一公里", "quantity"), ("一枚印章管审批", "quantity"),
    ("企业技术创新发展三年行动计划", "quantity"),
    # 2+26 and 4+2 have the same form, figures joined by +, so the same role (0.1.1 review of
    # chapter 6: 2+26 was coded list and 4+2 code).
    ("12345", "code"), ("3390", "code"), ("13710", "code"), ("4+2", "code"), ("2+26", "code"),
])
def test_numeral_roles(formulations, term, role):
    assert formulations.loc[term, "numeral_role"] == role


def test_every_numbered_term_has_a_role_and_a_reason(formulations):
    numbered = formulations[formulations["numbered"]]
    assert set(numbered["numeral_role"]) <= {"list", "quantity", "code"}
    assert (numbered["numeral_reason"].str.len() > 10).all()
    plain = formulations[~formulations["numbered"]]
    assert (plain["numeral_role"] == "").all() and (plain["numeral_reason"] == "").all()


def test_every_role_fits_the_form_of_its_term(formulations):
    for term, row in formulations[formulations["numbered"]].iterrows():
        assert check_numeral_role(term, row["numeral_role"]) == "", term


def test_the_form_decides_code(formulations):
    """A term written in figures only is a code, and a code is written in figures only."""
    figures_only = formulations.index.str.fullmatch(r"[0-9+]+")
    assert list(figures_only) == list(formulations["numeral_role"] == "code")
    assert figures_only.sum() == 5


@pytest.mark.parametrize(("term", "role", "problem"), [
    ("零就业家庭", "list", r"first numeral of 2 or more, and 零 is 0"),
    ("一枚印章管审批", "list", r"and 一 is 1"),
    ("四好公路", "code", r"figures only"),
    ("12345", "quantity", r"not a quantity"),
    ("2+26", "list", r"figures only is a code, not a list"),
    ("4+2", "list", r"figures only is a code, not a list"),
    ("三公", "slogan", r"not one of list, quantity, code"),
])
def test_a_role_that_does_not_fit_is_refused(text, paragraphs, curated, term, role, problem):
    curated["formulations"][term]["numeral_role"] = role
    with pytest.raises(CuratedDataError, match=rf"entry '{re.escape(term)}': numeral_role "
                                               rf"'{role}': .*{problem}"):
        _load(text, paragraphs, curated)


def test_a_numbered_term_without_a_role_is_refused(text, paragraphs, curated):
    del curated["formulations"]["12345"]["numeral_role"]
    with pytest.raises(CuratedDataError, match=r"entry '12345': a numbered term needs"):
        _load(text, paragraphs, curated)


def test_an_unnumbered_term_with_a_role_is_refused(text, paragraphs, curated):
    curated["formulations"]["煤改电"]["numeral_role"] = "list"
    with pytest.raises(CuratedDataError, match=r"entry '煤改电': numeral_role and "
                                               r"numeral_reason are for numbered terms only"):
        _load(text, paragraphs, curated)


# The criterion (finding 8 of issue 9: the set is the edition's, chosen by a stated rule).

def test_every_quoted_phrase_is_in_the_set_or_excluded(text, formulations, exclusions):
    phrases = {phrase for _, phrase in quoted_phrases(text)}
    assert len(phrases) > 40  # the detector finds the article's quotations
    for phrase in phrases:
        assert (phrase in formulations.index) != (phrase in exclusions), phrase


def test_every_formulation_is_quoted_or_numbered(text, formulations):
    quoted = {phrase for _, phrase in quoted_phrases(text)}
    for term, row in formulations.iterrows():
        assert term in quoted or row["numbered"], term
    # The unquoted members, all numbered: the criterion's candidates (b). A programme's title
    # with a numeral is one (0.1.1 review of chapter 6: ¶63's plan was classed as a name).
    assert sorted(set(formulations.index) - quoted) == [
        "三大攻坚战", "企业技术创新发展三年行动计划", "零就业家庭"]


def test_every_exclusion_is_quoted_with_a_category_and_reason(text, exclusions):
    quoted = {phrase for _, phrase in quoted_phrases(text)}
    for term, e in exclusions.items():
        assert term in quoted and e.category in EXCLUSION_CATEGORIES and len(e.reason) > 15, term


@pytest.mark.parametrize(("term", "category"), [
    ("僵尸企业", "vocabulary"), ("好日子", "plain"), ("太原智造", "contrast"),
    ("娄烦山药蛋", "name"), ("停车难", "plain"),
])
def test_reviewed_exclusions(exclusions, term, category):
    assert exclusions[term].category == category


def test_reviewed_additions(formulations):
    assert {"太原模式", "紧日子", "中华文化走出去", "爱心奶", "防、控、治、研、学、产"} <= set(
        formulations.index)


def test_an_undecided_quoted_phrase_is_refused(text, paragraphs, curated):
    del curated["excluded"]["停车难"]
    with pytest.raises(CuratedDataError, match=r"quoted phrases neither in the set nor "
                                               r"excluded: 停车难"):
        _load(text, paragraphs, curated)


def test_an_unquoted_unnumbered_formulation_is_refused(text, paragraphs, curated):
    curated["formulations"]["营商环境"] = {"gloss_en": "x", "origin": "unknown",
                                         "numbered": False, "explanation_en": "y"}
    with pytest.raises(CuratedDataError, match=r"entry '营商环境': neither quoted in the text "
                                               r"nor numbered"):
        _load(text, paragraphs, curated)


def test_an_exclusion_that_is_never_quoted_is_refused(text, paragraphs, curated):
    curated["excluded"]["营商环境"] = {"category": "vocabulary", "reason": "not quoted at all"}
    with pytest.raises(CuratedDataError, match=r"excluded entry '营商环境': never quoted"):
        _load(text, paragraphs, curated)


def test_an_exclusion_also_in_the_set_is_refused(text, paragraphs, curated):
    curated["excluded"]["煤改电"] = {"category": "plain", "reason": "listed twice on purpose"}
    with pytest.raises(CuratedDataError, match=r"excluded entry '煤改电': the term is also a "
                                               r"formulation"):
        _load(text, paragraphs, curated)


def test_an_unknown_exclusion_category_is_refused(text, paragraphs, curated):
    curated["excluded"]["停车难"]["category"] = "boring"
    with pytest.raises(CuratedDataError, match=r"category 'boring' is not one of"):
        _load(text, paragraphs, curated)


def test_a_programme_title_with_a_numeral_is_a_formulation_not_a_name(tables, formulations):
    assert formulations.loc["企业技术创新发展三年行动计划", "paragraphs"] == "63"
    mentions = tables["mentions"]
    three = mentions[(mentions["paragraph"] == 63) & (mentions["quote"] == "三")]
    assert three["class"].tolist() == ["formulation"]
    assert three["decided_by"].tolist() == ["formulations.yml"]


def test_the_taiyuan_model_of_paragraph_62_is_formed_by_the_city(text, formulations):
    """¶62: 太原市加快建设…示范区，…，形成…“太原模式”: the city forms the model, not the zone."""
    paragraph_62 = text.split("\n")[61]
    assert paragraph_62.startswith("围绕产业链布局创新链，太原市加快建设")
    explanation = formulations.loc["太原模式", "explanation_en"]
    assert "the city (太原市) is to form" in explanation
    assert "(国家可持续发展议程创新示范区) is to form" not in explanation


# The group of the terms chapter 4 places in the text (a decision once kept in its notebook).

def test_the_groups_of_the_terms_chapter_4_places(formulations):
    grouped = formulations[formulations["group"] != ""]
    assert grouped.groupby("group").size().to_dict() == {"political formulation": 3,
                                                         "reform or programme": 6}
    political = grouped.index[grouped["group"] == "political formulation"]
    assert set(political) == {"四个意识", "四个自信", "两个维护"}
    for term, row in grouped.iterrows():
        # Every grouped term stands in ¶7, ¶41 or ¶108-¶110, and its reason cites where.
        where = {int(p) for p in row["paragraphs"].split(";")}
        assert where & {7, 41, 108, 109, 110}, term
        assert any(f"¶{p}" in row["group_reason"] for p in where), term
    ungrouped = formulations[formulations["group"] == ""]
    assert (ungrouped["group_reason"] == "").all()


@pytest.mark.parametrize(("change", "problem"), [
    ({"group": "slogan", "group_reason": "Stands in ¶108."}, r"group 'slogan' is not one of "
                                                             r"political formulation, reform"),
    ({"group": "reform or programme"}, r"group and group_reason go together"),
    ({"group_reason": "Stands in ¶108."}, r"group and group_reason go together"),
    ({"group": "reform or programme", "group_reason": "A method of ¶7."},
     r"group_reason must cite a paragraph where the term occurs \(¶108\)"),
])
def test_a_bad_group_names_file_and_entry(text, paragraphs, curated, change, problem):
    entry = curated["formulations"]["13710"]
    entry.pop("group"), entry.pop("group_reason")
    entry.update(change)
    with pytest.raises(CuratedDataError, match=rf"formulations.yml, entry '13710': {problem}"):
        _load(text, paragraphs, curated)
