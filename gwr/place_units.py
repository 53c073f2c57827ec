"""Count the paragraphs naming each of Taiyuan's ten county-level units or a site placed in it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from gwr.boundaries import TAIYUAN_UNITS
from gwr.curated import check_fields, load_yaml_mapping
from gwr.errors import CuratedDataError

CURATED_FILE = "place_units.yml"
BASES = ("text", "gazetteer")
_FIELDS = {"paragraphs": list, "adcode": list, "name_en": str, "what": str, "basis": str,
           "note": str}


@dataclass(frozen=True)
class PlacedItem:
    """A named item that the text (or the gazetteer) places in one or more units."""

    name_zh: str
    paragraphs: tuple[int, ...]
    adcodes: tuple[str, ...]
    name_en: str
    what: str
    basis: str
    note: str


def load_place_units(paragraph_texts: dict[int, str], *,
                     curated: dict | None = None) -> list[PlacedItem]:
    """Items of data/curated/place_units.yml, each checked against the paragraphs it cites.

    Examples:
        >>> items = load_place_units({59: "做大做强清徐葡萄"}, curated={"清徐葡萄": {
        ...     "paragraphs": [59], "adcode": ["140121"], "name_en": "Qingxu grapes",
        ...     "what": "farm brand", "basis": "text", "note": ""}})
        >>> items[0].adcodes
        ('140121',)
    """
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    items = []
    for key, entry in entries.items():
        name = str(key)
        where = f"data/curated/{CURATED_FILE}, entry {name!r}"
        check_fields(CURATED_FILE, name, entry, _FIELDS)
        for code in entry["adcode"]:
            if code not in TAIYUAN_UNITS:
                raise CuratedDataError(f"{where}: adcode {code!r} is not one of Taiyuan's ten "
                                       "county-level units.")
        if entry["basis"] not in BASES:
            raise CuratedDataError(f"{where}: basis {entry['basis']!r} is not one of "
                                   f"{', '.join(BASES)}.")
        for number in entry["paragraphs"]:
            if name not in paragraph_texts.get(number, ""):
                raise CuratedDataError(f"{where}: ¶{number} does not contain {name!r}. The "
                                       "source or the entry has changed: review the entry.")
        items.append(PlacedItem(name, tuple(entry["paragraphs"]), tuple(entry["adcode"]),
                                entry["name_en"], entry["what"], entry["basis"], entry["note"]))
    return items


def unit_paragraphs(places: pd.DataFrame, items: list[PlacedItem]) -> dict[str, set[int]]:
    """For each unit, the paragraphs that name it (places.csv) or an item placed in it by the text.

    Items whose basis is ``gazetteer`` are not counted: the text does not place them.

    Examples:
        >>> places = pd.DataFrame({"adcode": ["140110", "140100"], "paragraph": [24, 1]})
        >>> unit_paragraphs(places, [])["140110"], unit_paragraphs(places, [])["140105"]
        ({24}, set())
    """
    found: dict[str, set[int]] = {code: set() for code in TAIYUAN_UNITS}
    for code, paragraph in zip(places["adcode"], places["paragraph"], strict=True):
        if code in found:
            found[code].add(int(paragraph))
    for item in items:
        if item.basis == "text":
            for code in item.adcodes:
                found[code].update(item.paragraphs)
    return found


def unit_counts(places: pd.DataFrame, items: list[PlacedItem],
                part_of_paragraph: dict[int, str]) -> pd.DataFrame:
    """One row per unit: names, paragraphs (as ¶ list), their count, and counts by article part."""
    found = unit_paragraphs(places, items)
    rows = []
    for code, (zh, en) in TAIYUAN_UNITS.items():
        numbers = sorted(found[code])
        parts = [part_of_paragraph[n] for n in numbers]
        rows.append({"adcode": code, "name_zh": zh, "name_en": en, "paragraphs": len(numbers),
                     "review": parts.count("review-2019"), "plan": parts.count("plan-2020"),
                     "other": len(parts) - parts.count("review-2019") - parts.count("plan-2020"),
                     "paragraph_list": ", ".join(f"¶{n}" for n in numbers)})
    return pd.DataFrame(rows)
