"""The code's own habits, checked like everything else: the linter and the type checker are clean,
the renderer-neutral packages never import MkDocs, and no package imports another that imports it
back."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "scripts" / "odimpact"


def test_ruff_finds_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "scripts", "tests", "benchmarks"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_laid_out_as_ruff_format_lays_it() -> None:
    """One layout for all code, lines of 100 characters at most: `make format` applies it."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "scripts", "tests", "benchmarks"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def imports(path: Path) -> set[str]:
    """The odimpact modules and third-party top-level packages a module imports (at any depth)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules_of(package: str) -> list[Path]:
    return sorted((PACKAGE / package).rglob("*.py"))


def test_generation_never_imports_mkdocs() -> None:
    """publication/ is renderer-neutral: only builder/ knows MkDocs (and Material)."""
    leaks = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for package in ("publication",)
        for path in modules_of(package)
        for name in imports(path)
        if name.split(".")[0] in ("mkdocs", "material", "odimpact.builder")
        or name.startswith("odimpact.builder")
    }
    assert not leaks


def test_builder_is_imported_only_by_the_commands() -> None:
    importers = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if not path.is_relative_to(PACKAGE / "builder")
        and not path.is_relative_to(PACKAGE / "commands")
        and any(name.startswith("odimpact.builder") for name in imports(path))
    }
    assert not importers


def _unit(module: str) -> str | None:
    """The package unit a module belongs to: a subpackage of odimpact (builder, publication...)."""
    parts = module.split(".")
    if parts[0] != "odimpact" or len(parts) < 3:
        return None
    return parts[1] if (PACKAGE / parts[1]).is_dir() else None


def test_no_import_loop_between_packages() -> None:
    """Dependencies between odimpact's subpackages go one way (e.g. builder -> publication ->
    nothing back)."""
    edges: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        unit = (
            path.relative_to(PACKAGE).parts[0] if len(path.relative_to(PACKAGE).parts) > 1 else None
        )
        if unit is None:
            continue
        for name in imports(path):
            target = _unit(name)
            if target and target != unit:
                edges.setdefault(unit, set()).add(target)

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(
            nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt}))
            for nxt in edges.get(start, ())
        )

    loops = sorted(unit for unit in edges if reaches(unit, unit, {unit}))
    assert not loops, {unit: sorted(edges[unit]) for unit in loops}


def test_every_field_named_for_a_label_has_a_vocabulary() -> None:
    """A literal field handed to SiteContext.label or .definition is one the schema links to a
    vocabulary: a wrong name ("roles" for "organisations.roles") once showed every organization's
    role as its raw id, on every case page in both languages."""
    from odimpact.schema import field_vocabularies

    named = []
    for path in (PACKAGE / "publication").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("label", "definition")
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "ctx"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                named.append((path.name, node.args[0].value))
    assert len(named) >= 8, named  # the scan finds the calls it is meant to check
    assert [item for item in named if item[1] not in field_vocabularies()] == []
