"""Data integrity: every row of every table that comes from the text points at it exactly."""

from __future__ import annotations

import pytest

SPAN_TABLES = {"paragraphs": "text", "mentions": "quote", "indicators": "quote",
               "commitments": "text", "places": "quote", "review_claims": "quote",
               "plan_new_items": "quote", "place_units": "quote", "reforms": "quote",
               "summary_clauses": "quote", "tokens": "token"}


@pytest.mark.parametrize(("table", "column"), SPAN_TABLES.items())
def test_quote_is_the_text_between_start_and_end(tables, text, table, column):
    frame = tables[table]
    assert len(frame) > 0
    bad = [(r.paragraph, getattr(r, column)) for r in frame.itertuples()
           if text[r.start:r.end] != getattr(r, column)]
    assert bad == []


@pytest.mark.parametrize("table", SPAN_TABLES)
def test_paragraph_agrees_with_offsets(tables, paragraphs, table):
    for r in tables[table].itertuples():
        para = paragraphs[r.paragraph - 1]
        assert para.start <= r.start < r.end <= para.end, (table, r.paragraph, r.start)


@pytest.mark.parametrize("table", ["mentions", "indicators", "commitments", "places"])
def test_section_agrees_with_paragraph(tables, section_ids, table):
    for r in tables[table].itertuples():
        assert r.section_id == section_ids[r.paragraph], (table, r.paragraph)


def test_mentions_do_not_overlap(tables):
    frame = tables["mentions"].sort_values("start")
    assert (frame["start"].iloc[1:].to_numpy() >= frame["end"].iloc[:-1].to_numpy()).all()


@pytest.mark.parametrize("side", ["review", "plan"])
def test_programme_pairs_quote_both_sides_exactly(tables, text, side):
    frame = tables["programme_pairs"]
    assert len(frame) > 0
    for row in frame.to_dict("records"):
        start, end = row[f"{side}_start"], row[f"{side}_end"]
        assert text[start:end] == row[f"{side}_quote"], row["pair_id"]


def test_every_table_with_offsets_is_checked(tables):
    """A new table that carries start and end must be added to the checks above."""
    with_offsets = {name for name, frame in tables.items()
                    if {"start", "end"} <= set(frame.columns)}
    assert with_offsets - {"translations"} == set(SPAN_TABLES)
