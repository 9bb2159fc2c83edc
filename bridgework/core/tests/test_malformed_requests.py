from django.test import Client


def test_a_bad_csrf_token_gets_a_friendly_403(user: object) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)  # type: ignore[arg-type]
    response = strict.post("/account/profile/", {"display_name": "x", "timezone": "UTC"})
    assert response.status_code == 403
    assert "Please try that again" in response.content.decode()


def test_an_oversized_body_is_a_400_not_a_crash(client: Client) -> None:
    response = client.post(
        "/account/profile/", data=b"x" * (9 * 1024 * 1024), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400


def test_bad_ids_and_paths_are_404(client: Client) -> None:
    for path in ["/learn/%00/", "/learn/topics/../toggle/", "/nope/", "/learn/" + "a" * 5000 + "/"]:
        assert client.get(path).status_code == 404, path


def test_404_page_is_friendly(client: Client) -> None:
    response = client.get("/does-not-exist/")
    assert response.status_code == 404
    assert "We can’t find that page" in response.content.decode()
