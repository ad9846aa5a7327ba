"""The REST API (mounted at /api): one JSON shape per resource, built in entente.serve.resources; lists page
with an opaque `cursor` (`next` of the previous page); mistakes are 4xx problems naming the parameter.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response, StreamingResponse
from fastapi.routing import APIRoute

from entente.serve import resources as r
from entente.serve.checks import MAX_LIMIT, MAX_PARAM, MAX_QUERY, MAX_WEIGHT
from entente.serve.safe_json import SafeJSONResponse
from entente.store import Store


class AnswerRoute(APIRoute):
    """A route whose answer (a dict built for JSON by entente.serve.resources) is written as it is: FastAPI would
    first validate and copy a `dict[str, Any]` through pydantic, as long again as writing it. The schema still
    comes from the endpoint's signature."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any):
        super().__init__(path, _written(endpoint), **kwargs)


def _written(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(endpoint)
    def answer(*args: Any, **kwargs: Any) -> Any:
        found = endpoint(*args, **kwargs)
        return found if isinstance(found, Response) else SafeJSONResponse(found)

    return answer


router = APIRouter(route_class=AnswerRoute)

Text = Annotated[str | None, Query(max_length=MAX_QUERY)]
Code = Annotated[str | None, Query(max_length=MAX_PARAM)]
Date = Annotated[str | None, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Cursor = Annotated[str | None, Query(max_length=1000, description="`next` of the previous page")]
Id = Annotated[str, Path(max_length=MAX_PARAM)]
PROBLEMS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Not found (problem JSON)"}, 422: {"description": "Invalid parameter (problem JSON)"},
    503: {"description": "The query took too long (problem JSON)"}}


def store_of(request: Request) -> Store:
    return request.app.state.stores.get()


@router.get("/stats", responses=PROBLEMS)
def stats(request: Request) -> dict[str, Any]:
    """Counts over the record: articles, languages, sources, actors, quotes, events, clusters."""
    return r.stats(store_of(request))


@router.get("/articles", responses=PROBLEMS)
def articles(request: Request, q: Text = None, lang: Code = None, source: Text = None, actor: Text = None,
             type: Code = None, month: Annotated[str | None, Query(max_length=7, description="YYYY-MM")] = None,
             cursor: Cursor = None, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20) -> dict[str, Any]:
    """Full-text search (best first; without `q` all articles, newest first) with facets by language, source,
    month, actor and event type."""
    return r.article_list(store_of(request), q, lang, source, actor, type, month, cursor, limit)


@router.get("/articles/{article_id}", responses=PROBLEMS)
def article(request: Request, article_id: Id) -> dict[str, Any]:
    """One article: text, removed lines, paragraphs, actors and their mentions, quotes, events (offsets into text)."""
    return r.article(store_of(request), article_id)


def _filters(request: Request, actor: str | None, recipient: str | None, type: str | None, date_from: str | None,
             date_to: str | None, lang: str | None, source: str | None, modality: str | None,
             negated: bool | None) -> Any:
    return r.event_filters(store_of(request), actor, recipient, type, date_from, date_to, lang, source, modality,
                           negated)


@router.get("/events", responses=PROBLEMS)
def events(request: Request, actor: Text = None, recipient: Text = None, type: Code = None,
           date_from: Annotated[Date, Query(alias="from")] = None, date_to: Annotated[Date, Query(alias="to")] = None,
           lang: Code = None, source: Text = None, modality: Code = None, negated: bool | None = None,
           cursor: Cursor = None, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50) -> dict[str, Any]:
    """Event reports (one per article that reports an event), oldest first, by actor, recipient (an id, a
    country code that takes the country's people and bodies too, or a name), PLOVER type and date range."""
    f = _filters(request, actor, recipient, type, date_from, date_to, lang, source, modality, negated)
    return r.event_list(store_of(request), f, cursor, limit)


@router.get("/events/{article_id}/{event_id}", responses=PROBLEMS)
def event(request: Request, article_id: Id, event_id: Id) -> dict[str, Any]:
    """One event report: type, mode, sides, polarity, modality, rule, its sentence and offsets, and its cluster."""
    return r.event(store_of(request), article_id, event_id)


@router.get("/clusters", responses=PROBLEMS)
def clusters(request: Request, actor: Text = None, recipient: Text = None, type: Code = None,
             date_from: Annotated[Date, Query(alias="from")] = None,
             date_to: Annotated[Date, Query(alias="to")] = None, lang: Code = None, source: Text = None,
             modality: Code = None, negated: bool | None = None, cursor: Cursor = None,
             limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20) -> dict[str, Any]:
    """Event clusters (the reports of one real-world event across articles, outlets and languages) whose first
    report matches the filters (as the dyad series counts them), earliest first, each with every report."""
    f = _filters(request, actor, recipient, type, date_from, date_to, lang, source, modality, negated)
    return r.cluster_list(store_of(request), f, cursor, limit)


@router.get("/clusters/{cluster_id}", responses=PROBLEMS)
def cluster(request: Request, cluster_id: Id) -> dict[str, Any]:
    """One event cluster with every report: language, outlet, sentence."""
    return r.cluster(store_of(request), cluster_id)


@router.get("/dyads/{a}/{b}", responses=PROBLEMS)
def dyad(request: Request, a: Id, b: Id, by: Annotated[str, Query(max_length=10)] = "month", both: bool = False,
         date_from: Annotated[Date, Query(alias="from")] = None, date_to: Annotated[Date, Query(alias="to")] = None,
         period: Annotated[str | None, Query(max_length=10, description="a period of the series: its reports")] = None,
         limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100) -> dict[str, Any]:
    """How `a` acted towards `b` per period: events by quad class and PLOVER type, mean PLOVER score; with
    `period`, the reports behind that period."""
    return r.dyad(store_of(request), a, b, by, both, date_from, date_to, period, limit)


@router.get("/actors", responses=PROBLEMS)
def actors(request: Request, q: Text = None, type: Code = None, country: Code = None,
           limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50) -> dict[str, Any]:
    """Stored actors, most mentioned first; with `q`, the actors a name in any language or an id stands for."""
    return r.actor_list(store_of(request), q, type, country, limit)


@router.get("/actors/{actor_id}", responses=PROBLEMS)
def actor(request: Request, actor_id: Id) -> dict[str, Any]:
    """An actor's profile: names across languages, activity by month, co-mentioned actors, counterparts in
    events, latest quotes."""
    return r.actor(store_of(request), actor_id, request.app.state.stores.cache)


@router.get("/graph", responses=PROBLEMS)
def graph(request: Request, date_from: Annotated[Date, Query(alias="from")] = None,
          date_to: Annotated[Date, Query(alias="to")] = None,
          countries: Annotated[str | None, Query(max_length=MAX_QUERY, description="comma-separated codes")] = None,
          edges: Annotated[int, Query(ge=1, le=500)] = 100,
          min_weight: Annotated[int, Query(ge=1, le=MAX_WEIGHT)] = 1,
          ) -> dict[str, Any]:
    """The actor network of a period (without one: of the latest 5,000 articles): links by events (actor ->
    recipient) and by co-mentions, weighted."""
    return r.graph(store_of(request), date_from, date_to, countries, edges, min_weight, request.app.state.stores.cache)


@router.get("/export/{fmt}", responses={200: {"content": {"application/x-ndjson": {}, "text/csv": {}},
                                              "description": "every stored event, streamed"}})
def export(request: Request, fmt: Literal["plover-jsonl", "gdelt-csv"]) -> StreamingResponse:
    """Every stored event, streamed as it is written: PLOVER JSON Lines (one report a line) or a GDELT-style CSV
    (one row per event that happened), as `entente export` writes them."""
    from entente.serve.stream import MEDIA, export_chunks

    stores = request.app.state.stores
    name = f"entente-events.{'jsonl' if fmt == 'plover-jsonl' else 'csv'}"
    return StreamingResponse(export_chunks(stores.open_unlimited, fmt), media_type=MEDIA[fmt],
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})
