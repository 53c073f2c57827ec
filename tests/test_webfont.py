"""The site's CJK web font (gwr.book.sphinxext.webfont), without a built site: which characters
count, how they are sliced, what the stylesheet says, and the errors when a part is missing.

The built site's font is checked in test_site_font.py (marker `site`)."""

from __future__ import annotations

import importlib.util
import io
import random
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from gwr import style
from gwr.book.sphinxext import webfont
from gwr.errors import FontMissingError

THEME_CSS = ('html{--pst-font-family-base-system:system-ui,sans-serif,"Apple Color Emoji";'
             '--pst-font-family-base:var(--pst-font-family-base-system);'
             '--pst-font-family-monospace-system:ui-monospace,"DejaVu Sans Mono",monospace;'
             '--fa-font-solid:normal 900 1em/1 "Font Awesome 6 Free"}')


# --- Which characters ------------------------------------------------------------------------

@pytest.mark.parametrize("char", ["中", "煤", "、", "。", "《", "》", "「", "　", "，", "（", "）",
                                  "：", "；", "％", "０", "あ", "㐀", "𠀀", "﹁"])
def test_cjk_characters_are_collected(char):
    assert webfont.cjk_code_points(char) == {ord(char)}


@pytest.mark.parametrize("char", ["A", "z", "5", ".", "%", "“", "”", "—", "·", "é", "¶", " "])
def test_latin_digits_and_general_punctuation_are_not(char):
    assert webfont.cjk_code_points(char) == set()


def test_the_pages_text_keeps_attributes_and_entities_but_not_scripts_or_styles():
    markup = ('<html><head><style>p::after{content:"样式"}</style></head><body>'
              '<p title="标题">正&#25991;&amp;</p><input placeholder="搜索">'
              '<script>var s = "脚本";</script><SCRIPT type="x">码</SCRIPT></body></html>')
    found = {chr(cp) for cp in webfont.cjk_code_points(webfont.page_text(markup))}
    assert found == set("标题正文搜索")


def test_usage_records_the_pages_of_each_character():
    usage = webfont.collect_usage({"a.html": "<p>太原市</p>", "b.html": "<p>太原，山西</p>",
                                   "c.html": "<p>Taiyuan</p>"})
    assert {chr(cp): sorted(pages) for cp, pages in usage.items()} == {
        "太": ["a.html", "b.html"], "原": ["a.html", "b.html"], "市": ["a.html"],
        "，": ["b.html"], "山": ["b.html"], "西": ["b.html"]}


def test_site_pages_skip_the_theme_templates_and_nested_sites(tmp_path):
    for name in ["index.html", "book/source.html", "_static/webpack-macros.html",
                 "zh/_static/x.css", "zh/book/source.html", "notebooks/01.html"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<p>中</p>", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in webfont.site_pages(tmp_path)]
    assert found == ["book/source.html", "index.html", "notebooks/01.html"]


# --- Slices -----------------------------------------------------------------------------------

def random_usage(seed: int, chars: int = 700, pages: int = 9) -> dict[int, set[str]]:
    rng = random.Random(seed)
    names = [f"p{i}.html" for i in range(pages)]
    return {0x4E00 + rng.randrange(20000): set(rng.sample(names, rng.randint(1, pages)))
            for _ in range(chars)}


def test_slicing_is_deterministic_whatever_the_order_of_the_input():
    usage = random_usage(1)
    shuffled = list(usage.items())
    random.Random(2).shuffle(shuffled)
    reordered = {cp: set(reversed(sorted(pages))) for cp, pages in shuffled}
    assert webfont.plan_slices(usage, 100) == webfont.plan_slices(reordered, 100)


def test_every_code_point_is_in_exactly_one_slice_of_bounded_size():
    usage = random_usage(3)
    slices = webfont.plan_slices(usage, 100)
    flat = [cp for s in slices for cp in s]
    assert sorted(flat) == sorted(usage)
    assert all(0 < len(s) <= 100 and s == sorted(s) for s in slices)
    assert len(slices) <= 2 * len(usage) / 100 + 1  # a group boundary closes a half-full slice


def test_characters_on_more_pages_come_first_and_one_pages_characters_stay_together():
    common = {0x4E00 + i: {"a", "b", "c"} for i in range(10)}
    only_a = {0x5E00 + i: {"a"} for i in range(6)}
    only_b = {0x6E00 + i: {"b"} for i in range(6)}
    slices = webfont.plan_slices({**only_b, **only_a, **common}, 10)
    assert slices == [sorted(common), sorted(only_a), sorted(only_b)]


def test_code_points_the_font_lacks_are_left_out():
    usage = {0x4E00: {"a"}, 0x4E01: {"a"}, 0x10FFFD: {"a"}}
    assert webfont.plan_slices(usage, 10, available={0x4E00, 0x4E01}) == [[0x4E00, 0x4E01]]


def test_unicode_range_joins_runs():
    assert webfont.unicode_range([0x3002]) == "U+3002"
    assert webfont.unicode_range([0x4E03, 0x4E01, 0x4E02, 0x20000]) == "U+4E01-4E03, U+20000"


# --- The stylesheet ----------------------------------------------------------------------------

def test_the_theme_stacks_get_the_subset_before_their_generic_family():
    stacks = webfont.theme_font_stacks([THEME_CSS])
    assert list(stacks) == ["--pst-font-family-base-system", "--pst-font-family-monospace-system"]
    assert webfont.with_subset_family(stacks["--pst-font-family-base-system"]) == (
        'system-ui, "GWR Noto Sans SC", sans-serif, "Apple Color Emoji"')
    assert webfont.with_subset_family(stacks["--pst-font-family-monospace-system"]) == (
        'ui-monospace, "DejaVu Sans Mono", "GWR Noto Sans SC", monospace')
    once = webfont.with_subset_family("Arial, sans-serif")
    assert webfont.with_subset_family(once) == once


def test_the_installed_theme_still_declares_the_stacks_the_stylesheet_extends():
    spec = importlib.util.find_spec("pydata_sphinx_theme")
    assert spec and spec.origin
    sheets = sorted(Path(spec.origin).parent.rglob("pydata-sphinx-theme.css"))
    assert sheets, "the theme's stylesheet was not found"
    stacks = webfont.theme_font_stacks(s.read_text(encoding="utf-8") for s in sheets)
    assert {"--pst-font-family-base-system", "--pst-font-family-monospace-system"} <= set(stacks)


def test_the_stylesheet_has_one_swapping_face_per_slice():
    slices = [webfont.Slice("a.woff2", (0x4E00, 0x4E01), 10),
              webfont.Slice("b.woff2", (0x3002,), 20)]
    css = webfont.render_css(slices, webfont.theme_font_stacks([THEME_CSS]), "abc")
    assert css.startswith(f"/* {webfont.FORMAT} abc */\n")
    assert css.count("@font-face") == 2 and css.count("font-display: swap;") == 2
    assert 'src: url("fonts/a.woff2") format("woff2");\n  unicode-range: U+4E00-4E01;' in css
    assert "unicode-range: U+3002;" in css
    assert "OFL.txt" in css


# --- The fonts ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """A tiny site, its fonts made once."""
    root = tmp_path_factory.mktemp("site")
    (root / "_static" / "styles").mkdir(parents=True)
    (root / "_static" / "styles" / "theme.css").write_text(THEME_CSS, encoding="utf-8")
    (root / "a.html").write_text("<p>太原市政府工作报告。</p>", encoding="utf-8")
    (root / "b.html").write_text("<p>太原，山西省会（２０２０）。</p>", encoding="utf-8")
    assert webfont.write_webfont(root, size=4) is True
    return root


def outputs(root: Path) -> dict[str, bytes]:
    static = root / "_static"
    files = [static / webfont.CSS_FILE, *sorted((static / webfont.FONT_DIR).iterdir())]
    return {f.relative_to(root).as_posix(): f.read_bytes() for f in files}


def test_each_slice_is_woff2_holding_exactly_its_characters(made):
    css = (made / "_static" / webfont.CSS_FILE).read_text(encoding="utf-8")
    faces = re.findall(r'url\("fonts/([^"]+)"\) format\("woff2"\);\n  unicode-range: ([^;]+);',
                       css)
    assert len(faces) >= 4
    source = TTFont(str(style.font_path()), fontNumber=webfont.sc_face_number(style.font_path()),
                    lazy=True)
    for name, ranges in faces:
        assert re.fullmatch(r"noto-sans-sc-\d\d\.[0-9a-f]{16}\.woff2", name)
        data = (made / "_static" / "fonts" / name).read_bytes()
        assert data[:4] == b"wOF2"
        font = TTFont(io.BytesIO(data))
        assert font["name"].getDebugName(1) == "Noto Sans CJK SC"
        assert webfont.unicode_range(font.getBestCmap()) == ranges
        # The source font's own dates, not the time of the build.
        assert (font["head"].created, font["head"].modified) == (
            source["head"].created, source["head"].modified)
    assert "SIL Open Font License" in (made / "_static" / "fonts" / "OFL.txt").read_text()


def test_a_second_run_skips_and_a_fresh_run_gives_the_same_bytes(made, tmp_path):
    before = outputs(made)
    assert webfont.write_webfont(made, size=4) is False
    assert outputs(made) == before
    copy = tmp_path / "copy"
    for path in [*made.glob("*.html"), made / "_static" / "styles" / "theme.css"]:
        target = copy / path.relative_to(made)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    assert webfont.write_webfont(copy, size=4) is True
    assert outputs(copy) == before


def test_a_changed_page_replaces_the_slices_and_removes_the_old_ones(made, tmp_path):
    copy = tmp_path / "copy"
    for path in [*made.rglob("*")]:
        target = copy / path.relative_to(made)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    (copy / "c.html").write_text("<p>煤改电</p>", encoding="utf-8")
    assert webfont.write_webfont(copy, size=4) is True
    css = (copy / "_static" / webfont.CSS_FILE).read_text(encoding="utf-8")
    listed = set(re.findall(r'url\("fonts/([^"]+)"\)', css))
    assert {p.name for p in (copy / "_static" / "fonts").glob("*.woff2")} == listed
    assert "U+7164" in css  # 煤


# --- Missing parts: a clear error with the fix ---------------------------------------------------

def test_without_brotli_the_error_names_the_package_and_the_fix(monkeypatch, tmp_path):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name in {"brotli", "brotlicffi"}
                        else real(name, *a))
    with pytest.raises(webfont.WebFontError) as raised:
        webfont.require_brotli()
    message = str(raised.value)
    assert "brotli" in message and "WOFF2" in message
    assert "requirements.lock" in message and "make .venv/.installed" in message
    # And the build step stops with it before writing anything.
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "theme.css").write_text(THEME_CSS, encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>中</p>", encoding="utf-8")
    with pytest.raises(webfont.WebFontError, match="brotli"):
        webfont.write_webfont(tmp_path)
    assert not (tmp_path / "_static" / webfont.CSS_FILE).exists()


def test_without_the_font_package_the_error_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(style, "FONT_PACKAGE", "no_such_font_package")
    (tmp_path / "a.html").write_text("<p>中</p>", encoding="utf-8")
    with pytest.raises(FontMissingError, match=re.escape("make .venv/.installed")):
        webfont.write_webfont(tmp_path)


def test_a_missing_font_file_is_named(tmp_path):
    missing = tmp_path / "NotoSansCJK-Regular.ttc"
    with pytest.raises(webfont.WebFontError, match=re.escape(str(missing))):
        webfont.write_webfont(tmp_path, font=missing)


def test_a_collection_without_the_sc_face_is_refused(tmp_path):
    with pytest.raises(webfont.WebFontError, match="no face called 'Noto Sans CJK XX'"):
        webfont.sc_face_number(style.font_path(), family="Noto Sans CJK XX")
