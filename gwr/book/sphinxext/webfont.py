"""The site's own CJK web font: Noto Sans CJK SC, cut down to the characters the site shows.

Readers whose machine has no Chinese font (or an old one) would otherwise see boxes, and no page
may fetch a font from another host. At the end of every HTML build (``build-finished``) this
extension

1. reads every built page (``_build/html/**/*.html``, outside ``_static``) and collects the CJK
   code points it contains (ideographs, CJK punctuation, full-width forms, kana, …);
2. orders them by the number of pages that use them (then by which pages, then by code point)
   and cuts that list into slices of ``SLICE_SIZE`` code points, so that characters every page
   shows share the first slices and the characters of one page (the source edition, say) sit
   together in their own;
3. subsets the SC face of the collection that the charts already use
   (``gwr.style.font_path()``, PyPI package noto-cjk-sans-otc) to each slice with fontTools,
   as WOFF2 (which needs the ``brotli`` package), named by a hash of its bytes;
4. writes ``_static/fonts/`` (the slices and the font's licence, OFL.txt) and
   ``_static/cjk-font.css``: one ``@font-face`` per slice with its ``unicode-range`` and
   ``font-display: swap``, and the theme's own font stacks with the subset family put in just
   before their generic family. Latin text keeps the theme's fonts, since they come first and
   the subset holds no Latin; CJK text, which the Latin fonts lack, falls through to the
   subset before any system font. A browser downloads a slice only when a page shows one of
   its characters.

The output is byte-identical on a rebuild: the slices are sorted, the fonts keep the source
font's own ``head`` dates (fontTools would stamp the time of the build), and WOFF2's brotli is
deterministic. When the slices' plan (code points, font file, theme stacks, this module's
code) is unchanged, nothing is regenerated: the CSS records the plan's digest on its first
line.
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import io
import json
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from gwr import paths
from gwr.errors import GwrError
from gwr.style import FONT_FAMILY, FONT_PACKAGE, font_path

logger = logging.getLogger(__name__)

FAMILY = "GWR Noto Sans SC"  # the @font-face name; the font's own name stays Noto Sans CJK SC
CSS_FILE = "cjk-font.css"  # under _static/
FONT_DIR = "fonts"  # under _static/
LICENCE_FILE = "OFL.txt"  # beside the fonts
SLICE_PREFIX = "noto-sans-sc-"
SLICE_SIZE = 120
# The stylesheet's first line: FORMAT and the plan's digest (which covers this module's code).
FORMAT = "gwr-webfont 1"
LICENCE_FALLBACK = paths.ROOT / "LICENSES" / "OFL-1.1-Noto-Sans-CJK.txt"

# The blocks of CJK text: what the subset holds, and what its unicode-range may claim.
CJK_BLOCKS = (
    (0x2E80, 0x2FDF),    # CJK radicals supplement, Kangxi radicals
    (0x2FF0, 0x30FF),    # ideographic description, CJK symbols and punctuation, kana
    (0x3100, 0x312F),    # bopomofo
    (0x3190, 0x31FF),    # kanbun, bopomofo extended, CJK strokes, katakana extension
    (0x3200, 0x4DBF),    # enclosed CJK, CJK compatibility, extension A
    (0x4E00, 0x9FFF),    # CJK unified ideographs
    (0xF900, 0xFAFF),    # CJK compatibility ideographs
    (0xFE10, 0xFE1F),    # vertical forms
    (0xFE30, 0xFE4F),    # CJK compatibility forms
    (0xFF00, 0xFFEF),    # half-width and full-width forms
    (0x20000, 0x3134F),  # extensions B to G, compatibility supplement
)
_CJK = re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in CJK_BLOCKS) + "]")
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)

# fontTools options. Layout features: those a browser applies to horizontal text. 'locl' and
# the vertical features are left out: in the SC face 'locl' maps to the Japanese, Korean and
# traditional forms, and would nearly double the glyphs for text that never asks for them.
LAYOUT_FEATURES = ["ccmp", "mark", "mkmk", "kern", "liga", "clig", "calt", "rlig", "rvrn"]
DROP_TABLES = ["vhea", "vmtx", "VORG", "BASE"]
NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright, names, version, licence and its URL
GENERIC_FAMILIES = ("sans-serif", "serif", "monospace", "cursive", "fantasy")
FONT_STACK_FALLBACK = {"--pst-font-family-base-system": "system-ui, sans-serif"}


class WebFontError(GwrError):
    """The site's web font cannot be made (a missing package or font)."""


# --- Which characters the pages show ------------------------------------------------------------

def cjk_code_points(text: str) -> set[int]:
    """The CJK code points in ``text`` (Latin, digits and general punctuation are not).

    Examples:
        >>> "".join(sorted(map(chr, cjk_code_points("完成3.48万户 households，“煤改电”"))))
        '万完成户改煤电，'
        >>> sorted(cjk_code_points("ＡＢ　あ𠀀"))  # full-width, ideographic space, kana, ext. B
        [12288, 12354, 65313, 65314, 131072]
    """
    return {ord(ch) for ch in _CJK.findall(text)}


def page_text(markup: str) -> str:
    """The text of a page that a browser may render: scripts and styles out, entities resolved.

    Attributes stay in: a placeholder or a broken image's alt text is rendered too.

    Examples:
        >>> page_text('<p>&#20013;&#25991; <script>var s = "脚本";</script>中文</p>')
        '<p>中文 中文</p>'
    """
    return html.unescape(_SCRIPT_OR_STYLE.sub("", markup))


def site_pages(outdir: Path) -> list[Path]:
    """The built pages: every .html under ``outdir``, except the theme's templates in _static
    and pages of another site nested inside (a folder with its own _static), sorted."""
    nested = {d for d in outdir.rglob("_static") if d.is_dir() and d.parent != outdir}
    pages = []
    for path in sorted(outdir.rglob("*.html")):
        relative = path.relative_to(outdir)
        if relative.parts[0] == "_static":
            continue
        if any(n.parent in path.parents for n in nested):
            continue
        pages.append(path)
    return pages


def collect_usage(pages: Mapping[str, str]) -> dict[int, frozenset[str]]:
    """For each CJK code point in the pages (name -> text), the names of the pages that use it.

    Examples:
        >>> usage = collect_usage({"a.html": "<p>中文</p>", "b.html": "<p>中国</p>"})
        >>> {chr(cp): sorted(names) for cp, names in sorted(usage.items())}
        {'中': ['a.html', 'b.html'], '国': ['b.html'], '文': ['a.html']}
    """
    usage: dict[int, set[str]] = {}
    for name, markup in pages.items():
        for cp in cjk_code_points(page_text(markup)):
            usage.setdefault(cp, set()).add(name)
    return {cp: frozenset(names) for cp, names in usage.items()}


def read_pages(outdir: Path) -> dict[str, str]:
    """Name (relative POSIX path) -> text of every built page."""
    return {p.relative_to(outdir).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in site_pages(outdir)}


# --- Slices ------------------------------------------------------------------------------------

def plan_slices(usage: Mapping[int, Iterable[str]], size: int = SLICE_SIZE,
                available: set[int] | None = None) -> list[list[int]]:
    """Cut the code points into slices of at most ``size``, each sorted.

    Order: most pages first, then by the sorted names of those pages (so that characters used by
    exactly the same pages fall into the same slices), then by code point. Code points that the
    font lacks (not in ``available``, when given) are left out.

    Examples:
        >>> usage = {ord("中"): {"a", "b"}, ord("文"): {"a"}, ord("国"): {"b"},
        ...          ord("人"): {"a", "b"}}
        >>> [[chr(cp) for cp in s] for s in plan_slices(usage, size=2)]
        [['中', '人'], ['文'], ['国']]
    """
    if size < 1:
        raise ValueError("a slice holds at least one code point")
    keyed = sorted((-len(set(names)), tuple(sorted(set(names))), cp)
                   for cp, names in usage.items() if available is None or cp in available)
    slices: list[list[int]] = []
    current: list[int] = []
    group: tuple | None = None
    for _, names, cp in keyed:
        # A new group of pages starts a new slice when the current one is mostly full, so that
        # one page's characters do not trail into a slice that other pages need.
        if current and (len(current) >= size or (names != group and len(current) >= size // 2)):
            slices.append(sorted(current))
            current = []
        current.append(cp)
        group = names
    if current:
        slices.append(sorted(current))
    return slices


def unicode_range(code_points: Iterable[int]) -> str:
    """A CSS unicode-range for the code points, runs joined into ranges.

    Examples:
        >>> unicode_range([0x4E2D, 0x4E00, 0x4E01, 0x4E02, 0x3002])
        'U+3002, U+4E00-4E02, U+4E2D'
    """
    cps = sorted(set(code_points))
    parts, start = [], None
    for i, cp in enumerate(cps):
        if start is None:
            start = cp
        if i + 1 == len(cps) or cps[i + 1] != cp + 1:
            parts.append(f"U+{start:X}" if start == cp else f"U+{start:X}-{cp:X}")
            start = None
    return ", ".join(parts)


# --- The font ---------------------------------------------------------------------------------

def require_brotli() -> None:
    """Raise WebFontError, with the fix, if WOFF2 cannot be written (no brotli module)."""
    if all(importlib.util.find_spec(name) is None for name in ("brotli", "brotlicffi")):
        raise WebFontError(
            "The site's CJK web font is written as WOFF2, which needs the Python package "
            "`brotli` (fontTools compresses WOFF2 with it), and it is not installed.\n"
            "Install the project's pinned dependencies with `make .venv/.installed` (or "
            "`pip install -r requirements.lock`); `brotli` is pinned in requirements.in, "
            "requirements.lock and environment.yml.")


def sc_face_number(path: Path, family: str = FONT_FAMILY) -> int:
    """The index of the face called ``family`` in the font collection at ``path``."""
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    try:
        for number, face in enumerate(collection.fonts):
            if face["name"].getDebugName(1) == family:
                return number
    finally:
        collection.close()
    raise WebFontError(f"{path} has no face called {family!r}; the font package "
                       f"{FONT_PACKAGE.replace('_', '-')} is not the expected one.")


def _options(*, final: bool):
    from fontTools import subset

    options = subset.Options()
    options.layout_features = list(LAYOUT_FEATURES)
    options.drop_tables = [*options.drop_tables, *DROP_TABLES]
    options.name_IDs = list(NAME_IDS)
    options.notdef_outline = True
    options.desubroutinize = final  # smaller after brotli, for slices this small
    # No hints: 14% fewer bytes. Phones and high-density screens ignore them, and readers on
    # mobile data pay for every byte.
    options.hinting = False
    return options


def _subset(source: Path | bytes, code_points: Iterable[int], *, flavor: str | None,
            final: bool, number: int = 0) -> bytes:
    """Subset the font at ``source`` (a path, or the bytes of a font; face ``number`` of a
    collection) to ``code_points``."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    # recalcTimestamp=False: keep the source font's head.modified, not the time of the build.
    file = io.BytesIO(source) if isinstance(source, bytes) else str(source)
    font = TTFont(file, fontNumber=number, recalcTimestamp=False, lazy=True)
    subsetter = subset.Subsetter(_options(final=final))
    subsetter.populate(unicodes=sorted(code_points))
    subsetter.subset(font)
    font.flavor = flavor  # the subsetter's own option applies only through its save_font()
    out = io.BytesIO()
    font.save(out)
    font.close()
    return out.getvalue()


def font_code_points(path: Path, number: int) -> set[int]:
    """The code points that face ``number`` of the font at ``path`` maps to a glyph."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), fontNumber=number, lazy=True)
    try:
        return set(font.getBestCmap())
    finally:
        font.close()


def make_slices(path: Path, number: int, slices: list[list[int]]) -> list[bytes]:
    """One WOFF2 font per slice, cut from face ``number`` of the font at ``path``.

    The face is first subset once to all the slices' code points (the one slow step, on the
    19 MB collection); each slice is then cut from that small font.
    """
    require_brotli()
    everything = sorted({cp for s in slices for cp in s})
    whole = _subset(path, everything, flavor=None, final=False, number=number)
    return [_subset(whole, s, flavor="woff2", final=True) for s in slices]


def licence_text() -> str:
    """The font's licence (SIL OFL 1.1): the font package's own file, else LICENSES/."""
    try:
        dist = metadata.distribution(FONT_PACKAGE.replace("_", "-"))
        for file in dist.files or []:
            if file.name.upper().startswith(("LICENSE", "OFL")):
                return Path(str(file.locate())).read_text(encoding="utf-8")
    except metadata.PackageNotFoundError:
        pass
    if LICENCE_FALLBACK.is_file():
        return LICENCE_FALLBACK.read_text(encoding="utf-8")
    raise WebFontError("The font's licence (SIL OFL 1.1) was not found in the font package or "
                       f"at {LICENCE_FALLBACK}; it must ship beside the fonts.")


# --- The stylesheet ------------------------------------------------------------------------------

_CUSTOM_PROPERTY = re.compile(r"(--[A-Za-z0-9_-]*font[A-Za-z0-9_-]*)\s*:\s*([^;{}]+)")


def split_families(value: str) -> list[str]:
    """A font-family list, split at the commas outside quotes.

    Examples:
        >>> split_families('system-ui,"Segoe UI, Web",sans-serif')
        ['system-ui', '"Segoe UI, Web"', 'sans-serif']
    """
    return [part.strip() for part in re.findall(r'(?:"[^"]*"|\'[^\']*\'|[^,])+', value)
            if part.strip()]


def with_subset_family(value: str, family: str = FAMILY) -> str:
    """A theme font stack with ``family`` put just before its first generic family.

    Examples:
        >>> with_subset_family('system-ui,sans-serif,"Apple Color Emoji"')
        'system-ui, "GWR Noto Sans SC", sans-serif, "Apple Color Emoji"'
        >>> with_subset_family('Menlo,"DejaVu Sans Mono"')
        'Menlo, "DejaVu Sans Mono", "GWR Noto Sans SC"'
    """
    families = [f for f in split_families(value) if f.strip("\"'") != family]
    quoted = f'"{family}"'
    at = next((i for i, f in enumerate(families) if f.lower() in GENERIC_FAMILIES), len(families))
    return ", ".join([*families[:at], quoted, *families[at:]])


def theme_font_stacks(css_texts: Iterable[str]) -> dict[str, str]:
    """The theme's literal font stacks: custom properties whose value is a font-family list
    that ends in a generic family (``--pst-font-family-base-system``, ``--bs-font-sans-serif``,
    …), the first value of each, sorted by name.

    Examples:
        >>> theme_font_stacks(['html{--pst-font-family-base-system:system-ui,sans-serif;'
        ...                    '--pst-font-family-base:var(--pst-font-family-base-system);'
        ...                    '--fa-font-solid:normal 900 1em/1 "Font Awesome 6 Free"}'])
        {'--pst-font-family-base-system': 'system-ui,sans-serif'}
    """
    stacks: dict[str, str] = {}
    for text in css_texts:
        for name, value in _CUSTOM_PROPERTY.findall(text):
            value = value.strip()
            if "var(" in value or name in stacks:
                continue
            if any(f.lower() in GENERIC_FAMILIES for f in split_families(value)):
                stacks[name] = value
    return dict(sorted(stacks.items()))


def read_theme_stacks(static: Path) -> dict[str, str]:
    """The font stacks of the stylesheets in the built _static/ (the theme's, Bootstrap's)."""
    files = sorted(p for p in static.rglob("*.css") if p.name != CSS_FILE)
    stacks = theme_font_stacks(p.read_text(encoding="utf-8", errors="replace") for p in files)
    if not stacks:
        logger.warning(f"gwr.webfont: no font stack found in the theme's stylesheets under "
                       f"{static}; CJK text falls back to {FONT_STACK_FALLBACK}.",
                       type="gwr", subtype="webfont")
        stacks = dict(FONT_STACK_FALLBACK)
    return stacks


@dataclass(frozen=True)
class Slice:
    filename: str
    code_points: tuple[int, ...]
    size: int


def render_css(slices: list[Slice], stacks: Mapping[str, str], digest: str,
               font_name: str = "Noto Sans CJK SC") -> str:
    """The stylesheet: a header naming the font and its licence, one @font-face per slice, and
    the theme's font stacks with the subset family inserted."""
    count = sum(len(s.code_points) for s in slices)
    total = sum(s.size for s in slices)
    lines = [
        f"/* {FORMAT} {digest} */",
        f"/* The site's own CJK font: {font_name}, subset to the {count} CJK characters that",
        f"   the built pages contain, in {len(slices)} slices ({total} bytes in all) by",
        "   unicode-range; a page downloads only the slices whose characters it shows.",
        f"   Licence: SIL Open Font License 1.1, {FONT_DIR}/{LICENCE_FILE}.",
        "   Made by gwr.book.sphinxext.webfont at the end of the build: do not edit. */",
    ]
    for s in slices:
        lines += [
            "@font-face {",
            f'  font-family: "{FAMILY}";',
            "  font-style: normal;",
            "  font-weight: 400;",
            "  font-display: swap;",
            f'  src: url("{FONT_DIR}/{s.filename}") format("woff2");',
            f"  unicode-range: {unicode_range(s.code_points)};",
            "}",
        ]
    lines.append("/* The theme's font stacks, the subset just before the generic family: Latin")
    lines.append("   text keeps the theme's fonts; CJK text, which they lack, takes the subset. */")
    lines.append("html:root {")
    lines += [f"  {name}: {with_subset_family(value)};" for name, value in stacks.items()]
    lines.append("}")
    return "\n".join(lines) + "\n"


def plan_digest(slices: list[list[int]], stacks: Mapping[str, str], font: Path) -> str:
    """A digest of everything the output depends on: this module's code, the slices, the theme
    stacks and the font file's identity (package version, name, size)."""
    try:
        version = metadata.version(FONT_PACKAGE.replace("_", "-"))
    except metadata.PackageNotFoundError:
        version = "?"
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    payload = json.dumps({"format": FORMAT, "code": code, "slices": slices, "stacks": stacks,
                          "font": [version, font.name, font.stat().st_size]},
                         sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()[:20]


def current_digest(css: Path) -> str | None:
    """The plan digest recorded on the first line of an existing stylesheet, if all its fonts
    are there too."""
    if not css.is_file():
        return None
    text = css.read_text(encoding="utf-8")
    match = re.match(rf"/\* {re.escape(FORMAT)} ([0-9a-f]+) \*/", text)
    if not match:
        return None
    fonts = re.findall(rf'url\("{FONT_DIR}/([^"]+)"\)', text)
    folder = css.parent / FONT_DIR
    if not fonts or not all((folder / f).is_file() for f in fonts):
        return None
    if not (folder / LICENCE_FILE).is_file():
        return None
    return match.group(1)


# --- The build step ------------------------------------------------------------------------------

def write_webfont(outdir: Path, *, font: Path | None = None, size: int = SLICE_SIZE) -> bool:
    """Make the fonts and the stylesheet for the site in ``outdir``; False if it was current."""
    static = outdir / "_static"
    css_path = static / CSS_FILE
    folder = static / FONT_DIR
    font = font_path() if font is None else font  # FontMissingError, with the fix
    if not font.is_file():
        raise WebFontError(f"Font file not found: {font}. Run `make .venv/.installed`.")
    number = sc_face_number(font)
    usage = collect_usage(read_pages(outdir))
    available = font_code_points(font, number)
    missing = sorted(set(usage) - available)
    if missing:
        logger.info("gwr.webfont: the font lacks " + " ".join(f"U+{cp:04X}" for cp in missing))
    slices = plan_slices(usage, size, available)
    stacks = read_theme_stacks(static)
    digest = plan_digest(slices, stacks, font)
    if current_digest(css_path) == digest:
        return False
    datas = make_slices(font, number, slices) if slices else []
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for index, (code_points, data) in enumerate(zip(slices, datas, strict=True)):
        name = f"{SLICE_PREFIX}{index:02d}.{hashlib.sha256(data).hexdigest()[:16]}.woff2"
        target = folder / name
        if not (target.is_file() and target.read_bytes() == data):
            target.write_bytes(data)
        made.append(Slice(name, tuple(code_points), len(data)))
    keep = {s.filename for s in made}
    for old in sorted(folder.glob(f"{SLICE_PREFIX}*.woff2")):
        if old.name not in keep:
            old.unlink()
    (folder / LICENCE_FILE).write_text(licence_text(), encoding="utf-8")
    css_path.write_text(render_css(made, stacks, digest), encoding="utf-8")
    return True


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name not in {"html", "dirhtml"}:
        return
    outdir = Path(app.outdir)
    started = time.monotonic()
    wrote = write_webfont(outdir)
    logger.info(f"gwr.webfont: {outdir / '_static' / CSS_FILE} and its fonts "
                f"{'written' if wrote else 'unchanged'} in {time.monotonic() - started:.1f} s.")


def setup(app: Sphinx) -> None:
    # The file is written at build-finished; every page links it (after the theme's sheets).
    app.add_css_file(CSS_FILE, priority=900)
    app.connect("build-finished", on_build_finished)
