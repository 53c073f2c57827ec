"""The outcomes of the 2020 plan and the headline targets: the scope fixed by the data, and every
bad curated entry refused with the file and the entry named."""

from __future__ import annotations

import copy

import pytest

from gwr import paths
from gwr.data.outcomes import (
    headline_status,
    load_headline_targets,
    load_outcomes,
    promises_in_scope,
)
from gwr.data.tables import load_table
from gwr.errors import CuratedDataError

SOURCE = {"publisher": "新华社", "title": "太郑高铁开通运营", "published": "2020-12-12",
          "url": "https://example.org/a", "confidence": "press", "note": "Its own site."}


@pytest.fixture(scope="module")
def promises():
    return promises_in_scope(load_table("indicators"), load_table("commitments"))


def curated(promises) -> dict:
    """A valid file: every promise without public evidence, but ¶85's 5G stations met."""
    entries = {p: {"status": "no_public_evidence", "label_en": "A promise",
                   "note": "Nothing found.", "searched": ["太原 2020"]}
               for p in promises["promise_id"]}
    entries["plan-city.5g-base-stations"] = {
        "status": "met", "label_en": "5G base stations", "note": "Built.", "source": "xinhua",
        "outcome_date": "2020-06", "outcome_value": 3944, "evidence_zh": "5G基站"}
    return {"sources": {"xinhua": dict(SOURCE)}, "promises": entries}


def test_the_scope_is_every_distinct_target_and_every_dated_commitment_without_one(promises):
    indicators, commitments = load_table("indicators"), load_table("commitments")
    targets = indicators[(indicators["kind"] == "target") & indicators["repeat_of"].isna()]
    assert set(targets["indicator_id"]) <= set(promises["promise_id"])
    dated = set(commitments.loc[commitments["deadline"].notna(), "commitment_id"])
    assert dated <= set(promises["commitment_id"])  # each dated clause is judged, once
    assert promises["promise_id"].is_unique
    # ¶91 states two targets in one clause (147 back streets, 521 old compounds): two promises.
    p91 = promises[promises["paragraph"] == 91]
    assert sorted(p91["target_value"]) == [147, 521]
    # ¶85's 5G target is also a dated commitment: one row, with the deadline (end of June).
    five_g = promises[promises["promise_id"] == "plan-city.5g-base-stations"].iloc[0]
    assert five_g["target_value"] == 2900 and str(five_g["deadline"])[:10] == "2020-06-30"


def test_a_valid_file_gives_one_row_per_promise(promises):
    frame = load_outcomes(promises, curated=curated(promises))
    assert len(frame) == len(promises)
    met = frame[frame["status"] == "met"].iloc[0]
    assert (met["source_url"], met["source_published"], met["confidence"]) == (
        "https://example.org/a", "2020-12-12", "press")


def _break(promises, change) -> str:
    data = copy.deepcopy(curated(promises))
    change(data)
    with pytest.raises(CuratedDataError) as info:
        load_outcomes(promises, curated=data)
    return str(info.value)


def test_an_unknown_key_is_refused(promises):
    message = _break(promises, lambda d: d["promises"].__setitem__(
        "plan-city.no-such-promise", {"status": "met", "label_en": "x", "note": "x"}))
    assert "outcomes.yml, entry 'plan-city.no-such-promise': not a promise in scope" in message


def test_a_missing_promise_is_refused(promises):
    first = promises["promise_id"].iloc[0]
    message = _break(promises, lambda d: d["promises"].pop(first))
    assert f"no entry for the promise {first!r}" in message


def test_a_status_outside_the_list_is_refused(promises):
    first = promises["promise_id"].iloc[0]
    message = _break(promises, lambda d: d["promises"][first].__setitem__("status", "done"))
    assert f"entry {first!r}: status 'done' is not one of met, met_late" in message


def test_a_date_that_is_not_iso_is_refused(promises):
    message = _break(promises, lambda d: d["sources"]["xinhua"].__setitem__(
        "published", "12/12/2020"))
    assert "source 'xinhua': '12/12/2020' is not an ISO date" in message


def test_an_outcome_date_that_is_not_iso_is_refused(promises):
    def change(d):
        met = next(k for k, v in d["promises"].items() if v["status"] == "met")
        d["promises"][met]["outcome_date"] = "2020-13-01"
    assert "'2020-13-01' is not an ISO date" in _break(promises, change)


def test_a_status_without_a_source_is_refused(promises):
    first = promises["promise_id"].iloc[0]
    message = _break(promises, lambda d: d["promises"].__setitem__(
        first, {"status": "missed", "label_en": "x", "note": "Surely not."}))
    assert f"entry {first!r}: status 'missed' needs a source" in message


def test_no_public_evidence_must_say_what_was_searched(promises):
    first = promises["promise_id"].iloc[0]
    message = _break(promises, lambda d: d["promises"][first].pop("searched"))
    assert "say what was searched for" in message


def test_a_source_with_an_unknown_confidence_is_refused(promises):
    message = _break(promises, lambda d: d["sources"]["xinhua"].__setitem__(
        "confidence", "high"))
    assert "confidence 'high' is not one of official, press, repost" in message


def test_the_committed_outcomes_are_complete_and_sourced():
    frame = load_table("outcomes")
    promises = promises_in_scope(load_table("indicators"), load_table("commitments"))
    assert sorted(frame["promise_id"]) == sorted(promises["promise_id"])
    sourced = frame[frame["status"] != "no_public_evidence"]
    assert sourced["source_url"].str.startswith("http").all()
    assert sourced["evidence_zh"].str.len().gt(0).all()


def test_the_headline_rule():
    assert headline_status(7, "about", 2.6) == "missed"  # GDP: about 7%, 2.6% reported
    assert headline_status(7, "about", 6.6) == "met"
    assert headline_status(8.3, "at_least", 8.2) == "missed"
    assert headline_status(4.2, "at_most", 4.3) == "missed"


def test_a_headline_status_that_contradicts_the_rule_is_refused():
    data = {"sources": {"s": dict(SOURCE)}, "targets": {"gdp": {
        "indicator_en": "GDP growth", "indicator_zh": "地区生产总值增长", "target_value": 7,
        "unit_en": "percent", "qualifier": "about", "target_zh": "地区生产总值增长7%左右",
        "target_source": "s", "outcome_value": 2.6, "outcome_zh": "增长2.6%",
        "outcome_source": "s", "status": "met", "note": "x"}}}
    with pytest.raises(CuratedDataError, match="entry 'gdp': status 'met' contradicts the rule"):
        load_headline_targets(curated=data)
    data["targets"]["gdp"]["status"] = "missed"
    assert load_headline_targets(curated=data).loc[0, "status"] == "missed"


# The status rules, held to their dates -----------------------------------------------------------


def _with(promises, promise_id: str, **fields) -> str:
    """The message refusing a file whose entry ``promise_id`` is sourced with ``fields``."""
    entry = {"label_en": "x", "note": "x", "source": "xinhua", "evidence_zh": "通车", **fields}
    return _break(promises, lambda d: d["promises"].__setitem__(promise_id, entry))


def test_met_needs_an_outcome_by_the_deadline_or_a_state_within_a_month(promises):
    # ¶85: the 5G stations were due by the end of June 2020.
    five_g = "plan-city.5g-base-stations"
    assert "needs an outcome by the deadline (2020-06-30)" in _with(
        promises, five_g, status="met", outcome_date="2020-08-06")
    data = curated(promises)
    data["promises"][five_g]["outcome_date"] = "2020-07-31"  # a state reported within 31 days
    assert load_outcomes(promises, curated=data).set_index("promise_id").loc[
        five_g, "status"] == "met"


def test_met_late_and_missed_need_a_date_after_the_deadline(promises):
    hospital = "plan-livelihoods.peoples-hospital-phase-1"  # ¶101: 年内投用
    assert "'met_late' needs an outcome after the deadline" in _with(
        promises, hospital, status="met_late", outcome_date="2020-12-12")
    assert "'missed' needs a source dated after the deadline (2020-12-31)" in _with(
        promises, hospital, status="missed", outcome_date="2020-11-25")
    assert "needs the date of the outcome" in _with(promises, hospital, status="missed")


def test_a_sourced_status_lists_no_failed_searches_and_a_known_qualifier(promises):
    five_g = "plan-city.5g-base-stations"
    assert "searched lists queries that found nothing" in _with(
        promises, five_g, status="met", outcome_date="2020-06", searched=["太原 5G"])
    assert "outcome_qualifier 'over' is not one of" in _with(
        promises, five_g, status="met", outcome_date="2020-06", outcome_value=3944,
        outcome_qualifier="over")


def test_a_year_is_a_date_and_a_source_needs_its_note(promises):
    data = curated(promises)
    data["sources"]["xinhua"]["published"] = 2021  # YAML reads a bare year as a number
    assert load_outcomes(promises, curated=data)["source_published"].dropna().tolist() == ["2021"]
    message = _break(promises, lambda d: d["sources"]["xinhua"].pop("note"))
    assert "outcomes.yml, entry 'xinhua': missing required field 'note'" in message


def test_a_headline_outcome_needs_its_quotation_and_a_gap_its_searches():
    target = {"indicator_en": "CPI", "indicator_zh": "居民消费价格涨幅", "target_value": 3.5,
              "unit_en": "per cent", "qualifier": "at_most", "target_zh": "控制在3.5%左右",
              "target_source": "s", "note": "x"}
    data = {"sources": {"s": dict(SOURCE)}, "targets": {"cpi": dict(target)}}
    with pytest.raises(CuratedDataError, match="entry 'cpi': say what was searched for"):
        load_headline_targets(curated=data)
    data["targets"]["cpi"] = {**target, "outcome_value": 2.5, "outcome_source": "s"}
    with pytest.raises(CuratedDataError, match="quote the outcome's source"):
        load_headline_targets(curated=data)


# The committed data ---------------------------------------------------------------------------


def test_every_source_is_in_the_bibliography_with_its_address_and_date():
    """Each source key of both curated files is a book/references.bib entry with the same url
    and date, so that the chapter's citations and the data name the same page."""
    from pybtex.database import parse_file

    from gwr import paths
    from gwr.curated import load_yaml_mapping

    bib = parse_file(str(paths.ROOT / "book" / "references.bib"), "bibtex").entries
    keys = []
    for name in ("outcomes.yml", "headline_targets.yml"):
        for key, source in load_yaml_mapping(name)["sources"].items():
            keys.append(key)
            assert key in bib, f"{name}: source {key!r} is not in book/references.bib"
            fields = bib[key].fields
            assert fields["url"] == source["url"], key
            assert fields["date"] == str(source["published"]), key
            # The year, with a letter where the author has two entries that year (2020a).
            assert fields["year"].rstrip("abcdefgh") == str(source["published"])[:4], key
            assert bib[key].type == "online", key
            if source["confidence"] == "repost":
                assert "Read at a copy; original not seen" in fields["note"], key
    assert len(keys) == len(set(keys)) >= 21


def test_the_outcomes_that_a_reader_can_check():
    frame = load_table("outcomes").set_index("promise_id")
    # ¶85: 「6月底前力争完成5G基站新建改建2900座以上」; China Daily: 3,944 in the first half.
    five_g = frame.loc["plan-city.5g-base-stations"]
    assert (five_g["target_value"], five_g["outcome_value"], five_g["status"]) == (
        2900, 3944, "met")
    # ¶91: 147 back streets and 521 old compounds, two promises; nothing found for either.
    p91 = frame[frame["paragraph"] == 91]
    assert sorted(p91["target_value"]) == [147, 521]
    assert set(p91["status"]) == {"no_public_evidence"} and p91["searched"].ne("").all()
    # ¶82: the coach station was due in August; 太原日报 found it 'basically complete' on 25 Nov.
    coach = frame.loc["plan-city.southeast-coach-station"]
    assert (coach["status"], coach["outcome_date"], coach["confidence"]) == (
        "missed", "2020-11-25", "press")
    # Every status but no_public_evidence quotes its source and links it.
    def blank(column):  # a processed table reads an empty cell as ""
        return column.fillna("").eq("")

    sourced = frame[frame["status"] != "no_public_evidence"]
    assert not blank(sourced["evidence_zh"]).any() and blank(sourced["searched"]).all()
    assert blank(frame.loc[frame["status"] == "no_public_evidence", "source_key"]).all()


def test_the_headline_targets_that_a_reader_can_check():
    frame = load_table("headline_targets").set_index("headline_id")
    # The full report (read at a copy): 「地区生产总值增长7%左右」; 2020: 「增长2.6%」.
    gdp = frame.loc["gdp"]
    assert (gdp["target_value"], gdp["qualifier"], gdp["outcome_value"], gdp["status"]) == (
        7, "about", 2.6, "missed")
    assert "2.6%" in gdp["outcome_zh"] and "7%左右" in gdp["target_zh"]
    assert frame.loc["fixed-investment", "status"] == "met"  # 11.3% against 8%
    assert frame["status"].value_counts().to_dict() == {
        "no_public_evidence": 7, "missed": 2, "met": 1}


def test_no_two_references_share_an_author_year_label():
    """The book cites author–year: "Taiyuan News Network, 2020" must name one entry, so a
    second entry of the same author and year carries a letter (2020a, 2020b, by date)."""
    from pybtex.database import parse_file

    labels: dict[tuple[str, str], str] = {}
    for key, entry in parse_file(str(paths.ROOT / "book" / "references.bib")).entries.items():
        author = entry.fields.get("author") or " and ".join(map(str, entry.persons["author"]))
        label = (author, entry.fields["year"])
        assert label not in labels, f"{key} and {labels[label]} are both cited as {label}"
        labels[label] = key
