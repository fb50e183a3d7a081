"""Where the project's data lives, found from the repository root."""
from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPO_ROOT / "schema"
VOCABULARY_DIR = SCHEMA_DIR / "vocabularies"
CASE_SCHEMA = SCHEMA_DIR / "case.schema.json"
VOCABULARY_SCHEMA = SCHEMA_DIR / "vocabularies.schema.json"
OUTLINE = SCHEMA_DIR / "outline.yml"
CASES_DIR = REPO_ROOT / "cases"
DOCS_DIR = REPO_ROOT / "docs"
