"""The loaded corpus: every case with its language files, for generators (pages, overviews,
exports).

Loading does not validate: the site build calls `odimpact validate` first, but generators must
stay safe even on unvalidated input (they escape and sanitise everything they emit).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from odimpact.languages import LANGUAGES
from odimpact.layout import discover, relative
from odimpact.paths import CASES_DIR, REPO_ROOT
from odimpact.problems import Problem
from odimpact.reading import CaseFile, read_case_file


@dataclass
class Case:
    """One case: its id and the language files that exist (one or both)."""

    id: str
    folder: Path
    files: dict[str, CaseFile] = field(default_factory=dict)
    images: list[Path] = field(default_factory=list)  # image files in its folder, never symlinks

    def languages(self) -> list[str]:
        """Languages the case is written in."""
        return [lang for lang in LANGUAGES if lang in self.files]

    def source_lang(self, lang: str) -> str:
        """The language whose file is shown for `lang`: itself, or the other one while awaiting
        translation."""
        return lang if lang in self.files else self.languages()[0]

    def meta(self, lang: str) -> dict[str, Any]:
        """Front matter to show in `lang` (the other language's file when this one is missing)."""
        return self.files[self.source_lang(lang)].data

    def body(self, lang: str) -> str:
        """Markdown body to show in `lang`."""
        return self.files[self.source_lang(lang)].body

    def awaiting_translation(self, lang: str) -> bool:
        """True when readers of `lang` see the other language's text."""
        return lang not in self.files

    @property
    def status(self) -> str:
        return str(self.meta(self.languages()[0]).get("status", "draft"))


@dataclass
class Corpus:
    """All cases, sorted by id."""

    cases: list[Case]

    def published(self) -> list[Case]:
        """Cases readers see in lists: published ones (retired cases keep their page only)."""
        return [case for case in self.cases if case.status == "published"]

    def with_pages(self) -> list[Case]:
        """Cases that get a page: published and retired."""
        return [case for case in self.cases if case.status in ("published", "retired")]

    def by_id(self) -> dict[str, Case]:
        return {case.id: case for case in self.cases}


Reader = Callable[[Path, str, str], CaseFile | Problem]


def load_corpus(
    cases_dir: Path = CASES_DIR,
    root: Path = REPO_ROOT,
    languages: tuple[str, ...] = LANGUAGES,
    read: Reader = read_case_file,
) -> Corpus:
    """Read every case file that parses; files that do not parse are left out (validate reports
    them).

    With `languages`, only those files are read, unless a case has none that parses: then its
    others are, since its pages show them while it awaits translation. `odimpact build` renders
    each language in its own process, and reading is the costliest step after Markdown.
    `read` parses one file (`odimpact serve` passes one that keeps unchanged files' results)."""
    folders, _ = discover(cases_dir, root)
    cases = []
    for folder in folders:
        case = Case(id=folder.path.name, folder=folder.path, images=folder.images)
        wanted = [lang for lang in folder.files if lang in languages]
        for group in (wanted, [lang for lang in folder.files if lang not in wanted]):
            for lang in group:
                parsed = read(folder.files[lang], relative(folder.files[lang], root), lang)
                if isinstance(parsed, CaseFile) and isinstance(parsed.data, dict):
                    case.files[lang] = parsed
            if case.files:
                break
        if case.files:
            cases.append(case)
    return Corpus(sorted(cases, key=lambda c: c.id))
