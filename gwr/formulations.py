"""Load the formulations (提法) of data/curated/formulations.yml and find them in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from gwr import paths
from gwr.curated import check_fields, load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.numerals import find_numerals
from gwr.paragraphs import Paragraph, paragraph_at

CURATED_FILE = "formulations.yml"
REFERENCES_FILE = "formulation_references.bib"
ORIGINS = ("national", "provincial", "municipal", "unknown")
_FIELDS = {"gloss_en": str, "origin": str, "explanation_en": str}
_OPTIONAL = {"reference": str, "numbered": bool, "note": str}


@dataclass(frozen=True)
class Formulation:
    """A term with every [start, end) span where it occurs in the text."""

    term: str
    spans: tuple[tuple[int, int], ...]
    paragraphs: tuple[int, ...]
    numbered: bool
    gloss_en: str
    origin: str
    reference: str
    explanation_en: str


def bib_keys(path: Path | None = None) -> set[str]:
    """The entry keys of a BibTeX file.

    Examples:
        >>> "xi2017report" in bib_keys()
        True
    """
    text = (path or paths.curated_file(REFERENCES_FILE)).read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\{([^,\s]+),", text, flags=re.MULTILINE))


def load_formulations(text: str, paragraphs: list[Paragraph], *, curated: dict | None = None,
                      references: set[str] | None = None) -> list[Formulation]:
    """Every curated term with its occurrences; CuratedDataError for a stale or bad entry."""
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    references = references if references is not None else bib_keys()
    result = []
    for term, entry in entries.items():
        term = str(term)
        where = f"data/curated/{CURATED_FILE}, entry {term!r}"
        check_fields(CURATED_FILE, term, entry, _FIELDS, _OPTIONAL)
        if entry["origin"] not in ORIGINS:
            raise CuratedDataError(f"{where}: origin {entry['origin']!r} is not one of "
                                   f"{', '.join(ORIGINS)}.")
        reference = entry.get("reference", "")
        if entry["origin"] != "unknown" and not reference:
            raise CuratedDataError(f"{where}: origin {entry['origin']!r} needs a `reference` "
                                   f"(a key of data/curated/{REFERENCES_FILE}); else use unknown.")
        if reference and reference not in references:
            raise CuratedDataError(f"{where}: reference {reference!r} is not an entry of "
                                   f"data/curated/{REFERENCES_FILE}.")
        spans = tuple((m.start(), m.end()) for m in re.finditer(re.escape(term), text))
        if not spans:
            raise CuratedDataError(f"{where}: the term does not occur in the text; remove the "
                                   "entry or correct the term.")
        numbered = entry.get("numbered", True)
        if numbered != bool(find_numerals(term)):
            raise CuratedDataError(f"{where}: numbered is {numbered} but the term "
                                   f"{'has no' if numbered else 'has a'} numeral.")
        numbers = tuple(sorted({paragraph_at(paragraphs, s) for s, _ in spans}))
        explanation = " ".join(entry["explanation_en"].split())
        result.append(Formulation(term, spans, numbers, numbered, entry["gloss_en"],
                                  entry["origin"], reference, explanation))
    return result


