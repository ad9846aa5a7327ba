"""natasha's Russian news word vectors (navec, shipped inside the natasha wheel), loaded on first use.

One `Embedding` is shared by the recognizer's NER tagger and the syntax parser, so the vectors load once per
process, and only in a process that meets Russian text: English and Ukrainian never need them.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any


class Embedding:
    @cached_property
    def vectors(self) -> Any:
        """natasha's `NewsEmbedding` (≈0.5 s to load)."""
        from natasha import NewsEmbedding

        return NewsEmbedding()
