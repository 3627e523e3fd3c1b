"""The document's UI import flow, in a real browser: Images, New, Add, then New Version > Add External > Add."""

import httpx
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as shown
from selenium.webdriver.support.ui import Select

from browser import sign_in, wait_for
from harness import ADMIN, DOCUMENT_RECIPE, MEMBER


def new_image(page, name):
    wait_for(page, shown.element_to_be_clickable((By.ID, "new-image"))).click()
    wait_for(page, shown.visibility_of_element_located((By.ID, "field-name"))).send_keys(name)
    page.find_element(By.ID, "field-description").send_keys("imported through the UI")
    Select(page.find_element(By.ID, "field-hardware_type")).select_by_value("CPU")
    page.find_element(By.CSS_SELECTOR, "input[name=supports][value=jupyterlab]").click()
    Select(page.find_element(By.ID, "field-access")).select_by_value("org")
    page.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_for(page, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), name))


def add_external(page, version, uri):
    page.find_element(By.ID, "new-version").click()
    wait_for(page, shown.element_to_be_clickable((By.ID, "add-external"))).click()
    wait_for(page, shown.visibility_of_element_located((By.ID, "field-version"))).send_keys(version)
    page.find_element(By.ID, "field-description").send_keys("from the document")
    page.find_element(By.ID, "field-image_uri").send_keys(uri)
    page.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()


def version_rows(page):
    return [row.text for row in page.find_elements(By.CSS_SELECTOR, "tbody tr")]


def test_the_documents_ui_steps_import_an_image_the_api_then_lists(page, tenant):
    sign_in(page, tenant)
    new_image(page, "saturn-ui")
    add_external(page, "2021.11.10", "public.ecr.aws/saturncloud/saturn:2021.11.10")
    wait_for(page, shown.text_to_be_present_in_element((By.CSS_SELECTOR, "tbody"), "2021.11.10"))
    assert "public.ecr.aws/saturncloud/saturn:2021.11.10" in version_rows(page)[0]

    recipe = httpx.get(f"{tenant.url}/api/recipes/image/saturn-ui", headers=tenant.headers(ADMIN)).json()
    assert [(v["name"], v["image_uri"]) for v in recipe["spec"]["versions"]] == [("2021.11.10", "public.ecr.aws/saturncloud/saturn:2021.11.10")]
    assert recipe["spec"]["supports"] == ["jupyterlab"] and recipe["spec"]["access"] == "org"
    images = httpx.get(f"{tenant.url}/api/images", headers=tenant.headers(MEMBER)).json()["images"]
    assert [image["name"] for image in images] == ["saturn-ui"], "a member of the org sees it"

    page.find_element(By.ID, "nav-images").click()
    wait_for(page, shown.text_to_be_present_in_element((By.CSS_SELECTOR, "tbody"), "saturn-ui"))
    assert "usable" in version_rows(page)[0]
    words = set(page.find_element(By.TAG_NAME, "main").text.split())
    assert not words & {"null", "undefined", "[object"}, "nothing that was meant for the program shows"


def test_a_version_applied_through_the_api_is_in_the_ui_after_a_reload(page, tenant):
    sign_in(page, tenant)
    assert httpx.post(f"{tenant.url}/api/recipes/apply", content=DOCUMENT_RECIPE.read_bytes(), headers=tenant.headers(ADMIN)).status_code == 201
    page.refresh()
    wait_for(page, shown.text_to_be_present_in_element((By.CSS_SELECTOR, "tbody"), "saturn-r"))
    page.find_element(By.LINK_TEXT, "saturn-r").click()
    wait_for(page, shown.text_to_be_present_in_element((By.CSS_SELECTOR, "tbody"), "2021.12.01"))
    assert [row.split()[0] for row in version_rows(page)] == ["2021.11.10", "2021.12.01"]


def test_an_invalid_image_uri_is_refused_beside_its_field(page, tenant):
    sign_in(page, tenant)
    new_image(page, "typo")
    add_external(page, "v1", "no tag")
    error = wait_for(page, shown.visibility_of_element_located((By.CSS_SELECTOR, "[data-field=image_uri] .error")))
    assert error.text == "contains a space at character 3; an image reference has no white space"
    assert "{" not in page.find_element(By.TAG_NAME, "main").text, "no raw JSON on the page"


def test_an_ecr_repository_not_named_saturn_is_added_with_a_warning_beside_its_field(page, tenant):
    sign_in(page, tenant)
    new_image(page, "ecr")
    add_external(page, "1", "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:1")
    warning = wait_for(page, shown.visibility_of_element_located((By.CSS_SELECTOR, "[data-field=image_uri] .warning")))
    assert warning.text.startswith("ECR repository 'team/app' does not start with 'saturn'")
    assert "Version 1 was added." in page.find_element(By.TAG_NAME, "form").text


def test_a_member_sees_why_they_cannot_add(page, tenant):
    # On loopback the sign-in page offers the seed's users: one click each.
    wait_for(page, shown.element_to_be_clickable((By.XPATH, "//button[text()='Sign in as bob']"))).click()
    wait_for(page, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Images"))
    assert not page.find_element(By.ID, "new-image").is_enabled()
    assert page.find_element(By.ID, "why-not").text == "Only an admin of acme can add images; bob is a member."


def test_the_requirements_are_one_click_from_the_external_version_form(page, tenant):
    sign_in(page, tenant)
    new_image(page, "checked")
    page.find_element(By.ID, "new-version").click()
    wait_for(page, shown.element_to_be_clickable((By.ID, "add-external"))).click()
    wait_for(page, shown.visibility_of_element_located((By.CSS_SELECTOR, "details.requirements summary"))).click()
    headings = [heading.text for heading in page.find_elements(By.CSS_SELECTOR, "details.requirements h3")]
    assert headings == ["Jupyter servers", "R servers", "Jobs and deployments"]
    assert len(page.find_elements(By.CSS_SELECTOR, "details.requirements input[type=checkbox]")) == 15


def test_the_token_stays_out_of_the_url_and_signing_out_forgets_it(page, tenant):
    sign_in(page, tenant)
    assert tenant.token(ADMIN) not in page.current_url
    page.find_element(By.ID, "sign-out").click()
    wait_for(page, shown.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Sign in"))
    assert page.execute_script("return sessionStorage.length") == 0
