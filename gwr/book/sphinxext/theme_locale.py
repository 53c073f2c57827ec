"""The theme's own words in the Chinese edition: Sphinx's, pydata-sphinx-theme's,
sphinx-book-theme's and myst-nb's.

Sphinx and the themes ship zh_CN catalogs, but some words are missing from them ("Link to this
heading", "Color mode", "System Settings"), some are in the Taiwanese usage ("列印成 PDF"), and
some theme components write English outright (their copies in book/_templates translate them).
gwr/book/locale/<language>/LC_MESSAGES/<catalog>.po holds the project's words for each catalog
(``sphinx``: Sphinx's and pydata-sphinx-theme's, and the templates'; ``booktheme``:
sphinx-book-theme's). When the builder starts, each .po is read (with babel, which Sphinx
uses) and its messages are put in front of the catalog already loaded, so that both the
templates and the themes' Python code find them first. myst-nb's toggles of hidden cells are
configuration values, set from ui_text.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx import locale
from sphinx.application import Sphinx
from sphinx.config import Config

from gwr.book.sphinxext.ui_text import edition_of, text

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
CATALOGS = {"sphinx": "general", "booktheme": "general"}  # catalog -> Sphinx namespace


def messages(po: Path) -> dict[str, str]:
    """The translated messages of a .po file (msgid → msgstr), untranslated ones left out."""
    with po.open("rb") as fh:
        catalog = read_po(fh)
    return {m.id: m.string for m in catalog if m.id and m.string and isinstance(m.id, str)}


def _first(catalog: str, namespace: str, found: dict[str, str]) -> None:
    """Put ``found`` in front of the loaded catalog (in place: the templates hold it)."""
    translator = locale.translators.get((namespace, catalog))
    if isinstance(translator, gettext.GNUTranslations):
        translator._catalog.update(found)
        return
    mo = io.BytesIO()
    po = Catalog(locale=None)
    for msgid, msgstr in found.items():
        po.add(msgid, msgstr)
    write_mo(mo, po)
    mo.seek(0)
    mended = gettext.GNUTranslations(mo)
    if translator is not None:
        mended.add_fallback(translator)
    locale.translators[(namespace, catalog)] = mended


def _load(app: Sphinx) -> None:
    language = app.config.language or "en"
    for catalog, namespace in CATALOGS.items():
        for folder in (language, language.split("_")[0]):
            po = LOCALE_DIR / folder / "LC_MESSAGES" / f"{catalog}.po"
            if po.is_file():
                _first(catalog, namespace, messages(po))
                break


def _myst_nb(app: Sphinx, config: Config) -> None:
    if edition_of(config) != "en":
        config.nb_code_prompt_show = text(config, "nb.show_code")
        config.nb_code_prompt_hide = text(config, "nb.hide_code")


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _myst_nb, priority=100)
    app.connect("builder-inited", _load)
