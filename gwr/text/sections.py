"""Assign every paragraph to a section, from data/curated/sections.yml checked against the text."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from gwr.curated import check_fields, load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.text.paragraphs import Paragraph

CURATED_FILE = "sections.yml"
KINDS = ("front", "part_heading", "review_area", "plan_task", "service_government")
# Where each kind's official name must stand verbatim: ¶4 lists the three parts, ¶5 the nine
# 2019 areas, ¶6 the nine 2020 tasks.
OFFICIAL_NAME_PARAGRAPH = {"part_heading": 4, "service_government": 4, "review_area": 5,
                           "plan_task": 6}
_FIELDS = {"kind": str, "short_en": str, "reason": str}
# heading_en only for the front matter, which has no heading line. The English of a heading line
# is stored once, as the translation of its paragraph (data/curated/translations.yml); the data
# layer's sections step puts it in sections.csv (gwr.text does not read the translation).
_OPTIONAL = {"heading_paragraph": int, "first_paragraph": int, "order": int, "heading_zh": str,
             "heading_en": str, "official_name_zh": str, "official_name_en": str}


@dataclass(frozen=True)
class Section:
    """One section of the article, with the span of paragraphs it covers.

    ``heading_en`` is set for the front matter only (an English description: it has no heading
    line). A section with a heading line has ``heading_en == ""`` here: its English is the
    translation of ``heading_paragraph``, joined in by gwr.data.steps.sections.
    """

    section_id: str
    kind: str
    heading_paragraph: int | None
    first_paragraph: int
    last_paragraph: int
    order: int | None
    heading_zh: str
    heading_en: str
    short_en: str
    official_name_zh: str
    official_name_en: str
    reason: str


def load_sections(paragraphs: list[Paragraph], *, curated: dict | None = None) -> list[Section]:
    """Sections in text order, checked against ``paragraphs``; CuratedDataError if stale."""
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    by_number = {p.number: p for p in paragraphs}
    starts = []
    for key, entry in entries.items():
        check_fields(CURATED_FILE, key, entry, _FIELDS, _OPTIONAL)
        _check_entry(key, entry, by_number)
        starts.append((entry.get("first_paragraph") or entry["heading_paragraph"], key))
    starts.sort()
    if starts[0][0] != 1:
        raise CuratedDataError(f"data/curated/{CURATED_FILE}: no section starts at ¶1.")
    _check_headings_covered(entries, paragraphs)
    sections = []
    for i, (first, key) in enumerate(starts):
        last = starts[i + 1][0] - 1 if i + 1 < len(starts) else len(paragraphs)
        e = entries[key]
        sections.append(Section(
            section_id=key, kind=e["kind"], heading_paragraph=e.get("heading_paragraph"),
            first_paragraph=first, last_paragraph=last, order=e.get("order"),
            heading_zh=e.get("heading_zh", ""), heading_en=e.get("heading_en", ""),
            short_en=e["short_en"],
            official_name_zh=e.get("official_name_zh", ""),
            official_name_en=e.get("official_name_en", ""), reason=e["reason"],
        ))
    return sections


def section_of(sections: list[Section]) -> dict[int, str]:
    """Map each paragraph number to the id of the section that holds it."""
    return {n: s.section_id for s in sections
            for n in range(s.first_paragraph, s.last_paragraph + 1)}


def heading_relation(heading_zh: str, official_name_zh: str) -> str:
    """How an article heading relates to the name the report gives the area or task.

    Returns ``"verbatim"`` (the same words), ``"abridged"`` (the name's opening clause or
    words), or ``"headline"`` (the journalist's own words, usually one item from the section).

    Examples:
        >>> heading_relation("改革开放打开新局面", "改革开放打开新局面")
        'verbatim'
        >>> heading_relation("坚决打好三大攻坚战", "坚决打好三大攻坚战，夯实全面建成小康社会基础")
        'abridged'
        >>> heading_relation("经济高质量发展", "经济高质量发展迈出新步伐")
        'abridged'
        >>> heading_relation("深化科技创新", "转型发展注入新动力")
        'headline'
    """
    if heading_zh == official_name_zh:
        return "verbatim"
    if official_name_zh.startswith(heading_zh):
        return "abridged"
    return "headline"


def sections_frame(sections: list[Section]) -> pd.DataFrame:
    """The sections as the table written to data/processed/sections.csv."""
    columns = ["section_id", "kind", "heading_paragraph", "first_paragraph", "last_paragraph",
               "order", "heading_zh", "heading_en", "short_en", "official_name_zh",
               "official_name_en", "reason"]
    frame = pd.DataFrame([{c: getattr(s, c) for c in columns} for s in sections], columns=columns)
    for col in ("heading_paragraph", "order"):
        frame[col] = frame[col].astype("Int64")
    frame["heading_relation"] = [
        heading_relation(s.heading_zh, s.official_name_zh)
        if s.kind in ("review_area", "plan_task") else "" for s in sections]
    return frame


def _check_entry(key: str, entry: dict, by_number: dict[int, Paragraph]) -> None:
    where = f"data/curated/{CURATED_FILE}, entry {key!r}"
    kind = entry["kind"]
    if kind not in KINDS:
        raise CuratedDataError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}.")
    if kind == "front":
        if not (entry.get("heading_en") or "").strip():
            raise CuratedDataError(f"{where}: the front matter has no heading line; give "
                                   "heading_en, an English description of it.")
        return
    number = entry.get("heading_paragraph")
    if "heading_en" in entry:
        raise CuratedDataError(
            f"{where}: heading_en is not kept here: the English of a heading is stored once, as "
            f"the translation of ¶{number} in data/curated/translations.yml. Remove the field "
            "(and change the translation if the English should change)."
        )
    if number not in by_number:
        raise CuratedDataError(f"{where}: heading_paragraph {number!r} is not a paragraph number.")
    actual = by_number[number].text
    if entry.get("heading_zh") != actual:
        raise CuratedDataError(
            f"{where}: heading_zh {entry.get('heading_zh')!r} differs from ¶{number} as the source "
            f"reads it ({actual!r}). The source or the entry has changed: review the entry."
        )
    name = entry.get("official_name_zh")
    home = by_number[OFFICIAL_NAME_PARAGRAPH[kind]].text
    if not name or name not in home:
        raise CuratedDataError(
            f"{where}: official_name_zh {name!r} does not stand verbatim in "
            f"¶{OFFICIAL_NAME_PARAGRAPH[kind]}; copy it exactly from the source."
        )


def _check_headings_covered(entries: dict, paragraphs: list[Paragraph]) -> None:
    """Every heading line after the front matter must open a curated section, and vice versa."""
    front_end = min(e["heading_paragraph"] for e in entries.values() if e["kind"] != "front")
    headings = {p.number for p in paragraphs if p.is_heading and p.number >= front_end}
    curated = {e["heading_paragraph"] for e in entries.values() if e["kind"] != "front"}
    if headings != curated:
        raise CuratedDataError(
            f"data/curated/{CURATED_FILE}: heading lines and curated sections disagree. "
            f"Headings with no section: {sorted(headings - curated)}; sections whose line is not "
            f"a heading: {sorted(curated - headings)}."
        )
