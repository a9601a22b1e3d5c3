"""`nianbao check` as a clerk and CI meet it: Chinese help and errors, selected files, GitHub annotations, pre-commit."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from checkrun import AGENCY_ID, agency_tree, check, edit, fixture
from nianbao import cli

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BAD_2021 = edit(fixture("2021.yaml"), ("pending: 1, total: 4}", "pending: 1, total: 5}"))


def test_help_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["check", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：nianbao check [-h] [--format {text,github,gitlab}] [路径 ...]\n")
    assert "位置参数:" in out and "选项:" in out and "-h, --help            显示本帮助并退出" in out
    assert not re.search(r"usage|options|positional|show this help", out)


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["check", "--format", "xml"], "nianbao check：错误：参数 --format：无效的选择 'xml'（可选：'text', 'github', 'gitlab'）"),
        (["check", "--nope"], "nianbao：错误：无法识别的参数：--nope"),
        (["chekc"], "nianbao：错误：参数 命令：无效的选择 'chekc'（可选："),
    ],
)
def test_argparse_errors_are_chinese(argv: list[str], error: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：nianbao")
    assert err.splitlines()[-1].startswith(error)
    assert "usage:" not in err and "error:" not in err


def test_only_the_given_files_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = agency_tree(tmp_path, r2020=fixture("2020.yaml"), r2021=BAD_2021)
    monkeypatch.chdir(root)
    assert check(root, f"data/{AGENCY_ID}/2020.yaml").status == 0
    run = check(root, f"data/{AGENCY_ID}/2021.yaml")
    assert run.status == 1
    assert [line.split(" ", 2)[:2] for line in run.lines] == [
        ["data/ceshi-jyj/2021.yaml:15:13:", "警告"],
        ["data/ceshi-jyj/2021.yaml:54:83:", "错误"],
    ]
    assert check(root, f"data/{AGENCY_ID}").lines == run.lines


def test_a_missing_path_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = agency_tree(tmp_path, r2021=fixture("2021.yaml"))
    monkeypatch.chdir(root)
    run = check(root, "data/ceshi-jyj/2012.yaml")
    assert (run.status, run.lines, run.summary) == (2, [], "nianbao check：错误：找不到文件或文件夹“data/ceshi-jyj/2012.yaml”")


def test_github_annotations(tmp_path: Path) -> None:
    root = agency_tree(tmp_path, r2020=fixture("2020.yaml"), r2021=BAD_2021)
    run = check(root, "--format", "github")
    assert run.status == 1
    assert run.lines == [
        "::warning file=data/ceshi-jyj/2021.yaml,line=15,col=13,title=RX-1::[RX-1] overview.subsections.2.text：“一、总体情况”中写“行政复议4件”，但表四“行政复议”的总计为 5 (请核对正文与表格，使两者一致；正文有意统计其他范围（如全地区汇总）的，请写明范围)",  # noqa: E501
        "::error file=data/ceshi-jyj/2021.yaml,line=54,col=83,title=R4-1::[R4-1] review_litigation.review.total：表四“行政复议”的总计为 5，但结果维持、结果纠正、其他结果、尚未审结之和为 4 (请把总计改为 4，或改正四项结果；也可删去 total 由系统计算)",  # noqa: E501
    ]
    assert run.summary == ""  # annotations only: the summary line would be noise in the log


# GitLab's Code Quality report (docs.gitlab.com/ci/testing/code_quality, "Code Quality report format"):
# a JSON array of CodeClimate issues; GitLab requires these fields and ignores an issue without them.
CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},
                    "lines": {"type": "object", "required": ["begin"], "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def test_gitlab_code_quality_report(tmp_path: Path) -> None:
    """`--format gitlab`: the report on stdout for `artifacts: reports: codequality`, the usual lines in the job log."""
    root = agency_tree(tmp_path, r2020=fixture("2020.yaml"), r2021=BAD_2021)
    run = check(root, "--format", "gitlab")
    assert run.status == 1
    issues = json.loads("\n".join(run.lines))
    jsonschema.validate(issues, CODE_QUALITY)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("RX-1", "minor", {"path": "data/ceshi-jyj/2021.yaml", "lines": {"begin": 15}}),
        ("R4-1", "critical", {"path": "data/ceshi-jyj/2021.yaml", "lines": {"begin": 54}}),
    ]
    assert issues[1]["description"].startswith("[R4-1] review_litigation.review.total：表四“行政复议”的总计为 5")
    assert len({i["fingerprint"] for i in issues}) == 2
    assert "data/ceshi-jyj/2021.yaml:54:83: 错误 [R4-1]" in run.summary  # the job log still reads as usual
    assert run.summary.endswith("检查了 2 份报告：1 个错误，1 个警告。")


def test_gitlab_fingerprints_survive_a_line_added_above(tmp_path: Path) -> None:
    """The merge request shows a finding as new only when it is: moving down a line keeps its fingerprint."""
    first = json.loads("\n".join(check(agency_tree(tmp_path / "a", r2020=fixture("2020.yaml"), r2021=BAD_2021), "--format", "gitlab").lines))
    moved = edit(BAD_2021, ("year: 2021\n", "year: 2021\n# 新增的一行注释\n"))
    second = json.loads("\n".join(check(agency_tree(tmp_path / "b", r2020=fixture("2020.yaml"), r2021=moved), "--format", "gitlab").lines))
    assert [i["location"]["lines"]["begin"] + 1 for i in first] == [i["location"]["lines"]["begin"] for i in second]
    assert [i["fingerprint"] for i in first] == [i["fingerprint"] for i in second]


def test_the_sample_data_has_no_errors() -> None:
    run = check(REPO)
    assert run.status == 0, run.lines
    assert not [line for line in run.lines if " 错误 " in line]


def test_pre_commit_hook_checks_changed_data_files(tmp_path: Path) -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    (published,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for h in (hook, published):
        assert h["id"] == "nianbao-check" and h["pass_filenames"] is True
        files = re.compile(h["files"])
        assert files.search("data/ceshi-jyj/2021.yaml") and files.search("data/ceshi-jyj/agency.yml")
        assert not files.search("docs/index.md") and not files.search("schema/agency.schema.json")
    assert published["entry"] == "nianbao check"
    assert hook["entry"] == ".venv/bin/nianbao check"
    # What pre-commit runs: the entry followed by the changed files, from the project root.
    root = agency_tree(tmp_path, r2020=fixture("2020.yaml"), r2021=BAD_2021)
    command = [str(BIN / "nianbao"), "check", f"data/{AGENCY_ID}/2021.yaml"]
    proc = subprocess.run(command, cwd=root, capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1
    assert "data/ceshi-jyj/2021.yaml:54:83: 错误 [R4-1]" in proc.stdout
    assert proc.stderr.strip() == "检查了 1 份报告：1 个错误，1 个警告。"
