"""A headless Chromium and the steps every browser test takes: wait for something to show, sign in with a token."""

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as shown
from selenium.webdriver.support.ui import WebDriverWait

from harness import ADMIN


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    # Selenium's own driver manager would try to download a driver: use Debian's.
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(0)
    return driver


def wait_for(page, condition, seconds=10):
    return WebDriverWait(page, seconds).until(condition)


def sign_in(page, tenant, user=ADMIN):
    """Pastes the User Token, as the document says to find it under Username > User Settings > User Token."""
    field = wait_for(page, shown.visibility_of_element_located((By.ID, "field-token")))
    field.send_keys(tenant.token(user))
    page.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_for(page, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Images"))
