"""The `saturn-mock` command a pip install puts on the PATH: the bundled binary, with the arguments given."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from .server import BINARY


def main() -> NoReturn:
    """Replaces this process with the binary, so that signals, output and the exit status are its own."""
    os.execv(BINARY, [os.fspath(BINARY), *sys.argv[1:]])
