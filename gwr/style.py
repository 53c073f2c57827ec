"""One look for every chart: the shipped CJK font, a colour-blind-safe palette, stable SVGs."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager

from gwr.errors import FontMissingError

FONT_PACKAGE = "noto_cjk_sans_otc"
FONT_FILE = "NotoSansCJK-Regular.ttc"
# The collection holds the JP, KR, SC, TC and HK faces; SC gives mainland glyph shapes.
FONT_FAMILY = "Noto Sans CJK SC"
SVG_HASHSALT = "taiyuan-gwr-2020"

# Okabe & Ito's colour-universal-design palette, distinguishable with the common forms of
# colour blindness; black is left out of the cycle and used for text.
PALETTE = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
INK = "#222222"
MUTED = "#767676"  # 4.5:1 on white: the WCAG AA minimum for text

def font_path() -> Path:
    """Path of the shipped font file; FontMissingError, with the fix, if it is not installed."""
    try:
        path = Path(str(resources.files(FONT_PACKAGE).joinpath(FONT_FILE)))
    except ModuleNotFoundError:
        path = None
    if path is None or not path.is_file():
        raise FontMissingError(
            f"The chart font {FONT_FILE} (package {FONT_PACKAGE.replace('_', '-')}) is not "
            "installed, so Chinese labels would render as empty boxes.\n"
            "Install the project's pinned dependencies with `make .venv/.installed` (or "
            "`pip install -r requirements.lock`), then restart the kernel."
        )
    return path


def register_font(path: Path | None = None) -> str:
    """Add the CJK font file to matplotlib and return its family name."""
    path = font_path() if path is None else path
    if not Path(path).is_file():
        raise FontMissingError(
            f"Font file not found: {path}. Run `make .venv/.installed` to install it.")
    font_manager.fontManager.addfont(str(path))
    return FONT_FAMILY


def use_style(font_file: Path | None = None) -> None:
    """Apply the project's chart style; call once at the top of every notebook."""
    family = register_font(font_file)
    mpl.rcParams.update({
        "font.family": [family],
        "font.size": 10,
        "axes.titlesize": 12,
        "axes.titleweight": "normal",
        "axes.titlelocation": "left",
        "axes.labelcolor": INK,
        "axes.edgecolor": MUTED,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": mpl.cycler(color=list(PALETTE.values())),
        "axes.axisbelow": True,
        "axes.grid": False,
        "grid.color": "#dddddd",
        "text.color": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "figure.figsize": (7.5, 4.5),
        "figure.dpi": 100,
        "savefig.bbox": "tight",
        # Determinism: fixed ids in the SVG, glyphs drawn as paths (no font needed to view).
        "svg.hashsalt": SVG_HASHSALT,
        "svg.fonttype": "path",
    })
    _configure_inline_backend()


def _configure_inline_backend() -> None:
    """In a notebook, emit SVG without the creation date, so outputs repeat byte for byte."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the notebook stack
        return
    shell = get_ipython()
    if shell is None:
        return
    from matplotlib_inline.backend_inline import InlineBackend

    from gwr.zh_outputs import register_chinese_figures

    inline = InlineBackend.instance()
    inline.figure_formats = {"svg"}
    inline.print_figure_kwargs = {"bbox_inches": "tight", "metadata": {"Date": None}}
    # Each figure also carries its Chinese SVG, for the Chinese edition (one execution, two
    # editions); registered after the formats, whose choice drops every other Figure formatter.
    register_chinese_figures(shell, inline.print_figure_kwargs)
