"""Load the commitments of data/curated/commitments.yml: span, verb, strength and deadline."""

from __future__ import annotations

from dataclasses import dataclass, replace

from gwr.curated import check_fields, load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.text.anchors import occurrences, require_in_paragraph
from gwr.text.deadlines import governing_deadline, parse_deadline, year_framings
from gwr.text.paragraphs import Paragraph

CURATED_FILE = "commitments.yml"
LEXICON_FILE = "commitment_strength.yml"
RULES_FILE = "deadline_rules.yml"
STRENGTHS = ("binding", "aspirational", "process")
_FIELDS = {"paragraph": int, "text": str, "verb_zh": str}
_OPTIONAL = {"strength": str, "strength_note": str, "note": str}
_LEXICON_FIELDS = {"strength": str, "gloss_en": str}


@dataclass(frozen=True)
class Commitment:
    """One promise: where it stands, its governing verb, how strongly it binds, and by when."""

    commitment_id: str
    section_id: str
    paragraph: int
    start: int
    end: int
    text: str
    verb_zh: str
    verb_en: str
    strength: str
    strength_basis: str
    deadline: str
    deadline_zh: str
    note: str


def load_lexicon(curated: dict | None = None) -> dict[str, dict]:
    """Verb or marker -> {strength, gloss_en, marker}, checked."""
    entries = curated if curated is not None else load_yaml_mapping(LEXICON_FILE)
    for key, entry in entries.items():
        check_fields(LEXICON_FILE, str(key), entry, _LEXICON_FIELDS, {"marker": bool})
        if entry["strength"] not in STRENGTHS:
            raise CuratedDataError(f"data/curated/{LEXICON_FILE}, entry {key!r}: strength "
                                   f"{entry['strength']!r} is not one of {', '.join(STRENGTHS)}.")
    return entries


def strength_of(text: str, verb: str, lexicon: dict[str, dict]) -> tuple[str, str]:
    """Strength of a commitment and what decided it: a marker in the text, else its verb.

    Examples:
        >>> lexicon = {"力争": {"strength": "aspirational", "marker": True},
        ...            "完成": {"strength": "binding"}, "推进": {"strength": "process"}}
        >>> strength_of("农村地区力争达到85%以上", "力争", lexicon)
        ('aspirational', 'marker 力争')
        >>> strength_of("完成2100间中小学校教室照明系统改造", "完成", lexicon)
        ('binding', 'verb 完成')
    """
    for word, entry in lexicon.items():
        if entry.get("marker") and word in text:
            return entry["strength"], f"marker {word}"
    if verb not in lexicon:
        raise KeyError(verb)
    return lexicon[verb]["strength"], f"verb {verb}"


def check_year_framings(paragraphs: list[Paragraph], curated: dict | None = None) -> list[dict]:
    """The year-framing openers of the text, checked: the rule must find exactly the listed ones.

    Returns the curated openers (paragraph, text). A changed source or rule that finds an opener
    the list lacks, or misses one it has, raises CuratedDataError naming both.
    """
    rules = curated if curated is not None else load_yaml_mapping(RULES_FILE)
    where = f"data/curated/{RULES_FILE}, entry 'year-framing'"
    entry = rules.get("year-framing")
    if not isinstance(entry, dict) or entry.get("reading") != "scope" or not entry.get("reason"):
        raise CuratedDataError(f"{where}: needs reading: scope, a reason and a list of openers.")
    listed = entry.get("openers")
    if not isinstance(listed, list) or not all(
            isinstance(o, dict) and set(o) == {"paragraph", "text"} for o in listed):
        raise CuratedDataError(f"{where}: openers must be a list of {{paragraph, text}}.")
    found = sorted((p.number, phrase) for p in paragraphs for _, phrase in year_framings(p.text))
    wanted = sorted((o["paragraph"], o["text"]) for o in listed)
    if found != wanted:
        missing = [f"¶{n} {t}" for n, t in found if (n, t) not in wanted]
        extra = [f"¶{n} {t}" for n, t in wanted if (n, t) not in found]
        raise CuratedDataError(
            f"{where}: the rule finds openers the list lacks ({', '.join(missing) or 'none'}) "
            f"or the list has openers the text lacks ({', '.join(extra) or 'none'}). Review the "
            "source and the list together.")
    return listed


def load_commitments(paragraphs: list[Paragraph], section_of: dict[int, str], *,
                     curated: dict | None = None,
                     lexicon: dict[str, dict] | None = None) -> list[Commitment]:
    """Every curated commitment, checked against the text; CuratedDataError if stale."""
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    lexicon = lexicon if lexicon is not None else load_lexicon()
    check_year_framings(paragraphs)
    by_number = {p.number: p for p in paragraphs}
    result = []
    for key, entry in entries.items():
        key = str(key)
        where = f"data/curated/{CURATED_FILE}, entry {key!r}"
        if "deadline_zh" in entry:
            raise CuratedDataError(
                f"{where}: deadline_zh is not curated: a clause's deadline follows the scope rule "
                f"of data/curated/{RULES_FILE}. Remove the field.")
        check_fields(CURATED_FILE, key, entry, _FIELDS, _OPTIONAL)
        paragraph = by_number.get(entry["paragraph"])
        if paragraph is None:
            raise CuratedDataError(f"{where}: there is no paragraph {entry['paragraph']}.")
        section = section_of[paragraph.number]
        if not key.startswith(section + "."):
            raise CuratedDataError(f"{where}: ¶{paragraph.number} lies in section {section!r}; "
                                   f"the id must start with '{section}.'.")
        found = occurrences(paragraph, entry["text"])
        if len(found) != 1:
            raise CuratedDataError(
                f"{where}: the text occurs {len(found)} times in ¶{paragraph.number}, not once. "
                "The source or the entry has changed: review the entry.")
        require_in_paragraph(CURATED_FILE, key, "verb_zh", entry["verb_zh"], paragraph)
        try:
            strength, basis = strength_of(entry["text"], entry["verb_zh"], lexicon)
        except KeyError:
            raise CuratedDataError(f"{where}: verb_zh {entry['verb_zh']!r} is not in "
                                   f"data/curated/{LEXICON_FILE}; add it there.") from None
        if "strength" in entry:
            if entry["strength"] not in STRENGTHS or "strength_note" not in entry:
                raise CuratedDataError(f"{where}: an override needs a strength among "
                                       f"{', '.join(STRENGTHS)} and a strength_note.")
            strength, basis = entry["strength"], "override: " + entry["strength_note"]
        verb_en = lexicon.get(entry["verb_zh"], {}).get("gloss_en", "")
        result.append(Commitment(
            commitment_id=key, section_id=section, paragraph=paragraph.number, start=found[0],
            end=found[0] + len(entry["text"]), text=entry["text"], verb_zh=entry["verb_zh"],
            verb_en=verb_en, strength=strength, strength_basis=basis, deadline="",
            deadline_zh="", note=entry.get("note", "")))
    return sorted(_with_deadlines(result, by_number), key=lambda c: c.start)


def _with_deadlines(commitments: list[Commitment],
                    by_number: dict[int, Paragraph]) -> list[Commitment]:
    """Each commitment with the deadline that governs it by the scope rule (gwr.text.deadlines).

    A continuing effort (strength process) ends the reach of a deadline that heads a list: it
    is a barrier, so the rule never carries a date to an open-ended effort.
    """
    dated = []
    for c in commitments:
        paragraph = by_number[c.paragraph]
        barriers = [o.start - paragraph.start for o in commitments
                    if o.paragraph == c.paragraph and o.strength == "process"]
        offset = c.start - paragraph.start
        phrase = governing_deadline(paragraph.text, offset, offset + len(c.text), barriers)
        dated.append(replace(c, deadline_zh=phrase,
                             deadline=parse_deadline(phrase).isoformat() if phrase else ""))
    return dated
