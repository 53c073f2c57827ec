"""Chart colours are readable: text contrast (WCAG 2.2), colours apart for colour-blind readers.

Contrast follows WCAG 2.2, success criterion 1.4.3 (relative luminance and contrast ratio as
defined there; 4.5:1 for normal text). Colour vision deficiency is simulated with the
physiologically based model of

    Machado, G. M., Oliveira, M. M., & Fernandes, L. A. F. (2009). A physiologically-based model
    for simulation of color vision deficiency. IEEE Transactions on Visualization and Computer
    Graphics, 15(6), 1291-1298. https://doi.org/10.1109/TVCG.2009.113

using its matrices for severity 1.0 (protanopia, deuteranopia), applied to linear sRGB. Colour
differences are CIE76 Delta E: the Euclidean distance in CIELAB (D65 white).
"""

from __future__ import annotations

import itertools
import math

import pytest

from gwr import charts, style

WHITE = "#FFFFFF"
TEXT_MINIMUM = 4.5  # WCAG 2.2 SC 1.4.3 (AA), normal text
# Machado et al. (2009), Table 1, severity 1.0; rows map linear (R, G, B) to the simulation.
MACHADO_2009 = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
}
IDENTITY = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
VISIONS = {"typical": IDENTITY, **MACHADO_2009}
# Thresholds in CIE76 units (a just-noticeable difference is about 2.3). Any two palette colours
# must stay clearly apart; the parts of the report, which the charts tell apart by colour alone
# in their legends, must stay far apart.
PALETTE_MINIMUM = 15.0
PARTS_MINIMUM = 40.0
REPORT_PARTS = ("review-2019", "plan-2020", "service-government")


def linear_rgb(colour: str) -> tuple[float, float, float]:
    """sRGB hex ('#RRGGBB') to linear RGB in [0, 1] (IEC 61966-2-1)."""
    channels = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance."""
    r, g, b = linear_rgb(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str = WHITE) -> float:
    """WCAG contrast ratio, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def simulate(colour: str, vision: str) -> tuple[float, float, float]:
    """Linear RGB of ``colour`` as seen with ``vision`` (Machado et al. 2009), clipped to gamut."""
    rgb = linear_rgb(colour)
    return tuple(min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
                 for row in VISIONS[vision])


def cielab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """Linear sRGB to CIELAB, D65 white point."""
    r, g, b = rgb
    xyz = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
           0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
           0.0193339 * r + 0.1191920 * g + 0.9503041 * b)
    white = (0.95047, 1.0, 1.08883)

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(v / w) for v, w in zip(xyz, white, strict=True))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e76(first: str, second: str, vision: str = "typical") -> float:
    """CIE76 colour difference of two colours as seen with ``vision``."""
    return math.dist(cielab(simulate(first, vision)), cielab(simulate(second, vision)))


def test_formulas_match_known_values():
    assert contrast_ratio("#000000") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#767676") == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    assert cielab(linear_rgb("#FFFFFF")) == pytest.approx((100.0, 0.0, 0.0), abs=0.01)
    assert delta_e76("#FF0000", "#00FF00") > 100  # red and green, for typical vision
    # The case the simulation exists for: red and green collapse for a deuteranope.
    assert delta_e76("#D62728", "#2CA02C", "deuteranopia") < delta_e76("#D62728", "#2CA02C") / 3
    assert simulate("#808080", "protanopia") == pytest.approx(linear_rgb("#808080"), abs=0.01)


@pytest.mark.parametrize("name", ["INK", "MUTED"])
def test_text_colours_meet_wcag_aa_on_white(name):
    ratio = contrast_ratio(getattr(style, name))
    assert ratio >= TEXT_MINIMUM, f"{name} {getattr(style, name)}: {ratio:.2f}:1 on white"


def test_report_each_palette_colour_against_white(capsys):
    # Reported, not required: the palette fills bars and lines, where WCAG asks 3:1 (SC 1.4.11)
    # only of graphics needed to understand the content; the charts also label their bars.
    lines = [f"{name:15} {colour} {contrast_ratio(colour):5.2f}:1"
             for name, colour in style.PALETTE.items()]
    with capsys.disabled():
        print("\nPalette contrast on white:\n  " + "\n  ".join(lines))
    assert len(lines) == len(style.PALETTE) == 7


@pytest.mark.parametrize("vision", list(VISIONS))
def test_palette_colours_stay_apart(vision):
    close = [f"{a}/{b}: {delta_e76(style.PALETTE[a], style.PALETTE[b], vision):.1f}"
             for a, b in itertools.combinations(style.PALETTE, 2)
             if delta_e76(style.PALETTE[a], style.PALETTE[b], vision) < PALETTE_MINIMUM]
    assert not close, f"palette colours too close for {vision} (Delta E76 < {PALETTE_MINIMUM})"


@pytest.mark.parametrize("vision", list(VISIONS))
def test_the_three_report_parts_are_far_apart(vision):
    colours = {part: charts.PART_COLOURS[part] for part in REPORT_PARTS}
    close = [f"{a}/{b}: {delta_e76(colours[a], colours[b], vision):.1f}"
             for a, b in itertools.combinations(REPORT_PARTS, 2)
             if delta_e76(colours[a], colours[b], vision) < PARTS_MINIMUM]
    assert not close, f"part colours too close for {vision} (Delta E76 < {PARTS_MINIMUM})"
