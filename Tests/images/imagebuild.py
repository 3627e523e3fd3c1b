"""Builds the test images without a daemon, as a person would: layers as tar files (Python's tarfile sets the owner
each file must have), added to an OCI layout with `umoci raw add-layer`, then copied with `skopeo` into a registry
or a `docker-archive:` file. Also starts Debian's docker-registry by hand (it has no service here), on a free port
with a config file in a temporary folder, anonymous or behind htpasswd Basic auth."""

import io
import json
import socket
import subprocess
import tarfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

JOVYAN = 1000
PYTHON_PATH = "/opt/saturncloud/envs/saturn/bin:/opt/saturncloud/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
R_LIBS = "R_LIBS=/usr/local/lib/R:/usr/local/lib/R/site-library:/usr/lib/R/site-library:/usr/lib/R/library"
KERNEL = {"argv": ["/opt/saturncloud/envs/saturn/bin/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
          "display_name": "saturn (Python 3)", "language": "python"}
RSERVER_CONF = "server-daemonize=0\nserver-user=jovyan\nauth-none=1\nauth-validate-users=0\nwww-port=8888\n"
ROOT = "root:x:0:0:root:/root:/bin/bash\n"
JOVYAN_LINE = "jovyan:x:{uid}:100:Default user:/home/jovyan:/bin/bash\n"


class Layer:
    """One layer's entries, in order, each with the owner it is recorded with."""

    def __init__(self, uid=0, prefix=""):
        self.uid, self.prefix, self.entries = uid, prefix, []

    def directory(self, path, mode=0o755, uid=None):
        self.entries.append(("dir", path, None, mode, self.uid if uid is None else uid))
        return self

    def file(self, path, content="", mode=0o644, uid=None):
        self.entries.append(("file", path, content.encode() if isinstance(content, str) else content, mode,
                             self.uid if uid is None else uid))
        return self

    def symlink(self, path, target):
        self.entries.append(("symlink", path, target, 0o777, self.uid))
        return self

    def hardlink(self, path, target):
        self.entries.append(("hardlink", path, target, 0o755, self.uid))
        return self

    def whiteout(self, path):
        folder, _, name = path.rpartition("/")
        return self.file(f"{folder}/.wh.{name}" if folder else f".wh.{name}")

    def opaque(self, folder):
        return self.file(f"{folder}/.wh..wh..opq")

    def write(self, destination: Path):
        with tarfile.open(destination, "w", format=tarfile.PAX_FORMAT) as archive:
            for kind, path, payload, mode, uid in self.entries:
                info = tarfile.TarInfo(self.prefix + path)
                info.uid, info.gid, info.mode, info.mtime = uid, 100 if uid else 0, mode, 1_700_000_000
                if kind == "dir":
                    info.type = tarfile.DIRTYPE
                    archive.addfile(info)
                elif kind == "file":
                    info.size = len(payload)
                    archive.addfile(info, io.BytesIO(payload))
                elif kind == "symlink":
                    info.type, info.linkname = tarfile.SYMTYPE, payload
                    archive.addfile(info)
                else:
                    info.type, info.linkname = tarfile.LNKTYPE, self.prefix + payload
                    archive.addfile(info)


def system_layer(uid=JOVYAN, sshd=True, rserver_conf=RSERVER_CONF, renviron=R_LIBS + "\n", renviron_site=None):
    """What root installs, with `./` before every path as some tar writers put it: the user, sudo, sshd, RStudio
    Server, R's configuration in etc/R (Debian's usr/lib/R/etc links there). No uid: no user jovyan."""
    layer = Layer(uid=0, prefix="./")
    layer.directory("etc").file("etc/passwd", ROOT + (JOVYAN_LINE.format(uid=uid) if uid else "")).directory("etc/sudoers.d")
    layer.file("etc/sudoers.d/notebook", "jovyan ALL=(ALL) NOPASSWD:ALL\n", mode=0o440)
    layer.directory("usr").directory("usr/sbin").symlink("sbin", "usr/sbin")
    if sshd:
        layer.file("usr/sbin/sshd", b"\x7fELF sshd", mode=0o755)
    layer.directory("usr/lib").directory("usr/lib/rstudio-server").directory("usr/lib/rstudio-server/bin")
    layer.file("usr/lib/rstudio-server/bin/rserver", b"\x7fELF rserver", mode=0o755)
    layer.directory("etc/rstudio")
    if rserver_conf is not None:
        layer.file("etc/rstudio/rserver.conf", rserver_conf)
    layer.directory("etc/R").file("etc/R/Renviron", "R_PAPERSIZE_USER=${R_PAPERSIZE}\n" + renviron)
    if renviron_site is not None:
        layer.file("etc/R/Renviron.site", renviron_site)
    return layer


def conda_layer(python="3.9.7", ipykernel=True, jupyterlab=True, kernel=KERNEL, r_uid=JOVYAN, envs_uid=JOVYAN):
    """What jovyan installs: its home, conda in /opt/saturncloud, the saturn environment, R in /usr/lib/R."""
    layer = Layer(uid=JOVYAN)
    layer.directory("home", uid=0).directory("home/jovyan")
    layer.directory("opt", uid=0).directory("opt/saturncloud").directory("opt/saturncloud/bin")
    layer.file("opt/saturncloud/bin/conda", "#!/opt/saturncloud/bin/python\n", mode=0o755)
    layer.directory("opt/saturncloud/conda-meta")
    layer.file(f"opt/saturncloud/conda-meta/python-{python}-h12debd9_1.json", json.dumps({"name": "python", "version": python}))
    layer.file("opt/saturncloud/conda-meta/python-dateutil-2.8.2-pyhd3eb1b0_0.json", "{}")
    if jupyterlab:
        layer.file("opt/saturncloud/conda-meta/jupyterlab-3.2.1-pyhd8ed1ab_0.json", "{}")
    layer.directory("opt/saturncloud/envs", uid=envs_uid).directory("opt/saturncloud/envs/saturn", uid=envs_uid)
    layer.directory("opt/saturncloud/envs/saturn/bin", uid=envs_uid)
    layer.file("opt/saturncloud/envs/saturn/bin/python", b"\x7fELF python", mode=0o755, uid=envs_uid)
    layer.directory("opt/saturncloud/envs/saturn/conda-meta", uid=envs_uid)
    if ipykernel:
        layer.file("opt/saturncloud/envs/saturn/conda-meta/ipykernel-6.4.1-py39h06a4308_1.json", "{}", uid=envs_uid)
    if kernel is not None:
        for folder in ["share", "share/jupyter", "share/jupyter/kernels", "share/jupyter/kernels/python3"]:
            layer.directory(f"opt/saturncloud/{folder}")
        layer.file("opt/saturncloud/share/jupyter/kernels/python3/kernel.json", json.dumps(kernel))
    layer.directory("usr", uid=0).directory("usr/lib", uid=0)
    layer.directory("usr/lib/R", uid=r_uid).directory("usr/lib/R/bin", uid=r_uid)
    layer.file("usr/lib/R/bin/R", "#!/bin/bash\n", mode=0o755, uid=r_uid)
    layer.symlink("usr/lib/R/etc", "/etc/R")
    layer.directory("usr/lib/R/library", uid=r_uid).directory("usr/lib/R/library/base", uid=r_uid)
    layer.file("usr/lib/R/library/base/DESCRIPTION", "Package: base\n", uid=r_uid)
    return layer


class Layout:
    """An OCI layout that umoci writes images into."""

    def __init__(self, folder: Path):
        self.folder = folder
        subprocess.run(["umoci", "init", "--layout", str(folder)], check=True)
        self.count = 0

    def image(self, tag: str, layers: list, path: str = PYTHON_PATH) -> str:
        """A new image `tag` of these layers, its PATH set; its reference `oci:FOLDER:TAG`."""
        reference = f"{self.folder}:{tag}"
        subprocess.run(["umoci", "new", "--image", reference], check=True)
        for layer in layers:
            self.count += 1
            tar = self.folder.parent / f"layer-{self.count}.tar"
            layer.write(tar)
            subprocess.run(["umoci", "raw", "add-layer", "--image", reference, str(tar)], check=True)
            tar.unlink()
        subprocess.run(["umoci", "config", "--image", reference, "--config.env", f"PATH={path}"], check=True)
        return f"oci:{reference}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Registry:
    """A docker-registry on this machine: its host as references name it, its URL, and its credentials."""
    host: str
    url: str
    process: subprocess.Popen
    credentials: str = None

    def push(self, source: str, repository: str, *extra: str) -> str:
        """Copies an image into the registry with skopeo; its reference."""
        reference = f"{self.host}/{repository}"
        creds = ["--dest-creds", self.credentials] if self.credentials else []
        subprocess.run(["skopeo", "copy", "--quiet", "--dest-tls-verify=false", *creds, *extra, source, f"docker://{reference}"],
                       check=True)
        return reference

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def start_registry(folder: Path, user: str = None, password: str = None) -> Registry:
    """Debian's docker-registry on a free port, storing in `folder`; behind htpasswd Basic auth when a user is given."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    auth = ""
    if user:
        htpasswd = subprocess.run(["htpasswd", "-Bbn", user, password], check=True, capture_output=True, text=True).stdout
        (folder / "htpasswd").write_text(htpasswd)
        auth = f"auth:\n  htpasswd:\n    realm: saturn-mock-tests\n    path: {folder / 'htpasswd'}\n"
    (folder / "config.yml").write_text(
        f"version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {folder / 'data'}\n"
        f"  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:{port}\n{auth}"
    )
    log = open(folder / "registry.log", "w")
    process = subprocess.Popen(["docker-registry", "serve", str(folder / "config.yml")], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(f"{url}/v2/", timeout=2)
            break
        except urllib.error.HTTPError as answer:
            if answer.code == 401:
                break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"docker-registry did not start: {(folder / 'registry.log').read_text()}")
        time.sleep(0.05)
    return Registry(f"127.0.0.1:{port}", url, process, f"{user}:{password}" if user else None)
