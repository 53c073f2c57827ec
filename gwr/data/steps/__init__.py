"""The data steps, one small module per processed table, run in this order by gwr.data.pipeline.

Each step module defines ``TABLE`` (the table's name, which is also its schema's file name in
gwr/data/schemas/) and ``run(context) -> DataFrame``. Later steps may read earlier tables from
``context.tables``: indicators reads commitments (for commitment_id and deadline). links (the
curated review-to-plan links) reads only the sections; programme_pairs reads indicators (each
pair's indicator ids must sit in its paragraphs); glossary reads formulations; reforms reads
commitments and indicators; summary_clauses reads paragraphs; tokens is written before
segmentation_lexicon and word_glosses, which read it. unit_outlines, places, place_units and
borders read units (their adcodes and names must be its own). outcomes reads indicators and
commitments (the promises in scope); headline_targets reads nothing before it. Both come last.
"""

from gwr.data.steps import (
    borders,
    commitments,
    formulations,
    glossary,
    headline_targets,
    indicators,
    links,
    mentions,
    outcomes,
    paragraphs,
    place_units,
    places,
    plan_new_items,
    programme_pairs,
    reforms,
    review_claims,
    sections,
    segmentation_lexicon,
    summary_clauses,
    tokens,
    translations,
    unit_outlines,
    units,
    word_glosses,
)

STEPS = [sections, paragraphs, mentions, commitments, indicators, formulations, glossary, units,
         unit_outlines, places, place_units, borders,
         translations, links, review_claims, programme_pairs, plan_new_items,
         reforms, summary_clauses, tokens, segmentation_lexicon, word_glosses, outcomes,
         headline_targets]
