"""Hatchling hooks for the saturn_mock wheel: its version is the bundled binary's, and it is a wheel for this
platform (it holds an executable), tagged py3-none-<platform>; scripts/build-wheel then repairs it to manylinux."""

from __future__ import annotations

import subprocess
import sysconfig
from pathlib import Path
from typing import Any

from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface


class BinaryVersion(MetadataHookInterface):
    """Sets the project's version to what the bundled `saturn-mock --version` prints: one version for all."""

    def update(self, metadata: dict[str, Any]) -> None:
        """Runs the staged binary and takes its version."""
        binary = Path(self.root) / "saturn_mock" / "bin" / "saturn-mock"
        metadata["version"] = subprocess.run(
            [str(binary), "--version"], check=True, capture_output=True, text=True
        ).stdout.strip()


class PlatformWheel(BuildHookInterface[BuilderConfig]):
    """Marks the wheel as one for this platform, for any Python 3: the binary is not a Python extension."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Tags the wheel py3-none-<platform>."""
        build_data["pure_python"] = False
        build_data["tag"] = "py3-none-" + sysconfig.get_platform().replace("-", "_").replace(".", "_")
