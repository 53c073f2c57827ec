"""The Chinese edition's words for what the code prints: chart text, table captions and cells.

Both editions take their tables and figures from one execution, so the code itself emits the
Chinese beside the English (gwr.zh_outputs). The Chinese comes from the catalog in
``zh/strings/*.yml``: one mapping per chapter of English text to the Chinese a reader of the
Chinese edition sees. A string is translated by the first rule that applies:

1. nothing to translate: no Latin letter outside MyST roles (``{cite:p}`key```), numbers, ¶
   (items that the code joined with ", " are joined with 、 instead);
2. the catalog has the exact string;
3. a catalog pattern matches: a key with ``{0}``, ``{1}`` … stands for numbers (``12``,
   ``3.5``, ``40%``, ``¶74``), carried into the Chinese in their place;
4. a bilingual label, ``煤改电 (coal to electricity)`` as gwr.charts.bilingual writes it, keeps
   its Chinese and any ¶ of the gloss: ``煤改电``, ``坚决防范化解重大风险（¶75）``.

Anything else is untranslated: it stays English, and the output records it, so the strict
build and the tests name it (a new English string needs its Chinese before the book ships).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from gwr.errors import TranslationError
from gwr.paths import ZH_STRINGS

_ROLE = re.compile(r"\{[a-z:]+\}`[^`]*`")
_LATIN = re.compile(r"[A-Za-z]")
_PLACEHOLDER = re.compile(r"\\\{(\d)\\\}")
_NUMBER = r"(¶?[-+−]?\d[\d,.]*%?)"
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”"
_BILINGUAL = re.compile(
    rf"(?P<zh>[^()A-Za-z]*[{_HAN}][^()A-Za-z]*) \((?P<en>[^()]*[A-Za-z][^()]*)\)")
_PARAGRAPHS = re.compile(r"¶\d+(?:[–-]¶?\d+)?")


def needs_translation(text: str) -> bool:
    """Whether ``text`` has words a Chinese reader would need translated.

    Examples:
        >>> needs_translation("3.48万户 (¶20)"), needs_translation("{cite:p}`x2020`")
        (False, False)
        >>> needs_translation("Task 3")
        True
    """
    return bool(_LATIN.search(_ROLE.sub("", text)))


@functools.lru_cache(maxsize=4)
def _load(folder: Path) -> tuple[dict[str, str], tuple[tuple[re.Pattern, str], ...]]:
    exact: dict[str, str] = {}
    origin: dict[str, str] = {}
    patterns: list[tuple[re.Pattern, str]] = []
    for path in sorted(folder.glob("*.yml")):
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise TranslationError(f"{path}: not valid YAML ({exc}). Fix the file.") from exc
        if not isinstance(entries, dict):
            raise TranslationError(f"{path}: expected a mapping of English text to Chinese.")
        for english, chinese in entries.items():
            if not isinstance(english, str) or not isinstance(chinese, str) or not chinese.strip():
                raise TranslationError(
                    f"{path}: entry {english!r} must map a string to a non-empty Chinese string.")
            if english in exact and exact[english] != chinese:
                raise TranslationError(
                    f"{english!r} has two translations: {exact[english]!r} in {origin[english]} "
                    f"and {chinese!r} in {path.name}. Keep one.")
            exact[english], origin[english] = chinese, path.name
            if re.search(r"\{\d\}", english):
                slots = set(re.findall(r"\{\d\}", english))
                if slots != set(re.findall(r"\{\d\}", chinese)):
                    raise TranslationError(
                        f"{path}: {english!r} and {chinese!r} must use the same placeholders.")
                regex = _PLACEHOLDER.sub(lambda m: f"(?P<p{m.group(1)}>{_NUMBER[1:-1]})",
                                         re.escape(english))
                patterns.append((re.compile(regex), chinese))
    return exact, tuple(patterns)


def catalog(folder: Path = ZH_STRINGS) -> dict[str, str]:
    """Every exact entry of the catalog (patterns included, as written)."""
    return dict(_load(folder)[0])


_LIST_COMMA = re.compile(r"(?<=[\u3400-\u9fff]), (?=[\u3400-\u9fff0-9])")


def enumeration_commas(text: str) -> str:
    """Chinese items that the code joined with ", " joined with 、 as Chinese writes a list.

    Examples:
        >>> enumeration_commas("全年, 年内, 年底前"), enumeration_commas("6月, 6月底前")
        ('全年、年内、年底前', '6月、6月底前')
        >>> enumeration_commas("¶3, ¶43–¶106")
        '¶3, ¶43–¶106'
    """
    return _LIST_COMMA.sub("、", text)


def translate(text: str, folder: Path = ZH_STRINGS) -> str | None:
    """The Chinese of ``text`` by the rules above, or None if the catalog lacks it.

    Examples:
        >>> translate("3.48万户 (¶20)")
        '3.48万户 (¶20)'
        >>> translate("坚决防范化解重大风险 (resolutely prevent and defuse major risks, ¶75)")
        '坚决防范化解重大风险（¶75）'
    """
    if not needs_translation(text):
        return enumeration_commas(text)
    exact, patterns = _load(folder)
    if text in exact:
        return exact[text]
    for regex, chinese in patterns:
        found = regex.fullmatch(text)
        if found:
            return re.sub(r"\{(\d)\}", lambda m, f=found: f.group(f"p{m.group(1)}"), chinese)
    match = _BILINGUAL.fullmatch(text)
    if match:
        refs = _PARAGRAPHS.findall(match["en"])
        return match["zh"].strip() + (f"（{'，'.join(refs)}）" if refs else "")
    return None


def translate_all(text: str, missing: list[str], folder: Path = ZH_STRINGS) -> str:
    """``translate``, keeping the English (and noting it in ``missing``) where it cannot."""
    chinese = translate(text, folder)
    if chinese is None:
        if text not in missing:
            missing.append(text)
        return text
    return chinese
