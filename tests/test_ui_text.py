"""The interface in each edition (gwr.book.sphinxext.ui_text and the extensions that use it), in
two tiny Sphinx projects: the same chapter built as the English and as the Chinese edition."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from gwr.book.citation import chinese_edition, gbt7714, read_edition
from gwr.book.sphinxext import language_switch, theme_locale, ui_text
from gwr.book.sphinxext.page_metadata import chinese_title, unpublished
from gwr.book.sphinxext.zh_lang import mark_english

DOC = "notebooks/03-plan-2020"  # a page that both editions have (language_switch looks)
CONF = """\
extensions = ["myst_parser", "gwr.book.sphinxext.page_metadata",
              "gwr.book.sphinxext.cite_block", "gwr.book.sphinxext.language_switch",
              "gwr.book.sphinxext.figure_data", "gwr.book.sphinxext.paragraph_links",
              "gwr.book.sphinxext.source_edition", "gwr.book.sphinxext.apparatus",
              "gwr.book.sphinxext.theme_locale", "gwr.book.sphinxext.zh_lang"]
numfig = True
language = {language!r}
root_doc = "index"
templates_path = ["_templates"]
"""
LAYOUT = ('{% extends "!layout.html" %}{% block relbar1 %}'
          '<div id="switch">{{ gwr_language_switch|default("") }}</div>{{ super() }}'
          '{% endblock %}')
CHAPTER = {"en": "# Part 2: the plan for 2020\n\n(plan-targets)=\n## Targets\n\nSee ¶20.\n",
           "zh": "# 第二部分：2020年计划\n\n(plan-targets)=\n## 目标\n\n见¶20。\n"}


def build(root: Path, language: str) -> Path:
    edition = ui_text.edition_of(language)
    (root / "conf.py").write_text(CONF.format(language=language))
    (root / "_templates").mkdir()
    (root / "_templates" / "layout.html").write_text(LAYOUT)
    (root / "index.md").write_text("# Book\n\n```{toctree}\nnotebooks/03-plan-2020\n"
                                   "book/source\n```\n")
    (root / "notebooks").mkdir()
    (root / "book").mkdir()
    (root / f"{DOC}.md").write_text(CHAPTER[edition], encoding="utf-8")
    (root / "book" / "source.md").write_text("# Source\n\n```{source-edition}\n```\n")
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(root),
                             str(root / "_build")], text=True, capture_output=True, check=False,
                            env={"GWR_RELEASE": "0", "PATH": "/usr/bin:/bin",
                                 "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    assert result.returncode == 0, result.stderr
    return root / "_build"


@pytest.fixture(scope="module")
def english(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("en"), "en")


@pytest.fixture(scope="module")
def chinese(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("zh"), "zh_CN")


def page(site: Path, name: str = DOC) -> str:
    return (site / f"{name}.html").read_text(encoding="utf-8")


def cite_block(html: str) -> str:
    return html[html.index('id="cite-this-page"'):]


# --- ui_text ---------------------------------------------------------------------------------

def test_a_missing_key_raises_naming_the_key_and_the_edition():
    with pytest.raises(ui_text.MissingUiText, match=r'"cite\.nothing" in the zh edition'):
        ui_text.text("zh_CN", "cite.nothing")
    with pytest.raises(ui_text.MissingUiText, match="in the en edition"):
        ui_text.text("en", "cite.nothing")


def test_an_edition_that_lacks_a_key_fails_the_check(monkeypatch):
    monkeypatch.setitem(ui_text.TEXTS, "zh", {k: v for k, v in ui_text.ZH.items()
                                              if k != "cite.heading"})
    with pytest.raises(ui_text.MissingUiText, match=r"zh edition lacks .*cite\.heading"):
        ui_text.check_complete()


def test_the_edition_follows_the_configured_language():
    assert ui_text.text("zh_CN", "cite.heading") == "引用本页"
    assert ui_text.text("en", "cite.heading") == "Cite this page"
    assert ui_text.edition_of(None) == "en"


# --- citations of the Chinese edition ---------------------------------------------------------

def test_the_chinese_gbt_form_has_the_chinese_title_names_version_and_zh_address():
    edition = chinese_edition(read_edition(), chinese_title())
    form = gbt7714(edition, "第二部分：2020年计划", DOC)
    assert form == (
        "太原市政府工作报告分析版编写组. 第二部分：2020年计划[M/OL]//"
        "太原市政府工作报告分析版编写组. "
        f"{chinese_title()}. {edition.version}版. 太原市政府工作报告分析版编写组, "
        f"{edition.year}[引用日期]. {read_edition().url}zh/{DOC}.html.")


def test_a_preview_address_is_replaced_in_the_editions_language():
    assert unpublished("https://address-not-yet-published.invalid/x.html", "zh") == \
        "[网址尚未发布：预览版]"


# --- the built pages -------------------------------------------------------------------------

def test_a_chinese_cite_block_starts_with_gbt_then_apa_then_bibtex(chinese):
    block = cite_block(page(chinese))
    assert "<h2>引用本页" in block
    order = [block.index(f'id="citation-{form}"') for form in ("gbt", "apa", "bibtex")]
    assert order == sorted(order)
    gbt = re.search(r'id="citation-gbt">(.*?)</p>', block, re.S).group(1)
    assert gbt.startswith("太原市政府工作报告分析版编写组. 第二部分：2020年计划[M/OL]//")
    assert f"{chinese_title()}." in gbt
    assert "[网址尚未发布：预览版]" in gbt  # a preview build
    assert "复制 GB/T" in block and "Copy" not in block
    assert "@incollection{taiyuan2020edition-zh:03-plan-2020," in block


def test_an_english_cite_block_keeps_its_order_and_words(english):
    block = cite_block(page(english))
    assert "Cite this page" in block
    order = [block.index(f'id="citation-{form}"') for form in ("bibtex", "apa", "gbt")]
    assert order == sorted(order)
    assert "Taiyuan Work Report Edition contributors. Part 2: the plan for 2020[M/OL]//" in block
    assert "@incollection{taiyuan2020edition:03-plan-2020," in block


def test_the_english_switch_points_at_the_same_page_under_zh(english):
    html = page(english)
    switch = re.search(r'<div id="switch">(.*?)</div>', html, re.S).group(1)
    assert 'href="../zh/notebooks/03-plan-2020.html"' in switch
    assert 'hreflang="zh-CN"' in switch and ">中文</a>" in switch
    assert "plan-targets" in re.search(r'data-anchors="([^"]*)"', switch).group(1).split()
    assert '<link rel="alternate" hreflang="en" href="../notebooks/03-plan-2020.html" />' in html
    assert ('<link rel="alternate" hreflang="zh-CN" href="../zh/notebooks/03-plan-2020.html" />'
            in html)
    assert ('<link rel="alternate" hreflang="x-default" href="../notebooks/03-plan-2020.html" />'
            in html)


def test_the_chinese_switch_points_back_at_the_english_page(chinese):
    html = page(chinese)
    switch = re.search(r'<div id="switch">(.*?)</div>', html, re.S).group(1)
    assert 'href="../../notebooks/03-plan-2020.html"' in switch
    assert ">English</a>" in switch and 'lang="en"' in switch
    assert '<link rel="alternate" hreflang="zh-CN" href="../../zh/notebooks/03-plan-2020.html"' \
        in html


def test_a_page_without_a_counterpart_gets_no_switch(english):
    assert 'hreflang="zh-CN"' not in page(english, "index")  # no zh/index source
    assert not language_switch.has_counterpart("index", "en")


def test_a_release_links_the_editions_absolutely():
    urls = language_switch.edition_urls(DOC, "zh", release=True, site="https://x.org/b")
    assert urls == {"en": f"https://x.org/b/{DOC}.html", "zh": f"https://x.org/b/zh/{DOC}.html"}


def test_the_chinese_data_note_and_source_edition_speak_chinese(chinese):
    source = page(chinese, "book/source")
    assert "第一部分：2019年工作回顾" in source and "Part 1: the review" not in source
    assert 'class="en lang-en" lang="en"' in source
    assert "讨论见：" in source  # the apparatus of ¶20


def test_theme_words_come_from_the_project_catalog():
    found = theme_locale.messages(theme_locale.LOCALE_DIR / "zh_CN" / "LC_MESSAGES" /
                                  "sphinx.po")
    assert found["Link to this heading"] == "链接到此标题"
    assert found["Color mode"] == "颜色模式"


def test_the_chinese_page_marks_english_prose_and_not_single_tokens():
    assert mark_english("<p>5G 基站</p>") == "<p>5G 基站</p>"
    assert mark_english("<p>见 the plan</p>") == '<p>见 <span lang="en">the plan</span></p>'
