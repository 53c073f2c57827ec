"""The source text loads only when it matches the checksum recorded in its provenance."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from gwr import paths
from gwr.errors import SourceChecksumError
from gwr.text.source import load_source, read_provenance, sha256_of, verify_source
from tests.conftest import tamper

GUIDE_SHA256 = "1a772b53fab0102cc1b714f706dc2134220cd088358ce87da5b085835755fa73"


def test_raw_text_is_the_published_source():
    assert sha256_of(paths.SOURCE_TEXT) == GUIDE_SHA256
    assert read_provenance()["sha256"] == GUIDE_SHA256


def test_loaded_text_has_110_lines_and_no_trailing_newline(text):
    assert text.count("\n") == 109
    assert not text.endswith("\n")
    assert len(text) == read_provenance()["characters"]


def test_provenance_names_publisher_date_and_reporters():
    record = read_provenance()
    assert record["publisher_zh"] == "山西晚报"
    assert str(record["meeting_date"]) == "2020-04-27"
    assert record["reporters"]["byline"] == ["李飞飞"]
    assert set(record["reporters"]["credit"]) == {"李飞飞", "薛建英", "李晶"}
    # Every reporter named in the provenance is named in the text itself.
    text = load_source()
    assert all(name in text for name in record["reporters"]["credit"])


def test_changed_text_fails_loudly_naming_file_and_both_digests(tmp_path):
    copy = tmp_path / paths.SOURCE_TEXT.name
    shutil.copy(paths.SOURCE_TEXT, copy)
    tamper(copy)
    actual = hashlib.sha256(copy.read_bytes()).hexdigest()
    with pytest.raises(SourceChecksumError) as caught:
        load_source(copy)
    message = str(caught.value)
    assert str(copy) in message
    assert GUIDE_SHA256 in message and actual in message
    assert "git checkout" in message  # says how to fix it


def test_verify_returns_digest_when_unchanged():
    assert verify_source() == GUIDE_SHA256
