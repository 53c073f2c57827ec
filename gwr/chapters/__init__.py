"""One module per chapter, named after its notebook: that chapter's analysis and its charts.

A chapter module reads processed tables (gwr.data.tables), never data/curated/, and imports no
other chapter: what two chapters share lives a layer below (gwr.charts, gwr.display, gwr.data).
"""
