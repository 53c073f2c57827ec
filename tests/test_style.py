"""The chart style: the shipped font covers the source, and SVG output repeats byte for byte."""

from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt
import pytest

from gwr import style
from gwr.errors import FontMissingError


def _svg(label: str) -> bytes:
    fig, ax = plt.subplots()
    ax.set_title(label)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    return buffer.getvalue()


def test_every_character_of_the_source_has_a_glyph(text):
    style.use_style()
    characters = "".join(sorted(set(text) - {"\n"}))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for i in range(0, len(characters), 80):
            _svg(characters[i:i + 80])
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert missing == []


def test_a_missing_glyph_is_detected():
    # The check above can fail: a character outside the font does warn.
    style.use_style()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _svg("\U0001D11E")  # musical symbol G clef, in neither font
    assert any("missing from font" in str(w.message) for w in caught)


def test_svg_is_identical_across_renders_and_undated():
    style.use_style()
    first, second = _svg("煤改电 3.48万户"), _svg("煤改电 3.48万户")
    assert first == second
    assert b"<dc:date>" not in first


def test_font_family_is_the_simplified_chinese_face():
    style.use_style()
    assert matplotlib.rcParams["font.family"] == ["Noto Sans CJK SC"]


def test_missing_font_package_says_how_to_install(monkeypatch):
    monkeypatch.setattr(style, "FONT_PACKAGE", "no_such_font_package")
    with pytest.raises(FontMissingError, match=r"make \.venv/\.installed|requirements\.lock"):
        style.font_path()


def test_missing_font_file_is_reported(tmp_path):
    with pytest.raises(FontMissingError, match="Font file not found"):
        style.register_font(tmp_path / "absent.ttc")


def test_palette_is_okabe_ito():
    assert list(style.PALETTE.values()) == ["#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                            "#0072B2", "#D55E00", "#CC79A7"]
