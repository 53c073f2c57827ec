"""What an extension collects per document, kept in the build environment.

Sphinx pickles the environment between builds, re-reads changed documents (``env-purge-doc``
first) and, reading in parallel, merges each worker's environment back (``env-merge-info``).
A store (an attribute of the environment: docname → what was collected) that an extension
``track``s stays right through all three.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def store(env: BuildEnvironment, key: str) -> dict[str, Any]:
    """The store ``key`` of ``env`` (docname → what was collected), made empty if new."""
    if not hasattr(env, key):
        setattr(env, key, {})
    return getattr(env, key)


def track(app: Sphinx, key: str) -> None:
    """Drop a document's entry when it is re-read, and merge the entries of parallel readers."""

    def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        store(env, key).pop(docname, None)

    def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str],
              other: BuildEnvironment) -> None:
        for docname in docnames:
            if docname in store(other, key):
                store(env, key)[docname] = store(other, key)[docname]

    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
