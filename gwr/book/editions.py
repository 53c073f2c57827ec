"""The two editions of the book: English at the site's root, Chinese under ``zh/``.

Both are Jupyter Book projects built from one execution. The Chinese edition's sources sit in
``zh/`` with the English file names, and ``zh/_config.yml`` holds only what differs; this module
makes its full configuration from the English one, for ``tools/build_book.py``.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from gwr.paths import ROOT, ZH
from gwr.zh_outputs import ZH_MARKDOWN, ZH_SVG

# Edition -> where it sits in the site (and its sources in the repository).
EDITIONS = {"en": "", "zh": "zh/"}
# BCP 47 tags of the editions, for <html lang>, hreflang and lang="…" marks.
LANGUAGE_TAGS = {"en": "en", "zh": "zh-CN"}
# The myst-nb cell metadata key that holds a figure's Chinese caption and alt text.
CHINESE_CELL_METADATA = "mystnb_zh"
# (builder, mime type, priority) for the Chinese edition: lower ranks first (text/html is 30,
# image/svg+xml 40), so each output shows its Chinese representation.
CHINESE_PRIORITIES = [(builder, mime, 1) for builder in ("html", "dirhtml", "singlehtml", "latex")
                      for mime in (ZH_MARKDOWN, ZH_SVG)]


def merge(base: dict, override: dict) -> dict:
    """``base`` with ``override`` merged in, dictionaries key by key (override wins).

    Examples:
        >>> merge({"a": {"b": 1, "c": 2}, "d": [1]}, {"a": {"b": 3}, "d": [2]})
        {'a': {'b': 3, 'c': 2}, 'd': [2]}
    """
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _from_zh(path: str) -> str:
    """A path of _config.yml (relative to the repository root) as seen from zh/."""
    return str(Path("..") / path)


def chinese_config(english: dict, overrides: dict, cache: Path) -> dict:
    """The Chinese edition's configuration.

    Examples:
        >>> config = chinese_config(
        ...     {"html": {"favicon": "book/_static/f.svg"}, "bibtex_bibfiles": ["book/r.bib"],
        ...      "sphinx": {"config": {"html_static_path": ["book/_static"],
        ...                            "html_extra_path": ["book/_extra"], "language": "en"}}},
        ...     {"sphinx": {"config": {"language": "zh_CN"}}}, Path("/c"))
        >>> config["bibtex_bibfiles"], config["sphinx"]["config"]["html_static_path"]
        (['../book/r.bib'], ['../book/_static'])
        >>> config["sphinx"]["config"]["language"], config["execute"]["cache"]
        ('zh_CN', '/c')
    """
    config = merge(english, overrides)
    html = config.setdefault("html", {})
    if html.get("favicon"):
        html["favicon"] = _from_zh(html["favicon"])
    config["bibtex_bibfiles"] = [_from_zh(p) for p in config.get("bibtex_bibfiles", [])]
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    for key in ("html_static_path", "templates_path"):
        if key in sphinx:
            sphinx[key] = [_from_zh(p) for p in sphinx[key]]
    # The root's favicon.ico is the English site's; the Chinese pages link the SVG icon.
    sphinx.pop("html_extra_path", None)
    # One execution: the Chinese notebooks' code is the English code, so they find the
    # English notebooks' records in the same cache, and render their Chinese outputs first.
    config.setdefault("execute", {})["cache"] = str(cache)
    sphinx["nb_mime_priority_overrides"] = [list(p) for p in CHINESE_PRIORITIES]
    # A figure's Chinese caption and alt text sit in its cell's ``mystnb_zh`` metadata, beside
    # the English ``mystnb`` (code cells and their metadata are shared; gwr.book.translation).
    sphinx["nb_cell_metadata_key"] = CHINESE_CELL_METADATA
    return config


def write_chinese_config(target: Path, cache: Path) -> Path:
    """Write the Chinese edition's configuration to ``target`` and return it."""
    english = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    overrides = yaml.safe_load((ZH / "_config.yml").read_text(encoding="utf-8")) or {}
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(chinese_config(english, overrides, cache),
                                     allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target
