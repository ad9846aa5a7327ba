"""The battery of wrong invocations (tests/bad_invocations.py) as real processes: each must exit 2 with one
clear line on stderr naming the problem, no traceback, and create or change nothing. Prints the figure the
issue asks for: how many cases give a clear error.

    .venv/bin/python bench/bad_invocations.py [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.bad_invocations import BAD  # noqa: E402
from tests.test_cli_input import tree  # noqa: E402


def scratch(tmp: Path) -> None:
    con = sqlite3.connect(tmp / "other.sqlite")
    con.execute("CREATE TABLE schema_migrations (version TEXT, name TEXT)")
    con.execute("INSERT INTO schema_migrations VALUES ('v1', 'init')")
    con.commit()
    con.close()
    (tmp / "page.txt").write_text("Лавров встретился с Ван И\n\nЛавров и Ван И провели переговоры.\n")
    (tmp / "bad_actors.toml").write_bytes('[person.x]\nname = "Лавров"\n'.encode("cp1251"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as store_dir:
        db = Path(store_dir) / "store.db"
        subprocess.run([sys.executable, "-m", "entente.cli", "ingest", "--db", str(db), str(ROOT / "examples"),
                        "--no-progress"], check=True, env=env, capture_output=True)
        results = {"cases": len(BAD), "clear": 0, "tracebacks": 0, "wrong_exit": 0, "changed_something": 0,
                   "unclear": []}
        for case in BAD:
            with tempfile.TemporaryDirectory() as t:
                tmp = Path(t)
                scratch(tmp)
                env["ENTENTE_DB"] = str(tmp / "default" / "entente.db")
                argv = [a.replace("{db}", str(db)).replace("{tmp}", str(tmp)) for a in case.argv]
                before = tree(tmp)
                run = subprocess.run([sys.executable, "-m", "entente.cli", *argv], env=env, cwd=tmp,
                                     capture_output=True, text=True, timeout=120)
                last = (run.stderr.strip().splitlines() or [""])[-1]
                traceback = "Traceback" in run.stderr
                changed = tree(tmp) != before
                results["tracebacks"] += traceback
                results["wrong_exit"] += run.returncode != 2
                results["changed_something"] += changed
                if run.returncode == 2 and not traceback and not changed and case.says in last:
                    results["clear"] += 1
                else:
                    results["unclear"].append({"argv": " ".join(case.argv)[:80], "exit": run.returncode,
                                               "stderr": last[:200]})
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        print(f"{results['clear']}/{results['cases']} wrong invocations give a clear one-line error and exit 2 "
              f"({results['tracebacks']} tracebacks, {results['wrong_exit']} other exit codes, "
              f"{results['changed_something']} changed a file)")
        for u in results["unclear"]:
            print(f"  {u}")


if __name__ == "__main__":
    main()
