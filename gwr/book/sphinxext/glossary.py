"""``{report-glossary}``: a Sphinx glossary of the formulations and key terms, with pinyin,
rendered from the processed table data/processed/glossary.csv (gwr.data.steps.glossary).

Each term is anchored by its pinyin in ASCII (服务型政府 at ``#fuwuxing-zhengfu``; a term without
Chinese characters by itself, 2+26 at ``#2-26``), so that adding a term moves no other term's
anchor. The anchors that 0.1.1 numbered by position (``#term-9``) stay on their terms as second
ids (:data:`LEGACY_TERM_IDS`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

import pandas as pd
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import make_glossary_term
from sphinx.util.docutils import SphinxDirective

from gwr import paths
from gwr.book.sphinxext.ui_text import edition_of, text
from gwr.data.tables import load_table

TABLE = "glossary"
ORIGIN_NOTE = {"national": "national", "provincial": "provincial (Shanxi)",
               "municipal": "municipal (Taiyuan)"}

# The ids that terms had in 0.1.1 (Sphinx numbered Chinese terms by position): each stays on its
# term. Add an old anchor here when a term's pinyin is corrected; never remove one.
LEGACY_TERM_IDS: dict[str, tuple[str, ...]] = {
    term: (old,) for term, old in {
        "爱心奶": "term-0", "保障房": "term-1", "背街小巷": "term-2", "城中村": "term-3",
        "二青会": "term-4", "放管服效": "term-5", "防、控、治、研、学、产": "term-6",
        "枫桥经验": "term-7", "复工复产": "term-8", "服务型政府": "term-9",
        "高新技术企业": "term-10", "高质量发展": "term-11", "黑臭水体": "term-12",
        "混合所有制": "term-13", "僵尸企业": "term-14", "紧日子": "term-15", "九乱": "term-16",
        "老旧小区": "term-17", "两不愁三保障": "term-18", "两个维护": "term-19",
        "两下两进两拆": "term-20", "零就业家庭": "term-21", "煤改电": "term-22",
        "煤改气": "term-23", "民生": "term-24", "清洁取暖": "term-25",
        "企业技术创新发展三年行动计划": "term-26", "三大攻坚战": "term-27", "三公": "term-28",
        "三供一业": "term-29", "三农": "term-30", "十个清零行动": "term-31",
        "四个不摘": "term-32", "四个意识": "term-33", "四个自信": "term-34",
        "四好公路": "term-35", "太原模式": "term-36", "脱贫攻坚": "term-37",
        "乡村振兴": "term-38", "一枚印章管审批": "term-39", "营商环境": "term-40",
        "疫情防控": "term-41", "中华文化走出去": "term-42", "专精特新": "term-43",
        "最后一公里": "term-44", "12345": "term-12345", "13710": "term-13710",
        "2+26": "term-2-26", "3390": "term-3390", "4+2": "term-4-2",
    }.items()
}


def term_anchor(term: str, pinyin: str) -> str:
    """The anchor of a glossary term: its pinyin without tone marks, or the term if it has none.

    Lower-case ASCII, syllables as the pinyin joins them, words joined by "-"; ü is written v,
    as pypinyin and Chinese input methods write it.

    Examples:
        >>> term_anchor("服务型政府", "fúwùxíng zhèngfǔ")
        'fuwuxing-zhengfu'
        >>> term_anchor("防、控、治、研、学、产", "fáng kòng zhì yán xué chǎn")
        'fang-kong-zhi-yan-xue-chan'
        >>> term_anchor("绿色", "lǜsè")
        'lvse'
        >>> term_anchor("2+26", "")
        '2-26'
    """
    text = unicodedata.normalize("NFD", (pinyin or term).lower()).replace("u\u0308", "v")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def term_anchors(rows: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The anchor of each (term, pinyin), checked to be non-empty and unique.

    Two terms with the same toneless pinyin would share an anchor; rather than number one of them
    (which would move when terms are added), the build stops and asks for a decision.
    """
    anchors: dict[str, str] = {}
    owner: dict[str, str] = {old: term for term, olds in LEGACY_TERM_IDS.items() for old in olds}
    for term, pinyin in rows:
        anchor = term_anchor(term, pinyin)
        if not anchor:
            raise ValueError(f"glossary term {term!r} has no pinyin to anchor it by")
        taken = {a: t for t, a in anchors.items()} | owner
        if taken.get(anchor, term) != term:
            raise ValueError(f"glossary terms {taken[anchor]!r} and {term!r} would share the "
                             f"anchor #{anchor}; tell them apart in their pinyin")
        anchors[term] = anchor
    return anchors


def occurs_in(paragraphs: str, language: str = "en") -> str:
    """The "Occurs in" line of an entry, from the table's ``paragraphs`` cell.

    Examples:
        >>> occurs_in("5;6;72")
        'Occurs in ¶5, ¶6, ¶72.'
        >>> occurs_in("5;6", "zh")
        '见于 ¶5、¶6。'
    """
    sep = "、" if language == "zh" else ", "
    return text(language, "glossary.occurs_in",
                paragraphs=sep.join(f"¶{n}" for n in paragraphs.split(";")))


def definition(row: pd.Series, cite: Callable[[str], list[nodes.Node]],
               language: str = "en") -> nodes.definition:
    """The definition of one glossary row: pinyin · gloss (kind), explanation, where and origin.

    ``cite`` turns a BibTeX key into the nodes of a parenthetical citation. In the Chinese
    edition too the English gloss stands beside the term (marked lang="en"), as the English
    a reader of English sources will meet it.
    """
    result = nodes.definition()
    first = nodes.paragraph()
    if row["pinyin"]:
        first += nodes.emphasis("", row["pinyin"])
        first += nodes.Text(" · ")
    gloss = nodes.strong("", row["gloss_en"])
    if language == "zh":
        gloss["classes"].append("lang-en")  # zh_lang marks it lang="en"
    first += gloss
    first += nodes.Text(f" ({row['kind']})")
    result += first
    result += nodes.paragraph("", row["explanation_en"])
    detail = nodes.paragraph("", occurs_in(row["paragraphs"], language),
                             classes=["glossary-where"])
    if row["origin"] in ORIGIN_NOTE:
        origin = text(language, f"glossary.origin.{row['origin']}")
        detail += nodes.Text(text(language, "glossary.origin", origin=origin))
        detail += cite(row["reference"])
        detail += nodes.Text(".")
    result += detail
    return result


class ReportGlossary(SphinxDirective):
    """Every entry is a real glossary term, so chapters can write {term}`三大攻坚战`."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(paths.processed_table(TABLE)))
        items = nodes.definition_list(classes=["glossary"])
        table = load_table(TABLE)
        try:
            anchors = term_anchors(zip(table["term"], table["pinyin"], strict=True))
        except ValueError as error:
            raise self.error(str(error)) from error
        document = self.state.document
        for _, row in table.iterrows():
            item = nodes.definition_list_item()
            # The pinyin anchor is the term's id (its {term} links and "¶" use it); the old
            # numbered anchor follows as a second id.
            term = make_glossary_term(self.env, [nodes.Text(row["term"])], None,
                                      self.get_source_info()[0], self.lineno,
                                      anchors[row["term"]], document)
            term["ids"].extend(LEGACY_TERM_IDS.get(row["term"], ()))
            taken = [i for i in term["ids"] if i in document.ids]
            if taken:
                raise self.error(f"glossary anchor(s) {', '.join(taken)} of {row['term']!r} "
                                 "already used on this page")
            document.note_explicit_target(term)
            term["classes"].append("glossary-term")
            item += term
            item += definition(row, self._cite, edition_of(self.env))
            items += item
        glossary = addnodes.glossary()
        glossary["sorted"] = False  # the table's rows are in pinyin order (its step sorts them)
        glossary += items
        return [glossary]

    def _cite(self, key: str) -> list[nodes.Node]:
        # Parsed as MyST, so sphinxcontrib-bibtex links it to the references page.
        cite, messages = self.state.inline_text(f"{{cite:p}}`{key}`", self.lineno)
        return [*cite, *messages]


def setup(app: Sphinx) -> None:
    app.add_directive("report-glossary", ReportGlossary)
