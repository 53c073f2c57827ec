"""Anchors that last: every chapter section has a short label and keeps its old slugs; glossary
terms are anchored by their pinyin; changelog versions by ``v0-1-1``; codebook tables by
``table-<name>``.

The old slugs below were recorded from the builds of 0.1.0 (commit 3b928fb) and 0.1.1 (commit
460002f), section by section, not taken from gwr.book.sphinxext.stable_anchors: a renamed label,
a lost slug or a changed pinyin anchor fails here. tests/test_site_anchors.py checks the same on
the built site.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sphinx.application import Sphinx

from gwr import paths
from gwr.book.sphinxext.codebook import codebook_sections
from gwr.book.sphinxext.glossary import LEGACY_TERM_IDS, term_anchor, term_anchors
from gwr.book.sphinxext.stable_anchors import LEGACY_IDS, version_anchor
from gwr.data.tables import load_table
from gwr.errors import CuratedDataError
from gwr.text.anchors import locate, parse_key, require_in_paragraph
from gwr.text.paragraphs import split_paragraphs

NOTEBOOKS = sorted((paths.ROOT / "notebooks").glob("0*.ipynb"))
LABEL_LINE = re.compile(r"\(([^)\s]+)\)=\s*")
HEADING = re.compile(r"(#{1,6}) (.+)")

# Each chapter's theme, the prefix of its section labels; and its page label with the page's slug.
THEMES = {"01-at-a-glance": "glance", "02-review-2019": "review", "03-plan-2020": "plan",
          "04-service-government": "service", "05-review-to-plan": "bridge",
          "06-language": "lang", "07-places": "places", "08-outcomes": "outcomes"}
CHAPTER_TITLES = {
    "01-at-a-glance": ("at-a-glance", "the-article-at-a-glance"),
    "02-review-2019": ("review-2019", "part-1-the-review-of-2019"),
    "03-plan-2020": ("plan-2020", "part-2-the-plan-for-2020"),
    "04-service-government": ("service-government", "part-3-a-service-oriented-government"),
    "05-review-to-plan": ("review-to-plan", "from-review-to-plan"),
    "06-language": ("language", "the-language-of-the-report"),
    "07-places": ("places", "where-the-report-acts"),
    "08-outcomes": ("outcomes", "what-became-of-the-plan"),
}
# Chapters that no published build (0.1.0, 0.1.1) had: their sections have no old slugs to keep.
NEW_CHAPTERS = ("08-outcomes",)
# Every section of every chapter: its label, and the ids its heading had in 0.1.0 and 0.1.1
# (two where the heading was reworded for 0.1.1). In the chapter's order.
CHAPTER_SECTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "01-at-a-glance": {
        "glance-overview": ("overview",),
        "glance-prerequisites": ("prerequisites",),
        "glance-paragraphs": ("the-article-is-a-short-text-of-many-short-paragraphs",),
        "glance-parts": ("the-plan-for-2020-takes-more-than-half-of-the-article",),
        "glance-sections": ("sections-range-from-a-sentence-to-a-full-page",),
        "glance-headings": (
            "the-article-keeps-the-report-s-names-for-2019-and-writes-headlines-for-2020",
        ),
        "glance-headline": ("the-headline-frames-the-report-by-its-shortest-part",),
        "glance-summary": ("summary",),
        "glance-next": ("what-s-next",),
        "glance-data": ("data-and-code",),
    },
    "02-review-2019": {
        "review-overview": ("overview",),
        "review-prerequisites": ("prerequisites",),
        "review-areas": ("the-article-follows-the-report-s-nine-areas-in-the-report-s-order",),
        "review-figures": ("figures-and-distinctions-are-spread-unevenly-over-the-areas",),
        "review-baselines": ("only-poverty-incidence-is-given-a-starting-point",),
        "review-environment": ("the-environmental-results-are-levels-not-changes",),
        "review-renewal": ("urban-renewal-is-counted-in-compounds-streets-and-markets",),
        "review-unmeasured": ("a-large-part-of-the-review-is-not-measured-at-all",),
        "review-summary": ("summary",),
        "review-next": ("what-s-next",),
        "review-data": ("data-and-code",),
    },
    "03-plan-2020": {
        "plan-overview": ("overview",),
        "plan-prerequisites": ("prerequisites",),
        "plan-tasks": ("the-article-keeps-the-report-s-nine-tasks-and-fills-them-unevenly",),
        "plan-targets": ("the-plan-s-targets-sit-in-its-last-six-tasks",),
        "plan-deadlines": ("most-dated-promises-fall-due-on-the-last-day-of-the-year",),
        "plan-specificity": ("few-commitments-state-both-a-figure-and-a-deadline",),
        "plan-strength": (
            "hedged-promises-are-the-most-specific-continuing-efforts-carry-no-date",
            "hedged-promises-are-the-most-specific-continuing-efforts-almost-never-carry-a-date",
        ),
        "plan-epidemic": ("the-new-epidemic-task-promises-much-and-measures-nothing",),
        "plan-summary": ("summary",),
        "plan-next": ("what-s-next",),
        "plan-data": ("data-and-code",),
    },
    "04-service-government": {
        "service-overview": ("overview",),
        "service-prerequisites": ("prerequisites",),
        "service-efforts": ("part-3-commits-to-continuing-efforts-not-to-results",),
        "service-unmeasured": ("not-one-commitment-of-part-3-states-a-figure-or-a-deadline",),
        "service-checkable": ("an-outsider-could-check-whether-but-never-how-much-or-by-when",),
        "service-record": (
            "the-2019-record-reports-results-that-part-3-does-not-set-out-to-measure",
        ),
        "service-formulations": ("the-political-formulations-stand-in-the-summary-not-in-part-3",),
        "service-summary": ("summary",),
        "service-next": ("what-s-next",),
        "service-data": ("data-and-code",),
    },
    "05-review-to-plan": {
        "bridge-overview": ("overview",),
        "bridge-prerequisites": ("prerequisites",),
        "bridge-areas": ("every-2019-area-leads-forward-but-not-one-to-one",),
        "bridge-same-measure": (
            "where-both-years-give-the-same-measure-the-2020-figure-is-always-smaller",
        ),
        "bridge-stages": ("other-programmes-change-their-measure-or-advance-by-stages",),
        "bridge-new": ("the-plan-adds-what-2019-could-not-have-foreseen-and-more",),
        "bridge-summary": ("summary",),
        "bridge-next": ("what-s-next",),
        "bridge-data": ("data-and-code",),
    },
    "06-language": {
        "lang-overview": ("overview",),
        "lang-prerequisites": ("prerequisites",),
        "lang-formulations": ("the-formulations-are-many-brief-and-mostly-unexplained",),
        "lang-verbs": ("the-verbs-commit-to-a-process-far-more-often-than-to-a-result",),
        "lang-words": ("the-commonest-words-are-about-building-and-pushing-ahead",),
        "lang-parts": (
            "each-part-has-its-own-words-results-for-2019-deadlines-for-2020-politics-for-part-3",
        ),
        "lang-key-terms": ("key-terms-in-context-and-frame-the-text-is-always-a-rank",),
        "lang-summary": ("summary",),
        "lang-next": ("what-s-next",),
        "lang-data": ("data-and-code",),
    },
    "07-places": {
        "places-overview": ("overview",),
        "places-prerequisites": ("prerequisites",),
        "places-counties": (
            "the-article-names-the-outer-counties-and-leaves-most-urban-districts-out",
        ),
        "places-brands": ("the-counties-enter-the-text-through-their-farm-brands",),
        "places-sites": (
            "the-many-named-sites-have-no-unit-in-the-text",
            "the-text-ties-almost-none-of-its-many-sites-to-a-unit-and-only-by-name",
        ),
        "places-neighbours": ("reaches-out-to-every-neighbouring-city-but-one",),
        "places-summary": ("summary",),
        "places-next": ("what-s-next",),
        "places-data": ("data-and-code",),
    },
    # New since 0.1.1: no published slug to keep.
    "08-outcomes": {
        "outcomes-overview": (),
        "outcomes-prerequisites": (),
        "outcomes-method": (),
        "outcomes-headline": (),
        "outcomes-scorecard": (),
        "outcomes-evidence": (),
        "outcomes-unknown": (),
        "outcomes-strength": (),
        "outcomes-projects": (),
        "outcomes-targets": (),
        "outcomes-summary": (),
        "outcomes-next": (),
        "outcomes-data": (),
    },
}

# The glossary's anchors, written out from the pinyin shown on the page (tone marks dropped, ü as
# v, the pinyin's own spaces as "-"); a term without Chinese characters by itself.
GLOSSARY_ANCHORS = {
    "爱心奶": "ai-xin-nai", "保障房": "baozhangfang", "背街小巷": "beijie-xiaoxiang",
    "城中村": "chengzhongcun", "二青会": "er-qing-hui", "放管服效": "fang-guan-fu-xiao",
    "防、控、治、研、学、产": "fang-kong-zhi-yan-xue-chan", "枫桥经验": "feng-qiao-jing-yan",
    "复工复产": "fugong-fuchan", "服务型政府": "fuwuxing-zhengfu",
    "高新技术企业": "gaoxin-jishu-qiye", "高质量发展": "gao-zhiliang-fazhan",
    "黑臭水体": "heichou-shuiti", "混合所有制": "hunhe-suoyouzhi", "僵尸企业": "jiangshi-qiye",
    "紧日子": "jin-ri-zi", "九乱": "jiu-luan", "老旧小区": "laojiu-xiaoqu",
    "两不愁三保障": "liang-bu-chou-san-bao-zhang", "两个维护": "liang-ge-wei-hu",
    "两下两进两拆": "liang-xia-liang-jin-liang-chai", "零就业家庭": "ling-jiu-ye-jia-ting",
    "煤改电": "mei-gai-dian", "煤改气": "mei-gai-qi", "民生": "minsheng",
    "清洁取暖": "qingjie-qunuan",
    "企业技术创新发展三年行动计划": "qi-ye-ji-shu-chuang-xin-fa-zhan-san-nian-xing-dong-ji-hua",
    "三大攻坚战": "san-da-gong-jian-zhan", "三公": "san-gong", "三供一业": "san-gong-yi-ye",
    "三农": "san-nong", "十个清零行动": "shi-ge-qing-ling-xing-dong", "四个不摘": "si-ge-bu-zhai",
    "四个意识": "si-ge-yi-shi", "四个自信": "si-ge-zi-xin", "四好公路": "si-hao-gong-lu",
    "太原模式": "tai-yuan-mo-shi", "脱贫攻坚": "tuopin-gongjian", "乡村振兴": "xiangcun-zhenxing",
    "一枚印章管审批": "yi-mei-yin-zhang-guan-shen-pi", "营商环境": "yingshang-huanjing",
    "疫情防控": "yiqing-fangkong", "中华文化走出去": "zhong-hua-wen-hua-zou-chu-qu",
    "专精特新": "zhuan-jing-te-xin", "最后一公里": "zui-hou-yi-gong-li",
    "12345": "12345", "13710": "13710", "2+26": "2-26", "3390": "3390", "4+2": "4-2",
}
# The glossary's ids in 0.1.1 (0.1.0 numbered fewer terms, and differently: 0.1.1's numbering,
# the last published, is the one kept).
GLOSSARY_0_1_1 = {
    "term-0": "爱心奶", "term-9": "服务型政府", "term-27": "三大攻坚战", "term-44": "最后一公里",
    "term-2-26": "2+26", "term-12345": "12345",
}
CHANGELOG_VERSIONS = {"v0-1-1": ("0.1.1 — 2026-11-29", "id1"),
                      "v0-1-0": ("0.1.0 — 2026-11-27", "id2")}
# The codebook's table anchors in 0.1.1 (0.1.0 had the first ten).
CODEBOOK_TABLES = ["sections", "paragraphs", "mentions", "commitments", "indicators",
                   "formulations", "glossary", "units", "unit_outlines", "places", "place_units",
                   "borders", "translations", "links", "review_claims", "programme_pairs",
                   "plan_new_items", "reforms", "summary_clauses", "tokens",
                   "segmentation_lexicon", "word_glosses"]


def headings_with_labels(path: Path) -> list[tuple[int, str, str | None]]:
    """(level, heading, label on the line before it or None) for each heading of the chapter."""
    found = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        previous = ""
        fenced = False
        for line in "".join(cell["source"]).splitlines():
            if line.startswith(("```", ":::")):
                fenced = not fenced
            heading = None if fenced else HEADING.fullmatch(line)
            if heading:
                label = LABEL_LINE.fullmatch(previous)
                found.append((len(heading[1]), heading[2], label[1] if label else None))
            previous = line
    return found


# Chapter sections ------------------------------------------------------------------------------


def test_the_recorded_chapters_are_the_chapters():
    assert [p.stem for p in NOTEBOOKS] == list(CHAPTER_SECTIONS) == list(THEMES)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_chapter_section_has_its_recorded_label(path):
    found = headings_with_labels(path)
    unlabelled = [title for _, title, label in found if label is None]
    assert unlabelled == [], f"give these headings a label line `(label)=`: {unlabelled}"
    assert [label for level, _, label in found if level == 1] == [CHAPTER_TITLES[path.stem][0]]
    # In the recorded order: a renamed or dropped label fails; a new section must be recorded.
    assert [label for level, _, label in found if level > 1] == list(CHAPTER_SECTIONS[path.stem])


def test_labels_are_short_unique_and_carry_the_chapter_theme():
    labels = [label for sections in CHAPTER_SECTIONS.values() for label in sections]
    assert len(labels) == len(set(labels)) == 83
    for stem, sections in CHAPTER_SECTIONS.items():
        for label in sections:
            assert re.fullmatch(rf"{THEMES[stem]}-[a-z0-9]+(-[a-z0-9]+)?", label), label
            assert len(label) <= 24, label
    pages = {label for label, _ in CHAPTER_TITLES.values()}
    assert not pages & set(labels)


def test_a_reworded_heading_keeps_both_of_its_old_slugs():
    assert CHAPTER_SECTIONS["03-plan-2020"]["plan-strength"] == (
        "hedged-promises-are-the-most-specific-continuing-efforts-carry-no-date",
        "hedged-promises-are-the-most-specific-continuing-efforts-almost-never-carry-a-date")
    assert CHAPTER_SECTIONS["07-places"]["places-sites"][0] == (
        "the-many-named-sites-have-no-unit-in-the-text")


def test_the_extension_keeps_every_recorded_slug():
    for stem in NEW_CHAPTERS:
        assert all(slugs == () for slugs in CHAPTER_SECTIONS[stem].values()), stem
    for sections in CHAPTER_SECTIONS.values():
        for label, slugs in sections.items():
            assert set(slugs) <= set(LEGACY_IDS.get(label, ())), label


# The mechanism, in a small Sphinx project ------------------------------------------------------


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> dict[str, str]:
    """A two-page MyST project built with the anchors extension only: a chapter whose heading
    has been reworded, and a changelog whose newest version pushes 0.1.1 down."""
    src = tmp_path_factory.mktemp("small")
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "gwr.book.sphinxext.stable_anchors"]\n'
        'exclude_patterns = ["_build"]\n', encoding="utf-8")
    (src / "index.md").write_text(
        "# Home\n\n```{toctree}\nchapter\nchangelog\n```\n\n"
        "See {ref}`plan-strength` and {ref}`v0-1-1`.\n", encoding="utf-8")
    (src / "chapter.md").write_text(
        "# Chapter\n\n(plan-targets)=\n## The plan's targets sit in its last six tasks\n\nText.\n\n"
        "(plan-strength)=\n## A heading reworded once more\n\nText.\n", encoding="utf-8")
    (src / "changelog.md").write_text(
        "# Changelog\n\n## 0.2.0 — 2027-01-05\n\n### The data\n\nNew.\n\n"
        "## 0.1.1 — 2026-11-29\n\n### Corrections\n\nOld.\n\n### The data\n\nOld.\n\n"
        "## 0.1.0 — 2026-11-27\n\n### The data\n\nOlder.\n", encoding="utf-8")
    out = src / "_build"
    app = Sphinx(str(src), str(src), str(out), str(out / ".doctrees"), "html",
                 status=None, warning=None, freshenv=True)
    app.build()
    return {name: (out / f"{name}.html").read_text(encoding="utf-8")
            for name in ("index", "chapter", "changelog")}


def section_ids(html: str, first: str) -> list[str]:
    """The ids of the section whose first id is ``first``: its own, then its spans."""
    match = re.search(rf'<section id="{first}">((?:\s*<span id="[^"]+"></span>)*)', html)
    assert match, f"no section #{first}"
    return [first, *re.findall(r'<span id="([^"]+)">', match[1])]


def test_a_label_is_the_section_address_and_the_slug_stays(small_site):
    html = small_site["chapter"]
    assert section_ids(html, "plan-targets") == ["plan-targets",
                                                 "the-plan-s-targets-sit-in-its-last-six-tasks"]
    assert 'href="#plan-targets"' in html  # the heading's permalink
    assert set(section_ids(html, "plan-strength")) == {
        "plan-strength", "a-heading-reworded-once-more",
        "hedged-promises-are-the-most-specific-continuing-efforts-carry-no-date",
        "hedged-promises-are-the-most-specific-continuing-efforts-almost-never-carry-a-date"}
    assert 'href="chapter.html#plan-strength"' in small_site["index"]


def test_changelog_versions_keep_their_anchors_when_a_version_is_added(small_site):
    html = small_site["changelog"]
    assert section_ids(html, "v0-2-0")[0] == "v0-2-0"
    # docutils now numbers 0.2.0 id1 and gives it "the-data"; both go back to what they named.
    assert "id1" in section_ids(html, "v0-1-1") and "id1" not in section_ids(html, "v0-2-0")
    assert "the-data" in section_ids(html, "v0-1-1-the-data")
    assert "the-data" not in section_ids(html, "v0-2-0-the-data")
    assert "corrections" in section_ids(html, "v0-1-1-corrections")
    assert "id2" in section_ids(html, "v0-1-0")
    assert 'href="changelog.html#v0-1-1"' in small_site["index"]


# Changelog --------------------------------------------------------------------------------------


def test_version_headings_and_their_anchors():
    assert version_anchor("0.1.1 — 2026-11-29") == "v0-1-1"
    assert version_anchor("0.1.0") == "v0-1-0"
    assert version_anchor("1.12.3 - 2030-01-01") == "v1-12-3"
    assert version_anchor("The data") is None
    assert version_anchor("0.1.1 and more") is None


def test_changelog_md_stays_clean_for_github():
    """The anchors come from the build; CHANGELOG.md shows no MyST label lines on GitHub."""
    text = (paths.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert not re.search(r"^\([^)]*\)=", text, re.MULTILINE)
    versions = re.findall(r"^## (\d.*)$", text, re.MULTILINE)
    assert [version_anchor(v) for v in versions][-2:] == ["v0-1-1", "v0-1-0"]
    assert all(version_anchor(v) for v in versions), versions


def test_the_extension_keeps_the_changelog_ids_of_0_1_1():
    for anchor, (_, old) in CHANGELOG_VERSIONS.items():
        assert old in LEGACY_IDS[anchor]
    assert "the-data" in LEGACY_IDS["v0-1-1-the-data"] and "id3" in LEGACY_IDS["v0-1-0-the-data"]


# Glossary ---------------------------------------------------------------------------------------


def test_glossary_anchors_are_the_pinyin():
    table = load_table("glossary")
    anchors = term_anchors(zip(table["term"], table["pinyin"], strict=True))
    assert anchors == GLOSSARY_ANCHORS
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a) for a in anchors.values())


def test_glossary_anchor_rules():
    assert term_anchor("服务型政府", "fúwùxíng zhèngfǔ") == "fuwuxing-zhengfu"
    assert term_anchor("女性", "nǚxìng") == "nvxing"
    assert term_anchor("西安", "Xī'ān") == "xi-an"


def test_two_terms_with_one_anchor_stop_the_build():
    with pytest.raises(ValueError, match="share the anchor #mei-gai-dian"):
        term_anchors([("煤改电", "méi gǎi diàn"), ("没改电", "méi gǎi diàn")])
    with pytest.raises(ValueError, match="no pinyin"):
        term_anchors([("煤改电", "")])


def test_glossary_keeps_the_numbered_anchors_of_0_1_1():
    for old, term in GLOSSARY_0_1_1.items():
        assert LEGACY_TERM_IDS[term] == (old,)
    olds = [old for ids in LEGACY_TERM_IDS.values() for old in ids]
    assert len(olds) == len(set(olds)) == 50
    # Every term that had a numbered anchor is still in the glossary, so its anchor is kept.
    assert set(LEGACY_TERM_IDS) <= set(load_table("glossary")["term"])


# Codebook ---------------------------------------------------------------------------------------


def test_every_codebook_table_has_its_own_anchor():
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    sections = codebook_sections(package, "book/data")
    anchors = [s["ids"][0] for s in sections]
    assert anchors == [f"table-{r['name']}" for r in package["resources"]]
    assert [s["names"] for s in sections] == [[a] for a in anchors]
    assert {f"table-{name}" for name in CODEBOOK_TABLES} <= set(anchors)



# gwr.text.anchors: curated keys "<paragraph>: <quote>" and their messages (make mutate,
# tests/MUTANTS.md). Expected offsets and messages are worked out by hand from the texts below.

def _paragraphs(text: str) -> dict:
    return {p.number: p for p in split_paragraphs(text)}


def test_a_key_that_is_no_key_names_the_file_and_the_form() -> None:
    with pytest.raises(CuratedDataError, match=re.escape(
            'data/curated/plan.yml, entry \'3.48万户\': the key must read '
            '"<paragraph>: <quote>", e.g. "20: 3.48万户".')):
        parse_key("plan.yml", "3.48万户")
    with pytest.raises(CuratedDataError, match=re.escape("data/curated/plan.yml, entry 'x'")):
        locate("plan.yml", "x", _paragraphs("甲"))


def test_a_missing_paragraph_is_named() -> None:
    with pytest.raises(CuratedDataError, match=re.escape(
            "data/curated/plan.yml, entry '9: 甲': there is no paragraph 9.")):
        locate("plan.yml", "9: 甲", _paragraphs("甲\n乙"))


def test_a_stale_quote_shows_the_paragraph_cut_at_40_characters() -> None:
    forty, forty_one = "甲" * 40, "乙" * 41
    with pytest.raises(CuratedDataError, match=re.escape(
            f"does not occur in ¶1 ('{forty}'). The source or the entry has changed: "
            "review the entry.")):
        locate("plan.yml", "1: 丙", _paragraphs(forty))
    with pytest.raises(CuratedDataError, match=re.escape(f"¶1 ('{'乙' * 40}…')")):
        locate("plan.yml", "1: 丙", _paragraphs(forty_one))


def test_a_quote_that_must_be_unique_and_is_not() -> None:
    paras = _paragraphs("一期、一期")
    assert locate("plan.yml", "1: 一期", paras)[2] == [0, 3]
    with pytest.raises(CuratedDataError, match=re.escape(
            "data/curated/plan.yml, entry '1: 一期': '一期' occurs 2 times in ¶1; "
            "lengthen the quote so that it points at one place.")):
        locate("plan.yml", "1: 一期", paras, unique=True)
    assert locate("plan.yml", "1: 一期、", paras, unique=True)[2] == [0]


def test_a_field_must_quote_its_paragraph() -> None:
    (paragraph,) = _paragraphs("完成3.48万户").values()
    require_in_paragraph("plan.yml", "1: 完成", "verb", "完成", paragraph)
    require_in_paragraph("plan.yml", "1: 完成", "verb", "", paragraph)
    with pytest.raises(CuratedDataError, match=re.escape(
            "data/curated/plan.yml, entry '1: 完成': field 'verb' ('建成') does not stand in "
            "¶1; copy it exactly from the source.")):
        require_in_paragraph("plan.yml", "1: 完成", "verb", "建成", paragraph)
