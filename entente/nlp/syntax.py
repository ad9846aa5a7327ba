"""Dependency trees for the sentences a later stage asks about, from natasha's `NewsSyntaxParser`
(slovnet, Universal Dependencies relations; its weights ship inside the natasha wheel).

The parser is trained on Russian news. It is built once, on first use, and runs over a batch of
sentences at a time: the event coder parses only the sentences of a document that hold a trigger.

>>> tree = Syntax().parse([["Путин", "не", "подтвердил", "визит", "."]])[0]
>>> tree.rels[0], tree.heads[0], tree.root
('nsubj', 2, 2)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from entente.nlp.embedding import Embedding, natasha_data
from entente.nlp.slovnet_input import Inputs
from entente.nlp.threads import one_blas_thread

MAX_TOKENS = 120  # a longer "sentence" (a table, a list without full stops) is not parsed


@dataclass(frozen=True)
class Tree:
    """One sentence's tree over its tokens: `heads[k]` is the index of token k's head (-1 for the root),
    `rels[k]` its Universal Dependencies relation (`nsubj`, `obj`, `obl`, `xcomp`, ...)."""

    heads: tuple[int, ...]
    rels: tuple[str, ...]
    # head -> its children, filled on first use (`_children`); not functools.cached_property, which mypyc
    # compiles into a property computed again at every access (BENCHMARKS.md, "mypyc")
    _kids: dict[int, tuple[int, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def root(self) -> int:
        return next((k for k, h in enumerate(self.heads) if h < 0), 0)

    @property
    def _children(self) -> dict[int, tuple[int, ...]]:
        if not self._kids and self.heads:
            out: dict[int, list[int]] = {}
            for c, h in enumerate(self.heads):
                out.setdefault(h, []).append(c)
            self._kids.update((h, tuple(cs)) for h, cs in out.items())
        return self._kids

    def children(self, k: int) -> Iterator[int]:
        return iter(self._children.get(k, ()))

    def ancestors(self, k: int) -> Iterator[int]:
        """The heads above token k, nearest first (a cycle, which a parser should not give, stops it)."""
        seen = {k}
        h = self.heads[k]
        while h >= 0 and h not in seen:
            yield h
            seen.add(h)
            h = self.heads[h]

    def subtree(self, k: int) -> set[int]:
        out, todo, children = {k}, [k], self._children
        while todo:
            for c in children.get(todo.pop(), ()):
                if c not in out:
                    out.add(c)
                    todo.append(c)
        return out


class Syntax:
    """natasha's Russian news dependency parser, loaded on first use (≈0.5 s). `embedding`: the word vectors
    the caller shares (the recognizer's), so that they are not loaded twice."""

    def __init__(self, embedding: Embedding | None = None) -> None:
        self._embedding = embedding or Embedding()
        self._loaded: Any = None  # `_parser`, loaded on first use
        self._inputs: Inputs | None = None  # built on first use (`_encode`)

    @property
    def _parser(self) -> Any:
        """natasha's news parser as `NewsSyntaxParser` loads it (slovnet's `Syntax` on the shared vectors, the
        vocabularies it has in common with the NER model built once: `slovnet_load.py`)."""
        if self._loaded is None:
            from entente.lasting import loading

            with loading():
                from entente.nlp.slovnet_load import load_syntax

                e = self._embedding
                self._loaded = load_syntax(natasha_data("model", "slovnet_syntax_news_v1.tar"), e.vectors,
                                           e.vocabularies)
        return self._loaded

    def _encode(self, sentences: list[list[str]]) -> Any:
        """The parser's input batch of these sentences (a method, not a property called: mypyc compiles
        `self.prop(args)` into the property's getter alone)."""
        if self._inputs is None:
            self._inputs = Inputs(self._parser.infer.encoder)
        return self._inputs(sentences)

    def _run(self, sentences: list[list[str]]) -> Iterator[tuple[list[int], list[str]]]:
        """(heads, relations) of each sentence as natasha's parser gives them (heads 1-based, 0 the root), run
        as it runs them — batches of its batch size in the given order, each padded to its longest sentence —
        with each word's ids remembered and no markup objects built. The model's steps are slovnet's `Syntax`'s,
        taken one by one so that the heads it decodes to find the relations are the heads given (slovnet decodes
        them again), decoded as `_decode_heads` does."""
        from slovnet.exec.mask import split_masked

        infer = self._parser.infer
        model, size, rels = infer.model, self._parser.batch_size, infer.decoder.rels_vocab.items
        for at in range(0, len(sentences), size):
            batch = self._encode(sentences[at : at + size])
            x = model.encoder(model.emb(batch.word_id, batch.shape_id), batch.pad_mask)
            mask = ~batch.pad_mask
            head_ids = _decode_heads(model.head(x), mask)
            heads = split_masked(head_ids, mask)
            relations = split_masked(model.rel.decode(model.rel(x, head_ids), mask), mask)
            for h, r in zip(heads, relations, strict=True):
                yield h.tolist(), [rels[k] for k in r]


    def parse(self, sentences: Sequence[Sequence[str]]) -> list[Tree | None]:
        """One tree per sentence (a list of token texts), in order; None for an empty or overlong one.

        Sentences go to the parser shortest first, so that a batch is padded to a length near its own, and
        numpy's BLAS runs on this thread only: its worker threads spin, and on a busy machine (or beside
        other worker processes) cost several times the work itself (BENCHMARKS.md)."""
        wanted = sorted(
            (k for k, s in enumerate(sentences) if 0 < len(s) <= MAX_TOKENS), key=lambda k: len(sentences[k])
        )
        out: list[Tree | None] = [None] * len(sentences)
        if not wanted:
            return out
        with one_blas_thread():
            parsed = list(self._run([list(sentences[k]) for k in wanted]))
        for k, (ones, rels) in zip(wanted, parsed, strict=True):
            heads = [h - 1 if 0 < h <= len(ones) else -1 for h in ones]  # 0-based; the root's head is -1
            _break_cycles(heads, rels)
            _close_clauses(heads, rels)
            out[k] = Tree(tuple(heads), tuple(rels))
        return out


def _decode_heads(scores: Any, mask: Any) -> Any:
    """slovnet's `SyntaxHead.decode`: each word's best head (0 the root, k the k-th word) among the real words of its
    sentence. The same choice from the same scores: the padding's scores set to the lowest score, by `np.where`
    rather than by slovnet's arithmetic (`fill * mask + score * ~mask`, which gives the same numbers) and the mask
    made by `&` rather than by padding it with `np.pad` and multiplying it by itself."""
    import numpy as np

    batch = mask.shape[0]
    with_root = np.concatenate((np.ones((batch, 1), dtype=bool), mask), axis=1)  # the root is always a head
    allowed = mask[:, :, None] & with_root[:, None, :]  # word x candidate head
    return np.where(allowed, scores, scores.min()).argmax(-1)


OPENED = frozenset({"xcomp", "conj", "obj", "iobj", "obl", "nsubj", "advmod"})  # what a clause cannot hold before it


def _close_clauses(heads: list[int], rels: list[str]) -> None:
    """A subordinate clause begins at its subordinator («если», «что», «щоб», "if"): a dependent of its verb
    standing before that word («будет направлять оружие, если ЕС не ослабит ...», where the parser hung
    «направлять» on «ослабит») belongs to the clause around it, and is hung on that clause's verb."""
    marks: dict[int, int] = {}
    for k, r in enumerate(rels):
        if r == "mark" and heads[k] > k:
            marks[heads[k]] = max(k, marks.get(heads[k], k))  # of two, the nearer opens it
    for k, h in enumerate(heads):
        outer = heads[h] if h in marks else -1
        # not below itself: hung on its own dependent, the token would close a loop
        if outer >= 0 and k < marks[h] and rels[k] in OPENED and k not in _chain(heads, outer):
            heads[k] = outer


def _chain(heads: list[int], k: int) -> list[int]:
    out, seen = [], {k}
    while k >= 0:
        out.append(k)
        k = heads[k]
        if k in seen:
            break
        seen.add(k)
    return out


def _break_cycles(heads: list[int], rels: list[str]) -> None:
    """Attach to the root every token whose chain of heads never reaches it (the parser can, rarely,
    close a loop), so that every token has one path up."""
    root = next((k for k, h in enumerate(heads) if h < 0), None)
    if root is None:
        root, heads[0], rels[0] = 0, -1, "root"
    for k in range(len(heads)):
        seen, h = {k}, heads[k]
        while h >= 0 and h not in seen:
            seen.add(h)
            h = heads[h]
        if h >= 0:  # a loop: cut it where this token leaves for it
            heads[k], rels[k] = root, "dep"
