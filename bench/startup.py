"""Start-up of `entente analyze FILE` on one small file: user + sys CPU seconds of the process and its wall time
(the first and only output comes at the end), median and minimum of N runs after one warm-up run.

    .venv/bin/python bench/startup.py [--runs N] [--base CHECKOUT] [--json] FILE...

`--base` alternates the runs with another checkout (an older revision unpacked with `git archive`), each with
its own `ENTENTE_CACHE`, so that the load of a shared machine falls on both alike. Runs start in a temporary
folder: `python -m` puts the current folder first on `sys.path`, which would shadow `PYTHONPATH`. The bytecode
cache is on, as in an installed package (`PYTHONDONTWRITEBYTECODE` is dropped).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def once(checkout: Path, cache: Path, file: Path, cwd: str) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one `entente analyze FILE` run from `checkout`."""
    env = dict(os.environ, PYTHONPATH=str(checkout), ENTENTE_CACHE=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run([sys.executable, "-m", "entente.cli", "analyze", str(file)], stdout=subprocess.DEVNULL,
                   env=env, cwd=cwd, check=True)
    wall, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def measure(checkouts: dict[str, Path], file: Path, runs: int) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        caches = {name: Path(tmp) / f"cache-{name}" for name in checkouts}
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in checkouts}
        for n in range(runs + 1):
            for name, checkout in checkouts.items():
                cpu, wall = once(checkout, caches[name], file, tmp)
                if n:  # the first run builds the caches
                    times[name].append((cpu, wall))
    out = {}
    for name, pairs in times.items():
        cpus, walls = [c for c, _ in pairs], [w for _, w in pairs]
        out[name] = {"cpu_median": round(statistics.median(cpus), 3), "cpu_min": round(min(cpus), 3),
                     "wall_median": round(statistics.median(walls), 3), "wall_min": round(min(walls), 3)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--base", type=Path, default=None, help="another checkout to alternate with")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    checkouts = {"this": ROOT, **({"base": args.base.resolve()} if args.base else {})}
    results = []
    for file in args.files:
        load_before = os.getloadavg()[0]
        found = measure(checkouts, file.resolve(), args.runs)
        results.append({"file": str(file), "runs": args.runs, **found,
                        "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)})
    if args.json:
        print(json.dumps(results, indent=1))
        return
    for r in results:
        for name in checkouts:
            f = r[name]
            print(f"{r['file']} [{name}]: CPU {f['cpu_median']} s (min {f['cpu_min']}), wall {f['wall_median']} s "
                  f"(min {f['wall_min']}); load {r['load_before']} -> {r['load_after']}")


if __name__ == "__main__":
    main()
