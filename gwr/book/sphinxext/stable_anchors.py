"""Anchors that last: a section's label is its address, and no anchor a published build had is lost.

Three rules, applied to every page while Sphinx reads it:

1. A section with an explicit label (MyST ``(plan-targets)=`` before its heading) is addressed by
   that label first: it becomes the section's first id, which Sphinx uses for the heading's "¶"
   permalink and the page's table of contents. The id that docutils makes from the heading's
   words (the "slug", e.g. ``the-plan-s-targets-sit-in-its-last-six-tasks``) stays as a second id
   (a ``<span id>`` beside the section), so links made to it still land on the section.
2. A version heading of the changelog (``## 0.1.1 — 2026-11-29``, which docutils can only call
   ``id1``) is labelled ``v0-1-1``, and each section under it ``v0-1-1-<slug>``, e.g.
   ``v0-1-1-corrections``; these are labels like any other (``{ref}`v0-1-1```). CHANGELOG.md itself
   is not touched, so it reads the same on GitHub.
3. :data:`LEGACY_IDS` lists, for each label, every id its section had in a published build (0.1.0,
   0.1.1). The section keeps them all, whatever its heading says now: rewording a heading, or a
   new changelog version that shifts docutils' numbering (``id1``) and slugs (``the-data``), breaks
   no link. An id that docutils has meanwhile given to another labelled section is moved back to
   the section it named; an id held by anything else stops the build with a warning.

The glossary's term anchors are kept by gwr.book.sphinxext.glossary, the codebook's by
gwr.book.sphinxext.codebook. tests/test_anchors.py and tests/test_site_anchors.py hold the ids of
the 0.1.0 and 0.1.1 builds, recorded independently of this table.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

# A changelog version heading: "0.1.1", "0.1.1 — 2026-11-29", "v0.2.0 - 2027-01-05".
VERSION_TITLE = re.compile(r"v?(\d+)\.(\d+)\.(\d+)(?:\s*[—–-]\s*\d{4}-\d{2}-\d{2})?")

# label -> the ids its section had in the builds of 0.1.0 and 0.1.1 (slugs of the heading's
# words then; for the changelog, docutils' ids). Add to a tuple, never remove from one.
LEGACY_IDS: dict[str, tuple[str, ...]] = {
    # Chapter 1, notebooks/01-at-a-glance.ipynb
    "glance-overview": ("overview",),
    "glance-prerequisites": ("prerequisites",),
    "glance-paragraphs": ("the-article-is-a-short-text-of-many-short-paragraphs",),
    "glance-parts": ("the-plan-for-2020-takes-more-than-half-of-the-article",),
    "glance-sections": ("sections-range-from-a-sentence-to-a-full-page",),
    "glance-headings": (
        "the-article-keeps-the-report-s-names-for-2019-and-writes-headlines-for-2020",),
    "glance-headline": ("the-headline-frames-the-report-by-its-shortest-part",),
    "glance-summary": ("summary",),
    "glance-next": ("what-s-next",),
    "glance-data": ("data-and-code",),
    # Chapter 2, notebooks/02-review-2019.ipynb
    "review-overview": ("overview",),
    "review-prerequisites": ("prerequisites",),
    "review-areas": ("the-article-follows-the-report-s-nine-areas-in-the-report-s-order",),
    "review-figures": ("figures-and-distinctions-are-spread-unevenly-over-the-areas",),
    "review-baselines": ("only-poverty-incidence-is-given-a-starting-point",),
    "review-environment": ("the-environmental-results-are-levels-not-changes",),
    "review-renewal": ("urban-renewal-is-counted-in-compounds-streets-and-markets",),
    "review-unmeasured": ("a-large-part-of-the-review-is-not-measured-at-all",),
    "review-summary": ("summary",),
    "review-next": ("what-s-next",),
    "review-data": ("data-and-code",),
    # Chapter 3, notebooks/03-plan-2020.ipynb
    "plan-overview": ("overview",),
    "plan-prerequisites": ("prerequisites",),
    "plan-tasks": ("the-article-keeps-the-report-s-nine-tasks-and-fills-them-unevenly",),
    "plan-targets": ("the-plan-s-targets-sit-in-its-last-six-tasks",),
    "plan-deadlines": ("most-dated-promises-fall-due-on-the-last-day-of-the-year",),
    "plan-specificity": ("few-commitments-state-both-a-figure-and-a-deadline",),
    "plan-strength": (
        "hedged-promises-are-the-most-specific-continuing-efforts-carry-no-date",  # 0.1.0
        "hedged-promises-are-the-most-specific-continuing-efforts-almost-never-carry-a-date"),
    "plan-epidemic": ("the-new-epidemic-task-promises-much-and-measures-nothing",),
    "plan-summary": ("summary",),
    "plan-next": ("what-s-next",),
    "plan-data": ("data-and-code",),
    # Chapter 4, notebooks/04-service-government.ipynb
    "service-overview": ("overview",),
    "service-prerequisites": ("prerequisites",),
    "service-efforts": ("part-3-commits-to-continuing-efforts-not-to-results",),
    "service-unmeasured": ("not-one-commitment-of-part-3-states-a-figure-or-a-deadline",),
    "service-checkable": ("an-outsider-could-check-whether-but-never-how-much-or-by-when",),
    "service-record": ("the-2019-record-reports-results-that-part-3-does-not-set-out-to-measure",),
    "service-formulations": ("the-political-formulations-stand-in-the-summary-not-in-part-3",),
    "service-summary": ("summary",),
    "service-next": ("what-s-next",),
    "service-data": ("data-and-code",),
    # Chapter 5, notebooks/05-review-to-plan.ipynb
    "bridge-overview": ("overview",),
    "bridge-prerequisites": ("prerequisites",),
    "bridge-areas": ("every-2019-area-leads-forward-but-not-one-to-one",),
    "bridge-same-measure": (
        "where-both-years-give-the-same-measure-the-2020-figure-is-always-smaller",),
    "bridge-stages": ("other-programmes-change-their-measure-or-advance-by-stages",),
    "bridge-new": ("the-plan-adds-what-2019-could-not-have-foreseen-and-more",),
    "bridge-summary": ("summary",),
    "bridge-next": ("what-s-next",),
    "bridge-data": ("data-and-code",),
    # Chapter 6, notebooks/06-language.ipynb
    "lang-overview": ("overview",),
    "lang-prerequisites": ("prerequisites",),
    "lang-formulations": ("the-formulations-are-many-brief-and-mostly-unexplained",),
    "lang-verbs": ("the-verbs-commit-to-a-process-far-more-often-than-to-a-result",),
    "lang-words": ("the-commonest-words-are-about-building-and-pushing-ahead",),
    "lang-parts": (
        "each-part-has-its-own-words-results-for-2019-deadlines-for-2020-politics-for-part-3",),
    "lang-key-terms": ("key-terms-in-context-and-frame-the-text-is-always-a-rank",),
    "lang-summary": ("summary",),
    "lang-next": ("what-s-next",),
    "lang-data": ("data-and-code",),
    # Chapter 7, notebooks/07-places.ipynb
    "places-overview": ("overview",),
    "places-prerequisites": ("prerequisites",),
    "places-counties": (
        "the-article-names-the-outer-counties-and-leaves-most-urban-districts-out",),
    "places-brands": ("the-counties-enter-the-text-through-their-farm-brands",),
    "places-sites": (
        "the-many-named-sites-have-no-unit-in-the-text",  # 0.1.0
        "the-text-ties-almost-none-of-its-many-sites-to-a-unit-and-only-by-name"),
    "places-neighbours": ("reaches-out-to-every-neighbouring-city-but-one",),
    "places-summary": ("summary",),
    "places-next": ("what-s-next",),
    "places-data": ("data-and-code",),
    # The changelog (book/changelog.md includes CHANGELOG.md), as numbered in 0.1.1.
    "v0-1-1": ("id1",),
    "v0-1-1-corrections": ("corrections",),
    "v0-1-1-the-strength-lexicon": ("the-strength-lexicon",),
    "v0-1-1-other-figures-that-follow-from-the-corrections": (
        "other-figures-that-follow-from-the-corrections",),
    "v0-1-1-the-data": ("the-data",),
    "v0-1-1-for-those-who-re-run-the-book": ("for-those-who-re-run-the-book",),
    "v0-1-0": ("id2",),
    "v0-1-0-the-source": ("the-source",),
    "v0-1-0-the-data": ("id3",),
    "v0-1-0-the-analysis": ("the-analysis",),
    "v0-1-0-citing-and-reading": ("citing-and-reading",),
}


def version_anchor(title: str) -> str | None:
    """The anchor of a changelog version heading, None for any other heading.

    Examples:
        >>> version_anchor("0.1.1 — 2026-11-29")
        'v0-1-1'
        >>> version_anchor("0.1.10")
        'v0-1-10'
        >>> version_anchor("The data") is None
        True
    """
    match = VERSION_TITLE.fullmatch(title.strip())
    return f"v{match[1]}-{match[2]}-{match[3]}" if match else None


def _title(section: nodes.section) -> str:
    return section[0].astext() if len(section) and isinstance(section[0], nodes.title) else ""


class StableAnchors(SphinxTransform):
    """Labels first, changelog versions labelled, and every recorded old id kept (see above)."""

    # After docutils' PropagateTargets (260) has moved each label onto its section and Sphinx's
    # SortIds (261) has sorted the ids, before Sphinx collects sections and labels (doctree-read).
    default_priority = 262

    def apply(self, **kwargs) -> None:
        self._label_versions()
        self._labels_first()
        self._keep_legacy_ids()

    def _add_label(self, section: nodes.section, label: str) -> None:
        """Make ``label`` an explicit target of ``section``, so {ref} can link to it."""
        owner = self.document.ids.get(label)
        if owner is not None and owner is not section:
            logger.warning("anchor %r of the section %r is already taken", label,
                           _title(section), location=section, type="gwr", subtype="anchor")
            return
        if label not in section["ids"]:
            section["ids"].insert(0, label)
        self.document.ids[label] = section
        if label not in section["names"]:
            section["names"].append(label)
        self.document.nameids[label] = label
        self.document.nametypes[label] = True

    def _label_versions(self) -> None:
        for section in list(self.document.findall(nodes.section)):
            version = version_anchor(_title(section))
            if version is None:
                continue
            for sub in list(section.findall(nodes.section))[1:]:  # [0] is the section itself
                slug = nodes.make_id(_title(sub))
                if slug:
                    self._add_label(sub, f"{version}-{slug}")
            self._add_label(section, version)

    def _labels_first(self) -> None:
        """Put the ids that came from a label in front of the section's other ids."""
        labels: dict[int, tuple[nodes.section, list[str]]] = {}
        for target in self.document.findall(nodes.target):
            refid = target.get("refid")
            if not refid or target.get("refuri") or target.get("refname") or len(target):
                continue
            section = self.document.ids.get(refid)
            if isinstance(section, nodes.section) and refid in section["ids"]:
                labels.setdefault(id(section), (section, []))[1].append(refid)
        for section, ids in labels.values():
            section["ids"] = ids + [i for i in section["ids"] if i not in ids]

    def _keep_legacy_ids(self) -> None:
        for label, old_ids in LEGACY_IDS.items():
            section = self.document.ids.get(label)
            if section is None:
                continue
            if not isinstance(section, nodes.section):
                logger.warning("label %r must stand right before a heading", label,
                               location=section, type="gwr", subtype="anchor")
                continue
            for old in old_ids:
                owner = self.document.ids.get(old)
                if owner is section:
                    continue
                if owner is not None:
                    if not (isinstance(owner, nodes.section) and len(owner["ids"]) > 1):
                        logger.warning("old anchor %r of section %r is taken by a %s", old, label,
                                       owner.tagname, location=section, type="gwr",
                                       subtype="anchor")
                        continue
                    owner["ids"].remove(old)
                section["ids"].append(old)
                self.document.ids[old] = section


def _check_labels(app: Sphinx, env: BuildEnvironment) -> None:
    """Every label that carries old anchors must still exist, or its old anchors are lost."""
    labels = env.get_domain("std").labels
    for label in LEGACY_IDS:
        if label not in labels:
            logger.warning("label %r is gone, and with it the old anchors %s; put it back before "
                           "its section's heading", label, ", ".join(LEGACY_IDS[label]),
                           type="gwr", subtype="anchor")


def setup(app: Sphinx) -> None:
    app.add_transform(StableAnchors)
    app.connect("env-check-consistency", _check_labels)
