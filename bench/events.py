"""Throughput of the event stage (PLOVER coder) on one CPU core.

Every corpus text goes through the stages before `events` untimed (ingest, cleaning, language,
actors, quotes); then the `events` step is timed document by document.

    .venv/bin/python bench/events.py [--corpus PATH] [--limit N] [--json]

Reported as by bench/actors.py, against the target of 200 articles/s.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from actors import main  # noqa: E402

if __name__ == "__main__":
    main(timed=("events",), target=200)
