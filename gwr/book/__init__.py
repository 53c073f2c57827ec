"""The book around the chapters: citation metadata and the Sphinx extensions (cite blocks, ¶
links, the source edition, the codebook, the glossary, lang marks)."""
