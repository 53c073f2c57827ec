"""Command line: ``python -m gwr data [--check]`` and ``python -m gwr verify``."""

from __future__ import annotations

import argparse
import sys

from gwr.data import pipeline
from gwr.errors import SourceChecksumError
from gwr.text.source import verify_source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gwr")
    sub = parser.add_subparsers(dest="command", required=True)
    data = sub.add_parser("data", help="regenerate data/processed from data/raw + data/curated")
    data.add_argument("--check", action="store_true", help="only report whether it is up to date")
    sub.add_parser("verify", help="verify the source text against its recorded checksum")
    args = parser.parse_args(argv)
    if args.command == "data":
        return pipeline.main(check=args.check)
    try:
        digest = verify_source()
    except SourceChecksumError as exc:
        print(exc)
        return 1
    print(f"source text verified (SHA-256 {digest}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
