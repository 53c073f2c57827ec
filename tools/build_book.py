"""Build the book: verify the source, refresh the data, invalidate stale caches, run Jupyter Book.

Usage: python tools/build_book.py [--strict] [--release]

A build is a preview unless it is a release (--release, `make book RELEASE=1`, or GWR_RELEASE=1
in the environment, as the publish workflow sets it). A release stops at once while CITATION.cff
holds a placeholder address; a preview prints no address (gwr.book.sphinxext.page_metadata).

jupyter-cache re-executes a notebook only when its code cells change. The analysis also depends
on the gwr package, the processed data and the font, so this script fingerprints those inputs and
clears the execution cache when they change: `make book` always shows the current analysis.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# GWR_OUTPUT_ROOT (default: the repository) holds _build/; another root lets two builds run side
# by side, as the reproducibility check does.
OUTPUT_ROOT = Path(os.environ.get("GWR_OUTPUT_ROOT", ROOT)).resolve()
BUILD = OUTPUT_ROOT / "_build"
CACHE = BUILD / ".jupyter_cache"
FINGERPRINT = BUILD / ".inputs.sha256"
SITE_STAMP = BUILD / ".site.sha256"
# Everything a notebook reads besides its own code cells.
# Everything the site is made from; if none of it changed, a rebuild has nothing to do.
SITE_GLOBS = ["book/**/*", "notebooks/*.ipynb", "_config.yml", "CITATION.cff", "CHANGELOG.md",
              "zh/**/*", "tools/build_book.py"]
# zh/strings: the Chinese of the outputs is made when the notebooks run.
INPUT_GLOBS = ["gwr/**/*.py", "gwr/data/schemas/*.yml", "data/processed/*", "data/curated/*",
               "data/raw/**/*", "zh/strings/*.yml", "requirements.lock"]
# The Chinese edition builds in its own folder and is then put under the site's zh/.
ZH_BUILD = BUILD / "zh"
ZH_CONFIG = BUILD / "zh-config.yml"
TIMES = BUILD / "build-times.json"  # seconds of execution and of each edition, for make bench


def inputs_fingerprint(globs: list[str] = INPUT_GLOBS) -> str:
    """One digest over the content and names of every input file."""
    digest = hashlib.sha256()
    for pattern in globs:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def refresh_cache() -> None:
    """Clear the execution cache if the inputs changed since it was filled."""
    current = inputs_fingerprint()
    if FINGERPRINT.is_file() and FINGERPRINT.read_text() == current:
        return
    if CACHE.exists():
        print("build: package, data or pins changed since the last build; re-executing notebooks.")
        shutil.rmtree(CACHE)
    FINGERPRINT.parent.mkdir(parents=True, exist_ok=True)
    FINGERPRINT.write_text(current)


def site_is_current(site_inputs: str, *, strict: bool) -> bool:
    """Whether the last successful build used these very inputs (and was strict, if asked)."""
    if not (SITE_STAMP.is_file() and (BUILD / "html" / "index.html").is_file()):
        return False
    digest, _, mode = SITE_STAMP.read_text().partition(" ")
    return digest == site_inputs and (mode == "strict" or not strict)


def execute_in_parallel() -> int:
    """Run the notebooks that the cache lacks, on every core, before Sphinx reads them.

    myst-nb executes notebooks one after another while Sphinx reads; filling the same
    jupyter-cache first, in parallel, lets Sphinx find every notebook already executed.
    A notebook that raises stops the build here, naming the notebook and the failing cell.
    """
    from jupyter_cache import get_cache
    from jupyter_cache.executors import load_executor

    cache = get_cache(str(CACHE))
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    for notebook in notebooks:
        cache.add_nb_to_project(str(notebook))
    stale = [r for r in cache.list_project_records()
             if Path(r.uri) in notebooks and cache.get_cached_project_nb(r.uri) is None]
    if not stale:
        return 0
    started = time.monotonic()
    result = load_executor("local-parallel", cache=cache).run_and_cache(
        filter_uris=[r.uri for r in stale], timeout=300, allow_errors=False)
    print(f"build: executed {len(stale)} notebook(s) in parallel in "
          f"{time.monotonic() - started:.0f} s.", flush=True)
    failed = result.errored + result.excepted
    for uri in failed:
        record = cache.get_project_record(uri)
        print(f"build: notebook {Path(uri).relative_to(ROOT)} failed:\n{record.traceback}")
    return 1 if failed else 0


def run_logged(command: list[str], log: Path) -> int:
    """Run ``command``, echoing its output and keeping a copy in ``log`` for the tests."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as fh:
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True, encoding="utf-8")
        for line in process.stdout:
            sys.stdout.write(line)
            fh.write(line)
        return process.wait()


def translation_problems() -> list:
    """Print every missing, untranslated or stale passage of the Chinese edition."""
    from gwr.book.translation import problems

    found = problems()
    for problem in found[:40]:
        print(f"build: zh: {problem}")
    if len(found) > 40:
        print(f"build: zh: … and {len(found) - 40} more (python tools/sync_translations.py)")
    return found


def build_chinese(strict: bool) -> int:
    """Build the Chinese edition (zh/) and put it at _build/html/zh, replacing the old one only
    when the build succeeded."""
    from gwr.book.editions import write_chinese_config

    write_chinese_config(ZH_CONFIG, CACHE)
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", "zh",
               "--toc", str(ROOT / "zh" / "_toc.yml"), "--config", str(ZH_CONFIG),
               "--path-output", str(ZH_BUILD)]
    if strict:
        command += ["-W", "-n", "--keep-going"]
    print("build:", " ".join(command[1:]), flush=True)
    status = run_logged(command, BUILD / "build-zh.log")
    if status != 0:
        return status
    target = BUILD / "html" / "zh"
    staging = BUILD / "html" / ".zh-new"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(ZH_BUILD / "_build" / "html", staging)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true",
                        help="treat every warning as an error (-W -n --keep-going)")
    parser.add_argument("--release", action="store_true",
                        help="a release build: CITATION.cff must hold the published addresses")
    args = parser.parse_args()
    started = time.monotonic()
    from gwr.book.citation import read_edition
    from gwr.book.sphinxext.page_metadata import RELEASE_ENV, release_problem, release_requested
    release = args.release or release_requested()
    os.environ[RELEASE_ENV] = "1" if release else "0"  # read by the Sphinx extension
    if release:
        problem = release_problem(read_edition(ROOT / "CITATION.cff"))
        if problem:
            print(f"build: release stopped before writing anything. {problem}")
            return 1
    site_inputs = inputs_fingerprint(INPUT_GLOBS + SITE_GLOBS) + ("-release" if release else "")
    if site_is_current(site_inputs, strict=args.strict):
        print("build: nothing changed since the last build (same source, data, code, pages and "
              f"pins); {BUILD / 'html'} is up to date.")
        return 0
    SITE_STAMP.unlink(missing_ok=True)

    # 1. The source must be the recorded one; nothing is built from a changed text.
    if subprocess.call([sys.executable, "-m", "gwr", "verify"], cwd=ROOT) != 0:
        print("build: stopped before writing anything.")
        return 1
    # 2. The processed data must be what the pipeline writes from raw + curated.
    if subprocess.call([sys.executable, "-m", "gwr", "data"], cwd=ROOT) != 0:
        print("build: stopped; data/processed was left as it was.")
        return 1
    refresh_cache()
    # The Chinese edition's passages that the English has left behind: named, and in a strict
    # build fatal (tests/test_translation.py fails on them too).
    stale = translation_problems()
    if stale and args.strict:
        print("build: stopped; the Chinese edition is stale or incomplete (see above).")
        return 1
    times: dict[str, float] = {}
    mark = time.monotonic()
    # 3. Execute what the cache lacks, in parallel; a raising notebook stops the build here.
    if execute_in_parallel() != 0:
        FINGERPRINT.unlink(missing_ok=True)
        print("build: FAILED: a notebook raised (see the traceback above, which names the cell).")
        return 1
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", ".",
               "--toc", "book/_toc.yml", "--config", "_config.yml",
               "--path-output", str(OUTPUT_ROOT)]
    if args.strict:
        command += ["-W", "-n", "--keep-going"]
    print("build:", " ".join(command[1:]), flush=True)
    times["execute"] = time.monotonic() - mark
    mark = time.monotonic()
    status = run_logged(command, BUILD / "build.log")
    times["en"] = time.monotonic() - mark
    if status == 0:
        mark = time.monotonic()
        status = build_chinese(args.strict)
        times["zh"] = time.monotonic() - mark
    if status != 0:
        # A failed build must not leave a half-written site that looks published.
        FINGERPRINT.unlink(missing_ok=True)
        print("build: FAILED. See the messages above; execution reports are in "
              f"{BUILD / 'html' / 'reports'} where a notebook failed.")
        return status
    SITE_STAMP.write_text(f"{site_inputs} {'strict' if args.strict else 'lenient'}")
    # make bench reports each edition's share of the build.
    TIMES.write_text(json.dumps({k: round(v, 1) for k, v in times.items()}) + "\n")
    print("build: " + ", ".join(f"{k} {v:.0f} s" for k, v in times.items()) + "; "
          f"done in {time.monotonic() - started:.0f} s. "
          f"Open {BUILD / 'html' / 'index.html'} (or run `make serve`).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
