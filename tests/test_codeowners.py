"""CODEOWNERS generation, its drift test, and the pull-request ownership check."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from nianbao.cli import main
from nianbao.workflow.ownership import CODEOWNERS_PATH, WorkTree, agency_maintainers, check_changes, codeowners_text, portal_maintainers

REPO = Path(__file__).resolve().parent.parent

MKDOCS = """\
site_name: 测试门户
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
extra:
  nianbao:
    maintainers: ["@portal-admin"]
"""


def agency(name: str, maintainers: list[str]) -> str:
    return f"name: {name}\ntype: department\nregion: 示例市\nmaintainers: {maintainers!r}\n".replace("'", '"')


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    for agency_id, name, owners in (
        ("shili-jyj", "示例市教育局", ["@alice", "@shili/jyj-editors"]),
        ("shili-czj", "示例市财政局", ["bob"]),
        ("shili-wsj", "示例市卫生局", []),
    ):
        (tmp_path / "data" / agency_id).mkdir(parents=True)
        (tmp_path / "data" / agency_id / "agency.yaml").write_text(agency(name, owners), encoding="utf-8")
    return tmp_path


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


def test_committed_codeowners_is_up_to_date() -> None:
    """Fails when someone changes maintainers in agency.yaml or mkdocs.yml without running `nianbao codeowners`."""
    tree = WorkTree(REPO)
    expected = codeowners_text(agency_maintainers(tree), portal_maintainers(tree))
    committed = (REPO / CODEOWNERS_PATH).read_text(encoding="utf-8")
    assert committed == expected, "请运行 nianbao codeowners 重新生成 .github/CODEOWNERS 并提交"


def test_codeowners_lines(portal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(portal, "codeowners") == 0
    text = (portal / ".github/CODEOWNERS").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines == [
        "* @portal-admin",
        "/data/shili-czj/ @bob @portal-admin",
        "/data/shili-jyj/ @alice @shili/jyj-editors @portal-admin",
    ]
    assert text.startswith("# 由 nianbao codeowners")


def test_codeowners_drift_is_caught(portal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(portal, "codeowners", "--check") == 1  # not generated yet
    assert run(portal, "codeowners") == 0
    assert run(portal, "codeowners", "--check") == 0
    (portal / "data/shili-wsj/agency.yaml").write_text(agency("示例市卫生局", ["@carol"]), encoding="utf-8")
    capsys.readouterr()
    assert run(portal, "codeowners", "--check") == 1
    assert "请运行 nianbao codeowners 重新生成并提交" in capsys.readouterr().err
    assert run(portal, "codeowners") == 0
    assert "/data/shili-wsj/ @carol @portal-admin" in (portal / ".github/CODEOWNERS").read_text(encoding="utf-8")


def test_codeowners_options_and_bad_owner(portal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(portal, "codeowners", "--portal-maintainer", "@root-team/admins", "--output", ".gitlab/CODEOWNERS") == 0
    assert "* @root-team/admins\n" in (portal / ".gitlab/CODEOWNERS").read_text(encoding="utf-8")
    (portal / "data/shili-wsj/agency.yaml").write_text(agency("示例市卫生局", ["张三"]), encoding="utf-8")
    capsys.readouterr()
    assert run(portal, "codeowners") == 1
    assert "“张三”不是有效的维护人" in capsys.readouterr().err


# --------------------------------------------------------------------------
# owners-check
# --------------------------------------------------------------------------

OWNERS = {"shili-jyj": ["@alice", "@shili/jyj-editors"], "shili-czj": ["@bob"], "shili-wsj": []}


@pytest.mark.parametrize(
    ("author", "changed", "approved", "ok"),
    [
        ("alice", ["data/shili-jyj/2024.yaml"], [], True),
        ("Alice", ["data/shili-jyj/2024.yaml", "data/shili-jyj/agency.yaml"], [], True),  # logins are case-insensitive
        ("alice", ["data/shili-czj/2024.yaml"], [], False),  # another agency's folder
        ("alice", ["data/shili-czj/2024.yaml"], ["bob"], False),  # the other agency's maintainer is not enough
        ("alice", ["data/shili-czj/2024.yaml"], ["portal-admin"], True),  # a portal maintainer approved
        ("alice", ["data/shili-new/agency.yaml"], [], False),  # new agencies are added by portal maintainers
        ("alice", ["mkdocs.yml"], [], False),  # portal files
        ("alice", [".github/workflows/pull-request.yml"], [], False),
        ("portal-admin", ["mkdocs.yml", "data/shili-czj/2024.yaml"], [], True),
        ("portal-admin", ["data/shili-czj/2024.yaml"], ["portal-admin"], True),
        ("bob", ["data/shili-wsj/2024.yaml"], ["bob"], False),  # authors cannot approve their own change
    ],
)
def test_owners_check_rule(author: str, changed: list[str], approved: list[str], ok: bool) -> None:
    verdict = check_changes(author, changed, OWNERS, ["@portal-admin"], approved)
    assert verdict.ok is ok, "\n".join(verdict.lines())


def test_owners_check_cli_messages(portal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(portal, "owners-check", "--author", "bob", "--changed", "data/shili-czj/2024.yaml") == 0
    assert "通过：所有修改都在作者负责维护的机关文件夹内。" in capsys.readouterr().out
    assert run(portal, "owners-check", "--author", "bob", "--changed", "data/shili-czj/2024.yaml", "data/shili-jyj/2024.yaml") == 1
    out = capsys.readouterr().out
    assert "  data/shili-jyj/2024.yaml：机关 shili-jyj 的文件夹，维护人：@alice、@shili/jyj-editors" in out
    assert "未通过：本合并请求修改了作者不负责维护的文件，需要门户维护者（@portal-admin）批准后才能合并。" in out
    args = ["owners-check", "--author", "bob", "--changed", "data/shili-jyj/2024.yaml", "--approved-by", "alice", "portal-admin"]
    assert run(portal, *args) == 0
    assert "已由门户维护者 @portal-admin 批准" in capsys.readouterr().out


def git(root: Path, *args: str) -> str:
    cmd = ["git", "-C", str(root), "-c", "user.name=测试", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false", *args]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()


def test_owners_check_reads_maintainers_from_the_base(portal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A pull request cannot make itself the owner: maintainers and changed files come from git, at the base."""
    git(portal, "init", "-q", "-b", "main")
    git(portal, "add", ".")
    git(portal, "commit", "-q", "-m", "base")
    base = git(portal, "rev-parse", "HEAD")
    git(portal, "checkout", "-q", "-b", "pr")
    (portal / "data/shili-jyj/agency.yaml").write_text(agency("示例市教育局", ["@alice", "@mallory"]), encoding="utf-8")
    (portal / "data/shili-jyj/2024.yaml").write_text("year: 2024\n", encoding="utf-8")
    git(portal, "add", ".")
    git(portal, "commit", "-q", "-m", "pr")
    capsys.readouterr()
    assert run(portal, "owners-check", "--author", "mallory", "--base", base) == 1
    out = capsys.readouterr().out
    assert "修改了 2 个文件" in out and "data/shili-jyj/agency.yaml" in out
    assert run(portal, "owners-check", "--author", "alice", "--base", base) == 0
    assert run(portal, "owners-check", "--author", "mallory", "--base", base, "--approved-by", "portal-admin") == 0
