"""A saturn-mock server run from the bundled binary: started on a free loopback port, waited on until it serves,
stopped with SIGTERM and its exit status checked."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import NoReturn, Optional, Sequence, Type, Union

from .control import ControlPlane, Tenant

PACKAGE = Path(__file__).resolve().parent
#: The release binary the wheel carries, with the shared libraries it loads bundled beside it.
BINARY = PACKAGE / "bin" / "saturn-mock"
#: The demo seed (orgs acme and globex; users alice, bob, carol), with its catalogue of sizes beside it.
DEMO_SEED = PACKAGE / "data" / "seed.json"

#: How many of the log's last lines a ServerError shows.
LOG_LINES_SHOWN = 40

StrPath = Union[str, "os.PathLike[str]"]


class ServerError(Exception):
    """The server did not start, did not serve in time, or did not exit 0 when stopped; the message ends with its log."""


class MockServer:
    """One saturn-mock process on 127.0.0.1 and a free port: in memory unless given a `data_dir`, from the demo seed
    unless given a `seed`, with any further `serve` options in `args` (e.g. `["--start-delay", "0"]`).

    Use it as a context manager, or call `start()` and `stop()`. Its log (one line per request) is at `log_path`
    while it runs. `SATURN_MOCK_*` variables of the environment are not passed on: the arguments say everything."""

    def __init__(
        self,
        *,
        data_dir: Optional[StrPath] = None,
        seed: StrPath = DEMO_SEED,
        args: Sequence[str] = (),
        start_timeout: float = 20.0,
        stop_timeout: float = 15.0,
    ) -> None:
        """Prepares a server; nothing runs until `start()`."""
        self.data_dir = data_dir
        self.seed = seed
        self.args = list(args)
        self.start_timeout = start_timeout
        self.stop_timeout = stop_timeout
        self._process: Optional[subprocess.Popen[bytes]] = None
        self._folder: Optional[Path] = None
        self._control: Optional[ControlPlane] = None

    @property
    def control(self) -> ControlPlane:
        """The server's control plane; only while it runs."""
        if self._control is None:
            raise ServerError("saturn-mock is not running: start() it first, or use it in a with block")
        return self._control

    @property
    def url(self) -> str:
        """Where it serves, `http://127.0.0.1:PORT`: the default tenant's base URL."""
        return self.control.url

    @property
    def log_path(self) -> Path:
        """The server's standard output and error, while it runs."""
        if self._folder is None:
            raise ServerError("saturn-mock is not running: start() it first, or use it in a with block")
        return self._folder / "saturn-mock.log"

    def create_tenant(self, name: Optional[str] = None) -> Tenant:
        """A new tenant of this server (see `ControlPlane.create_tenant`)."""
        return self.control.create_tenant(name)

    def start(self) -> MockServer:
        """Starts the server and returns once it serves; raises ServerError, with its log, if it exits or takes longer
        than `start_timeout` seconds."""
        if self._process is not None:
            raise ServerError("saturn-mock is already running")
        self._folder = Path(tempfile.mkdtemp(prefix="saturn-mock-"))
        port_file = self._folder / "port"
        store = ["--data-dir", os.fspath(self.data_dir)] if self.data_dir is not None else ["--in-memory"]
        command = [
            os.fspath(BINARY), "serve", "--host", "127.0.0.1", "--port", "0", "--port-file", os.fspath(port_file),
            "--seed", os.fspath(self.seed), *store, *self.args,
        ]
        environment = {name: value for name, value in os.environ.items() if not name.startswith("SATURN_MOCK_")}
        with open(self.log_path, "wb") as log:
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=environment
            )
        deadline = time.monotonic() + self.start_timeout
        while not port_file.exists():
            status = self._process.poll()
            if status is not None:
                self._fail(f"saturn-mock exited with status {status} before it served")
            if time.monotonic() > deadline:
                self._process.kill()
                self._process.wait()
                self._fail(f"saturn-mock did not serve within {self.start_timeout:g} seconds")
            time.sleep(0.01)
        self._control = ControlPlane(f"http://127.0.0.1:{port_file.read_text().strip()}")
        return self

    def stop(self) -> None:
        """Stops the server with SIGTERM (it finishes requests in flight) and raises ServerError unless it exits 0
        within `stop_timeout` seconds."""
        if self._process is None:
            return
        self._process.send_signal(signal.SIGTERM)
        try:
            status = self._process.wait(timeout=self.stop_timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
            self._fail(f"saturn-mock did not stop within {self.stop_timeout:g} seconds of SIGTERM")
        if status != 0:
            self._fail(f"saturn-mock exited with status {status} when stopped")
        self._clean_up()

    def _fail(self, reason: str) -> NoReturn:
        log = self.log_path.read_text(errors="replace").splitlines()[-LOG_LINES_SHOWN:]
        self._clean_up()
        raise ServerError(f"{reason}; the end of its log:\n" + "\n".join(log))

    def _clean_up(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        self._process = self._folder = self._control = None

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(
        self, kind: Optional[Type[BaseException]], error: Optional[BaseException], trace: Optional[TracebackType]
    ) -> None:
        self.stop()
