"""How often a Latin-script person's surname, written in Cyrillic, is read back to its own spelling.

The test set is the knowledge base's own people of Latin-script countries (`people_west.toml`): each
Russian and Ukrainian full name whose words line up with the English name gives one surname. A surname
counts as right when the whole name (the given name as the base spells it, then the reading) matches
the English name as the development gold's scorer compares names (`score_seeds.same_name`: folded,
sorted words, a few romanization variants, similarity >= 0.85), and exactly when the folded spellings
are equal. Two readings are compared: BGN/PCGN (or the Ukrainian national system) and `translit.western`.

    .venv/bin/python bench/western_names.py [--misses]
"""

from __future__ import annotations

import argparse
import difflib
import re
import tomllib
import unicodedata
from importlib import resources

from entente.actors.translit import romanize

VARIANTS = [("zh", "j"), ("kh", "h"), ("ts", "c"), ("iy", "i"), ("yy", "i"), ("y", "i"), ("ai", "ay"), ("dj", "j")]


def fold(s: str) -> str:
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return re.sub(r"[^\w' ]+", " ", s.lower().replace("’", "'"))


def key(s: str) -> str:
    k = " ".join(sorted(fold(s).replace("-", " ").split()))
    for a, b in VARIANTS:
        k = k.replace(a, b)
    return re.sub(r"(.)\1", r"\1", k)


def same(a: str, b: str) -> bool:
    ka, kb = key(a), key(b)
    return ka == kb or difflib.SequenceMatcher(None, ka, kb).ratio() >= 0.85


def surnames() -> list[tuple[str, str, str, str]]:
    """(lang, Cyrillic surname, English given names, English surname) from the base's Western people."""
    text = resources.files("entente.actors").joinpath("data/people_west.toml").read_text("utf-8")
    out = []
    for person in tomllib.loads(text)["person"]:
        latin = person["name"].split()
        for lang in ("ru", "uk"):
            for form in person.get(lang, [])[:1]:
                cyr = form.split()
                if len(cyr) == len(latin) >= 2 and cyr[-1].replace("-", "").isalpha():
                    out.append((lang, cyr[-1], " ".join(latin[:-1]), latin[-1]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the surnames the Western reading misses")
    args = parser.parse_args()
    from entente.actors.translit import western  # here, so that `same` is importable with older code

    items = surnames()
    for label, read in (("BGN/PCGN", romanize), ("western", western)):
        close = exact = 0
        misses = []
        for lang, cyr, given, surname in items:
            got = read(cyr, lang)
            exact += fold(got) == fold(surname)
            if same(f"{given} {got}", f"{given} {surname}"):
                close += 1
            else:
                misses.append(f"{lang} {cyr} -> {got} ({surname})")
        print(f"{label:9s} {len(items)} surnames: as the scorer compares names {close / len(items):.3f}, "
              f"exactly {exact / len(items):.3f}")
        if args.misses and label == "western":
            print("\n".join(misses))


if __name__ == "__main__":
    main()
