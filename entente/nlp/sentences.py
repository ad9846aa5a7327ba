"""Sentence boundaries with offsets: enough for event coding, where a sentence is the unit of evidence.

A sentence ends at . ! ? … followed by space and a capital, a digit or an opening quote, except after
initials («В. Путин») and short abbreviations («г.», "Mr."); a paragraph break always ends one.

>>> [text for _, _, text in sentences("Путин прибыл в Пекин. В. Путин встретился с Си. Итог «важен».")]
['Путин прибыл в Пекин.', 'В. Путин встретился с Си.', 'Итог «важен».']
"""

from __future__ import annotations

import re

# the end mark, then what follows it (group 1: its span is where a sentence ends and the next may begin). The mark is
# matched, not looked behind for: a pattern opening with a character class is searched for by that class alone
_END = re.compile(r"[.!?…]([»\"”)]*\s+(?=[«\"„“(]?[A-ZА-ЯЁІЇЄҐ0-9]))")
_ABBREVIATIONS = "г|гг|т|ул|им|см|ст|мм|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|No|vs|etc|і|ім|м|вул|р|рр|тис|млн|млрд"
_NO_END = re.compile(rf"(?:\b[A-ZА-ЯЁІЇЄҐ]|\b(?:{_ABBREVIATIONS}))\.$")


def sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each sentence, in order."""
    out: list[tuple[int, int, str]] = []
    start = 0
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        start = para.start()
        for m in _END.finditer(text, para.start(), para.end()):
            piece = text[start:m.start(1)].rstrip()
            if _NO_END.search(piece[-6:]):
                continue
            out.append((start, start + len(piece), piece))
            start = m.end()
        piece = text[start:para.end()].strip()
        if piece:
            s = text.index(piece, start)
            out.append((s, s + len(piece), piece))
    return out
