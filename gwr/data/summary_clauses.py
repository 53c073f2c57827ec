"""Split the article's summary of part 3 (¶7) into clauses, gloss each from
data/curated/summary_clauses.yml, and find which recur word for word in part 3 (¶107-¶110)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gwr.curated import check_fields, load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.text.paragraphs import Paragraph

CURATED_FILE = "summary_clauses.yml"
# A clause runs between the commas and full stops of a paragraph; 、 does not end one.
_CLAUSE = re.compile(r"[^，。]+")
_SENTENCE_END = re.compile(r"[。！？]")
_KEY = re.compile(r"(\d+): (.+)")


@dataclass(frozen=True)
class Clause:
    """One clause of a paragraph, with its [start, end) offsets in the whole text."""

    paragraph: int
    start: int
    end: int
    quote: str
    sentence: int  # 1-based sentence of the paragraph holding the clause
    gloss_en: str = ""


def clauses(paragraph: Paragraph) -> list[Clause]:
    """The clauses of a paragraph (runs of text between ， and 。), in order.

    Examples:
        >>> from gwr.text.paragraphs import Paragraph
        >>> [(c.start, c.quote, c.sentence) for c in clauses(Paragraph(1, 10, 16, "甲乙，丙。丁"))]
        [(10, '甲乙', 1), (13, '丙', 1), (15, '丁', 2)]
    """
    text = paragraph.text
    return [Clause(paragraph.number, paragraph.start + m.start(), paragraph.start + m.end(),
                   m.group(), len(_SENTENCE_END.findall(text, 0, m.start())) + 1)
            for m in _CLAUSE.finditer(text)]


def verbatim_in(clause: str, targets: dict[int, str]) -> list[int]:
    """The numbers of the target paragraphs that hold ``clause`` word for word.

    Examples:
        >>> verbatim_in("丙丁", {108: "丙丁。", 109: "甲"}), verbatim_in("甲乙", {108: "丙丁。"})
        ([108], [])
    """
    return sorted(p for p, t in targets.items() if clause in t)


def load_summary_clauses(paragraphs: list[Paragraph], *,
                         curated: dict | None = None) -> list[Clause]:
    """Every clause of each paragraph the curated file glosses, in text order, with its gloss;
    CuratedDataError naming the entry if a key is malformed or stale, or a clause of the
    paragraph has no entry."""
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    by_number = {p.number: p for p in paragraphs}
    glosses: dict[tuple[int, str], str] = {}
    for key, entry in entries.items():
        where = f"data/curated/{CURATED_FILE}, entry {key!r}"
        match = _KEY.fullmatch(str(key))
        if not match or int(match.group(1)) not in by_number:
            raise CuratedDataError(f"{where}: the key must be '<paragraph>: <clause>' with a "
                                   "paragraph of the text.")
        check_fields(CURATED_FILE, str(key), entry, {"gloss_en": str}, {"note": str})
        glosses[(int(match.group(1)), match.group(2))] = " ".join(entry["gloss_en"].split())
    result = []
    for number in sorted({n for n, _ in glosses}):
        found = clauses(by_number[number])
        stale = sorted(c for n, c in glosses if n == number and c not in
                       {f.quote for f in found})
        if stale:
            raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry '{number}: {stale[0]}': "
                                   f"not a clause of ¶{number} (clauses run between ， and 。); "
                                   "correct it to the text.")
        missing = [c.quote for c in found if (number, c.quote) not in glosses]
        if missing:
            raise CuratedDataError(f"data/curated/{CURATED_FILE}: clauses of ¶{number} without "
                                   f"an entry: {', '.join(missing)}. Add each with a gloss_en.")
        result += [Clause(c.paragraph, c.start, c.end, c.quote, c.sentence,
                          glosses[(number, c.quote)]) for c in found]
    return result
