"""natasha's slovnet models (NER tagger, syntax parser) loaded as slovnet's `NER.load` and `Syntax.load` load
them, but with the vocabularies they have in common read once: both models carry the same 250,000-word
vocabulary and the same shapes, and building a vocabulary's index is most of a model's load time.

>>> from entente.nlp.embedding import Embedding, natasha_data
>>> vocabs = {}
>>> ner = load_ner(natasha_data("model", "slovnet_ner_news_v1.tar"), Embedding().vectors, vocabs)
>>> parser = load_syntax(natasha_data("model", "slovnet_syntax_news_v1.tar"), Embedding().vectors, vocabs)
>>> ner.infer.encoder.words_vocab is parser.infer.encoder.words_vocab
True
"""

from __future__ import annotations

from typing import Any

BATCH_SIZE = 8  # slovnet's default, as natasha's NewsNERTagger and NewsSyntaxParser load them


def load_ner(path: str, vectors: Any, vocabs: dict[bytes, Any]) -> Any:
    """slovnet's `NER.load(path).navec(vectors)`, its word and shape vocabularies taken from `vocabs` when an
    earlier model had the very same ones (and left there for the next)."""
    from slovnet.api import NER
    from slovnet.const import SHAPE, TAG, WORD
    from slovnet.exec.encoders import TagEncoder
    from slovnet.exec.infer import NERInfer, TagDecoder
    from slovnet.exec.model import NER as NERModel
    from slovnet.exec.pack import Pack

    with Pack(path) as pack:
        pack.load_meta().check_protocol()
        model = pack.load_model(NERModel)
        arrays = dict(pack.load_arrays(model.weights))
        words, shapes, tags = (_vocab(pack, kind, vocabs) for kind in (WORD, SHAPE, TAG))
    infer = NERInfer(model.inject_arrays(arrays), TagEncoder(words, shapes, BATCH_SIZE), TagDecoder(tags))
    return NER(infer, BATCH_SIZE).navec(vectors)


def load_syntax(path: str, vectors: Any, vocabs: dict[bytes, Any]) -> Any:
    """slovnet's `Syntax.load(path).navec(vectors)`, vocabularies shared as in `load_ner`."""
    from slovnet.api import Syntax
    from slovnet.const import REL, SHAPE, WORD
    from slovnet.exec.encoders import SyntaxEncoder
    from slovnet.exec.infer import SyntaxDecoder, SyntaxInfer
    from slovnet.exec.model import Syntax as SyntaxModel
    from slovnet.exec.pack import Pack

    with Pack(path) as pack:
        pack.load_meta().check_protocol()
        model = pack.load_model(SyntaxModel)
        arrays = dict(pack.load_arrays(model.weights))
        words, shapes, rels = (_vocab(pack, kind, vocabs) for kind in (WORD, SHAPE, REL))
    infer = SyntaxInfer(model.inject_arrays(arrays), SyntaxEncoder(words, shapes, BATCH_SIZE), SyntaxDecoder(rels))
    return Syntax(infer, BATCH_SIZE).navec(vectors)


def _vocab(pack: Any, kind: str, vocabs: dict[bytes, Any]) -> Any:
    """The vocabulary `kind` of the model in `pack` (slovnet's `Pack.load_vocab`): the one already built from
    the same content, else built and kept there."""
    import gzip

    from slovnet.exec.pack import vocab_name
    from slovnet.vocab import Vocab

    content = gzip.decompress(pack.read(vocab_name(kind)))  # the archives' gzip headers may differ, not this
    if content not in vocabs:
        vocabs[content] = Vocab(content.decode("utf8").splitlines())
    return vocabs[content]
