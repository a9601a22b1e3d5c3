"""Ownership: who maintains which agency folder, as CODEOWNERS and as a pull-request check.

- Each `data/<agency>/agency.yaml` may list `maintainers` (GitHub users `@login`
  or teams `@org/team`).
- The portal maintainers are listed in `mkdocs.yml` under
  `extra.nianbao.maintainers`; they own everything else and may approve a
  change to any folder.

`codeowners_text` turns that into `.github/CODEOWNERS`; `check_changes` is the
rule the pull-request workflow applies: a change to an agency folder needs the
author to be one of its maintainers, anything outside `data/<agency>/` needs a
portal maintainer, and a portal maintainer's approval lifts both. The facts
are read through a `Tree` so the workflow can read them from the base commit,
where the pull request cannot have changed them.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import yaml
from pydantic import ValidationError

from nianbao.model.documents import Agency
from nianbao.model.load import AGENCY_FILES, SLUG
from nianbao.model.source import SourceProblem, decode, parse
from nianbao.workflow.siteconfig import lookup, read_config

CODEOWNERS_PATH = ".github/CODEOWNERS"
_OWNER = re.compile(r"@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+")


class OwnershipError(Exception):
    """A fact needed for ownership cannot be read; the message is Chinese and says how to fix it."""


class Tree(Protocol):
    def read(self, rel: str) -> bytes | None: ...

    def agency_ids(self) -> list[str]: ...


@dataclass(frozen=True)
class WorkTree:
    root: Path

    def read(self, rel: str) -> bytes | None:
        path = self.root / rel
        return path.read_bytes() if path.is_file() else None

    def agency_ids(self) -> list[str]:
        data = self.root / "data"
        return sorted(p.name for p in data.iterdir() if p.is_dir()) if data.is_dir() else []


@dataclass(frozen=True)
class GitTree:
    """The files of one commit, read with `git show` (the workflow passes the pull request's base)."""

    root: Path
    rev: str

    def _git(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(["git", "-C", str(self.root), *args], capture_output=True, check=False)

    def read(self, rel: str) -> bytes | None:
        done = self._git("show", f"{self.rev}:{rel}")
        return done.stdout if done.returncode == 0 else None

    def agency_ids(self) -> list[str]:
        done = self._git("ls-tree", "-d", "--name-only", f"{self.rev}:data")
        if done.returncode != 0:
            raise OwnershipError(f"无法读取提交 {self.rev} 中的 data/ 文件夹：{done.stderr.decode('utf-8', 'replace').strip()}")
        return sorted(done.stdout.decode("utf-8").split())


def changed_files(root: Path, base: str, head: str = "HEAD") -> list[str]:
    """Files a pull request changes: `git diff --name-only base...head`, renames listed as both paths."""
    done = subprocess.run(["git", "-C", str(root), "diff", "--name-only", "--no-renames", "-z", f"{base}...{head}"], capture_output=True, check=False)
    if done.returncode != 0:
        raise OwnershipError(f"无法比较 {base}...{head}：{done.stderr.decode('utf-8', 'replace').strip()}（请确认检出时获取了完整历史，如 fetch-depth: 0）")
    return [p for p in done.stdout.decode("utf-8").split("\0") if p]


# --------------------------------------------------------------------------
# Reading the facts
# --------------------------------------------------------------------------


def normalize_owner(owner: str) -> str:
    """'zhangsan' -> '@zhangsan'; '@org/team' and e-mail addresses unchanged; anything else refused."""
    text = owner.strip()
    if text and not text.startswith("@") and "@" not in text:
        text = "@" + text
    if not _OWNER.fullmatch(text):
        raise OwnershipError(f"“{owner}”不是有效的维护人（应为 GitHub 用户 @zhangsan、团队 @org/team 或电子邮箱）")
    return text


def portal_maintainers(tree: Tree, config: str = "mkdocs.yml") -> list[str]:
    raw = tree.read(config)
    if raw is None:
        return []
    try:
        values = read_config(raw.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise OwnershipError(f"无法读取 {config}：{err}") from None
    listed = lookup(values, "extra", "nianbao", "maintainers") or []
    if isinstance(listed, str):
        listed = [listed]
    return [normalize_owner(str(o)) for o in listed]


def agency_maintainers(tree: Tree) -> dict[str, list[str]]:
    """Maintainers of every agency folder that has a readable agency.yaml."""
    owners: dict[str, list[str]] = {}
    for agency_id in tree.agency_ids():
        if not SLUG.fullmatch(agency_id):
            continue
        for name in AGENCY_FILES:
            rel = f"data/{agency_id}/{name}"
            raw = tree.read(rel)
            if raw is None:
                continue
            try:
                values, _ = parse(decode(raw))
                agency = Agency.model_validate(values)
            except (SourceProblem, ValidationError):
                raise OwnershipError(f"{rel} 有错误，无法读取维护人（请先运行 nianbao check {rel} 并改正）") from None
            owners[agency_id] = [normalize_owner(m) for m in agency.maintainers]
            break
    return owners


# --------------------------------------------------------------------------
# CODEOWNERS
# --------------------------------------------------------------------------


def codeowners_text(agencies: dict[str, list[str]], portal: list[str]) -> str:
    """The CODEOWNERS file: portal maintainers own everything; each agency folder adds its maintainers.

    GitHub applies the last matching line, so each agency line repeats the portal
    maintainers: either an agency maintainer or a portal maintainer can approve.
    """
    lines = [
        "# 由 nianbao codeowners 根据 mkdocs.yml（extra.nianbao.maintainers）和各 data/*/agency.yaml 的 maintainers 生成。",
        "# 请勿手工修改：修改维护人后运行 nianbao codeowners 重新生成。",
        "",
    ]
    if portal:
        lines += ["# 门户维护者：负责全部文件，可批准任何修改。", f"* {' '.join(portal)}", ""]
    else:
        lines += ["# 尚未设置门户维护者（mkdocs.yml 中的 extra.nianbao.maintainers）。", ""]
    listed = {a: m for a, m in sorted(agencies.items()) if m}
    if listed:
        lines.append("# 各机关文件夹：本机关维护人（或门户维护者）审核。")
        for agency_id, maintainers in listed.items():
            owners = list(dict.fromkeys([*maintainers, *portal]))
            lines.append(f"/data/{agency_id}/ {' '.join(owners)}")
    return "\n".join(lines).rstrip("\n") + "\n"


# --------------------------------------------------------------------------
# The pull-request check
# --------------------------------------------------------------------------


def _login(owner: str) -> str:
    return owner.lstrip("@").lower()


@dataclass
class Verdict:
    author: str
    approved_by: list[str]
    portal: list[str]
    # (path, agency id or None for portal files, the owners that may change it)
    foreign: list[tuple[str, str | None, list[str]]] = field(default_factory=list)
    approver: str | None = None
    changed: int = 0

    @property
    def ok(self) -> bool:
        return not self.foreign or self.approver is not None

    def lines(self) -> list[str]:
        out = [f"归属检查：作者 @{self.author}，修改了 {self.changed} 个文件。"]
        if not self.foreign:
            out.append("通过：所有修改都在作者负责维护的机关文件夹内。")
            return out
        for path, agency_id, owners in self.foreign:
            who = "、".join(owners) if owners else "（未设置维护人）"
            where = f"机关 {agency_id} 的文件夹，维护人：{who}" if agency_id else f"门户文件，由门户维护者负责：{who}"
            out.append(f"  {path}：{where}")
        portal = f"（{'、'.join(self.portal)}）" if self.portal else "（尚未设置，见 mkdocs.yml 的 extra.nianbao.maintainers）"
        if self.approver:
            out.append(f"通过：以上文件不归作者维护，但已由门户维护者 @{self.approver} 批准。")
        else:
            out.append(f"未通过：本合并请求修改了作者不负责维护的文件，需要门户维护者{portal}批准后才能合并。")
            out.append("如只是误改了其他机关的文件，请撤销这些修改；门户维护者批准后重新运行本检查即可通过。")
        return out


def check_changes(author: str, changed: Iterable[str], agencies: dict[str, list[str]], portal: list[str], approved_by: Iterable[str] = ()) -> Verdict:
    author_login = _login(author)
    portal_logins = {_login(p) for p in portal}
    approvals = [_login(a) for a in approved_by if _login(a) != author_login]
    verdict = Verdict(author_login, approvals, portal)
    paths = sorted(set(changed))
    verdict.changed = len(paths)
    for path in paths:
        parts = path.split("/")
        agency_id = parts[1] if len(parts) >= 3 and parts[0] == "data" else None
        if author_login in portal_logins:
            continue
        if agency_id is not None:
            owners = agencies.get(agency_id, [])
            if author_login in {_login(o) for o in owners}:
                continue
            verdict.foreign.append((path, agency_id, [*owners]))
        else:
            verdict.foreign.append((path, None, [*portal]))
    verdict.approver = next((a for a in approvals if a in portal_logins), None)
    return verdict
