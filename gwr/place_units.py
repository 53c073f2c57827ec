"""Count the paragraphs naming each of Taiyuan's ten county-level units, and tell the sites the
text places in a unit from those it does not.

Two definitions, used everywhere in the chapter "Where the report acts":

- A paragraph *names a unit* when it holds the unit's name, full (晋源区) or short (晋源),
  standing alone or inside a longer name (阳曲小米, 晋源花卉小镇, 小店桥).
- A *site* is a gazetteer name of a site kind (gwr.places.SITE_KINDS), counted once per distinct
  name. The text *places a site in a unit* when the site's name holds the unit's name; it has
  no other way of doing so (data/curated/place_units.yml gives the reasons).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from gwr.boundaries import TAIYUAN_UNITS
from gwr.curated import check_fields, load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.places import SITE_KINDS

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


def unit_names() -> dict[str, str]:
    """Every name of the ten units, full and short (without 区, 县 or 市), to its adcode.

    Examples:
        >>> names = unit_names()
        >>> names["晋源区"], names["晋源"], names["古交"], len(names)
        ('140110', '140110', '140181', 20)
    """
    names = {}
    for code, (zh, _) in TAIYUAN_UNITS.items():
        names[zh] = names[zh[:-1]] = code
    return names


def units_in(name: str) -> list[str]:
    """The adcodes of the units whose name, full or short, stands in ``name``, in code order.

    Examples:
        >>> units_in("阳曲大型热源厂"), units_in("小店桥"), units_in("东峰燃气调峰热源厂")
        (['140122'], ['140105'], [])
        >>> units_in("杏花岭区、晋源区农村集体产权制度改革经验")
        ['140107', '140110']
    """
    return sorted({code for unit, code in unit_names().items() if unit in name})


def paragraphs_naming_units(paragraph_texts: dict[int, str]) -> dict[str, set[int]]:
    """For each unit, the paragraphs whose text holds its name, full or short: the definition
    of "names a unit", read straight from the text.

    Examples:
        >>> found = paragraphs_naming_units({21: "小店桥断面水质", 58: "推进晋源花卉小镇"})
        >>> found["140105"], found["140110"], found["140106"]
        ({21}, {58}, set())
    """
    found: dict[str, set[int]] = {code: set() for code in TAIYUAN_UNITS}
    for number, text in paragraph_texts.items():
        for code in units_in(text):
            found[code].add(number)
    return found


def site_table(places: pd.DataFrame, items: list[PlacedItem]) -> pd.DataFrame:
    """One row per distinct site name in places.csv, with the units its own name holds.

    Columns: ``name_zh``, ``name_en``, ``kind``, ``occurrences``, ``paragraphs`` (sorted list),
    ``section_ids`` (list), ``units`` (adcodes the name holds: the text places the site there),
    ``gazetteer_units`` (adcodes that only the gazetteer gives, from items of basis gazetteer).

    Examples:
        >>> places = pd.DataFrame({"quote": ["小店桥", "柳巷", "柳巷", "太原"],
        ...     "name_en": ["Xiaodian Bridge", "Liuxiang", "Liuxiang", "Taiyuan"],
        ...     "kind": ["landmark", "street", "street", "prefecture_city"],
        ...     "paragraph": [21, 53, 60, 1], "section_id": ["a", "b", "b", "c"]})
        >>> table = site_table(places, [])
        >>> list(table["name_zh"]), list(table["occurrences"]), list(table["units"])
        (['小店桥', '柳巷'], [1, 2], [['140105'], []])
    """
    by_gazetteer = {item.name_zh: list(item.adcodes) for item in items
                    if item.basis == "gazetteer"}
    sites = places[places["kind"].isin(SITE_KINDS)]
    rows = []
    for name, group in sites.groupby("quote", sort=False):
        rows.append({"name_zh": name, "name_en": group["name_en"].iloc[0],
                     "kind": group["kind"].iloc[0], "occurrences": len(group),
                     "paragraphs": sorted(int(n) for n in group["paragraph"]),
                     "section_ids": list(group["section_id"]),
                     "units": units_in(name), "gazetteer_units": by_gazetteer.get(name, [])})
    return pd.DataFrame(rows)
