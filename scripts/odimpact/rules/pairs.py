"""Rules across the two language files of one case."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from odimpact.languages import language
from odimpact.problems import Problem, field_name
from odimpact.reading import CaseFile
from odimpact.schema import language_neutral_fields, neutral_here

_MISSING = object()


def translation_is_declared(files: dict[str, CaseFile], case_dir: str) -> Iterator[Problem]:
    """A case in one language is allowed only when it says so, so the backlog can be counted."""
    if len(files) == 2:
        for case in files.values():
            if case.data.get("translation") == "awaiting":
                position = case.document.position(("translation",))
                yield Problem(
                    case.display, position.line, position.column, "awaiting-but-both", "translation"
                )
        return
    for case in files.values():
        if case.data.get("translation") != "awaiting":
            other = language(case.lang).other
            position = case.document.position(("translation",))
            yield Problem(
                case.display,
                position.line,
                position.column,
                "missing-translation",
                "translation",
                params={"other": other, "other_path": f"{case_dir}/index.{other}.md"},
            )


def _values(data: Any, path: tuple[str, ...], prefix: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """(concrete path, value) for a neutral-field path; `*` expands over list items."""
    if not path:
        yield prefix, data
        return
    head, rest = path[0], path[1:]
    if head == "*":
        for index, item in enumerate(data if isinstance(data, list) else []):
            yield from _values(item, rest, prefix + (index,))
    elif isinstance(data, dict):
        yield from _values(data.get(head, _MISSING), rest, prefix + (head,))
    else:
        yield prefix, _MISSING


def _at(data: Any, path: tuple) -> Any:
    for step in path:
        if isinstance(step, int):
            data = data[step] if isinstance(data, list) and step < len(data) else _MISSING
        else:
            data = data.get(step, _MISSING) if isinstance(data, dict) else _MISSING
    return data


def neutral_facts_agree(files: dict[str, CaseFile], case_dir: str) -> Iterator[Problem]:
    """Facts that do not depend on language are written in both files and must be identical."""
    if len(files) != 2:
        return
    first, second = files["en"], files["fr"]
    lists = {path[0] for path in language_neutral_fields() if "*" in path}
    mismatched_lists = set()
    for name in sorted(lists):
        a, b = first.data.get(name, []), second.data.get(name, [])
        if isinstance(a, list) and isinstance(b, list) and len(a) != len(b):
            mismatched_lists.add(name)
            for case, mine, theirs, other in ((first, a, b, second), (second, b, a, first)):
                position = case.document.position((name,))
                yield Problem(
                    case.display,
                    position.line,
                    position.column,
                    "list-length-mismatch",
                    name,
                    params={
                        "count": len(mine),
                        "other_count": len(theirs),
                        "other_path": other.display,
                    },
                )
    for path in language_neutral_fields():
        if path[0] in mismatched_lists:
            continue
        for concrete, value in _values(first.data, path):
            if not neutral_here(path, _at(first.data, concrete[:-1])):
                continue
            other_value = _at(second.data, concrete)
            if value != other_value or type(value) is not type(other_value):
                yield from _mismatch(first, second, concrete, value, other_value, case_dir)


def _shown(value: Any) -> Any:
    return "(missing)" if value is _MISSING else value


def _mismatch(
    first: CaseFile, second: CaseFile, path: tuple, value: Any, other_value: Any, case_dir: str
) -> Iterator[Problem]:
    for case, mine, theirs, other in (
        (first, value, other_value, second),
        (second, other_value, value, first),
    ):
        position = case.document.position(path)
        yield Problem(
            case.display,
            position.line,
            position.column,
            "neutral-mismatch",
            field_name(path),
            params={
                "value": _shown(mine),
                "other_value": _shown(theirs),
                "other_path": other.display,
                "case_dir": case_dir,
            },
        )


RULES = (translation_is_declared, neutral_facts_agree)
