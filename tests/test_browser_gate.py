"""The browser tests skip where chromium is missing, but fail instead under CI or when required.

A skip that hides a missing browser in CI would let the site tests pass without running; this
checks the gate of tests/test_site_browser.py itself, with the environment and the chromium path
replaced.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests import test_site_browser as site_browser

REAL_FIND_SPEC = importlib.util.find_spec


@pytest.fixture
def no_gate_env(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("REQUIRE_BROWSER", raising=False)
    return monkeypatch


@pytest.fixture
def fake_chromium(tmp_path: Path) -> Path:
    browser = tmp_path / "chromium"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)
    return browser


def without_playwright(name, *args, **kwargs):
    return None if name == "playwright" else REAL_FIND_SPEC(name, *args, **kwargs)


def gate() -> tuple[str, str]:
    """What the gate does here: ('skip' | 'fail', reason) or ('run', chromium path).

    Skip and fail are caught alike, so that a gate which skips where it should fail makes
    these tests fail (a Skipped exception escaping a test would only skip it)."""
    try:
        return "run", str(site_browser.check_browser())
    except pytest.fail.Exception as exc:
        return "fail", str(exc)
    except pytest.skip.Exception as exc:
        return "skip", str(exc)


def test_missing_chromium_skips_with_how_to_install_it(no_gate_env, tmp_path):
    no_gate_env.setattr(site_browser, "CHROMIUM", tmp_path / "no-such-chromium")
    outcome, reason = gate()
    assert outcome == "skip"
    assert "no-such-chromium" in reason
    assert "apt-get install chromium" in reason


@pytest.mark.parametrize(("variable", "value"), [("CI", "true"), ("REQUIRE_BROWSER", "1")])
def test_missing_chromium_fails_under_ci_or_when_required(no_gate_env, tmp_path, variable, value):
    no_gate_env.setattr(site_browser, "CHROMIUM", tmp_path / "no-such-chromium")
    no_gate_env.setenv(variable, value)
    outcome, reason = gate()
    assert outcome == "fail"
    assert "apt-get install chromium" in reason
    assert "not a skip" in reason


def test_missing_playwright_package_skips_then_fails_under_ci(no_gate_env, fake_chromium):
    no_gate_env.setattr(site_browser, "CHROMIUM", fake_chromium)
    no_gate_env.setattr(importlib.util, "find_spec", without_playwright)
    outcome, reason = gate()
    assert outcome == "skip"
    assert "playwright Python package" in reason
    assert "chromium at" not in reason
    no_gate_env.setenv("CI", "true")
    assert gate()[0] == "fail"


@pytest.mark.parametrize("ci", ["", "false"])
def test_present_browser_is_returned_and_ci_false_does_not_require_it(no_gate_env, fake_chromium,
                                                                      ci):
    no_gate_env.setattr(site_browser, "CHROMIUM", fake_chromium)
    no_gate_env.setenv("CI", ci)
    assert gate() == ("run", str(fake_chromium))
    assert not site_browser.browser_required()


def test_a_non_executable_file_is_not_a_browser(no_gate_env, fake_chromium):
    fake_chromium.chmod(0o644)
    no_gate_env.setattr(site_browser, "CHROMIUM", fake_chromium)
    no_gate_env.setenv("REQUIRE_BROWSER", "1")
    assert gate()[0] == "fail"
