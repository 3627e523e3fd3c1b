"""A headless Chromium for the UI tests, and the page and screenshot of any test that fails."""

import os
import re
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ARTIFACTS = Path(os.environ.get("SATURN_MOCK_UI_ARTIFACTS", Path(__file__).resolve().parents[2] / ".build" / "ui-failures"))


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    # Selenium's own driver manager would try to download a driver: use Debian's.
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, tenant):
    """The browser at the UI of the test's own tenant, signed out."""
    browser.get(tenant.base_url)
    browser.execute_script("sessionStorage.clear()")
    yield browser


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    driver = item.funcargs.get("page")
    if report.when == "call" and report.failed and driver is not None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        stem = ARTIFACTS / re.sub(r"[^\w.-]", "_", item.name)
        driver.save_screenshot(str(stem.with_suffix(".png")))
        stem.with_suffix(".html").write_text(driver.page_source)
        report.sections.append(("UI failure", f"screenshot: {stem.with_suffix('.png')}\npage: {stem.with_suffix('.html')}"))
