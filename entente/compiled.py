"""No stale compiled module in a source checkout: imported first by the package, before any module that
mypyc may have compiled.

`make fast` compiles the analysis modules into a wheel installed in its own venv (`.venv-fast`), never into
the source tree. A module compiled in place (mypyc's .so beside its .py: `mypyc entente/...`,
`python setup.py build_ext --inplace`) would be imported instead of its source, so that an edit would silently
run the old code; one older than its source stops the import, loudly.
"""

from __future__ import annotations

import os
from pathlib import Path

SKIPPED = ("data", "__pycache__", "static", "templates")  # folders of data files, no modules


def stale(package: Path) -> list[tuple[Path, Path]]:
    """(compiled module, its newer source) in `package`, when it sits in a source checkout (an installed wheel
    is not edited: nothing is looked at there)."""
    if not (package.parent / "pyproject.toml").is_file():
        return []
    out = []
    for folder, dirs, files in os.walk(package):
        dirs[:] = [d for d in dirs if d not in SKIPPED]
        for name in files:
            if name.endswith((".so", ".pyd")):
                built, source = Path(folder, name), Path(folder, name.split(".", 1)[0] + ".py")
                if source.is_file() and source.stat().st_mtime > built.stat().st_mtime:
                    out.append((built, source))
    return out


if found := stale(Path(__file__).parent):
    built, source = found[0]
    raise ImportError(f"{built} is older than {source}, and would run instead of it ({len(found)} such): delete "
                      "the compiled modules (make clean-compiled) or compile them again")
