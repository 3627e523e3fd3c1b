"""saturn-api's images and image tags APIs: every answer parses into their models, on the same store as recipes."""

import httpx
import pytest
from saturn_api import ImagesApi, ImageTagsApi, RecipesApi
from saturn_api.exceptions import ConflictException, ForbiddenException, NotFoundException, UnprocessableEntityException
from saturn_api.models import ImageCreate, ImageTagCreate, ImageTagCreateExternal, ImageTagUpdate, ImageUpdate

from harness import ADMIN, MEMBER
from test_saturn_api import image, run


def new_image(client, name="demo", **fields):
    return ImagesApi(client).create(image_create=ImageCreate(name=name, **fields))


def external(uri, version=None):
    return ImageTagCreate(ImageTagCreateExternal(image_uri=uri, version=version) if version else ImageTagCreateExternal(image_uri=uri))


def test_the_images_api_round_trip_on_the_recipe_store(mock):
    async def flow(client):
        created = await new_image(client, description="made by the API", access="org", hardware_type="NVIDIA")
        tag = await ImageTagsApi(client).create(image_id=created.id, image_tag_create=external("registry.example/demo:1.0"))
        second = await ImageTagsApi(client).create(image_id=created.id, image_tag_create=external("registry.example/demo:2.0", "two"))
        archived = await ImageTagsApi(client).update(image_id=created.id, image_tag_id=tag.id,
                                                     image_tag_update=ImageTagUpdate(description="first", archived=True))
        tags = await ImageTagsApi(client).list(image_id=created.id)
        renamed = await ImagesApi(client).update(image_id=created.id, image_update=ImageUpdate(name="renamed", description="again"))
        listed = await ImagesApi(client).list(name="renam")
        recipe = await RecipesApi(client).get(recipe_type="image", name="renamed")
        return created, tag, second, archived, tags, renamed, listed, recipe

    created, tag, second, archived, tags, renamed, listed, recipe = run(flow, mock)
    assert (created.name, created.owner.name, created.access, created.is_gpu, created.description) == ("demo", "acme/alice", "org", True, "made by the API")
    assert (tag.version, tag.image_uri, tag.is_external, tag.status, tag.image.id) == ("1.0", "registry.example/demo:1.0", True, "built", created.id)
    assert second.version == "two"
    assert (archived.description, archived.archived) == ("first", True)
    assert [t.id for t in tags.image_tags] == [tag.id, second.id] and tags.next_key is None
    assert (renamed.id, renamed.name, renamed.description) == (created.id, "renamed", "again")
    assert [i.id for i in listed.images] == [created.id]
    state = image(recipe).state
    assert state.id == created.id and [v.id for v in state.versions] == [tag.id, second.id], "one store: the same ids"


def test_images_imported_by_the_document_are_listed_with_their_versions_as_tags(mock, document_recipe):
    assert httpx.post(f"{mock.url}/api/recipes/apply", content=document_recipe, headers=mock.headers(ADMIN)).status_code == 201

    async def listing(client):
        images = await ImagesApi(client).list()
        saturn_r = next(i for i in images.images if i.name == "saturn-r")
        return images, await ImageTagsApi(client).list(image_id=saturn_r.id, page_size=1)

    images, first_page = run(listing, mock, user=MEMBER)
    assert sorted(i.name for i in images.images) == ["saturn", "saturn-r"]
    assert [t.version for t in first_page.image_tags] == ["2021.11.10"] and first_page.next_key


def test_deleting_a_tag_then_the_image(mock):
    async def flow(client):
        created = await new_image(client)
        tag = await ImageTagsApi(client).create(image_id=created.id, image_tag_create=external("registry.example/demo:1"))
        await ImageTagsApi(client).delete(image_id=created.id, image_tag_id=tag.id)
        left = await ImageTagsApi(client).list(image_id=created.id)
        await ImagesApi(client).delete(image_id=created.id)
        return created, left

    created, left = run(flow, mock)
    assert left.image_tags == []
    with pytest.raises(NotFoundException):
        run(lambda client: ImagesApi(client).get(image_id=created.id), mock)
    with pytest.raises(NotFoundException):
        run(lambda client: RecipesApi(client).get(recipe_type="image", name="demo"), mock)


@pytest.mark.parametrize(("call", "user", "exception", "message"), [
    (lambda client: new_image(client), MEMBER, ForbiddenException, "Writing images, or another identity's workspaces, jobs and deployments, in org 'acme' needs an org admin; 'bob' is a member."),
    (lambda client: ImagesApi(client).get(image_id="nope"), ADMIN, NotFoundException, "No image with id 'nope' is visible to you."),
    (lambda client: new_image(client, name="bad name!"), ADMIN, UnprocessableEntityException,
     "The request is not valid: name: 'bad name!' must match ^[-a-zA-Z0-9.]+$ (letters, digits, '-' and '.')."),
], ids=["member-create", "unknown-image", "bad-name"])
def test_errors_raise_the_clients_matching_exception(mock, call, user, exception, message):
    with pytest.raises(exception) as raised:
        run(call, mock, user=user)
    assert message in raised.value.body


def test_a_version_name_in_use_is_a_conflict_and_a_bad_uri_is_refused(mock):
    async def flow(client):
        created = await new_image(client)
        await ImageTagsApi(client).create(image_id=created.id, image_tag_create=external("registry.example/demo:1", "v1"))
        return created

    created = run(flow, mock)
    with pytest.raises(ConflictException):
        run(lambda client: ImageTagsApi(client).create(image_id=created.id, image_tag_create=external("registry.example/demo:2", "v1")), mock)
    refused = httpx.post(f"{mock.url}/api/images/{created.id}/tags", json={"image_uri": "has space:1"}, headers=mock.headers(ADMIN))
    assert refused.status_code == 422
    assert refused.json()["errors"] == {"image_uri": ["contains a space at character 4; an image reference has no white space"]}
    built = httpx.post(f"{mock.url}/api/images/{created.id}/tags", json={"version": "b", "build_data": {}}, headers=mock.headers(ADMIN))
    assert built.status_code == 422 and "imports existing images only" in built.json()["message"]
