"""Citation metadata: CITATION.cff, the one source, and what is read from it.

The forms themselves are checked against hand-written references in test_citation_forms.py, and
the bibliography's names in test_citation_names.py.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess

import pytest
import yaml
from pybtex.database import parse_string

from gwr import paths
from gwr.book.citation import (
    Person,
    apa,
    bibtex,
    book,
    csl_item,
    data_table,
    figure,
    gbt7714,
    is_placeholder,
    page,
    placeholders,
    read_cff,
    read_edition,
    source_article,
)

TOOLS_BIN = paths.ROOT / ".venv-tools" / "bin"
CFF_PATH = paths.ROOT / "CITATION.cff"
CHAPTER_3 = ("Part 2: the plan for 2020", "notebooks/03-plan-2020")
FIXTURE_DOI = "10.5555/taiyuan-edition.test"  # 10.5555 is Crossref's prefix for tests


def cffconvert(*args: str, path=CFF_PATH) -> subprocess.CompletedProcess:
    tool = TOOLS_BIN / "cffconvert"
    if not tool.exists():
        pytest.fail("cffconvert is not installed: run `make .venv-tools/.installed` "
                    "(make test does this first).")
    return subprocess.run([str(tool), *args, "-i", str(path)], cwd=paths.ROOT,
                          capture_output=True, text=True)


def test_citation_cff_is_valid_according_to_cffconvert():
    result = cffconvert("--validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout


def test_cffconvert_bibtex_parses_and_names_the_book():
    # cffconvert 2.0 writes the key "YourReferenceHere" and no version whatever the file says
    # (it reads neither preferred-citation nor version for BibTeX); the book's own BibTeX is
    # gwr.book.citation.bibtex. What it does write must still be right.
    result = cffconvert("-f", "bibtex")
    assert result.returncode == 0, result.stderr
    (entry,) = parse_string(result.stdout, "bibtex").entries.values()
    # The oracle is the file itself, read as plain YAML, not gwr.book.citation.read_edition.
    raw = yaml.safe_load(CFF_PATH.read_text(encoding="utf-8"))
    assert entry.fields["title"] == raw["title"] and entry.fields["url"] == raw["url"]
    assert entry.fields["year"] == str(raw["date-released"].year)


def test_read_edition_reads_what_the_file_says():
    """read_edition against the file read as plain YAML (a second reader), field by field."""
    raw = yaml.safe_load(CFF_PATH.read_text(encoding="utf-8"))
    edition = read_edition()
    assert edition.title == raw["title"] and edition.version == raw["version"]
    assert edition.url == raw["url"] and edition.repository == raw["repository-code"]
    assert edition.released == raw["date-released"] and edition.year == raw["date-released"].year
    assert edition.licence == raw["license"]
    assert edition.authors == tuple(a["name"] for a in raw["authors"])


def test_preferred_citation_is_the_book_and_agrees_with_the_top_level():
    cff = read_cff()
    book_entry = cff["preferred-citation"]
    assert book_entry["type"] == "book"
    # CFF 1.2.0 allows only software or dataset at the top level; the edition is text and data.
    assert cff["type"] == "dataset"
    for field in ("title", "authors", "version", "date-released", "url", "repository-code",
                  "license"):
        assert book_entry[field] == cff[field], (
            f"CITATION.cff: preferred-citation's `{field}` differs from the top-level one; "
            "change both")
    assert book_entry["year"] == cff["date-released"].year
    assert book_entry["month"] == cff["date-released"].month
    assert book_entry["publisher"]["name"]


def test_one_author_name_everywhere():
    """One group author, named the same in CITATION.cff, _config.yml and every form."""
    edition = read_edition()
    assert edition.authors == ("Taiyuan Work Report Edition contributors",)
    config = yaml.safe_load((paths.ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["author"] == edition.author
    for form in (apa(edition), gbt7714(edition), bibtex(edition)):
        assert edition.author in form


def test_the_reporters_are_persons_with_their_chinese_names():
    article = source_article()
    assert article.authors == (Person("Li", "Feifei", "李飞飞"),
                               Person("Xue", "Jianying", "薛建英"), Person("Li", "Jing", "李晶"))
    provenance = yaml.safe_load(paths.SOURCE_PROVENANCE.read_text(encoding="utf-8"))
    assert [a.native for a in article.authors] == provenance["reporters"]["credit"]
    assert article.title == provenance["title_zh"] and article.journal == provenance["publisher_zh"]


def test_edition_metadata():
    edition = read_edition()
    assert edition.title.startswith("Taiyuan 2020")
    assert re.fullmatch(r"\d+\.\d+\.\d+", edition.version)
    assert edition.licence == "CC-BY-4.0"
    assert edition.url.startswith("https://") and edition.url.endswith("/")
    assert edition.publisher == edition.author


def test_one_version_everywhere():
    """The package, pyproject.toml and the changelog carry CITATION.cff's version."""
    import tomllib

    import gwr

    edition = read_edition()
    pyproject = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == gwr.__version__ == edition.version
    changelog = (paths.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(edition.version)} — {edition.released.isoformat()}",
                     changelog, re.M)


# ---------------------------------------------------------------------------------------------
# A DOI, when CITATION.cff has one (a fixture: the edition has none yet)


@pytest.fixture
def edition_with_doi(tmp_path):
    text = CFF_PATH.read_text(encoding="utf-8")
    text = text.replace("\nversion: ", f"\ndoi: {FIXTURE_DOI}\nversion: ", 1)
    path = tmp_path / "CITATION.cff"
    path.write_text(text, encoding="utf-8")
    result = cffconvert("--validate", path=path)
    assert result.returncode == 0, result.stdout + result.stderr
    return read_edition(path)


def test_without_a_doi_no_form_shows_one():
    edition = dataclasses.replace(read_edition(), doi=None)
    assert "doi" not in bibtex(edition).lower() and "doi" not in gbt7714(edition).lower()


def test_every_form_shows_the_doi(edition_with_doi):
    edition = edition_with_doi
    assert edition.doi == FIXTURE_DOI
    works = [book(edition), page(edition, *CHAPTER_3),
             figure(edition, CHAPTER_3[1], "fig-x", "3.1", "A figure"),
             data_table(edition, "indicators")]
    for work in works:
        (entry,) = parse_string(bibtex(work), "bibtex").entries.values()
        assert entry.fields["doi"] == FIXTURE_DOI, work.kind
        # APA 7 (9.34): with a DOI, the DOI as a URL ends the reference, in place of the URL.
        assert apa(work).endswith(f"https://doi.org/{FIXTURE_DOI}"), work.kind
        # GB/T 7714-2015 (8.8.2): the address, then the DOI.
        assert gbt7714(work).endswith(f"{work.url}. DOI:{FIXTURE_DOI}."), work.kind
        assert csl_item(work)["DOI"] == FIXTURE_DOI


# ---------------------------------------------------------------------------------------------
# Placeholders (the preview/release logic asks these)


@pytest.mark.parametrize("address, expected", [
    ("https://example.org/taiyuan-2020-work-report/", True),
    ("https://www.example.com/x", True),
    ("https://github.com/example/taiyuan-2020-work-report", True),
    ("", True),
    (None, True),
    ("https://taiyuan-edition.github.io/taiyuan-2020-work-report/", False),
    ("https://github.com/taiyuan-edition/taiyuan-2020-work-report", False),
    ("https://exampleorg.net/book/", False),
])
def test_is_placeholder(address, expected):
    assert is_placeholder(address) is expected


def test_placeholders_names_the_fields_that_hold_one():
    edition = read_edition()
    real = dataclasses.replace(edition, url="https://taiyuan-edition.github.io/book/",
                               repository="https://github.com/taiyuan-edition/book")
    assert placeholders(real) == ()
    assert placeholders(dataclasses.replace(real, url="https://example.org/book/")) == ("url",)
    assert placeholders(dataclasses.replace(real, repository=None)) == ("repository-code",)


def test_how_to_cite_shows_the_article_as_the_code_formats_it():
    """The article's forms are written out on the How to cite page; they must not drift."""
    text = (paths.ROOT / "book" / "how-to-cite.md").read_text(encoding="utf-8")
    article = source_article()
    assert f"```bibtex\n{bibtex(article)}\n```" in text
    apa_markdown = (apa(article, html=True).replace("&amp;", "&").replace("<i>", "*")
                    .replace("</i>", "*"))
    assert f"APA 7\n: {apa_markdown}\n" in text
    assert f"GB/T 7714-2015\n: {gbt7714(article)}\n" in text
