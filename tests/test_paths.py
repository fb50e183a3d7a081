"""`odimpact` works on the checkout you stand in, not the one it was installed from."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from odimpact.paths import PACKAGE_ROOT

SHOW_ROOT = "from odimpact.paths import REPO_ROOT, CASES_DIR; print(REPO_ROOT); print(CASES_DIR)"


def _root_seen_from(folder: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", SHOW_ROOT], cwd=folder, capture_output=True, text=True, check=True
    )
    return result.stdout.split()


def test_the_checkout_you_stand_in_is_used(tmp_path: Path) -> None:
    checkout = tmp_path / "other-checkout"
    (checkout / "schema").mkdir(parents=True)
    (checkout / "schema" / "case.schema.json").write_text("{}", encoding="utf-8")
    (checkout / "cases" / "synthetic-case").mkdir(parents=True)
    (checkout / "mkdocs.yml").write_text("site_name: Synthetic\n", encoding="utf-8")
    assert _root_seen_from(checkout / "cases" / "synthetic-case") == [
        str(checkout),
        str(checkout / "cases"),
    ]


def test_outside_any_checkout_the_installed_one_is_used(tmp_path: Path) -> None:
    assert _root_seen_from(tmp_path) == [str(PACKAGE_ROOT), str(PACKAGE_ROOT / "cases")]
