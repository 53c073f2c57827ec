"""The published tree keeps every version: tools/assemble_site.py, tried on temporary folders.

No deployment: a "build" here is a small folder of pages, and the "published tree" is what an
earlier assembly wrote, as the publish workflow fetches it back from the gh-pages branch.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

from gwr import paths

_spec = importlib.util.spec_from_file_location("assemble_site",
                                               paths.ROOT / "tools" / "assemble_site.py")
assemble_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(assemble_site)
assemble, AssemblyError = assemble_site.assemble, assemble_site.AssemblyError


def make_build(folder: Path, version: str, pages: tuple[str, ...] = ("index.html",
                                                                     "notebooks/03-plan-2020.html")
               ) -> Path:
    """A stand-in for _build/html whose every page says which version built it."""
    for page in pages:
        path = folder / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<p>{page} of {version}</p>", encoding="utf-8")
    return folder


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def index_of(site: Path) -> dict:
    return json.loads(text(site / "versions.json"))


def quiet(*args) -> None:
    pass


def test_first_publication_puts_the_build_at_the_root_and_under_its_version(tmp_path):
    build = make_build(tmp_path / "build", "0.1.1")
    site = tmp_path / "site"
    assemble(build, "0.1.1", "2026-11-29", tmp_path / "no-such-tree", site, log=quiet)
    assert text(site / "index.html") == "<p>index.html of 0.1.1</p>"
    assert text(site / "v0.1.1" / "notebooks" / "03-plan-2020.html") == (
        "<p>notebooks/03-plan-2020.html of 0.1.1</p>")
    assert index_of(site) == {"latest": "0.1.1", "versions": [
        {"version": "0.1.1", "released": "2026-11-29", "path": "v0.1.1/"}]}
    assert (site / ".nojekyll").is_file()


def test_a_new_release_keeps_the_old_one_as_it_was_published(tmp_path):
    first = tmp_path / "published"
    assemble(make_build(tmp_path / "b1", "0.1.1", ("index.html", "old-page.html")), "0.1.1",
             "2026-11-29", None, first, log=quiet)
    site = tmp_path / "site"
    assemble(make_build(tmp_path / "b2", "0.2.0"), "0.2.0", "2027-01-05", first, site, log=quiet)

    assert text(site / "index.html") == "<p>index.html of 0.2.0</p>"
    assert text(site / "v0.2.0" / "index.html") == "<p>index.html of 0.2.0</p>"
    # The cited version: byte for byte what was published, pages the new build dropped included.
    assert text(site / "v0.1.1" / "index.html") == "<p>index.html of 0.1.1</p>"
    assert text(site / "v0.1.1" / "old-page.html") == "<p>old-page.html of 0.1.1</p>"
    # The root is the latest build only: a page it no longer has is gone from the root.
    assert not (site / "old-page.html").exists()
    assert index_of(site) == {"latest": "0.2.0", "versions": [
        {"version": "0.2.0", "released": "2027-01-05", "path": "v0.2.0/"},
        {"version": "0.1.1", "released": "2026-11-29", "path": "v0.1.1/"}]}


def test_three_releases_in_numeric_order(tmp_path):
    published = None
    for n, version in enumerate(["0.9.0", "0.10.0", "0.9.1"]):
        site = tmp_path / f"site{n}"
        assemble(make_build(tmp_path / f"b{n}", version), version, f"2027-0{n + 1}-01",
                 published, site, log=quiet)
        published = site
    assert [e["version"] for e in index_of(published)["versions"]] == ["0.10.0", "0.9.1", "0.9.0"]
    # The root is the build just made, even when an archived version is numbered higher.
    assert index_of(published)["latest"] == "0.9.1"
    assert text(published / "index.html") == "<p>index.html of 0.9.1</p>"
    assert text(published / "v0.10.0" / "index.html") == "<p>index.html of 0.10.0</p>"


def test_a_published_version_is_not_overwritten_by_a_later_build_of_the_same_version(tmp_path):
    first = tmp_path / "published"
    assemble(make_build(tmp_path / "b1", "0.1.1"), "0.1.1", "2026-11-29", None, first, log=quiet)
    later = make_build(tmp_path / "b2", "0.1.1 with a fix")
    messages = []
    site = tmp_path / "site"
    assemble(later, "0.1.1", "2026-11-29", first, site, log=messages.append)
    assert text(site / "index.html") == "<p>index.html of 0.1.1 with a fix</p>"
    assert text(site / "v0.1.1" / "index.html") == "<p>index.html of 0.1.1</p>"
    assert any("already published" in m for m in messages)

    replaced = tmp_path / "replaced"
    assemble(later, "0.1.1", "2026-11-29", first, replaced, replace_version=True, log=quiet)
    assert text(replaced / "v0.1.1" / "index.html") == "<p>index.html of 0.1.1 with a fix</p>"
    assert [e["version"] for e in index_of(replaced)["versions"]] == ["0.1.1"]


def test_a_version_folder_without_an_index_entry_is_kept(tmp_path):
    """A tree published before versions.json existed: its version folders are still kept."""
    published = make_build(tmp_path / "published", "0.1.0",
                           ("index.html", "v0.1.0/index.html", "stray/page.html"))
    site = tmp_path / "site"
    assemble(make_build(tmp_path / "b", "0.1.1"), "0.1.1", "2026-11-29", published, site,
             log=quiet)
    assert text(site / "v0.1.0" / "index.html") == "<p>v0.1.0/index.html of 0.1.0</p>"
    assert not (site / "stray").exists()
    assert index_of(site)["versions"][1] == {"version": "0.1.0", "released": "",
                                             "path": "v0.1.0/"}


@pytest.mark.parametrize("case", ["no index.html", "version folder in build", "output not empty",
                                  "bad version"])
def test_refuses_what_it_cannot_assemble_safely(tmp_path, case):
    build = make_build(tmp_path / "build", "0.1.1")
    output, version = tmp_path / "site", "0.1.1"
    if case == "no index.html":
        (build / "index.html").unlink()
    elif case == "version folder in build":
        make_build(build / "v1.0.0", "stray")
    elif case == "output not empty":
        make_build(output, "something else")
    else:
        version = "0.1"
    with pytest.raises(AssemblyError):
        assemble(build, version, "2026-11-29", None, output, log=quiet)


def test_version_and_date_come_from_citation_cff(tmp_path):
    cff = tmp_path / "CITATION.cff"
    cff.write_text("cff-version: 1.2.0\nversion: 0.3.2\ndate-released: 2027-03-04\n",
                   encoding="utf-8")
    assert assemble_site.read_version(cff) == ("0.3.2", "2027-03-04")
    cff.write_text("cff-version: 1.2.0\nversion: 'draft'\n", encoding="utf-8")
    with pytest.raises(AssemblyError, match=r"X\.Y\.Z"):
        assemble_site.read_version(cff)


def test_the_command_line_reads_the_project_citation(tmp_path, capsys):
    build = make_build(tmp_path / "build", "this")
    site = tmp_path / "site"
    assert assemble_site.main(["--build", str(build), "--output", str(site),
                               "--previous", str(tmp_path / "none")]) == 0
    version = yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))["version"]
    assert index_of(site)["latest"] == version
    assert (site / f"v{version}" / "index.html").is_file()
    assert assemble_site.main(["--build", str(build), "--output", str(site)]) == 1
    assert "not empty" in capsys.readouterr().err


def test_the_publish_workflow_deploys_the_assembled_tree():
    """publish.yml fetches the published tree, assembles, deploys the result, and archives it."""
    workflow = yaml.safe_load((paths.ROOT / ".github" / "workflows" / "publish.yml")
                              .read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in steps]
    fetch = next(i for i, r in enumerate(runs) if "gh-pages" in r)
    assembly = next(i for i, r in enumerate(runs) if "tools/assemble_site.py" in r)
    upload = next(i for i, s in enumerate(steps)
                  if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert fetch < assembly < upload
    assert "--output _site" in runs[assembly] and "--previous _published" in runs[assembly]
    assert steps[upload]["with"]["path"] == "_site"
    archive = workflow["jobs"]["archive"]
    assert archive["needs"] == "deploy"
    assert archive["permissions"] == {"contents": "write"}
    assert any("refs/heads/gh-pages" in s.get("run", "") for s in archive["steps"])
