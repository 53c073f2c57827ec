"""Read files of data/curated and check their shape, naming the file and entry on any error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from gwr import paths
from gwr.errors import CuratedDataError


def load_yaml_mapping(name: str, *, directory: Path | None = None) -> dict[str, dict[str, Any]]:
    """Load ``data/curated/<name>``: a mapping of entry key -> mapping of fields."""
    path = (directory or paths.CURATED) / name
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError:
        raise CuratedDataError(f"{_show(path)}: file not found; restore it from git.") from None
    except yaml.YAMLError as exc:
        raise CuratedDataError(f"{_show(path)}: not valid YAML ({exc}).") from None
    if not isinstance(data, dict):
        raise CuratedDataError(f"{_show(path)}: expected a mapping of entries at the top level.")
    for key, entry in data.items():
        if not isinstance(entry, dict):
            raise CuratedDataError(f"{_show(path)}: entry {key!r} must be a mapping of fields.")
    return data


def check_fields(
    path_name: str,
    key: str,
    entry: dict[str, Any],
    required: dict[str, type | tuple[type, ...]],
    optional: dict[str, type | tuple[type, ...]] | None = None,
) -> None:
    """Raise CuratedDataError unless ``entry`` has exactly the allowed fields with the right types.

    Examples:
        >>> check_fields("x.yml", "a", {"n": 1}, {"n": int})
        >>> try:
        ...     check_fields("x.yml", "a", {"n": "1"}, {"n": int})
        ... except CuratedDataError as exc:
        ...     print(exc)
        data/curated/x.yml, entry 'a': field 'n' must be int, not str ('1').
    """
    optional = optional or {}
    where = f"data/curated/{path_name}, entry {key!r}"
    for field in required:
        if field not in entry or entry[field] is None:
            raise CuratedDataError(f"{where}: missing required field {field!r}.")
    for field, value in entry.items():
        kind = required.get(field, optional.get(field))
        if kind is None:
            allowed = ", ".join(sorted({*required, *optional}))
            raise CuratedDataError(f"{where}: unknown field {field!r} (allowed: {allowed}).")
        if value is not None and not isinstance(value, kind):
            kinds = kind if isinstance(kind, tuple) else (kind,)
            want = " or ".join(k.__name__ for k in kinds)
            raise CuratedDataError(
                f"{where}: field {field!r} must be {want}, not {type(value).__name__} ({value!r})."
            )


def split_mappings(name: str, data: dict[str, Any], keys: tuple[str, ...]) -> tuple[dict, ...]:
    """The top-level mappings ``keys`` of a curated file, in order; nothing else may stand there.

    Examples:
        >>> split_mappings("x.yml", {"a": {}, "b": {"k": 1}}, ("a", "b"))
        ({}, {'k': 1})
        >>> try:
        ...     split_mappings("x.yml", {"a": {}, "c": {}}, ("a", "b"))
        ... except CuratedDataError as exc:
        ...     print(exc)
        data/curated/x.yml: expected exactly the mappings `a` and `b` (unknown: c).
    """
    unknown = set(data) - set(keys)
    if unknown or not all(isinstance(data.get(k), dict) for k in keys):
        names = " and ".join(f"`{k}`" for k in keys)
        raise CuratedDataError(f"data/curated/{name}: expected exactly the mappings {names}"
                               + (f" (unknown: {', '.join(sorted(map(str, unknown)))})."
                                  if unknown else "."))
    return tuple(data[k] for k in keys)


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)


def check_choice(where: str, field: str, value: Any, choices) -> None:
    """Raise CuratedDataError unless ``value`` is one of ``choices``.

    Examples:
        >>> check_choice("data/curated/x.yml, entry 'a'", "kind", "target", ["target", "count"])
        >>> try:
        ...     check_choice("data/curated/x.yml, entry 'a'", "kind", "goal", ["target", "count"])
        ... except CuratedDataError as exc:
        ...     print(exc)
        data/curated/x.yml, entry 'a': kind 'goal' is not one of target, count.
    """
    if value not in choices:
        raise CuratedDataError(f"{where}: {field} {value!r} is not one of {', '.join(choices)}.")
