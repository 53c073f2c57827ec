"""The glossary's entries: formulations and key terms, with pinyin, glosses and paragraphs.

The key terms come from data/curated/glossary.yml, checked against the text; the formulations
from the formulations table. gwr.data.steps.glossary writes both to data/processed/glossary.csv,
which the book's Glossary page renders.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from pypinyin import Style, lazy_pinyin

from gwr.curated import check_fields, load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.text.paragraphs import Paragraph

CURATED_FILE = "glossary.yml"


@dataclass(frozen=True)
class Entry:
    """One glossary entry."""

    term: str
    pinyin: str
    gloss_en: str
    explanation_en: str
    paragraphs: tuple[int, ...]
    kind: str  # "formulation" or "key term"
    origin: str = ""  # formulations: national, provincial, municipal or unknown; key terms: ""
    reference: str = ""
    pinyin_by: str = "pypinyin"  # "pypinyin", or "curated" where glossary.yml gives it by hand


def pinyin_of(term: str) -> str:
    """Tone-marked pinyin of the Chinese characters in ``term``; other characters are dropped.

    Examples:
        >>> pinyin_of("三农")
        'sān nóng'
        >>> pinyin_of("12345")
        ''
    """
    syllables = lazy_pinyin(term, style=Style.TONE, errors="ignore")
    return " ".join(s for s in syllables if s.strip())


def occurrences(term: str, paragraphs: list[Paragraph]) -> tuple[int, ...]:
    """Numbers of the paragraphs whose text contains ``term``."""
    return tuple(p.number for p in paragraphs if term in p.text)


def key_terms(paragraphs: list[Paragraph], *, curated: dict | None = None) -> list[Entry]:
    """Entries of data/curated/glossary.yml, each checked to occur in the text."""
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    result = []
    for term, entry in entries.items():
        check_fields(CURATED_FILE, term, entry, {"gloss_en": str, "explanation_en": str},
                     {"pinyin": str})
        found = occurrences(term, paragraphs)
        if not found:
            raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry {term!r}: the term no "
                                   "longer occurs in the source text; review or remove it.")
        by_hand = bool(entry.get("pinyin"))
        result.append(Entry(term, entry["pinyin"] if by_hand else pinyin_of(term),
                            entry["gloss_en"], entry["explanation_en"], found, "key term",
                            pinyin_by="curated" if by_hand else "pypinyin"))
    return result


def formulation_terms(formulations: pd.DataFrame) -> list[Entry]:
    """Entries for the rows of the formulations table (as its step builds it, or as loaded)."""
    return [Entry(row.term, pinyin_of(row.term), row.gloss_en, row.explanation_en,
                  tuple(int(n) for n in str(row.paragraphs).split(";")), "formulation",
                  row.origin, row.reference if isinstance(row.reference, str) else "")
            for row in formulations.itertuples()]


def all_entries(paragraphs: list[Paragraph], formulations: pd.DataFrame) -> list[Entry]:
    """Every glossary entry, sorted by pinyin then term, with no term twice."""
    entries = formulation_terms(formulations) + key_terms(paragraphs)
    seen: dict[str, Entry] = {}
    for entry in entries:
        if entry.term in seen:
            raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry {entry.term!r}: already "
                                   "a formulation (data/curated/formulations.yml); keep one.")
        seen[entry.term] = entry
    return sorted(seen.values(), key=sort_key)


def sort_key(entry: Entry) -> tuple[str, str]:
    """Alphabetical by toneless pinyin; terms without Chinese characters (numbers) last.

    Examples:
        >>> sort_key(Entry("二青会", "èr qīng huì", "", "", (51,), "key term"))
        ('erqinghui', '二青会')
    """
    plain = "".join(lazy_pinyin(entry.term, style=Style.NORMAL, errors="ignore"))
    return (plain or "~", entry.term)
