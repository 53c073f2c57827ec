"""Mark runs of Chinese text with lang="zh" in every page, so browsers and screen readers know."""

from __future__ import annotations

import re

from sphinx.application import Sphinx

_TAG = re.compile(r"(<[^>]+>)")
# CJK ideographs and CJK punctuation/full-width forms; a run may hold digits and Latin inside.
_HAN = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2e80-\u2eff“”"
_RUN = re.compile(rf"[{_HAN}](?:[{_HAN}0-9A-Za-z.%+·—\-–]*[{_HAN}])?")
_OPAQUE = ("script", "style", "svg", "textarea", "pre", "code")


def mark_chinese(html: str) -> str:
    """Wrap each run of Chinese text outside tags (and outside code) in <span lang="zh">.

    Examples:
        >>> mark_chinese('<p>完成3.48万户 households</p>')
        '<p><span lang="zh">完成3.48万户</span> households</p>'
        >>> mark_chinese('<a title="煤改电">x</a><code>煤</code>')
        '<a title="煤改电">x</a><code>煤</code>'
    """
    out, opaque = [], []
    for piece in _TAG.split(html):
        if piece.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            tag = name.group(1).lower() if name else ""
            if tag in _OPAQUE:
                if piece.startswith("</"):
                    if opaque and opaque[-1] == tag:
                        opaque.pop()
                elif not piece.endswith("/>"):
                    opaque.append(tag)
            out.append(piece)
        elif opaque or not piece:
            out.append(piece)
        else:
            out.append(_RUN.sub(lambda m: f'<span lang="zh">{m.group(0)}</span>', piece))
    return "".join(out)


def _mark(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if "body" in context:
        context["body"] = mark_chinese(context["body"])


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _mark)
