"""Mutation testing of the parsers and the citation code (`make mutate`).

Usage: .venv-mutate/bin/python tools/mutate.py [--max-children N]

mutmut (pinned in requirements-mutate.lock, installed in .venv-mutate) reads its settings from a
setup.cfg, which the repository does not have. So this driver copies the working tree into
.mutate/ (git-ignored), writes the [mutmut] section there, and runs `mutmut run` in that copy:
mutmut then writes its mutated tree under .mutate/mutants/. Only the modules in MODULES are
mutated, and only the tests in TESTS (with those modules' doctests) are run against them (not
the site tests). The citation tests call .venv-tools/bin/cffconvert, whose launcher is copied.

It prints the mutation score (killed / (killed + survived + other)) per module and overall, and
writes artifacts/mutation.json, which `make bench` reports as figure h. The surviving mutants
are listed with `mutmut show NAME` hints; tests/MUTANTS.md says why each one left is equivalent.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutate"
REPORT = ROOT / "artifacts" / "mutation.json"
MODULES = ["gwr/text/numerals.py", "gwr/text/qualifiers.py", "gwr/text/deadlines.py",
           "gwr/text/quantities.py", "gwr/text/anchors.py", "gwr/book/citation.py"]
TESTS = ["tests/test_numerals.py", "tests/test_qualifiers.py", "tests/test_deadlines.py",
         "tests/test_quantities.py", "tests/test_parser_rules.py", "tests/test_anchors.py",
         "tests/test_citation.py", "tests/test_citation_forms.py", "tests/test_citation_names.py"]
NOT_COPIED = shutil.ignore_patterns(".git", "_build", ".venv", ".venv-*", ".mutate", "artifacts",
                                    "__pycache__", ".pytest_cache", ".ruff_cache",
                                    ".hypothesis", "*.egg-info", ".scratch", ".ipynb_checkpoints")
# mutmut's exit codes for a mutant, as in mutmut.stats.status_by_exit_code.
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped",
          36: "timeout", 24: "timeout", -24: "timeout", 152: "timeout", 255: "timeout"}


def prepare() -> None:
    """A fresh copy of the tree in .mutate/ with the [mutmut] settings."""
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.copytree(ROOT, WORK, ignore=NOT_COPIED)
    launcher = ROOT / ".venv-tools" / "bin" / "cffconvert"  # runs .venv-tools' own Python
    if launcher.exists():
        (WORK / ".venv-tools" / "bin").mkdir(parents=True)
        shutil.copy2(launcher, WORK / ".venv-tools" / "bin" / "cffconvert")
    also_copy = sorted(p.name for p in WORK.iterdir() if p.name not in {"gwr", "tests"})
    tests = [t for t in TESTS if (WORK / t).exists()]
    lines = ["[mutmut]", "source_paths = gwr", "only_mutate =", *(f"    {m}" for m in MODULES),
             "also_copy =", *(f"    {p}" for p in also_copy),
             "pytest_add_cli_args_test_selection =", *(f"    {t}" for t in tests + MODULES),
             "pytest_add_cli_args =", "    -p", "    no:cacheprovider", "    -q", "    -m",
             "    not site",
             "use_git_change_detection = false", ""]
    (WORK / "setup.cfg").write_text("\n".join(lines), encoding="utf-8")


def collect() -> dict:
    """Per module: counts of each status and the names of the survivors, from mutmut's .meta."""
    modules = {}
    for module in MODULES:
        meta = WORK / "mutants" / (module + ".meta")
        data = json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}
        codes = data.get("exit_code_by_key", {})
        counts = Counter(STATUS.get(code, "not checked" if code is None else "suspicious")
                         for code in codes.values())
        survivors = sorted(k for k, c in codes.items() if STATUS.get(c) != "killed")
        total = sum(counts.values())
        modules[module] = {"mutants": total, "killed": counts["killed"],
                           "counts": dict(counts), "survivors": survivors,
                           "score": round(100 * counts["killed"] / total, 1) if total else None}
    total = sum(m["mutants"] for m in modules.values())
    killed = sum(m["killed"] for m in modules.values())
    return {"tool": "mutmut", "modules": modules, "mutants": total, "killed": killed,
            "score": round(100 * killed / total, 1) if total else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    started = time.monotonic()
    prepare()
    mutmut = Path(sys.executable).parent / "mutmut"
    env = {**os.environ, "PYTHONPATH": ""}
    run = subprocess.run([str(mutmut), "run", "--max-children", str(args.max_children)],
                         cwd=WORK, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, check=False)
    log = WORK / "mutmut-run.log"
    log.write_text(run.stdout, encoding="utf-8")
    report = collect()
    report["seconds"] = round(time.monotonic() - started, 1)
    if not report["mutants"] or run.returncode or not report["killed"]:
        print(run.stdout[-3000:])
        print(f"mutmut produced no results (exit {run.returncode}); log in {log}")
        return 1
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{'module':32} {'mutants':>7} {'killed':>7} {'score':>7}")
    for module, m in report["modules"].items():
        print(f"{module:32} {m['mutants']:7} {m['killed']:7} {m['score']:6}%")
    print(f"{'overall':32} {report['mutants']:7} {report['killed']:7} {report['score']:6}%")
    for m in report["modules"].values():
        for name in m["survivors"]:
            print(f"  not killed: {name}  (cd .mutate && ../.venv-mutate/bin/mutmut show {name})")
    print(f"{report['seconds']:.0f} s; written to {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
