"""Read data/curated/divisions.yml: Taiyuan's ten county-level units and the four neighbouring
prefecture-level cities, with the one set of names every table gives them, checked against the
boundary file in data/raw/geo (published as units.csv)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gwr.curated import check_choice, check_fields, load_yaml_mapping
from gwr.data import geo
from gwr.errors import CuratedDataError

CURATED_FILE = "divisions.yml"
ROLES = ("taiyuan_unit", "neighbour")
KINDS = ("district", "county", "county-level city", "prefecture-level city")
# The kind that the last character of a Chinese name implies, for each role.
_KIND_OF = {("区", "taiyuan_unit"): "district", ("县", "taiyuan_unit"): "county",
            ("市", "taiyuan_unit"): "county-level city",
            ("市", "neighbour"): "prefecture-level city"}
# The role as the boundary file writes it (tools/extract_boundaries.py).
OUTLINE_ROLE = {"taiyuan_unit": "taiyuan", "neighbour": "neighbour"}
_FIELDS = {"name_zh": str, "name_en": str, "role": str, "kind": str}


@dataclass(frozen=True)
class Division:
    """One division: its GB/T 2260 code, names, role and kind."""

    adcode: str
    name_zh: str
    name_en: str
    role: str
    kind: str

    @property
    def short_zh(self) -> str:
        """The name without 区, 县 or 市, as the text also writes it (晋源区 -> 晋源)."""
        return self.name_zh[:-1]


def load_divisions(*, curated: dict | None = None, outlines: Sequence[geo.Unit] | None = None,
                   check_outlines: bool = True) -> dict[str, Division]:
    """The divisions of data/curated/divisions.yml, in code order.

    Each entry is checked for its fields, its role and kind (the kind must be the one its
    name's last character implies for its role) and its code, and all of them against the
    outlines (by default those of data/raw/geo): the same codes, each with the same Chinese
    name and role. CuratedDataError names the file and the entry. ``check_outlines=False``
    skips the last check, for tools/extract_boundaries.py, which writes the outlines.

    Examples:
        >>> box = [[[(112.0, 37.0), (112.1, 37.0), (112.1, 37.1), (112.0, 37.0)]]]
        >>> divisions = load_divisions(
        ...     curated={"140181": {"name_zh": "古交市", "name_en": "Gujiao City",
        ...                         "role": "taiyuan_unit", "kind": "county-level city"}},
        ...     outlines=[geo.Unit("140181", "古交市", "", "taiyuan", box)])
        >>> divisions["140181"].name_en, divisions["140181"].short_zh
        ('Gujiao City', '古交')
    """
    entries = curated if curated is not None else load_yaml_mapping(CURATED_FILE)
    if outlines is None:
        outlines = geo.load_units() if check_outlines else []
    drawn = {u.adcode: u for u in outlines}
    divisions = {}
    for key, entry in entries.items():
        where = f"data/curated/{CURATED_FILE}, entry {key!r}"
        check_fields(CURATED_FILE, str(key), entry, _FIELDS)
        code, role, kind, name_zh = str(key), entry["role"], entry["kind"], entry["name_zh"]
        if not isinstance(key, str) or not re.fullmatch(r"14\d{4}", code):
            raise CuratedDataError(f"{where}: the key must be a quoted six-digit GB/T 2260 code "
                                   "of Shanxi (14xxxx).")
        check_choice(where, "role", role, ROLES)
        check_choice(where, "kind", kind, KINDS)
        if _KIND_OF.get((name_zh[-1:], role)) != kind:
            raise CuratedDataError(f"{where}: kind {kind!r} does not fit the name {name_zh} "
                                   f"and the role {role}.")
        unit_of_taiyuan = code.startswith("1401") and code != "140100"
        if (role == "taiyuan_unit") != unit_of_taiyuan or (role == "neighbour"
                                                            and not code.endswith("00")):
            raise CuratedDataError(f"{where}: the code does not fit the role {role} (Taiyuan's "
                                   "units are 1401xx; a prefecture-level city is 14xx00).")
        outline = drawn.get(code)
        if check_outlines and outline is None:
            raise CuratedDataError(f"{where}: the boundary file (data/raw/geo) has no outline "
                                   "for this code.")
        if check_outlines and (outline.name_zh, outline.role) != (name_zh, OUTLINE_ROLE[role]):
            raise CuratedDataError(
                f"{where}: the boundary file names the code {outline.name_zh} "
                f"({outline.role}), not {name_zh} ({role}).")
        divisions[code] = Division(code, name_zh, entry["name_en"], role, kind)
    extra = sorted(set(drawn) - set(divisions))
    if extra:
        raise CuratedDataError(f"data/curated/{CURATED_FILE}: the boundary file holds outlines "
                               f"of divisions missing here: {', '.join(extra)}.")
    for field in ("name_zh", "name_en"):
        names = [getattr(d, field) for d in divisions.values()]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise CuratedDataError(f"data/curated/{CURATED_FILE}: {field} used twice: "
                                   f"{', '.join(twice)}.")
    return dict(sorted(divisions.items()))


def taiyuan_units(divisions: dict[str, Division] | None = None) -> dict[str, Division]:
    """Taiyuan's county-level units, in code order."""
    divisions = load_divisions() if divisions is None else divisions
    return {c: d for c, d in divisions.items() if d.role == "taiyuan_unit"}


def neighbours(divisions: dict[str, Division] | None = None) -> dict[str, Division]:
    """The prefecture-level cities that border Taiyuan, in code order."""
    divisions = load_divisions() if divisions is None else divisions
    return {c: d for c, d in divisions.items() if d.role == "neighbour"}


def outline_names(divisions: dict[str, Division] | None = None) -> dict[str, tuple[str, str, str]]:
    """``{adcode: (name_zh, name_en, role as the boundary file writes it)}``, for
    gwr.data.geo.load_package_units and tools/extract_boundaries.py."""
    divisions = load_divisions() if divisions is None else divisions
    return {c: (d.name_zh, d.name_en, OUTLINE_ROLE[d.role]) for c, d in divisions.items()}
