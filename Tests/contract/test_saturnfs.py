"""saturnfs, Saturn's fsspec file system for its object storage, driven through the library itself against the mock:
ls, put, get, open for reading and writing, cp and rm on sfs://org/identity/path, multipart uploads to the mock's
presigned URLs, who sees whose files, the storage's limit, and files that outlive a restart."""

import hashlib
import os
import time

import httpx
import pytest

# saturnfs reads these when it is imported; each test points it at its own tenant below.
os.environ.setdefault("SATURN_BASE_URL", "http://127.0.0.1:9")
os.environ.setdefault("SATURN_TOKEN", "set-by-each-test")

from saturnfs import SaturnFS, settings  # noqa: E402
from saturnfs.client.aws import AWSPresignedClient  # noqa: E402
from saturnfs.errors import SaturnError  # noqa: E402

from harness import ADMIN, MEMBER, OTHER_ORG_ADMIN, Tenant, start_mock, stop_mock  # noqa: E402
from spec_shapes import problems, response_schema  # noqa: E402

MiB = 1024 * 1024


@pytest.fixture
def connect(tenant, monkeypatch):
    """A SaturnFS of its own for a seed user of the test's tenant, as `SATURN_BASE_URL` and `SATURN_TOKEN` set it."""
    def connect_as(user=ADMIN, base_url=None, token=None):
        monkeypatch.setattr(settings, "SATURN_BASE_URL", base_url or tenant.base_url)
        monkeypatch.setattr(settings, "SATURN_TOKEN", token or tenant.token(user))
        return SaturnFS(skip_instance_cache=True)
    return connect_as


def write(path, data):
    path.write_bytes(data)
    return str(path)


def requests_to(tenant, path):
    return httpx.get(f"{tenant.url}/_mock/requests", params={"path": path}).raise_for_status().json()["requests"]


def test_put_ls_get_and_rm_a_file(connect, tmp_path):
    fs = connect()
    fs.put(write(tmp_path / "notes.txt", b"hello saturn"), "sfs://acme/alice/docs/notes.txt")
    assert fs.ls("sfs://acme/alice/") == ["acme/alice/docs/"]
    [info] = fs.ls("sfs://acme/alice/docs", detail=True)
    assert (info.name, info.size, info.type) == ("acme/alice/docs/notes.txt", 12, "file")
    assert fs.exists("sfs://acme/alice/docs/notes.txt") and not fs.exists("sfs://acme/alice/docs/other.txt")
    fs.get("sfs://acme/alice/docs/notes.txt", str(tmp_path / "back.txt"))
    assert (tmp_path / "back.txt").read_bytes() == b"hello saturn"
    fs.rm("sfs://acme/alice/docs/notes.txt")
    assert fs.ls("sfs://acme/alice/", refresh=True) == []
    with pytest.raises(FileNotFoundError):
        fs.get("sfs://acme/alice/docs/notes.txt", str(tmp_path / "gone.txt"))


def test_open_writes_a_stream_in_parts_and_reads_ranges(connect, tenant):
    fs = connect()
    data = os.urandom(11 * MiB + 123)
    with fs.open("sfs://acme/alice/stream.bin", "wb") as f:
        for start in range(0, len(data), MiB):
            f.write(data[start:start + MiB])
    parts = requests_to(tenant, "/objects/uploads/*")
    assert [entry["status"] for entry in parts] == [200, 200, 200]
    with fs.open("sfs://acme/alice/stream.bin", "rb") as f:
        assert f.size == len(data)
        f.seek(5 * MiB - 3)
        assert f.read(7) == data[5 * MiB - 3:5 * MiB + 4]
        f.seek(0)
        assert f.read() == data
    assert fs.cat_file("sfs://acme/alice/stream.bin", start=10, end=20) == data[10:20]


def test_a_file_larger_than_a_part_goes_up_in_parallel_parts_and_comes_back_whole(connect, tenant, tmp_path):
    fs = connect()
    data = os.urandom(12 * MiB + 5)
    fs.put(write(tmp_path / "big.bin", data), "sfs://acme/alice/big.bin", block_size=5 * MiB)
    parts = requests_to(tenant, "/objects/uploads/*")
    assert sorted(entry["path"].rsplit("/", 1)[1] for entry in parts) == ["1", "2", "3"]
    # The journal shows each part's URL without its signature.
    assert all(dict(entry["query"])["signature"] == "[redacted]" for entry in parts)
    fs.get("sfs://acme/alice/big.bin", str(tmp_path / "back.bin"))
    assert hashlib.sha256((tmp_path / "back.bin").read_bytes()).digest() == hashlib.sha256(data).digest()
    assert fs.info("sfs://acme/alice/big.bin").size == len(data)


def test_cp_copies_on_the_server_and_rm_recursive_empties_a_folder(connect, tmp_path):
    fs = connect()
    data = os.urandom(6 * MiB)
    fs.put(write(tmp_path / "a.bin", data), "sfs://acme/alice/src/a.bin")
    fs.put(write(tmp_path / "b.txt", b"b"), "sfs://acme/alice/src/deep/b.txt")
    fs.cp("sfs://acme/alice/src/a.bin", "sfs://acme/alice/copy/a.bin")
    assert fs.cat_file("sfs://acme/alice/copy/a.bin") == data
    assert fs.find("sfs://acme/alice/src") == ["acme/alice/src/a.bin", "acme/alice/src/deep/b.txt"]
    fs.rm("sfs://acme/alice/src", recursive=True)
    assert fs.ls("sfs://acme/alice/", refresh=True) == ["acme/alice/copy/"]
    usage = fs.usage()
    assert (usage.used_bytes, usage.file_count, usage.active_uploads) == (len(data), 1, 0)


def test_a_users_storage_is_its_own(connect, tmp_path):
    connect(ADMIN).put(write(tmp_path / "private.txt", b"alice only"), "sfs://acme/alice/private.txt")
    bob = connect(MEMBER)
    with pytest.raises(SaturnError) as refused:
        bob.ls("sfs://acme/alice/")
    assert refused.value.status == 403
    assert refused.value.message == ("'bob' cannot see the object storage of acme/alice: a user's storage is its own; "
                                     "the org's (org/org) is shared with its members.")
    with pytest.raises(SaturnError) as refused:
        bob.open("sfs://acme/alice/private.txt", "rb")
    assert refused.value.status == 403
    with pytest.raises(SaturnError) as refused:
        bob.put(write(tmp_path / "intrude.txt", b"x"), "sfs://acme/alice/intrude.txt")
    assert refused.value.status == 403 and "cannot write the object storage of acme/alice" in refused.value.message
    with pytest.raises(SaturnError) as refused:
        connect(OTHER_ORG_ADMIN).ls("sfs://acme/alice/")
    assert (refused.value.status, refused.value.message) == (403, "User 'carol' is not a member of org 'acme'.")


def test_the_orgs_storage_is_shared_with_its_members(connect, tmp_path):
    connect(ADMIN).put(write(tmp_path / "shared.csv", b"a,b\n1,2\n"), "sfs://acme/acme/data/shared.csv")
    bob = connect(MEMBER)
    assert bob.ls("sfs://acme") == ["acme/acme/"]
    assert bob.ls("sfs://") == ["acme/"]
    assert bob.cat_file("sfs://acme/acme/data/shared.csv") == b"a,b\n1,2\n"
    with pytest.raises(SaturnError) as refused:
        bob.rm("sfs://acme/acme/data/shared.csv")
    assert refused.value.status == 403 and "written by its admins" in refused.value.message
    assert connect(OTHER_ORG_ADMIN).ls("sfs://") == ["globex/"]


def test_an_expired_url_is_told_as_s3_tells_it_and_a_resumed_upload_gets_new_ones(tenant):
    headers = tenant.headers(ADMIN)
    started = httpx.post(f"{tenant.url}/api/object_storage/upload", headers=headers,
                         json={"file_path": "late.txt", "owner_name": "acme/alice", "size": 4}).raise_for_status().json()
    httpx.post(f"{tenant.url}/_mock/clock", json={"advance_seconds": 3601}).raise_for_status()
    late = httpx.put(started["parts"][0]["url"], content=b"late")
    assert late.status_code == 403 and AWSPresignedClient().is_expired(late)
    resumed = httpx.get(f"{tenant.url}/api/object_storage/upload/{started['object_storage_upload_id']}", headers=headers,
                        params={"first_part": 1}).raise_for_status().json()
    put = httpx.put(resumed["parts"][0]["url"], content=b"late")
    assert put.status_code == 200
    completed = httpx.post(f"{tenant.url}/api/object_storage/upload/{started['object_storage_upload_id']}", headers=headers,
                           json={"parts": [{"part_number": 1, "etag": put.headers["ETag"]}]})
    assert completed.status_code == 204, completed.text


def error_of(response):
    return response.status_code, response.json()["error_code"], response.json()["message"]


def test_bad_requests_get_clear_errors(tenant):
    headers = tenant.headers(ADMIN)
    api = f"{tenant.url}/api/object_storage"
    bad_path = httpx.post(f"{api}/upload", headers=headers, json={"file_path": "a//b", "owner_name": "acme/alice", "size": 1})
    assert bad_path.status_code == 422
    assert bad_path.json()["errors"]["file_path"] == ["'a//b' is not a file path: a file path is 1 to 1024 bytes of UTF-8 without a leading or trailing '/', an empty segment ('//') or a control character"]
    small_part = httpx.post(f"{api}/upload", headers=headers, json={"file_path": "a", "size": 1, "part_size": 1024})
    assert small_part.json()["errors"]["part_size"] == ["must be 5242880 to 67108864 bytes (5 to 64 MiB), not 1024"]
    assert error_of(httpx.post(f"{api}/upload/no-such-upload", headers=headers, json={"parts": []}))[:2] == (404, "upload_not_found")
    assert error_of(httpx.post(f"{api}/download", headers=headers, json={"file_path": "missing.txt", "owner_name": "acme/alice"})) == (
        404, "not_found", "No file 'missing.txt' in the object storage of acme/alice.")
    no_identity = httpx.get(api, headers=headers, params={"owner_name": "acme/"})
    assert no_identity.status_code == 422 and "names the org 'acme' but no identity" in no_identity.json()["errors"]["owner_name"][0]

    started = httpx.post(f"{api}/upload", headers=headers, json={"file_path": "f.txt", "size": 3}).raise_for_status().json()
    url = started["parts"][0]["url"]
    assert error_of(httpx.put(url, content=b"four")) == (413, "payload_too_large", "The body is larger than the server's limit of 3 bytes (the size its presigned URL was made for).")
    assert error_of(httpx.put(url, content=b"12")) == (400, "part_size_mismatch", "The part's URL was made for 3 bytes, and the body holds 2; send the part whole, or ask for a URL of its size.")
    forged = url.replace("size=3", "size=4")
    assert error_of(httpx.put(forged, content=b"four"))[:2] == (403, "invalid_signature")
    etag = httpx.put(url, content=b"abc").raise_for_status().headers["ETag"]
    wrong = httpx.post(f"{api}/upload/{started['object_storage_upload_id']}", headers=headers, json={"parts": [{"part_number": 1, "etag": '"nope"'}]})
    assert wrong.json()["errors"] == {"parts[0].etag": ["is not the ETag the upload of part 1 answered"]}
    httpx.post(f"{api}/upload/{started['object_storage_upload_id']}", headers=headers, json={"parts": [{"part_number": 1, "etag": etag}]}).raise_for_status()
    download = httpx.post(f"{api}/download", headers=headers, json={"file_path": "f.txt"}).raise_for_status().json()
    assert httpx.get(download["url"], headers={"Range": "bytes=1-"}).content == b"bc"
    assert error_of(httpx.get(download["url"], headers={"Range": "bytes=9-"}))[:2] == (416, "range_not_satisfiable")
    failed = httpx.request("DELETE", f"{api}/bulk_delete", headers=headers, json={"file_paths": ["f.txt", "never.txt"]})
    assert failed.json() == {"failed_file_paths": ["never.txt"]}
    assert httpx.get(download["url"]).status_code == 404


def test_every_object_storage_answer_has_the_spec_shape(tenant, connect, tmp_path):
    connect().put(write(tmp_path / "x.txt", b"x"), "sfs://acme/acme/dir/x.txt")
    headers = tenant.headers(ADMIN)
    api = f"{tenant.url}/api/object_storage"

    def conforms(response, path, method, status=200):
        assert response.status_code == status, response.text
        found = problems(response.json(), response_schema(path, method, status))
        assert found == [], "\n".join(found)

    conforms(httpx.get(api, headers=headers, params={"owner_name": "acme/acme"}), "/api/object_storage", "get")
    conforms(httpx.get(api, headers=headers, params={"owner_name": "acme/acme", "prefix": "dir/"}), "/api/object_storage", "get")
    conforms(httpx.get(f"{api}/shared", headers=headers, params={"org_name": "acme"}), "/api/object_storage/shared", "get")
    conforms(httpx.get(f"{api}/usage", headers=headers), "/api/object_storage/usage", "get")
    reference = {"file_path": "dir/x.txt", "owner_name": "acme/acme"}
    conforms(httpx.post(f"{api}/download", headers=headers, json=reference), "/api/object_storage/download", "post")
    bulk = {"file_paths": ["dir/x.txt"], "owner_name": "acme/acme"}
    conforms(httpx.post(f"{api}/bulk_download", headers=headers, json=bulk), "/api/object_storage/bulk_download", "post")
    started = httpx.post(f"{api}/upload", headers=headers, json={"file_path": "y.txt", "size": 11 * MiB})
    conforms(started, "/api/object_storage/upload", "post")
    copy = httpx.post(f"{api}/upload", headers=headers, json={"file_path": "z.txt", "copy_source": reference})
    conforms(copy, "/api/object_storage/upload", "post")
    upload = started.json()["object_storage_upload_id"]
    conforms(httpx.get(f"{api}/upload/{upload}", headers=headers, params={"first_part": 2}), "/api/object_storage/upload/{object_storage_upload_id}", "get")
    conforms(httpx.get(f"{api}/upload", headers=headers), "/api/object_storage/upload", "get")
    conforms(httpx.request("DELETE", f"{api}/bulk_delete", headers=headers, json=bulk), "/api/object_storage/bulk_delete", "delete")
    # The bodiless answers: the suite's check of every answer holds them to the spec's 204.
    assert httpx.delete(f"{api}/upload/{upload}", headers=headers).status_code == 204
    connect().put(write(tmp_path / "w.txt", b"w"), "sfs://acme/acme/w.txt")
    gone = httpx.request("DELETE", f"{api}/delete", headers=headers, json={"file_path": "w.txt", "owner_name": "acme/acme"})
    assert gone.status_code == 204


def test_the_storage_limit_refuses_an_upload_past_it(tmp_path, monkeypatch):
    server = start_mock(tmp_path / "server", arguments=["--max-object-bytes", str(6 * MiB)])
    try:
        created = httpx.post(f"{server.url}/_mock/tenants").raise_for_status().json()
        tenant = Tenant(created["base_url"], {user["username"]: user["token"] for user in created["users"]})
        monkeypatch.setattr(settings, "SATURN_BASE_URL", tenant.base_url)
        monkeypatch.setattr(settings, "SATURN_TOKEN", tenant.token(ADMIN))
        fs = SaturnFS(skip_instance_cache=True)
        fs.put(write(tmp_path / "five.bin", os.urandom(5 * MiB)), "sfs://acme/alice/five.bin")
        with pytest.raises(SaturnError) as refused:
            fs.put(write(tmp_path / "two.bin", os.urandom(2 * MiB)), "sfs://acme/alice/two.bin")
        assert refused.value.status == 400
        assert refused.value.message == ("2097152 bytes more would pass the object storage limit of this installation: 5242880 of 6291456 "
                                         "bytes are held by files and uploads in progress (--max-object-bytes). Delete files, or start "
                                         "the server with a larger --max-object-bytes.")
        assert fs.usage().remaining_bytes == 1 * MiB
    finally:
        assert stop_mock(server) == 0


def test_files_outlive_a_restart_as_blobs_of_the_data_folder(tmp_path, monkeypatch):
    data = os.urandom(7 * MiB)
    server = start_mock(tmp_path / "first")
    monkeypatch.setattr(settings, "SATURN_BASE_URL", server.url + "/")
    monkeypatch.setattr(settings, "SATURN_TOKEN", "alice-admin-token")
    SaturnFS(skip_instance_cache=True).put(write(tmp_path / "kept.bin", data), "sfs://acme/alice/kept.bin")
    assert stop_mock(server) == 0
    # The file's bytes are one blob named by their SHA-256 (its two parts may be left, if the server stopped before
    # it swept them: the next start does).
    assert hashlib.sha256(data).hexdigest() in os.listdir(server.data_dir / "objects")
    again = start_mock(tmp_path / "second", data_dir=server.data_dir)
    try:
        monkeypatch.setattr(settings, "SATURN_BASE_URL", again.url + "/")
        assert SaturnFS(skip_instance_cache=True).cat_file("sfs://acme/alice/kept.bin") == data
        deadline = time.monotonic() + 10
        while sorted(os.listdir(server.data_dir / "objects")) != [hashlib.sha256(data).hexdigest(), "tmp"]:
            assert time.monotonic() < deadline, os.listdir(server.data_dir / "objects")
            time.sleep(0.05)
    finally:
        assert stop_mock(again) == 0


def test_fault_rules_reach_the_presigned_urls(connect, tenant, tmp_path):
    httpx.post(f"{tenant.url}/_mock/faults", json={"method": "PUT", "path": "/objects/uploads/*", "drop_connection": True, "times": 1}).raise_for_status()
    fs = connect()
    data = os.urandom(11 * MiB)
    fs.put(write(tmp_path / "retried.bin", data), "sfs://acme/alice/retried.bin", block_size=5 * MiB)
    assert fs.cat_file("sfs://acme/alice/retried.bin") == data
    # saturnfs sends the dropped part again: on the same URL, or (when its worker gave up) after asking for new ones.
    parts = requests_to(tenant, "/objects/uploads/*")
    assert [entry["dropped"] for entry in parts].count(True) == 1
    assert {entry["path"].rsplit("/", 1)[1] for entry in parts if entry["status"] == 200} == {"1", "2", "3"}
