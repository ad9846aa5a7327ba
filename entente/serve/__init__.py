"""`entente serve`: a read-only REST API and web UI over a store (the `serve` extra: FastAPI, uvicorn, Jinja2).

    from entente.serve import create_app
    app = create_app("entente.db")   # the REST API under /api, the pages at /, static files at /static

Layout: checks.py (what a request may ask; problems), resources.py (each resource's JSON shape, once, over the
store's query layer that the command line asks too: entente.store.query, query_articles, resolve, dyad), api.py
(the REST routes), pages.py (the HTML twins), highlight.py (an article's text cut at its evidence), templates/
and static/ (vendored chart.js, cytoscape).
"""

from __future__ import annotations

from typing import Any


def create_app(location: str, timeout: float = 5.0, token: str | None = None) -> Any:
    """The ASGI app over the store at `location` (a SQLite path or a postgresql:// URL); with a `token`, the
    endpoint that ingests (POST /api/articles) exists and needs it."""
    from entente.serve.app import create_app as build

    return build(location, timeout=timeout, token=token)
