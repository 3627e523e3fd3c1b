"""The UI tests' page: the browser at their own tenant."""

import pytest


@pytest.fixture
def page(browser, tenant):
    """The browser at the UI of the test's own tenant, signed out."""
    browser.get(tenant.base_url)
    browser.execute_script("sessionStorage.clear()")
    yield browser
