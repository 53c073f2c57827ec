"""Load the curated links from the 2019 review to the 2020 plan: section links, programme pairs
and plan items without a review counterpart, each checked against the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from gwr.curated import check_choice, check_fields, load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.text.anchors import occurrences
from gwr.text.paragraphs import Paragraph
from gwr.text.sections import Section, section_of

LINKS_FILE = "review_plan_links.yml"
PAIRS_FILE = "programme_pairs.yml"
NEW_FILE = "plan_without_review.yml"
BASES = ("programme", "theme", "actor")
COMPARISONS = ("achieved_vs_planned", "different_measures", "qualitative")
PLAN_KINDS = ("plan_task", "service_government")
PAIR_COLUMNS = ["pair_id", "programme_zh", "programme_en", "short_en", "comparison",
                "review_paragraph", "review_start", "review_end", "review_quote",
                "review_indicators", "review_section_id",
                "plan_paragraph", "plan_start", "plan_end", "plan_quote",
                "plan_indicators", "plan_section_id", "note"]
NEW_ITEM_COLUMNS = ["item_id", "paragraph", "start", "end", "quote", "gloss_en", "section_id",
                    "note"]
_SIDE_KINDS = {"review": ("review_area",), "plan": PLAN_KINDS}
_LINK_FIELDS = {"basis": str, "review_paragraphs": list, "plan_paragraphs": list, "reason": str}
_PAIR_FIELDS = {"programme_zh": str, "programme_en": str, "short_en": str, "review": dict,
                "plan": dict, "comparison": str, "note": str}
_SIDE_FIELDS = {"paragraph": int, "quote": str, "indicators": list}
_NEW_FIELDS = {"paragraph": int, "quote": str, "gloss_en": str, "note": str}


@dataclass(frozen=True)
class Link:
    """A curated link from a 2019 review area to a 2020 task (or part 3)."""

    link_id: str
    review_section_id: str
    plan_section_id: str
    basis: str
    review_paragraphs: tuple[int, ...]
    plan_paragraphs: tuple[int, ...]
    reason: str


def load_links(sections: list[Section], *, curated: dict | None = None) -> list[Link]:
    """Links of data/curated/review_plan_links.yml, checked against the sections.

    Examples:
        >>> s = [Section("review-economy", "review_area", 11, 11, 13, 1, "", "", "", "", "", ""),
        ...      Section("plan-agriculture", "plan_task", 57, 57, 60, 4, "", "", "", "", "", "")]
        >>> entry = {"basis": "programme", "review_paragraphs": [13], "plan_paragraphs": [59],
        ...          "reason": "Brands in ¶13 and ¶59."}
        >>> load_links(s, curated={"review-economy--plan-agriculture": entry})[0].basis
        'programme'
        >>> try:
        ...     load_links(s, curated={"review-econ--plan-agriculture": entry})
        ... except CuratedDataError as exc:
        ...     print(str(exc).split(": ")[-1])
        'review-econ' is not a section_id of kind review_area (see data/curated/sections.yml).
    """
    entries = curated if curated is not None else load_yaml_mapping(LINKS_FILE)
    by_id = {s.section_id: s for s in sections}
    links = []
    for key, entry in entries.items():
        where = f"data/curated/{LINKS_FILE}, entry {key!r}"
        check_fields(LINKS_FILE, key, entry, _LINK_FIELDS)
        review_id, sep, plan_id = str(key).partition("--")
        if not sep:
            raise CuratedDataError(f"{where}: the key must be '<review section_id>--<plan "
                                   "section_id>'.")
        for section_id, kinds in ((review_id, ("review_area",)), (plan_id, PLAN_KINDS)):
            if section_id not in by_id or by_id[section_id].kind not in kinds:
                raise CuratedDataError(
                    f"{where}: {section_id!r} is not a section_id of kind {' or '.join(kinds)} "
                    "(see data/curated/sections.yml).")
        check_choice(where, "basis", entry["basis"], BASES)
        for side, section_id in (("review_paragraphs", review_id), ("plan_paragraphs", plan_id)):
            section = by_id[section_id]
            numbers = entry[side]
            if not numbers or not all(isinstance(n, int) for n in numbers):
                raise CuratedDataError(f"{where}: {side} must be a non-empty list of paragraph "
                                       "numbers.")
            for n in numbers:
                if not section.first_paragraph <= n <= section.last_paragraph:
                    raise CuratedDataError(
                        f"{where}: ¶{n} in {side} is outside section {section_id!r} "
                        f"(¶{section.first_paragraph}-¶{section.last_paragraph}).")
                if not re.search(rf"¶{n}(?!\d)", entry["reason"]):
                    raise CuratedDataError(f"{where}: the reason does not cite ¶{n}.")
        links.append(Link(str(key), review_id, plan_id, entry["basis"],
                          tuple(entry["review_paragraphs"]), tuple(entry["plan_paragraphs"]),
                          entry["reason"]))
    return links


def links_frame(links: list[Link]) -> pd.DataFrame:
    """The links as the table written to data/processed/links.csv, in curated order."""
    return pd.DataFrame([{
        "link_id": link.link_id, "review_section_id": link.review_section_id,
        "plan_section_id": link.plan_section_id, "basis": link.basis,
        "review_paragraphs": ";".join(str(n) for n in link.review_paragraphs),
        "plan_paragraphs": ";".join(str(n) for n in link.plan_paragraphs),
        "reason": link.reason,
    } for link in links])


def load_pairs(paragraphs: list[Paragraph], sections: list[Section], indicators: pd.DataFrame,
               *, curated: dict | None = None) -> pd.DataFrame:
    """Programme pairs of data/curated/programme_pairs.yml, one row each, in curated order.

    Each side's quote must stand once in its paragraph, which must lie in the 2019 review
    (review side) or in a 2020 task or part 3 (plan side); indicator ids must exist in
    ``indicators`` and sit in that paragraph. Indicator ids are joined with ';'. A bad or stale
    entry raises CuratedDataError naming the file and the entry.

    Examples:
        >>> from gwr.text.paragraphs import split_paragraphs
        >>> from gwr.text.sections import load_sections
        >>> from gwr.text.source import load_source
        >>> paras = split_paragraphs(load_source())
        >>> ind = pd.DataFrame({"indicator_id": ["r.a", "p.b"], "paragraph": [29, 91]})
        >>> side = {"review": {"paragraph": 29, "quote": "整治背街小巷478条",
        ...                    "indicators": ["r.a"]},
        ...         "plan": {"paragraph": 91, "quote": "剩余147条背街小巷", "indicators": ["p.b"]}}
        >>> entry = {"programme_zh": "背街小巷", "programme_en": "Back streets and alleys",
        ...          "short_en": "Back streets", "comparison": "achieved_vs_planned",
        ...          "note": "n", **side}
        >>> pairs = load_pairs(paras, load_sections(paras), ind, curated={"x": entry})
        >>> pairs.loc[0, ["review_section_id", "plan_section_id", "plan_indicators"]].tolist()
        ['review-city-image', 'plan-city', 'p.b']
    """
    entries = curated if curated is not None else load_yaml_mapping(PAIRS_FILE)
    by_number = {p.number: p for p in paragraphs}
    kinds = {s.section_id: s.kind for s in sections}
    owner = section_of(sections)
    where_ind = indicators.set_index("indicator_id")["paragraph"].to_dict()
    rows = []
    for key, entry in entries.items():
        where = f"data/curated/{PAIRS_FILE}, entry {key!r}"
        check_fields(PAIRS_FILE, key, entry, _PAIR_FIELDS)
        check_choice(where, "comparison", entry["comparison"], COMPARISONS)
        if not 0 < len(entry["short_en"].split()) <= 3:
            raise CuratedDataError(f"{where}: short_en {entry['short_en']!r} must be a short "
                                   "label of one to three words.")
        row = {"pair_id": str(key), "programme_zh": entry["programme_zh"],
               "programme_en": entry["programme_en"], "short_en": entry["short_en"],
               "comparison": entry["comparison"], "note": entry["note"]}
        for side in ("review", "plan"):
            part = entry[side]
            check_fields(PAIRS_FILE, f"{key}.{side}", part, _SIDE_FIELDS)
            n = part["paragraph"]
            start = _find_once(where, f"the {side} quote", part["quote"], by_number.get(n), n)
            section_id = owner[n]
            if kinds[section_id] not in _SIDE_KINDS[side]:
                raise CuratedDataError(f"{where}: ¶{n} on the {side} side is in section "
                                       f"{section_id!r}, not in "
                                       f"{'the 2019 review' if side == 'review' else 'the plan'}.")
            for ind in part["indicators"]:
                if ind not in where_ind:
                    raise CuratedDataError(f"{where}: indicator {ind!r} is not in "
                                           "indicators.csv.")
                if int(where_ind[ind]) != n:
                    raise CuratedDataError(f"{where}: indicator {ind!r} is in "
                                           f"¶{where_ind[ind]}, not ¶{n}.")
            if entry["comparison"] != "qualitative" and not part["indicators"]:
                raise CuratedDataError(f"{where}: a {entry['comparison']} pair needs "
                                       f"indicators on the {side} side.")
            row |= {f"{side}_paragraph": n, f"{side}_start": start,
                    f"{side}_end": start + len(part["quote"]), f"{side}_quote": part["quote"],
                    f"{side}_indicators": ";".join(part["indicators"]),
                    f"{side}_section_id": section_id}
        rows.append(row)
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


def load_new_items(paragraphs: list[Paragraph], sections: list[Section], *,
                   curated: dict | None = None) -> pd.DataFrame:
    """Items of data/curated/plan_without_review.yml, located in the text, in text order.

    Each quote must stand once in its paragraph, and the paragraph must lie in a 2020 task;
    otherwise CuratedDataError names the file and the entry.

    Examples:
        >>> from gwr.text.paragraphs import split_paragraphs
        >>> from gwr.text.sections import load_sections
        >>> from gwr.text.source import load_source
        >>> paras = split_paragraphs(load_source())
        >>> items = load_new_items(paras, load_sections(paras), curated={"parking": {
        ...     "paragraph": 92, "quote": "新增停车泊位", "gloss_en": "g", "note": "n"}})
        >>> items.loc[0, ["section_id", "quote"]].tolist()
        ['plan-city', '新增停车泊位']
    """
    entries = curated if curated is not None else load_yaml_mapping(NEW_FILE)
    by_number = {p.number: p for p in paragraphs}
    owner = section_of(sections)
    rows = []
    for key, entry in entries.items():
        where = f"data/curated/{NEW_FILE}, entry {key!r}"
        check_fields(NEW_FILE, key, entry, _NEW_FIELDS)
        n = entry["paragraph"]
        start = _find_once(where, "the quote", entry["quote"], by_number.get(n), n)
        if not owner[n].startswith("plan-"):
            raise CuratedDataError(f"{where}: ¶{n} is not in a 2020 task.")
        rows.append({"item_id": str(key), "paragraph": n, "start": start,
                     "end": start + len(entry["quote"]), "quote": entry["quote"],
                     "gloss_en": entry["gloss_en"], "section_id": owner[n],
                     "note": entry["note"]})
    frame = pd.DataFrame(rows, columns=NEW_ITEM_COLUMNS)
    return frame.sort_values("start", kind="stable").reset_index(drop=True)


def _find_once(where: str, what: str, quote: str, paragraph: Paragraph | None, n: int) -> int:
    """Offset in the whole text of ``quote``, which must stand exactly once in ¶n."""
    found = occurrences(paragraph, quote) if paragraph is not None and quote else []
    if not found:
        raise CuratedDataError(f"{where}: {what} {quote!r} does not stand in ¶{n}.")
    if len(found) > 1:
        raise CuratedDataError(f"{where}: {what} {quote!r} stands {len(found)} times in ¶{n}; "
                               "lengthen it so that it points at one place.")
    return found[0]
