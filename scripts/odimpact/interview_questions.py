"""The interview's question bank (schema/interview-questions.yml): opening words, two to four
questions for each section of the case outline (schema/outline.yml), and closing questions, each
in English and French. Read strictly, every problem reported with its position, compiler style."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from odimpact.languages import LANGUAGES
from odimpact.outline import outline
from odimpact.paths import REPO_ROOT, SCHEMA_DIR
from odimpact.strict_yaml import Path_, YamlError, load

QUESTION_BANK = SCHEMA_DIR / "interview-questions.yml"
QUESTIONS_PER_SECTION = range(2, 5)

Pair = dict[str, str]
Locate = Callable[[Path_], str]  # a value's path in the file -> "file:line:column"


@dataclass(frozen=True)
class QuestionBank:
    """The interview's questions, each an {en, fr} pair: opening words, questions by outline
    section id, closing."""

    opening: tuple[Pair, ...]
    sections: dict[str, tuple[Pair, ...]]
    closing: tuple[Pair, ...]


def _is_pair(item: Any) -> bool:
    """An {en, fr} pair: non-empty text in each language, and nothing else."""
    return (
        isinstance(item, dict)
        and set(item) == set(LANGUAGES)
        and all(isinstance(value, str) and value.strip() for value in item.values())
    )


def _pair_problems(items: Any, where: Path_, locate: Locate) -> list[str]:
    """Why a list of {en, fr} pairs is malformed, one line per problem."""
    name = ".".join(map(str, where))
    if not isinstance(items, list):
        return [f"{locate(where)}: {name}: expected a list of {{en, fr}} pairs"]
    return [
        f"{locate((*where, index))}: {name}[{index}]: needs non-empty text in en and fr, "
        "and nothing else"
        for index, item in enumerate(items)
        if not _is_pair(item)
    ]


def _bank_problems(data: Any, locate: Locate) -> list[str]:
    """Every way the question bank disagrees with its shape or with the outline's sections."""
    if not isinstance(data, dict) or set(data) != {"opening", "sections", "closing"}:
        return [f"{locate(())}: the file needs exactly the keys opening, sections and closing"]
    problems = [
        *_pair_problems(data["opening"], ("opening",), locate),
        *_pair_problems(data["closing"], ("closing",), locate),
    ]
    sections = data["sections"] if isinstance(data["sections"], dict) else {}
    expected = [section["id"] for section in outline()]
    problems += [
        f"{locate(('sections',))}: sections: no questions for the outline section {id_!r}"
        for id_ in expected
        if id_ not in sections
    ]
    problems += [
        f"{locate(('sections', id_))}: sections: {id_!r} is not a section of schema/outline.yml"
        for id_ in sections
        if id_ not in expected
    ]
    for id_, items in sections.items():
        problems += _pair_problems(items, ("sections", id_), locate)
        if isinstance(items, list) and len(items) not in QUESTIONS_PER_SECTION:
            problems.append(
                f"{locate(('sections', id_))}: sections.{id_}: {len(items)} questions; "
                "give two to four"
            )
    return problems


@cache
def load_question_bank(path: Path = QUESTION_BANK) -> QuestionBank:
    """The question bank, read strictly; raises ValueError listing every problem, compiler style."""
    inside = path.is_relative_to(REPO_ROOT)
    display = path.relative_to(REPO_ROOT).as_posix() if inside else str(path)
    try:
        document = load(path.read_text(encoding="utf-8"))
    except YamlError as error:  # duplicate keys, aliases, bad syntax: the strict loader's codes
        where = f"{display}:{error.position.line}:{error.position.column}"
        raise ValueError(f"{where}: {error.code} {error.params or ''}".rstrip()) from None

    def locate(where: Path_) -> str:
        line, column = document.position(where)
        return f"{display}:{line}:{column}"

    problems = _bank_problems(document.data, locate)
    if problems:
        raise ValueError("\n".join(problems))
    data = document.data
    sections = {id_: tuple(items) for id_, items in data["sections"].items()}
    return QuestionBank(tuple(data["opening"]), sections, tuple(data["closing"]))
