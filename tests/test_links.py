"""Every internal link of the built site leads somewhere: the file exists, the #fragment too.

Step 5 of `make test`. Reads _build/html only; nothing is fetched. Links to other hosts are
listed in artifacts/external-links.txt (not fetched); mailto:, tel: and javascript: are ignored.
The theme's template macros under _static/*.html are not pages and are not checked.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from gwr import paths

pytestmark = pytest.mark.site

# The same variable as tools/build_book.py: where _build/ is (default: the repository).
HTML = Path(os.environ.get("GWR_OUTPUT_ROOT", paths.ROOT)).resolve() / "_build" / "html"
EXTERNAL_LIST = paths.ROOT / "artifacts" / "external-links.txt"
LINK_ATTRIBUTES = {"a": "href", "img": "src", "script": "src", "link": "href"}
IGNORED_SCHEMES = {"mailto", "tel", "javascript", "data"}


class PageLinks(HTMLParser):
    """The links of one page (tag, URL) and every id or name it defines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = {k: v for k, v in attrs if v is not None}
        for key in ("id", "name") if tag in {"a", "map"} else ("id",):
            if attributes.get(key):
                self.anchors.add(attributes[key])
        wanted = LINK_ATTRIBUTES.get(tag)
        if wanted and attributes.get(wanted) is not None:
            self.links.append((tag, attributes[wanted].strip()))

    handle_startendtag = handle_starttag


@functools.cache
def parse(page: Path) -> PageLinks:
    parser = PageLinks()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


def site_pages() -> list[Path]:
    return sorted(p for p in HTML.rglob("*.html") if "_static" not in p.relative_to(HTML).parts)


def classify(page: Path, url: str) -> tuple[str, Path | None, str]:
    """('ignore' | 'external' | 'internal', target file, fragment) of one link on ``page``."""
    parts = urlsplit(url)
    if parts.scheme in IGNORED_SCHEMES:
        return "ignore", None, ""
    if parts.scheme or parts.netloc:
        return "external", None, ""
    base = page.parent.relative_to(HTML).as_posix()
    if parts.path:
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if parts.path.endswith("/"):
            target = posixpath.join(target, "index.html")
    else:
        target = page.relative_to(HTML).as_posix()  # "#x" or "?q": this very page
    return "internal", HTML / target, unquote(parts.fragment)


def broken_links(pages: list[Path]) -> tuple[list[str], list[str]]:
    """(every broken internal link, every external link), described one per line."""
    broken, external = [], []
    for page in pages:
        where = page.relative_to(HTML).as_posix()
        for tag, url in parse(page).links:
            kind, target, fragment = classify(page, url)
            if kind == "external":
                external.append(f"{where}: <{tag}> {url}")
            if kind != "internal":
                continue
            inside = target.resolve().is_relative_to(HTML.resolve())
            if not inside or not target.is_file():
                reason = "outside the site" if not inside else "no such file"
                broken.append(f"{where}: <{tag}> {url} ({reason})")
            elif fragment and target.suffix == ".html" and fragment not in parse(target).anchors:
                broken.append(f"{where}: <{tag}> {url} (no id {fragment!r} in "
                              f"{target.relative_to(HTML).as_posix()})")
    return broken, external


@pytest.fixture(scope="module", autouse=True)
def built_site():
    if not (HTML / "index.html").is_file():
        pytest.fail(f"No built site in {HTML}: run `make book` (make test builds it in step 4).")


def test_the_checker_finds_broken_files_and_fragments(tmp_path, monkeypatch):
    site = tmp_path / "html"
    (site / "sub").mkdir(parents=True)
    (site / "index.html").write_text(
        '<a id="top" href="sub/page.html#here">ok</a> <a href="sub/page.html#gone">x</a>'
        '<img src="missing.svg"> <a href="../escape.html">y</a> <a href="#top">self</a>'
        '<a href="mailto:a@b.c">m</a> <a href="https://example.org/">e</a> <a href="#">t</a>',
        encoding="utf-8")
    (site / "sub" / "page.html").write_text('<h2 id="here">h</h2> <link href="../index.html">',
                                            encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.HTML", site)
    broken, external = broken_links([site / "index.html", site / "sub" / "page.html"])
    assert broken == ["index.html: <a> sub/page.html#gone (no id 'gone' in sub/page.html)",
                      "index.html: <img> missing.svg (no such file)",
                      "index.html: <a> ../escape.html (outside the site)"]
    assert external == ["index.html: <a> https://example.org/"]


def test_every_internal_link_and_fragment_resolves():
    pages = site_pages()
    assert pages, f"no pages under {HTML}"
    broken, external = broken_links(pages)
    EXTERNAL_LIST.parent.mkdir(parents=True, exist_ok=True)
    EXTERNAL_LIST.write_text("".join(f"{line}\n" for line in sorted(set(external))),
                             encoding="utf-8")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken)


def test_external_links_are_https():
    # Listed, never fetched: the tests run offline. Plain http is open to tampering. The one
    # exception is the references list: a source is cited at the address where it was read
    # (chapter 8's outside evidence), and some of those sites serve plain http only.
    _, external = broken_links(site_pages())
    recorded = set(re.findall(r"url\s*=\s*\{(http://[^}]+)\}",
                              (paths.ROOT / "book" / "references.bib").read_text("utf-8")))
    plain = [line for line in external if " http://" in line
             and not (line.startswith(("book/references.html: ", "zh/book/references.html: "))
                      and line.split(" ", 2)[2] in recorded)]
    assert not plain, "\n".join(plain)
