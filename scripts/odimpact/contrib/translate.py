"""`odimpact new --translate ID`: scaffold the missing language file of a case from the one that
exists.

The new file is the commented template of `new`; its language-neutral facts are copied node by node
from the existing file's round-trip tree (so 1234.5 stays a number and quoting follows the
original),
and every text written in a language is left empty with the original shown in a comment beside it.
The body's original sections go under the new headings as HTML comments: the validator's HTML check
skips comments, and the site's sanitiser (nh3, strip_comments) removes them from every page.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from odimpact import command_line
from odimpact.contrib.atomic import write_atomic
from odimpact.contrib.case_text import EditableCase, load_editable
from odimpact.contrib.choices import message
from odimpact.contrib.sync import ListLengthMismatch, copy_neutral_facts, plain
from odimpact.contrib.template import render_body, render_front_matter
from odimpact.contrib.yaml_text import FENCE, dump_text, round_trip_yaml
from odimpact.languages import language, other
from odimpact.layout import is_case_id, relative
from odimpact.outline import OUTLINE_HEADING, outline, prose
from odimpact.paths import REPO_ROOT
from odimpact.problems import Problem, format_human
from odimpact.schema import case_schema, language_neutral_fields, neutral_here, neutral_unless

# Fields that differ between the files by design: they are set, never copied or emptied.
STRUCTURAL = {"lang", "translation"}
# "-->" inside the original would close the comment early and publish the rest; the HTML standard
# also closes on "--!>" and Python's parser (used by the validator and Python-Markdown) on "-- >".
COMMENT_END = re.compile(r"--+(?=\s*!?\s*>)")


def say(code: str, ui: str | None, **params: Any) -> str:
    """A message in `ui`, or in English then French when the translator's language is not known
    yet."""
    return "\n".join(
        command_line.say("contrib-translate", code, lang, **params)
        for lang in ([ui] if ui else ["en", "fr"])
    )


def language_specific_fields() -> list[tuple[str, ...]]:
    """Front-matter paths written in each language: every field neither language-neutral nor
    structural."""
    neutral = set(language_neutral_fields())
    found: list[tuple[str, ...]] = []
    for name, node in case_schema()["properties"].items():
        if name in STRUCTURAL or (name,) in neutral:
            continue
        items = node.get("items", {})
        if node.get("type") == "array" and items.get("type") == "object":
            found += [
                (name, "*", key) for key in items["properties"] if (name, "*", key) not in neutral
            ]
        else:
            found.append((name,))
    return found


def _renderable(value: Any) -> bool:
    # The template writes text and numbers only; anything else is left for copy_neutral_facts to
    # insert.
    return value is not None and not isinstance(value, bool)


def _emptied(value: Any) -> Any:
    return [] if isinstance(value, list) else ""


def skeleton_values(source: dict[str, Any], lang: str) -> dict[str, Any]:
    """Template values for the new file: neutral facts as they are, language-specific texts
    emptied."""
    specific = set(language_specific_fields())
    values: dict[str, Any] = {}
    for name, value in source.items():
        if name in STRUCTURAL or name not in case_schema()["properties"] or not _renderable(value):
            continue
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            values[name] = [
                {
                    key: _emptied(item_value)
                    if (name, "*", key) in specific or not neutral_here((name, "*", key), item)
                    else item_value
                    for key, item_value in item.items()
                    if _renderable(item_value)
                }
                for item in value
            ]
        elif value != []:
            values[name] = _emptied(value) if (name,) in specific else value
    return values | {"lang": lang, "translation": "complete"}


def originals(source: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, original text) of every language-specific value the existing file holds, with the
    neutral fields that are written in each language in some items (descriptive titles)."""
    neutral = set(language_neutral_fields())
    excepted = sorted(path for path in neutral if neutral_unless(path))
    for path in [*language_specific_fields(), *excepted]:
        found: list[tuple[tuple[str | int, ...], Any]]
        if len(path) == 1:
            found = [((path[0],), source.get(path[0]))]
        else:
            listed = source.get(path[0])
            items = listed if isinstance(listed, list) else []
            found = [
                ((path[0], index, path[2]), item.get(path[2]))
                for index, item in enumerate(items)
                if isinstance(item, dict) and (path not in neutral or not neutral_here(path, item))
            ]
        for where, value in found:
            if isinstance(value, list):
                value = ", ".join(map(str, value))
            if value not in (None, ""):
                yield where, " ".join(str(value).split())


def _without_empty_object_lists(data: CommentedMap) -> CommentedMap:
    """The source tree minus `impacts: []` and the like: the template shows no empty object list
    (it comments the field out), and an absent list says the same as an empty one."""
    properties = case_schema()["properties"]
    return CommentedMap(
        (key, value)
        for key, value in data.items()
        if not (value == [] and properties.get(key, {}).get("items", {}).get("type") == "object")
    )


def _value_line(tree: CommentedMap, path: tuple[str | int, ...]) -> int:
    node: Any = tree
    for step in path[:-1]:
        node = node[step]
    return node.lc.value(path[-1])[0]


def _original(source_lang: str, ui: str) -> str:
    """The label written before each original text: its language, named in the translator's."""
    name = language(source_lang).names[ui]
    return command_line.written("contrib-translate", "original", ui, language=name)


def annotate(front: str, source: dict[str, Any], source_lang: str, ui: str) -> str:
    """Put each original text in a comment at the end of the line of its (empty) translation."""
    tree = round_trip_yaml().load(front)
    lines = front.split("\n")
    label = _original(source_lang, ui)
    for path, text in originals(source):
        lines[_value_line(tree, path)] += f"  # {label}{text}"
    return "\n".join(lines)


def original_sections(body: str, source_lang: str, ui: str) -> dict[str, str]:
    """Each outline section's original text as an HTML comment, by section id. Text before the first
    heading or under a heading outside the outline stays with the section before it: nothing is
    lost."""
    known = [section["id"] for section in outline()]
    texts: dict[str, str] = dict.fromkeys(known, "")
    current, start = known[0], 0
    for match in OUTLINE_HEADING.finditer(prose(body)):  # prose() blanks code, keeping offsets
        if match.group(1) in known:
            texts[current] += body[start : match.start()]
            current, start = match.group(1), match.end()
    texts[current] += body[start:]
    label = _original(source_lang, ui).rstrip()
    return {
        section: f"<!-- {label}\n\n{COMMENT_END.sub(_harmless_end, text.strip())}\n\n-->"
        for section, text in texts.items()
        if text.strip()
    }


def _harmless_end(match: re.Match[str]) -> str:
    return " ".join(match.group(0))  # "- ->": no parser ends a comment without "--"


def translation_text(source: EditableCase, source_lang: str, ui: str) -> str:
    """The whole new file: commented template, neutral facts copied exactly, originals in
    comments."""
    lang = other(source_lang)
    facts = plain(source.data)
    tree = round_trip_yaml().load(render_front_matter(skeleton_values(facts, lang), ui))
    copy_neutral_facts(_without_empty_object_lists(source.data), tree)
    front = annotate(dump_text(tree), facts, source_lang, ui)
    body = source.parts.rest.split("\n", 1)[1] if "\n" in source.parts.rest else ""
    return (
        f"{FENCE}\n{front}{FENCE}\n\n{render_body(lang, original_sections(body, source_lang, ui))}"
    )


def _changed_lines(before: str, after: str) -> int:
    old, new = before.split("\n"), after.split("\n")
    return (
        max(len(old), len(new)) if len(old) != len(new) else sum(a != b for a, b in zip(old, new))
    )


def declare_complete(case: EditableCase) -> str:
    """The existing file with `translation: complete`, every other byte unchanged. ruamel's round
    trip
    keeps files in the project's layout intact; for any other layout only the value itself is
    replaced."""
    line = case.data.lc.value("translation")[0] + 1  # + 1: the opening fence
    case.data["translation"] = "complete"
    text = case.render()
    if _changed_lines(case.original, text) == 1:
        return text
    lines = case.original.splitlines(keepends=True)
    lines[line] = re.sub(r"(['\"]?)awaiting\1", "complete", lines[line], count=1)
    return "".join(lines)


def _write_both(source: EditableCase, new_path: Path, new_text: str) -> bool:
    """The new file first, then the existing one; if the second write fails the first is undone.
    True when the existing file was changed (it said `translation: awaiting`)."""
    if new_path.exists():  # checked again just before writing: never overwrite
        raise FileExistsError(17, "File exists")
    write_atomic(new_path, new_text)
    if source.data.get("translation") != "awaiting":
        return False
    try:
        write_atomic(source.path, declare_complete(source))
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            new_path.unlink()
        raise
    return True


def _existing(folder: Path) -> list[str]:
    return [lang for lang in ("en", "fr") if (folder / f"index.{lang}.md").is_file()]


def run(args: argparse.Namespace) -> int:
    """Exit codes: 0 written, 1 no case, both languages present or unreadable file, 2 bad id."""
    value = Path(args.translate.rstrip("/"))
    case_id = value.parent.name if value.name.startswith("index.") else value.name
    if not is_case_id(case_id):
        print(
            "\n".join(
                command_line.say(
                    "contrib-translate",
                    "bad-id",
                    lang,
                    reason=message("bad-id", lang, value=case_id),
                )
                for lang in ([args.ui_lang] if args.ui_lang else ["en", "fr"])
            ),
            file=sys.stderr,
        )
        return 2
    cases_dir: Path = args.cases_dir.resolve()
    root = REPO_ROOT if cases_dir.is_relative_to(REPO_ROOT) else cases_dir.parent
    folder = cases_dir / case_id
    shown = relative(folder, root)
    present = _existing(folder)
    if len(present) != 1:
        print(
            say("no-case" if not present else "both", args.ui_lang, folder=shown), file=sys.stderr
        )
        return 1
    source_lang = present[0]
    ui = args.ui_lang or other(source_lang)
    source = load_editable(
        folder / f"index.{source_lang}.md",
        relative(folder / f"index.{source_lang}.md", root),
        source_lang,
    )
    if isinstance(source, Problem):
        print(
            format_human([source], ui) + "\n" + say("unreadable", ui, folder=shown), file=sys.stderr
        )
        return 1
    try:
        text = translation_text(source, source_lang, ui)
    except ListLengthMismatch:  # an empty required list in the existing file
        print(say("unreadable", ui, folder=shown), file=sys.stderr)
        return 1
    new_path = folder / f"index.{other(source_lang)}.md"
    try:
        updated = _write_both(source, new_path, text)
    except OSError as error:
        print(
            say("write-failed", ui, path=relative(new_path, root), reason=error.strerror or error),
            file=sys.stderr,
        )
        return 1
    print(say("created", ui, path=relative(new_path, root)))
    if updated:
        print(say("updated", ui, path=relative(source.path, root)))
    print(say("next", ui, folder=shown))
    return 0
