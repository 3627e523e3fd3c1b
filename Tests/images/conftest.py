"""The image suite's fixtures: every test image built once per worker into an OCI layout, one registry holding them
(Docker v2 and OCI manifests, an OCI index, zstd layers), one behind htpasswd Basic auth, and a docker archive."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from imagebuild import Layer, Layout, conda_layer, start_registry, system_layer  # noqa: E402

# Each image by name: its layers. "good" passes every requirement; each other one breaks one thing.
VARIANTS = {
    "good": lambda: [system_layer(), conda_layer()],
    "python36": lambda: [system_layer(), conda_layer(python="3.6.15")],
    "uid1001": lambda: [system_layer(uid=1001), conda_layer()],
    "no-jovyan": lambda: [system_layer(uid=None), conda_layer()],
    "no-sshd": lambda: [system_layer(sshd=False), conda_layer()],
    "empty-saturn-env": lambda: [system_layer(), conda_layer(ipykernel=False)],
    "kernel-whiteout": lambda: [system_layer(), conda_layer(),
                                Layer(uid=1000).whiteout("opt/saturncloud/share/jupyter/kernels/python3/kernel.json")],
    "opaque-conda-meta": lambda: [system_layer(), conda_layer(), Layer(uid=1000).opaque("opt/saturncloud/conda-meta")
                                  .file("opt/saturncloud/conda-meta/python-3.9.7-h12debd9_1.json", "{}")],
    "r-owned-by-root": lambda: [system_layer(), conda_layer(r_uid=0)],
    "rserver-default": lambda: [system_layer(rserver_conf="www-port=8787\n"), conda_layer()],
    "renviron-site": lambda: [system_layer(renviron="", renviron_site="R_LIBS=${R_LIBS-'/usr/local/lib/R/site-library:/usr/lib/R/library'}\n"),
                              conda_layer()],
    "no-r-libs": lambda: [system_layer(renviron=""), conda_layer()],
    "sshd-hardlink": lambda: [system_layer(sshd=False), conda_layer(),
                              Layer(uid=0).directory("usr/libexec").file("usr/libexec/sshd-real", b"\x7fELF", mode=0o755)
                              .hardlink("usr/sbin/sshd", "usr/libexec/sshd-real")],
}


def add_index(layout: Path, tag: str, amd64_tag: str, arm64_tag: str):
    """Tags an OCI image index listing two images of the layout, as linux/amd64 and linux/arm64."""
    index_path = layout / "index.json"
    index = json.loads(index_path.read_text())
    by_tag = {entry["annotations"]["org.opencontainers.image.ref.name"]: entry for entry in index["manifests"]}
    manifests = []
    for source, architecture in [(arm64_tag, "arm64"), (amd64_tag, "amd64")]:
        entry = dict(by_tag[source])
        entry.pop("annotations")
        entry["platform"] = {"os": "linux", "architecture": architecture}
        manifests.append(entry)
    blob = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": manifests}).encode()
    digest = hashlib.sha256(blob).hexdigest()
    (layout / "blobs" / "sha256" / digest).write_bytes(blob)
    index["manifests"].append({"mediaType": "application/vnd.oci.image.index.v1+json", "digest": f"sha256:{digest}",
                               "size": len(blob), "annotations": {"org.opencontainers.image.ref.name": tag}})
    index_path.write_text(json.dumps(index))


@pytest.fixture(scope="session")
def images(tmp_path_factory):
    """Every variant in one OCI layout, by name: its `oci:FOLDER:TAG` reference; and `multi`, an index of the good
    image (amd64) and the one without jovyan (as arm64)."""
    folder = tmp_path_factory.mktemp("images")
    layout = Layout(folder / "layout")
    built = {name: layout.image(name, make()) for name, make in VARIANTS.items()}
    built["no-path"] = layout.image("no-path", VARIANTS["good"](), path="/usr/bin:/bin")
    add_index(layout.folder, "multi", "good", "no-jovyan")
    built["multi"] = f"oci:{layout.folder}:multi"
    return built


@pytest.fixture(scope="session")
def registry(tmp_path_factory, images):
    """An anonymous registry holding every variant as `saturn/NAME:1` (OCI manifests), `saturn/good-v2s2:1` (a Docker
    v2 manifest), `saturn/good-zstd:1` (zstd layers) `saturn/multi:1` (an OCI index) and
    `library/good:1` (a Docker Hub one-part name)."""
    registry = start_registry(tmp_path_factory.mktemp("registry"))
    for name, source in images.items():
        if name != "multi":
            registry.push(source, f"saturn/{name}:1")
    registry.push(images["good"], "saturn/good-v2s2:1", "--format", "v2s2")
    registry.push(images["good"], "saturn/good-zstd:1", "--dest-compress-format", "zstd", "--dest-compress")
    registry.push(images["multi"], "saturn/multi:1", "--all")
    registry.push(images["good"], "library/good:1")
    yield registry
    registry.stop()


@pytest.fixture(scope="session")
def auth_registry(tmp_path_factory, images):
    """A registry behind htpasswd Basic auth (user alice, password wonderland), holding `saturn/good:1`."""
    registry = start_registry(tmp_path_factory.mktemp("auth-registry"), "alice", "wonderland")
    registry.push(images["good"], "saturn/good:1")
    yield registry
    registry.stop()


@pytest.fixture(scope="session")
def docker_archive(tmp_path_factory, images):
    """The good image as `skopeo copy … docker-archive:` writes it: manifest.json last, uncompressed layers."""
    path = tmp_path_factory.mktemp("archive") / "good.tar"
    subprocess.run(["skopeo", "copy", "--quiet", images["good"], f"docker-archive:{path}:saturn/good:1"], check=True)
    return path
