"""The guard against a stale compiled module in a source checkout (entente/compiled.py, README: make fast)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import entente
from entente.compiled import stale


def _tree(tmp_path, checkout=True):
    package = tmp_path / "entente" / "nlp"
    package.mkdir(parents=True)
    if checkout:
        (tmp_path / "pyproject.toml").write_text("[project]\nname = 'entente'\n")
    source, built = package / "tokens.py", package / "tokens.cpython-311-x86_64-linux-gnu.so"
    source.write_text("X = 1\n")
    built.write_bytes(b"\x7fELF")
    return tmp_path / "entente", source, built


def test_a_compiled_module_older_than_its_source_is_found(tmp_path):
    package, source, built = _tree(tmp_path)
    os.utime(built, (1_000_000, 1_000_000))
    os.utime(source, (2_000_000, 2_000_000))
    assert stale(package) == [(built, source)]


def test_a_fresh_compiled_module_passes(tmp_path):
    package, source, built = _tree(tmp_path)
    os.utime(source, (1_000_000, 1_000_000))
    os.utime(built, (2_000_000, 2_000_000))
    assert stale(package) == []


def test_an_installed_package_is_not_looked_at(tmp_path):
    package, source, built = _tree(tmp_path, checkout=False)  # site-packages: no pyproject.toml beside it
    os.utime(built, (1_000_000, 1_000_000))
    assert stale(package) == []


def test_importing_a_tree_with_a_stale_module_fails_loudly(tmp_path):
    root = tmp_path / "checkout"
    shutil.copytree(Path(entente.__file__).parent, root / "entente", ignore=shutil.ignore_patterns("*.so"))
    (root / "pyproject.toml").write_text("[project]\nname = 'entente'\n")
    built = root / "entente" / "models.cpython-311-x86_64-linux-gnu.so"
    built.write_bytes(b"not a module")
    os.utime(built, (1_000_000, 1_000_000))
    run = subprocess.run([sys.executable, "-c", "import entente"], capture_output=True, text=True, cwd=root,
                         env={**os.environ, "PYTHONPATH": str(root)})
    assert run.returncode != 0 and "is older than" in run.stderr and "models.py" in run.stderr
