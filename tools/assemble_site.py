"""Assemble the published site: the latest build at the root, every released version under /vX.Y.Z/.

Usage: python tools/assemble_site.py --build _build/html --previous PUBLISHED --output _site
       [--citation CITATION.cff] [--replace-version]

A citation names a version and an address; the address must keep showing what was cited. So the
published tree holds:

- at the root, this build (the latest: what the book's address shows);
- under ``vX.Y.Z/``, this build again, X.Y.Z being ``version`` in CITATION.cff;
- under ``vA.B.C/``, every older version exactly as it was published (copied from PUBLISHED, the
  tree that is live now; the publish workflow keeps it on the gh-pages branch);
- ``versions.json``, the index: each version, its release date and its folder, newest first.

A version that is already published is kept as it was, not overwritten by a later build that
has not raised the version: what was cited under /v0.1.1/ stays what it was (``--replace-version``
overwrites it on purpose, for a version whose publication was broken). Nothing else from
PUBLISHED's root is kept: the root is this build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)")
VERSION_DIR = re.compile(r"v(\d+)\.(\d+)\.(\d+)")
INDEX = "versions.json"


class AssemblyError(Exception):
    """The site cannot be assembled from these inputs."""


def read_version(citation: Path) -> tuple[str, str]:
    """``version`` and ``date-released`` (ISO) of a CITATION.cff."""
    data = yaml.safe_load(citation.read_text(encoding="utf-8")) or {}
    version, released = str(data.get("version", "")), data.get("date-released", "")
    if not VERSION.fullmatch(version):
        raise AssemblyError(f"{citation}: version {version!r} is not of the form X.Y.Z")
    if isinstance(released, dt.date):
        released = released.isoformat()
    return version, str(released)


def version_key(version: str) -> tuple[int, int, int]:
    """Sort key of "X.Y.Z": numeric, so 0.10.0 comes after 0.9.0."""
    match = VERSION.fullmatch(version)
    if not match:
        raise AssemblyError(f"not a version: {version!r}")
    return int(match[1]), int(match[2]), int(match[3])


def published_versions(previous: Path) -> dict[str, dict]:
    """The versions PREVIOUS holds: {version: entry}, from its folders and its versions.json."""
    if not previous.is_dir():
        return {}
    known: dict[str, dict] = {}
    index = previous / INDEX
    if index.is_file():
        for entry in json.loads(index.read_text(encoding="utf-8")).get("versions", []):
            known[entry["version"]] = entry
    found = {}
    for folder in sorted(previous.iterdir()):
        match = VERSION_DIR.fullmatch(folder.name)
        if folder.is_dir() and match:
            version = ".".join(match.groups())
            found[version] = {"version": version, "released": known.get(version, {}).get(
                "released", ""), "path": f"{folder.name}/"}
    return found


def assemble(build: Path, version: str, released: str, previous: Path | None, output: Path,
             *, replace_version: bool = False, log=print) -> dict:
    """Write the published tree into ``output`` (new or empty); return the versions index."""
    version_key(version)
    if not (build / "index.html").is_file():
        raise AssemblyError(f"{build} is not a built site (no index.html)")
    clashes = [p.name for p in build.iterdir()
               if p.name == INDEX or VERSION_DIR.fullmatch(p.name)]
    if clashes:
        raise AssemblyError(f"the build has {', '.join(clashes)} at its root, where the "
                            "published versions go")
    if output.exists() and any(output.iterdir()):
        raise AssemblyError(f"{output} is not empty; give a new or empty folder")
    previous = previous if previous is not None and previous.is_dir() else None
    if previous is not None and output.resolve() == previous.resolve():
        raise AssemblyError("--output must differ from --previous")

    older = published_versions(previous) if previous is not None else {}
    shutil.copytree(build, output, dirs_exist_ok=True)  # the root: this build
    versions = {}
    for old, entry in older.items():
        if old == version and replace_version:
            log(f"assemble: v{old} was published; replacing it with this build "
                "(--replace-version).")
            continue
        shutil.copytree(previous / entry["path"], output / entry["path"])
        versions[old] = entry
    if version in versions:
        log(f"assemble: v{version} is already published; it stays as it was. The root shows "
            "this build; raise the version in CITATION.cff to publish it as a new version.")
    else:
        shutil.copytree(build, output / f"v{version}")
        versions[version] = {"version": version, "released": released, "path": f"v{version}/"}
    ordered = sorted(versions.values(), key=lambda e: version_key(e["version"]), reverse=True)
    index = {"latest": version, "versions": ordered}
    (output / INDEX).write_text(json.dumps(index, indent=2, ensure_ascii=False) + "\n",
                                encoding="utf-8")
    # GitHub Pages deploys from Actions without Jekyll; should the gh-pages branch ever be
    # served directly, this keeps Jekyll from dropping _static/ and _images/.
    (output / ".nojekyll").touch()
    log(f"assemble: root = v{version}; versions: "
        + ", ".join(e["version"] for e in ordered) + f" -> {output}")
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, default=ROOT / "_build" / "html",
                        help="the new build (default: _build/html)")
    parser.add_argument("--citation", type=Path, default=ROOT / "CITATION.cff",
                        help="where the version and release date come from")
    parser.add_argument("--previous", type=Path, default=None,
                        help="the tree published so far (missing or empty: first publication)")
    parser.add_argument("--output", type=Path, required=True, help="a new or empty folder")
    parser.add_argument("--replace-version", action="store_true",
                        help="overwrite this version's folder if it was already published")
    args = parser.parse_args(argv)
    try:
        version, released = read_version(args.citation)
        assemble(args.build, version, released, args.previous, args.output,
                 replace_version=args.replace_version)
    except AssemblyError as error:
        print(f"assemble: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
