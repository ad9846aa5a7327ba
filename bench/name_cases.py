"""Base names in the oblique cases: how many case forms of the knowledge base's own Russian and Ukrainian names the
gazetteer does not find as their entry.

    .venv/bin/python bench/name_cases.py [--json] [--list]

Forms come from pymorphy3's inflection of each word: for every UN member state the first two ru / uk names (not
acronyms, not hyphenated or dashed ones) into the genitive, dative, instrumental and prepositional; for every
organization and body of orgs.toml / bodies.toml each multi-word ru / uk name into the genitive (the words up to
and including the first noun inflected, the rest as written). Each form is read inside a short sentence and
counted as unmatched when no hit of the gazetteer is that entry. Some of pymorphy3's forms of unknown words are
its own guesses («Республике Тому»), so a few misses are not real forms.
"""

from __future__ import annotations

import argparse
import json
import tomllib
from importlib import resources

import pymorphy3

from entente.actors.kb import KnowledgeBase
from entente.extract.gazetteer import scan
from entente.nlp.morph import dictionary
from entente.nlp.tokens import tokenize

CASES = ("gent", "datv", "ablt", "loct")
INFLECTED = {"NOUN", "ADJF"}


def _data(name: str) -> dict:
    return tomllib.loads((resources.files("entente.actors") / "data" / name).read_text("utf-8"))


def _found(kb: KnowledgeBase, phrase: str, lang: str) -> set[str]:
    text = f"Посол {phrase} прибыл."
    return {h.entry.id for m in scan(text, tokenize(text, lang), kb, lang=lang) for h in m.hits}


def _cased(form: str, word: str) -> str:
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


def country_misses(kb: KnowledgeBase, analyzers: dict) -> list[tuple[str, str, str]]:
    """(code, lang, form) of every member state's case form the gazetteer does not find as that state."""
    missed = []
    for code, d in _data("countries.toml").items():
        for lang in ("ru", "uk") if d["status"] == "member" else ():
            for name in [n for n in d[lang][:2] if not n.isupper() and "-" not in n and "—" not in n]:
                for case in CASES:
                    words = []
                    for word in name.split():
                        parses = analyzers[lang].parse(word)
                        p = next((x for x in parses if INFLECTED & set(x.tag.grammemes)), parses[0])
                        words.append(_cased((p.inflect({case}) or p).word, word))
                    if code not in _found(kb, " ".join(words), lang):
                        missed.append((code, lang, " ".join(words)))
    return missed


def body_misses(kb: KnowledgeBase, analyzers: dict) -> tuple[int, list[tuple[str, str, str]]]:
    """How many organization and body names were tried, and (key, lang, form) of the genitives not found."""
    tried, missed = 0, []
    for file in ("orgs.toml", "bodies.toml"):
        for key, d in _data(file).items():
            for lang in ("ru", "uk") if isinstance(d, dict) else ():
                for name in [n for n in d.get(lang, []) if not n.isupper() and len(n.split()) > 1]:
                    words, head_done = [], False
                    for word in name.split():
                        p = next(
                            (x for x in analyzers[lang].parse(word)
                             if INFLECTED & set(x.tag.grammemes) and "nomn" in x.tag.grammemes),
                            None,
                        )
                        if head_done or p is None:
                            words.append(word)
                            continue
                        words.append(_cased((p.inflect({"gent"}) or p).word, word))
                        head_done = "NOUN" in p.tag.grammemes
                    tried += 1
                    found = _found(kb, " ".join(words), lang)
                    if key not in found and not any(x.endswith(key) for x in found):
                        missed.append((key, lang, " ".join(words)))
    return tried, missed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="one JSON object")
    ap.add_argument("--list", action="store_true", help="list every unmatched form")
    args = ap.parse_args()
    kb = KnowledgeBase.load()
    analyzers = {lang: pymorphy3.MorphAnalyzer(path=dictionary(lang), lang=lang) for lang in ("ru", "uk")}
    countries = country_misses(kb, analyzers)
    tried, bodies = body_misses(kb, analyzers)
    result = {"member_state_forms_unmatched": len(countries), "body_genitives_tried": tried,
              "body_genitives_unmatched": len(bodies)}
    if args.list:
        result |= {"countries": countries, "bodies": bodies}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    print(f"member states, 4 oblique cases: {len(countries)} forms unmatched")
    print(f"organizations and bodies, genitive: {len(bodies)} of {tried} unmatched")
    for row in (countries + bodies) if args.list else ():
        print("  ", *row)


if __name__ == "__main__":
    main()
