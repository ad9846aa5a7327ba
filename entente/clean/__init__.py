"""Cleaning: raw page -> article body, headline, date and outlet, with every removed line kept.

Steps, in pipeline order: `split_page` judges the lines, `body` joins the kept ones into the
cleaned text, then `find_title`, `find_published` and `find_source` read the metadata.
"""

from __future__ import annotations

from entente.clean.outlets import Outlets
from entente.clean.page import split_page
from entente.clean.patterns import Patterns
from entente.clean.published import find_published
from entente.clean.source import find_source
from entente.clean.title import find_title, split_site, strip_site
from entente.models import Line, Removed

__all__ = ["Outlets", "Patterns", "body", "find_published", "find_source", "find_title", "split_page",
           "split_site", "strip_site"]

PARAGRAPH_BREAK = "\n\n"


def body(lines: tuple[Line, ...]) -> tuple[str, tuple[Removed, ...]]:
    """The cleaned text (kept lines as paragraphs) and the removed lines with their reasons."""
    text = PARAGRAPH_BREAK.join(x.text for x in lines if x.label == "body")
    removed = tuple(Removed(x.no, x.text, x.reason or x.label) for x in lines if x.label != "body")
    return text, removed
