"""The book's own Sphinx pieces: ¶ links, lang marks, anchors."""

from __future__ import annotations

from gwr.book.sphinxext.paragraph_links import split_links
from gwr.book.sphinxext.source_edition import anchor
from gwr.book.sphinxext.zh_lang import mark_chinese


def test_every_pilcrow_number_becomes_a_link():
    pieces = split_links("¶1, ¶110 and ¶18–¶22")
    assert [n for _, n in pieces if n] == [1, 110, 18, 22]
    assert "".join(p for p, _ in pieces) == "¶1, ¶110 and ¶18–¶22"


def test_text_without_pilcrow_is_untouched():
    assert split_links("no paragraph here") == [("no paragraph here", None)]


def test_anchor_form():
    assert anchor(7) == "para-7"


def test_chinese_runs_are_marked_but_not_inside_scripts():
    html = '<p>煤改电 (coal to electricity)</p><script>var s = "煤";</script>'
    assert mark_chinese(html) == ('<p><span lang="zh">煤改电</span> (coal to electricity)</p>'
                                  '<script>var s = "煤";</script>')


def test_marking_is_idempotent_on_english():
    html = "<h1>The article at a glance</h1>"
    assert mark_chinese(html) == html
