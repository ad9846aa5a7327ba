"""The `entente serve` command: the REST API and web UI over a store (entente.serve; the `serve` extra).

Registered by entente.cli; returns the exit code. Without the extra it says how to install it and exits with 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from entente.settings import Settings

Command = Callable[[str, str], argparse.ArgumentParser]
Option = Callable[[argparse.ArgumentParser], None]


def add_parsers(command: Command, db_option: Option) -> None:
    """Add `serve` to the `entente` parser."""
    c = command("serve", "Serve the store read-only: a web UI at http://HOST:PORT/ and a REST API under /api "
                "(OpenAPI schema at /api/openapi.json). With $ENTENTE_SERVE_TOKEN set, POST /api/articles ingests "
                "an article and needs that token. Needs pip install 'entente[serve]'.")
    db_option(c)
    c.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    c.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    c.add_argument("--timeout", type=float, default=5.0, help="seconds a query may take before the answer is a 503 "
                   "(default: 5)")
    c.add_argument("--workers", type=int, default=1, help="server processes (default: 1)")


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from entente.serve.app import create_app
    except ImportError as e:
        print(f"entente: serve needs its extra ({e.name} is missing): pip install 'entente[serve]'", file=sys.stderr)
        return 2
    from entente.store import open_store
    from entente.store.postgres import is_url

    location = args.db or Settings().db
    if not is_url(location) and not Path(location).is_file():
        print(f"entente: no store at {location} (make one with `entente ingest PATH --db {location}`)",
              file=sys.stderr)
        return 2
    with open_store(location) as store:  # opened once here: a store of an older schema is migrated now
        articles = store.stats()["articles"]
    token = os.environ.get("ENTENTE_SERVE_TOKEN") or None
    print(f"entente: serving {articles} articles at http://{args.host}:{args.port}/"
          f"{' (POST /api/articles open to the token)' if token else ''} (Ctrl-C stops)", file=sys.stderr)
    if args.workers > 1:
        os.environ["ENTENTE_SERVE_DB"] = location
        os.environ["ENTENTE_SERVE_TIMEOUT"] = str(args.timeout)
        uvicorn.run("entente.serve.app:from_environment", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level="warning")
    else:
        uvicorn.run(create_app(location, timeout=args.timeout, token=token), host=args.host, port=args.port,
                    log_level="warning")
    return 0


COMMANDS = {"serve": cmd_serve}
