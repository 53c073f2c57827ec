"""Make an IPython profile whose kernels may not read data/curated/; print its IPYTHONDIR.

Usage: IPYTHONDIR=$(python tools/kernel_guard.py) pytest --nbval notebooks/ ...

`make test` runs nbval this way (step 3), so a chapter notebook that opens a curated file, itself
or through any function it calls, fails with a message that names the file: a chapter reads
processed tables only (README, "How the data flow"). The guard is a Python audit hook on every
`open`, installed by an IPython startup file; it cannot be switched off from inside the kernel.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STARTUP = '''\
"""Installed by tools/kernel_guard.py: this kernel may not read data/curated/."""
import os as _os
import sys as _sys

_CURATED = {curated!r}


def _no_curated_reads(event, args):
    if event != "open" or not args or not isinstance(args[0], (str, bytes, _os.PathLike)):
        return
    path = _os.path.realpath(_os.fsdecode(args[0]))
    if path == _CURATED or path.startswith(_CURATED + _os.sep):
        raise PermissionError(
            f"{{path}}: a chapter reads processed tables only (data/processed/), never "
            "data/curated/. Publish the decision as a processed table and read it with "
            "gwr.data.tables.load_table.")


_sys.addaudithook(_no_curated_reads)
'''


def make_profile(directory: Path, curated: Path = ROOT / "data" / "curated") -> Path:
    """Write the guarded profile into ``directory`` (an IPYTHONDIR) and return it."""
    startup = directory / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    text = STARTUP.format(curated=str(curated.resolve()))
    (startup / "00-no-curated-reads.py").write_text(text, encoding="utf-8")
    return directory


def main() -> int:
    print(make_profile(Path(tempfile.mkdtemp(prefix="gwr-ipython-"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
