"""The JSON every answer is written as: compact UTF-8 with control and bidi characters escaped as `\\uXXXX`
(entente.display), so `curl` in a terminal shows an article's text harmlessly and a client parses it as stored."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

from entente.display import dumps


class SafeJSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return dumps(content, compact=True).encode("utf-8")
