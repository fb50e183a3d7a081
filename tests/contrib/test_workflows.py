"""The GitHub workflows, forms, template and hooks keep the security and behaviour contributors rely
on."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from odimpact.paths import REPO_ROOT

WORKFLOWS = REPO_ROOT / ".github" / "workflows"
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}\Z")


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # PyYAML reads the key `on` as True


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def all_workflows() -> list[dict]:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [path.name for path in files] == ["links.yml", "publish.yml", "pull-request.yml"]
    return [load(path.name) for path in files]


# The one job allowed more than reading: publishing to GitHub Pages, through the OIDC token.
DEPLOY_PERMISSIONS = {"pages": "write", "id-token": "write"}


def test_least_privilege_and_no_privileged_triggers():
    for workflow in all_workflows():
        assert workflow["permissions"] == {"contents": "read"}
        for name, job in workflow["jobs"].items():
            assert "permissions" not in job or (
                workflow["name"] == "Publish the site"
                and name == "deploy"
                and job["permissions"] == DEPLOY_PERMISSIONS
                and "run" not in str(job["steps"])
            )
        assert "pull_request_target" not in triggers(workflow) and "workflow_run" not in triggers(
            workflow
        )


def test_actions_pinned_to_commits_and_credentials_not_persisted():
    for workflow in all_workflows():
        for step in steps(workflow):
            if "uses" in step:
                assert PINNED.match(step["uses"]), step["uses"]
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_no_expression_is_pasted_into_a_shell_script():
    for workflow in all_workflows():
        assert all("${{" not in step.get("run", "") for step in steps(workflow))


def test_pull_request_checks_validate_changed_cases_build_and_test_but_never_check_links():
    workflow = load("pull-request.yml")
    assert list(triggers(workflow)) == ["pull_request"]
    runs = [step.get("run", "") for step in steps(workflow)]
    assert 'odimpact validate --changed-since "origin/${BASE_REF}" --format github' in runs
    assert 'odimpact review-scope --changed-since "origin/${BASE_REF}" --format github' in runs
    assert "make site" in runs and any(".ci/run" in run for run in runs)
    assert not any("check-links" in run for run in runs)
    assert all(
        step["env"]["BASE_REF"] == "${{ github.base_ref }}"
        for step in steps(workflow)
        if "BASE_REF" in step.get("run", "")
    )


def test_links_are_checked_on_a_schedule():
    workflow = load("links.yml")
    assert set(triggers(workflow)) == {"schedule", "workflow_dispatch"}
    assert any(step.get("run", "").startswith("odimpact check-links") for step in steps(workflow))


def test_zizmor_finds_nothing():
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent))
    assert zizmor, "zizmor is a test dependency: run make setup"
    result = subprocess.run(
        [zizmor, "--offline", "--no-progress", str(WORKFLOWS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_pre_commit_runs_the_validator_on_changed_case_files():
    config = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for hook in config["repos"][0]["hooks"]}
    hook = hooks["odimpact-validate"]
    assert config["repos"][0]["repo"] == "local" and hook["entry"] == ".venv/bin/odimpact validate"
    assert (
        hooks["ruff"]["entry"] == ".venv/bin/ruff check"
        and hooks["mypy"]["entry"] == ".venv/bin/mypy"
    )
    pattern = re.compile(hook["files"])
    assert pattern.search("cases/synthetic-case/index.fr.md") and not pattern.search(
        "scripts/odimpact/cli.py"
    )


def test_issue_forms_and_pull_request_template_are_bilingual():
    for path in (REPO_ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"):
        form = yaml.safe_load(path.read_text(encoding="utf-8"))
        for element in form.get("body", []):
            label = element.get("attributes", {}).get("label")
            assert label is None or " / " in label, (path.name, label)
    template = (REPO_ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    items = [
        " ".join(item.split())
        for item in re.split(r"\n(?=- \[ \])", template.split("## Checklist", 1)[1])[1:]
    ]
    assert len(items) == 7 and all(" / " in item for item in items), items


def test_main_is_published_to_pages_from_make_site_and_pull_requests_keep_the_built_pages():
    workflow = load("publish.yml")
    assert triggers(workflow)["push"] == {"branches": ["main"]}
    build = workflow["jobs"]["build"]["steps"]
    assert any(step.get("run") == "make site" for step in build)
    assert (
        build[-1]["uses"].startswith("actions/upload-pages-artifact@")
        and build[-1]["with"]["path"] == "site"
    )
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    site = load("pull-request.yml")["jobs"]["site"]["steps"]
    assert any(
        step.get("uses", "").startswith("actions/upload-artifact@")
        and step["with"]["path"] == "site"
        for step in site
    )
