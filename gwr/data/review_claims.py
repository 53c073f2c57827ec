"""Load the claims of distinction of data/curated/review_claims.yml, each located in the text."""

from __future__ import annotations

import re

import pandas as pd

from gwr.curated import check_choice, check_fields, load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.text.anchors import locate
from gwr.text.paragraphs import split_paragraphs
from gwr.text.sections import load_sections, section_of
from gwr.text.source import load_source

CURATED_FILE = "review_claims.yml"
CLAIM_TYPES = ("award", "ranking", "first", "designation", "other")
CLAIM_COLUMNS = ["claim_id", "paragraph", "start", "end", "quote", "type", "gloss_en",
                 "section_id", "note"]
_FIELDS = {"id": str, "type": str, "gloss_en": str}
_OPTIONAL = {"note": str}
_SLUG = re.compile(r"[a-z0-9-]+")


def load_review_claims(*, curated: dict | None = None, text: str | None = None) -> pd.DataFrame:
    """The claims of distinction of data/curated/review_claims.yml, each located in the text.

    Every key must be "<paragraph>: <quote>" with the quote standing once in that paragraph,
    and the paragraph must belong to one of the nine review areas; otherwise CuratedDataError
    names the file and the entry. Rows come in text order.

    Examples:
        >>> claims = load_review_claims()
        >>> claims.loc[claims["type"] == "ranking", "paragraph"].tolist()
        [12, 19, 41]
        >>> load_review_claims(curated={"12: 位列全球第一": {
        ...     "id": "x", "type": "ranking", "gloss_en": "first in the world"}})
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        gwr.errors.CuratedDataError: data/curated/review_claims.yml, entry '12: 位列全球第一': ...
    """
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    paragraphs = split_paragraphs(text if text is not None else load_source())
    by_number = {p.number: p for p in paragraphs}
    sections = load_sections(paragraphs)
    kinds = {s.section_id: s.kind for s in sections}
    owner = section_of(sections)
    rows, seen = [], set()
    for key, entry in entries.items():
        where = f"data/curated/{CURATED_FILE}, entry {key!r}"
        check_fields(CURATED_FILE, str(key), entry, _FIELDS, _OPTIONAL)
        paragraph, quote, found = locate(CURATED_FILE, key, by_number, unique=True)
        section_id = owner[paragraph.number]
        if kinds[section_id] != "review_area":
            raise CuratedDataError(f"{where}: ¶{paragraph.number} is not in one of the nine "
                                   "areas of the 2019 review (¶11–¶41); remove the entry.")
        check_choice(where, "type", entry["type"], CLAIM_TYPES)
        if not _SLUG.fullmatch(entry["id"]):
            raise CuratedDataError(f"{where}: id {entry['id']!r} must be a lower-case slug "
                                   "(letters, digits, hyphens).")
        claim_id = f"{section_id}.{entry['id']}"
        if claim_id in seen:
            raise CuratedDataError(f"{where}: id {entry['id']!r} is used twice in {section_id}.")
        seen.add(claim_id)
        rows.append({"claim_id": claim_id, "paragraph": paragraph.number, "start": found[0],
                     "end": found[0] + len(quote), "quote": quote, "type": entry["type"],
                     "gloss_en": " ".join(entry["gloss_en"].split()),
                     "section_id": section_id, "note": entry.get("note", "")})
    frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    return frame.sort_values("start", kind="stable").reset_index(drop=True)
