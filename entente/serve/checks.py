"""What a request may ask, checked before any query runs: a mistake is a `Problem` (a 4xx with a JSON body that
names the parameter and says what was wrong), never an empty answer.

    check_date("2023-02-30", "from")   # Problem 422: from: 2023-02-30 is not a date (YYYY, YYYY-MM or YYYY-MM-DD)
    check_type("MEET")                 # Problem 422: type: unknown PLOVER type MEET; known: AGREE, CONSULT, ...
    Cursor.decode("...")               # the position after the last row of the previous page
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from typing import Any

from entente.store.dyad import PERIODS, plover

MAX_QUERY = 200  # characters of a search query or a name
MAX_LIMIT = 200  # rows per page
MAX_PARAM = 100  # characters of an id, a code or any other parameter
MAX_WEIGHT = 1_000_000  # the least weight of a network link asked for (more would be no network)


class Problem(Exception):
    """An answer that is not the resource: `status`, a short `title`, a `detail` for a person, the `param` at
    fault. Rendered as RFC 9457 problem JSON (application/problem+json), or as an HTML page for the UI."""

    def __init__(self, status: int, detail: str, param: str | None = None, title: str | None = None,
                 **extra: Any):
        super().__init__(detail)
        self.status, self.detail, self.param = status, detail, param
        self.title = title or {400: "Bad request", 404: "Not found", 422: "Invalid parameter",
                               503: "Query took too long"}.get(status, "Error")
        self.extra = extra

    def body(self, instance: str) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "about:blank", "title": self.title, "status": self.status,
                               "detail": self.detail, "instance": instance}
        if self.param:
            out["param"] = self.param
        return {**out, **self.extra}


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_date(value: str | None, param: str) -> str | None:
    """A date as the record writes them (YYYY, YYYY-MM or YYYY-MM-DD, a real day), or None."""
    if value is None or value == "":
        return None
    m = _DATE.match(value)
    if m:
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        try:
            dt.date(year, month, day)
            return value
        except ValueError:
            pass
    raise Problem(422, f"{param}: {value[:MAX_PARAM]!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", param)


def check_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    date_from, date_to = check_date(date_from, "from"), check_date(date_to, "to")
    if date_from and date_to and date_from[:len(date_to)] > date_to:
        raise Problem(422, f"from ({date_from}) is after to ({date_to})", "from")
    return date_from, date_to


def check_type(value: str | None, param: str = "type") -> str | None:
    """A PLOVER event type (any case), or None."""
    if not value:
        return None
    types = list(plover())
    if value.upper() in types:
        return value.upper()
    raise Problem(422, f"{param}: unknown PLOVER type {value[:MAX_PARAM]!r}; known: {', '.join(types)}", param,
                  allowed=types)


def check_choice(value: str | None, param: str, allowed: tuple[str, ...]) -> str | None:
    if value is None or value == "" or value in allowed:
        return value or None
    raise Problem(422, f"{param}: {value[:MAX_PARAM]!r} is not one of {', '.join(allowed)}", param,
                  allowed=list(allowed))


def check_period(value: str) -> str:
    return check_choice(value, "by", PERIODS) or "month"


def check_text(value: str | None, param: str, limit: int = MAX_QUERY) -> str | None:
    """Free text (a search, a name): at most `limit` characters, no control characters."""
    if value is None:
        return None
    if len(value) > limit:
        raise Problem(422, f"{param}: longer than {limit} characters", param)
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in value):
        raise Problem(422, f"{param}: control characters are not allowed", param)
    value = value.strip()
    return value or None


class Cursor:
    """An opaque page position: the sort key of the last row served, in URL-safe base64 JSON."""

    @staticmethod
    def encode(key: list[Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(key, ensure_ascii=False).encode()).decode().rstrip("=")

    @staticmethod
    def decode(value: str | None, size: int) -> list[Any] | None:
        if not value:
            return None
        try:
            key = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
        except ValueError:
            key = None
        if not isinstance(key, list) or len(key) != size or not all(
                isinstance(k, str) and len(k) <= MAX_PARAM or type(k) is int and 0 <= k < 2**31 for k in key):
            raise Problem(422, "cursor: not a cursor this server gave out (take `next` from the previous page)",
                          "cursor")
        return key
