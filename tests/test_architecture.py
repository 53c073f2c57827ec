"""The layout's rules, read from the code itself: layers import downwards, chapters stand alone,
notebooks import only their chapter, the shared look and the table loader, and no chapter module
reaches for data/curated/ (the nbval layer also runs every notebook with a guard on reads)."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from gwr import paths

GWR = paths.ROOT / "gwr"
NOTEBOOKS = sorted((paths.ROOT / "notebooks").glob("*.ipynb"))

# Lower layers first; a module may import its own layer and the layers below it.
RANK = {"plumbing": 0, "look": 1, "text": 2, "data": 3, "chapters": 4, "book": 4}
# gwr.zh_outputs and gwr.zh_strings: the Chinese edition's version of what the look prints.
LOOK = {"gwr.style", "gwr.charts", "gwr.display", "gwr.zh_outputs", "gwr.zh_strings"}
PLUMBING = {"gwr", "gwr.curated", "gwr.paths", "gwr.errors"}
NOTEBOOK_MAY_IMPORT = LOOK | {"gwr.data.tables"}


def layer(module: str) -> str | None:
    """The layer of a gwr module, or None for the command-line entry point.

    Examples:
        >>> layer("gwr.text.deadlines"), layer("gwr.charts"), layer("gwr.paths")
        ('text', 'look', 'plumbing')
        >>> layer("gwr.data.steps.links"), layer("gwr.book.sphinxext"), layer("gwr.__main__")
        ('data', 'book', None)
    """
    if module in LOOK:
        return "look"
    if module in PLUMBING:
        return "plumbing"
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in RANK:
        return parts[1]
    return None


def module_name(path: Path) -> str:
    relative = path.relative_to(paths.ROOT).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, target: str | None, level: int) -> str:
    """The absolute name of a relative import made in ``module``."""
    parts = module.split(".")
    if not (GWR.parent / Path(*parts)).is_dir():  # a module: start from its package
        parts = parts[:-1]
    parts = parts[:len(parts) - (level - 1)]
    return ".".join(parts + ([target] if target else []))


def gwr_imports(source: str, *, module: str = "gwr", package: str = "gwr") -> set[str]:
    """The gwr modules a piece of source imports (``from gwr.data import x`` counts as gwr.data.x),
    with relative imports resolved against ``module`` and modules named to importlib.

    Examples:
        >>> sorted(gwr_imports("from gwr import paths\\nfrom gwr.data.tables import load_table\\n"
        ...                    "import gwr.text.source\\nimport pandas"))
        ['gwr.data.tables', 'gwr.paths', 'gwr.text.source']
        >>> sorted(gwr_imports("from ..data import pipeline\\nfrom . import numerals",
        ...                    module="gwr.text.deadlines"))
        ['gwr.data.pipeline', 'gwr.text.numerals']
        >>> sorted(gwr_imports("importlib.import_module('gwr.data.reforms')"))
        ['gwr.data.reforms']
    """
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and getattr(node.func, "attr", getattr(node.func, "id", None)) \
                in ("import_module", "__import__") \
                and str(node.args[0].value).split(".")[0] == package:
            found.add(node.args[0].value)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == package}
        elif isinstance(node, ast.ImportFrom):
            name = _resolve(module, node.module, node.level) if node.level else node.module
            if not name or name.split(".")[0] != package:
                continue
            # From a package (gwr, gwr.data, …) a name is a submodule; from a module, a name in it.
            is_package = (GWR.parent / Path(*name.split("."))).is_dir()
            found |= {f"{name}.{a.name}" if is_package and not a.name.startswith("__")
                      else name for a in node.names}
    return found


def violations(modules: dict[str, str]) -> list[str]:
    """Every import that breaks the layer rules, for a mapping of module name -> source.

    Examples:
        >>> violations({"gwr.text.x": "from gwr.data import pipeline",
        ...             "gwr.chapters.a": "from gwr.chapters import b",
        ...             "gwr.chapters.b": "from gwr.book import citation",
        ...             "gwr.data.y": "from gwr.text.x import f\\nfrom gwr import paths"})
        ... # doctest: +NORMALIZE_WHITESPACE
        ['gwr.chapters.a imports another chapter, gwr.chapters.b',
         'gwr.chapters.b (chapters) imports gwr.book.citation (book)',
         'gwr.text.x (text) imports gwr.data.pipeline (data)']
    """
    found = []
    for name, source in sorted(modules.items()):
        own = layer(name)
        if own is None:
            continue
        for target in sorted(gwr_imports(source, module=name)):
            other = layer(target)
            if other is None:
                found.append(f"{name} imports the entry point {target}")
            elif own == "chapters" and other == "chapters" and target != "gwr.chapters":
                found.append(f"{name} imports another chapter, {target}")
            elif RANK[other] > RANK[own] or (RANK[other] == RANK[own] and other != own):
                found.append(f"{name} ({own}) imports {target} ({other})")
    return found


def package_sources() -> dict[str, str]:
    return {module_name(p): p.read_text(encoding="utf-8") for p in GWR.rglob("*.py")
            if "__pycache__" not in p.parts}


def test_every_module_has_a_layer():
    unplaced = [m for m in package_sources() if layer(m) is None and m != "gwr.__main__"]
    assert unplaced == []


def test_no_module_imports_a_layer_above_it_and_chapters_stand_alone():
    assert violations(package_sources()) == []


def test_the_layers_are_really_used():
    """A guard against a vacuous pass: each layer imports the one below it somewhere."""
    sources = package_sources()
    edges = {(layer(m), layer(t)) for m, s in sources.items() if layer(m)
             for t in gwr_imports(s, module=m) if layer(t)}
    assert {("data", "text"), ("chapters", "data"), ("book", "data"), ("chapters", "look"),
            ("text", "plumbing")} <= edges


# What a chapter may take from the layers below: the table loader and schemas of gwr.data, and
# the pure text rules of gwr.text (none of these opens a file other than data/processed or a
# schema). Loaders of curated or raw files are off limits.
CHAPTER_MAY_IMPORT = {"gwr.data.tables", "gwr.data.datapackage", "gwr.text.deadlines",
                      "gwr.text.quotations", "gwr.text.numerals", "gwr.text.qualifiers",
                      "gwr.text.quantities", "gwr.text.paragraphs"}


def test_a_chapter_imports_no_loader_from_the_layers_below():
    for path in sorted((GWR / "chapters").glob("*.py")):
        below = {m for m in gwr_imports(path.read_text(encoding="utf-8"),
                                         module=module_name(path))
                 if layer(m) in ("data", "text")}
        assert below <= CHAPTER_MAY_IMPORT, (path.name, sorted(below - CHAPTER_MAY_IMPORT))


def test_no_chapter_module_reaches_for_curated_data():
    for path in sorted((GWR / "chapters").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = gwr_imports(path.read_text(encoding="utf-8"))
        assert "gwr.curated" not in imports, path.name
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | \
                {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        assert not names & {"CURATED", "curated_file", "load_yaml_mapping"}, path.name
        strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
                   and isinstance(n.value, str)]
        assert not [s for s in strings if "data/curated" in s and "\n" not in s
                    and not s.startswith(("Source", "source"))], path.name


def notebook_imports(path: Path) -> set[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))
    return gwr_imports(code)


def chapter_module_of(path: Path) -> str:
    """notebooks/03-plan-2020.ipynb -> gwr.chapters.plan_2020."""
    return "gwr.chapters." + path.stem.split("-", 1)[1].replace("-", "_")


def test_every_notebook_has_its_chapter_module():
    assert len(NOTEBOOKS) == 8
    for path in NOTEBOOKS:
        module = chapter_module_of(path)
        assert (GWR.parent / Path(*module.split("."))).with_suffix(".py").exists(), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_notebook_imports_its_chapter_the_look_and_the_table_loader(path):
    imports = notebook_imports(path)
    own = chapter_module_of(path)
    assert own in imports
    assert imports - {own} <= NOTEBOOK_MAY_IMPORT, sorted(imports - {own} - NOTEBOOK_MAY_IMPORT)


def test_the_kernel_guard_stops_a_curated_read_and_allows_processed(tmp_path):
    """The guard that `make test` puts on nbval's kernels really refuses data/curated/."""
    import os
    import sys

    from jupyter_client.manager import start_new_kernel

    sys.path.insert(0, str(paths.ROOT / "tools"))
    try:
        from kernel_guard import make_profile
    finally:
        sys.path.pop(0)
    env = {**os.environ, "IPYTHONDIR": str(make_profile(tmp_path / "ipython"))}
    manager, client = start_new_kernel(kernel_name="python3", env=env, cwd=str(paths.ROOT))
    try:
        def run(code: str) -> dict:
            return client.execute_interactive(code, timeout=60, output_hook=lambda msg: None)

        refused = run(f"open({str(paths.CURATED / 'sections.yml')!r}).read()")
        assert refused["content"]["status"] == "error"
        assert refused["content"]["ename"] == "PermissionError"
        allowed = run(f"open({str(paths.processed_table('sections'))!r}).read()")
        assert allowed["content"]["status"] == "ok"
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
