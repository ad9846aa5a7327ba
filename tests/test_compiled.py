"""The guard against a stale compiled module in a source checkout (entente/compiled.py, README: make fast), and
what is pickled coming back the same (it runs on the compiled wheel too: `make test-fast`)."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import entente
from entente.actors.kb import KnowledgeBase, form_keys
from entente.compiled import stale
from entente.errors import FetchError, MalformedInput
from entente.extract.event_lexicon import _TABLES, Lexicon
from entente.extract.roles import Roles
from entente.models import Actor, Analysis, Article, Event, Line, Mention, Paragraph, Quote, Removed
from entente.nlp.morph import Morph
from entente.nlp.tokens import tokenize


def _tree(tmp_path, checkout=True):
    package = tmp_path / "entente" / "nlp"
    package.mkdir(parents=True)
    if checkout:
        (tmp_path / "pyproject.toml").write_text("[project]\nname = 'entente'\n")
    source, built = package / "tokens.py", package / "tokens.cpython-311-x86_64-linux-gnu.so"
    source.write_text("X = 1\n")
    built.write_bytes(b"\x7fELF")
    return tmp_path / "entente", source, built


def test_a_compiled_module_older_than_its_source_is_found(tmp_path):
    package, source, built = _tree(tmp_path)
    os.utime(built, (1_000_000, 1_000_000))
    os.utime(source, (2_000_000, 2_000_000))
    assert stale(package) == [(built, source)]


def test_a_fresh_compiled_module_passes(tmp_path):
    package, source, built = _tree(tmp_path)
    os.utime(source, (1_000_000, 1_000_000))
    os.utime(built, (2_000_000, 2_000_000))
    assert stale(package) == []


def test_an_installed_package_is_not_looked_at(tmp_path):
    package, source, built = _tree(tmp_path, checkout=False)  # site-packages: no pyproject.toml beside it
    os.utime(built, (1_000_000, 1_000_000))
    assert stale(package) == []


def test_importing_a_tree_with_a_stale_module_fails_loudly(tmp_path):
    root = tmp_path / "checkout"
    shutil.copytree(Path(entente.__file__).parent, root / "entente", ignore=shutil.ignore_patterns("*.so"))
    (root / "pyproject.toml").write_text("[project]\nname = 'entente'\n")
    built = root / "entente" / "models.cpython-311-x86_64-linux-gnu.so"
    built.write_bytes(b"not a module")
    os.utime(built, (1_000_000, 1_000_000))
    run = subprocess.run([sys.executable, "-c", "import entente"], capture_output=True, text=True, cwd=root,
                         env={**os.environ, "PYTHONPATH": str(root)})
    assert run.returncode != 0 and "is older than" in run.stderr and "models.py" in run.stderr


# --- what is pickled: articles and analyses to worker processes and back, the knowledge base, the event lexicon's
# tables and the role nouns to the disk cache. Compiled by mypyc, a frozen dataclass would unpickle through its
# refusing __setattr__ and Roles through __init__ without arguments (BENCHMARKS.md, "mypyc"): these run on both.


def _again(value):
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def test_articles_analyses_and_errors_come_back_from_a_pickle_the_same():
    article = Article("a.jsonl", "Лавров встретился с Ван И.", url="https://example.org/a", line=3)
    event = Event("e1", "CONSULT", "visit", ("diplomacy",), ("RUS",), ("CHN",), "2025-04-01", "place:beijing", False,
                  "asserted", "встретился", "Лавров встретился с Ван И.", 0, 26, 0.8, historical=True, rule="meet")
    actor = Actor("person:sergey-lavrov", "Sergey Lavrov", "person", "RUS", "GOV",
                  (Mention(0, 6, "Лавров", "full name"),))
    analysis = Analysis("abc", "a.jsonl", lang="ru", text=article.text, paragraphs=(Paragraph(0, 26, "ru"),),
                        removed=(Removed(2, "Реклама", "ad"),), actors=(actor,),
                        quotes=(Quote("person:sergey-lavrov", "Лавров", "мы договорились", 0, 26, partial=True),),
                        events=(event,), lines=(Line(1, article.text, "body", None, "body"),))
    for value in (article, event, actor, analysis):
        back = _again(value)
        assert back == value and type(back) is type(value) and back is not value
    assert _again(analysis).lines == analysis.lines  # not compared by ==, pickled all the same
    assert _again(article).id == article.id
    error = _again(MalformedInput("a.jsonl", "not an article", 3))
    assert (type(error), error.file, error.reason, error.line, str(error)) == (
        MalformedInput, "a.jsonl", "not an article", 3, "a.jsonl:3: not an article")
    fetch = _again(FetchError("https://example.org/", "timed out", transient=True))
    assert (type(fetch), fetch.file, fetch.reason, fetch.transient) == (FetchError, "https://example.org/",
                                                                         "timed out", True)


def test_the_knowledge_base_the_lexicon_and_the_role_nouns_come_back_from_a_pickle_the_same(monkeypatch):
    monkeypatch.setenv("ENTENTE_CACHE", "off")  # built here, not read from a cache
    kb = KnowledgeBase.load(cache=False)
    back = _again(kb)
    assert type(back) is KnowledgeBase
    assert (back.entries, dict(back.index), back.prefixes, dict(back.stems), back.bodies, back.max_words,
            dict(back.given), dict(back.latin.votes), back.family_first, back.first_names, back.russian_name) == (
        kb.entries, dict(kb.index), kb.prefixes, dict(kb.stems), kb.bodies, kb.max_words, dict(kb.given),
        dict(kb.latin.votes), kb.family_first, kb.first_names, kb.russian_name)
    lavrov = back.lookup(form_keys("Сергей Лавров", "ru"), "ru")
    assert lavrov and lavrov == kb.lookup(form_keys("Сергей Лавров", "ru"), "ru") and lavrov[0].entry.roles
    lexicon = Lexicon(Morph())
    tables = {name: getattr(lexicon, name) for name in _TABLES}  # what the lexicon keeps in the disk cache
    assert _again(tables) == tables and tables["triggers"]["ru"] and tables["cues"]["en"].negation
    roles = Roles.load()
    again = _again(roles)
    assert type(again) is Roles and (again.index, dict(again.first)) == (roles.index, dict(roles.first))
    tokens = tokenize("экс-министр иностранных дел", "ru")
    assert again.at(tokens, 0) == roles.at(tokens, 0) is not None
