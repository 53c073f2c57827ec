"""datapackage.json describes data/processed and validates with frictionless, keys included."""

from __future__ import annotations

import json
import shutil

import frictionless
import pandas as pd
import pytest

from gwr import paths
from gwr.data.datapackage import (
    attach_properties,
    datapackage_json,
    published_resource,
    resource,
    resource_properties,
)
from gwr.data.pipeline import render
from gwr.data.translations import translator_note


def _validate(path):
    report = frictionless.validate(str(path))
    return report, [e.message for task in report.tasks for e in task.errors]


def _errors(report) -> list[tuple[str, str, str | None, str]]:
    """Each error as (resource, error type, field name, constraint note)."""
    return [(task.name, e.type, getattr(e, "field_name", None), getattr(e, "note", ""))
            for task in report.tasks for e in task.errors]


def assert_fails_for_the_enum(report, resource_name: str, field: str, value: str) -> None:
    """The report fails, and only for the one cell whose value is outside the field's enum."""
    assert not report.valid
    errors = _errors(report)
    assert [(r, t, f) for r, t, f, _ in errors] == [(resource_name, "constraint-error", field)], \
        errors
    assert 'constraint "enum"' in errors[0][3], errors
    messages = [e.message for task in report.tasks for e in task.errors]
    assert f'"{value}"' in messages[0], messages


def test_datapackage_is_valid_with_foreign_keys():
    report, errors = _validate(paths.DATAPACKAGE)
    assert report.valid, errors[:5]


def test_every_table_has_a_resource():
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    names = {r["name"] for r in package["resources"]}
    assert {"mentions", "indicators", "commitments", "formulations", "places", "glossary",
            "translations"} <= names
    assert all(not r["path"].startswith("/") for r in package["resources"])


def test_a_step_attaches_properties_to_its_resource(tables):
    """translations.csv's resource carries the translator and the note (issue 10: a book page
    reads only processed data), attached by its step and written by the pipeline."""
    translator, note = translator_note()
    expected = {"translator": translator, "translation_note": note}
    assert resource_properties(tables["translations"]) == expected
    written = json.loads(render(tables)["datapackage.json"])
    by_name = {r["name"]: r for r in written["resources"]}
    assert {k: by_name["translations"][k] for k in expected} == expected
    assert published_resource("translations") == by_name["translations"]
    # Only that resource carries them: the mechanism is generic, the properties are the step's.
    assert not any("translator" in r for n, r in by_name.items() if n != "translations")


def test_attached_properties_are_generic_but_cannot_replace_the_schema():
    frame = attach_properties(pd.DataFrame({"paragraph": [1]}), source_note="n")
    assert resource_properties(frame) == {"source_note": "n"}
    text = datapackage_json(["paragraphs"], {"paragraphs": resource_properties(frame)})
    assert json.loads(text)["resources"][0]["source_note"] == "n"
    assert resource_properties(pd.DataFrame()) == {}
    with pytest.raises(ValueError, match="the properties path, schema come from its schema"):
        resource("paragraphs", {"schema": {}, "path": "x.csv"})
    with pytest.raises(KeyError, match="no resource 'nothing'"):
        published_resource("nothing")


@pytest.fixture
def package_copy(tmp_path):
    copy = tmp_path / "processed"
    shutil.copytree(paths.PROCESSED, copy)
    return copy


def test_a_broken_foreign_key_is_caught(package_copy):
    csv = package_copy / "indicators.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(
        "plan-city.5g-base-stations", "plan-city.6g-base-stations"), encoding="utf-8")
    report, errors = _validate(package_copy / "datapackage.json")
    assert not report.valid
    assert any("foreign" in e.lower() or "reference" in e.lower() for e in errors), errors[:3]


def test_a_value_outside_its_enum_is_caught(package_copy):
    csv = package_copy / "mentions.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",ordinal,", ",rank,", 1),
                   encoding="utf-8")
    report, _ = _validate(package_copy / "datapackage.json")
    assert_fails_for_the_enum(report, "mentions", "class", "rank")


def test_a_translation_of_a_paragraph_that_does_not_exist_is_caught(package_copy):
    csv = package_copy / "translations.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    assert lines[-1].startswith("110,")
    csv.write_text("\n".join([*lines[:-1], "111" + lines[-1][3:]]) + "\n", encoding="utf-8")
    report, errors = _validate(package_copy / "datapackage.json")
    assert not report.valid
    assert any("foreign" in e.lower() or "reference" in e.lower() for e in errors), errors[:3]


def test_a_glossary_kind_outside_its_enum_is_caught(package_copy):
    csv = package_copy / "glossary.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",key term,", ",keyword,", 1),
                   encoding="utf-8")
    report, _ = _validate(package_copy / "datapackage.json")
    assert_fails_for_the_enum(report, "glossary", "kind", "keyword")
