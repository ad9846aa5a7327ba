"""entente: who met, said, promised, accused, sanctioned or helped whom — from ru/uk/en news pages.

Pipeline stages, in order: ingest (read and decode) -> extract (HTML main text) -> split (judge page
lines) -> body -> title -> published -> source -> language.

>>> import entente
>>> entente.analyze("Си Цзиньпин прибыл в Москву\\n\\nПредседатель КНР прибыл с визитом.").lang
'ru'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import entente.compiled  # noqa: F401  (first: it refuses a stale compiled module before one is imported)
from entente.errors import EntenteError, InputError
from entente.ingest import read, read_bytes
from entente.models import Actor, Analysis, Article, Event, Mention, Paragraph, Quote, Removed
from entente.pipeline import Pipeline
from entente.settings import Settings

__all__ = [
    "Actor", "Analysis", "Article", "EntenteError", "Event", "InputError", "Mention", "Paragraph",
    "Pipeline", "Quote", "Removed", "Settings", "analyze",
]
__version__ = "0.1.0"


@cache
def _default_pipeline() -> Pipeline:
    return Pipeline()


def _is_file(text: str) -> bool:
    """Whether a string names an existing file (a sentence may be too long to be a path at all)."""
    if len(text) >= 4096 or "\n" in text:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def analyze(text_or_path: str | Path, pipeline: Pipeline | None = None) -> Analysis:
    """Analyze one article given as text or as the path of a file (the first article in it).

    Raises InputError when the file cannot be read as an article. For many articles, build a
    `Pipeline` once and use `Pipeline.run(entente.ingest.read(paths, max_bytes))`.
    """
    pipeline = pipeline or _default_pipeline()
    if isinstance(text_or_path, Path) or _is_file(text_or_path):
        for item in read([str(text_or_path)], pipeline.settings.max_bytes):
            if isinstance(item, InputError):
                raise item
            return pipeline(item)
        raise InputError(str(text_or_path), "no article found")
    for item in read_bytes(str(text_or_path).encode("utf-8"), "<text>", pipeline.settings.max_bytes):
        if isinstance(item, InputError):
            raise item
        return pipeline(item)
    raise InputError("<text>", "no article found")
