"""The regular-expression tokenizer: which final dots stay on their word."""

from __future__ import annotations

import pytest

from entente.nlp.sentences import sentences
from entente.nlp.tokens import tokenize, tokens_between


@pytest.mark.parametrize("text, lang, expected", [
    # an English sentence may end with a short lower-case word: its dot is the sentence's
    ("He laughed off the attack ad.", "en", ["He", "laughed", "off", "the", "attack", "ad", "."]),
    ("It provided $500 million in aid.", "en", ["It", "provided", "$", "500", "million", "in", "aid", "."]),
    # initials and the few English abbreviations keep theirs
    ("J. Smith et al. vs. Jones", "en", ["J.", "Smith", "et", "al.", "vs.", "Jones"]),
    # Russian short abbreviations keep theirs, as before
    ("В 2010 г. ст. 5 им. Довженко", "ru", ["В", "2010", "г.", "ст.", "5", "им.", "Довженко"]),
])
def test_a_final_dot_stays_only_on_abbreviations(text, lang, expected):
    assert [t.text for t in tokenize(text, lang)] == expected


def test_a_long_text_is_tokenized_by_its_language():
    # the remembered tokens of a long text are kept apart by language: the same text gives each its own rule
    text = "The ban. " * 200
    assert tokenize(text, "en")[1].text == "ban"
    assert tokenize(text, "ru")[1].text == "ban."


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_sentence_has_the_whole_texts_tokens(lang):
    # the event coder tokenizes only the sentences it reads: each must get what the whole text has there
    text = ("«Переговоры продолжатся», — сказал Д. Песков. В 2010 г. стороны (РФ и США) подписали договор...\n\n"
            "The U.S. and Iran's envoy met on Monday. \"It was a start.\" Talks resume in May!")
    every = tokenize(text, lang)
    for start, end, _ in sentences(text):
        assert tokens_between(text, start, end, lang) == [t for t in every if start <= t.start < end]
