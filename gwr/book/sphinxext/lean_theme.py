"""Mend the theme for readers: a lean icon font, sound ARIA roles, a printed edition line.

- **Icons.** book/_templates/layout.html drops fontawesome.js (1.49 MB); the theme's icons are
  then drawn by its icon font, whose rules pydata-sphinx-theme.css already carries. When the
  build ends, the solid face (156 KB) is replaced by a subset holding only the glyphs the site
  uses, and the rules of the icons no page uses (about 2,000 of them) leave the stylesheet. The
  glyphs kept: those of every ``fa-*`` class named in a page or a script of the site, and every
  glyph the stylesheet itself draws (admonition, external-link and other icons).
- **Unused CSS.** The theme's stylesheets carry all of Bootstrap and styles for widgets this book
  never shows: about 70% of the 480 KB of stylesheets a page loaded. When the build ends, each
  of these stylesheets (THIRD_PARTY_CSS; the project's own are left as written) loses the rules
  none of whose selectors can match:
  a selector is kept while every class it names (outside ``:not()``, ``:is()``, ``:has()``…)
  occurs as a word in some page or script of the site, or is one that Bootstrap's scripts make
  up at run time (KEEP_PREFIXES); at-rules other than @media, @supports, @layer and @container
  are kept whole. Each build prunes from the originals (kept in the doctree folder, since an
  incremental build may not copy the theme's files again), against every page then in the
  output.
- **ARIA.** docutils marks each entry of a citation list ``role="doc-biblioentry"``, a role that
  ARIA 1.3 deprecates and that is not allowed inside ``role="list"``; axe reports the list as
  holding children it may not (critical). The entries become ``role="listitem"``. myst-nb names
  the toggle of a hidden code cell "Toggle hidden content" while it shows "Show code cell
  source": a name that hides the visible words (WCAG 2.5.3, axe's label-content-name-mismatch).
  The toggle is named by the words it shows.
- **Print.** ``gwr_print_edition`` gives the print header of every page (layout.html) the
  edition's version and the page's address (a preview build says it has none yet).

Everything here is deterministic: two builds write the same bytes (tools/check_reproducible.py).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from sphinx.application import Sphinx

from gwr.book.citation import page_url
from gwr.book.sphinxext.page_metadata import edition_for
from gwr.book.sphinxext.ui_text import text

THEME_CSS = Path("_static/styles/pydata-sphinx-theme.css")
# The stylesheets pruned: the theme's and the extensions', under _static. The project's own
# (custom.css, cite.css, the web font's cjk-font.css, …) are left as written.
THIRD_PARTY_CSS = ("styles/*.css", "basic.css", "pygments.css", "mystnb.*.css",
                   "sphinx-design.min.css", "togglebutton.css", "copybutton.css",
                   "sphinx-thebe.css")
# Classes Bootstrap's scripts build at run time (bs-tooltip-auto…) or add to what they show.
KEEP_PREFIXES = ("bs-", "tooltip", "popover", "dropdown", "collaps", "offcanvas", "modal", "show",
                 "fade")
WEBFONTS = Path("_static/vendor/fontawesome/webfonts")
SOLID = "fa-solid-900"
SUBSET = "fa-solid-900-subset.woff"
# One rule that only gives icon classes their glyph, e.g. .fa-a:before,.fa-b:before{content:"\f1"}
_ICON_RULE = re.compile(r'(?:\.fa-[a-z0-9-]+:{1,2}before,?)+\{content:"(\\[0-9a-f]+)"\}')
_ICON_CLASS = re.compile(r"\.fa-([a-z0-9-]+):{1,2}before")
_USED_CLASS = re.compile(r"\bfa-([a-z0-9]+(?:-[a-z0-9]+)*)")
_GLYPH = re.compile(r'"\\([0-9a-f]{2,6})"')
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")  # the icon font's glyphs, written as characters
_SOLID_FACE = re.compile(
    r"src:url\(\.\./vendor/fontawesome/webfonts/fa-solid-900\.woff2\) format\(\"woff2\"\),"
    r"url\(\.\./vendor/fontawesome/webfonts/fa-solid-900\.ttf\) format\(\"truetype\"\)")


def used_icon_names(texts: list[str]) -> set[str]:
    """Names of the ``fa-*`` classes that the given pages and scripts mention.

    Examples:
        >>> sorted(used_icon_names(['<i class="fa-solid fa-bars"></i>', '"fa-sun fa-lg"']))
        ['bars', 'lg', 'solid', 'sun']
    """
    return {name for text in texts for name in _USED_CLASS.findall(text)}


def prune_icon_rules(css: str, used: set[str]) -> tuple[str, set[int]]:
    """Drop the glyph rules of icon classes nobody uses; return the CSS and the code points kept.

    The code points kept are those of the rules left and every glyph the rest of the stylesheet
    draws (custom properties such as ``--pst-icon-info-circle``, ``content:`` of other rules).

    Examples:
        >>> css = ('.fa-bars:before,.fa-navicon:before{content:"\\\\f0c9"}'
        ...        '.fa-cat:before{content:"\\\\f6be"}:root{--pst-icon-x:"\\\\f05a"}')
        >>> pruned, kept = prune_icon_rules(css, {"bars"})
        >>> pruned
        '.fa-bars:before,.fa-navicon:before{content:"\\\\f0c9"}:root{--pst-icon-x:"\\\\f05a"}'
        >>> sorted(hex(c) for c in kept)
        ['0xf05a', '0xf0c9']
    """
    kept: set[int] = set()

    def keep_or_drop(rule: re.Match) -> str:
        if used.intersection(_ICON_CLASS.findall(rule.group(0))):
            kept.add(int(rule.group(1)[1:], 16))
            return rule.group(0)
        return ""

    pruned = _ICON_RULE.sub(keep_or_drop, css)
    # Glyphs drawn outside the icon classes: the theme's own pseudo-elements and variables,
    # written as escapes or as the characters themselves.
    rest = _ICON_RULE.sub("", pruned)
    kept.update(int(code, 16) for code in _GLYPH.findall(rest) if int(code, 16) >= 0xE000)
    kept.update(ord(char) for char in _PRIVATE_USE.findall(rest))
    return pruned, kept


def subset_font(source: Path, target: Path, codepoints: set[int]) -> None:
    """Write a WOFF of ``source`` holding only ``codepoints`` (no timestamp: the same bytes
    every time)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # the licence and copyright names stay with the font
    options.notdef_outline = True
    font = TTFont(str(source), recalcTimestamp=False)
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    font.flavor = "woff"
    font.save(str(target), reorderTables=True)


def _skip_string_or_comment(css: str, i: int) -> int:
    """If a string or a comment starts at ``i``, the index just past it; else ``i``."""
    if css.startswith("/*", i):
        end = css.find("*/", i + 2)
        return len(css) if end < 0 else end + 2
    if css[i] in "\"'":
        j = i + 1
        while j < len(css) and css[j] != css[i]:
            j += 2 if css[j] == "\\" else 1
        return j + 1
    return i


def css_blocks(css: str) -> list[tuple[str, str | None]]:
    """Split a stylesheet into (prelude, body) at its top level; body None for a statement
    (``@import …;``) and for comments, whose text is the prelude.

    Examples:
        >>> css_blocks('/*!x*/a{c:1}@media print{.b{c:"}"}}@import "y";')
        [('/*!x*/', None), ('a', 'c:1'), ('@media print', '.b{c:"}"}'), ('@import "y";', None)]
    """
    blocks, i, n = [], 0, len(css)
    while i < n:
        if css[i].isspace():
            i += 1
            continue
        if css.startswith("/*", i):
            end = _skip_string_or_comment(css, i)
            blocks.append((css[i:end], None))
            i = end
            continue
        start, depth, j = i, 0, i
        while j < n:
            skipped = _skip_string_or_comment(css, j)
            if skipped != j:
                j = skipped
                continue
            char = css[j]
            if char == ";" and depth == 0:
                blocks.append((css[start:j + 1].strip(), None))
                break
            if char == "{":
                if depth == 0:
                    open_at = j
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    blocks.append((css[start:open_at].strip(), css[open_at + 1:j]))
                    break
            j += 1
        i = j + 1
    return blocks


_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")


def _outside_parentheses(selector: str) -> str:
    """The selector with the arguments of functional pseudo-classes (``:not(.x)``) left out."""
    out, depth = [], 0
    for char in selector:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            out.append(char)
    return "".join(out)


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in prelude:
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    return [*parts, "".join(current)]


def selector_can_match(selector: str, words: set[str]) -> bool:
    """Whether every class the selector requires occurs among the site's words.

    Examples:
        >>> words = {"btn", "navbar"}
        >>> selector_can_match(".btn:not(.disabled) > .navbar", words)
        True
        >>> selector_can_match(".carousel-item.active", words)
        False
        >>> selector_can_match(".bs-tooltip-auto[data-popper-placement]", words)
        True
    """
    if "\\" in selector:
        return True  # an escaped class name: keep it rather than guess
    classes = _CLASS.findall(_outside_parentheses(selector))
    return all(name in words or name.startswith(KEEP_PREFIXES) for name in classes)


GROUPING = ("@media", "@supports", "@layer", "@container", "@document")


def prune_css(css: str, words: set[str]) -> str:
    """The stylesheet without the style rules none of whose selectors can match.

    Examples:
        >>> prune_css('.a,.b{x:1}.c{y:2}@media print{.c{z:3}}@font-face{src:url(f)}', {"a"})
        '.a,.b{x:1}@font-face{src:url(f)}'
        >>> prune_css('/*! licence */.a{x:1}', set())
        '/*! licence */'
    """
    out = []
    for prelude, body in css_blocks(css):
        if body is None:
            if prelude.startswith("/*!") or not prelude.startswith("/*"):
                out.append(prelude)  # licence comments and statements stay
        elif prelude.startswith(GROUPING):
            inner = prune_css(body, words)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@") or any(selector_can_match(s, words)
                                            for s in _split_selectors(prelude)):
            out.append(f"{prelude}{{{body}}}")  # other at-rules whole; rules that can match
    return "".join(out)


def slim_icons(css: str, outdir: Path, texts: list[str]) -> str:
    """The theme stylesheet without the rules of unused icons and with its solid face pointing
    to a subset of the font holding the glyphs left, which it writes beside the full face."""
    font_path = outdir / WEBFONTS / f"{SOLID}.ttf"
    if not (font_path.is_file() and _SOLID_FACE.search(css)):
        return css  # another version of the theme: leave its icons alone
    pruned, codepoints = prune_icon_rules(css, used_icon_names(texts))
    subset_font(font_path, outdir / WEBFONTS / SUBSET, codepoints)
    return _SOLID_FACE.sub(f'src:url(../vendor/fontawesome/webfonts/{SUBSET}) format("woff")',
                           pruned)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def original(path: Path, keep: Path) -> str:
    """The stylesheet at ``path`` as Sphinx copied it, kept in ``keep`` across builds.

    Sphinx copies a theme's files again only when it sees a reason to: an incremental build may
    leave the file pruned last time, which must not be pruned again against new pages. A file
    that is exactly what the last build wrote is read from its kept original; any other is a
    fresh copy, and becomes the original.
    """
    text = path.read_text(encoding="utf-8")
    kept, written = keep.with_suffix(keep.suffix + ".orig"), keep.with_suffix(keep.suffix + ".out")
    if kept.is_file() and written.is_file() and written.read_text() == _digest(text):
        return kept.read_text(encoding="utf-8")
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_text(text, encoding="utf-8")
    return text


def lean_stylesheets(outdir: Path, keep: Path) -> None:
    """Slim the icons of the theme stylesheet, then prune the theme's and the extensions'
    stylesheets (THIRD_PARTY_CSS), each from its original (``keep`` holds the originals
    between builds)."""
    # Every page, and every script the pages may load (fontawesome.js is never loaded).
    files = [p for p in sorted(outdir.rglob("*.html"))
             if p.relative_to(outdir).parts[0] != "_static"]
    files += [p for p in sorted((outdir / "_static").rglob("*.js")) if p.name != "fontawesome.js"]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    words = {word for text in texts for word in re.findall(r"[A-Za-z0-9_-]+", text)}
    static = outdir / "_static"
    for path in sorted({p for pattern in THIRD_PARTY_CSS for p in static.glob(pattern)}):
        relative = path.relative_to(outdir)
        css = original(path, keep / relative)
        if relative == THEME_CSS:
            css = slim_icons(css, outdir, texts)
        css = prune_css(css, words)
        path.write_text(css, encoding="utf-8")
        (keep / relative).with_suffix(relative.suffix + ".out").write_text(_digest(css))


def _lean(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        lean_stylesheets(Path(app.outdir), Path(app.doctreedir) / "gwr-lean-theme")


def mend_aria(body: str) -> str:
    """Entries of a citation list become list items, as ``role="list"`` requires; the toggles
    of hidden code cells are named by the words they show.

    Examples:
        >>> mend_aria('<div role="list" class="citation-list"><div class="citation" '
        ...           'id="a" role="doc-biblioentry">')
        '<div role="list" class="citation-list"><div class="citation" id="a" role="listitem">'
        >>> mend_aria('<summary aria-label="Toggle hidden content"><p>Show code cell source')
        '<summary><p>Show code cell source'
    """
    body = body.replace('role="doc-biblioentry"', 'role="listitem"')
    return body.replace('<summary aria-label="Toggle hidden content">', "<summary>")


def print_edition(pagename: str, *, release: bool, language: str = "en") -> str:
    """The line under a printed page's title: the edition, its version, the page's address."""
    edition = edition_for(language)
    address = (page_url(edition, pagename) if release else text(language, "print.preview"))
    return text(language, "print.edition", title=edition.title, version=edition.version,
                released=edition.released.isoformat(), address=address)


def _page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if "body" in context:
        context["body"] = mend_aria(context["body"])
    context["gwr_print_edition"] = print_edition(pagename, release=bool(app.config.gwr_release),
                                                 language=app.config.language)


def setup(app: Sphinx) -> None:
    app.add_js_file("reader.js", loading_method="defer")  # book/_static: cues for scrolling boxes
    app.connect("html-page-context", _page)
    app.connect("build-finished", _lean, priority=900)  # after the theme writes pygments.css
