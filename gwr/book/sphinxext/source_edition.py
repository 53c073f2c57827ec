"""The bilingual source edition: every paragraph at its own anchor, #para-N, Chinese and English.

Rendered from processed data only: the tables paragraphs.csv (the Chinese, its part, heading
marks) and translations.csv (the English), and the translator and the translation note, which
datapackage.json publishes as properties of the translations resource.
"""

from __future__ import annotations

import pandas as pd
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from gwr import paths
from gwr.book.sphinxext.apparatus import TABLES, placeholder
from gwr.book.sphinxext.ui_text import edition_of, text
from gwr.data.datapackage import published_resource
from gwr.data.tables import load_table

# The English part titles; each edition's are in ui_text ("source.part.<part>").
PART_TITLES = {part: text("en", f"source.part.{part}")
               for part in ("front", "review-2019", "plan-2020", "service-government")}
NO_LINK = "no-para-link"  # paragraph_links leaves text inside this class alone


def anchor(number: int) -> str:
    """The anchor of paragraph ``number`` in the source edition.

    Examples:
        >>> anchor(20)
        'para-20'
    """
    return f"para-{number}"


class SourceEdition(SphinxDirective):
    """``{source-edition}``: all paragraphs, grouped by the article's parts."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        tables = ("paragraphs", "translations", *TABLES)  # the apparatus reads TABLES
        for dependency in (*map(paths.processed_table, tables), paths.DATAPACKAGE):
            self.env.note_dependency(str(dependency))
        language = edition_of(self.env)
        intro = nodes.paragraph("", translation_note(language=language),
                                classes=["translation-note"])
        result: list[nodes.Node] = [intro]
        for part, rows in edition_rows(load_table("paragraphs"), load_table("translations")):
            container = nodes.section(ids=[f"part-{part}"], names=[f"part-{part}"])
            container += nodes.title("", text(language, f"source.part.{part}"))
            result.append(container)
            for row in rows:
                container += self._paragraph(int(row.paragraph), row.text, row.en,
                                             bool(row.is_heading), language)
        return result

    def _paragraph(self, number: int, chinese: str, english: str, heading: bool,
                   language: str = "en") -> list:
        target = nodes.target("", "", ids=[anchor(number)], names=[anchor(number)])
        self.state.document.note_explicit_target(target)
        box = nodes.container(classes=["source-para", "source-heading" if heading else "body"])
        label = nodes.paragraph("", "", classes=["para-number", NO_LINK])
        label += nodes.reference("", f"¶{number}", refid=anchor(number))
        if heading:
            label += nodes.inline("", text(language, "source.heading_mark"),
                                  classes=["heading-mark"])
        box += label
        box += nodes.paragraph("", chinese, classes=["zh", NO_LINK])
        # In the Chinese edition the English is a passage in another language (zh_lang).
        box += nodes.paragraph("", english,
                               classes=["en", "lang-en"] if language == "zh" else ["en"])
        box += placeholder(number)
        return [target, box]


def translation_note(resource: dict | None = None, language: str = "en") -> str:
    """The line that opens the page: who translated, and how, from the translations resource
    of datapackage.json (its properties translator and translation_note).

    Examples:
        >>> translation_note({"translator": "The editors", "translation_note": "Literal."})
        'Translation: The editors. Literal.'
        >>> translation_note().startswith("Translation: The editors of this edition")
        True
    """
    resource = resource if resource is not None else published_resource("translations")
    try:
        return text(language, "source.translation", translator=resource["translator"],
                    note=resource["translation_note"])
    except KeyError as exc:
        raise ExtensionError(f"source edition: the translations resource of datapackage.json "
                             f"has no {exc.args[0]!r}; run `make data`.") from None


def edition_rows(paragraphs: pd.DataFrame,
                 translations: pd.DataFrame) -> list[tuple[str, list]]:
    """The paragraphs with their English, in text order, grouped in runs of the same part.

    Raises ExtensionError unless the translation has exactly one row for every paragraph.

    Examples:
        >>> groups = edition_rows(load_table("paragraphs"), load_table("translations"))
        >>> [(part, len(rows)) for part, rows in groups]
        [('front', 9), ('review-2019', 32), ('plan-2020', 65), ('service-government', 4)]
        >>> groups[0][1][0].en
        'Taiyuan: speed up building a service-oriented government that satisfies the people'
    """
    if list(translations["paragraph"]) != list(paragraphs["paragraph"]):
        raise ExtensionError("source edition: translations.csv must have one row per paragraph "
                             "of paragraphs.csv, in the same order; run `make data`.")
    joined = paragraphs.merge(translations[["paragraph", "en"]], on="paragraph", how="left",
                              validate="one_to_one")
    groups: list[tuple[str, list]] = []
    for row in joined.itertuples(index=False):
        if not groups or groups[-1][0] != row.part:
            groups.append((row.part, []))
        groups[-1][1].append(row)
    return groups


def setup(app: Sphinx) -> None:
    app.add_directive("source-edition", SourceEdition)
