"""Load the English glosses of the words chapter 6 shows (data/curated/word_glosses.yml), each
checked to occur in the text, and the edition's choice of key terms for its keywords in context."""

from __future__ import annotations

from dataclasses import dataclass

from gwr.curated import check_fields, load_yaml_mapping
from gwr.errors import CuratedDataError

CURATED_FILE = "word_glosses.yml"


@dataclass(frozen=True)
class WordGloss:
    """A word and its English sense in this text."""

    word: str
    gloss_en: str
    note: str = ""
    kwic: bool = False
    kwic_reason: str = ""


def load_word_glosses(text: str, *, curated: dict | None = None) -> list[WordGloss]:
    """Every entry, in file order; CuratedDataError naming the entry if it is malformed, its
    word does not occur in ``text``, or a key term (kwic) lacks its reason.

    Examples:
        >>> from gwr.text.source import load_source
        >>> glosses = {g.word: g.gloss_en for g in load_word_glosses(load_source())}
        >>> glosses["年内"]
        'within the year'
        >>> [g.word for g in load_word_glosses(load_source()) if g.kwic]
        ['高质量', '营商环境', '民生']
    """
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    result = []
    for word, entry in entries.items():
        if not isinstance(word, str):
            raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry {word!r}: the key must "
                                   "be the word as text; quote it.")
        check_fields(CURATED_FILE, word, entry, {"gloss_en": str},
                     {"note": str, "kwic": bool, "kwic_reason": str})
        if word not in text:
            raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry {word!r}: the word does "
                                   "not occur in the text; remove the entry or correct the word.")
        if not entry["gloss_en"].strip():
            raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry {word!r}: gloss_en is "
                                   "empty.")
        kwic, reason = entry.get("kwic", False), " ".join(entry.get("kwic_reason", "").split())
        if kwic != bool(reason):
            raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry {word!r}: a key term "
                                   "(kwic: true) needs a kwic_reason, and only a key term has "
                                   "one.")
        result.append(WordGloss(word, " ".join(entry["gloss_en"].split()),
                                " ".join(entry.get("note", "").split()), kwic, reason))
    return result
