"""The source and how to read it: the verified text, its paragraphs and sections, and the parsers
of numerals, quantities, qualifiers, deadlines and anchors. Imports only the plumbing below it."""
