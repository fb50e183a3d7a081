"""`odimpact serve`: the default language's project under `mkdocs serve --dirty`, kept up to date
from the sources, with the other languages built beside it.

MkDocs watches cases/, docs/ and mkdocs.yml (not the generated trees: writing them would start
a second rebuild). On each change, before MkDocs renders, the session regenerates the trees of
the languages the change touches (only changed files are written, so the dirty build renders
only the pages they hold); another language whose tree changed is rebuilt at once in its own
process, and its pages are copied into the served site after MkDocs has rendered the default
language. One save, one rebuild. Drafts get pages (flagged), and the log gives their addresses
and the problems `odimpact validate` finds in the changed cases. Parsed case files are kept
between rebuilds while their files are unchanged.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from odimpact.builder.language import generate, site_context
from odimpact.builder.project import CONFIG_FILE, TREE, read_settings
from odimpact.languages import DEFAULT, LANGUAGES, language, locale_language
from odimpact.layout import discover
from odimpact.problems import Problem, format_human
from odimpact.publication.context import SiteContext
from odimpact.publication.trees import write_case_pages
from odimpact.reading import CaseFile, read_case_file
from odimpact.urls import case_url
from odimpact.validation import Report, all_case_ids, repository_root, validate


class KeptReader:
    """read_case_file, keeping each file's result while its size and modification time hold, and
    the result it replaced (what the file said before its last change)."""

    def __init__(self) -> None:
        self._kept: dict[Path, tuple[tuple[int, int], CaseFile | Problem]] = {}
        self._before: dict[Path, CaseFile | Problem] = {}

    def __call__(self, path: Path, display: str, lang: str) -> CaseFile | Problem:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        kept = self._kept.get(path)
        if kept is None or kept[0] != key:
            if kept is not None:
                self._before[path] = kept[1]
            kept = self._kept[path] = (key, read_case_file(path, display, lang))
        return kept[1]

    def front_matter_kept(self, path: Path) -> bool:
        """Whether a case file read again after a change has the same front matter as before it."""
        before, now = self._before.get(path), self._kept.get(path, (None, None))[1]
        return (
            isinstance(before, CaseFile) and isinstance(now, CaseFile) and before.data == now.data
        )


class ServeSession:
    """What `odimpact serve` keeps between rebuilds: where the sources and projects are, the reader,
    what the sources looked like at the last rebuild, and where the other languages were copied."""

    def __init__(self, config: Path, cases_dir: Path, work: Path) -> None:
        self.config, self.cases_dir, self.work = config, cases_dir, work
        self.docs_dir = config.parent / read_settings(config).get("docs_dir", "docs")
        self.read = KeptReader()
        self._stamps: dict[Path, tuple[int, int]] = {}
        # served site folder -> the other languages are up to date there
        self._copied: dict[Path, bool] = {}
        # case id -> what odimpact validate finds in it
        self.problems: dict[str, list[Problem]] = {}

    def sources(self) -> list[Path]:
        """What MkDocs should watch: the cases, the hand-written pages and the shared settings."""
        return [self.cases_dir, self.docs_dir, self.config]

    def regenerate(self) -> list[str]:
        """The trees of the languages whose sources changed; the other languages among them whose
        pages changed are rebuilt. Returns the log lines to show."""
        start = time.perf_counter()
        stamps = {
            path: (stat.st_mtime_ns, stat.st_size)
            for path, stat in source_files([self.cases_dir, self.docs_dir, self.config])
        }
        changed = {
            path
            for path in stamps.keys() | self._stamps.keys()
            if stamps.get(path) != self._stamps.get(path)
        }
        languages = (
            affected_languages(changed, self.cases_dir, self.docs_dir)
            if self._stamps
            else set(LANGUAGES)
        )
        first = not self._stamps
        self._stamps = stamps
        ctx = site_context(self.config, self.cases_dir, LANGUAGES, self.read, preview=True)
        lines = [
            (
                f"odimpact: {len(changed)} source files changed, read in "
                f"{time.perf_counter() - start:.2f} s"
            )
        ]
        case_ids = set(ctx.pages_by_id()) if first else changed_cases(changed, self.cases_dir)
        report = validate_cases(self.cases_dir, None if first else case_ids)
        found = problems_by_case(report.problems)
        for case_id in case_ids:  # a page shows its file's problems: regenerate it when they change
            before, after = self.problems.pop(case_id, []), found.get(case_id, [])
            if before != after:
                languages |= {
                    lang
                    for lang in LANGUAGES
                    for problem in before + after
                    if problem.path.endswith(f".{lang}.md")
                }
        self.problems.update(found)
        ctx.problems = self.problems
        lines += case_news(ctx, case_ids, report, first)
        # Only a case page reads a case's body (and shows its problems): when no front matter
        # changed, the rest of each tree is what it was (a test compares with a full generation).
        pages_only = not first and all(
            path.is_file() and self.read.front_matter_kept(path) for path in changed
        )
        for lang in (lang for lang in LANGUAGES if lang in languages):
            start = time.perf_counter()
            # its configuration keeps naming the sources
            served = self.cases_dir if lang == DEFAULT else None
            if pages_only:
                project, removed = self.work / lang / CONFIG_FILE, 0
                written = write_case_pages(ctx, lang, case_ids, self.work / lang / TREE)
            else:
                project, written, removed = generate(
                    self.config, lang, ctx, self.work / lang, cases_dir=served
                )
            lines.append(
                f"odimpact: {lang}: {written} files written, {removed} removed in "
                f"{time.perf_counter() - start:.2f} s"
            )
            built = self.work / lang / "site"
            if lang != DEFAULT and (written or removed or not built.exists()):
                command = [
                    sys.executable,
                    "-m",
                    "mkdocs",
                    "build",
                    "--dirty",
                    "-f",
                    str(project),
                    "-d",
                    str(built),
                ]
                result = subprocess.run(command, capture_output=True, text=True)
                if result.returncode != 0:
                    raise RuntimeError(f"building the {lang} pages failed:\n{result.stderr}")
                self._copied.clear()
        return lines

    def add_other_languages(self, site_dir: Path) -> None:
        """Copy the other languages' pages (their tree under the prefix, their 404 page) into the
        served site, where MkDocs has just written the default language's, when they changed."""
        if self._copied.get(site_dir):
            return
        for lang in LANGUAGES[1:]:
            prefix, built = language(lang).prefix, self.work / lang / "site"
            copy_changed(built / prefix, site_dir / prefix)
            shutil.copy2(built / "404.html", site_dir / prefix / "404.html")
        self._copied[site_dir] = True


def changed_cases(changed: set[Path], cases_dir: Path) -> set[str]:
    """The ids of the case folders holding changed files."""
    return {
        path.relative_to(cases_dir).parts[0]
        for path in changed
        if path.is_relative_to(cases_dir) and path != cases_dir
    }


def validate_cases(cases_dir: Path, case_ids: set[str] | None) -> Report:
    """What `odimpact validate` finds in these cases (every case when None), in this process."""
    root = repository_root(cases_dir)
    folders = [
        folder
        for folder in discover(cases_dir, root)[0]
        if case_ids is None or folder.path.name in case_ids
    ]
    return validate(folders, [], all_case_ids(cases_dir), root=root, jobs=1)


def problems_by_case(problems: list[Problem]) -> dict[str, list[Problem]]:
    """Problems grouped by the case folder they name (cases/<id>/...)."""
    grouped: dict[str, list[Problem]] = {}
    for problem in problems:
        parts = Path(problem.path).parts
        if len(parts) > 1:
            grouped.setdefault(parts[1], []).append(problem)
    return grouped


def case_news(ctx: SiteContext, case_ids: set[str], report: Report, first: bool) -> list[str]:
    """What the log says of the cases just read: each draft's address in the preview (the published
    site will not show it); for changed cases, every problem `odimpact validate` finds (their pages
    show them too); at the start, only how many there are."""
    lines = []
    pages = ctx.pages_by_id()
    for case_id in sorted(case_ids & set(pages)):
        case = pages[case_id]
        if case.status != "published" or not first:
            addresses = " and ".join(
                f"/{language(lang).prefix}{case_url(case_id)}" for lang in LANGUAGES
            )
            lines.append(f"odimpact: {case_id} ({case.status}): {addresses}")
    if not first:
        lines += [
            f"odimpact: {line}"
            for line in format_human(report.problems, locale_language()).splitlines()
        ]
    where = "all cases (each case's page shows its own)" if first else "the changed cases"
    lines.append(
        f"odimpact: {report.errors} error(s), {report.warnings} warning(s) in {where}"
        + (
            ": odimpact build would stop on them"
            if report.blocking_errors
            else ": in drafts only, which odimpact build leaves out"
            if report.errors
            else ""
        )
    )
    return lines


def source_files(roots: list[Path]) -> list[tuple[Path, os.stat_result]]:
    """Every file under the roots (a root may be a file), with its status."""
    files = [root for root in roots if root.is_file()]
    files += [path for root in roots if root.is_dir() for path in root.rglob("*") if path.is_file()]
    return [(path, path.stat()) for path in files]


def affected_languages(changed: set[Path], cases_dir: Path, docs_dir: Path) -> set[str]:
    """The languages whose trees a change of these files can change. A case file or page changes
    its own language, and the other's too where that has no version of its own (it shows this
    one, awaiting translation); anything else (an image, a stylesheet, mkdocs.yml) every
    language."""
    languages: set[str] = set()
    for path in changed:
        lang = next((code for code in LANGUAGES if path.name.endswith(f".{code}.md")), None)
        if lang is None or not (path.is_relative_to(cases_dir) or path.is_relative_to(docs_dir)):
            return set(LANGUAGES)
        languages.add(lang)
        stem = path.name.removesuffix(f".{lang}.md")
        languages.update(
            other for other in LANGUAGES if not path.with_name(f"{stem}.{other}.md").exists()
        )
    return languages


def copy_changed(source: Path, target: Path) -> None:
    """Copy the files of `source` whose size or modification time differ from their copy in
    `target`."""
    for path in source.rglob("*"):
        if path.is_file():
            copy = target / path.relative_to(source)
            stat = path.stat()
            if (
                not copy.exists()
                or copy.stat().st_size != stat.st_size
                or copy.stat().st_mtime_ns != stat.st_mtime_ns
            ):
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, copy)


def serve(config: Path, cases_dir: Path, work: Path, address: str) -> int:
    """Generate the default language's project, then serve it with MkDocs (which calls the
    plugin, which runs the session)."""
    generate(
        config,
        DEFAULT,
        site_context(config, cases_dir, (DEFAULT,)),
        work / DEFAULT,
        cases_dir=cases_dir,
    )
    from mkdocs.__main__ import cli

    return cli.main(
        ["serve", "--dirty", "-f", str(work / DEFAULT / CONFIG_FILE), "-a", address],
        prog_name="mkdocs",
        standalone_mode=True,
    )
