"""Turn every "¶n" in the book's text into a link to paragraph n of the source edition."""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from gwr.book.sphinxext.source_edition import NO_LINK, anchor

PILCROW = re.compile(r"¶(\d{1,3})")
# Text inside these is code, a title, or already a link.
_SKIP = (nodes.literal_block, nodes.literal, nodes.raw, nodes.reference, addnodes.pending_xref,
         nodes.title, nodes.target, nodes.comment, nodes.system_message, nodes.image)


def _skipped(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, _SKIP) or NO_LINK in parent.get("classes", []):
            return True
        parent = parent.parent
    return False


def split_links(text: str) -> list[tuple[str, int | None]]:
    """Split ``text`` into (piece, paragraph number or None) runs.

    Examples:
        >>> split_links("完成 (¶20), ¶18–¶22")
        [('完成 (', None), ('¶20', 20), ('), ', None), ('¶18', 18), ('–', None), ('¶22', 22)]
    """
    pieces, last = [], 0
    for match in PILCROW.finditer(text):
        if match.start() > last:
            pieces.append((text[last:match.start()], None))
        pieces.append((match.group(0), int(match.group(1))))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], None))
    return pieces


class ParagraphLinks(SphinxTransform):
    """Replace ¶n in text with a cross-reference to the label para-n (defined by the edition).

    An unknown paragraph (¶0, ¶111) is an unresolved reference, so the strict build fails.
    """

    default_priority = 400

    def apply(self, **kwargs) -> None:
        for text in list(self.document.findall(nodes.Text)):
            if "¶" not in text or _skipped(text):
                continue
            pieces = split_links(str(text))
            if all(n is None for _, n in pieces):
                continue
            replacement = []
            for piece, number in pieces:
                if number is None:
                    replacement.append(nodes.Text(piece))
                    continue
                xref = addnodes.pending_xref(
                    "", nodes.inline(piece, piece, classes=["para-ref"]), refdomain="std",
                    reftype="ref", reftarget=anchor(number), refexplicit=True, refwarn=True,
                    refdoc=self.env.docname)
                replacement.append(xref)
            text.parent.replace(text, replacement)


def setup(app: Sphinx) -> None:
    app.add_transform(ParagraphLinks)
