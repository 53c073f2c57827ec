"""The book's own Sphinx pieces: ¶ links, lang marks, anchors, and the pages rendered from the
processed tables (codebook, glossary, source edition)."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ExtensionError

from gwr import paths
from gwr.book.sphinxext.codebook import codebook_sections, row_count
from gwr.book.sphinxext.glossary import definition
from gwr.book.sphinxext.paragraph_links import split_links
from gwr.book.sphinxext.source_edition import anchor, edition_rows, translation_note
from gwr.book.sphinxext.zh_lang import mark_chinese
from gwr.data.tables import load_table


def test_every_pilcrow_number_becomes_a_link():
    pieces = split_links("¶1, ¶110 and ¶18–¶22")
    assert [n for _, n in pieces if n] == [1, 110, 18, 22]
    assert "".join(p for p, _ in pieces) == "¶1, ¶110 and ¶18–¶22"


def test_text_without_pilcrow_is_untouched():
    assert split_links("no paragraph here") == [("no paragraph here", None)]


def test_anchor_form():
    assert anchor(7) == "para-7"


def test_chinese_runs_are_marked_but_not_inside_scripts():
    html = '<p>煤改电 (coal to electricity)</p><script>var s = "煤";</script>'
    assert mark_chinese(html) == ('<p><span lang="zh">煤改电</span> (coal to electricity)</p>'
                                  '<script>var s = "煤";</script>')


def test_marking_is_idempotent_on_english():
    html = "<h1>The article at a glance</h1>"
    assert mark_chinese(html) == html


# ---------------------------------------------------------------------------------------------
# The codebook page documents every table of datapackage.json.


def _package():
    return json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))


def test_every_processed_table_is_a_resource_of_the_package():
    on_disk = {p.stem for p in paths.PROCESSED.glob("*.csv")}
    assert on_disk == {r["name"] for r in _package()["resources"]}
    assert {"glossary", "translations"} <= on_disk


def test_the_codebook_has_a_section_for_every_resource():
    package = _package()
    sections = codebook_sections(package, "book/data")
    assert [s["ids"] for s in sections] == [[f"table-{r['name']}"] for r in package["resources"]]
    for resource, section in zip(package["resources"], sections, strict=True):
        assert section[0].astext() == f"{resource['title']} ({resource['path']})"
        links = list(section.findall(addnodes.download_reference))
        assert [link["reftarget"] for link in links] == [f"/data/processed/{resource['path']}"]
        rows = len(load_table(resource["name"]))
        assert f": {rows} rows; key: " in section[2].astext(), resource["name"]
        table = next(section.findall(nodes.table))
        columns = [row[0].astext() for row in table.findall(nodes.row)][1:]  # header skipped
        assert columns == [f["name"] for f in resource["schema"]["fields"]], resource["name"]


def test_the_codebook_names_foreign_keys():
    sections = {s["ids"][0]: s for s in codebook_sections(_package(), "book/data")}
    assert "references: paragraph → paragraphs." in sections["table-translations"][2].astext()
    assert "key: term." in sections["table-glossary"][2].astext()


def test_row_count_ignores_line_breaks_inside_quoted_cells(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('a,b\n1,"two\nlines"\n2,x\n', encoding="utf-8")
    assert row_count(path) == 2


# ---------------------------------------------------------------------------------------------
# The glossary and the source edition render from their processed tables.


def test_a_glossary_definition_from_its_row():
    rows = load_table("glossary").set_index("term", drop=False)
    cited = []

    def cite(key):
        cited.append(key)
        return [nodes.Text(f"[{key}]")]

    text = definition(rows.loc["三大攻坚战"], cite).astext()
    assert text.startswith("sān dà gōng jiān zhàn · the three tough battles (formulation)")
    assert "Occurs in ¶5, ¶6, ¶72. Origin: national [xi2017report]." in text
    assert cited == ["xi2017report"]
    text = definition(rows.loc["营商环境"], cite).astext()
    assert text.startswith("yíngshāng huánjìng · business environment (key term)")
    assert text.endswith("Occurs in ¶7, ¶41, ¶108.") and "Origin" not in text
    # A term without Chinese characters has no pinyin, and no " · " before its gloss.
    assert definition(rows.loc["12345"], cite).astext().startswith(
        "the 12345 government-service hotline (formulation)")
    assert cited == ["xi2017report"]


def test_the_source_edition_pairs_each_paragraph_with_its_english():
    paragraphs, translations = load_table("paragraphs"), load_table("translations")
    groups = edition_rows(paragraphs, translations)
    assert [part for part, _ in groups] == ["front", "review-2019", "plan-2020",
                                            "service-government"]
    rows = [row for _, group in groups for row in group]
    assert [row.paragraph for row in rows] == list(range(1, 111))
    row = rows[19]  # ¶20: 完成3.48万户"煤改电"…, 34,800 households in the English
    assert "3.48万户" in row.text and "34,800" in row.en
    assert [r.paragraph for r in rows if r.is_heading][:3] == [1, 2, 10]
    first_of_part = [group[0].paragraph for _, group in groups]
    assert first_of_part == [1, 10, 42, 107]
    with pytest.raises(ExtensionError, match="one row per paragraph"):
        edition_rows(paragraphs, translations.iloc[:-1])
    with pytest.raises(ExtensionError, match="one row per paragraph"):
        edition_rows(paragraphs, pd.concat([translations.iloc[1:], translations.iloc[:1]]))


def test_the_source_edition_takes_its_translation_note_from_the_data_package(tmp_path):
    """The page opens with the translator and the note, read from the translations resource of
    datapackage.json (processed data), in the same words as the curated file's header."""
    from gwr.data.translations import translator_note

    translator, note = translator_note()
    assert translation_note() == f"Translation: {translator}. {note}"
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "translations")
    assert (resource["translator"], resource["translation_note"]) == (translator, note)
    del resource["translation_note"]
    with pytest.raises(ExtensionError, match="has no 'translation_note'; run `make data`"):
        translation_note(resource)


def test_the_source_edition_reads_no_curated_file():
    import ast

    source = (paths.ROOT / "gwr" / "book" / "sphinxext" / "source_edition.py").read_text(
        encoding="utf-8")
    imported = {n.module for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ImportFrom)}
    assert "gwr.data.translations" not in imported and "gwr.curated" not in imported
    assert "curated_file" not in source and "CURATED" not in source
