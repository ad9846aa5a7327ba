"""The one writing endpoint: POST /api/articles exists only when `entente serve` has a token, and needs it; and
the time limit on queries."""

from __future__ import annotations

import pytest

from tests.serve_support import build_store, require_serve_extra, serve

TOKEN = "s3cret-token-for-tests"
ARTICLE = {"text": "Лавров и Ван И провели переговоры в Пекине\n\nМинистр иностранных дел России Сергей Лавров "
           "в понедельник провёл в Пекине переговоры с главой МИД КНР Ван И.", "published": "2024-04-08",
           "source": "Тест"}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, examples, pipeline):
    require_serve_extra()
    location = str(tmp_path_factory.mktemp("serve-write") / "store.db")
    return location, build_store(location, examples[:2], pipeline)


def test_without_a_token_nothing_writes(store_path):
    location, hostile = store_path
    for server in serve(location, hostile):
        code, problem = server.post("/api/articles", ARTICLE, token=TOKEN)
        assert code == 405 and problem["status"] == 405
        assert "post" not in server.json("/api/openapi.json")["paths"]["/api/articles"]


def test_with_a_token_an_article_is_analyzed_and_stored_once(store_path):
    location, hostile = store_path
    for server in serve(location, hostile, token=TOKEN):
        assert server.post("/api/articles", ARTICLE)[0] == 401
        code, problem = server.post("/api/articles", ARTICLE, token="wrong")
        assert code == 401 and problem["param"] == "Authorization"
        assert server.post("/api/articles", {"title": "no text"}, token=TOKEN)[0] == 422
        assert server.post("/api/articles", {**ARTICLE, "published": "2024-13"}, token=TOKEN)[0] == 422
        before = server.json("/api/stats")["articles"]
        code, added = server.post("/api/articles", ARTICLE, token=TOKEN)
        assert code == 201 and added["new"] and added["lang"] == "ru" and added["events"] >= 1, added
        stored = server.json(f"/api/articles/{added['id']}")
        assert stored["source"] == "Тест" and stored["events"]
        assert server.json("/api/stats")["articles"] == before + 1
        code, again = server.post("/api/articles", ARTICLE, token=TOKEN)
        assert code == 201 and again == {**added, "new": False}


def test_a_query_past_the_time_limit_is_a_503_problem(store_path):
    location, hostile = store_path
    for server in serve(location, hostile, None, "--timeout", "0.000001"):
        code, headers, body = server.get("/api/articles?type=CONSULT")
        assert code == 503 and headers["content-type"].startswith("application/problem+json")
        assert b"took longer" in body


def test_serve_refuses_a_store_that_is_not_there(tmp_path, capsys):
    from entente.cli import main

    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 2
    assert "no store at" in capsys.readouterr().err
    assert not (tmp_path / "missing.db").exists()  # nothing was created
