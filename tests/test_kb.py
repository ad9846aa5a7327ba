"""The knowledge base as data: coverage the issue asks for, and consistency a typo would break."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from entente.actors.kb import KnowledgeBase, Role

DATA = resources.files("entente.actors") / "data"
ROLE_KEYS = set(tomllib.loads((resources.files("entente.extract") / "data" / "roles.toml").read_text("utf-8")))
SECTORS = {"GOV", "MIL", "JUD", "LEG", "PTY", "OPP", "REB", "COP", "SPY", "MED", "BUS", "CVL", "IGO", "NGO", "EDU",
           "REL", "ELI"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def load(name: str) -> dict:
    return tomllib.loads((DATA / name).read_text("utf-8"))


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def persons() -> list[dict]:
    return [p for f in sorted(x.name for x in DATA.iterdir() if x.name.startswith("people")) for p in load(f)["person"]]


def test_every_un_member_and_observer_state_with_three_languages():
    countries = load("countries.toml")
    status = [d["status"] for d in countries.values()]
    assert status.count("member") == 193 and status.count("observer") == 2
    for code, d in countries.items():
        assert re.fullmatch(r"[A-Z]{3}", code), code
        assert d["en"] and d["ru"] and d["uk"], code


def test_at_least_400_people_each_with_names_country_sector_and_dated_roles():
    people = persons()
    assert len(people) >= 400
    countries = set(load("countries.toml"))
    assert len({p["name"] for p in people}) == len(people), "a person is listed twice"
    for p in people:
        assert p["en"] and p["ru"] and p["country"] in countries, p["name"]
        assert p["sector"] in SECTORS, p["name"]
        for r in p["roles"]:
            assert r["key"] in ROLE_KEYS, (p["name"], r)
            for end in ("from", "to"):
                assert end not in r or DATE.match(str(r[end])), (p["name"], r)
            assert str(r.get("from", "")) <= str(r.get("to", "9999")), (p["name"], r)


def test_international_organizations_named_in_the_issue_are_there(kb):
    for key in ("UN", "NATO", "EU", "SCO", "BRICS", "CSTO", "EAEU", "OSCE", "IAEA", "G7", "G20", "ASEAN", "AU",
                "OPEC", "IMF", "WB"):
        assert f"org:{key}" in kb.entries, key
        assert kb.entries[f"org:{key}"].sector == "IGO", key


def test_role_dates_compare_at_the_coarser_precision():
    role = Role("president", start="2012-05-07", end="2025")
    assert role.holds("2025-06-01") and role.holds("2012") and not role.holds("2026") and not role.holds("2011-12")


@pytest.mark.parametrize("form, expected", [
    ("Путина", "person:vladimir-putin"), ("Путіним", "person:vladimir-putin"), ("Си Цзиньпина", "person:xi-jinping"),
    ("Сергієм Лавровим", "person:sergey-lavrov"), ("Китая", "CHN"), ("Китаю", "CHN"), ("Росією", "RUS"),
    ("Нигерии", "NGA"), ("Нигера", "NER"), ("Харьковской области", "place:kharkiv-oblast"),
])
def test_case_forms_reach_their_entry(kb, form, expected):
    from entente.extract.gazetteer import scan
    from entente.nlp.tokens import tokenize

    lang = "uk" if any(c in form for c in "іїєґ") else "ru"
    tokens = tokenize(form, lang)
    [match] = scan(form, tokens, kb)
    assert (match.start, match.end) == (0, len(tokens))
    assert match.hits[0].entry.id == expected


@pytest.mark.parametrize("text, lang, country", [
    ("демонстрации в Фейсалабаде", "ru", "PAK"), ("протесты в Газиантепе", "ru", "TUR"),
    ("в Сан-Бернардино", "ru", "USA"), ("у Нюрнберзі", "uk", "DEU"), ("протести в Ганновері", "uk", "DEU"),
    ("у Сан-Бернардіно", "uk", "USA"), ("a shooting in San Bernardino", "en", "USA"),
    ("arrested in Gaziantep", "en", "TUR"), ("in Nuremberg", "en", "DEU"),
])
def test_cities_that_are_no_capital_reach_their_country(kb, text, lang, country):
    from entente.extract.gazetteer import scan
    from entente.nlp.tokens import tokenize

    tokens = tokenize(text, lang)
    [match] = scan(text, tokens, kb, lang=lang)
    assert match.hits[0].entry.type == "location" and match.hits[0].entry.country == country


# city names left out of places.toml because their key is that of a common word or a name (see its comments)
@pytest.mark.parametrize("text, lang", [
    ("Турки заявили", "ru"), ("Гену любили", "ru"), ("Давай", "ru"), ("Себе", "ru"), ("Секундер Кермани", "ru"),
    ("Андреа Лидсом", "ru"), ("Решта депутатів", "uk"), ("Коби", "uk"), ("ТОВ «Енселко Агро»", "uk"),
    ("Ben Rhodes said", "en"),
])
def test_words_that_share_a_city_key_are_no_city(kb, text, lang):
    from entente.extract.gazetteer import scan
    from entente.nlp.tokens import tokenize

    matches = scan(text, tokenize(text, lang), kb, lang=lang)
    assert not [h.entry.id for m in matches for h in m.hits if h.entry.id.startswith("place:")]


@pytest.mark.parametrize("form, lang, expected", [
    ("Північний потік-2", "uk", "org:NORD-STREAM-2"), ("Nord Stream 2 AG", "ru", "org:NORD-STREAM-2"),
    ("Nord Stream AG", "ru", "org:NORD-STREAM"), ("Партії регіонів", "uk", "org:UKR-PR"),
    ("Антимонопольного комітету України", "uk", "org:UKR-AMCU"), ("Твиттере", "ru", "org:USA-TWITTER"),
    ("Русская православная церковь", "ru", "org:RUS-ROC"), ("Техрик-э-Лабаик", "ru", "org:PAK-TLP"),
    ("Democratic National Committee", "en", "org:USA-DNC"), ("DNC", "en", "org:USA-DNC"),
    ("Коллегии выборщиков", "ru", "org:USA-ELECTORAL-COLLEGE"), ("Ъ", "ru", "org:RUS-KOMMERSANT"),
])
def test_organizations_the_press_names_often_reach_their_entry(kb, form, lang, expected):
    from entente.extract.gazetteer import scan
    from entente.nlp.tokens import tokenize

    tokens = tokenize(form, lang)
    [match] = scan(form, tokens, kb, lang=lang)
    assert (match.start, match.end) == (0, len(tokens))
    assert match.hits[0].entry.id == expected


def test_every_organization_has_a_name_a_known_sector_and_a_country_of_the_base():
    countries = set(load("countries.toml"))
    for key, d in load("orgs.toml").items():
        assert d["name"] and any(d.get(lang) for lang in ("en", "ru", "uk")), key
        assert d.get("sector", "NGO") in SECTORS, key
        assert d.get("country", "RUS") in countries, key


# Case forms of the base's own names (bench/name_cases.py, pymorphy3's inflection): what the gazetteer leaves
# unmatched is pinned at the last change (206 member-state forms and 270 of 1,406 body genitives before the keys
# learnt -их, -ої, -еи, -ами, -ці and the rest; a few left are pymorphy's own guesses, «Республике Тому»)
MAX_UNMATCHED = {"member_state_forms_unmatched": 20, "body_genitives_unmatched": 58}


def test_base_names_in_the_oblique_cases_are_their_entries():
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, str(root / "bench" / "name_cases.py"), "--json"], capture_output=True,
                          text=True, check=True)
    counts = json.loads(proc.stdout)
    assert counts["body_genitives_tried"] > 1000, counts
    assert all(counts[k] <= pinned for k, pinned in MAX_UNMATCHED.items()), counts
