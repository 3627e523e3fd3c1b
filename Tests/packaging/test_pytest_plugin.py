"""The pytest plugin as a project meets it once the wheel is installed: its fixtures and its two settings, in a
pytest run of their own (pytester)."""

import pytest


def run(pytester: pytest.Pytester, test: str, settings: str = "") -> pytest.RunResult:
    pytester.makeini(f"[pytest]\n{settings}\n")
    pytester.makepyfile(test)
    return pytester.runpytest_subprocess("-p", "no:cacheprovider")


def test_each_test_gets_a_tenant_deleted_after_it(pytester):
    result = run(pytester, """
        names = []

        def test_first(saturn_mock, saturn_tenant):
            names.append(saturn_tenant.name)
            assert saturn_tenant.base_url.startswith(saturn_mock.url + "/t/")

        def test_second(saturn_mock, saturn_tenant):
            assert saturn_tenant.name != names[0]
            listed = saturn_mock.control.call("GET", saturn_mock.url + "/_mock/tenants")["tenants"]
            assert names[0] not in [tenant["name"] for tenant in listed]
    """)
    result.assert_outcomes(passed=2)


def test_saturn_env_points_saturn_clients_at_the_tenant(pytester):
    result = run(pytester, """
        import os

        def test_environment(saturn_env):
            assert os.environ["SATURN_BASE_URL"] == saturn_env.base_url
            assert os.environ["SATURN_TOKEN"] == saturn_env.tokens["bob"]
            assert os.environ["SATURN_REFRESH_TOKEN"] == saturn_env.refresh_tokens["bob"]
    """, settings="saturn_mock_user = bob")
    result.assert_outcomes(passed=1)


def test_saturn_mock_args_reach_the_server(pytester):
    result = run(pytester, """
        def test_clock(saturn_tenant):
            assert saturn_tenant.move_clock(advance_seconds=0) == {"now": "2030-01-01T00:00:00Z", "frozen": True}
    """, settings="saturn_mock_args = --clock 2030-01-01T00:00:00Z")
    result.assert_outcomes(passed=1)


def test_a_server_running_elsewhere_stands_in_for_the_session_server(pytester):
    pytester.makeconftest("""
        import pytest
        from saturn_mock import ControlPlane, MockServer

        @pytest.fixture(scope="session")
        def saturn_mock():
            with MockServer(args=["--control-token", "ci-token"]) as elsewhere:
                yield ControlPlane(elsewhere.url, control_token="ci-token")
    """)
    result = run(pytester, """
        def test_tenant(saturn_mock, saturn_env):
            assert saturn_env.base_url.startswith(saturn_mock.url + "/t/")
    """)
    result.assert_outcomes(passed=1)


def test_an_unknown_saturn_mock_user_is_named_with_the_seeds_users(pytester):
    result = run(pytester, "def test_environment(saturn_env): pass", settings="saturn_mock_user = mallory")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*saturn_mock_user is 'mallory', a user the seed does not have; its users: alice, bob, carol*"])


def test_bad_saturn_mock_args_fail_the_session_with_the_servers_message(pytester):
    result = run(pytester, "def test_tenant(saturn_tenant): pass", settings="saturn_mock_args = --start-delay soon")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*saturn-mock exited with status 64 before it served*", "*The value 'soon' is invalid for '--start-delay <seconds>'*"])
