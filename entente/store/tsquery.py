"""The search syntax of `entente search` (FTS5's) as a PostgreSQL tsquery, so both stores take the same queries.

    words           all of them (AND)           Лавров Ван      -> 'Лавров' & 'Ван'
    "a phrase"      the words in a row          "Ван И"         -> 'Ван И' (PostgreSQL: 'ван' <-> 'и')
    a OR b          either                      Путин OR Путін  -> 'Путин' | 'Путін'
    a NOT b         a without b                 Китай NOT Тайвань -> 'Китай' & !'Тайвань'
    prefix*         any word starting so        Лавров*         -> 'Лавров':*
    ( ... )         grouping

AND binds tighter than OR, as in FTS5. Each word goes to PostgreSQL quoted, so its own parser splits it
as it split the documents (`российско-китайского`, `2023-03-21`, `U.S.`) and the 'simple' configuration
lower-cases it.
"""

from __future__ import annotations

import re

from entente.errors import QueryError

_TOKEN = re.compile(r'"([^"]*)"|(\()|(\))|([^\s()"]+)')
MAX_CHARS, MAX_TERMS = 1000, 64
EXAMPLE = 'e.g. Лавров Ван, "Ван И", Путин OR Путін, Лавров NOT Путин, Москв*'


def check(query: str) -> None:
    """Raise QueryError (the reason and an example) for a query the syntax above does not read: unbalanced
    quotes or parentheses, an operator without its operands, `-word` (FTS5 has no minus), `*` inside a
    word, or more than MAX_TERMS words (a search of a word repeated thousands of times takes minutes)."""
    def fail(reason: str) -> QueryError:
        return QueryError(f"search query {query[:80]!r}: {reason}; {EXAMPLE}")

    if len(query) > MAX_CHARS:
        raise fail(f"longer than {MAX_CHARS} characters")
    if query.count('"') % 2:
        raise fail("a quote is not closed")
    depth, operand, terms = 0, False, 0  # operand: the last thing read can end an expression
    for m in _TOKEN.finditer(query):
        phrase, opening, closing, word = m.groups()
        if opening is not None:
            if operand:
                operand = False  # an implicit AND before the group
            depth += 1
        elif closing is not None:
            if depth == 0:
                raise fail("a ')' without its '('")
            if not operand:
                raise fail("'()' or an operator right before ')'")
            depth -= 1
        elif word in ("AND", "OR", "NOT"):
            if not operand:
                raise fail(f"{word} needs a word before it (NOT too: Лавров NOT Путин)")
            operand = False
        else:
            text = phrase if phrase is not None else word.rstrip("*")
            if word is not None and word[0] in "-+":
                raise fail(f"{word!r}: there is no '{word[0]}' operator (to leave a word out: Лавров NOT Путин)")
            if word is not None and "*" in text:
                raise fail(f"{word!r}: '*' only at the end of a word (a prefix)")
            if not text.strip():
                raise fail("an empty phrase or a lone '*'")
            terms += 1
            operand = True
    if terms > MAX_TERMS:
        raise fail(f"more than {MAX_TERMS} words")
    if depth:
        raise fail("a '(' is not closed")
    if terms and not operand:
        raise fail("it ends with an operator")


def to_fts5(query: str) -> str:
    """The query for SQLite FTS5, every word quoted (so `U.S.` and `российско-китайского` are searched as
    the phrase of their parts, as PostgreSQL does, and not read as column filters or syntax); check() first."""
    out = []
    for m in _TOKEN.finditer(query):
        phrase, opening, closing, word = m.groups()
        if opening is not None or closing is not None or word in ("AND", "OR", "NOT"):
            out.append(m.group(0))
        elif phrase is not None:
            out.append('"' + " ".join(phrase.split()) + '"')
        else:
            bare = word.rstrip("*")
            out.append('"' + bare.replace('"', '""') + '"' + ("*" if bare != word else ""))
    return " ".join(out)


def to_tsquery(query: str) -> str:
    """The tsquery text for an FTS5-style query."""
    out: list[str] = []
    pending = ""  # operator to put before the next operand
    for m in _TOKEN.finditer(query):
        phrase, opening, closing, word = m.groups()
        if closing is not None:
            out.append(")")
            pending = " & "
            continue
        if word in ("AND", "OR", "NOT"):
            first = not out or out[-1].endswith("(")  # nothing to join to: only NOT means something
            pending = ("!" if word == "NOT" else "") if first else {"AND": " & ", "OR": " | ", "NOT": " & !"}[word]
            continue
        if opening is not None:
            operand = "("
        elif phrase is not None:
            operand = _lexeme(" ".join(phrase.split())) if phrase.strip() else ""
        else:
            bare = word.rstrip("*")
            operand = (_lexeme(bare) + (":*" if bare != word else "")) if bare else ""
        if not operand:
            continue
        out.append(pending + operand)
        pending = "" if operand == "(" else " & "
    return "".join(out)


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
