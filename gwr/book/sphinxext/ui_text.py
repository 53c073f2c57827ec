"""Every word that the project's extensions, templates and scripts put on a page, per edition.

One dictionary per edition (``en``, ``zh``), the same keys in both; :func:`text` looks a key up
for the edition that a Sphinx application (or its config, or its environment) builds, from
``config.language`` (``zh_CN`` → ``zh``, anything else → ``en``). A key missing from either
dictionary raises :class:`MissingUiText` at once: no page silently falls back to English.

The theme's own words (Sphinx, pydata-sphinx-theme, sphinx-book-theme, myst-nb) are filled in
from gettext catalogs (gwr/book/locale, loaded by gwr.book.sphinxext.theme_locale).
"""

from __future__ import annotations

from typing import Any

from gwr.errors import GwrError


class MissingUiText(GwrError):
    """A key of the interface has no text in an edition."""


EN: dict[str, str] = {
    # cite_block
    "cite.heading": "Cite this page",
    "cite.copy_bibtex": "Copy BibTeX",
    "cite.copy_apa": "Copy APA",
    "cite.copy_gbt": "Copy GB/T",
    "cite.opening_book": "This page opens {title}, version {version}, released {released}; "
                         "cite the book as below.",
    "cite.opening_page": "This page is part of {title}, version {version}, released {released}.",
    "cite.cite_version": " Cite the version you read: later versions may change the text, the "
                         "numbers of figures and tables, and the data, but page addresses and "
                         "labels stay.",
    "cite.preview_strong": "Preview build: ",
    "cite.preview_text": "the address of this book is not yet published, so these citations and "
                         "files carry none. The released book's citations give each page's "
                         "address.",
    "cite.access_slot": "Replace {slot} with the date you read the page (YYYY-MM-DD).",
    "cite.labels": "To cite a figure or table, give its number and this page, and its label, "
                   "which never changes: ",
    "cite.labels_sep": "; ",
    "cite.labels_open": " (",
    "cite.labels_close": ")",
    "cite.labels_end": ".",
    "cite.downloads": "Download this citation: {links}.",
    # page_metadata (preview builds)
    "preview.not_published": "[Address not yet published: preview build]",
    "preview.note": "Preview build: the address is not yet published",
    # figure_data
    "data.data": "Data: ",
    "data.rows": " (CSV, {count} row{s}) · ",
    "data.source": "Source: ",
    "data.cite": "Cite {kind} {number}",
    "data.index_head": "Figure or table|Data|Rows|Columns",
    "kind.Figure": "Figure",
    "kind.Table": "Table",
    "kind.number": "{kind} {number}",
    # apparatus
    "app.Figures": "Figures",
    "app.Commitments": "Commitments",
    "app.Terms": "Terms",
    "app.Places": "Places",
    "app.Discussed in": "Discussed in",
    "app.heading_sep": ": ",
    "app.codebook": "codebook",
    "app.chapter": "Chapter {number}",
    "app.ch_prefix": "Ch. {number}: ",
    "app.due": ", due {deadline_zh} ({date})",
    # The data's own words in the apparatus: qualifiers, kinds of figure, strengths.
    "word.about": "about",
    "word.more than": "more than",
    "word.at least": "at least",
    "word.nearly": "nearly",
    "word.at most": "at most",
    "word.achievement": "achievement",
    "word.target": "target",
    "word.baseline": "baseline",
    "word.report structure": "report structure",
    "word.binding": "binding",
    "word.aspirational": "aspirational",
    "word.process": "process",
    "app.date_format": "%-d %B %Y",
    # codebook
    "codebook.columns": "Column|Type|Unit|Description|Allowed values",
    "codebook.download": "Download ",
    "codebook.rows": ": {rows} rows; key: {keys}",
    "codebook.references": "; references: {references}.",
    "codebook.end": ".",
    "codebook.required": "required",
    "codebook.pattern": "pattern {pattern}",
    # glossary
    "glossary.occurs_in": "Occurs in {paragraphs}.",
    "glossary.origin": " Origin: {origin} ",
    "glossary.origin.national": "national",
    "glossary.origin.provincial": "provincial (Shanxi)",
    "glossary.origin.municipal": "municipal (Taiyuan)",
    # source_edition
    "source.part.front": "Front matter (¶1–¶9)",
    "source.part.review-2019": "Part 1: the review of 2019",
    "source.part.plan-2020": "Part 2: the plan for 2020",
    "source.part.service-government": "Part 3: a service-oriented government",
    "source.heading_mark": " heading",
    "source.translation": "Translation: {translator}. {note}",
    # edition_meta, lean_theme
    "meta.version_line": "Version {version}, released {released}. {preview}",
    "meta.preview": "Preview build: the address is not yet published. ",
    "meta.how_to_cite": "How to cite",
    "meta.changelog": "Changelog",
    "meta.last_updated_fmt": "%d %B %Y",
    "print.edition": "{title}. Version {version}, released {released}. {address}",
    "print.preview": "Preview build: the address is not yet published.",
    # figure_zoom
    "zoom.title": "Open the figure at full size",
    # language_switch
    "switch.label": "中文",
    "switch.title": "阅读本页的中文版",
    # myst-nb's toggles of hidden code cells
    "nb.show_code": "Show code cell {type}",
    "nb.hide_code": "Hide code cell {type}",
    # pdf_link (the site) and gwr.book.pdf (the PDF of each edition)
    "pdf.link": "PDF",
    "pdf.link_title": "This edition as one PDF file, with page numbers",
    "pdf.contents": "Contents",
    "pdf.cite_heading": "How to cite this book",
    "pdf.cite_intro": "Cite the version you read. Page numbers refer to this PDF; figures, "
                      "tables and paragraphs (¶) keep their numbers and labels in every form "
                      "of the book.",
    "pdf.licence_heading": "Licences",
    "pdf.version": "Version {version}, released {released}",
    "pdf.not_published": "[Address not yet published: preview build]",
    "pdf.notebook": "The code of this chapter is in the notebook {path}; the chapter online: "
                    "{url}.",
    "pdf.running_footer": "{title} · version {version}",
}

ZH: dict[str, str] = {
    "cite.heading": "引用本页",
    "cite.copy_bibtex": "复制 BibTeX",
    "cite.copy_apa": "复制 APA",
    "cite.copy_gbt": "复制 GB/T",
    "cite.opening_book": "本页是《{title}》的首页，版本 {version}，{released} 发布；"
                         "引用全书请用下列格式。",
    "cite.opening_page": "本页属于《{title}》，版本 {version}，{released} 发布。",
    "cite.cite_version": "请引用您所读的版本：后续版本可能改动正文、图表编号和数据，"
                         "但页面网址和标签不变。",
    "cite.preview_strong": "预览版：",
    "cite.preview_text": "本书网址尚未发布，因此以下引文和文件均不含网址。"
                         "正式发布版的引文会给出每页的网址。",
    "cite.access_slot": "请将 {slot} 替换为您阅读本页的日期（YYYY-MM-DD）。",
    "cite.labels": "引用图或表时，请注明其编号和本页，以及其永不改变的标签：",
    "cite.labels_sep": "；",
    "cite.labels_open": "（",
    "cite.labels_close": "）",
    "cite.labels_end": "。",
    "cite.downloads": "下载本页引文：{links}。",
    "preview.not_published": "[网址尚未发布：预览版]",
    "preview.note": "预览版：网址尚未发布",
    "data.data": "数据：",
    "data.rows": "（CSV，{count} 行）· ",
    "data.source": "出处：",
    "data.cite": "引用{kind} {number}",
    "data.index_head": "图或表|数据|行数|列",
    "kind.Figure": "图",
    "kind.Table": "表",
    "kind.number": "{kind} {number}",
    "app.Figures": "数字",
    "app.Commitments": "承诺",
    "app.Terms": "术语",
    "app.Places": "地名",
    "app.Discussed in": "讨论见",
    "app.heading_sep": "：",
    "app.codebook": "数据说明",
    "app.chapter": "第 {number} 章",
    "app.ch_prefix": "第 {number} 章：",
    "app.due": "，期限：{deadline_zh}（{date}）",
    "word.about": "约",
    "word.more than": "逾",
    "word.at least": "不少于",
    "word.nearly": "近",
    "word.at most": "不超过",
    "word.achievement": "完成值",
    "word.target": "目标",
    "word.baseline": "基数",
    "word.report structure": "报告结构",
    "word.binding": "约束性",
    "word.aspirational": "争取性",
    "word.process": "过程性",
    "app.date_format": "%Y年%-m月%-d日",
    "codebook.columns": "列|类型|单位|说明|允许值",
    "codebook.download": "下载 ",
    "codebook.rows": "：{rows} 行；主键：{keys}",
    "codebook.references": "；外键：{references}。",
    "codebook.end": "。",
    "codebook.required": "必填",
    "codebook.pattern": "格式 {pattern}",
    "glossary.occurs_in": "见于 {paragraphs}。",
    "glossary.origin": "来源：{origin}",
    "glossary.origin.national": "国家层面",
    "glossary.origin.provincial": "省级（山西）",
    "glossary.origin.municipal": "市级（太原）",
    "source.part.front": "前言（¶1–¶9）",
    "source.part.review-2019": "第一部分：2019年工作回顾",
    "source.part.plan-2020": "第二部分：2020年工作安排",
    "source.part.service-government": "第三部分：建设服务型政府",
    "source.heading_mark": " 标题",
    "source.translation": "英译：{translator}。{note}",
    "meta.version_line": "版本 {version}，{released} 发布。{preview}",
    "meta.preview": "预览版：网址尚未发布。",
    "meta.how_to_cite": "如何引用",
    "meta.changelog": "更新日志",
    "meta.last_updated_fmt": "%Y年%m月%d日",
    "print.edition": "{title}。版本 {version}，{released} 发布。{address}",
    "print.preview": "预览版：网址尚未发布。",
    "zoom.title": "查看原尺寸图片",
    "switch.label": "English",
    "switch.title": "Read this page in English",
    "nb.show_code": "显示代码",
    "nb.hide_code": "隐藏代码",
    "pdf.link": "PDF 版",
    "pdf.link_title": "本版的 PDF 文件（带页码）",
    "pdf.contents": "目录",
    "pdf.cite_heading": "如何引用本书",
    "pdf.cite_intro": "请引用您所读的版本。页码指本 PDF；图、表和段落（¶）的编号与标签在本书各种"
                      "形式中一致。",
    "pdf.licence_heading": "许可",
    "pdf.version": "版本 {version}，{released} 发布",
    "pdf.not_published": "[网址尚未发布：预览版]",
    "pdf.notebook": "本章代码见笔记本 {path}；网页版：{url}。",
    "pdf.running_footer": "{title} · 版本 {version}",
}

TEXTS: dict[str, dict[str, str]] = {"en": EN, "zh": ZH}


def edition_of(where: Any) -> str:
    """The edition (``en`` or ``zh``) that a Sphinx app, environment or config builds, or that
    a language code names.

    Examples:
        >>> edition_of("zh_CN"), edition_of("en"), edition_of(None), edition_of("zh-CN")
        ('zh', 'en', 'en', 'zh')
    """
    if where is not None and not isinstance(where, str):
        config = getattr(where, "config", where)
        where = getattr(config, "language", None)
    return "zh" if str(where or "en").lower().replace("-", "_").startswith("zh") else "en"


def text(where: Any, key: str, **values: Any) -> str:
    """The text of ``key`` in the edition ``where`` builds, formatted with ``values``.

    Examples:
        >>> text("en", "data.cite", kind="Figure", number="3.1")
        'Cite Figure 3.1'
        >>> text("zh_CN", "data.cite", kind=text("zh_CN", "kind.Figure"), number="3.1")
        '引用图 3.1'
        >>> text("zh_CN", "no.such.key")
        Traceback (most recent call last):
        ...
        gwr.book.sphinxext.ui_text.MissingUiText: no interface text "no.such.key" in the zh edition
    """
    edition = edition_of(where)
    try:
        template = TEXTS[edition][key]
    except KeyError:
        raise MissingUiText(f'no interface text "{key}" in the {edition} edition') from None
    return template.format(**values) if values else template


def texts(where: Any, key: str) -> list[str]:
    """A key whose text is a list separated by "|" (table headings).

    Examples:
        >>> texts("en", "data.index_head")
        ['Figure or table', 'Data', 'Rows', 'Columns']
    """
    return text(where, key).split("|")


def check_complete() -> None:
    """Raise MissingUiText unless every edition has every key."""
    keys = set().union(*TEXTS.values())
    for edition, table in TEXTS.items():
        missing = sorted(keys - set(table))
        if missing:
            raise MissingUiText(f"the {edition} edition lacks interface text for "
                                + ", ".join(missing))


check_complete()
