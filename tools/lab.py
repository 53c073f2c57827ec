"""Start JupyterLab on 127.0.0.1 with the project's environment as the python3 kernel.

Usage: python tools/lab.py [extra jupyter-lab options]   (`make lab` runs it)

Jupyter refuses to run as root unless told (--allow-root), and containers and CI run as root. The
flag is added only when the effective user is root, so nobody else's server is weakened; the
server still listens on 127.0.0.1 only and keeps its token.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lab_command(extra: list[str], *, euid: int | None = None) -> list[str]:
    """The jupyter-lab command line, with --allow-root only for root.

    Examples:
        >>> lab_command([], euid=1000)[-2:]
        ['--ip=127.0.0.1', '--notebook-dir=.']
        >>> lab_command(["--port=9999"], euid=0)[-2:]
        ['--allow-root', '--port=9999']
    """
    euid = os.geteuid() if euid is None else euid
    jupyter = str(Path(sys.executable).with_name("jupyter"))
    command = [jupyter, "lab", "--ip=127.0.0.1", "--notebook-dir=."]
    if euid == 0:
        command.append("--allow-root")
    return command + extra


def main(argv: list[str]) -> int:
    os.chdir(ROOT)
    command = lab_command(argv)
    os.execv(command[0], command)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
