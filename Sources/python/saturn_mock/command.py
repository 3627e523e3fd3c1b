"""The `saturn-mock` command a pip install puts on the PATH: the bundled binary, with the arguments given."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from .server import BINARY, DEMO_SEED


def main() -> NoReturn:
    """Replaces this process with the binary, so that signals, output and the exit status are its own; `serve`
    reads the demo seed the wheel carries unless `--seed` or SATURN_MOCK_SEED names another."""
    os.environ.setdefault("SATURN_MOCK_SEED", os.fspath(DEMO_SEED))
    os.execv(BINARY, [os.fspath(BINARY), *sys.argv[1:]])
