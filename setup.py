"""The analysis modules compiled with mypyc when asked (`make fast`; BENCHMARKS.md, "mypyc").

`ENTENTE_MYPYC=1 pip wheel .` (what `make fast` runs) builds a wheel whose analysis path is C extensions: the
same output, 1.13-1.17x the articles per CPU second. Any other install (`pip install -e .`, what `make demo` and
`make test` do, and a plain `pip install .`) is the pure package, so that an edited .py is what runs.

A compiled install is never editable: the extensions would sit beside the sources, and an edited .py would
silently lose to its stale .so (`entente/__init__.py` refuses such a tree). When compiling fails (no C compiler,
no Python headers, mypyc refusing the code) the pure package is built instead, with a warning.
"""

from __future__ import annotations

import os
import sys
from glob import glob

from setuptools import setup
from setuptools.command.build_ext import build_ext

MYPY = "mypy==2.4.1"  # the mypyc that compiles (the version the code was checked with)
# the analysis path: what `Pipeline` runs. Left pure: package __init__ files (they find data files and list the
# public API); settings.py (the CLI reads Settings.max_bytes as a class attribute, which a compiled dataclass
# turns into a descriptor); whatever is not analysis (CLI, store, serve, watch, run, eval). The modules whose objects
# are pickled (models.py and errors.py: articles, analyses and errors cross to worker processes; kb.py,
# event_lexicon.py and roles.py: the disk cache) are compiled too: mypyc's unpickling of a native class calls its
# __init__ without arguments and sets a frozen dataclass's fields through its refusing __setattr__, so those
# classes pickle through __init__ instead (`models.Pickled`, `Roles.__reduce__`, `FetchError.__reduce__`;
# mypyc_attr(serializable=True) does not help: BENCHMARKS.md, "mypyc")
COMPILED = sorted(
    path
    for folder in ("actors", "clean", "extract", "nlp", "ingest")
    for path in glob(f"entente/{folder}/*.py")
    if not path.endswith(("__init__.py", "ingest/feeds.py", "ingest/fetch.py"))
) + ["entente/errors.py", "entente/models.py", "entente/pipeline.py"]


BUILDING = {"bdist_wheel", "build", "build_ext", "install"}  # the commands that compile (not egg_info, dist_info)


def _warn(message: str) -> None:
    print(f"entente setup.py: {message}", file=sys.stderr)


def _wanted() -> bool:
    if os.environ.get("ENTENTE_MYPYC", "").strip().lower() not in ("1", "true", "yes"):
        return False
    if "editable_wheel" in sys.argv or "develop" in sys.argv or "--inplace" in sys.argv:
        raise SystemExit("entente setup.py: ENTENTE_MYPYC=1 builds wheels only (`make fast`): a compiled editable "
                         "install would keep running the old code after an edit")
    return True


class OptionalBuildExt(build_ext):
    """Every extension or none: a failed compile leaves the pure package (one failed module would leave the
    others importing a missing shared library)."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as e:  # the compiler's and the linker's errors, a missing Python.h
            _warn(f"compiling failed ({e}); building the pure package")
            for ext in self.extensions:
                built = self.get_ext_fullpath(ext.name)
                if os.path.exists(built):
                    os.remove(built)
            del self.extensions[:]


def _extensions() -> list:
    if not _wanted() or not BUILDING & set(sys.argv):
        return []  # pip asking for the build requirements or the metadata: nothing to compile yet
    try:
        from mypyc.build import mypycify
    except ImportError:  # a build without pip's isolation, in an environment without mypy
        _warn(f"{MYPY} is not installed here; building the pure package")
        return []
    try:
        return mypycify(COMPILED, opt_level="3")
    except (Exception, SystemExit) as e:  # mypyc refusing the code: a type error, an unsupported feature
        _warn(f"mypyc failed ({e!r}); building the pure package")
        return []


setup(
    ext_modules=_extensions(),
    cmdclass={"build_ext": OptionalBuildExt},
    # with pip's build isolation, setuptools reads this as an extra build requirement: mypy only when compiling
    setup_requires=[MYPY] if _wanted() else [],
)
