"""The HTML pages: server-rendered (Jinja2, every value escaped), each the rendering of one resource from
entente.serve.resources and with its JSON twin: the same URL with `?format=json`, or with `.json` appended.
"""

from __future__ import annotations

from importlib import resources as files
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader

from entente.serve import resources as r
from entente.serve.checks import Problem
from entente.serve.highlight import clean, segments
from entente.serve.safe_json import SafeJSONResponse
from entente.store import Store
from entente.store.dyad import plover, quad

router = APIRouter(include_in_schema=False)


def templates() -> Environment:
    """The pages' templates: every value escaped (autoescape on for every template, not by file name)."""
    env = Environment(loader=FileSystemLoader(str(files.files("entente.serve") / "templates")), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["clean"] = clean
    env.filters["quad"] = lambda t: (quad(t) or "other").replace(" ", "-")
    env.globals["types"] = list(plover())
    return env


def env(request: Request) -> Environment:
    return request.app.state.templates


def render(request: Request, template: str, data: dict[str, Any], status: int = 200, **extra: Any) -> Response:
    if request.query_params.get("format") == "json" or request.url.path.endswith(".json"):
        return SafeJSONResponse(data, status_code=status)
    html = env(request).get_template(template).render(data=data, request=request, query=dict(request.query_params),
                                               url=_url, json_url=_json_url(request), **extra)
    return HTMLResponse(html, status_code=status)


def render_problem(request: Request, body: dict[str, Any]) -> Response:
    html = env(request).get_template("problem.html").render(data=body, request=request, query={}, url=_url,
                                                     json_url=_json_url(request))
    return HTMLResponse(html, status_code=body["status"])


def _url(path: str, **params: Any) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "", False)}
    return path + ("?" + urlencode(kept) if kept else "")


def _json_url(request: Request) -> str:
    params = dict(request.query_params)
    params["format"] = "json"
    return _url(request.url.path, **params)


def _store(request: Request) -> Store:
    return request.app.state.stores.get()


def _strip(value: str) -> str:
    return value[:-5] if value.endswith(".json") else value


def _int(request: Request, name: str, default: int) -> int:
    value = request.query_params.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError:
        raise Problem(422, f"{name}: {value[:20]!r} is not a whole number", name) from None


def _bool(request: Request, name: str) -> bool | None:
    value = request.query_params.get(name)
    if value in (None, ""):
        return None
    if value.lower() in ("true", "1", "yes", "on"):
        return True
    if value.lower() in ("false", "0", "no", "off"):
        return False
    raise Problem(422, f"{name}: {value[:20]!r} is not true or false", name)


@router.get("/")
@router.get("/articles")
@router.get("/articles.json")
def search_page(request: Request) -> Response:
    p = request.query_params
    data = r.article_list(_store(request), p.get("q"), p.get("lang"), p.get("source"), p.get("actor"), p.get("type"),
                          p.get("month"), p.get("cursor"), _int(request, "limit", 20))
    return render(request, "search.html", data)


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str) -> Response:
    data = r.article(_store(request), _strip(article_id))
    return render(request, "article.html", data, parts=segments(data))


def _event_filters(request: Request) -> Any:
    p = request.query_params
    return r.event_filters(_store(request), p.get("actor"), p.get("recipient"), p.get("type"), p.get("from"),
                           p.get("to"), p.get("lang"), p.get("source"), p.get("modality"), _bool(request, "negated"))


@router.get("/events")
@router.get("/events.json")
def events_page(request: Request) -> Response:
    data = r.event_list(_store(request), _event_filters(request), request.query_params.get("cursor"),
                        _int(request, "limit", 50))
    return render(request, "events.html", data)


@router.get("/events/{article_id}/{event_id}")
def event_page(request: Request, article_id: str, event_id: str) -> Response:
    return render(request, "event.html", r.event(_store(request), article_id, _strip(event_id)))


@router.get("/clusters")
@router.get("/clusters.json")
def clusters_page(request: Request) -> Response:
    data = r.cluster_list(_store(request), _event_filters(request), request.query_params.get("cursor"),
                          _int(request, "limit", 20))
    return render(request, "clusters.html", data)


@router.get("/clusters/{cluster_id}")
def cluster_page(request: Request, cluster_id: str) -> Response:
    return render(request, "cluster.html", r.cluster(_store(request), _strip(cluster_id)))


@router.get("/dyads/{a}/{b}")
def dyad_page(request: Request, a: str, b: str) -> Response:
    p = request.query_params
    data = r.dyad(_store(request), a, _strip(b), p.get("by") or "month", bool(_bool(request, "both")), p.get("from"),
                  p.get("to"), p.get("period"), _int(request, "limit", 100))
    return render(request, "dyad.html", data)


@router.get("/actors")
@router.get("/actors.json")
def actors_page(request: Request) -> Response:
    p = request.query_params
    data = r.actor_list(_store(request), p.get("q"), p.get("type"), p.get("country"), _int(request, "limit", 50))
    return render(request, "actors.html", data)


@router.get("/actors/{actor_id}")
def actor_page(request: Request, actor_id: str) -> Response:
    return render(request, "actor.html", r.actor(_store(request), _strip(actor_id), request.app.state.stores.cache))


@router.get("/graph")
@router.get("/graph.json")
def graph_page(request: Request) -> Response:
    p = request.query_params
    data = r.graph(_store(request), p.get("from"), p.get("to"), p.get("countries"), _int(request, "edges", 60),
                   _int(request, "min_weight", 1), request.app.state.stores.cache)
    return render(request, "graph.html", data)
