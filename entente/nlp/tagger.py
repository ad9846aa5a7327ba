"""natasha's Russian news NER model, run on one text the way natasha runs it, with less work around the model.

`NewsNERTagger(text)` tokenizes with razdel, wraps every token in a record twice, encodes each word, runs
the CNN, and decodes the CRF with several numpy calls a token (half its time outside the model). Here the
same model gets the same input — razdel's words, their ids and shapes (remembered per word) — and its
tag scores are decoded by the same Viterbi recursion in fewer numpy calls, with the same float32
arithmetic in the same order, so the spans are natasha's own (`bench/ner_tagger.py` compares them over the
corpus). The model runs with one BLAS thread (`threads.py`).

>>> Tagger(Embedding()).spans("Владимир Путин прибыл в Пекин.")
[(0, 14, 'PER'), (24, 29, 'LOC')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from entente.nlp.embedding import Embedding, natasha_data
from entente.nlp.slovnet_input import Inputs
from entente.nlp.threads import one_blas_thread

if TYPE_CHECKING:
    import numpy as np


class Tagger:
    def __init__(self, embedding: Embedding) -> None:
        self._embedding = embedding
        # loaded on first use; not functools.cached_property, which mypyc compiles into a load at every access
        self._model: Any = None
        self._inputs: Inputs | None = None

    @property
    def model(self) -> Any:
        """natasha's news NER model as `NewsNERTagger` loads it (slovnet's `NER` on the shared vectors): its
        network, vocabularies and tags are what run here."""
        if self._model is None:
            from entente.lasting import loading

            with loading():
                from entente.nlp.slovnet_load import load_ner

                e = self._embedding
                self._model = load_ner(natasha_data("model", "slovnet_ner_news_v1.tar"), e.vectors, e.vocabularies)
        return self._model

    def _encode(self, sentences: list[list[str]]) -> Any:
        """The model's input batch of these sentences (a method, not a property called: mypyc compiles
        `self.prop(args)` into the property's getter alone)."""
        if self._inputs is None:
            self._inputs = Inputs(self.model.infer.encoder)
        return self._inputs(sentences)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, PER | LOC | ORG) of every name natasha's model marks in `text`, in order."""
        from slovnet.bio import bio_spans

        tokens = razdel_tokens(text)  # razdel's tokens carry the offsets slovnet would find again
        if not tokens:
            return []
        infer = self.model.infer
        batch = self._encode([[t.text for t in tokens]])
        with one_blas_thread():
            scores = infer.model(batch.word_id, batch.shape_id, batch.pad_mask)[0]
        tags = viterbi(scores, ~batch.pad_mask[0], infer.model.head.crf.transitions.array)
        names = infer.decoder.tags_vocab.items
        return [(s.start, s.stop, s.type) for s in bio_spans(tokens, [names[t] for t in tags])]


def razdel_tokens(text: str) -> list[Any]:
    """razdel's `tokenize(text)` as a list, its rules asked only between two atoms with nothing between them.

    razdel builds a split record between every two atoms, then asks its rules only when no space separates
    them; here the record is built only then (a quarter of razdel's time). The atoms, rules and joins are
    razdel's own; a space is always a token boundary, as there (`bench/ner_tagger.py` compares the spans).

    >>> [t.text for t in razdel_tokens("В 2023-м г. Путин сказал: «Да».")]
    ['В', '2023-м', 'г', '.', 'Путин', 'сказал', ':', '«', 'Да', '»', '.']
    """
    from razdel.segmenters.tokenize import ATOM, Atom, TokenSplit
    from razdel.segmenters.tokenize import tokenize as segmenter
    from razdel.substring import Substring

    atoms = [Atom(m.start(), m.end(), m.lastgroup, m.group()) for m in ATOM.finditer(text)]
    if not atoms:
        return []
    window = segmenter.split.window
    out = []
    start, stop, buffer = atoms[0].start, atoms[0].stop, atoms[0].text
    for index in range(1, len(atoms)):
        atom = atoms[index]
        if atom.start == stop:  # nothing between: razdel's rules decide, as in TokenSegmenter.segment
            split = TokenSplit(atoms[max(0, index - window) : index], "", atoms[index : index + window])
            split.buffer = buffer
            if segmenter.join(split):
                buffer += atom.text
                stop = atom.stop
                continue
        out.append(Substring(start, stop, buffer))
        start, stop, buffer = atom.start, atom.stop, atom.text
    out.append(Substring(start, stop, buffer))
    return out


def viterbi(scores: np.ndarray, mask: np.ndarray, transitions: np.ndarray) -> list[int]:
    """The best tag path through `scores` (tokens x tags) under `transitions` (tags x tags), as slovnet's
    CRF decodes a batch of one: the step's scores are (previous + transition) + emission in float32, the
    first best kept on ties, masked tokens leaving the scores as they were. The step is held turned (to x from),
    so that the previous scores add as a row and each token's emissions as a column: no reshaping per token."""
    import numpy as np

    maximum = np.maximum.reduce
    turned = np.ascontiguousarray(transitions.T)
    columns = scores[:, :, None]
    score = scores[0]
    history: list[np.ndarray] = []
    keep = mask.tolist()
    for k in range(1, len(scores)):
        step = turned + score  # the same float32 sums as previous + transition
        step += columns[k]
        history.append(step.argmax(1))
        if keep[k]:
            score = maximum(step, 1)
    tag = int(score.argmax())
    path = [tag]
    kept = history[: int(mask.sum()) - 1]
    kept.reverse()  # not reversed(): mypy types it Any here, which mypyc cannot compile a loop over
    for best in kept:
        tag = int(best[tag])
        path.append(tag)
    path.reverse()
    return path
