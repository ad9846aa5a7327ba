"""What the `entente serve` tests share: a real store (the bundled examples and one hostile article) served by
`entente serve` in a subprocess on a free loopback port, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from entente.models import Article

ROOT = Path(__file__).resolve().parents[1]

# An article an attacker wrote: scripts, handlers, a javascript: URL, markup in the title and the outlet,
# bidi overrides that would reverse what follows them. The words around them still code as an event.
HOSTILE_TITLE = 'Путин <script>window.pwned=1;document.title="pwned"</script> и Си <img src=x onerror="window.pwned=2">'
HOSTILE_TEXT = (
    "Президент России Владимир Путин 20 марта 2023 года провёл переговоры с председателем КНР Си Цзиньпином в Москве. "
    '<script>window.pwned = 3; document.title = "pwned"</script> '
    '<img src="x" onerror="window.pwned=4"> <svg onload="window.pwned=5"></svg> '
    '<a href="javascript:window.pwned=6">ссылка</a> '
    "Стороны подписали \u202eтекст наоборот\u202c заявление о партнёрстве. "
    '"></span><script>window.pwned=7</script> {{ 7*7 }} ${7*7}\n\n'
    "Си Цзиньпин заявил: «Мы поддерживаем Россию <b onmouseover=window.pwned=8>всегда</b>».\n"
)
HOSTILE = Article(file="hostile.txt", text=HOSTILE_TEXT, title=HOSTILE_TITLE, published="2023-03-21",
                  source='<script>window.pwned=9</script>Evil "News"', url="javascript:window.pwned=10")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    base: str
    location: str
    hostile_id: str

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def post(self, path: str, body: dict[str, Any], token: str | None = None) -> tuple[int, Any]:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(self.base + path, data=json.dumps(body).encode(), headers=headers,
                                         method="POST")
        try:
            with urllib.request.urlopen(request, timeout=120) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    def json(self, path: str, status: int = 200) -> Any:
        code, headers, body = self.get(path)
        assert code == status, (path, code, body[:500])
        return json.loads(body)


def build_store(location: str, examples: list, pipeline: Any) -> str:
    """The examples and the hostile article in a store at `location`; the hostile article's id."""
    from entente.store import open_store

    hostile = pipeline(HOSTILE)
    with open_store(location) as store:
        store.add([*examples, (HOSTILE, hostile)])
    return hostile.id


def serve(location: str, hostile_id: str, token: str | None = None, *options: str) -> Iterator[Server]:
    """`entente serve` in a subprocess until the caller is done (with $ENTENTE_SERVE_TOKEN when `token`)."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("ENTENTE_SERVE_TOKEN", None)
    if token:
        env["ENTENTE_SERVE_TOKEN"] = token
    proc = subprocess.Popen([sys.executable, "-m", "entente.cli", "serve", "--db", location, "--port", str(port),
                             *options],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    server = Server(f"http://127.0.0.1:{port}", location, hostile_id)
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"entente serve exited: {proc.stdout.read() if proc.stdout else ''}")
            try:
                if server.get("/api/stats")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("entente serve did not answer within 60 s")
            time.sleep(0.2)
        yield server
    finally:
        proc.terminate()
        try:
            out, _ = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
        assert "Traceback" not in (out or ""), out  # no request may have crashed the server


def pg_schema_url(server: str) -> tuple[str, str]:
    schema = f"entente_serve_{uuid.uuid4().hex[:10]}"
    import psycopg

    with psycopg.connect(server, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in server else "?"
    return f"{server}{sep}options=-csearch_path%3D{schema}", schema


def drop_schema(server: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as db:
        db.execute(f"DROP SCHEMA {schema} CASCADE")


def require_serve_extra() -> None:
    for name in ("fastapi", "uvicorn", "jinja2"):
        try:
            __import__(name)
        except ImportError:
            if os.environ.get("CI") == "true":
                pytest.fail(f"{name} is missing and CI=true: pip install -e '.[dev]'")
            pytest.skip(f"{name} not installed (the serve extra)")
