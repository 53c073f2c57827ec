"""Load the English translation in data/curated/translations.yml, checked against the source.

gwr.data.steps.translations publishes it as data/processed/translations.csv (one row per
paragraph), which the source edition renders; the sections step takes each heading's English
from it. The translator and the note on conventions stand in the file's header
(:func:`translator_note`); the step publishes them as the properties ``translator`` and
``translation_note`` of the translations resource in datapackage.json, from which the source
edition prints them.
"""

from __future__ import annotations

from typing import Any

import yaml

from gwr import paths
from gwr.curated import check_fields
from gwr.errors import CuratedDataError
from gwr.text.paragraphs import Paragraph

CURATED_FILE = "translations.yml"
WHERE = f"data/curated/{CURATED_FILE}"
# How many leading characters of a paragraph its entry quotes as a staleness key: enough to tell
# any two paragraphs of this source apart, short enough to type and to read in a diff.
ZH_START_CHARS = 8
_TOP_FIELDS = {"translator": str, "note": str, "paragraphs": dict}
_ENTRY_FIELDS = {"zh_start": str, "zh_chars": int, "en": str}


def load_translations(
    paragraphs: list[Paragraph], *, curated: dict[str, Any] | None = None
) -> dict[int, str]:
    """English text of every paragraph, by number, after checking each entry against the source.

    Args:
        paragraphs: The source's paragraphs, as ``split_paragraphs(load_source())`` returns them.
        curated: The parsed content of ``data/curated/translations.yml`` (top-level keys
            ``translator``, ``note`` and ``paragraphs``); read from the file when None.

    Returns:
        A mapping from paragraph number to its English translation, in paragraph order.

    Raises:
        CuratedDataError: When a paragraph has no entry, an entry names no paragraph of the
            source, an entry's ``zh_start`` or ``zh_chars`` no longer match the Chinese, ``en``
            is empty or not one paragraph, or fields are missing, unknown or of the wrong type.
            The message names the file and the paragraph.

    Examples:
        >>> from gwr.text.paragraphs import split_paragraphs
        >>> from gwr.text.source import source_text
        >>> english = load_translations(split_paragraphs(source_text()))
        >>> len(english)
        110
        >>> english[82]
        'The Southeast Bus Station (汽车客运东南站) will open for operation in August.'
    """
    document = curated if curated is not None else _read_file()
    entries = _checked_document(document)["paragraphs"]
    by_number = {p.number: p for p in paragraphs}
    for key, entry in entries.items():
        _check_entry(key, entry, by_number)
    missing = sorted(set(by_number) - set(entries))
    if missing:
        listed = ", ".join(f"¶{n}" for n in missing)
        raise CuratedDataError(
            f"{WHERE}: no entry for {listed}; every paragraph of the source needs a reviewed "
            "translation (add an entry with zh_start, zh_chars and en)."
        )
    return {n: entries[n]["en"] for n in sorted(entries)}


def translator_note(*, curated: dict[str, Any] | None = None) -> tuple[str, str]:
    """Who made the translation, and the note on how it was made, as the file states them.

    Examples:
        >>> translator, note = translator_note()
        >>> translator.startswith("The editors of this edition")
        True
    """
    document = _checked_document(curated if curated is not None else _read_file())
    return document["translator"], document["note"]


def _read_file() -> Any:
    path = paths.curated_file(CURATED_FILE)
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError:
        raise CuratedDataError(f"{WHERE}: file not found; restore it from git.") from None
    except yaml.YAMLError as exc:
        raise CuratedDataError(f"{WHERE}: not valid YAML ({exc}).") from None


def _checked_document(document: Any) -> dict[str, Any]:
    """The top level: exactly translator and note (non-empty text) and a mapping of paragraphs."""
    # gwr.curated.load_yaml_mapping wants every top-level value to be a mapping of fields; this
    # file also carries two strings, so the top level is checked here with the same helper.
    if not isinstance(document, dict):
        raise CuratedDataError(f"{WHERE}: expected a mapping with translator, note, paragraphs.")
    try:
        check_fields(CURATED_FILE, "(top level)", document, _TOP_FIELDS)
    except CuratedDataError as exc:
        raise CuratedDataError(str(exc).replace("entry '(top level)'", "top level")) from None
    for field in ("translator", "note"):
        if not document[field].strip():
            raise CuratedDataError(f"{WHERE}, top level: field {field!r} is empty.")
    return document


def _check_entry(key: Any, entry: Any, by_number: dict[int, Paragraph]) -> None:
    where = f"{WHERE}, entry {key!r}"
    # bool is a subclass of int, and YAML reads `yes:` as True: refuse it explicitly.
    if not isinstance(key, int) or isinstance(key, bool):
        raise CuratedDataError(
            f"{where}: keys must be paragraph numbers written as plain integers (e.g. 5, not '5')."
        )
    if key not in by_number:
        raise CuratedDataError(
            f"{where}: the source has no ¶{key} (it has ¶1-¶{max(by_number)}); remove the entry "
            "or correct its number."
        )
    if not isinstance(entry, dict):
        raise CuratedDataError(f"{where}: must be a mapping with fields zh_start, zh_chars, en.")
    check_fields(CURATED_FILE, key, entry, _ENTRY_FIELDS)
    text = by_number[key].text
    expected_start = text[:ZH_START_CHARS]
    if entry["zh_start"] != expected_start:
        raise CuratedDataError(
            f"{where}: zh_start {entry['zh_start']!r} differs from the first {ZH_START_CHARS} "
            f"characters of ¶{key} in the source ({expected_start!r}). The source or the entry "
            "has changed: review the translation against the Chinese, then update the key."
        )
    if isinstance(entry["zh_chars"], bool) or entry["zh_chars"] != len(text):
        raise CuratedDataError(
            f"{where}: zh_chars {entry['zh_chars']!r} differs from the length of ¶{key} in the "
            f"source ({len(text)} code points). The source or the entry has changed: review the "
            "translation against the Chinese, then update the key."
        )
    english = entry["en"]
    if not english.strip():
        raise CuratedDataError(f"{where}: en is empty; ¶{key} needs an English translation.")
    if english != english.strip() or "\n" in english:
        raise CuratedDataError(
            f"{where}: en must be one paragraph with no line breaks or surrounding spaces "
            "(write it as a folded block, `en: >-`)."
        )
