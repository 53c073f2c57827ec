"""Version, release date and "last updated" on every page, taken from CITATION.cff."""

from __future__ import annotations

import datetime as dt
import os

from sphinx.application import Sphinx
from sphinx.config import Config

from gwr.book.citation import is_placeholder
from gwr.book.sphinxext.page_metadata import edition_for
from gwr.book.sphinxext.ui_text import text

# Footer links are made relative to each page when it is written (see _link_footer).
_LINKS = {"@@HOW-TO-CITE@@": "book/how-to-cite", "@@CHANGELOG@@": "book/changelog"}


def _apply(app: Sphinx, config: Config) -> None:
    edition = edition_for(config)  # the Chinese edition names its authors in Chinese
    config.version = config.release = edition.version
    # "Last updated" is the release date, never the build clock, so two builds are identical:
    # Sphinx's date formatting honours SOURCE_DATE_EPOCH.
    midnight = dt.datetime.combine(edition.released, dt.time(), tzinfo=dt.UTC)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    config.html_last_updated_fmt = text(config, "meta.last_updated_fmt")
    options = config.html_theme_options
    footer = options.get("extra_footer", "")
    preview = "" if config.gwr_release else text(config, "meta.preview")
    line = text(config, "meta.version_line", version=edition.version,
                released=edition.released.isoformat(), preview=preview)
    version_line = (f'<p class="edition-version">{line}'
                    f'<a href="@@HOW-TO-CITE@@">{text(config, "meta.how_to_cite")}</a> · '
                    f'<a href="@@CHANGELOG@@">{text(config, "meta.changelog")}</a></p>')
    options["extra_footer"] = version_line + (f"<p>{footer}</p>" if footer else "")
    # One author, named as CITATION.cff names it, in the footer's "By …" too.
    config.author = edition.author
    repository = edition.repository
    if not is_placeholder(repository):  # launch (Binder) buttons need the repository's address
        options["repository_url"] = repository
    else:  # no Binder link to a placeholder repository: the theme then shows no launch button
        launch = dict(options.get("launch_buttons") or {})
        for key in ("binderhub_url", "jupyterhub_url", "colab_url", "deepnote_url"):
            launch[key] = ""
        options["launch_buttons"] = launch
        options["repository_url"] = ""


def _link_footer(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    footer = context.get("theme_extra_footer") or ""
    for token, docname in _LINKS.items():
        footer = footer.replace(token, context["pathto"](docname))
    context["theme_extra_footer"] = footer


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _apply)
    app.connect("html-page-context", _link_footer)
