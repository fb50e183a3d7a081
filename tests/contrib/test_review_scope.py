"""`odimpact review-scope`: a pull request touching more than case files is flagged, with the
reason."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Synthetic", "-c", "user.email=synthetic@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "cases" / "synthetic-case").mkdir(parents=True)
    (root / "cases" / "synthetic-case" / "index.en.md").write_text(
        "---\nid: synthetic-case\n---\n", encoding="utf-8"
    )
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "base")
    return root


def scope(run_cli, repo: Path, *extra: str):
    return run_cli(
        "review-scope", "--changed-since", "main", "--repo", str(repo), "--lang", "en", *extra
    )


def test_case_files_and_images_only_pass(run_cli, repo):
    folder = repo / "cases" / "synthetic-case"
    (folder / "index.fr.md").write_text("---\nid: synthetic-case\n---\n", encoding="utf-8")
    (folder / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    git(repo, "add", ".")
    result = scope(run_cli, repo)
    assert (result.code, result.out) == (0, "Only case files changed since main.\n")


def test_everything_beyond_case_files_is_flagged(run_cli, repo):
    (repo / "mkdocs.yml").write_text("site_name: y\n", encoding="utf-8")
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "x.yml").write_text("on: push\n", encoding="utf-8")
    (repo / "cases" / "synthetic-case" / "notes.txt").write_text("x\n", encoding="utf-8")
    (repo / "cases" / "synthetic-case" / "data.bin").write_bytes(b"\x00\x01\x02")
    os.symlink("/etc/passwd", repo / "cases" / "synthetic-case" / "index.fr.md")
    (repo / "top.txt").write_text("x\n", encoding="utf-8")
    git(repo, "add", ".")
    result = scope(run_cli, repo)
    assert result.code == 1
    assert result.out.splitlines() == [
        (
            ".github/workflows/x.yml: changes the project's code, workflows or configuration: "
            "needs maintainer review"
        ),
        (
            "cases/synthetic-case/data.bin: is not a case file (cases/<id>/index.en.md, "
            "index.fr.md) or an image: needs maintainer review"
        ),
        "cases/synthetic-case/data.bin: is a binary file: needs maintainer review",
        "cases/synthetic-case/index.fr.md: is a symbolic link: needs maintainer review",
        (
            "cases/synthetic-case/notes.txt: is not a case file (cases/<id>/index.en.md, "
            "index.fr.md) or an image: needs maintainer review"
        ),
        (
            "mkdocs.yml: changes the project's code, workflows or configuration: needs "
            "maintainer review"
        ),
        "top.txt: is outside cases/: needs maintainer review",
    ]


def test_github_annotations_in_french(run_cli, repo):
    (repo / "mkdocs.yml").write_text("site_name: y\n", encoding="utf-8")
    result = run_cli(
        "review-scope",
        "--changed-since",
        "main",
        "--repo",
        str(repo),
        "--lang",
        "fr",
        "--format",
        "github",
    )
    assert (result.code, result.out) == (
        1,
        "::warning file=mkdocs.yml,title=review-scope (sensitive)::mkdocs.yml\u00a0: "
        "modifie le code, les flux de travail ou la configuration du projet\u00a0: "
        "à faire examiner par l'équipe\n",
    )


def test_an_unknown_ref_is_a_usage_error(run_cli, repo):
    result = run_cli(
        "review-scope", "--changed-since", "no-such-ref", "--repo", str(repo), "--lang", "en"
    )
    assert result.code == 2 and result.err.startswith(
        "odimpact review-scope: cannot list changes since 'no-such-ref'"
    )
