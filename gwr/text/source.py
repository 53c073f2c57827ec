"""Load the source text and verify it against the checksum recorded in its provenance file."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from gwr import paths
from gwr.errors import SourceChecksumError


def sha256_of(path: Path) -> str:
    """Hex SHA-256 digest of the file's bytes.

    Examples:
        >>> len(sha256_of(paths.SOURCE_TEXT))
        64
    """
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_provenance(path: Path = paths.SOURCE_PROVENANCE) -> dict[str, Any]:
    """The provenance record of the source text (publisher, date, reporters, checksum...)."""
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def verify_source(
    text_path: Path = paths.SOURCE_TEXT, provenance_path: Path = paths.SOURCE_PROVENANCE
) -> str:
    """Return the recorded digest if ``text_path`` matches it; raise SourceChecksumError if not."""
    expected = read_provenance(provenance_path)["sha256"]
    actual = sha256_of(text_path)
    if actual != expected:
        raise SourceChecksumError(
            f"The source text {text_path} does not match its recorded checksum.\n"
            f"  expected SHA-256 (from {provenance_path.name}): {expected}\n"
            f"  actual SHA-256:                       {actual}\n"
            "The raw text must never be edited. Restore it with\n"
            f"  git checkout -- {_relative(text_path)}\n"
            "or copy it again byte for byte from shared/source/. If the source itself has really\n"
            "changed, record the new digest in the provenance file in a reviewed commit, and\n"
            "re-check every curated entry before running `make data`."
        )
    return actual


def load_source(
    text_path: Path = paths.SOURCE_TEXT, provenance_path: Path = paths.SOURCE_PROVENANCE
) -> str:
    """The verified source text as one string (no newline translation).

    Examples:
        >>> text = load_source()
        >>> text.count("\\n") + 1
        110
    """
    verify_source(text_path, provenance_path)
    # newline="" keeps the bytes' own line ends, so offsets match the file exactly.
    with text_path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


@lru_cache(maxsize=1)
def source_text() -> str:
    """The default verified source text, read once per process."""
    return load_source()


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)
