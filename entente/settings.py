"""One Settings object for the whole pipeline; each field carries its help text."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path


def default_db() -> str:
    """`$ENTENTE_DB`, else `entente.db` in the user's data folder (XDG), so every command finds it."""
    if env := os.environ.get("ENTENTE_DB"):
        return env
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return str(base / "entente" / "entente.db")


def _help(text: str) -> dict[str, str]:
    return {"help": text}


@dataclass(frozen=True)
class Settings:
    db: str = field(default_factory=default_db, metadata=_help(
        "SQLite database file, or a PostgreSQL URL such as postgresql://127.0.0.1:5432/test "
        "(default: $ENTENTE_DB or ~/.local/share/entente/entente.db)."))
    languages: tuple[str, ...] = field(default=("ru", "uk", "en"), metadata=_help(
        "Plausible languages: short paragraphs are identified among these only."))
    short_paragraph: int = field(default=60, metadata=_help(
        "Paragraphs shorter than this many characters are identified among `languages` only."))
    max_bytes: int = field(default=10_000_000, metadata=_help(
        "Inputs larger than this many bytes are refused (a news page is far smaller)."))
    errors: str = field(default="skip", metadata=_help(
        "What the pipeline does with a bad input: 'skip' records it and goes on, 'raise' stops."))
    batch: int = field(default=200, metadata=_help(
        "Articles written per database transaction during ingest."))
    actors: str | None = field(default_factory=lambda: os.environ.get("ENTENTE_ACTORS") or None, metadata=_help(
        "Your own actors file (TOML, format of entente/actors/data/README.md), read after the bundled base "
        "(default: $ENTENTE_ACTORS)."))

    def __post_init__(self) -> None:
        if self.errors not in ("skip", "raise"):
            raise ValueError(f"errors must be 'skip' or 'raise', not {self.errors!r}")
        if self.max_bytes <= 0 or self.batch <= 0:
            raise ValueError("max_bytes and batch must be positive")


def settings_help() -> dict[str, str]:
    """Field name -> help text, for --help and the documentation test."""
    return {f.name: f.metadata["help"] for f in fields(Settings)}
