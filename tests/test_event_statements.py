"""The clauses reported speech opens: which words a «что» / "that" before them governs."""

from __future__ import annotations

from entente.extract.event_statements import _opened_by_that
from entente.nlp.tokens import tokenize


def test_a_that_opens_the_words_of_its_clause_but_the_first():
    tokens = tokenize("Он заявил, что Россия должна, по его словам, уйти, что это ясно", "ru")
    opened = _opened_by_that(tokens, 3)
    # «Россия» and «это» stand right after their «что»; a comma closes the first clause after «должна»
    words = [(t.text, opened[k]) for k, t in enumerate(tokens) if t.is_word and opened[k] is not None]
    assert words == [("должна", 3), ("ясно", 13)]
