"""Where the project's data lives, found from the repository root.

The root is the checkout the command runs in (the working folder or one above it), so that
`odimpact` installed from one checkout validates and builds the cases of the one you stand in;
outside any checkout, the one the package was installed from."""

from __future__ import annotations

from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def find_repository(start: Path) -> Path | None:
    """The nearest folder at or above `start` that is a checkout of this project."""
    for folder in (start, *start.parents):
        if (
            (folder / "mkdocs.yml").is_file()
            and (folder / "schema" / "case.schema.json").is_file()
            and (folder / "cases").is_dir()
        ):
            return folder
    return None


REPO_ROOT = find_repository(Path.cwd().resolve()) or PACKAGE_ROOT
SCHEMA_DIR = REPO_ROOT / "schema"
VOCABULARY_DIR = SCHEMA_DIR / "vocabularies"
CASE_SCHEMA = SCHEMA_DIR / "case.schema.json"
VOCABULARY_SCHEMA = SCHEMA_DIR / "vocabularies.schema.json"
OUTLINE = SCHEMA_DIR / "outline.yml"
CASES_DIR = REPO_ROOT / "cases"
DOCS_DIR = REPO_ROOT / "docs"
