"""Find every number the text mentions and give each a class (quantity, date, year, ordinal …)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from gwr.curated import check_fields, load_yaml_mapping
from gwr.data.formulations import Formulation
from gwr.data.indicators import Indicator
from gwr.errors import CuratedDataError
from gwr.text.anchors import locate
from gwr.text.numerals import Numeral, find_numerals, parse_number
from gwr.text.paragraphs import Paragraph, paragraph_at

CURATED_FILE = "mentions.yml"
WORDS_FILE = "numeral_words.yml"
CLASSES = ("quantity", "date", "year", "ordinal", "name", "formulation")
_FIELDS = {"class": str}
_OPTIONAL = {"note": str, "quote": str}
_WORD_FIELDS = {"paragraphs": list, "gloss": str, "note": str}
_YEAR = re.compile(r"[0-9０-９]{4}(?=年)")
_DATE = re.compile(r"[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?")


@dataclass(frozen=True)
class Mention:
    """One number mentioned in the text, with its class and who decided it."""

    paragraph: int
    start: int
    end: int
    quote: str
    script: str
    value: Decimal | None
    date_iso: str
    cls: str
    decided_by: str
    note: str


def ordinary_word_spans(text: str, paragraphs: list[Paragraph], *,
                        curated: dict | None = None) -> list[tuple[int, int]]:
    """Spans of the ordinary words of numeral_words.yml, each checked against the text."""
    entries = curated if curated is not None else load_yaml_mapping(WORDS_FILE)
    spans: list[tuple[int, int]] = []
    for word in sorted(entries, key=lambda w: (-len(str(w)), str(w))):
        entry = entries[word]
        word = str(word)
        where = f"data/curated/{WORDS_FILE}, entry {word!r}"
        check_fields(WORDS_FILE, word, entry, _WORD_FIELDS)
        if not find_numerals(word):
            raise CuratedDataError(f"{where}: the word holds no numeral; remove the entry.")
        found = [(m.start(), m.end()) for m in re.finditer(re.escape(word), text)
                 if not any(a <= m.start() < b for a, b in spans)]
        where_found = sorted({paragraph_at(paragraphs, s) for s, _ in found})
        if where_found != sorted(entry["paragraphs"]):
            raise CuratedDataError(
                f"{where}: paragraphs {entry['paragraphs']} do not match where the word occurs "
                f"({where_found}). The source or the entry has changed: review the entry.")
        spans += found
    return spans


def find_mentions(text: str, paragraphs: list[Paragraph], indicators: list[Indicator],
                  formulations: list[Formulation], *, curated: dict | None = None,
                  words: dict | None = None) -> list[Mention]:
    """Every mention of a number in ``text``, classified; CuratedDataError if one is left over."""
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    blocked = ordinary_word_spans(text, paragraphs, curated=words)
    numerals = [n for n in find_numerals(text) if not _inside_any(n, blocked, text)]
    decided: dict[int, tuple[str, str, str]] = {}  # start -> (class, decided_by, note)
    extra: list[Numeral] = []
    by_number = {p.number: p for p in paragraphs}
    for key, entry in entries.items():
        check_fields(CURATED_FILE, str(key), entry, _FIELDS, _OPTIONAL)
        _check_class(CURATED_FILE, key, entry["class"])
        _, context, offsets = locate(CURATED_FILE, key, by_number)
        hits = 0
        for offset in offsets:
            span = (offset, offset + len(context))
            if "quote" in entry:
                local = context.find(entry["quote"])
                if local < 0:
                    raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry {key!r}: quote "
                                           f"{entry['quote']!r} is not inside the context.")
                numeral = Numeral(offset + local, offset + local + len(entry["quote"]), "latin",
                                  entry["quote"])
                extra.append(numeral)
                inside = [numeral]
            else:
                inside = [n for n in numerals if span[0] <= n.start and n.end <= span[1]]
            for n in inside:
                if n.start in decided and decided[n.start][0] != entry["class"]:
                    raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry {key!r}: the "
                                           f"numeral {n.quote!r} already has another class.")
                decided[n.start] = (entry["class"], CURATED_FILE, entry.get("note", ""))
            hits += len(inside)
        if not hits:
            raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry {key!r}: the context "
                                   "holds no numeral; remove or correct the entry.")
    starts = {n.start: n for n in numerals}
    for ind in indicators:
        n = starts.get(ind.number_start)
        if n is None or n.end != ind.number_end:
            raise CuratedDataError(f"data/curated/indicators.yml, entry {ind.key!r}: its number "
                                   "is not a numeral the detector finds.")
        decided.setdefault(n.start, ("quantity", "indicators.yml", ind.note))
    for f in formulations:
        for a, b in f.spans:
            for n in numerals:
                if a <= n.start and n.end <= b:
                    decided.setdefault(n.start, ("formulation", "formulations.yml",
                                                 f"Part of the formulation {f.term}."))
    return _finish(text, paragraphs, numerals + extra, decided)


def _finish(text: str, paragraphs: list[Paragraph], numerals: list[Numeral],
            decided: dict[int, tuple[str, str, str]]) -> list[Mention]:
    mentions, used = [], set()
    for n in sorted(numerals, key=lambda n: n.start):
        if n.start in used:
            continue
        start, end, date_iso = n.start, n.end, ""
        if n.start in decided:
            cls, by, note = decided[n.start]
        elif _YEAR.match(text, n.start) and _YEAR.match(text, n.start).end() == n.end:
            cls, by, note = "year", "rule: four digits before 年", ""
        elif (m := _DATE.match(text, n.start)):
            cls, by, note = "date", "rule: a month (and day)", ""
            end = m.end()
            parts = [int(x) for x in re.findall(r"\d+", m.group().translate(_FULL))]
            date_iso = "2020-" + "-".join(f"{x:02d}" for x in parts)
            used |= {x.start for x in numerals if start <= x.start < end}
        elif n.script == "chinese" and text[n.start - 1:n.start] == "第":
            cls, by, note = "ordinal", "rule: 第 before the numeral", ""
        else:
            para = paragraph_at(paragraphs, n.start)
            raise CuratedDataError(
                f"¶{para}: the numeral {n.quote!r} at offset {n.start} "
                f"({text[max(0, n.start - 6):n.end + 6]!r}) has no class. Add it to "
                f"data/curated/{CURATED_FILE} (or to {WORDS_FILE} if it is no number).")
        value = None if cls == "date" else parse_number(text[start:end])
        mentions.append(Mention(paragraph_at(paragraphs, start), start, end, text[start:end],
                                n.script, value, date_iso, cls, by, note))
    return mentions


def _inside_any(n: Numeral, spans: list[tuple[int, int]], text: str) -> bool:
    for a, b in spans:
        if a <= n.start and n.end <= b:
            return True
        if a < n.end and n.start < b:
            raise CuratedDataError(f"data/curated/{WORDS_FILE}: the word {text[a:b]!r} cuts "
                                   f"through the numeral {n.quote!r}.")
    return False


def _check_class(file: str, key: object, cls: str) -> None:
    if cls not in CLASSES:
        raise CuratedDataError(f"data/curated/{file}, entry {key!r}: class {cls!r} is not one "
                               f"of {', '.join(CLASSES)}.")



_FULL = str.maketrans("０１２３４５６７８９", "0123456789")
