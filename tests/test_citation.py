"""Citation metadata (CITATION.cff) and the three citation forms generated from it."""

from __future__ import annotations

import re
import subprocess

import pytest

from gwr import paths
from gwr.book.citation import (
    ACCESS_SLOT,
    apa,
    bibtex,
    bibtex_key,
    gbt7714,
    page_url,
    read_edition,
)

TOOLS_BIN = paths.ROOT / ".venv-tools" / "bin"
PAGE = ("The article at a glance", "notebooks/01-at-a-glance")


def test_citation_cff_is_valid_according_to_cffconvert():
    cffconvert = TOOLS_BIN / "cffconvert"
    if not cffconvert.exists():
        pytest.fail("cffconvert is not installed: run `make .venv-tools/.installed` "
                    "(make test does this first).")
    result = subprocess.run([str(cffconvert), "--validate", "-i", "CITATION.cff"],
                            cwd=paths.ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout


def test_edition_metadata():
    edition = read_edition()
    assert edition.title.startswith("Taiyuan 2020")
    assert re.fullmatch(r"\d+\.\d+\.\d+", edition.version)
    assert edition.licence == "CC-BY-4.0"
    assert edition.url.startswith("https://")


def _parse_bibtex(text: str) -> tuple[str, str, dict[str, str]]:
    """A strict little parser: @type{key, name = {value}, ...} with balanced braces."""
    match = re.fullmatch(r"@(\w+)\{([^,\s]+),\n(.*)\n\}", text, flags=re.S)
    assert match, text
    fields = {}
    for line in match.group(3).split(",\n"):
        name, _, value = line.strip().partition(" = ")
        assert value.startswith("{") and value.endswith("}"), line
        assert value.count("{") == value.count("}"), line
        fields[name] = value[1:-1]
    return match.group(1), match.group(2), fields


def test_page_bibtex_has_key_url_version_and_year():
    edition = read_edition()
    kind, key, fields = _parse_bibtex(bibtex(edition, *PAGE))
    assert kind == "incollection"
    assert key == "taiyuan2020edition:01-at-a-glance" == bibtex_key(PAGE[1])
    assert fields["url"] == page_url(edition, PAGE[1])
    assert fields["version"] == edition.version
    assert fields["year"] == str(edition.year)
    assert fields["title"] == "{The article at a glance}"
    assert fields["booktitle"] == edition.title


def test_edition_bibtex():
    kind, key, fields = _parse_bibtex(bibtex(read_edition()))
    assert (kind, key) == ("misc", "taiyuan2020edition")
    assert fields["url"] == read_edition().url


def test_apa_has_authors_year_title_container_version_and_url():
    edition = read_edition()
    text = apa(edition, *PAGE)
    assert text.startswith(f"{edition.authors[0]}. ({edition.year}). The article at a glance. In ")
    assert f"(Version {edition.version})" in text
    assert text.endswith(page_url(edition, PAGE[1]))
    assert "<i>" in apa(edition, *PAGE, html=True)  # the book's title in italics


def test_gbt7714_online_document_form():
    edition = read_edition()
    text = gbt7714(edition, *PAGE)
    # 作者. 题名[EB/OL]. (更新日期)[引用日期]. 网址.
    expected = (rf"^.+\. The article at a glance\[EB/OL\]\. "
                rf"\({edition.released.isoformat()}\){re.escape(ACCESS_SLOT)}\. "
                rf"{re.escape(page_url(edition, PAGE[1]))}\.$")
    assert re.match(expected, text), text
    assert not text.startswith("[1]")


def test_one_version_everywhere():
    """The package, pyproject.toml and the changelog carry CITATION.cff's version."""
    import tomllib

    import gwr

    edition = read_edition()
    pyproject = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == gwr.__version__ == edition.version
    changelog = (paths.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(edition.version)} — {edition.released.isoformat()}$",
                     changelog, re.M)
