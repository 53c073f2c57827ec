"""Check that the data and the book are reproducible: two clean runs must give the same bytes.

Usage: python tools/check_reproducible.py [--keep] [--data-only]

Everything runs on a snapshot of the working tree (without .git, builds and caches), taken once
at the start: a book build takes minutes, and a file edited meanwhile would otherwise show up as
a difference. The snapshot's own `gwr` is imported (PYTHONPATH), by the builds and their kernels.

1. Data: the pipeline writes data/processed twice, into two temporary folders, in two processes
   with different string-hash seeds; both must equal each other and the committed files.
2. Book: two clean builds (tools/build_book.py, notebooks executed from an empty cache, then
   tools/build_pdf.py) into two temporary output roots (GWR_OUTPUT_ROOT); every file of the two
   _build/html trees, both editions' PDFs among them (under pdf/), must match byte for byte.

Each file that differs is printed with the reason when it is known. Exit status 1 if anything
differs or a build fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_COPIED = shutil.ignore_patterns(".git", "_build", ".venv", ".venv-*", "__pycache__",
                                    ".pytest_cache", ".ruff_cache", "*.egg-info", ".scratch",
                                    ".ipynb_checkpoints", "artifacts", "node_modules")
WRITE_DATA = ("import sys; from pathlib import Path; from gwr.data import pipeline; "
              "pipeline.write(pipeline.render(pipeline.build_tables()), Path(sys.argv[1]))")
DATE = re.compile(rb"\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2})?|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
                  rb"Oct|Nov|Dec)[a-z]* \d{1,2}, \d{4}|\d{1,2}:\d{2}:\d{2}")


def tree(root: Path) -> dict[str, Path]:
    """Every file under ``root``, keyed by its POSIX path relative to ``root``."""
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def first_difference(a: bytes, b: bytes, width: int = 70) -> str:
    """The two texts around the first byte where they differ."""
    pairs = enumerate(zip(a, b, strict=False))
    at = next((k for k, (x, y) in pairs if x != y), min(len(a), len(b)))
    start = max(0, at - width // 2)

    def show(data: bytes) -> str:
        return repr(data[start:at + width // 2].decode("utf-8", "replace"))

    return f"at byte {at}: A {show(a)}\n{'':8}B {show(b)}"


def searchindex_reason(a: bytes, b: bytes) -> str:
    """Which parts of Sphinx's search index differ."""
    def load(data: bytes) -> dict:
        text = data.decode("utf-8")
        return json.loads(text[text.index("(") + 1:text.rindex(")")])

    first, second = load(a), load(b)
    keys = sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))
    if not keys:
        return "same content, different serialisation (key or list order)"
    details = []
    for key in keys:
        x, y = first.get(key), second.get(key)
        if isinstance(x, dict) and isinstance(y, dict):
            changed = sorted(k for k in x.keys() | y.keys() if x.get(k) != y.get(k))
            details.append(f"{key} ({len(changed)} entries, e.g. {changed[:5]})")
        else:
            details.append(key)
    return "Sphinx search index: " + ", ".join(details)


def reason(name: str, a: bytes, b: bytes, roots: tuple[Path, Path]) -> str:
    """A known cause of the difference between two versions of one built file, if any."""
    if a.replace(str(roots[0]).encode(), str(roots[1]).encode()) == b:
        return "contains the absolute output path (GWR_OUTPUT_ROOT), not a real difference"
    if name.endswith(".buildinfo"):
        return "Sphinx's config hash: changes with any config value that differs between builds"
    if name == "searchindex.js":
        return searchindex_reason(a, b)
    if name.endswith(".svg"):
        if b"<dc:date>" in a or b"<dc:date>" in b:
            return "SVG carries its creation date (metadata={'Date': None} missing)"
        return "SVG figure differs (svg.hashsalt unset, or the plotted data differ)"
    a_dates, b_dates = set(DATE.findall(a)), set(DATE.findall(b))
    if a_dates != b_dates:
        return "build-time date or time in the page"
    return "unknown"


def compare_trees(a_root: Path, b_root: Path, roots: tuple[Path, Path]) -> list[str]:
    """Describe every file that is missing from one tree or differs between the two."""
    a_files, b_files = tree(a_root), tree(b_root)
    problems = []
    for name in sorted(a_files.keys() | b_files.keys()):
        if name not in b_files or name not in a_files:
            where = "A" if name in a_files else "B"
            why = ("figure files are named by a hash of their content: the figure differs"
                   if name.startswith("_images/") else "")
            problems.append(f"{name}: only in build {where}{'; ' + why if why else ''}")
            continue
        a, b = a_files[name].read_bytes(), b_files[name].read_bytes()
        if a != b:
            problems.append(f"{name}: {reason(name, a, b, roots)}\n        "
                            f"{first_difference(a, b)}")
    return problems


def check_data(source: Path, workdir: Path) -> list[str]:
    """Regenerate data/processed twice (hash seeds 1 and 2) and compare with the committed files."""
    outputs = []
    for seed in ("1", "2"):
        out = workdir / f"processed-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(source)}
        subprocess.run([sys.executable, "-c", WRITE_DATA, str(out)], cwd=source, env=env,
                       check=True)
        outputs.append(out)
    problems = [f"data (seed 1 vs 2) {p}"
                for p in compare_trees(outputs[0], outputs[1], tuple(outputs))]
    committed = {n: p for n, p in tree(source / "data" / "processed").items()
                 if n != "README.md"}
    fresh = tree(outputs[0])
    for name in sorted(committed.keys() | fresh.keys()):
        if name not in committed or name not in fresh:
            problems.append(f"data/processed/{name}: only in "
                            f"{'the committed files' if name in committed else 'the new run'}")
        elif committed[name].read_bytes() != fresh[name].read_bytes():
            problems.append(f"data/processed/{name}: committed file differs from a new run "
                            "(run `make data` and commit)")
    return problems


def build(source: Path, label: str, output_root: Path, seed: str) -> float:
    """A clean build of ``source`` into ``output_root``; return its wall time, or raise."""
    env = {**os.environ, "GWR_OUTPUT_ROOT": str(output_root), "PYTHONHASHSEED": seed,
           "PYTHONPATH": str(source)}
    log = output_root.parent / f"build-{label}.log"
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as fh:
        status = subprocess.call([sys.executable, "tools/build_book.py"], cwd=source, env=env,
                                 stdout=fh, stderr=subprocess.STDOUT)
        if status == 0:  # the PDFs, published into the site's pdf/ folders
            status = subprocess.call([sys.executable, "tools/build_pdf.py"], cwd=source,
                                     env=env, stdout=fh, stderr=subprocess.STDOUT)
    seconds = time.monotonic() - started
    if status != 0:
        raise RuntimeError(f"build {label} failed (status {status}); see {log}")
    print(f"build {label}: {seconds:.0f} s into {output_root}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary builds")
    parser.add_argument("--data-only", action="store_true", help="check the data only")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="gwr-reproducible-"))
    problems: list[str] = []
    try:
        source = workdir / "source"
        shutil.copytree(ROOT, source, ignore=NOT_COPIED)
        print(f"snapshot of the working tree: {source}")
        data_problems = check_data(source, workdir)
        print(f"data: {len(data_problems) or 'no'} difference(s)")
        problems += data_problems
        if not args.data_only:
            roots = (workdir / "A", workdir / "B")
            for label, root, seed in (("A", roots[0], "1"), ("B", roots[1], "2")):
                root.mkdir()
                build(source, label, root, seed)
            html = [root / "_build" / "html" for root in roots]
            book_problems = compare_trees(html[0], html[1], roots)
            print(f"book: {len(tree(html[0]))} files in A, {len(tree(html[1]))} in B, "
                  f"{len(book_problems) or 'no'} difference(s)")
            problems += [f"_build/html/{p}" for p in book_problems]
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        problems.append(f"could not run: {exc}")
    finally:
        if args.keep:
            print(f"kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    for problem in problems:
        print(f"DIFFERS {problem}")
    print("reproducible: " + ("NO" if problems else "yes, byte for byte"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
