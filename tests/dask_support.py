"""A real Dask cluster on loopback for tests and bench/throughput.py: `dask scheduler` and `dask worker`
processes (one thread each), torn down with their process groups."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _dask(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from distributed.cli import dask_"
            f"{args[0]} as m; sys.argv[0] = 'dask {args[0]}'; m.main()", *args[1:]]


@contextmanager
def loopback_cluster(folder: Path, workers: int = 2, timeout: float = 180) -> Iterator[tuple[str, list[int]]]:
    """(scheduler address, worker process ids): a scheduler and `workers` worker processes on 127.0.0.1."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), DASK_DISTRIBUTED__WORKER__DAEMON="False")
    scheduler_file = folder / "scheduler.json"
    procs: list[subprocess.Popen] = []
    log = open(folder / "dask.log", "wb")  # noqa: SIM115 (closed below)
    try:
        procs.append(subprocess.Popen(_dask("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                            "--scheduler-file", str(scheduler_file)),
                                      env=env, stdout=log, stderr=log, start_new_session=True))
        end = time.monotonic() + timeout
        while not scheduler_file.exists() or not scheduler_file.read_text().strip():
            if time.monotonic() > end or procs[0].poll() is not None:
                raise RuntimeError(f"the Dask scheduler did not start: {(folder / 'dask.log').read_text()[-2000:]}")
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        for _ in range(workers):
            procs.append(subprocess.Popen(_dask("worker", address, "--nthreads", "1", "--no-dashboard", "--no-nanny",
                                                "--host", "127.0.0.1"),
                                          env=env, stdout=log, stderr=log, start_new_session=True))
        yield address, [p.pid for p in procs[1:]]
    finally:
        for p in reversed(procs):
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in reversed(procs):
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait(timeout=20)
        log.close()
