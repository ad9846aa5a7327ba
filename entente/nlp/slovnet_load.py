"""natasha's slovnet models (NER tagger, syntax parser) loaded as slovnet's `NER.load` and `Syntax.load` load
them, but with the vocabularies they have in common read once: both models carry the same 250,000-word
vocabulary and the same shapes, and building a vocabulary's index is most of a model's load time.

That word vocabulary is in sorted order but for its last two entries (`<unk>`, `<pad>`): a word's id is
found by bisection (`SortedVocab`), and no 250,000-entry dictionary is built in every process (≈0.05 s of
a Russian text's start-up; a lookup costs ≈1 µs instead, once per distinct word: `slovnet_input.py`
remembers the ids).

>>> from entente.nlp.embedding import Embedding, natasha_data
>>> vocabs = {}
>>> ner = load_ner(natasha_data("model", "slovnet_ner_news_v1.tar"), Embedding().vectors, vocabs)
>>> parser = load_syntax(natasha_data("model", "slovnet_syntax_news_v1.tar"), Embedding().vectors, vocabs)
>>> ner.infer.encoder.words_vocab is parser.infer.encoder.words_vocab
True
"""

from __future__ import annotations

import operator
from bisect import bisect_left
from typing import Any

BATCH_SIZE = 8  # slovnet's default, as natasha's NewsNERTagger and NewsSyntaxParser load them


def load_ner(path: str, vectors: Any, vocabs: dict[str, Any]) -> Any:
    """slovnet's `NER.load(path).navec(vectors)`, its word and shape vocabularies taken from `vocabs` when an
    earlier model had the very same ones (and left there for the next)."""
    from slovnet.api import NER
    from slovnet.const import TAG
    from slovnet.exec.encoders import TagEncoder
    from slovnet.exec.infer import NERInfer, TagDecoder
    from slovnet.exec.model import NER as NERModel

    model, words, shapes, tags = _unpack(path, NERModel, TAG, vocabs)
    ner = NER(NERInfer(model, TagEncoder(words, shapes, BATCH_SIZE), TagDecoder(tags)), BATCH_SIZE).navec(vectors)
    ner.infer.model.emb.word = QuickVectors(ner.infer.model.emb.word)
    _quick_convolutions(ner.infer.model.encoder)
    return ner


def load_syntax(path: str, vectors: Any, vocabs: dict[str, Any]) -> Any:
    """slovnet's `Syntax.load(path).navec(vectors)`, vocabularies shared as in `load_ner`."""
    from slovnet.api import Syntax
    from slovnet.const import REL
    from slovnet.exec.encoders import SyntaxEncoder
    from slovnet.exec.infer import SyntaxDecoder, SyntaxInfer
    from slovnet.exec.model import Syntax as SyntaxModel

    from entente.nlp.slovnet_encoder import QuickEncoder

    model, words, shapes, rels = _unpack(path, SyntaxModel, REL, vocabs)
    infer = SyntaxInfer(model, SyntaxEncoder(words, shapes, BATCH_SIZE), SyntaxDecoder(rels))
    syntax = Syntax(infer, BATCH_SIZE).navec(vectors)
    syntax.infer.model.emb.word = QuickVectors(syntax.infer.model.emb.word)
    _quick_convolutions(syntax.infer.model.encoder)
    # batches of sentences padded to their longest: the filters run over real words only (NER runs one text, unpadded)
    syntax.infer.model.encoder = QuickEncoder(syntax.infer.model.encoder)
    return syntax


class QuickVectors:
    """slovnet's `NavecEmbedding` (a word's vector: for each of its 100 parts, the centroid its quantized index
    names), gathered with one `np.take` over the flattened centroid table instead of indexing the table with two
    index arrays: the very same numbers, ≈4 times sooner (the look-up was a tenth of the parser's time)."""

    def __init__(self, navec: Any) -> None:
        import numpy as np

        parts, centroids, width = navec.codes.array.shape
        self.indexes = navec.indexes.array
        self._table = navec.codes.array.reshape(parts * centroids, width)
        self._offsets = np.arange(parts, dtype=np.intp) * centroids  # where each part's centroids begin
        self.dim = parts * width

    def __call__(self, word_id: Any) -> Any:
        import numpy as np

        rows = self.indexes[word_id.ravel()] + self._offsets
        return np.take(self._table, rows, axis=0).reshape(*word_id.shape, self.dim)


def _quick_convolutions(encoder: Any) -> None:
    """Each layer of slovnet's `CNNEncoder` given a `QuickConv1d` of its own convolution."""
    for layer in encoder.layers:
        layer.conv = QuickConv1d(layer.conv)


class QuickConv1d:
    """slovnet's `Conv1d` (a batch x channels x positions input, zero-padded at both ends, every window of
    `kernel` positions multiplied by the filters in one matrix product) with its windows laid out straight
    from the input instead of padding a copy of it and copying that again: the matrix product gets the very
    same matrix (values, shape, C order), so the numbers are the same (a third of the NER model's time was
    the two copies)."""

    def __init__(self, conv: Any) -> None:
        filters, width, self.kernel = conv.weight.shape
        self.padding = conv.padding
        self._weight = conv.weight.array.reshape(filters, width * self.kernel).T  # as slovnet's: a transposed view
        self._bias = conv.bias.array

    def __call__(self, input: Any) -> Any:
        import numpy as np

        batch, _, _ = input.shape
        windows = self.windows(input.swapaxes(2, 1))
        output = np.matmul(windows, self._weight) + self._bias
        return output.reshape(batch, -1, output.shape[-1]).swapaxes(2, 1)  # batch x filters x windows, as in torch

    def windows(self, rows: Any) -> Any:
        """The matrix the filters multiply, a row per window, from a batch x positions x channels input."""
        import numpy as np

        batch, length, width = rows.shape
        pad, kernel = self.padding, self.kernel
        count = length + 2 * pad - kernel + 1  # windows
        windows = np.empty((batch, count, width, kernel), dtype=rows.dtype)
        for k in range(kernel):  # the k-th position of window w is the input's position w + k - pad, 0 outside
            first, last = max(0, pad - k), min(count, length + pad - k)  # windows whose k-th position is inside
            windows[:, :first, :, k] = 0
            windows[:, last:, :, k] = 0
            if last > first:
                windows[:, first:last, :, k] = rows[:, first + k - pad : last + k - pad]
        return windows.reshape(batch * count, width * kernel)


def _unpack(path: str, model_class: Any, labels: str, vocabs: dict[str, Any]) -> tuple[Any, Any, Any, Any]:
    """A slovnet pack's model with its weights, and its word, shape and `labels` vocabularies."""
    from slovnet.const import SHAPE, WORD
    from slovnet.exec.pack import Pack

    with Pack(path) as pack:
        pack.load_meta().check_protocol()
        model = pack.load_model(model_class)
        arrays = dict(pack.load_arrays(model.weights))
        words, shapes, tags = (_vocab(pack, kind, vocabs) for kind in (WORD, SHAPE, labels))
    return model.inject_arrays(arrays), words, shapes, tags


def _vocab(pack: Any, kind: str, vocabs: dict[str, Any]) -> Any:
    """The vocabulary `kind` of the model in `pack` (slovnet's `Pack.load_vocab`): the one already built from
    the same content, else built and kept there. Its items, and whether they are sorted, come from the disk cache
    when an earlier process read the same archive member (`entente.disk_cache`): decompressing, splitting and
    checking the order of the 250,000 words took ≈0.08 s of every Russian start-up, reading them back ≈0.04."""
    from slovnet.exec.pack import vocab_name
    from slovnet.vocab import Vocab

    raw = pack.read(vocab_name(kind))
    content = _content_key(raw, kind)  # the archives' gzip headers may differ, not what they hold
    if content not in vocabs:
        items, sorted_part = _vocab_items(raw, kind, content)
        vocabs[content] = SortedVocab(items, sorted_part) if sorted_part is not None else Vocab(items)
    return vocabs[content]


def _content_key(raw: bytes, kind: str) -> str:
    """The sha256 of a gzipped vocabulary's content, remembered in the disk cache by the gzipped bytes (an entry
    name per kind: the cache keeps four entries of a name, and the two models hold six vocabularies)."""
    import gzip
    import hashlib

    from entente.disk_cache import cached

    def build() -> str:
        return hashlib.sha256(gzip.decompress(raw)).hexdigest()

    return cached(f"vocab-content-{kind}", lambda: [raw, _code()], build, str)


def _vocab_items(raw: bytes, kind: str, content: str) -> tuple[list[str], int | None]:
    """A vocabulary's items, and how many of them are in sorted order (`SortedVocab.of`; None when not so),
    from the disk cache by the content's hash."""
    import gzip

    from entente.disk_cache import cached

    def build() -> tuple[list[str], int | None]:
        items = gzip.decompress(raw).decode("utf8").splitlines()
        found = SortedVocab.of(items)
        return items, None if found is None else found._sorted

    return cached(f"vocab-items-{kind}", lambda: [content, _code()], build, tuple)


def _code() -> bytes:
    from entente.disk_cache import code_digest

    return code_digest([__name__])


class SortedVocab:
    """slovnet's `Vocab` (items, `unk_id`, `pad_id`, `encode`, `decode`) over items that are sorted but for a
    few at the end, each item once: `encode` bisects the sorted part instead of asking a dictionary of every
    item, and gives the same ids.

    >>> v = SortedVocab.of(["a", "b", "c", "<unk>", "<pad>"], smallest=1)
    >>> v.encode("b"), v.encode("<pad>"), v.encode("zz"), v.unk_id, v.pad_id
    (1, 4, 3, 3, 4)
    """

    def __init__(self, items: list[str], sorted_part: int) -> None:
        self.items, self._sorted = items, sorted_part
        self._tail = {items[k]: k for k in range(sorted_part, len(items))}  # not a pass over all 250,000
        self.unk_id = self._find("<unk>")  # as Vocab: None when the vocabulary has none
        self.pad_id = self._find("<pad>")

    @classmethod
    def of(cls, items: list[str], tail: int = 2, smallest: int = 10_000) -> SortedVocab | None:
        """A SortedVocab when all but the last `tail` items are in strictly increasing order and no item comes
        twice, else None (None too for fewer than `smallest` items, whose dictionary costs nothing)."""
        head = len(items) - tail
        if len(items) < smallest or head < 1 or not all(map(operator.lt, items[: head - 1], items[1:head])):
            return None
        vocab = cls(items, head)
        if len(vocab._tail) < tail or any(vocab._sorted_id(x) is not None for x in items[head:]):
            return None
        return vocab

    def _sorted_id(self, item: str) -> int | None:
        k = bisect_left(self.items, item, 0, self._sorted)
        return k if k < self._sorted and self.items[k] == item else None

    def _find(self, item: str) -> int | None:
        found = self._tail.get(item)
        return found if found is not None else self._sorted_id(item)

    def encode(self, item: str) -> int | None:
        """`item`'s id, as `Vocab.encode` gives it: the unknown item's id for one it does not hold."""
        k = self._find(item)
        return self.unk_id if k is None else k

    def decode(self, id: int) -> str:
        return self.items[id]

    def __len__(self) -> int:
        return len(self.items)
