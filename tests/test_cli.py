"""The command line keeps its own promises: `python -m gwr verify` and `python -m gwr data
--check` exit non-zero, saying why, on a tampered source and on stale data (issue 14)."""

from __future__ import annotations

from tests.conftest import run_in, tamper


def test_verify_passes_on_the_recorded_source(project_copy):
    result = run_in(project_copy, "-m", "gwr", "verify")
    assert result.returncode == 0, result.stdout
    assert "source text verified (SHA-256 1a772b53" in result.stdout


def test_verify_fails_on_a_tampered_source(project_copy):
    tamper(project_copy / "data" / "raw" / "taiyuan-2020-work-report.zh.txt")
    result = run_in(project_copy, "-m", "gwr", "verify")
    assert result.returncode == 1
    assert "does not match its recorded checksum" in result.stdout


def test_data_check_passes_when_the_tables_are_current(project_copy):
    result = run_in(project_copy, "-m", "gwr", "data", "--check")
    assert result.returncode == 0, result.stdout
    assert "data/processed is up to date" in result.stdout


def test_data_check_names_a_stale_table_and_writes_nothing(project_copy):
    table = project_copy / "data" / "processed" / "commitments.csv"
    stale = table.read_text(encoding="utf-8").replace("2020-06-30", "2020-07-31", 1)
    table.write_text(stale, encoding="utf-8")
    result = run_in(project_copy, "-m", "gwr", "data", "--check")
    assert result.returncode == 1
    assert "data/processed is out of date: commitments.csv" in result.stdout
    assert "Run `make data`" in result.stdout
    assert table.read_text(encoding="utf-8") == stale  # a check writes nothing


def test_data_check_fails_on_a_tampered_source(project_copy):
    tamper(project_copy / "data" / "raw" / "taiyuan-2020-work-report.zh.txt")
    result = run_in(project_copy, "-m", "gwr", "data", "--check")
    assert result.returncode == 1
    assert "does not match its recorded checksum" in result.stdout
