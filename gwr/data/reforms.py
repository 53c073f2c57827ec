"""Load the reforms of data/curated/reforms.yml (¶41, ¶108-¶110), check them against the text and
the commitments, and apply the checkability rule: what the text gives an outsider to check."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from gwr.curated import check_choice, check_fields, load_yaml_mapping, split_mappings
from gwr.errors import CuratedDataError
from gwr.text.paragraphs import Paragraph

CURATED_FILE = "reforms.yml"
KINDS = ("2019 claim", "2020 commitment")
# The checkability rule, applied to what the article says and nothing else:
#   measurable  the clause states a figure or a deadline (from commitments.csv / indicators.csv),
#               so an outsider could check how much and by when;
#   observable  no figure and no deadline, but the clause names one specific thing that either
#               exists or happens or does not (a platform, a campaign, a rank), so an outsider
#               could check whether, not how much or by when;
#   direction   neither: the clause names an effort, a direction or an attitude.
CHECKABILITY = ("measurable", "observable", "direction")
#: The section whose every commitment is a reform or excluded with a reason.
PART3 = "service-government"
#: What a 2019 claim's strength column says: a result reported as done, not a promise.
REPORTED = "reported as done"
_FIELDS = {"name_zh": str, "name_en": str, "paragraph": int, "quote": str, "gloss_en": str,
           "kind": str, "observable": bool, "why": str}
_OPTIONAL = {"commitment_id": str, "note": str}
_QUOTES = re.compile(r"[“”]")


@dataclass(frozen=True)
class Reform:
    """One reform the article names, with the clause that states it and the one judgment made.

    ``observable`` is the only decision taken by hand: whether the clause names one specific
    thing that either exists or happens or does not; ``why`` gives the reason.
    """

    reform_id: str
    name_zh: str
    name_en: str
    paragraph: int
    start: int
    end: int
    quote: str
    gloss_en: str
    kind: str  # "2019 claim" or "2020 commitment"
    observable: bool
    why: str
    commitment_id: str = ""


def checkability(has_figure: bool, has_deadline: bool, observable: bool) -> str:
    """Classify a clause by the rule: measurable, observable or direction.

    Examples:
        >>> checkability(False, True, False), checkability(False, False, True)
        ('measurable', 'observable')
        >>> checkability(False, False, False)
        'direction'
    """
    if has_figure or has_deadline:
        return "measurable"
    return "observable" if observable else "direction"


def load_reforms(paragraphs: list[Paragraph], commitments: pd.DataFrame, *,
                 curated: dict | None = None) -> list[Reform]:
    """Every curated reform, in file order, with its span; CuratedDataError naming the entry if
    it is malformed, its quote or name is not in its paragraph, its commitment is unknown or
    does not hold the quote, or a commitment of part 3 is neither a reform nor excluded."""
    data = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    entries, excluded = split_mappings(CURATED_FILE, data, ("reforms", "excluded"))
    by_number = {p.number: p for p in paragraphs}
    by_id = commitments.set_index("commitment_id")
    result = []
    for reform_id, entry in entries.items():
        reform_id = str(reform_id)
        where = f"data/curated/{CURATED_FILE}, entry {reform_id!r}"
        if not isinstance(entry, dict):
            raise CuratedDataError(f"{where}: must be a mapping of fields.")
        check_fields(CURATED_FILE, reform_id, entry, _FIELDS, _OPTIONAL)
        check_choice(where, "kind", entry["kind"], KINDS)
        para = by_number.get(entry["paragraph"])
        if para is None:
            raise CuratedDataError(f"{where}: there is no paragraph {entry['paragraph']}.")
        at = para.text.find(entry["quote"])
        if at < 0:
            raise CuratedDataError(f"{where}: quote not found in ¶{para.number}; correct it to "
                                   "the text.")
        if entry["name_zh"] not in _QUOTES.sub("", para.text):
            raise CuratedDataError(f"{where}: name_zh {entry['name_zh']!r} does not occur in "
                                   f"¶{para.number}.")
        start = para.start + at
        end = start + len(entry["quote"])
        commitment_id = entry.get("commitment_id", "")
        if (entry["kind"] == "2020 commitment") != bool(commitment_id):
            raise CuratedDataError(f"{where}: a 2020 commitment needs a commitment_id, and a "
                                   "2019 claim has none.")
        if commitment_id:
            if commitment_id not in by_id.index:
                raise CuratedDataError(f"{where}: unknown commitment {commitment_id!r} (not in "
                                       "commitments.csv).")
            c = by_id.loc[commitment_id]
            if not (int(c["start"]) <= start and end <= int(c["end"])):
                raise CuratedDataError(f"{where}: the quote is not inside commitment "
                                       f"{commitment_id!r} (¶{int(c['paragraph'])}).")
        result.append(Reform(reform_id, entry["name_zh"], entry["name_en"], para.number, start,
                             end, entry["quote"], " ".join(entry["gloss_en"].split()),
                             entry["kind"], entry["observable"], " ".join(entry["why"].split()),
                             commitment_id))
    _check_part3(commitments, result, excluded)
    return result


def reform_table(reforms: list[Reform], commitments: pd.DataFrame,
                 indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per reform: span and quote, verb and strength, figure, deadline, the judgment
    and the checkability.

    Figure and deadline come from the data: for a 2020 commitment from its row in
    commitments.csv, for a 2019 claim from any row of indicators.csv inside the quote.
    """
    by_id = commitments.set_index("commitment_id")
    rows = []
    for r in reforms:
        if r.commitment_id:
            c = by_id.loc[r.commitment_id]
            verb, strength = str(c["verb_zh"]), str(c["strength"])
            figure = bool(c["quantified"])
            deadline = bool(pd.notna(c["deadline"]) and str(c["deadline"]) != "")
        else:
            inside = indicators[(indicators["start"] >= r.start) & (indicators["end"] <= r.end)]
            verb, strength = "", REPORTED
            figure, deadline = len(inside) > 0, False
        rows.append({
            "reform_id": r.reform_id, "paragraph": r.paragraph, "start": r.start,
            "end": r.end, "quote": r.quote, "name_zh": r.name_zh, "name_en": r.name_en,
            "gloss_en": r.gloss_en, "kind": r.kind, "commitment_id": r.commitment_id,
            "verb_zh": verb, "strength": strength, "figure": figure, "deadline": deadline,
            "observable": r.observable, "why": r.why,
            "checkability": checkability(figure, deadline, r.observable),
        })
    return pd.DataFrame(rows)


def _check_part3(commitments: pd.DataFrame, reforms: list[Reform], excluded: dict) -> None:
    """Every commitment of part 3 is a reform or excluded with a reason, never both."""
    part3 = set(commitments.loc[commitments["section_id"] == PART3, "commitment_id"])
    used = {r.commitment_id for r in reforms if r.commitment_id}
    for commitment_id, entry in excluded.items():
        where = f"data/curated/{CURATED_FILE}, excluded entry {commitment_id!r}"
        if not isinstance(entry, dict):
            raise CuratedDataError(f"{where}: must be a mapping with a reason.")
        check_fields(CURATED_FILE, f"excluded {commitment_id}", entry, {"reason": str})
        if commitment_id not in part3:
            raise CuratedDataError(f"{where}: not a commitment of part 3 in commitments.csv; "
                                   "remove or correct the entry.")
        if commitment_id in used:
            raise CuratedDataError(f"{where}: the commitment is also a reform; keep one.")
    undecided = sorted(part3 - used - set(excluded))
    if undecided:
        raise CuratedDataError(f"data/curated/{CURATED_FILE}: commitments of part 3 neither a "
                               f"reform nor excluded: {', '.join(undecided)}. Add each under "
                               "`reforms` or under `excluded` with a reason.")
