"""The public API is small and frozen; every CLI option and setting is documented."""

import dataclasses
import re
from pathlib import Path

import pytest

import entente
from entente.cli import _parser
from entente.settings import Settings, settings_help

ROOT = Path(__file__).resolve().parents[1]


def test_public_names_are_frozen():
    assert sorted(entente.__all__) == [
        "Actor", "Analysis", "Article", "EntenteError", "Event", "InputError", "Mention", "Paragraph",
        "Pipeline", "Quote", "Removed", "Settings", "analyze",
    ]


def test_models_are_frozen():
    a = entente.Analysis(id="x", file="f")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.title = "changed"  # type: ignore[misc]


def test_analyze_text_and_path(tmp_path):
    text = "Си Цзиньпин прибыл в Москву\n\nПредседатель КНР Си Цзиньпин прибыл в Москву с государственным визитом."
    by_text = entente.analyze(text)
    path = tmp_path / "visit.txt"
    path.write_text(text, encoding="cp1251")
    by_path = entente.analyze(str(path))
    assert by_text.title == by_path.title == "Си Цзиньпин прибыл в Москву"
    assert by_text.text == by_path.text and by_text.lang == "ru"


def test_pipeline_steps_are_named_in_order():
    assert entente.Pipeline().names == (
        "extract", "split", "body", "title", "published", "source", "language", "actors", "quotes", "events")


def test_settings_reject_bad_values():
    with pytest.raises(ValueError, match="errors"):
        Settings(errors="ignore")


def test_every_setting_has_help():
    assert all(len(h) > 10 for h in settings_help().values())
    assert set(settings_help()) == {f.name for f in dataclasses.fields(Settings)}


def _options(parser):
    for action in parser._actions:
        if hasattr(action, "choices") and isinstance(action.choices, dict):
            for name, sub in action.choices.items():
                yield name, [o for o in sub._option_string_actions if o.startswith("--")]
                assert all(a.help for a in sub._actions), name


def test_every_cli_command_and_option_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command, options in _options(_parser()):
        assert re.search(rf"entente {command}\b", readme), command
        for option in options:
            if option != "--help":
                assert option in readme, f"{command} {option}"


def test_analyze_takes_a_sentence_longer_than_a_file_name_may_be():
    text = ("Посол России в КНР Андрей Денисов встретился со спецпредставителем МИД КНР Чэн Гопином в Пекине. "
            "Стороны обсудили сотрудничество в области безопасности.")
    assert len(text.encode("utf-8")) > 255  # longer than a file name may be: is_file() raises, not False
    assert entente.analyze(text).lang == "ru"
