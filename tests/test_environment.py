"""The lock file, environment.yml and requirements.in agree."""

from __future__ import annotations

import re
import subprocess
import sys

from gwr import paths


def _pins():
    lines = (paths.ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    return {re.split("==", line)[0].lower(): line for line in lines
            if line and not line.startswith("#")}


def test_every_lock_line_is_an_exact_pin():
    for line in _pins().values():
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+\-]+", line), line


def test_every_direct_dependency_is_pinned():
    pins = _pins()
    for line in (paths.ROOT / "requirements.in").read_text(encoding="utf-8").splitlines():
        name = re.split(r"[=<>\s#\[]", line.strip(), maxsplit=1)[0].lower()
        if name:
            assert name.replace("_", "-") in {p.replace("_", "-") for p in pins}, name


def test_environment_yml_has_the_same_pins():
    result = subprocess.run([sys.executable, "tools/sync_environment.py", "--check"],
                            cwd=paths.ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_jupyter_book_is_the_sphinx_based_1x():
    assert _pins()["jupyter-book"].startswith("jupyter-book==1.")
