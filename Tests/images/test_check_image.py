"""`saturn-mock check-image` on real images: built by umoci, copied by skopeo into a real registry (Debian's
docker-registry) and into a docker archive; each requirement of the document that an image breaks is named with its
evidence, and the exit status says whether the image works (0), fails (1) or cannot be read (2)."""

import http.server
import json
import os
import subprocess
import threading
import urllib.request

import pytest

from harness import BINARY


def check(*arguments, env=None):
    """Runs check-image; its exit status, standard output and standard error."""
    run = subprocess.run([str(BINARY), "check-image", *map(str, arguments)], capture_output=True, text=True, timeout=120,
                         env=env or {k: v for k, v in os.environ.items() if k != "DOCKER_CONFIG"} | {"HOME": "/nonexistent"})
    return run.returncode, run.stdout, run.stderr


def check_json(*arguments):
    status, out, err = check(*arguments, "--json")
    assert status in (0, 1), err
    return status, json.loads(out)


def requirement(report, requirement_id):
    return next(item for item in report["requirements"] if item["id"] == requirement_id)


def at(registry):
    """The option that reaches the test registry over plain HTTP."""
    return ["--registry", f"{registry.host}={registry.url}"]


def test_an_image_with_everything_passes_for_all(registry):
    status, out, err = check(f"{registry.host}/saturn/good:1", *at(registry))
    assert status == 0, out + err
    assert "works for: Jupyter ✓ · RStudio ✓ · jobs ✓ · deployments ✓" in out
    assert "pass  conda in /opt/saturncloud with Python >= 3.7" in out
    assert "opt/saturncloud/conda-meta/python-3.9.7-h12debd9_1.json: Python 3.9.7" in out
    assert "etc/passwd: jovyan:x:1000:100:Default user:/home/jovyan:/bin/bash" in out
    # Debian's usr/lib/R/etc is a link to /etc/R: the Renviron is found through it.
    assert "usr/lib/R/etc/Renviron (at etc/R/Renviron): R_LIBS=" in out
    assert "FAIL" not in out and "warn" not in out


@pytest.mark.parametrize("variant, uses, failed, evidence", [
    ("python36", "all", "conda", "Python 3.6.15, older than 3.7"),
    ("uid1001", "job", "jovyan", "uid 1001, not 1000"),
    ("no-jovyan", "deployment", "jovyan", "etc/passwd has no user jovyan"),
    ("no-sshd", "job", "sshd", "usr/sbin/sshd is not in the image"),
    ("empty-saturn-env", "jupyter", "saturn-env", "records no ipykernel (0 packages); Saturn's base images (saturnbase-python) leave envs/saturn empty"),
    ("kernel-whiteout", "jupyter", "kernel", "opt/saturncloud/share/jupyter/kernels/python3/kernel.json is not in the image"),
    ("opaque-conda-meta", "jupyter", "jupyterlab", "conda-meta records no jupyterlab"),
    ("r-owned-by-root", "rstudio", "r", "are not owned by uid 1000 with read/write, usr/lib/R (uid 0) first"),
    ("rserver-default", "rstudio", "rstudio", "etc/rstudio/rserver.conf lacks www-port=8888, server-user=jovyan, auth-none=1"),
    ("no-r-libs", "rstudio", "renviron", "usr/lib/R/etc/Renviron lacks the line R_LIBS="),
])
def test_each_broken_requirement_fails_with_its_evidence(registry, variant, uses, failed, evidence):
    status, report = check_json(f"{registry.host}/saturn/{variant}:1", *at(registry), "--for", uses)
    assert status == 1
    found = requirement(report, failed)
    assert found["verdict"] == "unmet"
    assert "fail" in found["outcomes"].values()
    assert any(evidence in line for line in found["evidence"]), found["evidence"]
    failing = [item["id"] for item in report["requirements"] if "fail" in item["outcomes"].values()]
    assert failing == [failed]


def test_a_failure_reads_as_a_person_reads_it(registry):
    status, out, _ = check(f"{registry.host}/saturn/no-sshd:1", *at(registry), "--for", "jupyter,job")
    assert status == 1
    assert "FAIL  sshd installed  [required for jobs; optional for Jupyter]\n      usr/sbin/sshd is not in the image" in out
    assert out.rstrip().endswith("works for: Jupyter ✓ · jobs ✗")


def test_optional_requirements_warn_and_do_not_fail(registry):
    status, report = check_json(f"{registry.host}/saturn/no-path:1", *at(registry), "--for", "jupyter")
    assert status == 0
    assert requirement(report, "path")["outcomes"] == {"jupyter": "warning"}
    assert requirement(report, "path")["evidence"] == ["PATH=/usr/bin:/bin"]


def test_an_equivalent_r_libs_in_renviron_site_warns(registry):
    status, report = check_json(f"{registry.host}/saturn/renviron-site:1", *at(registry), "--for", "rstudio")
    assert status == 0
    found = requirement(report, "renviron")
    assert (found["verdict"], found["outcomes"]) == ("equivalent", {"rstudio": "warning"})
    assert found["evidence"][1].startswith("an equivalent is set in usr/lib/R/etc/Renviron.site: R_LIBS=")


def test_a_hard_link_counts_as_the_file(registry):
    status, report = check_json(f"{registry.host}/saturn/sshd-hardlink:1", *at(registry), "--for", "job")
    assert status == 0
    assert requirement(report, "sshd")["evidence"] == ["usr/sbin/sshd"]


@pytest.mark.parametrize("repository, what", [
    ("saturn/good-v2s2:1", "a Docker v2 manifest"),
    ("saturn/good-zstd:1", "zstd layers"),
    ("saturn/multi:1", "an OCI index, linux/amd64 chosen"),
])
def test_manifest_forms_and_compressions(registry, repository, what):
    status, report = check_json(f"{registry.host}/{repository}", *at(registry))
    assert status == 0, what
    assert report["platform"] == "linux/amd64"
    assert all(report["works_for"].values()), what


def test_an_index_without_amd64_says_what_it_lists(images, tmp_path):
    status, _, err = check(images["multi"].replace(":multi", ":no-such-tag"))
    assert status == 2
    assert "has no image tagged 'no-such-tag'" in err


def test_a_docker_archive_and_an_oci_layout(docker_archive, images, tmp_path):
    layout, tag = images["good"].removeprefix("oci:").rsplit(":", 1)
    archived = tmp_path / "layout.tar"
    subprocess.run(["tar", "-C", layout, "-cf", archived, "."], check=True)
    for source in [f"docker-archive:{docker_archive}", docker_archive, images["good"], f"oci-archive:{archived}:{tag}"]:
        status, out, err = check(source)
        assert status == 0, out + err
    status, report = check_json(images["kernel-whiteout"], "--for", "jupyter")
    assert status == 1 and not report["works_for"]["jupyter"]


def test_hosts_map_to_the_local_registry(registry):
    status, out, _ = check("public.ecr.aws/saturn/good:1", "--registry", f"public.ecr.aws={registry.url}", "--for", "job")
    assert status == 0
    assert out.startswith("image public.ecr.aws/saturn/good:1\n")
    status, out, _ = check("good:1", "--registry", f"docker.io={registry.url}", "--for", "job")
    assert status == 0, "Docker Hub's one-part name gains library/"
    assert out.startswith("image docker.io/library/good:1\n")


def test_a_missing_tag_cannot_be_read(registry):
    status, out, err = check(f"{registry.host}/saturn/good:9", *at(registry))
    assert (status, out) == (2, "")
    assert f"manifest unknown: {registry.url} has no manifest for {registry.host}/saturn/good:9" in err


def test_a_registry_that_needs_credentials(auth_registry, tmp_path):
    reference = f"{auth_registry.host}/saturn/good:1"
    status, _, err = check(reference, *at(auth_registry))
    assert status == 2 and "unauthorized" in err
    status, _, err = check(reference, *at(auth_registry), "--registry-auth", f"{auth_registry.host}=alice:wrong")
    assert status == 2 and "unauthorized" in err
    status, out, err = check(reference, *at(auth_registry), "--registry-auth", f"{auth_registry.host}=alice:wonderland")
    assert status == 0, err
    # As Docker keeps them: the auths of ~/.docker/config.json.
    home = tmp_path / "home"
    (home / ".docker").mkdir(parents=True)
    (home / ".docker" / "config.json").write_text(json.dumps({"auths": {auth_registry.host: {"auth": "YWxpY2U6d29uZGVybGFuZA=="}}}))
    status, _, err = check(reference, *at(auth_registry), env={"HOME": str(home), "PATH": os.environ["PATH"]})
    assert status == 0, err


@pytest.mark.parametrize("arguments, message", [
    (["--for", "notebook", "x"], "--for must be jupyter, rstudio, job, deployment or all, not 'notebook'"),
    (["--registry", "public.ecr.aws", "x"], "a registry is HOST=URL (public.ecr.aws=http://127.0.0.1:5000), not 'public.ecr.aws'"),
    (["--registry", "h=ftp://x", "x"], "a registry is HOST=URL"),
    (["--registry-auth", "host=alice", "x"], "registry credentials are HOST=USER:PASSWORD"),
    (["--docker-config", "/nonexistent/config.json", "x"], "--docker-config /nonexistent/config.json does not exist"),
])
def test_bad_options_are_refused_with_why(arguments, message):
    status, _, err = check(*arguments)
    assert status == 64
    assert message in err


@pytest.mark.parametrize("source, message", [
    ("oci:/nonexistent", "cannot read /nonexistent/index.json"),
    ("docker-archive:/etc/hostname", "cannot open /etc/hostname: Unrecognized archive format"),
    ("UPPER CASE", "is not an image reference"),
])
def test_what_cannot_be_read_says_why(source, message):
    status, _, err = check(source)
    assert status == 2
    assert message in err


class BearerFront(http.server.BaseHTTPRequestHandler):
    """A registry's front that wants a Bearer token, as Docker Hub and ECR Public do: `/v2/...` without one answers
    401 with a challenge naming `/token`, which hands a token to Basic alice:wonderland; with it, the request goes to
    the registry behind."""
    behind = ""
    scopes = []

    def log_message(self, *arguments):
        pass

    def do_GET(self):
        if self.path.startswith("/token"):
            BearerFront.scopes.append(self.path)
            if self.headers.get("Authorization") != "Basic YWxpY2U6d29uZGVybGFuZA==":
                return self.answer(401, b'{"errors": [{"code": "UNAUTHORIZED"}]}', {})
            return self.answer(200, b'{"token": "granted"}', {})
        if self.headers.get("Authorization") != "Bearer granted":
            realm = f"http://127.0.0.1:{self.server.server_address[1]}/token"
            challenge = f'Bearer realm="{realm}",service="front",scope="repository:saturn/good:pull"'
            return self.answer(401, b'{"errors": [{"code": "UNAUTHORIZED", "message": "authentication required"}]}',
                               {"WWW-Authenticate": challenge})
        request = urllib.request.Request(self.behind + self.path, headers={"Accept": self.headers.get("Accept", "*/*")})
        with urllib.request.urlopen(request) as answer:
            headers = {name: value for name, value in answer.headers.items() if name.lower() in ("content-type", "docker-content-digest")}
            self.answer(answer.status, answer.read(), headers)

    def answer(self, status, body, headers):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_a_registry_that_hands_out_bearer_tokens(registry):
    BearerFront.behind = registry.url
    front = http.server.ThreadingHTTPServer(("127.0.0.1", 0), BearerFront)
    threading.Thread(target=front.serve_forever, daemon=True).start()
    try:
        host = f"127.0.0.1:{front.server_address[1]}"
        status, _, err = check(f"{host}/saturn/good:1", "--registry", f"{host}=http://{host}", "--for", "job")
        assert status == 2 and "unauthorized" in err, "no credentials: the token endpoint refuses"
        status, out, err = check(f"{host}/saturn/good:1", "--registry", f"{host}=http://{host}", "--for", "job",
                                 "--registry-auth", f"{host}=alice:wonderland")
        assert status == 0, err
        assert "/token?service=front&scope=repository%3Asaturn%2Fgood%3Apull" in BearerFront.scopes
    finally:
        front.shutdown()
