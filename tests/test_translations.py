"""Tests of gwr.data.translations: the English loads, stays keyed to the source, keeps figures."""

from __future__ import annotations

import copy
import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
import yaml

from gwr import paths
from gwr.data.translations import CURATED_FILE, load_translations, translator_note
from gwr.errors import CuratedDataError
from gwr.text.paragraphs import Paragraph

FILE = "data/curated/translations.yml"
# `paragraphs` (the verified source split into ¶1-¶110) comes from tests/conftest.py.


@pytest.fixture(scope="module")
def english(paragraphs: list[Paragraph]) -> dict[int, str]:
    return load_translations(paragraphs)


@pytest.fixture(scope="module")
def _document_on_disk() -> dict[str, Any]:
    with paths.curated_file(CURATED_FILE).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture
def document(_document_on_disk: dict[str, Any]) -> dict[str, Any]:
    """A fresh copy of the curated file's content, for a test to break."""
    return copy.deepcopy(_document_on_disk)


# ---------------------------------------------------------------------------------------------
# Loading


def test_every_paragraph_has_an_english_text(english, paragraphs):
    assert list(english) == [p.number for p in paragraphs] == list(range(1, 111))
    assert all(text.strip() for text in english.values())


def test_translator_and_note_are_stated_honestly():
    translator, note = translator_note()
    assert translator.startswith("The editors of this edition")
    assert "machine-assisted" in translator and "reviewed line by line" in translator
    assert "project's own" in note and "accuracy" in note


def test_an_injected_document_is_used_instead_of_the_file(document, paragraphs):
    document["paragraphs"][82]["en"] = "Changed."
    assert load_translations(paragraphs, curated=document)[82] == "Changed."


def test_headings_read_as_headings_and_body_text_as_sentences(english, paragraphs):
    for p in paragraphs:
        text = english[p.number]
        if p.is_heading:
            assert not text.endswith("."), f"¶{p.number} is a heading: no full stop"
        else:
            # ¶110 ends with the reporters' credit in brackets, as the Chinese does.
            assert re.search(r"\.(\s*\([^()]*\))?$", text), f"¶{p.number} should end a sentence"


# Chinese names are surname first; the byline (¶3) and the closing credit (¶110) name the
# reporters, ¶4 the mayor.
NAMES = {"李飞飞": "Li Feifei", "李晓波": "Li Xiaobo", "薛建英": "Xue Jianying", "李晶": "Li Jing"}


@pytest.mark.parametrize("chinese", NAMES)
def test_personal_names_are_in_pinyin_surname_first(chinese, english, paragraphs):
    holders = [p.number for p in paragraphs if chinese in p.text]
    assert holders, f"{chinese} should occur in the source"
    for number in holders:
        assert NAMES[chinese] in english[number], f"¶{number}: expected {NAMES[chinese]!r}"
    given, surname = NAMES[chinese].split()[1], NAMES[chinese].split()[0]
    assert all(f"{given} {surname}" not in text for text in english.values())


# ---------------------------------------------------------------------------------------------
# Failure modes: each must raise CuratedDataError naming the file and the paragraph.


def _set(number: int, field: str, value: Any) -> Callable[[dict], None]:
    def change(doc: dict) -> None:
        doc["paragraphs"][number][field] = value

    return change


def _drop_field(number: int, field: str) -> Callable[[dict], None]:
    return lambda doc: doc["paragraphs"][number].pop(field)


def _add_entry(key: Any) -> Callable[[dict], None]:
    def change(doc: dict) -> None:
        doc["paragraphs"][key] = dict(doc["paragraphs"][110])

    return change


def _rekey(old: int, new: Any) -> Callable[[dict], None]:
    return lambda doc: doc["paragraphs"].__setitem__(new, doc["paragraphs"].pop(old))


ENTRY_FAILURES = {
    "a paragraph has no entry": (lambda doc: doc["paragraphs"].pop(57), ["¶57", "no entry"]),
    "an entry names a paragraph that does not exist": (_add_entry(111), ["entry 111", "¶111"]),
    "an entry names paragraph 0": (_add_entry(0), ["entry 0", "¶0"]),
    "a key is a string, not a number": (_rekey(5, "5"), ["entry '5'", "integers"]),
    "zh_start no longer matches": (
        _set(5, "zh_start", "报告强调，要建设"), ["entry 5", "zh_start", "¶5", "review"]
    ),
    "zh_chars no longer matches": (
        _set(5, "zh_chars", 198), ["entry 5", "zh_chars", "¶5", "review"]
    ),
    "en is empty": (_set(44, "en", ""), ["entry 44", "empty", "¶44"]),
    "en is blank": (_set(44, "en", "  \t "), ["entry 44", "empty", "¶44"]),
    "en is null": (_set(44, "en", None), ["entry 44", "missing required field 'en'"]),
    "en has a line break": (_set(44, "en", "One.\nTwo."), ["entry 44", "one paragraph"]),
    "en has surrounding spaces": (_set(44, "en", " One. "), ["entry 44", "one paragraph"]),
    "a field is missing": (_drop_field(9, "zh_start"), ["entry 9", "missing", "'zh_start'"]),
    "a field is unknown": (_set(9, "zh", "本次大会"), ["entry 9", "unknown field 'zh'"]),
    "a field has the wrong type": (
        _set(9, "zh_chars", "27"), ["entry 9", "'zh_chars' must be int"]
    ),
    "zh_chars is a boolean": (_set(9, "zh_chars", True), ["entry 9", "zh_chars"]),
    "an entry is not a mapping": (
        lambda doc: doc["paragraphs"].__setitem__(9, "text"), ["entry 9", "mapping"]
    ),
}


@pytest.mark.parametrize("change, expected", ENTRY_FAILURES.values(), ids=list(ENTRY_FAILURES))
def test_a_bad_entry_is_refused_naming_file_and_paragraph(change, expected, document, paragraphs):
    change(document)
    with pytest.raises(CuratedDataError) as caught:
        load_translations(paragraphs, curated=document)
    message = str(caught.value)
    assert message.startswith(FILE)
    for fragment in expected:
        assert fragment in message, f"{fragment!r} not in {message!r}"


def _edited(paragraphs: list[Paragraph], number: int, text: str) -> list[Paragraph]:
    return [dataclasses.replace(p, text=text) if p.number == number else p for p in paragraphs]


@pytest.mark.parametrize(
    "number, new_text, field",
    [
        (82, "汽车客运西南站8月开通运营。", "zh_start"),  # a changed start
        (82, "汽车客运东南站8月底开通运营。", "zh_chars"),  # same start, changed length
    ],
)
def test_a_changed_source_paragraph_is_caught(number, new_text, field, document, paragraphs):
    with pytest.raises(CuratedDataError) as caught:
        load_translations(_edited(paragraphs, number, new_text), curated=document)
    message = str(caught.value)
    assert message.startswith(FILE)
    assert f"entry {number}" in message and f"¶{number}" in message and field in message
    assert "The source or the entry has changed" in message


def test_a_source_with_an_extra_paragraph_is_caught(document, paragraphs):
    extra = Paragraph(111, paragraphs[-1].end + 1, paragraphs[-1].end + 3, "新段")
    with pytest.raises(CuratedDataError, match=r"translations\.yml: no entry for ¶111"):
        load_translations([*paragraphs, extra], curated=document)


TOP_LEVEL_FAILURES = {
    "the note is missing": (lambda doc: doc.pop("note"), "missing required field 'note'"),
    "the translator is empty": (lambda doc: doc.__setitem__("translator", " "), "'translator'"),
    "an unknown top-level field": (lambda doc: doc.__setitem__("notes", "x"), "unknown field"),
    "paragraphs is a list": (lambda doc: doc.__setitem__("paragraphs", []), "'paragraphs'"),
}


@pytest.mark.parametrize(
    "change, expected", TOP_LEVEL_FAILURES.values(), ids=list(TOP_LEVEL_FAILURES)
)
def test_a_bad_top_level_is_refused(change, expected, document, paragraphs):
    change(document)
    for load in (lambda: load_translations(paragraphs, curated=document),
                 lambda: translator_note(curated=document)):
        with pytest.raises(CuratedDataError) as caught:
            load()
        assert str(caught.value).startswith(f"{FILE}, top level")
        assert expected in str(caught.value)


def test_a_document_that_is_not_a_mapping_is_refused(paragraphs):
    with pytest.raises(CuratedDataError, match=r"^data/curated/translations\.yml: expected"):
        load_translations(paragraphs, curated=["not", "a", "mapping"])


# ---------------------------------------------------------------------------------------------
# Figures: every number the Chinese writes in Arabic digits must survive in the English.
#
# The rule: take the Chinese after NFKC (so ％ becomes %, Ⅴ becomes V), and every number in it
# (a run of digits, with a decimal part if any). In the English, drop bracketed Chinese glosses
# (so a figure cannot pass by being quoted in Chinese), drop thousands separators, and collect
# the numbers. Each Chinese number must occur in the English at least as often as in the Chinese,
# with the same value. The only figures not kept verbatim are those the Chinese writes with a
# unit of count (万, 亿) or as a month (N月); each is listed below with the exact English
# rendering, whose value the test recomputes, so the list cannot drift from the text either way.

WAN = "万 = 10,000: the figure is written out in full"
YI = "亿 = 100 million: the figure is given in billions"
MONTH = "N月 is the Nth month: given by its English name"

CONVERTED: dict[tuple[int, str], tuple[str, str]] = {
    (3, "4月"): ("April", MONTH),
    (16, "7万"): ("70,000", WAN),
    (20, "3.48万"): ("34,800", WAN),
    (26, "2880亿"): ("288 billion", YI),
    (26, "1000亿"): ("100 billion", YI),
    (34, "300万"): ("3 million", WAN + " (in millions)"),
    (38, "2.7万"): ("27,000", WAN),
    (39, "1.38万"): ("13,800", WAN),
    (39, "4.72万"): ("47,200", WAN),
    (60, "6.9万"): ("69,000", WAN),
    (74, "6月"): ("June", MONTH),
    (82, "8月"): ("August", MONTH),
    (84, "2000万"): ("20 million", WAN + " (in millions)"),
    (85, "6月"): ("June", MONTH),
    (90, "100万"): ("1 million", WAN + " (in millions)"),
    (92, "1万"): ("10,000", WAN),
    (99, "9月"): ("September", MONTH),
    (101, "10月"): ("October", MONTH),
    (102, "10万"): ("100,000", WAN),
    (103, "2.9万"): ("29,000", WAN),
    (105, "6月"): ("June", MONTH),
}

_ZH_FIGURE = re.compile(r"(\d+(?:\.\d+)?)(万|亿|月)?")
_EN_FIGURE = re.compile(r"(\d+(?:\.\d+)?)(?:\s+(million|billion))?")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_CHINESE_GLOSS = re.compile(rf"\([^()]*[{_CJK}][^()]*\)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000), None: Decimal(1),
          "million": Decimal(1_000_000), "billion": Decimal(1_000_000_000)}
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def english_without_chinese(text: str) -> str:
    """The English with bracketed Chinese glosses removed, and any stray Chinese too."""
    return re.sub(rf"[{_CJK}]", "", _CHINESE_GLOSS.sub(" ", text))


def english_figures(text: str) -> Counter[Decimal]:
    """The numbers of an English text, by value ("34,800" and "288 billion" included)."""
    plain = _THOUSANDS.sub("", english_without_chinese(text))
    return Counter(Decimal(m[1]) * _SCALE[m[2]] for m in _EN_FIGURE.finditer(plain))


def chinese_figures(text: str) -> list[tuple[str, Decimal, str | None]]:
    """(as written, value, unit) for each Arabic-digit number of a Chinese text after NFKC."""
    found = []
    for m in _ZH_FIGURE.finditer(unicodedata.normalize("NFKC", text)):
        scale = _SCALE[m[2]] if m[2] in ("万", "亿") else Decimal(1)
        found.append((m[0], Decimal(m[1]) * scale, m[2]))
    return found


def test_english_figures_reads_separators_and_scales():
    assert english_figures("34,800 households; 288 billion yuan; 86.5% (3.48万)") == Counter(
        {Decimal(34_800): 1, Decimal(288_000_000_000): 1, Decimal("86.5"): 1}
    )


def test_chinese_figures_reads_units_after_nfkc():
    assert chinese_figures("完成3.48万户，增长86.5％，6月底前") == [
        ("3.48万", Decimal(34_800), "万"), ("86.5", Decimal("86.5"), None), ("6月", 6, "月"),
    ]


@pytest.mark.parametrize("number", range(1, 111))
def test_figures_of_the_chinese_survive_in_the_english(number, english, paragraphs):
    chinese = paragraphs[number - 1].text
    text = english[number]
    wanted: Counter[Decimal] = Counter()
    for written, value, unit in chinese_figures(chinese):
        if unit is None:
            wanted[value] += 1
            continue
        assert (number, written) in CONVERTED, (
            f"¶{number}: {written!r} is not kept verbatim; list its English rendering in CONVERTED"
        )
        rendering, _reason = CONVERTED[number, written]
        assert rendering in english_without_chinese(text), f"¶{number}: {rendering!r} missing"
        if unit == "月":
            assert rendering == _MONTHS[int(value) - 1], f"¶{number}: {written} is not {rendering}"
        else:
            assert english_figures(rendering) == Counter({value: 1}), (
                f"¶{number}: {rendering!r} is not the value of {written!r}"
            )
            wanted[value] += 1
    missing = wanted - english_figures(text)
    assert not missing, f"¶{number}: figures of the Chinese not in the English: {dict(missing)}"


def test_every_listed_conversion_is_still_needed(paragraphs):
    written = {(p.number, w) for p in paragraphs for w, _v, unit in chinese_figures(p.text) if unit}
    assert set(CONVERTED) == written


def test_the_figure_check_can_fail(paragraphs):
    """A mistyped figure or a dropped one is caught (guards against a check that always passes)."""
    chinese = paragraphs[19].text  # ¶20: 完成3.48万户“煤改电”“煤改气”
    good = "'Coal-to-electricity' conversions were completed for 34,800 households."
    for bad in (good.replace("34,800", "38,400"), good.replace("34,800", "3.48")):
        values = Counter(v for _w, v, _u in chinese_figures(chinese))
        assert values - english_figures(bad)
    values = Counter(v for _w, v, _u in chinese_figures(paragraphs[28].text))  # ¶29
    assert values - english_figures("478 back streets, 1,767 old compounds and 26 markets")


# Roman numerals (劣Ⅴ类, Ⅲ型, 国Ⅲ) are grades and types: keep them as Roman numerals.
_ROMAN = re.compile(r"(?<![A-Za-z])[IVX]+(?![A-Za-z])")


@pytest.mark.parametrize("number", [21, 50, 74])
def test_roman_numerals_of_the_chinese_survive(number, english, paragraphs):
    numerals = Counter(_ROMAN.findall(unicodedata.normalize("NFKC", paragraphs[number - 1].text)))
    assert numerals, f"¶{number} should contain a Roman numeral"
    found = Counter(_ROMAN.findall(english_without_chinese(english[number])))
    assert not numerals - found, f"¶{number}: Roman numerals {dict(numerals - found)} missing"


def test_only_the_paragraphs_checked_for_roman_numerals_have_any(paragraphs):
    with_roman = [p.number for p in paragraphs
                  if _ROMAN.search(unicodedata.normalize("NFKC", p.text))]
    assert with_roman == [21, 50, 74]


# Qualifiers of figures: 以上 "or more", 余 "more than", 近 "nearly", 左右 "about", 超过
# "exceeded", 不少于 "at least". Each occurrence in the Chinese needs one in the English.
QUALIFIERS = {
    "以上": (re.compile(r"\d[\d.]*[万亿]?[^\d\s，。、；]{0,2}以上"), ("or more", "at least")),
    "余": (re.compile(r"\d[\d.]*[万亿]?余"), ("more than",)),
    "近": (re.compile(r"近\d"), ("nearly",)),
    "左右": (re.compile(r"\d[\d.]*%?左右"), ("about",)),
    "超过": (re.compile(r"超过\d"), ("exceeded", "more than")),
    "不少于": (re.compile(r"不少于\d"), ("at least", "no fewer than")),
}


@pytest.mark.parametrize("qualifier", QUALIFIERS)
def test_qualifiers_of_figures_survive(qualifier, english, paragraphs):
    pattern, renderings = QUALIFIERS[qualifier]
    seen = 0
    for p in paragraphs:
        needed = len(pattern.findall(unicodedata.normalize("NFKC", p.text)))
        seen += needed
        found = sum(english[p.number].lower().count(r) for r in renderings)
        assert found >= needed, f"¶{p.number}: {qualifier} x{needed}, English has {found}"
    assert seen, f"{qualifier} should qualify at least one figure of the source"


# ---------------------------------------------------------------------------------------------
# The published table, data/processed/translations.csv (gwr.data.steps.translations)


@pytest.fixture(scope="module")
def table(tables):
    return tables["translations"]


def test_one_row_per_paragraph_with_its_offsets(table, text):
    assert list(table.columns) == ["paragraph", "start", "end", "en"]
    assert list(table["paragraph"]) == list(range(1, 111))
    # Offsets read independently of gwr.text: line n of the raw file is text[start:end].
    lines = text.split("\n")
    for row in table.itertuples():
        assert text[row.start:row.end] == lines[row.paragraph - 1], row.paragraph
    assert (table["start"].iloc[1:].to_numpy() == table["end"].iloc[:-1].to_numpy() + 1).all()
    assert table["end"].iloc[-1] == len(text)


def test_the_table_is_the_curated_translation(table, english, _document_on_disk):
    assert dict(zip(table["paragraph"], table["en"], strict=True)) == english
    assert table.set_index("paragraph").loc[82, "en"] == (
        "The Southeast Bus Station (汽车客运东南站) will open for operation in August.")
    assert table.set_index("paragraph").loc[1, "en"] == " ".join(
        _document_on_disk["paragraphs"][1]["en"].split())


def test_the_committed_table_loads_and_joins_the_paragraphs(table):
    from gwr.data.tables import load_table
    committed = load_table("translations")
    paragraphs = load_table("paragraphs")
    assert committed["paragraph"].tolist() == table["paragraph"].tolist()
    assert committed["en"].tolist() == table["en"].tolist()
    joined = paragraphs.merge(committed, on="paragraph", suffixes=("", "_en"), validate="1:1")
    assert len(joined) == 110
    assert (joined["start"] == joined["start_en"]).all()
    assert (joined["end"] == joined["end_en"]).all()


def test_a_stale_entry_stops_the_step(document, monkeypatch):
    from gwr.data import translations as module
    from gwr.data.steps import translations as step
    from gwr.data.steps.context import Context
    document["paragraphs"][82]["zh_start"] = "汽车客运西南站8"
    monkeypatch.setattr(module, "_read_file", lambda: document)
    with pytest.raises(CuratedDataError, match=r"translations\.yml, entry 82: zh_start"):
        step.run(Context.from_source())
