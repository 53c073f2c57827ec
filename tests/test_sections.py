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


# ---------------------------------------------------------------------------------------------
# The English of a heading is stored once: the translation of its paragraph.


def test_heading_en_is_the_translation_of_the_heading_paragraph(tables, paragraphs):
    from gwr.data.translations import load_translations
    english = load_translations(paragraphs)
    frame = tables["sections"]
    translation = dict(zip(tables["translations"]["paragraph"], tables["translations"]["en"],
                           strict=True))
    headed = frame[frame["heading_paragraph"].notna()]
    assert len(headed) == 21
    for row in headed.itertuples():
        assert row.heading_en == translation[row.heading_paragraph] == english[
            row.heading_paragraph], row.section_id
    rows = frame.set_index("section_id")
    assert rows.loc["plan-city", "heading_en"] == (
        "Make every effort to raise the city's standing (能级) and core competitiveness")
    assert rows.loc["front", "heading_en"] == (
        "Headline, dateline and the article's summary of the report")


def test_only_the_front_matter_keeps_heading_en_in_the_curated_file(curated, sections):
    assert [key for key, entry in curated.items() if "heading_en" in entry] == ["front"]
    assert all(s.heading_en == "" for s in sections if s.heading_paragraph is not None)


def test_a_second_copy_of_a_heading_en_is_refused(paragraphs, curated):
    data = _broken(curated, "plan-city", heading_en="Raise the city's standing")
    with pytest.raises(CuratedDataError,
                       match=r"sections\.yml, entry 'plan-city': heading_en .*¶76 in "
                             r"data/curated/translations\.yml"):
        load_sections(paragraphs, curated=data)


def test_the_front_matter_needs_heading_en(paragraphs, curated):
    data = copy.deepcopy(curated)
    del data["front"]["heading_en"]
    with pytest.raises(CuratedDataError, match=r"entry 'front': .*heading_en"):
        load_sections(paragraphs, curated=data)


def test_sections_csv_keeps_its_columns():
    from gwr.data.tables import load_table
    assert list(load_table("sections").columns) == [
        "section_id", "kind", "part", "heading_paragraph", "first_paragraph", "last_paragraph",
        "order", "heading_zh", "heading_en", "short_en", "official_name_zh", "official_name_en",
        "heading_relation", "paragraphs", "body_paragraphs", "chars", "body_chars", "reason"]
