"""The portal's settings for the 报送进度 and 考核 pages, read from the nianbao plugin's options in mkdocs.yml.

    plugins:
      - nianbao:
          progress: public          # public: part of the site; internal (default): only `nianbao progress --out`
          progress_as_of: 2026-02-20  # optional: states as of this day instead of the build date
          rates_min_sample: 30      # below this many cases a rate is not shown, only the counts
          assessment: assessment.yaml  # the rulepack, beside mkdocs.yml; no file: no assessment
          deadlines: {2019: {department: 2020-02-29}}  # optional overrides (see `deadlines`)

The MkDocs plugin and the CLI (which reads mkdocs.yml without MkDocs,
`workflow.siteconfig.progress_settings`) both hand the raw options to
`progress_config`, so both read them the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from nianbao.model.assessment import RULEPACK_FILE, Rulepack, load_rulepack
from nianbao.model.deadlines import DeadlineConfigError, Deadlines, parse_deadlines
from nianbao.model.progress import build_date
from nianbao.model.rates import DEFAULT_MIN_SAMPLE

Visibility = Literal["public", "internal"]
WHERE = "mkdocs.yml 的 nianbao 插件设置"


class ProgressConfigError(ValueError):
    """Settings that cannot be used; the message (Chinese) says which and how to fix them."""


@dataclass(frozen=True)
class ProgressConfig:
    visibility: Visibility
    as_of: dt.date
    min_sample: int
    deadlines: Deadlines
    rulepack: Rulepack | None
    rulepack_file: str | None  # relative to the portal root, for the page to cite

    @property
    def public(self) -> bool:
        return self.visibility == "public"


def deadlines_of(options: Mapping[str, Any]) -> Deadlines:
    try:
        return parse_deadlines(options.get("deadlines"), f"{WHERE} deadlines")
    except DeadlineConfigError as e:
        raise ProgressConfigError(str(e)) from e


def progress_config(options: Mapping[str, Any], root: Path) -> ProgressConfig:
    visibility = options.get("progress") or "internal"
    if visibility not in ("public", "internal"):
        raise ProgressConfigError(f"{WHERE} progress：“{visibility}”不是可选值，请写 public（公开发布报送进度页）或 internal（只供内部使用）")
    as_of = options.get("progress_as_of")
    if isinstance(as_of, str):
        try:
            as_of = dt.date.fromisoformat(as_of)
        except ValueError:
            as_of = False
    if as_of is not None and (not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime)):
        raise ProgressConfigError(f"{WHERE} progress_as_of：应为日期，如 2026-02-20；省略则按构建当天计算")
    min_sample = options.get("rates_min_sample", DEFAULT_MIN_SAMPLE)
    if not isinstance(min_sample, int) or isinstance(min_sample, bool) or min_sample < 1:
        raise ProgressConfigError(f"{WHERE} rates_min_sample：应为正整数（件数），如 30")
    name = options.get("assessment") or RULEPACK_FILE
    if not isinstance(name, str):
        raise ProgressConfigError(f"{WHERE} assessment：应为考核细则文件名，如 assessment.yaml")
    rulepack, rel = None, None
    path = root / name
    if path.is_file():
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        rulepack, findings = load_rulepack(path, rel)
        if rulepack is None:
            raise ProgressConfigError("\n".join(f.format_text() for f in findings))
    elif options.get("assessment"):
        raise ProgressConfigError(f"{WHERE} assessment：找不到考核细则文件 {name}，请创建该文件或删去这项设置")
    return ProgressConfig(visibility, as_of or build_date(), min_sample, deadlines_of(options), rulepack, rel)
