"""Read data/curated/place_units.yml: the named items that the text (or the gazetteer) places in
one of Taiyuan's ten county-level units, each checked against the paragraphs it cites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gwr.curated import check_choice, check_fields, load_yaml_mapping
from gwr.data.divisions import Division, taiyuan_units
from gwr.errors import CuratedDataError
from gwr.text.paragraphs import Paragraph, paragraph_at

CURATED_FILE = "place_units.yml"
# text: the item's name holds the unit's name (counted); gazetteer: only the project's gazetteer
# places it (listed for the reader, not counted).
BASES = ("text", "gazetteer")
WHAT = ("reform", "farm brand", "project", "monitoring section")
_FIELDS = {"paragraphs": list, "adcode": list, "name_en": str, "what": str, "basis": str,
           "note": str}


@dataclass(frozen=True)
class PlacedItem:
    """A named item that the text (or the gazetteer) places in one or more units.

    ``starts`` holds the offset in the whole text of each occurrence, one per paragraph of
    ``paragraphs``, in the same order.
    """

    name_zh: str
    paragraphs: tuple[int, ...]
    adcodes: tuple[str, ...]
    name_en: str
    what: str
    basis: str
    note: str
    starts: tuple[int, ...]


def load_place_units(text: str, paragraphs: list[Paragraph], *, curated: dict | None = None,
                     divisions: dict[str, Division] | None = None) -> list[PlacedItem]:
    """Items of data/curated/place_units.yml, each checked against the text.

    An item may be placed only in Taiyuan's units among ``divisions`` (by default those of
    data/curated/divisions.yml).

    An item's ``paragraphs`` must list exactly the paragraphs where its name stands, once each,
    so that a changed source fails loudly; CuratedDataError names the file and the entry.

    Examples:
        >>> from gwr.text.paragraphs import split_paragraphs
        >>> text = "标题\\n做大做强清徐葡萄"
        >>> qingxu = Division("140121", "清徐县", "Qingxu County", "taiyuan_unit", "county")
        >>> items = load_place_units(text, split_paragraphs(text), curated={"清徐葡萄": {
        ...     "paragraphs": [2], "adcode": ["140121"], "name_en": "Qingxu grapes",
        ...     "what": "farm brand", "basis": "text", "note": ""}}, divisions={"140121": qingxu})
        >>> items[0].adcodes, items[0].starts
        (('140121',), (7,))
    """
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    units = taiyuan_units(divisions)
    texts = {p.number: p.text for p in paragraphs}
    items = []
    for key, entry in entries.items():
        name = str(key)
        where = f"data/curated/{CURATED_FILE}, entry {name!r}"
        check_fields(CURATED_FILE, name, entry, _FIELDS)
        for code in entry["adcode"]:
            if code not in units:
                raise CuratedDataError(f"{where}: adcode {code!r} is not one of Taiyuan's ten "
                                       "county-level units.")
        check_choice(where, "what", entry["what"], WHAT)
        check_choice(where, "basis", entry["basis"], BASES)
        for number in entry["paragraphs"]:
            if name not in texts.get(number, ""):
                raise CuratedDataError(f"{where}: ¶{number} does not contain {name!r}. The "
                                       "source or the entry has changed: review the entry.")
        starts = [m.start() for m in re.finditer(re.escape(name), text)]
        found = [paragraph_at(paragraphs, s) for s in starts]
        if found != sorted(entry["paragraphs"]):
            raise CuratedDataError(
                f"{where}: paragraphs {entry['paragraphs']} do not match where the name stands "
                f"({found}), in order and once per paragraph. The source or the entry has "
                "changed: review the entry.")
        items.append(PlacedItem(name, tuple(found), tuple(entry["adcode"]), entry["name_en"],
                                entry["what"], entry["basis"], entry["note"], tuple(starts)))
    return items
