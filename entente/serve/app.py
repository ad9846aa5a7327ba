"""The ASGI app: the REST API under /api (its OpenAPI schema at /api/openapi.json), the HTML pages at /,
static files at /static; every answer carries a strict Content-Security-Policy.

    app = create_app("entente.db")         # or a postgresql:// URL; uvicorn.run(app, port=8000)

The store must be at this entente's schema (`entente serve` migrates it once before serving). Read-only unless a
token is given (then POST /api/articles ingests, with it, on a connection of its own): each
worker thread opens its own read connection (SQLite `query_only`, PostgreSQL read-only transactions) and every
query has a time limit (`timeout`), past which the answer is a 503 problem.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from entente import __version__
from entente.errors import StoreError
from entente.serve.cache import Cache
from entente.serve.checks import Problem
from entente.serve.safe_json import SafeJSONResponse
from entente.store import Store, open_store

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
       " font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "X-Frame-Options": "DENY", "Cross-Origin-Opener-Policy": "same-origin"}


class SecurityHeaders:
    """ASGI middleware: the security headers on every answer (plain ASGI: cheaper than BaseHTTPMiddleware)."""

    RAW = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in self.RAW if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, with_headers)


def progress_steps(timeout: float) -> int:
    """SQLite virtual-machine steps between two looks at the clock while a statement runs: about a fiftieth of the
    time limit (SQLite runs some 50 million steps a second), from 1,000 to 100,000 (2 ms of work). Each look runs
    Python, so the query's thread must take the GIL back, which under load waits for another thread's switch
    interval: every 1,000 steps, a 10-year series of the largest dyad waited 600 times."""
    return max(1000, min(100_000, int(timeout * 1_000_000)))


class Stores:
    """One read-only store per worker thread, opened on first use; every query limited to `timeout` seconds."""

    def __init__(self, location: str, timeout: float):
        self.location, self.timeout = location, timeout
        self.local = threading.local()
        self.opened: list[Store] = []
        self.lock = threading.Lock()
        self.cache = Cache()

    def get(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = self._open()
            with self.lock:
                self.opened.append(store)
        self.local.deadline = time.monotonic() + self.timeout
        return store

    def _open(self) -> Store:
        # Read mode: no migration check and no PRAGMA quick_check, which reads the whole file (seconds on a large
        # store, for each worker thread's first request); `entente serve` migrated the store once at start.
        store = open_store(self.location, "read")
        db: Any = getattr(store, "db", None)
        if isinstance(db, sqlite3.Connection):
            db.execute("PRAGMA query_only = ON")
            db.set_progress_handler(lambda: int(time.monotonic() > self.local.deadline), progress_steps(self.timeout))
        elif db is not None:  # psycopg
            db.execute(f"SET statement_timeout = {max(1, int(self.timeout * 1000))}")  # 0 would be none
            db.execute("SET default_transaction_read_only = on")
        return store

    def open_unlimited(self) -> Store:
        """A read-only store for the calling thread alone, without the time limit (a streamed export)."""
        self.local.deadline = float("inf")
        return self._open()

    def close(self) -> None:
        with self.lock:
            for store in self.opened:
                with contextlib.suppress(Exception):  # a SQLite connection of another thread: the process ends
                    store.close()
            self.opened.clear()


def problem_response(request: Request, p: Problem) -> Response:
    body = p.body(str(request.url.path))
    if _wants_html(request):
        from entente.serve.pages import render_problem

        return render_problem(request, body)
    return SafeJSONResponse(body, status_code=p.status, media_type="application/problem+json")


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path.endswith(".json") or request.query_params.get("format") == "json"
                or path.startswith("/static"))


def _timed_out(e: Exception) -> bool:
    text = str(e).lower()
    return "interrupted" in text or "statement timeout" in text or "canceling statement" in text


def create_app(location: str, timeout: float = 5.0, token: str | None = None) -> FastAPI:
    """The app over the store at `location`; with a `token`, POST /api/articles exists and needs it."""
    stores = Stores(location, timeout)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(title="entente", version=__version__, lifespan=lifespan,
                  description="A read-only REST API over an entente record: articles with their evidence, actors, "
                  "quotes, PLOVER events and event clusters, dyads and the actor network. Mistakes in a request "
                  "are answered with a 4xx problem (RFC 9457) naming the parameter.",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,  # no CDN: no Swagger UI
                  default_response_class=SafeJSONResponse)
    app.state.stores = stores
    from entente.serve.pages import templates

    app.state.templates = templates()

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(Problem)
    async def on_problem(request: Request, p: Problem) -> Response:
        return problem_response(request, p)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, e: RequestValidationError) -> Response:
        first = e.errors()[0] if e.errors() else {}
        where = [str(x) for x in first.get("loc", ()) if x not in ("query", "path", "body")]
        param = ".".join(where) or None
        detail = "; ".join(f"{'.'.join(str(x) for x in err.get('loc', ())[1:])}: {err.get('msg')}"
                           for err in e.errors()[:5])
        return problem_response(request, Problem(422, detail or "invalid request", param))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, e: StarletteHTTPException) -> Response:
        detail = e.detail if isinstance(e.detail, str) else "error"
        if e.status_code == 404:
            detail = f"no such page or endpoint: {request.url.path[:200]}"
        return problem_response(request, Problem(e.status_code, detail))

    @app.exception_handler(StoreError)
    async def on_store(request: Request, e: StoreError) -> Response:
        if "bad search query" in str(e):
            return problem_response(request, Problem(422, "q: not a search query this store understands", "q"))
        raise e

    async def on_database_error(request: Request, e: Exception) -> Response:
        if _timed_out(e):
            return problem_response(request, Problem(503, "the query took longer than the server allows; narrow it"))
        raise e

    app.add_exception_handler(sqlite3.OperationalError, on_database_error)
    try:
        import psycopg

        app.add_exception_handler(psycopg.errors.QueryCanceled, on_database_error)
    except ImportError:
        pass

    @app.exception_handler(Exception)
    async def on_error(request: Request, e: Exception) -> Response:
        logging.getLogger("entente.serve").error("%s %s", request.method, request.url.path, exc_info=e)
        return problem_response(request, Problem(500, "internal error", title="Internal error"))

    from entente.serve import api, pages

    app.include_router(api.router, prefix="/api")
    if token:
        from entente.serve.write import Writer
        from entente.serve.write import router as write_router

        app.include_router(write_router(Writer(location, token)), prefix="/api")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(resources.files("entente.serve") / "static")), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> HTMLResponse:
        return HTMLResponse("", status_code=204)

    return app


def from_environment() -> FastAPI:
    """The app for `entente serve --workers N` (uvicorn builds one per process): the store and time limit from
    ENTENTE_SERVE_DB and ENTENTE_SERVE_TIMEOUT."""
    import os

    return create_app(os.environ["ENTENTE_SERVE_DB"], timeout=float(os.environ.get("ENTENTE_SERVE_TIMEOUT", "5")),
                      token=os.environ.get("ENTENTE_SERVE_TOKEN") or None)
