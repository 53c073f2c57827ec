"""The project's error types: each message says what is wrong and how to fix it."""


class GwrError(Exception):
    """Base class of every error the project raises on bad input."""


class SourceChecksumError(GwrError):
    """The source text differs from the one whose checksum is recorded in its provenance."""


class CuratedDataError(GwrError):
    """A file in data/curated is malformed, or an entry no longer matches the source text."""


class FontMissingError(GwrError):
    """The shipped CJK font cannot be found."""


class StaleDataError(GwrError):
    """The committed processed data differ from what the pipeline writes."""


class TranslationError(GwrError):
    """The Chinese edition's catalog or a translated page is malformed or out of date."""
