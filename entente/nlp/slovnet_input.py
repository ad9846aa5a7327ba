"""The input of natasha's slovnet models (NER tagger, syntax parser), as slovnet's own encoder builds it, with
the ids of each word remembered: slovnet finds a word's vocabulary id and shape again every time it comes.

>>> from natasha import NewsEmbedding, NewsNERTagger
>>> encode = Inputs(NewsNERTagger(NewsEmbedding()).infer.encoder)
>>> encode([["Путин", "прибыл", "."]]).word_id.shape
(1, 3)
"""

from __future__ import annotations

from typing import Any

REMEMBERED = 200_000  # words whose ids are kept; past that the memory starts again


class Inputs:
    def __init__(self, encoder: Any) -> None:
        self._encoder = encoder  # slovnet's WordShapeEncoder: vocabularies and the padding of a batch
        self._ids: dict[str, tuple[int, int]] = {}

    def __call__(self, batch: list[list[str]]) -> Any:
        """One padded batch (slovnet's `WordShapeInput`: word_id, shape_id, pad_mask) of these sentences."""
        return self._encoder.input([self._item(words) for words in batch])

    def _item(self, words: list[str]) -> tuple[list[int], list[int]]:
        from slovnet.shape import word_shape

        ids, vocab = self._ids, self._encoder
        if len(ids) > REMEMBERED:
            ids.clear()
        word_ids, shape_ids = [], []
        for word in words:
            pair = ids.get(word)
            if pair is None:  # as slovnet's WordShapeEncoder.item
                pair = ids[word] = (vocab.words_vocab.encode(word.lower()), vocab.shapes_vocab.encode(word_shape(word)))
            word_ids.append(pair[0])
            shape_ids.append(pair[1])
        return word_ids, shape_ids
