"""The pytest plugin (entry point `pytest11`, loaded by installing the package): one server per test session (per
pytest-xdist worker), a tenant of its own for each test that asks, and the environment saturn-client and `sc` read.

Fixtures:
    saturn_mock    (session)  the MockServer, in memory, from the demo seed; a project may override it in its
                              conftest.py with a ControlPlane of a server running elsewhere (the container image)
    saturn_tenant  (function) a new tenant, deleted after the test
    saturn_env     (function) saturn_tenant, with SATURN_BASE_URL, SATURN_TOKEN and SATURN_REFRESH_TOKEN set to its
                              base URL and the tokens of the user named by the `saturn_mock_user` setting (alice)

Settings (pytest.ini, or [tool.pytest.ini_options] in pyproject.toml):
    saturn_mock_args   further `saturn-mock serve` options for the session's server, e.g. `--start-delay 0`
    saturn_mock_user   whose tokens saturn_env sets (default: alice, the demo seed's admin of its primary org)
"""

from __future__ import annotations

from typing import Iterator, Union

import pytest

from .control import ControlPlane, Tenant
from .server import MockServer


def pytest_addoption(parser: pytest.Parser) -> None:
    """Declares the plugin's settings."""
    parser.addini("saturn_mock_args", type="args", default=[],
                  help="further `saturn-mock serve` options for the session's server, e.g. --start-delay 0")
    parser.addini("saturn_mock_user", default="alice",
                  help="the seed user whose tokens saturn_env sets in SATURN_TOKEN and SATURN_REFRESH_TOKEN")


@pytest.fixture(scope="session")
def saturn_mock(pytestconfig: pytest.Config) -> Iterator[MockServer]:
    """One saturn-mock for the session, in memory on a free port; stopped at the end, which fails unless it exits 0."""
    with MockServer(args=pytestconfig.getini("saturn_mock_args")) as server:
        yield server


@pytest.fixture
def saturn_tenant(saturn_mock: Union[MockServer, ControlPlane]) -> Iterator[Tenant]:
    """A Saturn installation of the test's own, made from the seed: its base URL and each user's tokens."""
    tenant = saturn_mock.create_tenant()
    yield tenant
    tenant.delete()


@pytest.fixture
def saturn_env(saturn_tenant: Tenant, monkeypatch: pytest.MonkeyPatch, pytestconfig: pytest.Config) -> Tenant:
    """The test's tenant, with SATURN_BASE_URL, SATURN_TOKEN and SATURN_REFRESH_TOKEN set for the test, so that
    saturn-client's SaturnConnection() and `sc` use it unmodified."""
    user = pytestconfig.getini("saturn_mock_user")
    if user not in saturn_tenant.tokens:
        pytest.fail(
            f"saturn_mock_user is '{user}', a user the seed does not have; its users: "
            + ", ".join(sorted(saturn_tenant.tokens)),
            pytrace=False,
        )
    monkeypatch.setenv("SATURN_BASE_URL", saturn_tenant.base_url)
    monkeypatch.setenv("SATURN_TOKEN", saturn_tenant.tokens[user])
    monkeypatch.setenv("SATURN_REFRESH_TOKEN", saturn_tenant.refresh_tokens[user])
    return saturn_tenant
