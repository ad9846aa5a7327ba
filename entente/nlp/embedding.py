"""natasha's Russian news word vectors (navec, shipped inside the natasha wheel), loaded on first use.

One `Embedding` is shared by the recognizer's NER tagger and the syntax parser, so the vectors load once per
process, and only in a process that meets Russian text: English and Ukrainian never need them.

natasha's models take only the vectors' id and their quantized table (`pq.indexes`, `pq.codes`) from it; what
`NewsEmbedding()` builds besides — a dictionary of its 250,000 words and the norms for word similarity, two
thirds of its load time — is left out here, so the models get the very same arrays sooner.

>>> vectors = Embedding().vectors
>>> vectors.meta.id, vectors.pq.indexes.shape
('news_v1_1B_250K_300d_100q', (250002, 100))
"""

from __future__ import annotations

from typing import Any


def natasha_data(*parts: str) -> str:
    """The path of a file natasha ships (its vectors, its models), found without importing natasha, whose
    package imports everything it has (≈0.1 s we do not need: its models are slovnet's)."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("natasha is not installed")
    return os.path.join(list(spec.submodule_search_locations)[0], "data", *parts)


class Embedding:
    def __init__(self) -> None:
        # the models' vocabularies by content: the NER tagger and the parser share their 250,000 words
        self.vocabularies: dict[str, Any] = {}  # by the sha256 of their content
        # loaded on first use; not functools.cached_property, which mypyc compiles into a load at every access
        self._vectors: Any = None

    @property
    def vectors(self) -> Any:
        """natasha's news vectors as a navec `Navec` without its vocabulary (≈0.15 s to load)."""
        if self._vectors is None:
            from entente.lasting import loading

            with loading():
                self._vectors = _news_vectors()
        return self._vectors


def _news_vectors() -> Any:
    """What `natasha.NewsEmbedding()` reads (its tar file, its protocol check), without the word dictionary
    and the similarity norms, which no model uses."""
    import numpy as np
    from navec import Navec
    from navec.meta import Meta
    from navec.navec import META, PQ_
    from navec.pq import PQ
    from navec.tar import Tar

    with Tar(natasha_data("emb", "navec_news_v1_1B_250K_300d_100q.tar")) as tar:
        meta = Meta.from_file(tar.load(META))
        Meta.check_protocol(meta.protocol)
        file = tar.load(PQ_)
        vectors, dim, qdim, centroids = np.frombuffer(file.read(4 * 4), np.uint32)  # as PQ.from_file reads it
        indexes = np.frombuffer(file.read(vectors * qdim), np.uint8).reshape(vectors, qdim)
        codes = np.frombuffer(file.read(), np.float32).reshape(qdim, centroids, -1)
    pq = PQ.__new__(PQ)  # PQ() would also compute the norms for similarity, which the models never ask for
    pq.vectors, pq.dim, pq.qdim, pq.centroids, pq.indexes, pq.codes = vectors, dim, qdim, centroids, indexes, codes
    return Navec(meta, None, pq)
