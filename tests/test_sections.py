"""Sections from data/curated/sections.yml, checked against the source."""

from __future__ import annotations

import copy

import pytest

from gwr.curated import load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.text.sections import load_sections, section_of


@pytest.fixture(scope="module")
def curated():
    return load_yaml_mapping("sections.yml")


def test_sections_tile_the_text(paragraphs):
    sections = load_sections(paragraphs)
    owner = section_of(sections)
    assert sorted(owner) == list(range(1, 111))
    assert sections[0].section_id == "front" and (sections[0].first_paragraph,
                                                  sections[0].last_paragraph) == (1, 9)


def test_nine_areas_and_nine_tasks_each_once(paragraphs):
    sections = load_sections(paragraphs)
    areas = [s.order for s in sections if s.kind == "review_area"]
    tasks = sorted(s.order for s in sections if s.kind == "plan_task")
    assert areas == list(range(1, 10))  # in the article's order, which follows ¶5
    assert tasks == list(range(1, 10))


def test_part_3_is_the_last_section(paragraphs):
    last = load_sections(paragraphs)[-1]
    assert (last.section_id, last.first_paragraph, last.last_paragraph) == (
        "service-government", 107, 110)


def _broken(curated, key, **changes):
    data = copy.deepcopy(curated)
    data[key].update(changes)
    return data


def test_stale_heading_names_file_and_entry(paragraphs, curated):
    data = _broken(curated, "plan-city", heading_zh="全力提升城市能级")
    with pytest.raises(CuratedDataError, match=r"sections\.yml, entry 'plan-city'.*¶76"):
        load_sections(paragraphs, curated=data)


def test_official_name_must_stand_in_the_report_list(paragraphs, curated):
    data = _broken(curated, "plan-epidemic", official_name_zh="抓好疫情防控工作")
    with pytest.raises(CuratedDataError, match=r"entry 'plan-epidemic'.*¶6"):
        load_sections(paragraphs, curated=data)


def test_unknown_field_and_bad_type_are_refused(paragraphs, curated):
    with pytest.raises(CuratedDataError, match="unknown field 'colour'"):
        load_sections(paragraphs, curated=_broken(curated, "review-economy", colour="red"))
    with pytest.raises(CuratedDataError, match="field 'order' must be int"):
        load_sections(paragraphs, curated=_broken(curated, "review-economy", order="1"))


def test_a_heading_without_a_section_is_reported(paragraphs, curated):
    data = copy.deepcopy(curated)
    del data["review-youth-games"]
    with pytest.raises(CuratedDataError, match=r"Headings with no section: \[30\]"):
        load_sections(paragraphs, curated=data)


def test_unknown_kind_is_refused(paragraphs, curated):
    with pytest.raises(CuratedDataError, match="kind 'chapter'"):
        load_sections(paragraphs, curated=_broken(curated, "review-economy", kind="chapter"))
