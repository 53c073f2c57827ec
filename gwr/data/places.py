"""Find the places of the gazetteer data/curated/places.yml in the text, longest name first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gwr.curated import check_fields, load_yaml_mapping
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


def find_places(text: str, paragraphs: list[Paragraph], *,
                curated: dict | None = None) -> list[Place]:
    """Every occurrence of a gazetteer name; CuratedDataError if an entry is stale or bad.

    A name inside a longer gazetteer name (太原 in 太原南站) is not counted again.
    """
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    taken: list[tuple[int, int]] = []
    places = []
    for name in sorted(entries, key=lambda n: (-len(str(n)), str(n))):
        entry, name = entries[name], str(name)
        where = f"data/curated/{CURATED_FILE}, entry {name!r}"
        check_fields(CURATED_FILE, name, entry, _FIELDS, _OPTIONAL)
        if entry["kind"] not in KINDS:
            raise CuratedDataError(f"{where}: kind {entry['kind']!r} is not one of "
                                   f"{', '.join(KINDS)}.")
        adcode = entry.get("adcode", "")
        if adcode and not re.fullmatch(r"\d{6}", adcode):
            raise CuratedDataError(f"{where}: adcode {adcode!r} must be six digits.")
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


