"""Keep the Chinese edition's pages paired with the English ones, and say which are stale.

The Chinese edition mirrors the English file for file (``zh/notebooks/03-plan-2020.ipynb``
beside ``notebooks/03-plan-2020.ipynb``, ``zh/book/intro.md`` beside ``book/intro.md``).

- A Chinese notebook has the English notebook's cells, ids and order. Its code cells are the
  English code cells, source and metadata alike: jupyter-cache keys a notebook on its code
  cells (metadata included) and merges the cached cells' metadata back, so both editions share
  one execution record and one set of outputs. It is committed without outputs. Each markdown
  cell records ``translation.en``, a digest of the English cell it translates.
- A figure's Chinese caption and alt text therefore live in the English notebook, beside the
  English ones: the figure cell's ``mystnb_zh`` metadata (read by the Chinese edition, whose
  ``nb_cell_metadata_key`` it is) and ``translation.en``, the digest of the English caption
  and alt text it translates.
- A Chinese page is cut into sections at its headings, as the English is; each section holds a
  comment ``% en: <digest>`` of the English section it translates.

When the English changes, its digest no longer matches, and ``problems`` names the passage.
``sync_notebook`` rebuilds a Chinese notebook's cells from the English (new cells arrive
untranslated, with an empty digest) while keeping every translation already made.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from gwr.paths import ROOT, ZH

# Pages that are not notebooks: the Chinese page and the English text it translates.
PAGES = {
    "book/intro.md": "book/intro.md",
    "book/source.md": "book/source.md",
    "book/data.md": "book/data.md",
    "book/glossary.md": "book/glossary.md",
    "book/how-to-cite.md": "book/how-to-cite.md",
    "book/changelog.md": "CHANGELOG.md",
    "book/references.md": "book/references.md",
}
_DIGEST_COMMENT = re.compile(r"^% en: ([0-9a-f]*)\s*$", re.M)
_FENCE = re.compile(r"^(`{3,}|:{3,})")


def digest(text: str) -> str:
    """The short digest that a translation records of its English.

    Examples:
        >>> digest("The plan for 2020")
        'd6d90181f9b5e7d4'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def figure_text(cell: dict, key: str = "mystnb") -> dict[str, str]:
    """A figure cell's caption and alt text (empty if the cell draws no figure)."""
    mystnb = cell.get("metadata", {}).get(key, {})
    found = {"caption": mystnb.get("figure", {}).get("caption"),
             "alt": mystnb.get("image", {}).get("alt")}
    return {k: v for k, v in found.items() if v}


def english_of(cell: dict) -> str:
    """What a Chinese cell translates, as one string: markdown source, or caption and alt."""
    if cell["cell_type"] == "markdown":
        return _source(cell)
    text = figure_text(cell)
    return json.dumps(text, ensure_ascii=False, sort_keys=True) if text else ""


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def scaffold_figure(cell: dict) -> bool:
    """Give an English figure cell a ``mystnb_zh`` block to translate, if it has none (its
    caption and alt text start as the English, with an empty digest); True if it changed."""
    mystnb = cell.get("metadata", {}).get("mystnb", {})
    if "figure" not in mystnb or "mystnb_zh" in cell["metadata"]:
        return False
    cell["metadata"]["mystnb_zh"] = copy.deepcopy(mystnb)
    cell["metadata"]["translation"] = {"en": ""}
    return True


def sync_notebook(english: dict, chinese: dict | None) -> dict:
    """The Chinese notebook for ``english``: English code and structure, kept translations."""
    kept = {cell.get("id"): cell for cell in (chinese or {}).get("cells", [])}
    cells = []
    for cell in english["cells"]:
        old = kept.get(cell.get("id"))
        new = copy.deepcopy(cell)
        if cell["cell_type"] == "code":
            new["outputs"], new["execution_count"] = [], None
        elif cell["cell_type"] == "markdown":
            if old is not None and old["cell_type"] == "markdown":
                new["source"] = old["source"]
                new["metadata"]["translation"] = old["metadata"].get("translation", {"en": ""})
            else:
                new["metadata"]["translation"] = {"en": ""}
        cells.append(new)
    result = copy.deepcopy(english)
    result["cells"] = cells
    return result


@dataclass(frozen=True)
class Problem:
    """One Chinese passage that is missing, untranslated, stale or out of step."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def _cell_name(cell: dict, index: int) -> str:
    first = _source(cell).strip().splitlines()[:2]
    label = next((line for line in first if line.startswith(("(", "#"))), first[0] if first else "")
    return f"cell {index} ({label[:60]!r})" if label else f"cell {index}"


def notebook_problems(english_path: Path, chinese_path: Path) -> list[Problem]:
    """Every way the Chinese notebook differs from what its English requires."""
    where = str(chinese_path.relative_to(ROOT))
    if not chinese_path.is_file():
        return [Problem(where, f"missing: run `python tools/sync_translations.py` to create it "
                                f"from {english_path.relative_to(ROOT)}, then translate it")]
    english = json.loads(english_path.read_text(encoding="utf-8"))
    chinese = json.loads(chinese_path.read_text(encoding="utf-8"))
    problems: list[Problem] = []
    en_cells, zh_cells = english["cells"], chinese["cells"]
    if [(c.get("id"), c["cell_type"]) for c in en_cells] != \
            [(c.get("id"), c["cell_type"]) for c in zh_cells]:
        return [Problem(where, "its cells are not the English notebook's cells (ids, types, "
                               "order): run `python tools/sync_translations.py`")]
    if chinese["metadata"].get("kernelspec") != english["metadata"].get("kernelspec"):
        problems.append(Problem(where, "its kernelspec differs from the English notebook's"))
    for index, (en, zh) in enumerate(zip(en_cells, zh_cells, strict=True)):
        name = _cell_name(en, index)
        if en["cell_type"] == "code":
            if _source(en) != _source(zh) or en["metadata"] != zh["metadata"]:
                problems.append(Problem(where, f"{name}: code or its metadata differs from the "
                                        "English; the editions must share one execution (run "
                                        "`python tools/sync_translations.py`)"))
            if zh.get("outputs"):
                problems.append(Problem(where, f"{name}: has outputs; the Chinese notebooks are "
                                        "committed without them (the build takes the English run)"))
            problems += _figure_problems(str(english_path.relative_to(ROOT)), name, en)
            continue
        if en["cell_type"] != "markdown" or not english_of(en).strip():
            continue
        recorded = zh["metadata"].get("translation", {}).get("en")
        english_text = english_of(en)
        if not recorded:
            problems.append(Problem(where, f"{name}: not yet translated"))
        elif recorded != digest(english_text):
            problems.append(Problem(where, f"{name}: stale, the English changed since it was "
                                    "translated; revise the Chinese, then record the new digest "
                                    f"{digest(english_text)} in translation.en"))
    return problems


def _figure_problems(where: str, name: str, cell: dict) -> list[Problem]:
    """A figure cell's Chinese caption and alt text: present, translated, current."""
    english = figure_text(cell)
    if not english:
        return []
    chinese = figure_text(cell, "mystnb_zh")
    meta = cell["metadata"]
    label = meta.get("mystnb", {}).get("figure", {}).get("name")
    if not chinese or meta.get("mystnb_zh", {}).get("figure", {}).get("name") != label:
        return [Problem(where, f"{name}: figure {label} has no Chinese caption and alt text "
                               "(metadata mystnb_zh, same figure name)")]
    recorded = meta.get("translation", {}).get("en")
    if not recorded:
        return [Problem(where, f"{name}: figure {label}: caption and alt text not yet translated")]
    if recorded != digest(english_of(cell)):
        return [Problem(where, f"{name}: figure {label}: stale, its English caption or alt text "
                               "changed since they were translated; revise mystnb_zh, then record "
                               f"{digest(english_of(cell))} in translation.en")]
    return [Problem(where, f"{name}: figure {label}: the Chinese {key} is the English one")
            for key in english if chinese.get(key) == english[key]]


def sections(text: str) -> list[str]:
    r"""``text`` cut before each heading line (outside fenced blocks); the first part is the
    preamble before the first heading.

    Examples:
        >>> sections("intro\n# A\none\n```\n# not\n```\n## B\n")
        ['intro\n', '# A\none\n```\n# not\n```\n', '## B\n']
    """
    parts, current, fence = [], [], None
    for line in text.splitlines(keepends=True):
        opener = _FENCE.match(line)
        if fence is None and opener:
            fence = opener.group(1)[0]
        elif (fence is not None and opener and opener.group(1)[0] == fence
              and not line.strip().strip(fence)):
            fence = None
        if fence is None and line.startswith("#") and re.match(r"#+ ", line):
            parts.append("".join(current))
            current = []
        current.append(line)
    parts.append("".join(current))
    return parts


def scaffold_page(english: str) -> str:
    r"""A Chinese page to translate: the English, with an empty ``% en:`` line in each section.

    Examples:
        >>> print(scaffold_page("(x)=\n# A\n\ntext\n"), end="")
        % en:
        (x)=
        # A
        % en:
        <BLANKLINE>
        text
    """
    parts = sections(english)
    out = []
    for index, part in enumerate(parts):
        if index == 0:
            out.append("% en:\n" + part if part.strip() else part)
            continue
        heading, _, rest = part.partition("\n")
        out.append(f"{heading}\n% en:\n{rest}")
    return "".join(out)


def page_problems(page: str, english_file: str) -> list[Problem]:
    """Every section of the Chinese page that is missing, untranslated or stale."""
    chinese_path, english_path = ZH / page, ROOT / english_file
    where = str(chinese_path.relative_to(ROOT))
    if not chinese_path.is_file():
        return [Problem(where, f"missing: translate {english_file}")]
    en_parts = sections(english_path.read_text(encoding="utf-8"))
    zh_parts = sections(chinese_path.read_text(encoding="utf-8"))
    if len(en_parts) != len(zh_parts):
        return [Problem(where, f"has {len(zh_parts) - 1} headings where {english_file} has "
                               f"{len(en_parts) - 1}; translate section for section")]
    problems = []
    for index, (en, zh) in enumerate(zip(en_parts, zh_parts, strict=True)):
        if not en.strip():
            continue
        heading = en.splitlines()[0] if index else "(before the first heading)"
        recorded = _DIGEST_COMMENT.findall(zh)
        if not recorded or not recorded[0]:
            problems.append(Problem(where, f"section {heading!r}: no `% en: <digest>` line; "
                                    f"translate it and record {digest(en)}"))
        elif recorded[0] != digest(en):
            problems.append(Problem(where, f"section {heading!r}: stale, {english_file} changed "
                                    "since it was translated; revise it, then record "
                                    f"{digest(en)}"))
    return problems


def notebook_pairs() -> list[tuple[Path, Path]]:
    """(English, Chinese) path of every chapter notebook."""
    return [(path, ZH / "notebooks" / path.name)
            for path in sorted((ROOT / "notebooks").glob("*.ipynb"))]


def problems() -> list[Problem]:
    """Every stale, untranslated or missing passage of the Chinese edition."""
    found: list[Problem] = []
    for english, chinese in notebook_pairs():
        found += notebook_problems(english, chinese)
    for page, english_file in PAGES.items():
        found += page_problems(page, english_file)
    return found
