"""Measure the performance budgets of the design guide (`make bench`).

Usage: python tools/bench.py [--skip-test] [--skip-setup] [--keep] [--snapshot]

(a) a clean build (dependencies installed): tools/build_book.py into a fresh GWR_OUTPUT_ROOT;
(b) the floor: every notebook executed once, one after another, on temporary copies;
(c) the ratio a / b (budget <= 1.2 for both editions together, issue 16); build_book.py's
    _build/build-times.json splits (a) into execution, the English and the Chinese build;
(p) the PDFs of both editions (`make pdf`, tools/build_pdf.py) from that build; no budget yet;
(d) a rebuild with nothing changed: the same build again (budget <= 5 s);
(e) `make test` (budget <= 300 s), skipped with --skip-test;
(f) page weight: each page's first load in chromium, cache off, every lazy image made eager: the
    body bytes of the HTML and of every stylesheet, script, font and figure it fetches (budget
    <= 1 MB, issue 13); the heaviest page is the figure, every page is in bench.json;
(g) fresh setup: a copy of the working tree with no environment, then `make book` (creating .venv
    with uv, regenerating the data, executing the notebooks, building the site); budget <= 90 s.
    The note says whether uv's download cache was warm, since a first run on a new machine also
    downloads every wheel. Skipped with --skip-setup.
(h) the mutation score from artifacts/mutation.json, written by `make mutate` (budget >= 85%);
    "not measured" if that file is absent.

With --snapshot, (a), (b) and (d) run on a copy of the working tree taken at the start (its own
`gwr` on PYTHONPATH), so that files edited meanwhile do not turn the no-change rebuild into a
real one; (e) always runs `make test` in the repository.

Each figure is printed on its own line with its budget and PASS/FAIL, then as a table, and
written to artifacts/bench.json. Timings are wall-clock; on a shared machine, they vary.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOT_COPIED = shutil.ignore_patterns(".git", "_build", ".venv", ".venv-*", ".mutate", "__pycache__",
                                    ".pytest_cache", ".ruff_cache", "*.egg-info", ".scratch",
                                    ".ipynb_checkpoints", "artifacts", "node_modules")
REPORT = ROOT / "artifacts" / "bench.json"
MB = 1024 * 1024


@dataclass
class Figure:
    """One measured figure and its budget."""

    key: str
    label: str
    value: float | None
    unit: str
    budget: float | None
    note: str = ""
    failed: bool = False  # the command measured did not succeed
    at_least: bool = False  # the budget is a floor (h, the mutation score), not a ceiling

    @property
    def status(self) -> str:
        if self.value is None:
            return "SKIP" if self.note.startswith(("skipped", "not measured")) else "FAIL"
        if self.failed:
            return "FAIL"
        if self.budget is None:
            return "-"
        if self.at_least:
            return "PASS" if self.value >= self.budget else "FAIL"
        return "PASS" if self.value <= self.budget else "FAIL"

    def line(self) -> str:
        value = "n/a" if self.value is None else f"{self.value:.2f} {self.unit}"
        sign = ">=" if self.at_least else "<="
        budget = "" if self.budget is None else f"(budget {sign} {self.budget:g} {self.unit})"
        note = f"  {self.note}" if self.note else ""
        return f"{self.key}) {self.label}: {value} {budget} {self.status}{note}"


def timed(command: list[str], env: dict[str, str], log: Path,
          cwd: Path = ROOT) -> tuple[float, int]:
    """Run ``command`` in ``cwd`` with its output in ``log``; (seconds, exit status)."""
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as fh:
        status = subprocess.call(command, cwd=cwd, env=env, stdout=fh, stderr=subprocess.STDOUT)
    return time.monotonic() - started, status


def execute_all(notebooks: list[Path], out: Path, each: dict[str, float]) -> float:
    """The floor: execute each notebook once, one after another, as tools/execute_notebooks.py
    does, but save the executed copies in ``out`` (the committed notebooks stay as they are).
    The kernels' own messages go to out/kernels.log, not to the terminal; ``each`` receives
    the seconds of every notebook."""
    saved = os.dup(2)
    started = time.monotonic()
    try:
        with (out / "kernels.log").open("w") as log:
            os.dup2(log.fileno(), 2)
            for path in notebooks:
                begun = time.monotonic()
                notebook = nbformat.read(path, as_version=4)
                NotebookClient(notebook, timeout=300, kernel_name="python3",
                               resources={"metadata": {"path": str(path.parent)}}).execute()
                nbformat.write(notebook, out / path.name)
                each[path.name] = round(time.monotonic() - begun, 2)
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    return time.monotonic() - started


CHROMIUM = Path("/usr/bin/chromium")
LOAD_ALL_IMAGES = """async () => {
  document.querySelectorAll("img").forEach((img) => { img.loading = "eager"; });
  await Promise.race([Promise.all(Array.from(document.images).map((img) => img.complete ? 0
      : new Promise((done) => { img.onload = done; img.onerror = done; }))),
    new Promise((done) => setTimeout(done, 5000))]);
}"""


def page_weights(html: Path) -> list[tuple[int, str, int]]:
    """(bytes, page, requests) of every page's first load in chromium, heaviest first.

    The site is served on 127.0.0.1 (uncompressed, as `make serve` does); each page opens in a
    new tab with the cache off, its lazy images are made eager, and the body bytes of every
    response are added up, as tests/test_site_weight.py does.
    """
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    # Every page of both editions but their index.html, the redirect stubs to book/intro.html,
    # and the theme's templates in each _static.
    pages = sorted(p.relative_to(html).as_posix() for p in html.rglob("*.html")
                   if "_static" not in p.relative_to(html).parts
                   and p.relative_to(html).as_posix() not in {"index.html", "zh/index.html"})
    weights = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                                 args=["--no-sandbox", "--disable-gpu"])
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            for page in pages:
                sizes: list[int] = []
                tab = context.new_page()
                cdp = context.new_cdp_session(tab)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                tab.on("requestfinished",
                       lambda request, sizes=sizes: sizes.append(
                           request.sizes()["responseBodySize"]))
                tab.goto(base + page, wait_until="load")
                tab.evaluate(LOAD_ALL_IMAGES)
                tab.wait_for_load_state("networkidle")
                tab.close()
                weights.append((sum(sizes), page, len(sizes)))
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return sorted(weights, reverse=True)


def page_weight_figure(html: Path) -> tuple[Figure, list[tuple[int, str, int]]]:
    """(f): the heaviest page's first load; skipped without chromium or the built site."""
    label, budget = "page weight: heaviest first load in chromium", 1.0
    if not (html / "index.html").is_file():
        return Figure("f", label, None, "MB", budget, "no site"), []
    if not CHROMIUM.is_file():
        return Figure("f", label, None, "MB", budget, f"skipped: no {CHROMIUM}"), []
    weights = page_weights(html)
    total, page, requests = weights[0]
    return Figure("f", label, total / MB, "MB", budget,
                  f"{page} ({requests} requests); every page in bench.json"), weights


def fresh_setup(work: Path) -> Figure:
    """(g): copy the working tree without any environment and time `make book` in it."""
    fresh = work / "fresh"
    shutil.copytree(ROOT, fresh, ignore=NOT_COPIED)
    cache = Path(os.environ.get("UV_CACHE_DIR", Path.home() / ".cache" / "uv"))
    warm = cache.is_dir() and any(cache.iterdir())
    env = {k: v for k, v in os.environ.items()
           if k not in {"GWR_OUTPUT_ROOT", "PYTHONPATH", "VIRTUAL_ENV"}}
    seconds, status = timed(["make", "book"], env, work / "fresh-setup.log", fresh)
    note = f"uv cache {'warm' if warm else 'cold'}" + (
        "" if status == 0 else f"; make book exit {status}, see {work}/fresh-setup.log")
    return Figure("g", "fresh setup to a built book", seconds, "s", 90.0, note,
                  failed=status != 0)


def make_test_command() -> list[str]:
    """`make test`, with this Python's environment when it is not the repository's .venv."""
    venv = Path(sys.prefix)
    if venv == (ROOT / ".venv").resolve():
        return ["make", "test"]
    # Use this environment as the Makefile's VENV, and never let make reinstall into it.
    return ["make", "-o", str(venv / ".installed"), "test", f"VENV={venv}"]


def mutation_score() -> Figure:
    """(h) the mutation score that `make mutate` last wrote to artifacts/mutation.json."""
    path = ROOT / "artifacts" / "mutation.json"
    if not path.exists():
        return Figure("h", "mutation score", None, "%", 85.0, "not measured (run make mutate)",
                      at_least=True)
    data = json.loads(path.read_text(encoding="utf-8"))
    return Figure("h", "mutation score", data["score"], "%", 85.0,
                  f"{data['killed']} of {data['mutants']} mutants killed (make mutate)",
                  at_least=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-test", action="store_true", help="do not time `make test` (e)")
    parser.add_argument("--skip-setup", action="store_true",
                        help="do not time a fresh setup and build (g)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary build")
    parser.add_argument("--snapshot", action="store_true",
                        help="build and execute a copy of the working tree taken at the start")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="gwr-bench-"))
    out_root = work / "root"
    out_root.mkdir()
    env = {**os.environ, "GWR_OUTPUT_ROOT": str(out_root)}
    source = ROOT
    if args.snapshot:
        source = work / "source"
        shutil.copytree(ROOT, source, ignore=NOT_COPIED)
        env["PYTHONPATH"] = str(source)
        os.environ["PYTHONPATH"] = str(source)  # for the kernels of the floor, too
        print(f"snapshot of the working tree: {source}")
    build = [sys.executable, "tools/build_book.py"]
    figures: list[Figure] = []
    per_notebook: dict[str, float] = {}
    weights: list[tuple[int, str, int]] = []

    def report(figure: Figure) -> None:
        figures.append(figure)
        print(figure.line(), flush=True)

    try:
        clean, status = timed(build, env, work / "clean-build.log", source)
        note = "" if status == 0 else f"build failed (status {status}), see {work}/clean-build.log"
        report(Figure("a", "clean build, both editions", clean if status == 0 else None, "s",
                      None, note))
        times_file = out_root / "_build" / "build-times.json"
        if status == 0 and times_file.is_file():
            times = json.loads(times_file.read_text())
            for key, label in (("execute", "of which executing the notebooks (once)"),
                               ("en", "of which the English edition's Sphinx build"),
                               ("zh", "of which the Chinese edition's Sphinx build")):
                report(Figure(f"a.{key}", label, times.get(key), "s", None))

        # Issue 17: both editions' PDFs, printed from the clean build (no budget set).
        seconds, status = timed([sys.executable, "tools/build_pdf.py"], env,
                                work / "pdf.log", source)
        pdfs = sorted((out_root / "_build" / "pdf").glob("*.pdf"))
        note = (", ".join(f"{p.name} {p.stat().st_size / MB:.1f} MB" for p in pdfs)
                if status == 0 else f"failed (status {status}), see {work}/pdf.log")
        report(Figure("p", "PDF of both editions (make pdf)", seconds if status == 0 else None,
                      "s", None, note))

        rebuild, status = timed(build, env, work / "rebuild.log", source)
        note = "" if status == 0 else f"rebuild failed (status {status})"
        rebuild_figure = Figure("d", "no-change rebuild", rebuild if status == 0 else None, "s",
                                5.0, note)

        copies = work / "executed"
        copies.mkdir()
        notebooks = sorted((source / "notebooks").glob("*.ipynb"))
        label = f"floor: {len(notebooks)} notebooks executed once"
        try:
            floor = execute_all(notebooks, copies, per_notebook)
            report(Figure("b", label, floor, "s", None))
        except Exception as exc:  # a notebook that raises: report it, measure the rest
            floor = None
            report(Figure("b", label, None, "s", None, f"a notebook failed: {exc!s:.200}"))
        ratio = clean / floor if figures[0].value is not None and floor else None
        # Issue 16: both editions together within 1.2 x the floor (the guide's budget was 1.5
        # for the English alone).
        report(Figure("c", "clean build (both editions) / floor", ratio, "x", 1.2))
        report(rebuild_figure)

        if args.skip_test:
            report(Figure("e", "make test", None, "s", 300.0, "skipped (--skip-test)"))
        else:
            command = make_test_command()
            test_env = {k: v for k, v in os.environ.items()
                        if k not in {"GWR_OUTPUT_ROOT", "PYTHONPATH"}}
            seconds, status = timed(command, test_env, work / "make-test.log")
            note = (f"`{' '.join(command)}` exit {status}"
                    + ("" if status == 0 else f", see {work}/make-test.log (kept)"))
            if status != 0:
                args.keep = True
            report(Figure("e", "make test", seconds, "s", 300.0, note, failed=status != 0))

        figure, weights = page_weight_figure(out_root / "_build" / "html")
        report(figure)
        if args.skip_setup:
            report(Figure("g", "fresh setup to a built book", None, "s", 90.0,
                          "skipped (--skip-setup)"))
        else:
            report(fresh_setup(work))
        report(mutation_score())
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    print("\n| figure | value | budget | status | note |\n|---|---|---|---|---|")
    for f in figures:
        value = "n/a" if f.value is None else f"{f.value:.2f} {f.unit}"
        budget = "" if f.budget is None else f"{'>=' if f.at_least else '<='} {f.budget:g} {f.unit}"
        print(f"| {f.key}) {f.label} | {value} | {budget} | {f.status} | {f.note} |")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps({
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "figures": [{**asdict(f), "status": f.status} for f in figures],
        "floor_seconds_per_notebook": per_notebook,
        "page_weights": [{"page": p, "bytes": b, "requests": n}
                         for b, p, n in weights],
    }, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {REPORT.relative_to(ROOT)}")
    return 1 if any(f.status == "FAIL" for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
