"""Tests for gwr.data.commitments and commitments.csv: clauses, strength, deadlines, figures."""

from __future__ import annotations

import copy

import pytest

from gwr.curated import load_yaml_mapping
from gwr.data.commitments import check_year_framings, load_commitments
from gwr.errors import CuratedDataError


@pytest.fixture(scope="module")
def commitments(tables):
    return tables["commitments"]


def by_id(commitments, commitment_id):
    return commitments.set_index("commitment_id").loc[commitment_id]


@pytest.mark.parametrize(("commitment_id", "deadline", "deadline_zh"), [
    ("plan-livelihoods.tcm-hospital-blood-centre", "2020-10-31", "10月"),
    ("plan-livelihoods.welfare-facilities", "2020-06-30", "6月"),
    ("plan-livelihoods.foreign-language-schools", "2020-09-30", "9月"),
    ("plan-city.southeast-coach-station", "2020-08-31", "8月"),
    ("plan-city.5g-base-stations", "2020-06-30", "6月底前"),
    ("plan-tough-battles.fen-water-quality", "2020-06-30", "6月底前"),
    ("plan-innovation.high-tech-enterprises", "2020-12-31", "年底前"),
    ("plan-city.parking-spaces", "2020-12-31", "全年"),
    ("plan-tough-battles.rural-clean-heating", "2020-12-31", "年内"),
    ("plan-livelihoods.district-kindergartens", "", ""),
    ("plan-city.taiyuan-zhengzhou-railway", "2020-12-31", "年内"),
    # The scope rule: a phrase at the head of its clause governs the rest of its sentence ...
    ("plan-agriculture.village-buses", "2020-12-31", "年内"),
    # ... up to a continuing effort, which no carried deadline dates ...
    ("plan-agriculture.model-villages", "", ""),
    ("plan-innovation.rd-coverage", "", ""),
    ("plan-city.rose-city", "", ""),
    ("plan-city.parking-difficulty", "", ""),
    ("plan-reform-opening.zombie-enterprises", "2020-12-31", "年内"),
    ("plan-city.5g-coverage", "2020-06-30", "6月底前"),
    ("plan-livelihoods.county-kindergartens", "", ""),  # before the 年内 clause of ¶96
    # ... one after the subject governs its own clause (with items joined by 、) only.
    ("plan-livelihoods.peoples-hospital-phase-2", "2020-12-31", "年内"),
    ("plan-services-demand.jinyang-park-museum", "", ""),
    ("plan-city.railway-planning", "", ""),
    ("plan-city.line-1", "", ""),
    # ¶58 opens with 今年太原市将, a year-framing opener: it dates no clause.
    ("plan-agriculture.protected-vegetables", "", ""),
    ("plan-epidemic.new-outbreaks", "", ""),
])
def test_deadlines(commitments, commitment_id, deadline, deadline_zh):
    c = by_id(commitments, commitment_id)
    assert (c["deadline"], c["deadline_zh"]) == (deadline, deadline_zh)


@pytest.mark.parametrize(("commitment_id", "strength"), [
    ("plan-tough-battles.rural-clean-heating", "aspirational"),
    ("plan-city.5g-base-stations", "aspirational"),
    ("plan-city.line-3-preparation", "aspirational"),
    ("plan-livelihoods.classroom-lighting", "binding"),
    ("plan-tough-battles.no-one-left-behind", "binding"),
    ("plan-city.rail-transit", "process"),
    # Graded by wording alone: 推动 (push for) is process although the clause is dated.
    ("plan-city.taiyuan-zhengzhou-railway", "process"),
    # Continuing control or enforcement with no end point: process, not binding.
    ("plan-tough-battles.government-debt", "process"),
    ("plan-epidemic.arrival-quarantine", "process"),
    ("service-government.punish-corruption", "process"),
    ("plan-epidemic.new-outbreaks", "binding"),
])
def test_strength(commitments, commitment_id, strength):
    assert by_id(commitments, commitment_id)["strength"] == strength


def test_quantified_commitments_list_their_indicators(commitments, tables):
    c = by_id(commitments, "plan-city.streets-and-compounds")
    assert c["quantified"]
    assert c["indicator_ids"].split(";") == ["plan-city.back-streets-remaining",
                                             "plan-city.old-compounds-remaining"]
    indicator_ids = set(tables["indicators"]["indicator_id"])
    for ids in commitments["indicator_ids"]:
        assert set(filter(None, ids.split(";"))) <= indicator_ids
    assert (commitments["quantified"] == (commitments["indicator_ids"] != "")).all()


def test_task_order_follows_the_section(commitments):
    plan = commitments[commitments["section_id"] != "service-government"]
    assert plan["task_order"].notna().all()
    assert commitments[commitments["section_id"] == "service-government"]["task_order"].isna().all()
    assert by_id(commitments, "plan-city.5g-base-stations")["task_order"] == 8


def test_commitments_lie_in_the_plan_and_part_3(commitments):
    assert commitments["paragraph"].between(43, 110).all()


def test_stale_text_names_file_and_entry(paragraphs, section_ids):
    curated = copy.deepcopy(load_yaml_mapping("commitments.yml"))
    curated["plan-city.flowers"]["text"] = "年内栽植月季等各类花卉200万株"
    with pytest.raises(CuratedDataError, match=r"commitments.yml, entry 'plan-city.flowers': the "
                                               r"text occurs 0 times in ¶90"):
        load_commitments(paragraphs, section_ids, curated=curated)


def test_id_must_match_the_section(paragraphs, section_ids):
    curated = load_yaml_mapping("commitments.yml")
    curated["plan-agriculture.flowers"] = curated.pop("plan-city.flowers")
    with pytest.raises(CuratedDataError, match=r"entry 'plan-agriculture.flowers': ¶90 lies in "
                                               r"section 'plan-city'"):
        load_commitments(paragraphs, section_ids, curated=curated)


def test_unknown_verb_is_refused(paragraphs, section_ids):
    curated = copy.deepcopy(load_yaml_mapping("commitments.yml"))
    curated["plan-city.flowers"]["verb_zh"] = "月季"
    with pytest.raises(CuratedDataError, match=r"verb_zh '月季' is not in"):
        load_commitments(paragraphs, section_ids, curated=curated)


@pytest.mark.parametrize(("commitment_id", "phrase"), [
    ("plan-city.flowers", "年内"), ("plan-agriculture.protected-vegetables", "今年"),
])
def test_a_curated_deadline_is_refused(paragraphs, section_ids, commitment_id, phrase):
    """Deadlines follow the scope rule; nobody dates a clause by hand."""
    curated = copy.deepcopy(load_yaml_mapping("commitments.yml"))
    curated[commitment_id]["deadline_zh"] = phrase
    with pytest.raises(CuratedDataError, match=rf"entry '{commitment_id}': deadline_zh is not "
                                               r"curated.*scope rule.*deadline_rules.yml"):
        load_commitments(paragraphs, section_ids, curated=curated)


def test_override_needs_a_reason(paragraphs, section_ids):
    curated = copy.deepcopy(load_yaml_mapping("commitments.yml"))
    curated["plan-city.rail-transit"]["strength"] = "binding"
    with pytest.raises(CuratedDataError, match=r"an override needs"):
        load_commitments(paragraphs, section_ids, curated=curated)


def test_the_opener_list_must_match_the_rule(paragraphs):
    rules = copy.deepcopy(load_yaml_mapping("deadline_rules.yml"))
    rules["year-framing"]["openers"].pop(1)  # drop ¶44
    with pytest.raises(CuratedDataError, match=r"deadline_rules.yml.*lacks \(¶44 今年，太原市将\)"):
        check_year_framings(paragraphs, curated=rules)
    rules = copy.deepcopy(load_yaml_mapping("deadline_rules.yml"))
    rules["year-framing"]["openers"].append({"paragraph": 60, "text": "今年太原市将"})
    with pytest.raises(CuratedDataError, match=r"the text lacks \(¶60 今年太原市将\)"):
        check_year_framings(paragraphs, curated=rules)
    rules["year-framing"]["reading"] = "deadline"
    with pytest.raises(CuratedDataError, match=r"reading: scope"):
        check_year_framings(paragraphs, curated=rules)
