"""The one endpoint that writes: POST /api/articles analyzes an article and stores it. It exists only when the
server was started with a token ($ENTENTE_SERVE_TOKEN), and every call must carry it as `Authorization: Bearer
TOKEN`. The pipeline is built on the first call (its models take seconds to load) and runs one article at a time.
"""

from __future__ import annotations

import hmac
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, Field

from entente.serve.checks import Problem
from entente.store import open_store

MAX_CHARS = 2_000_000


class NewArticle(BaseModel):
    """An article as a JSON Lines input carries it: `text` (plain) or `html` (a page), and what is known of it."""

    text: str | None = Field(default=None, max_length=MAX_CHARS)
    html: str | None = Field(default=None, max_length=MAX_CHARS)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")
    source: str | None = Field(default=None, max_length=200)


class Writer:
    def __init__(self, location: str, token: str):
        self.location, self.token = location, token
        self.lock = threading.Lock()
        self.pipeline: Any = None

    def check(self, authorization: str | None) -> None:
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
            raise Problem(401, "this endpoint needs the server's token: Authorization: Bearer TOKEN",
                          "Authorization", title="Unauthorized")

    def add(self, new: NewArticle) -> dict[str, Any]:
        from entente.models import Article
        from entente.pipeline import Pipeline
        from entente.serve.checks import check_date

        if not (new.text or new.html) or (new.text and new.html):
            raise Problem(422, "give the article as `text` or as `html` (one of them)", "text")
        article = Article(file="api", text=new.text or "", html=new.html, url=new.url, title=new.title,
                          published=check_date(new.published, "published"), source=new.source)
        with self.lock:
            if self.pipeline is None:
                self.pipeline = Pipeline()
            analysis = self.pipeline(article)
            with open_store(self.location) as store:
                added, _ = store.add([(article, analysis)])
        return {"id": analysis.id, "new": bool(added), "lang": analysis.lang, "title": analysis.title,
                "actors": len(analysis.actors), "quotes": len(analysis.quotes), "events": len(analysis.events)}


def router(writer: Writer) -> APIRouter:
    r = APIRouter()

    @r.post("/articles", status_code=201, responses={401: {"description": "No or a wrong token (problem JSON)"},
                                                      422: {"description": "Invalid article (problem JSON)"}})
    def add_article(request: Request, article: NewArticle,
                    authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        """Analyze an article and store it (only with the server's token); an article already stored is not
        stored again (`new` is false)."""
        writer.check(authorization)
        return writer.add(article)

    return r
