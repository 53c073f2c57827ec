"""Load the English glosses of the words chapter 6 shows (data/curated/word_glosses.yml), each
checked to occur in the text."""

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


def load_word_glosses(text: str, *, curated: dict | None = None) -> list[WordGloss]:
    """Every entry, in file order; CuratedDataError naming the entry if it is malformed or its
    word does not occur in ``text``.

    Examples:
        >>> from gwr.text.source import load_source
        >>> glosses = {g.word: g.gloss_en for g in load_word_glosses(load_source())}
        >>> glosses["年内"]
        'within the year'
    """
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    result = []
    for word, entry in entries.items():
        if not isinstance(word, str):
            raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry {word!r}: the key must "
                                   "be the word as text; quote it.")
        check_fields(CURATED_FILE, word, entry, {"gloss_en": str}, {"note": str})
        if word not in text:
            raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry {word!r}: the word does "
                                   "not occur in the text; remove the entry or correct the word.")
        if not entry["gloss_en"].strip():
            raise CuratedDataError(f"data/curated/{CURATED_FILE}, entry {word!r}: gloss_en is "
                                   "empty.")
        result.append(WordGloss(word, " ".join(entry["gloss_en"].split()),
                                " ".join(entry.get("note", "").split())))
    return result
