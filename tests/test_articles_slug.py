"""`POST /articles` with a `Slug` header (RFC 5023 section 9.7): the name the client gives
an article without an "id" or "url", so that an edited text replaces it (issue 12)."""

from __future__ import annotations

import json

import pytest

AUTH = {"Authorization": "Bearer test-token"}
SEED = (
    "date 2025-03-12 Foreign Minister Lerato Dube met her Ghanaian counterpart in Accra on Monday."
)
EDITED = SEED.replace("on Monday", "on Monday to discuss trade")


def _post(client, text: str, slug: str | None = None, content_type: str = "text/plain"):
    headers = {**AUTH, "Content-Type": content_type}
    if slug is not None:
        headers["Slug"] = slug
    return client.post("/articles", data=text.encode("utf-8"), headers=headers)


@pytest.mark.slow
def test_a_slug_names_seed_text_so_an_edit_replaces_it(client):
    first = _post(client, SEED, slug="lerato-dube-in-accra")
    assert first.status_code == 201, first.get_json()
    assert first.headers["Location"].endswith("/id/article/2025-03-12-lerato-dube-in-accra")
    second = _post(client, EDITED, slug="lerato-dube-in-accra")
    assert (second.status_code, second.get_json()["replaced"]) == (200, True)
    assert second.headers["Location"] == first.headers["Location"]
    # without a Slug the text names it: an edited text is another article
    unnamed = [_post(client, text) for text in (SEED, EDITED)]
    assert [r.status_code for r in unnamed] == [201, 201]
    assert len({first.headers["Location"], *(r.headers["Location"] for r in unnamed)}) == 3


@pytest.mark.slow
def test_a_json_id_wins_over_the_slug_and_a_slug_is_percent_encoded_utf8(client):
    body = json.dumps({"text": SEED[16:], "date": "2025-03-12", "id": "from-the-body"})
    named = _post(client, body, slug="from-the-header", content_type="application/json")
    assert named.headers["Location"].endswith("/id/article/2025-03-12-from-the-body")
    encoded = _post(client, SEED, slug="d%C3%BCbe%20in%20accra")
    assert encoded.headers["Location"].endswith("/id/article/2025-03-12-dube-in-accra")


@pytest.mark.parametrize("slug", ["%FF%FE", "   ", "x" * 201])
def test_a_bad_slug_is_400_before_mapping(client, slug):
    response = _post(client, SEED, slug=slug)
    assert response.status_code == 400
    assert "Slug" in response.get_json()["message"]
