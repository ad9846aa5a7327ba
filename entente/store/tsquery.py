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

_TOKEN = re.compile(r'"([^"]*)"|(\()|(\))|([^\s()"]+)')


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
