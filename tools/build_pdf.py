"""Print each edition of the built site as one PDF, with Debian's chromium (driven by playwright).

Usage: python tools/build_pdf.py [--edition en|zh|all] [--site _build/html] [--out _build/pdf]

Runs after `make book`, from the built site. For each edition, gwr.book.pdf assembles one HTML
document (_build/pdf/<edition>/book.html: front matter, every page in book order, back matter),
which chromium prints twice (the second time with the contents' page numbers, read from the
first print's named destinations). pypdf then writes the document information (title, author,
and CreationDate/ModDate from SOURCE_DATE_EPOCH, the release date of CITATION.cff), so that two
builds of the same site give the same bytes. Writes

    _build/pdf/taiyuan-2020-edition-<version>.pdf      and …-<version>-zh.pdf

and publishes each beside its edition: _build/html/pdf/… and _build/html/zh/pdf/… (where the
"PDF" link of every page points, gwr.book.sphinxext.pdf_link).

Needs chromium (Debian: `apt-get install chromium`; never `playwright install`), the pinned
playwright and pypdf (`make book` installs them), and the built site.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gwr import paths  # noqa: E402
from gwr.book import pdf  # noqa: E402
from gwr.book.sphinxext import ui_text  # noqa: E402

OUTPUT_ROOT = Path(os.environ.get("GWR_OUTPUT_ROOT", paths.ROOT)).resolve()
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Every @font-face is loaded before the print, used or not: a face still loading when chromium
# prints leaves its text blank (seen: the Chinese of some source-edition pages, now and then).
WAIT_FOR_ASSETS = """async () => {
  await Promise.all(Array.from(document.fonts).map((face) => face.load().catch(() => null)));
  await document.fonts.ready;
  const images = Array.from(document.images);
  await Promise.all(images.map((img) => img.complete ? null : new Promise((done) => {
    img.addEventListener("load", done); img.addEventListener("error", done); })));
  return images.filter((img) => !img.naturalWidth).map((img) => img.getAttribute("src"));
}"""


class Missing(SystemExit):
    pass


def require(site: Path, editions: list[str]) -> None:
    """Stop with what is missing and how to get it."""
    problems = []
    if not CHROMIUM.is_file():
        problems.append(f"chromium is not installed at {CHROMIUM}. On Debian or Ubuntu: "
                        "sudo apt-get install chromium (the site tests use it too; never run "
                        "`playwright install`). Another path: CHROMIUM=/path/to/chromium.")
    for module, package in (("playwright", "playwright"), ("pypdf", "pypdf"),
                            ("bs4", "beautifulsoup4")):
        try:
            __import__(module)
        except ImportError:
            problems.append(f"the Python package {package} is missing: run `make book` (it "
                            "installs requirements.lock into .venv) and use .venv/bin/python.")
    for edition in editions:
        root = site if edition == "en" else site / "zh"
        if not (root / "book" / "intro.html").is_file():
            problems.append(f"the built site is missing ({root}/book/intro.html): run "
                            "`make book` first.")
    if problems:
        raise Missing("build_pdf: cannot make the PDF:\n  - " + "\n  - ".join(problems))


def is_release(site: Path, edition: str) -> bool:
    """Whether the built site is a release: a preview's footer says it is one."""
    root = site if edition == "en" else site / "zh"
    page = (root / "book" / "intro.html").read_text(encoding="utf-8")
    return ui_text.text(edition, "meta.preview").strip() not in page


def destinations(data: bytes) -> dict[str, int]:
    """The named destinations of a PDF and their 0-based pages."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return {str(name).lstrip("/"): reader.get_destination_page_number(dest)
            for name, dest in reader.named_destinations.items()}


def finish(data: bytes, book, epoch: int, outline: list[tuple[int, str, int]],
           subject: str) -> bytes:
    """The PDF with its document information (title, author, subject, dates from
    SOURCE_DATE_EPOCH: chromium writes only the title, and the print's own time) and its
    bookmarks made from the contents (gwr.book.pdf.outline_items)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    if "/Outlines" in writer._root_object:
        del writer._root_object[NameObject("/Outlines")]
    parents: dict[int, object] = {}
    for level, title, page in outline:
        parents[level] = writer.add_outline_item(title, page, parent=parents.get(level - 1))
    writer.page_mode = "/UseOutlines"
    # chromium names each tagged element after its DOM node (/ID (node00000688)), a number that
    # shifts from one print to the next; the names are renumbered by rank, in the same order,
    # everywhere they occur (the elements' /ID, table cells' /Headers, the /IDTree's keys).
    renumber_node_ids(writer)
    date = pdf.pdf_date(epoch)
    writer.metadata = None
    writer.add_metadata({"/Title": book.title, "/Author": book.author,
                         "/Subject": subject,
                         "/Creator": "tools/build_pdf.py (chromium, gwr.book.pdf)",
                         "/Producer": "Skia/PDF (chromium), pypdf",
                         "/CreationDate": date, "/ModDate": date})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def renumber_node_ids(writer) -> None:
    from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, TextStringObject

    def strings(obj):
        if isinstance(obj, (TextStringObject, ByteStringObject)):
            yield obj
        elif isinstance(obj, DictionaryObject):
            for value in obj.values():
                yield from strings(value)
        elif isinstance(obj, ArrayObject):
            for value in obj:
                yield from strings(value)

    found = {str(v) for obj in writer._objects if obj is not None for v in strings(obj)
             if re.fullmatch(r"node\d+", str(v))}
    ranked = sorted(found, key=lambda v: int(v[4:]))
    new = {old: f"node{rank:08d}" for rank, old in enumerate(ranked)}

    def replace(obj):
        if isinstance(obj, DictionaryObject):
            for key, value in list(obj.items()):
                obj[key] = replace(value)
        elif isinstance(obj, ArrayObject):
            for i, value in enumerate(obj):
                obj[i] = replace(value)
        elif isinstance(obj, (TextStringObject, ByteStringObject)) and str(obj) in new:
            return TextStringObject(new[str(obj)])
        return obj

    for obj in writer._objects:
        if obj is not None:
            replace(obj)


def print_pdf(browser, document: Path) -> bytes:
    tab = browser.new_page()
    try:
        tab.goto(document.as_uri(), wait_until="load")
        broken = tab.evaluate(WAIT_FOR_ASSETS)
        if broken:
            raise SystemExit(f"build_pdf: images that did not load in {document}: {broken[:5]}")
        return tab.pdf(format="A4", prefer_css_page_size=True, outline=True, tagged=True,
                       print_background=False)
    finally:
        tab.close()


def build(browser, edition: str, site: Path, out: Path) -> dict:
    started = time.perf_counter()
    release = is_release(site, edition)
    book = pdf.book_edition(edition)
    folder = out / edition
    folder.mkdir(parents=True, exist_ok=True)
    site_edition = site if edition == "en" else site / "zh"
    prefix = os.path.relpath(site_edition, folder).replace(os.sep, "/") + "/"
    document = pdf.assemble(edition, site, release=release, prefix=prefix)
    heading = ui_text.text(edition, "pdf.contents")
    path = folder / "book.html"
    path.write_text(document.html(None, heading), encoding="utf-8")
    first = print_pdf(browser, path)
    numbers = pdf.toc_page_numbers(document.entries, destinations(first))
    path.write_text(document.html(numbers, heading), encoding="utf-8")
    second = print_pdf(browser, path)
    moved = {a for a, n in pdf.toc_page_numbers(document.entries, destinations(second)).items()
             if numbers[a] != n}
    if moved:
        raise SystemExit(f"build_pdf: the contents' page numbers moved pages: {sorted(moved)}")
    places = destinations(second)
    subject = ui_text.text(edition, "pdf.version", version=book.version,
                           released=book.released.isoformat())
    data = finish(second, book, pdf.source_date(book.released),
                  pdf.outline_items(document.entries, places),
                  f"{book.title}{'，' if edition == 'zh' else '. '}{subject}")
    target = out / pdf.pdf_name(book.version, edition)
    target.write_bytes(data)
    published = site_edition / pdf.site_pdf_path(edition, book.version)
    published.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(target, published)
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(data)).pages)
    return {"edition": edition, "file": str(target), "published": str(published),
            "pages": pages, "bytes": len(data), "seconds": round(time.perf_counter() - started, 1),
            "release": release}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edition", choices=("en", "zh", "all"), default="all")
    parser.add_argument("--site", type=Path, default=OUTPUT_ROOT / "_build" / "html",
                        help="the built site (default: _build/html)")
    parser.add_argument("--out", type=Path, default=OUTPUT_ROOT / "_build" / "pdf",
                        help="where the PDFs go (default: _build/pdf)")
    args = parser.parse_args(argv)
    editions = list(pdf.EDITIONS) if args.edition == "all" else [args.edition]
    site, out = args.site.resolve(), args.out.resolve()
    require(site, editions)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        try:
            for edition in editions:
                r = build(browser, edition, site, out)
                print(f"build_pdf: {r['edition']}: {r['file']} ({r['pages']} pages, "
                      f"{r['bytes'] / 1e6:.1f} MB, {r['seconds']} s"
                      f"{'' if r['release'] else ', preview'}); published at {r['published']}")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
