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

from functools import cached_property
from typing import Any


class Embedding:
    @cached_property
    def vectors(self) -> Any:
        """natasha's news vectors as a navec `Navec` without its vocabulary (≈0.15 s to load)."""
        return _news_vectors()


def _news_vectors() -> Any:
    """What `natasha.NewsEmbedding()` reads (its tar file, its protocol check), without the word dictionary
    and the similarity norms, which no model uses."""
    import numpy as np
    from natasha.data import NEWS_EMBEDDING
    from navec import Navec
    from navec.meta import Meta
    from navec.navec import META, PQ_
    from navec.pq import PQ
    from navec.tar import Tar

    with Tar(NEWS_EMBEDDING) as tar:
        meta = Meta.from_file(tar.load(META))
        Meta.check_protocol(meta.protocol)
        file = tar.load(PQ_)
        vectors, dim, qdim, centroids = np.frombuffer(file.read(4 * 4), np.uint32)  # as PQ.from_file reads it
        indexes = np.frombuffer(file.read(vectors * qdim), np.uint8).reshape(vectors, qdim)
        codes = np.frombuffer(file.read(), np.float32).reshape(qdim, centroids, -1)
    pq = PQ.__new__(PQ)  # PQ() would also compute the norms for similarity, which the models never ask for
    pq.vectors, pq.dim, pq.qdim, pq.centroids, pq.indexes, pq.codes = vectors, dim, qdim, centroids, indexes, codes
    return Navec(meta, None, pq)
