"""entente runs natasha's NER and syntax models itself (entente/nlp/tagger.py, syntax.py, embedding.py), with
less work around them: their answers must be natasha's own, on real Russian news text."""

from __future__ import annotations

from pathlib import Path

import pytest

from entente.nlp.embedding import Embedding
from entente.nlp.sentences import sentences
from entente.nlp.syntax import Syntax, _break_cycles, _close_clauses
from entente.nlp.tagger import Tagger, viterbi
from entente.nlp.threads import one_blas_thread
from entente.nlp.tokens import tokenize

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TEXTS = [p.read_bytes().decode("utf-8", "replace") for p in sorted(EXAMPLES.glob("ru_*.txt"))
         if "cp1251" not in p.name]


@pytest.fixture(scope="module")
def natasha():
    from natasha import NewsEmbedding, NewsNERTagger, NewsSyntaxParser

    vectors = NewsEmbedding()
    return NewsNERTagger(vectors), NewsSyntaxParser(vectors)


@pytest.fixture(scope="module")
def embedding() -> Embedding:
    return Embedding()


def test_the_vectors_are_natashas(natasha, embedding):
    ours, theirs = embedding.vectors, natasha[0].infer.model.emb.word
    assert ours.meta.id == "news_v1_1B_250K_300d_100q"
    assert (ours.pq.indexes == theirs.indexes.array).all() and (ours.pq.codes == theirs.codes.array).all()


def test_the_tagger_marks_what_natasha_marks(natasha, embedding):
    tagger = Tagger(embedding)
    texts = [*TEXTS, "Владимир Путин прибыл в Пекин.", "«Газпром» и ООН", "а", "...", "Путин\n\nСи Цзиньпин"]
    marked = 0
    for text in texts:
        theirs = [(s.start, s.stop, s.type) for s in natasha[0](text).spans]
        assert tagger.spans(text) == theirs, text[:60]
        marked += len(theirs)
    assert marked > 50
    assert tagger.spans("") == [] and tagger.spans("  \n") == []


def test_viterbi_keeps_the_first_best_on_ties_and_skips_masked_tokens():
    import numpy as np

    flat = np.zeros((3, 2), dtype=np.float32)
    assert viterbi(flat, np.array([True, True, True]), np.zeros((2, 2), dtype=np.float32)) == [0, 0, 0]
    scores = np.array([[0, 3], [2, 0], [0, 3]], dtype=np.float32)  # token by token: 1, 0, 1
    stay = np.array([[0, -9], [-9, 0]], dtype=np.float32)  # changing tags costs 9: the path stays on 1
    assert viterbi(scores, np.array([True, True, True]), stay) == [1, 1, 1]
    assert viterbi(scores, np.array([True, True, True]), np.zeros((2, 2), dtype=np.float32)) == [1, 0, 1]
    assert viterbi(scores, np.array([True, False, False]), stay) == [1]


def test_the_parser_parses_as_natasha_parses(natasha, embedding):
    syntax = Syntax(embedding)
    batch = [[t.text for t in tokenize(s, "ru")] for text in TEXTS for _, _, s in sentences(text)]
    batch = [words for words in batch if 0 < len(words) <= 120]
    assert len(batch) > 20
    trees = syntax.parse(batch)
    order = sorted(range(len(batch)), key=lambda k: len(batch[k]))  # Syntax.parse sends them shortest first
    with one_blas_thread():  # as entente has always run the parser: other BLAS threads may sum otherwise
        parsed = list(natasha[1].map([batch[k] for k in order]))
    same_trees = same_words = words = 0
    for k, markup in zip(order, parsed, strict=True):
        tree = trees[k]
        assert tree is not None
        heads = [int(t.head_id) - 1 for t in markup.tokens]  # 0-based, the root's -1
        rels = [t.rel for t in markup.tokens]
        _break_cycles(heads, rels)  # as Syntax.parse does with the rare loop a parser closes
        _close_clauses(heads, rels)  # and with a word hung on a clause that opens after it
        assert len(tree.heads) == len(heads)
        same = [a == b and c == d for a, b, c, d in zip(tree.heads, heads, tree.rels, rels, strict=True)]
        same_trees, same_words, words = same_trees + all(same), same_words + sum(same), words + len(same)
    # the same numbers up to float rounding (slovnet_encoder.py): where this machine's BLAS rounds a row by the rows
    # around it, a near-tie may fall the other way (an AMD EPYC with OpenBLAS 0.3.31: 46 of 47 trees identical, 4 of
    # 1,043 words hung elsewhere); on others every tree is natasha's
    assert same_trees >= 0.95 * len(batch) and same_words >= 0.99 * words, (same_trees, len(batch), same_words, words)


def test_the_quick_word_vectors_are_slovnets_numbers(natasha):
    import numpy as np

    from entente.nlp.slovnet_load import QuickVectors

    theirs = natasha[1].infer.model.emb.word  # slovnet's NavecEmbedding
    ids = np.random.default_rng(7).integers(0, theirs.indexes.array.shape[0], size=(8, 41))
    expected = theirs(ids)
    got = QuickVectors(theirs)(ids)
    assert got.dtype == expected.dtype and got.shape == expected.shape and np.array_equal(got, expected)


@pytest.mark.parametrize("padding", [0, 1, 2])
def test_the_quick_convolution_is_slovnets(natasha, padding):
    import numpy as np
    from slovnet.exec.model import Conv1d

    from entente.nlp.slovnet_load import QuickConv1d

    rng = np.random.default_rng(3)
    for layer in natasha[0].infer.model.encoder.layers:  # 330 -> 256 -> 128 -> 64 channels, 3 positions wide
        theirs = Conv1d(layer.conv.weight, layer.conv.bias, padding)
        width = layer.conv.weight.shape[1]
        for batch, length in ((1, 1), (1, 57), (8, 13), (3, 2), (2, 3)):
            if length + 2 * padding < 3:
                continue  # no whole window: slovnet's own raises
            x = rng.standard_normal((batch, length, width), dtype=np.float32).swapaxes(2, 1)  # as the encoder's
            expected, got = theirs(x), QuickConv1d(theirs)(x)
            assert got.dtype == expected.dtype and got.shape == expected.shape
            assert np.array_equal(got, expected), (padding, batch, length)


def test_viterbi_decodes_as_slovnets_crf(natasha):
    import numpy as np

    crf = natasha[0].infer.model.head.crf  # slovnet's CRF: natasha's own decoding
    tags = crf.transitions.array.shape[0]
    rng = np.random.default_rng(11)
    for length in (1, 2, 7, 40, 300):
        for rounded in (False, True):  # rounded scores make ties, where the first best must be kept
            scores = rng.standard_normal((length, tags)).astype(np.float32) * 4
            if rounded:
                scores = np.round(scores).astype(np.float32)
            mask = np.ones(length, dtype=bool)
            expected = crf.decode(scores[None], mask[None])[0].tolist()
            assert viterbi(scores, mask, crf.transitions.array) == expected, (length, rounded)


def test_the_encoder_over_real_words_gives_slovnets_numbers_up_to_rounding(natasha, embedding):
    import numpy as np

    from entente.nlp.slovnet_encoder import MIN_ROWS, QuickEncoder

    theirs = natasha[1].infer.model  # slovnet's Syntax: its CNNEncoder runs the filters over the padding too
    syntax = Syntax(embedding)
    ours, inputs = syntax._parser.infer.model.encoder, syntax._encode
    assert isinstance(ours, QuickEncoder)
    words = [[t.text for t in tokenize(s, "ru")] for text in TEXTS for _, _, s in sentences(text)]
    words = sorted((w for w in words if 0 < len(w) <= 120), key=len)
    batches = [words[:3], words[-8:], words[::7][:8], [words[0], words[-1]], words[10:18], [words[-1]]]
    padded = 0
    with one_blas_thread():
        for batch in batches:
            x = inputs(batch)
            vectors = theirs.emb(x.word_id, x.shape_id)
            expected, got = theirs.encoder(vectors, x.pad_mask), ours(vectors, x.pad_mask)
            assert got.dtype == expected.dtype and got.shape == expected.shape and got.strides == expected.strides
            # the same numbers in the same order, up to how this machine's BLAS rounds a row among others (bit for bit
            # where it rounds each row alone: slovnet_encoder.py)
            assert np.allclose(got, expected, rtol=1e-5, atol=1e-6), [len(w) for w in batch]
            assert np.array_equal(got == 0, expected == 0)  # the padding's rows zero, as slovnet leaves them
            padded += int(x.pad_mask.sum()) > 0 and int((~x.pad_mask).sum()) >= MIN_ROWS
    assert padded >= 3  # most batches went the quick way, over padding
