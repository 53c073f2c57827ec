"""Find the places of the gazetteer data/curated/places.yml in the text, longest name first; the
names and kinds of the divisions mapped in the chapter come from data/curated/divisions.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gwr.curated import check_choice, check_fields, load_yaml_mapping
from gwr.data.divisions import Division, load_divisions
from gwr.errors import CuratedDataError
from gwr.text.paragraphs import Paragraph, paragraph_at

CURATED_FILE = "places.yml"
KINDS = ("prefecture_city", "province", "district", "county", "county_city", "country", "region",
         "historical_region", "river", "lake", "area", "project_site", "venue", "transport",
         "street", "bridge", "commercial", "landmark", "park", "school", "health", "welfare",
         "facility")
# Administrative divisions and wider regions; every other kind is a site.
ADMINISTRATIVE_KINDS = ("prefecture_city", "province", "district", "county", "county_city",
                        "country", "region", "historical_region")
# A site: a named place below the county level, on the ground: a project or plant, street,
# bridge, park or scenic area, venue, station or line, landmark, named area, river or lake,
# school, hospital or other health facility, welfare home, or another public facility. Its name
# is recorded whole, even where it holds the name of a division, a river or a lake (太原南站,
# 晋源花卉小镇, 大原至延安高铁, 汾河四期湿地公园), so a site is always counted as a site; the
# division named inside it is a mention of that division only through
# data/curated/place_units.yml (gwr.data.place_units).
SITE_KINDS = tuple(k for k in KINDS if k not in ADMINISTRATIVE_KINDS)
_FIELDS = {"paragraphs": list, "name_en": str, "kind": str}
_OPTIONAL = {"adcode": str, "note": str}
# An entry whose adcode is a division of data/curated/divisions.yml takes its English name and
# kind from there, so that every table names a division alike; it gives neither itself.
_DIVISION_FIELDS = {"paragraphs": list, "adcode": str}
KIND_OF_DIVISION = {"district": "district", "county": "county",
                    "county-level city": "county_city",
                    "prefecture-level city": "prefecture_city"}


@dataclass(frozen=True)
class Place:
    """One occurrence of a place name."""

    paragraph: int
    start: int
    end: int
    quote: str
    name_en: str
    kind: str
    adcode: str
    note: str


def find_places(text: str, paragraphs: list[Paragraph], *, curated: dict | None = None,
                divisions: dict[str, Division] | None = None) -> list[Place]:
    """Every occurrence of a gazetteer name; CuratedDataError if an entry is stale or bad.

    A name inside a longer gazetteer name (太原 in 太原南站) is not counted again. An entry
    whose adcode is one of ``divisions`` (by default data/curated/divisions.yml) takes the
    division's English name and kind, and may not give its own.
    """
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    divisions = load_divisions() if divisions is None else divisions
    taken: list[tuple[int, int]] = []
    places = []
    for name in sorted(entries, key=lambda n: (-len(str(n)), str(n))):
        entry, name = entries[name], str(name)
        where = f"data/curated/{CURATED_FILE}, entry {name!r}"
        adcode = entry.get("adcode", "") if isinstance(entry, dict) else ""
        if adcode and not (isinstance(adcode, str) and re.fullmatch(r"\d{6}", adcode)):
            raise CuratedDataError(f"{where}: adcode {adcode!r} must be six digits.")
        division = divisions.get(adcode) if adcode else None
        if division is not None:
            own = sorted({"name_en", "kind"} & set(entry))
            if own:
                raise CuratedDataError(
                    f"{where}: {' and '.join(own)} of the division {entry['adcode']} are decided "
                    "in data/curated/divisions.yml; remove them here.")
            check_fields(CURATED_FILE, name, entry, _DIVISION_FIELDS, {"note": str})
            entry = {**entry, "name_en": division.name_en,
                     "kind": KIND_OF_DIVISION[division.kind]}
        else:
            check_fields(CURATED_FILE, name, entry, _FIELDS, _OPTIONAL)
            if entry["kind"] in ("district", "county", "county_city"):
                raise CuratedDataError(
                    f"{where}: a place of kind {entry['kind']} is one of Taiyuan's units: give "
                    "it the adcode of its entry in data/curated/divisions.yml, and no name_en "
                    "or kind.")
        check_choice(where, "kind", entry["kind"], KINDS)
        found = [m.start() for m in re.finditer(re.escape(name), text)
                 if not any(a < m.start() + len(name) and m.start() < b for a, b in taken)]
        numbers = [paragraph_at(paragraphs, s) for s in found]
        if numbers != sorted(entry["paragraphs"]):
            raise CuratedDataError(
                f"{where}: paragraphs {entry['paragraphs']} do not match where the name occurs "
                f"({numbers}). The source or the entry has changed: review the entry.")
        taken += [(s, s + len(name)) for s in found]
        places += [Place(n, s, s + len(name), name, entry["name_en"], entry["kind"], adcode,
                         entry.get("note", "")) for n, s in zip(numbers, found, strict=True)]
    return sorted(places, key=lambda p: p.start)


