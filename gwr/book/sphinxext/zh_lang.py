"""Mark the runs of the other language in every page, so browsers and screen readers know.

- On an English page (``<html lang="en">``), each run of Chinese text is wrapped in
  ``<span lang="zh">``.
- On a Chinese page (``<html lang="zh-CN">``), English *prose* is marked ``lang="en"``: each
  element that an extension classes ``lang-en`` (the English of the source edition, a glossary
  gloss), and each run of two or more English words in the text. A single Latin token (5G,
  CSV, GB/T, a name such as Taiyuan, a number) is left unmarked: a Chinese voice reads it
  as well as an English one, and switching voices for one token makes a screen reader stutter
  (and a run of Chinese Latin-script tokens such as pinyin is not English). A run of English
  words, on the other hand, is read letter by letter or with Chinese phonetics by a Chinese
  voice; marked, NVDA, JAWS and VoiceOver switch to an English voice for it (WCAG 3.1.2,
  language of parts).
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx

from gwr.book.sphinxext.ui_text import edition_of

_TAG = re.compile(r"(<[^>]+>)")
# CJK ideographs and CJK punctuation/full-width forms; a run may hold digits and Latin inside.
_HAN = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2e80-\u2eff“”"
_RUN = re.compile(rf"[{_HAN}](?:[{_HAN}0-9A-Za-z.%+·—\-–]*[{_HAN}])?")
_OPAQUE = ("script", "style", "svg", "textarea", "pre", "code")
# English prose: two or more words of Latin letters, with what may stand between words of a
# sentence (spaces, ASCII punctuation, digits, curly apostrophes and quotes).
_WORD = r"[A-Za-z][A-Za-z'’\-]*"
_ENGLISH = re.compile(rf"{_WORD}(?:[ \t\r\n,;:.!?()\-–—'’‘“”\"/0-9%]+{_WORD})+"
                      r"(?:\s+\d[\d,.%]*)?[.!?]?")
_ENTITY = re.compile(r"(&#?\w+;)")
_LANG_EN = re.compile(r'(<[a-zA-Z][a-zA-Z0-9]*\b(?![^>]*\blang=)[^>]*\bclass="(?:[^"]*\s)?'
                      r'lang-en(?:\s[^"]*)?")')


def _runs(html: str, mark) -> str:
    """Apply ``mark`` to each piece of text outside tags and outside code."""
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
            out.append(mark(piece))
    return "".join(out)


def mark_chinese(html: str) -> str:
    """Wrap each run of Chinese text outside tags (and outside code) in <span lang="zh">.

    Examples:
        >>> mark_chinese('<p>完成3.48万户 households</p>')
        '<p><span lang="zh">完成3.48万户</span> households</p>'
        >>> mark_chinese('<a title="煤改电">x</a><code>煤</code>')
        '<a title="煤改电">x</a><code>煤</code>'
    """
    return _runs(html, lambda piece: _RUN.sub(
        lambda m: f'<span lang="zh">{m.group(0)}</span>', piece))


def _english_piece(piece: str) -> str:
    # Entities (&amp;) are never cut: only the text between them is searched.
    def span(match: re.Match) -> str:  # words, not a token such as M/OL or GB/T-7714
        run = match.group(0)
        return f'<span lang="en">{run}</span>' if re.search(r"\s", run) else run

    return "".join(part if _ENTITY.fullmatch(part) else _ENGLISH.sub(span, part)
                   for part in _ENTITY.split(piece))


def mark_english(html: str) -> str:
    """On a Chinese page: ``lang="en"`` on elements classed ``lang-en`` and on each run of two
    or more English words outside tags and code; single Latin tokens stay unmarked.

    Examples:
        >>> mark_english('<p>共 205 项承诺（CSV）。The plan for 2020.</p>')
        '<p>共 205 项承诺（CSV）。<span lang="en">The plan for 2020.</span></p>'
        >>> mark_english('<p class="en lang-en">Taiyuan</p><code>a b</code>')
        '<p class="en lang-en" lang="en">Taiyuan</p><code>a b</code>'
        >>> mark_english('<p>题名[M/OL]//书名</p>')
        '<p>题名[M/OL]//书名</p>'
        >>> mark_english('<p>R&amp;D plans 5G</p>')
        '<p>R&amp;<span lang="en">D plans 5G</span></p>'
    """
    html = _LANG_EN.sub(r'\1 lang="en"', html)
    # Inside an element already marked lang="en" a span would say nothing new, but it is
    # harmless; text of such elements is still searched, for simplicity.
    return _runs(html, _english_piece)


def _mark(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if "body" in context:
        mark = mark_english if edition_of(app) == "zh" else mark_chinese
        context["body"] = mark(context["body"])


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _mark)
