"""The Chinese edition: one execution, a complete translation, and stale passages named.

Unit tests of the catalog (gwr.zh_strings), the two-edition outputs (gwr.zh_outputs,
gwr.book.sphinxext.edition_outputs) and the pairing checks (gwr.book.translation); then the
repository's own Chinese edition, which must be complete and current.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from gwr import paths, zh_strings
from gwr.book import translation
from gwr.book.sphinxext.edition_outputs import ChineseOutputRenderer
from gwr.display import numbered_table
from gwr.errors import TranslationError
from gwr.zh_outputs import (
    UNTRANSLATED,
    ZH_MARKDOWN,
    ZH_SVG,
    chinese_svg,
    chinese_text,
)


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "strings"
    folder.mkdir()
    (folder / "a.yml").write_text(
        "Task: 任务\n'{0}. Agriculture': '{0}. 农业'\n'Clean heating (¶{0})': '清洁取暖（¶{0}）'\n"
        "Deadline calendar: 完成时限日历\nShare: 占比\nTasks: 任务\n",
        encoding="utf-8")
    zh_strings._load.cache_clear()
    yield folder
    zh_strings._load.cache_clear()


# --- The catalog ---------------------------------------------------------------------------------

def test_catalog_translates_exact_pattern_and_bilingual_text(catalog_dir):
    assert zh_strings.translate("Task", catalog_dir) == "任务"
    assert zh_strings.translate("4. Agriculture", catalog_dir) == "4. 农业"
    assert zh_strings.translate("Clean heating (¶74)", catalog_dir) == "清洁取暖（¶74）"
    assert zh_strings.translate("煤改电 (coal to electricity)", catalog_dir) == "煤改电"
    assert zh_strings.translate("年内 (within the year, ¶74)", catalog_dir) == "年内（¶74）"
    assert zh_strings.translate("3.48万户 (¶20)", catalog_dir) == "3.48万户 (¶20)"
    assert zh_strings.translate("{cite:p}`x2020`", catalog_dir) == "{cite:p}`x2020`"


def test_catalog_lacks_what_it_does_not_hold(catalog_dir):
    assert zh_strings.translate("Agriculture", catalog_dir) is None
    assert zh_strings.translate("4. Industry", catalog_dir) is None
    assert zh_strings.translate("Task 3", catalog_dir) is None
    missing: list[str] = []
    assert zh_strings.translate_all("Task 3", missing, catalog_dir) == "Task 3"
    assert missing == ["Task 3"]


def test_two_translations_of_one_string_are_refused(catalog_dir):
    (catalog_dir / "b.yml").write_text("Task: 工作\n", encoding="utf-8")
    with pytest.raises(TranslationError, match=r"'Task' has two translations.*a\.yml.*b\.yml"):
        zh_strings.translate("Task", catalog_dir)


@pytest.mark.parametrize("text, message", [
    ("Task: [1, 2]\n", "must map a string"),
    ("Task: ''\n", "non-empty Chinese"),
    ("'{0} tasks': 任务\n", "same placeholders"),
    ("Task: : :\n", "not valid YAML"),
    ("- Task\n", "expected a mapping"),
])
def test_a_malformed_catalog_says_what_to_fix(tmp_path, text, message):
    (tmp_path / "bad.yml").write_text(text, encoding="utf-8")
    zh_strings._load.cache_clear()
    try:
        with pytest.raises(TranslationError, match=message):
            zh_strings.translate("Task", tmp_path)
    finally:
        zh_strings._load.cache_clear()


def test_the_project_catalog_loads():
    zh_strings._load.cache_clear()
    entries = zh_strings.catalog()
    assert entries, "zh/strings/*.yml holds no translation"
    assert all(value.strip() for value in entries.values())


# --- Outputs with two editions -------------------------------------------------------------------

def test_a_table_carries_its_chinese_with_the_same_label_and_data(monkeypatch, catalog_dir):
    monkeypatch.setattr(zh_strings, "ZH_STRINGS", catalog_dir)
    monkeypatch.setattr(zh_strings.translate_all, "__defaults__", (catalog_dir,))
    shown = pd.DataFrame({"Task": ["4. Agriculture", "Mining"], "Share": ["12%", "3%"]})
    tidy = pd.DataFrame({"paragraph": [60, 61], "share": [0.12, 0.03]})
    table = numbered_table(shown, name="tbl-x", caption="Deadline calendar", data=tidy)
    bundle, metadata = table._repr_mimebundle_()
    assert "| Task | Share |" in bundle["text/markdown"]
    chinese = bundle[ZH_MARKDOWN]
    assert chinese.startswith(":::{table} 完成时限日历\n:name: tbl-x\n")
    assert "| 任务 | 占比 |" in chinese and "| 4. 农业 | 12% |" in chinese
    assert "| Mining | 3% |" in chinese  # kept in English, and reported
    assert metadata[ZH_MARKDOWN][UNTRANSLATED] == ["Mining"]
    # The data note (CSV and citation) is the same in both editions.
    note = bundle["text/markdown"].split(":::\n\n", 1)[1]
    assert chinese.endswith(note)


def _figure():
    from gwr.style import use_style

    use_style()  # the shipped CJK font and fixed SVG ids
    figure, ax = plt.subplots()
    ax.barh(["4. Agriculture", "Mining"], [3, 4])
    ax.set_title("Deadline calendar")
    ax.set_xlabel("Share")
    return figure


def test_a_figure_is_drawn_again_in_chinese_and_left_as_it_was(monkeypatch, catalog_dir):
    monkeypatch.setattr(zh_strings.translate_all, "__defaults__", (catalog_dir,))
    figure = _figure()

    def svg() -> bytes:
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
        return buffer.getvalue()

    before = svg()
    with chinese_text(figure) as missing:
        ax = figure.axes[0]
        assert ax.get_title(loc="left") == "完成时限日历" and ax.get_xlabel() == "占比"
        assert [t.get_text() for t in ax.get_yticklabels()] == ["4. 农业", "Mining"]
    assert missing == ["Mining"]
    assert ax.get_title(loc="left") == "Deadline calendar"
    assert svg() == before, "drawing the Chinese changed the English figure"
    plt.close(figure)


def test_the_chinese_svg_records_what_stayed_english(monkeypatch, catalog_dir):
    monkeypatch.setattr(zh_strings.translate_all, "__defaults__", (catalog_dir,))
    figure = _figure()
    svg, metadata = chinese_svg(figure)
    assert svg.lstrip().startswith("<?xml") and metadata == {UNTRANSLATED: ["Mining"]}
    plt.close(figure)


def _renderer(language: str):
    calls = []
    inner = SimpleNamespace(sphinx_env=SimpleNamespace(config=SimpleNamespace(language=language)))
    renderer = SimpleNamespace(
        renderer=inner, logger=SimpleNamespace(warning=lambda *a, **k: calls.append(a[0])),
        render_image=lambda data: [("image", data.mime_type)],
        render_markdown=lambda data: [("markdown", data.mime_type, data.content)])
    return renderer, calls


def _data(mime: str, content: str = "x", metadata: dict | None = None):
    from myst_nb.core.render import MimeData
    return MimeData(mime, content, output_metadata={ZH_MARKDOWN: {UNTRANSLATED: []}}
                    if metadata is None else metadata)


def test_each_edition_renders_only_its_own_representation():
    english, _ = _renderer("en")
    chinese, warnings = _renderer("zh_CN")
    handle = ChineseOutputRenderer.handle_mime
    assert handle(english, _data("text/markdown"), False) is None  # myst-nb renders it
    assert handle(english, _data(ZH_MARKDOWN), False) == []
    assert handle(chinese, _data("text/markdown"), False) == []
    assert handle(chinese, _data(ZH_MARKDOWN, "表"), False) == [("markdown", "text/markdown", "表")]
    svg_meta = {ZH_SVG: {UNTRANSLATED: ["Mining"]}}
    assert handle(chinese, _data(ZH_SVG, "<svg/>", svg_meta), False) == [("image", "image/svg+xml")]
    assert handle(chinese, _data("image/svg+xml", "<svg/>", svg_meta), False) == []
    assert warnings and "'Mining'" in warnings[0]
    # An output with one edition only (a data note, a glue) is left to myst-nb in both.
    assert handle(chinese, _data("text/markdown", metadata={}), False) is None


# --- Pairing and staleness -----------------------------------------------------------------------

def _notebook(*cells: dict) -> dict:
    return {"cells": list(cells), "metadata": {"kernelspec": {"name": "python3"}},
            "nbformat": 4, "nbformat_minor": 5}


def _md(cell_id: str, text: str, en: str | None = None) -> dict:
    meta = {} if en is None else {"translation": {"en": en}}
    return {"cell_type": "markdown", "id": cell_id, "metadata": meta, "source": text}


def _code(cell_id: str, source: str, **meta) -> dict:
    return {"cell_type": "code", "id": cell_id, "metadata": dict(meta), "source": source,
            "outputs": [], "execution_count": None}


FIGURE = {"figure": {"caption": "A chart.", "name": "fig-a"}, "image": {"alt": "Bars."}}


def _pair(tmp_path, english: dict, chinese: dict) -> list[str]:
    en, zh = tmp_path / "en.ipynb", tmp_path / "zh.ipynb"
    en.write_text(json.dumps(english), encoding="utf-8")
    zh.write_text(json.dumps(chinese), encoding="utf-8")
    original = translation.ROOT
    translation.ROOT = tmp_path
    try:
        return [p.what for p in translation.notebook_problems(en, zh)]
    finally:
        translation.ROOT = original


def _translated_pair():
    figure_cell = _code("c2", "chart()", mystnb=copy.deepcopy(FIGURE))
    zh_meta = copy.deepcopy(FIGURE)
    zh_meta["figure"]["caption"], zh_meta["image"]["alt"] = "一张图。", "条形。"
    figure_cell["metadata"]["mystnb_zh"] = zh_meta
    figure_cell["metadata"]["translation"] = {"en": translation.digest(
        translation.english_of(figure_cell))}
    english = _notebook(_md("m1", "# Plan\n\nNine tasks."), _code("c1", "x = 1"), figure_cell)
    chinese = translation.sync_notebook(english, None)
    chinese["cells"][0]["source"] = "# 计划\n\n九项任务。"
    chinese["cells"][0]["metadata"]["translation"]["en"] = translation.digest(
        "# Plan\n\nNine tasks.")
    return english, chinese


def test_a_current_translation_has_no_problem(tmp_path):
    english, chinese = _translated_pair()
    assert _pair(tmp_path, english, chinese) == []


def test_a_changed_english_paragraph_names_its_stale_chinese_cell(tmp_path):
    english, chinese = _translated_pair()
    english["cells"][0]["source"] = "# Plan\n\nTen tasks."
    problems = _pair(tmp_path, english, chinese)
    assert len(problems) == 1 and problems[0].startswith("cell 0 ('# Plan'): stale")
    assert translation.digest("# Plan\n\nTen tasks.") in problems[0]


def test_changed_code_breaks_the_shared_execution(tmp_path):
    english, chinese = _translated_pair()
    chinese["cells"][1]["source"] = "x = 2"
    assert any("code or its metadata differs" in p for p in _pair(tmp_path, english, chinese))
    # Metadata too: jupyter-cache hashes it with the code, so a differing tag or caption is a
    # second execution.
    english, chinese = _translated_pair()
    chinese["cells"][1]["metadata"]["tags"] = ["remove-cell"]
    assert any("code or its metadata differs" in p for p in _pair(tmp_path, english, chinese))
    english, chinese = _translated_pair()
    chinese["cells"][1]["outputs"] = [{"output_type": "stream", "text": "1"}]
    assert any("has outputs" in p for p in _pair(tmp_path, english, chinese))


def test_a_changed_caption_names_its_stale_figure(tmp_path):
    english, chinese = _translated_pair()
    english["cells"][2]["metadata"]["mystnb"]["figure"]["caption"] = "A new chart."
    chinese = translation.sync_notebook(english, chinese)
    problems = _pair(tmp_path, english, chinese)
    assert problems == [p for p in problems if "figure fig-a: stale" in p] and problems


def test_an_untranslated_figure_and_cell_are_named(tmp_path):
    english, chinese = _translated_pair()
    english["cells"][2]["metadata"]["mystnb_zh"] = copy.deepcopy(FIGURE)
    english["cells"].append(_md("m2", "## Summary\n\nShort."))
    chinese = translation.sync_notebook(english, chinese)
    problems = _pair(tmp_path, english, chinese)
    assert any("the Chinese caption is the English one" in p for p in problems)
    assert any(p.startswith("cell 3 ('## Summary'): not yet translated") for p in problems)
    # The translation already made survives the sync.
    assert chinese["cells"][0]["source"] == "# 计划\n\n九项任务。"


def test_cells_out_of_step_are_refused(tmp_path):
    english, chinese = _translated_pair()
    chinese["cells"].reverse()
    assert "run `python tools/sync_translations.py`" in _pair(tmp_path, english, chinese)[0]


def test_a_page_section_that_changed_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(translation, "ROOT", tmp_path)
    monkeypatch.setattr(translation, "ZH", tmp_path / "zh")
    (tmp_path / "zh" / "book").mkdir(parents=True)
    english = "(intro)=\n# Title\n\nOne.\n\n## Contents\n\nTwo.\n"
    (tmp_path / "en.md").write_text(english, encoding="utf-8")
    parts = translation.sections(english)
    chinese = (f"% en: {translation.digest(parts[0])}\n(intro)=\n# 标题\n"
               f"% en: {translation.digest(parts[1])}\n\n一。\n\n## 目录\n"
               f"% en: {translation.digest(parts[2])}\n\n二。\n")
    (tmp_path / "zh" / "book" / "p.md").write_text(chinese, encoding="utf-8")
    assert translation.page_problems("book/p.md", "en.md") == []
    (tmp_path / "en.md").write_text(english.replace("Two.", "Three."), encoding="utf-8")
    problems = [str(p) for p in translation.page_problems("book/p.md", "en.md")]
    assert len(problems) == 1 and "section '## Contents': stale" in problems[0]
    (tmp_path / "en.md").write_text(english + "\n## More\n\nFour.\n", encoding="utf-8")
    assert "has 2 headings where en.md has 3" in str(
        translation.page_problems("book/p.md", "en.md")[0])


# --- The repository's Chinese edition ------------------------------------------------------------

def test_the_chinese_edition_is_complete_and_current():
    problems = [str(p) for p in translation.problems()]
    assert not problems, (f"{len(problems)} passage(s) of the Chinese edition need work "
                          "(python tools/sync_translations.py):\n" + "\n".join(problems))


def test_every_page_of_the_english_toc_has_its_chinese_page():
    import yaml

    def files(toc: Path) -> list[str]:
        data = yaml.safe_load(toc.read_text(encoding="utf-8"))
        return [data["root"]] + [c["file"] for part in data["parts"] for c in part["chapters"]]

    assert files(paths.ROOT / "book" / "_toc.yml") == files(paths.ZH / "_toc.yml")


def committed_outputs() -> list[tuple[str, dict]]:
    found = []
    for path in sorted((paths.ROOT / "notebooks").glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            for output in cell.get("outputs", []):
                found.append((path.name, output))
    return found


def test_every_committed_table_and_figure_carries_its_complete_chinese():
    problems = []
    for name, output in committed_outputs():
        data = output.get("data", {})
        if "image/svg+xml" in data and ZH_SVG not in data:
            problems.append(f"{name}: a figure without its Chinese SVG")
        if ":::{table}" in "".join(data.get("text/markdown", "")) and ZH_MARKDOWN not in data:
            problems.append(f"{name}: a table without its Chinese")
        for mime in (ZH_SVG, ZH_MARKDOWN):
            missing = output.get("metadata", {}).get(mime, {}).get(UNTRANSLATED, [])
            problems += [f"{name}: untranslated {text!r}" for text in missing]
    assert not problems, "\n".join(problems)


def test_a_list_the_code_joined_reads_as_a_chinese_list(catalog_dir):
    assert zh_strings.translate("全年, 年内, 年底前", catalog_dir) == "全年、年内、年底前"
    assert zh_strings.translate("¶3, ¶43–¶106", catalog_dir) == "¶3, ¶43–¶106"
