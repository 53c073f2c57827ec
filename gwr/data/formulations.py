"""Load the formulations (提法) of data/curated/formulations.yml, find them in the text, and check
the edition's criterion for the set: every phrase the article puts in quotation marks is either a
formulation or excluded with a reason, and every numbered formulation says what its numeral does."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from gwr import paths
from gwr.curated import check_choice, check_fields, load_yaml_mapping, split_mappings
from gwr.errors import CuratedDataError
from gwr.text.numerals import find_numerals, parse_number
from gwr.text.paragraphs import Paragraph, paragraph_at
from gwr.text.quotations import quoted_phrases

CURATED_FILE = "formulations.yml"
REFERENCES_FILE = "formulation_references.bib"
ORIGINS = ("national", "provincial", "municipal", "unknown")
#: What the numeral of a numbered formulation does (data/curated/formulations.yml, header):
#: list, it counts the items of a list the label packs (三大攻坚战: three battles); quantity,
#: it is a quantity in a phrase that packs no list (零就业家庭); code, the term is written in
#: figures only and the figures are used as a label, a code, whatever they may count (12345, a
#: telephone number; 2+26, a group of cities). The form decides code: a term of figures only
#: is always a code, and a code is always figures only.
NUMERAL_ROLES = ("list", "quantity", "code")
#: Why a quoted phrase is not a formulation (data/curated/formulations.yml, header).
EXCLUSION_CATEGORIES = ("name", "vocabulary", "plain", "contrast")
#: The groups of the terms that chapter 4 places in the text (data/curated/formulations.yml,
#: header): in the passages on the government (¶7, ¶41, ¶108-¶110), a formulation of political
#: loyalty to the Party, or a reform, programme, method or rule of the government's own work.
GROUPS = ("political formulation", "reform or programme")
_FIELDS = {"gloss_en": str, "origin": str, "explanation_en": str}
_OPTIONAL = {"reference": str, "numbered": bool, "note": str, "numeral_role": str,
             "numeral_reason": str, "group": str, "group_reason": str}
_EXCLUDED_FIELDS = {"category": str, "reason": str}
# The article's quotation marks are the curly pair “…” (no straight quotes occur in it).
_FIGURES = re.compile(r"[0-9+]+")


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
    numeral_role: str = ""
    numeral_reason: str = ""
    group: str = ""
    group_reason: str = ""


@dataclass(frozen=True)
class Exclusion:
    """A quoted phrase that the criterion leaves out of the set, and why."""

    term: str
    paragraphs: tuple[int, ...]
    category: str
    reason: str


def bib_keys(path: Path | None = None) -> set[str]:
    """The entry keys of a BibTeX file.

    Examples:
        >>> "xi2017report" in bib_keys()
        True
    """
    text = (path or paths.curated_file(REFERENCES_FILE)).read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\{([^,\s]+),", text, flags=re.MULTILINE))


def check_numeral_role(term: str, role: str) -> str:
    """An empty string if ``role`` fits the form of ``term``, else what is wrong.

    The form decides code: a term written in figures only (2+26, 4+2, 12345) is a code, figures
    used as a label, whatever they may count, and a code is written in figures only. Of the
    other terms, a list needs a first numeral of two or more (a list of one or none is no list);
    a quantity sits in a phrase.

    Examples:
        >>> check_numeral_role("三农", "list"), check_numeral_role("12345", "code")
        ('', '')
        >>> check_numeral_role("零就业家庭", "list")
        'a list needs a first numeral of 2 or more, and 零 is 0'
        >>> check_numeral_role("四好公路", "code")
        'a code is written in figures only'
        >>> check_numeral_role("2+26", "list")
        'a term of figures only is a code, not a list: its figures are used as a label'
    """
    numerals = find_numerals(term)
    if role not in NUMERAL_ROLES:
        return f"numeral_role {role!r} is not one of {', '.join(NUMERAL_ROLES)}"
    figures_only = bool(_FIGURES.fullmatch(term))
    if role == "list" and figures_only:
        return "a term of figures only is a code, not a list: its figures are used as a label"
    if role == "list" and parse_number(numerals[0].quote) < 2:
        return (f"a list needs a first numeral of 2 or more, and {numerals[0].quote} is "
                f"{parse_number(numerals[0].quote)}")
    if role == "code" and not figures_only:
        return "a code is written in figures only"
    if role == "quantity" and figures_only:
        return "a term of figures only is a code or a list, not a quantity in a phrase"
    return ""


def load_formulations(text: str, paragraphs: list[Paragraph], *, curated: dict | None = None,
                      references: set[str] | None = None) -> list[Formulation]:
    """Every curated term with its occurrences; CuratedDataError for a stale or bad entry, or
    if the set breaks its criterion (see check_criterion)."""
    data = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    entries, _ = split_mappings(CURATED_FILE, data, ("formulations", "excluded"))
    references = references if references is not None else bib_keys()
    result = []
    for term, entry in entries.items():
        term = str(term)
        where = f"data/curated/{CURATED_FILE}, entry {term!r}"
        check_fields(CURATED_FILE, term, entry, _FIELDS, _OPTIONAL)
        check_choice(where, "origin", entry["origin"], ORIGINS)
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
        role, role_reason = entry.get("numeral_role", ""), entry.get("numeral_reason", "")
        if numbered and not (role and role_reason):
            raise CuratedDataError(f"{where}: a numbered term needs numeral_role (one of "
                                   f"{', '.join(NUMERAL_ROLES)}) and numeral_reason.")
        if not numbered and (role or role_reason):
            raise CuratedDataError(f"{where}: numeral_role and numeral_reason are for numbered "
                                   "terms only.")
        if numbered and (problem := check_numeral_role(term, role)):
            raise CuratedDataError(f"{where}: numeral_role {role!r}: {problem}.")
        numbers = tuple(sorted({paragraph_at(paragraphs, s) for s, _ in spans}))
        group, group_reason = _check_group(where, entry, numbers)
        explanation = " ".join(entry["explanation_en"].split())
        result.append(Formulation(term, spans, numbers, numbered, entry["gloss_en"],
                                  entry["origin"], reference, explanation, role,
                                  " ".join(role_reason.split()), group, group_reason))
    check_criterion(text, result, load_exclusions(text, paragraphs, curated=data))
    return result


def _check_group(where: str, entry: dict, numbers: tuple[int, ...]) -> tuple[str, str]:
    """The entry's group and its reason (both or neither); the reason must cite a paragraph
    where the term occurs, as ¶n.

    Examples:
        >>> _check_group("x", {"group": "reform or programme", "group_reason": "See ¶108."}, (108,))
        ('reform or programme', 'See ¶108.')
        >>> _check_group("x", {}, (108,))
        ('', '')
    """
    group, reason = entry.get("group", ""), " ".join(entry.get("group_reason", "").split())
    if bool(group) != bool(reason):
        raise CuratedDataError(f"{where}: group and group_reason go together; give both or "
                               "neither.")
    if group:  # optional
        check_choice(where, "group", group, GROUPS)
    cited = {int(n) for n in re.findall(r"¶(\d+)", reason)}
    if group and not cited & set(numbers):
        raise CuratedDataError(f"{where}: group_reason must cite a paragraph where the term "
                               f"occurs ({', '.join(f'¶{n}' for n in numbers)}).")
    return group, reason


def load_exclusions(text: str, paragraphs: list[Paragraph], *,
                    curated: dict | None = None) -> list[Exclusion]:
    """The quoted phrases listed as not formulations, each checked to occur, with its reason."""
    data = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    entries, excluded = split_mappings(CURATED_FILE, data, ("formulations", "excluded"))
    result = []
    for term, entry in excluded.items():
        term = str(term)
        where = f"data/curated/{CURATED_FILE}, excluded entry {term!r}"
        if not isinstance(entry, dict):
            raise CuratedDataError(f"{where}: must be a mapping with category and reason.")
        check_fields(CURATED_FILE, f"excluded {term}", entry, _EXCLUDED_FIELDS)
        check_choice(where, "category", entry["category"], EXCLUSION_CATEGORIES)
        if term in entries:
            raise CuratedDataError(f"{where}: the term is also a formulation; keep one.")
        starts = [m.start() for m in re.finditer(re.escape(term), text)]
        if not starts:
            raise CuratedDataError(f"{where}: the term does not occur in the text; remove the "
                                   "entry or correct the term.")
        numbers = tuple(sorted({paragraph_at(paragraphs, s) for s in starts}))
        result.append(Exclusion(term, numbers, entry["category"],
                                " ".join(entry["reason"].split())))
    return result


def check_criterion(text: str, formulations: list[Formulation],
                    exclusions: list[Exclusion]) -> None:
    """Raise CuratedDataError unless the set keeps its criterion: every quoted phrase of the text
    is a formulation or an exclusion, and every formulation is quoted somewhere in the text or
    carries a numeral (the two kinds of candidate), and every exclusion is quoted."""
    decided = {f.term for f in formulations} | {e.term for e in exclusions}
    undecided = sorted({phrase for _, phrase in quoted_phrases(text)} - decided)
    if undecided:
        raise CuratedDataError(
            f"data/curated/{CURATED_FILE}: quoted phrases neither in the set nor excluded: "
            f"{', '.join(undecided)}. Add each under `formulations` or under `excluded` with a "
            "category and a reason.")
    quoted = {phrase for _, phrase in quoted_phrases(text)}
    for e in exclusions:
        if e.term not in quoted:
            raise CuratedDataError(
                f"data/curated/{CURATED_FILE}, excluded entry {e.term!r}: never quoted in the "
                "text, so not a candidate; remove the entry.")
    for f in formulations:
        if not f.numbered and f.term not in quoted:
            raise CuratedDataError(
                f"data/curated/{CURATED_FILE}, entry {f.term!r}: neither quoted in the text nor "
                "numbered, so not a candidate under the criterion.")
