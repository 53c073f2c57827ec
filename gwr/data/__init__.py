"""The report as data: curated loaders, one step per processed table, the pipeline that writes
data/processed, the typed table loader and the data package. Imports gwr.text and the plumbing."""
