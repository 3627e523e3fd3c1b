"""saturn-api, the client generated from Saturn's OpenAPI spec: every response must parse into its models."""

import asyncio
import json

import pytest
from saturn_api import ApiClient, ApiStatusApi, Configuration, CurrentUserApi, OrgsApi, RecipesApi
from saturn_api.exceptions import (
    ConflictException,
    ForbiddenException,
    NotFoundException,
    UnauthorizedException,
    UnprocessableEntityException,
)
from saturn_api.models import ImageRecipe, ImageSpec, ImageTagRecipe, Recipe, RecipeList

from harness import ADMIN, EXPIRED, MEMBER, OTHER_ORG_ADMIN, UNKNOWN


def run(coroutine_function, mock, user=ADMIN):
    """Runs `coroutine_function(client)` with a saturn-api client for the tenant, as `user` (None: no token)."""

    async def main():
        async with ApiClient(Configuration(host=mock.url, access_token=mock.token(user) if user else None)) as client:
            return await coroutine_function(client)

    return asyncio.run(main())


def image_recipe(name, versions=(("v1", "registry.example/saturn:1"),), **spec):
    tags = [ImageTagRecipe(name=version, image_uri=uri) for version, uri in versions]
    return Recipe(ImageRecipe(type="image", spec=ImageSpec(name=name, versions=tags, **spec)))


def image(recipe):
    """The ImageRecipe inside a parsed Recipe; fails if the client returned nothing."""
    assert recipe is not None, "the client returned None: the status or body did not match the spec"
    assert isinstance(recipe.root, ImageRecipe)
    return recipe.root


def test_status_parses_without_a_token(mock):
    status = run(lambda client: ApiStatusApi(client).get(), mock, user=None)
    assert (status.status, status.version) == ("ok", "2026.02.01")


def test_current_user_and_orgs_parse(mock):
    user = run(lambda client: CurrentUserApi(client).get(), mock)
    assert (user.username, user.email, user.admin, user.locked, user.active) == ("alice", "alice@acme.test", True, False, True)
    orgs = run(lambda client: OrgsApi(client).list(), mock, user=MEMBER)
    assert [(org.name, org.is_primary) for org in orgs.orgs] == [("acme", True)]
    assert orgs.next_key is None


def test_apply_creates_then_merges_a_modern_image_recipe(mock):
    created = image(run(lambda client: RecipesApi(client).apply(recipe=image_recipe("modern", hardware_type="NVIDIA")), mock))
    assert created.state.action == "created"
    assert created.spec.owner.root == "acme/alice"
    assert created.spec.hardware_type == "NVIDIA"
    assert created.spec.access == "org"

    updated = image(run(lambda client: RecipesApi(client).apply(
        recipe=image_recipe("modern", versions=(("v1", "registry.example/saturn:1"), ("v2", "registry.example/saturn:2")), hardware_type="NVIDIA")
    ), mock))
    assert updated.state.id == created.state.id
    assert updated.state.action == "updated"
    assert [(version.id, version.action) for version in updated.state.versions] == [
        (created.state.versions[0].id, "unchanged"), (updated.state.versions[1].id, "created"),
    ]


def test_create_then_get_and_a_second_create_conflicts(mock):
    created = image(run(lambda client: RecipesApi(client).create(recipe=image_recipe("fresh")), mock))
    fetched = image(run(lambda client: RecipesApi(client).get(recipe_type="image", name="fresh"), mock))
    assert fetched.state.id == created.state.id
    assert [version.image_uri for version in fetched.spec.versions] == ["registry.example/saturn:1"]
    template = image(run(lambda client: RecipesApi(client).get(recipe_type="image", name="fresh", as_template=True), mock))
    assert template.state is None and template.spec.owner is None
    with pytest.raises(ConflictException) as conflict:
        run(lambda client: RecipesApi(client).create(recipe=image_recipe("fresh")), mock)
    assert "exists already" in json.loads(conflict.value.body)["message"]


def test_legacy_import_is_listed_as_modern_recipes(mock, document_recipe):
    # saturn-api has no call for the legacy endpoint: post the document's set with its HTTP client, list with the API.
    async def legacy_then_list(client):
        response = await client.rest_client.request(
            "POST", f"{mock.url}/api/recipes/apply",
            headers={**mock.headers(ADMIN), "Content-Type": "application/json"},
            body=json.loads(document_recipe),
        )
        await response.read()
        assert response.status == 201
        return await RecipesApi(client).list(type="image")

    listing = run(legacy_then_list, mock)
    assert isinstance(listing, RecipeList)
    images = [image(recipe) for recipe in listing.recipes]
    assert [(item.spec.name, len(item.spec.versions)) for item in images] == [("saturn", 1), ("saturn-r", 2)]
    assert images[1].spec.supports == ["dask", "rstudio-opensource"]


def test_pagination_with_page_size_one_collects_every_recipe_once(mock):
    names = ["a", "b", "c", "d", "e"]
    for name in names:
        run(lambda client, name=name: RecipesApi(client).apply(recipe=image_recipe(name)), mock)

    async def walk(client):
        seen, next_key = [], None
        for _ in range(20):
            page = await RecipesApi(client).list(page_size=1, next_key=next_key)
            assert page is not None and len(page.recipes) == 1
            seen += [image(recipe).spec.name for recipe in page.recipes]
            next_key = page.next_key
            if next_key is None:
                return seen
        raise AssertionError("next_key never became null")

    assert run(walk, mock) == names


def test_filters_and_python_booleans(mock):
    for name in ["saturn", "saturn-r", "other"]:
        run(lambda client, name=name: RecipesApi(client).apply(recipe=image_recipe(name)), mock)
    by_prefix = run(lambda client: RecipesApi(client).list(name="saturn", descending=True, owner="acme/alice"), mock)
    assert [image(recipe).spec.name for recipe in by_prefix.recipes] == ["saturn-r", "saturn"]
    as_template = run(lambda client: RecipesApi(client).list(as_template=True), mock)
    assert [(image(recipe).spec.name, image(recipe).spec.owner, image(recipe).state) for recipe in as_template.recipes] == [
        ("other", None, None), ("saturn", None, None), ("saturn-r", None, None),
    ]


@pytest.mark.parametrize(
    ("call", "token", "exception", "message"),
    [
        (lambda client: RecipesApi(client).list(), UNKNOWN, UnauthorizedException, "The token is not valid for this installation."),
        (lambda client: RecipesApi(client).list(), EXPIRED, UnauthorizedException, "The token has expired; use a current token."),
        (lambda client: RecipesApi(client).apply(recipe=image_recipe("x")), MEMBER, ForbiddenException,
         "Writing images, or another identity's workspaces, jobs and deployments, in org 'acme' needs an org admin; 'bob' is a member."),
        (lambda client: RecipesApi(client).get(recipe_type="image", name="missing"), ADMIN, NotFoundException,
         "No image recipe named 'missing' is visible to you."),
        (lambda client: RecipesApi(client).list(owner="acme/alice"), OTHER_ORG_ADMIN, ForbiddenException,
         "User 'carol' is not a member of org 'acme'."),
        (lambda client: RecipesApi(client).apply(recipe=image_recipe("x", versions=(("bad version!", "u"),))), ADMIN,
         UnprocessableEntityException, "The request is not valid: spec.versions[0].name: 'bad version!' must match ^[-a-zA-Z0-9.]+$ (letters, digits, '-' and '.')."),
    ],
    ids=["unknown-token", "expired-token", "member-apply", "missing-recipe", "other-org", "invalid-version-name"],
)
def test_errors_raise_the_clients_matching_exception(mock, call, token, exception, message):
    with pytest.raises(exception) as raised:
        run(call, mock, user=token)
    assert json.loads(raised.value.body)["message"] == message
