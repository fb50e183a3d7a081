"""The validation pipeline: discover case folders, check each case, then check across cases."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from odimpact.layout import CaseFolder, discover, relative, scan_case_folder
from odimpact.paths import REPO_ROOT
from odimpact.problems import Problem
from odimpact.reading import CaseFile, read_case_file
from odimpact.rules import body, evidence, front_matter, interviews, pairs
from odimpact.rules.links import CaseLink, anchors, case_links, link_problems
from odimpact.schema_check import check_schema

PARALLEL_THRESHOLD = 64  # below this, starting worker processes costs more than it saves


@dataclass
class CaseResult:
    """What checking one case found, and the little the cross-case rules need."""

    case_dir: str
    problems: list[Problem]
    # target -> places
    related: dict[str, list[tuple[str, int, int, str]]] = field(default_factory=dict)
    case_id: str = ""
    links: list[CaseLink] = field(default_factory=list)  # links in the bodies to cases and anchors
    anchors: dict[str, set[str]] = field(default_factory=dict)  # file -> the anchors its page has
    files: int = 0
    draft: bool = False  # every file that could be read says `status: draft`


@dataclass
class Report:
    """Everything found, sorted like a compiler's output."""

    problems: list[Problem]
    files_checked: int
    drafts: frozenset[str] = frozenset()  # the folders (as problems name them) of draft cases

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def errors_in_drafts(self) -> int:
        """Errors in the files of draft cases: the published site leaves those cases out, so
        their errors never stop `odimpact build` (they still fail `odimpact validate`)."""
        return sum(p.severity == "error" and self.in_draft(p.path) for p in self.problems)

    def in_draft(self, path: str) -> bool:
        return any(path == folder or path.startswith(folder + "/") for folder in self.drafts)

    @property
    def blocking_errors(self) -> int:
        """Errors that stop the published site's build: those outside draft cases."""
        return self.errors - self.errors_in_drafts

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)


def check_file(case: CaseFile, today: dt.date) -> tuple[list[Problem], bool]:
    """Problems of one parsed file, and whether it matched the schema."""
    problems = list(front_matter.yaml_surprises(case, today))
    schema_problems = check_schema(case)
    problems += schema_problems
    if not schema_problems:
        for rule in front_matter.RULES + evidence.RULES + interviews.RULES:
            problems.extend(rule(case, today))
    for body_rule in body.RULES:  # its own name: body rules take no date, unlike `rule` above
        problems.extend(body_rule(case))
    return problems, not schema_problems


def check_case(folder: CaseFolder, today: dt.date, root: Path = REPO_ROOT) -> CaseResult:
    """All problems of one case: each language file, then the pair."""
    result = CaseResult(folder.display, [], files=len(folder.files))
    parsed: dict[str, CaseFile] = {}
    statuses: list[object] = []
    all_valid = True
    for lang, path in sorted(folder.files.items()):
        case = read_case_file(path, relative(path, root), lang)
        if isinstance(case, Problem):
            result.problems.append(case)
            all_valid = False
            continue
        problems, valid = check_file(case, today)
        result.problems += problems
        all_valid &= valid
        parsed[lang] = case
        statuses.append(case.data.get("status") if isinstance(case.data, dict) else None)
        if valid:
            result.case_id = str(case.data["id"])
            result.links += case_links(case)
            result.anchors[case.display] = anchors(case)
            for index, target in enumerate(case.data.get("related", [])):
                pos = case.document.position(("related", index))
                result.related.setdefault(target, []).append(
                    (case.display, pos.line, pos.column, f"related[{index}]")
                )
    if all_valid and parsed:
        # A field with its own error (an impossible date) is not also reported as differing
        # between the files: that would add two errors, one blaming the correct file.
        own_errors = {p.field for p in result.problems if p.severity == "error" and p.field}
        for rule in pairs.RULES:
            result.problems.extend(
                p for p in rule(parsed, folder.display) if p.field not in own_errors
            )
    result.draft = bool(statuses) and all(status == "draft" for status in statuses)
    return result


def _check_case_star(args: tuple[CaseFolder, dt.date, Path]) -> CaseResult:
    return check_case(*args)


def _run(folders: list[CaseFolder], today: dt.date, root: Path, jobs: int) -> list[CaseResult]:
    work = [(folder, today, root) for folder in folders]
    if jobs <= 1 or len(folders) < PARALLEL_THRESHOLD:
        return [check_case(*item) for item in work]
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        return list(pool.imap(_check_case_star, work, chunksize=max(1, len(work) // (jobs * 8))))


def cross_case_problems(results: list[CaseResult], all_ids: list[str]) -> list[Problem]:
    """Ids unique ignoring case; related ids that exist."""
    problems: list[Problem] = []
    known = set(all_ids)
    by_fold: dict[str, str] = {}
    for case_id in sorted(all_ids):
        other = by_fold.setdefault(case_id.casefold(), case_id)
        if other != case_id:
            problems.append(
                Problem(
                    f"cases/{case_id}",
                    1,
                    1,
                    "id-duplicate",
                    "id",
                    params={"value": case_id, "other": other},
                )
            )
    # A case's anchors: those of all its files (headings carry the same ids in both languages).
    anchors_of: dict[str, set[str]] = {}
    for result in results:
        if result.case_id:
            anchors_of[result.case_id] = set().union(*result.anchors.values())
    for result in results:
        problems += link_problems(result.links, result.anchors, result.case_id, known, anchors_of)
        for target, places in result.related.items():
            if target not in known:
                problems += [
                    Problem(path, line, column, "related-unknown", field, params={"value": target})
                    for path, line, column, field in places
                ]
    return problems


def validate(
    folders: list[CaseFolder],
    layout_problems: list[Problem],
    all_ids: list[str],
    today: dt.date | None = None,
    root: Path = REPO_ROOT,
    jobs: int | None = None,
) -> Report:
    """Check the given case folders; cross-case rules see every id in `all_ids`."""
    today = today or dt.date.today()
    results = _run(folders, today, root, jobs or os.cpu_count() or 1)
    problems = (
        layout_problems
        + [p for r in results for p in r.problems]
        + cross_case_problems(results, all_ids)
    )
    drafts = frozenset(r.case_dir for r in results if r.draft)
    return Report(sorted(problems, key=Problem.sort_key), sum(r.files for r in results), drafts)


def repository_root(cases_dir: Path) -> Path:
    """The root that file names in messages are relative to: the repository's for its own cases
    folder, else the cases folder's parent (a copy elsewhere, a test's temporary folder)."""
    cases_dir = cases_dir.resolve()
    return REPO_ROOT if cases_dir.is_relative_to(REPO_ROOT) else cases_dir.parent


def validate_all(cases_dir: Path, today: dt.date | None = None, jobs: int | None = None) -> Report:
    """Check every case of a cases folder (what `odimpact validate` and `odimpact build` run)."""
    root = repository_root(cases_dir)
    folders, layout_problems = discover(cases_dir.resolve(), root)
    return validate(
        folders, layout_problems, all_case_ids(cases_dir), today=today, root=root, jobs=jobs
    )


def all_case_ids(cases_dir: Path) -> list[str]:
    """Names of every case folder, without reading any file."""
    if not cases_dir.is_dir():
        return []
    return [entry.name for entry in os.scandir(cases_dir) if entry.is_dir(follow_symlinks=False)]


def folders_for_paths(
    paths: list[Path], cases_dir: Path, root: Path
) -> tuple[list[CaseFolder], list[Problem], list[Path]]:
    """Case folders named by paths (folders or files inside them); also returns paths that do not
    exist."""
    chosen: dict[Path, CaseFolder] = {}
    problems: list[Problem] = []
    missing: list[Path] = []
    for raw in paths:
        path = raw if raw.is_absolute() else Path.cwd() / raw
        if not path.exists() and not path.is_symlink():
            missing.append(raw)
            continue
        if not path.is_symlink() and path.resolve() == cases_dir.resolve():
            found, layout = discover(cases_dir, root)
            problems += layout
            chosen.update({folder.path: folder for folder in found})
            continue
        folder_path = path if path.is_dir() and not path.is_symlink() else path.parent
        folder, layout = scan_case_folder(folder_path, root)
        problems += [p for p in layout if p not in problems]
        if folder:
            chosen[folder.path] = folder
    return list(chosen.values()), problems, missing


def changed_case_folders(ref: str, cases_dir: Path, root: Path) -> list[Path]:
    """Case folders touched since a git ref (committed, staged, unstaged or untracked)."""
    commands = (
        ["git", "diff", "--name-only", "--no-renames", ref, "--", "cases"],
        ["git", "ls-files", "--others", "--exclude-standard", "--", "cases"],
    )
    names: set[str] = set()
    for command in commands:
        output = subprocess.run(
            command, cwd=root, capture_output=True, text=True, check=True
        ).stdout
        names.update(line for line in output.splitlines() if line)
    folders = set()
    for name in names:
        parts = Path(name).parts
        if len(parts) >= 2 and (cases_dir / parts[1]).is_dir():
            folders.add(cases_dir / parts[1])
    return sorted(folders)
