"""The command line speaks English and French: help, argparse's headings and usage errors, from
command_line.yml, chosen by --lang (--ui-lang for `new`) or the locale."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from odimpact import cli
from odimpact.command_line import catalogue, language_of
from odimpact.languages import LANGUAGES

SECTIONS = ("odimpact", "common", "argparse")  # the catalogue's parts that are not commands


def subcommands(lang: str) -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser(lang)
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def option_key(action: argparse.Action) -> str:
    return action.option_strings[0] if action.option_strings else action.dest


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_:
        cli.main(list(argv))
    captured = capsys.readouterr()
    return int(exit_.value.code or 0), captured.out + captured.err


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_help_comes_from_the_catalogue_and_every_entry_is_used(lang: str) -> None:
    commands = {
        name: entry
        for name, entry in catalogue().items()
        if name not in SECTIONS and not name.startswith("contrib-")
    }
    parsers = subcommands(lang)
    assert set(commands) == set(parsers)
    common_used: set[str] = set()
    for name, parser in parsers.items():
        entry = commands[name]
        assert (parser.description, parser.epilog) == (
            entry["description"][lang],
            entry["epilog"][lang],
        )
        own = entry.get("options", {})
        shown = {
            option_key(a): a.help
            for a in parser._actions
            if a.help != argparse.SUPPRESS and not isinstance(a, argparse._HelpAction)
        }
        for key, help_text in shown.items():
            expected = own.get(key) or catalogue()["common"]["options"][key]
            assert help_text == expected[lang], (name, key)
            common_used |= {key} - set(own)
        assert set(own) <= set(shown), (name, "entries no option asks for", set(own) - set(shown))
    assert common_used == set(catalogue()["common"]["options"])


def test_every_entry_has_both_languages() -> None:
    entries = [
        (name, part, texts)
        for name, entry in catalogue().items()
        if name != "argparse"
        for part, texts in entry.items()
        if part not in ("options", "messages", "fields", "questions", "written")
    ]
    entries += [
        (name, key, texts)
        for name, entry in catalogue().items()
        if name != "argparse"
        for part in ("options", "questions", "written")
        for key, texts in entry.get(part, {}).items()
    ]
    # An issue form's questions: a label and a help each (contrib-issue-form).
    entries += [
        (name, f"{key}.{part}", texts)
        for name, entry in catalogue().items()
        if name != "argparse"
        for key, parts in entry.get("fields", {}).items()
        for part, texts in parts.items()
    ]
    for name, part, texts in entries:
        assert set(texts) == set(LANGUAGES) and all(texts.values()), (name, part)


def test_french_help_has_no_english_left(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(capsys, "validate", "--help", "--lang", "fr")
    assert code == 0
    assert text.startswith("utilisation\u00a0: odimpact validate")
    for french in (
        "arguments positionnels\u00a0:",
        "options\u00a0:",
        "afficher ce message d'aide et quitter",
        catalogue()["validate"]["options"]["--jobs"]["fr"].split(" (")[0],
    ):
        assert french in text
    for english in ("usage:", "positional arguments", "show this help", "worker processes"):
        assert english not in text


def test_usage_errors_follow_the_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ODIMPACT_LANG", "fr")
    code, text = run(capsys, "sync", "some-case")
    assert code == 2
    assert (
        "odimpact sync\u00a0: erreur\u00a0: les arguments suivants sont obligatoires\u00a0: --from"
        in text
    )
    code, text = run(capsys, "report", "--format", "xml")
    assert code == 2 and "choix non valide\u00a0: 'xml' (choisissez parmi 'human', 'json')" in text
    code, text = run(capsys, "validate", "--no-such-option")
    assert code == 2 and "arguments non reconnus\u00a0: --no-such-option" in text


def test_the_lang_option_wins_over_the_locale_and_english_comes_back(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ODIMPACT_LANG", "fr")
    code, text = run(capsys, "sync", "some-case", "--lang", "en")
    assert (
        code == 2 and "odimpact sync: error: the following arguments are required: --from" in text
    )
    monkeypatch.setenv("ODIMPACT_LANG", "en")
    run(capsys, "sync", "x", "--lang", "fr")
    code, text = run(capsys, "sync", "x")  # argparse's texts are put back after a French call
    assert "the following arguments are required" in text


def test_new_speaks_the_language_of_its_questions_not_of_the_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert language_of(["new", "--lang", "en", "--ui-lang", "fr"]) == "fr"
    assert language_of(["new", "--ui-lang=fr", "--lang=en"]) == "fr"
    assert language_of(["validate", "--", "--lang", "fr"]) == language_of([])
    code, text = run(capsys, "new", "--lang", "en", "--ui-lang", "fr", "--help")
    assert code == 0 and catalogue()["new"]["options"]["--both"]["fr"] in text


def test_every_message_is_said_by_its_command_and_every_one_said_exists() -> None:
    """Each command's (and contributor tool's, `contrib-<module>`) messages and texts written into
    files in the catalogue are named (as a string) in its module, and each say("command", "key",
    ...) names one that exists."""
    import re

    import odimpact.commands

    package = Path(odimpact.commands.__file__).parent.parent
    modules = {
        path.stem.replace("_", "-"): path.read_text(encoding="utf-8")
        for path in (package / "commands").glob("*.py")
    }
    modules |= {
        "contrib-" + path.stem.replace("_", "-"): path.read_text(encoding="utf-8")
        for path in (package / "contrib").glob("*.py")
    }
    for command, entry in catalogue().items():
        for key, texts in {**entry.get("messages", {}), **entry.get("written", {})}.items():
            assert f'"{key}"' in modules[command], (command, key)
            assert set(texts) == set(LANGUAGES) and all(texts.values()), (command, key)
    for source in modules.values():
        for command, key in re.findall(r'say\("([a-z-]+)", "([a-z-]+)"', source):
            assert key in catalogue()[command]["messages"], (command, key)


def test_a_reader_closing_the_pipe_gets_no_traceback() -> None:
    """`odimpact report | head -1`: when the reader has stopped reading, the command stops
    quietly with the shell's code for it. The pipe is closed before the command writes at all,
    so its first write fails, whatever the timing."""
    import os
    import subprocess
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "odimpact.cli", "report", "--lang", "en"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 141 and result.stderr.decode("utf-8") == ""
