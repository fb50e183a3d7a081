"""`odimpact sync`: copy language-neutral facts from one language file of a case to the other."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from odimpact.command_line import CommandTexts, say
from odimpact.commands.options import add_cases_dir, add_message_language
from odimpact.contrib.atomic import write_atomic
from odimpact.contrib.case_text import EditableCase, load_editable
from odimpact.contrib.sync import ListLengthMismatch, copy_neutral_facts
from odimpact.languages import language, other
from odimpact.layout import relative
from odimpact.paths import REPO_ROOT
from odimpact.problems import Problem, format_human


def register(subparsers: argparse._SubParsersAction, lang: str) -> None:
    say = CommandTexts("sync", lang)
    parser = subparsers.add_parser("sync", **say.parser())
    parser.add_argument("case", help=say.option("case"))
    parser.add_argument(
        "--from", dest="source", choices=("en", "fr"), required=True, help=say.option("--from")
    )
    parser.add_argument("--check", action="store_true", help=say.option("--check"))
    add_message_language(parser, say)
    add_cases_dir(parser, say)
    parser.set_defaults(func=run)


def case_folder(name: str, cases_dir: Path) -> Path:
    """A case given as an id, a folder or a file inside its folder."""
    path = Path(name)
    if path.exists():
        return path if path.is_dir() else path.parent
    return cases_dir / name


def _load(folder: Path, root: Path, lang: str) -> EditableCase | Problem:
    path = folder / f"index.{lang}.md"
    return load_editable(path, relative(path, root), lang)


def _report(
    edited: dict[str, tuple[EditableCase, str, list[str]]], args: argparse.Namespace, root: Path
) -> int:
    lang, changed_any = args.lang, False
    for case, text, fields in edited.values():
        if text == case.original:
            continue
        changed_any = True
        shown = ", ".join(fields) if fields else say("sync", "layout", lang)
        code = "would-update" if args.check else "updated"
        print(say("sync", code, lang, path=relative(case.path, root), fields=shown))
        if not args.check:
            try:
                write_atomic(case.path, text)
            except OSError as error:
                reason = error.strerror or error
                print(
                    say(
                        "sync", "write-failed", lang, path=relative(case.path, root), reason=reason
                    ),
                    file=sys.stderr,
                )
                return 1
    if not changed_any:
        print(say("sync", "in-sync", lang, case=args.case))
    return 1 if (args.check and changed_any) else 0


def run(args: argparse.Namespace) -> int:
    lang, source_lang = args.lang, args.source
    target_lang = other(source_lang)
    cases_dir: Path = args.cases_dir.resolve()
    folder = case_folder(args.case, cases_dir).resolve()
    root = REPO_ROOT if folder.is_relative_to(REPO_ROOT) else folder.parent.parent
    if not (folder / f"index.{source_lang}.md").is_file():
        print(
            say(
                "sync",
                "no-case",
                lang,
                case=args.case,
                path=relative(folder / f"index.{source_lang}.md", root),
            ),
            file=sys.stderr,
        )
        return 1
    if not (folder / f"index.{target_lang}.md").is_file():
        print(
            say("sync", "missing", lang, path=relative(folder / f"index.{target_lang}.md", root)),
            file=sys.stderr,
        )
        return 1
    source, target = _load(folder, root, source_lang), _load(folder, root, target_lang)
    problems = [item for item in (source, target) if isinstance(item, Problem)]
    if problems:
        print(format_human(problems, lang), file=sys.stderr)
        return 1
    assert isinstance(source, EditableCase) and isinstance(target, EditableCase)
    try:
        result = copy_neutral_facts(source.data, target.data)
    except ListLengthMismatch as error:
        names = {code: language(code).names[lang] for code in (source_lang, target_lang)}
        print(
            say(
                "sync",
                "lengths",
                lang,
                path=relative(folder, root),
                field=error.field,
                source=error.source,
                target=error.target,
                source_lang=names[source_lang],
                target_lang=names[target_lang],
            ),
            file=sys.stderr,
        )
        return 1
    edited = {
        source_lang: (source, source.render(), []),
        target_lang: (target, target.render(), result.changed),
    }
    return _report(edited, args, root)
