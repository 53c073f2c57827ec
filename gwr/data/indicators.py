"""Load the stated figures of data/curated/indicators.yml and read each one from the text."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from gwr.curated import check_choice, check_fields, load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.text.anchors import locate, require_in_paragraph
from gwr.text.numerals import find_numerals
from gwr.text.paragraphs import Paragraph
from gwr.text.quantities import read_quantity

CURATED_FILE = "indicators.yml"
UNITS_FILE = "units.yml"
KINDS = ("achievement", "target", "baseline", "report_structure")
_FIELDS = {"id": str, "subject_zh": str, "subject_en": str, "kind": str}
_OPTIONAL = {"unit_en": str, "year": int, "repeat_of": str, "note": str}


@dataclass(frozen=True)
class Indicator:
    """One stated figure: where it stands, what the parser reads, what a person decided."""

    key: str
    slug: str
    paragraph: int
    start: int
    end: int
    quote: str
    number_start: int
    number_end: int
    value: Decimal
    unit_zh: str
    unit_en: str
    qualifier: str
    kind: str
    year: int | None
    subject_zh: str
    subject_en: str
    repeat_of: str | None
    note: str


def load_units(curated: dict | None = None) -> dict[str, str]:
    """Unit as written -> default English unit, from data/curated/units.yml."""
    entries = curated if curated is not None else load_yaml_mapping(UNITS_FILE)
    for key, entry in entries.items():
        check_fields(UNITS_FILE, str(key), entry, {"en": str})
    return {str(k): e["en"] for k, e in entries.items()}


def load_indicators(paragraphs: list[Paragraph], *, curated: dict | None = None,
                    units: dict[str, str] | None = None) -> list[Indicator]:
    """Every curated figure, read from the text by the parser; raise CuratedDataError if stale."""
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    units = units if units is not None else load_units()
    by_number = {p.number: p for p in paragraphs}
    found = []
    for key, entry in entries.items():
        check_fields(CURATED_FILE, str(key), entry, _FIELDS, _OPTIONAL)
        found.append(_read(str(key), entry, by_number, units))
    keys = {i.key for i in found}
    for ind in found:
        if ind.repeat_of and ind.repeat_of not in keys:
            raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry {ind.key!r}: repeat_of "
                                   f"{ind.repeat_of!r} is not an entry of the file.")
    return sorted(found, key=lambda i: i.start)


def _read(key: str, entry: dict, by_number: dict[int, Paragraph],
          units: dict[str, str]) -> Indicator:
    where = f"data/curated/{CURATED_FILE}, entry {key!r}"
    paragraph, quote, offsets = locate(CURATED_FILE, key, by_number, unique=True)
    start = offsets[0] - paragraph.start
    numbers = [n for n in find_numerals(quote) if n.script != "roman"]
    if len(numbers) != 1:
        raise CuratedDataError(f"{where}: the quote must hold exactly one number, "
                               f"found {[n.quote for n in numbers]}.")
    n = numbers[0]
    q = read_quantity(paragraph.text, start + n.start, start + n.end, list(units))
    if q.quote != quote or q.start != start:
        raise CuratedDataError(f"{where}: the parser reads the figure as {q.quote!r}, not "
                               f"{quote!r}; correct the key (or the parser).")
    check_choice(where, "kind", entry["kind"], KINDS)
    require_in_paragraph(CURATED_FILE, key, "subject_zh", entry["subject_zh"], paragraph)
    raw_unit = quote[n.end:].lstrip("余多")
    unit_en = entry.get("unit_en")
    if unit_en is None:
        unit_en = next((units[u] for u in sorted(units, key=len, reverse=True)
                        if raw_unit.startswith(u)), "")
    return Indicator(
        key=key, slug=entry["id"], paragraph=paragraph.number, start=paragraph.start + q.start,
        end=paragraph.start + q.end, quote=q.quote, number_start=paragraph.start + start + n.start,
        number_end=paragraph.start + start + n.end, value=q.value, unit_zh=q.unit_zh,
        unit_en=unit_en, qualifier=q.qualifier, kind=entry["kind"], year=entry.get("year"),
        subject_zh=entry["subject_zh"], subject_en=entry["subject_en"],
        repeat_of=entry.get("repeat_of"), note=entry.get("note", ""),
    )
