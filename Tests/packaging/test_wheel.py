"""The installed wheel, as a user gets it: the command, the binary's libraries, the example project."""

import importlib.metadata
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import saturn_mock

EXAMPLE = Path(__file__).resolve().parent / "example"
README = Path(__file__).resolve().parents[2] / "README.md"


def test_this_environment_has_no_swift_and_no_library_path():
    assert shutil.which("swift") is None, "the wheel must work where Swift is not installed"
    assert "LD_LIBRARY_PATH" not in os.environ
    assert Path(saturn_mock.__file__).is_relative_to(Path(sys.prefix)), "saturn_mock must come from the installed wheel"


def test_the_binary_loads_libmicrohttpd_from_the_wheel():
    libraries = subprocess.run(["ldd", str(saturn_mock.BINARY)], check=True, capture_output=True, text=True).stdout
    assert "not found" not in libraries, libraries
    bundled = Path(saturn_mock.__file__).parent.parent / "saturn_mock.libs"
    for name in ("libmicrohttpd", "libgnutls"):
        [line] = [line for line in libraries.splitlines() if name in line]
        assert Path(line.split("=>")[1].split("(")[0].strip()).resolve().parent == bundled.resolve(), line


def test_the_command_prints_the_wheels_version():
    version = subprocess.run(["saturn-mock", "--version"], check=True, capture_output=True, text=True).stdout
    assert version.strip() == importlib.metadata.version("saturn-mock")


def test_the_command_serves_the_demo_seed_given_only_a_port(tmp_path):
    port_file = tmp_path / "port"
    server = subprocess.Popen(
        ["saturn-mock", "serve", "--port", "0", "--port-file", str(port_file)],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        while not port_file.exists():
            assert server.poll() is None, "saturn-mock did not start"
            time.sleep(0.01)
    finally:
        server.terminate()
    assert server.wait(timeout=15) == 0
    banner = server.stdout.read()
    assert "export SATURN_TOKEN=alice-admin-token" in banner and "(2 orgs, 3 users)" in banner, banner
    assert (tmp_path / ".saturn-mock").is_dir(), "the store is kept in the working folder, as scripts/serve keeps it"


def test_the_example_project_passes_in_parallel_with_only_the_plugins_fixtures():
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "-p", "no:cacheprovider"],
        cwd=EXAMPLE, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout, result.stdout


def test_the_readme_shows_the_example_test_as_it_runs():
    code = (EXAMPLE / "test_jobs.py").read_text()
    assert code[code.index("import json"):] in README.read_text(), "README.md's example must be Tests/packaging/example/test_jobs.py"
