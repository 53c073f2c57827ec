"""Shared fixtures: the verified source, its paragraphs and sections, the built tables, and a
throw-away copy of the project for tests that break inputs on purpose."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from gwr import paths
from gwr.data.pipeline import build_tables
from gwr.text.paragraphs import Paragraph, split_paragraphs
from gwr.text.sections import Section, load_sections, section_of
from gwr.text.source import load_source

# Never copied into a project copy: version control, builds, environments, caches.
_NOT_COPIED = shutil.ignore_patterns(".git", "_build", ".venv", ".venv-*", ".mutate", "artifacts",
                                     "__pycache__", ".pytest_cache", ".ruff_cache", "*.egg-info",
                                     ".scratch", ".ipynb_checkpoints")


@pytest.fixture(scope="session")
def text() -> str:
    return load_source()


@pytest.fixture(scope="session")
def paragraphs(text: str) -> list[Paragraph]:
    return split_paragraphs(text)


@pytest.fixture(scope="session")
def sections(paragraphs: list[Paragraph]) -> list[Section]:
    return load_sections(paragraphs)


@pytest.fixture(scope="session")
def section_ids(sections: list[Section]) -> dict[int, str]:
    return section_of(sections)


@pytest.fixture(scope="session")
def tables() -> dict[str, pd.DataFrame]:
    return build_tables()


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the repository (without .git, builds and caches) to break on purpose."""
    copy = tmp_path / "project"
    shutil.copytree(paths.ROOT, copy, ignore=_NOT_COPIED)
    return copy


def run_in(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run this Python in ``project``, importing that copy's ``gwr``; stderr joins stdout."""
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run([sys.executable, *args], cwd=project, env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)


def tamper(path: Path) -> None:
    """Change one figure of a copy of the source text, as a careless edit would."""
    data = path.read_bytes()
    changed = data.replace("2880亿元".encode(), "2890亿元".encode(), 1)
    assert changed != data, f"nothing to tamper with in {path}"
    path.write_bytes(changed)


# The reader-facing site tests (a11y, print, weight) share one browser and one visit per page
# and colour mode: tests/site_session.py.
from tests.site_session import (  # noqa: E402, F401
    reader_browser,
    reader_visit,
    reader_visits,
    site_url,
)
