"""Synthetic portals for the benchmark: N reports with realistic prose and consistent figures.

The figures satisfy every arithmetic and cross-year rule, so the benchmark
measures a portal that builds; the prose (~1,500 Chinese characters a report)
is drawn from a fixed phrase list with a fixed seed, so runs are comparable.
"""

from __future__ import annotations

import random
from pathlib import Path

YEARS = (2019, 2020, 2021, 2022, 2023, 2024)
COLS = ("person", "business", "research", "social", "legal", "other")
PHRASES = (
    "坚持以人民为中心的发展思想", "深入贯彻落实政府信息公开条例", "围绕中心工作和群众关切", "持续推进决策、执行、管理、服务、结果公开",
    "进一步规范依申请公开办理流程", "加强政策解读和回应关切", "完善政府信息公开平台建设", "强化政务新媒体管理", "严格落实保密审查制度",
    "建立健全信息发布协调机制", "做好重点领域信息公开", "及时更新政府信息公开指南", "规范政府信息管理", "开展政务公开专题培训",
    "主动接受社会监督", "优化政务服务事项公开", "推进基层政务公开标准化规范化", "加强对下级单位的督促指导", "提升公开内容的准确性和实效性",
    "依法保障人民群众知情权、参与权、表达权和监督权", "做好财政预决算信息公开", "及时公开行政许可和行政处罚信息", "畅通依申请公开渠道",
)  # fmt: skip
AREAS = ("（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障")


# A portal-sized vocabulary: two-character words from the characters of the phrases above,
# so texts of different reports differ as real ones do (RY-6 compares them year to year).
_CHARS = sorted(set("".join(PHRASES)) - set("，、。"))
_WORDS = [a + b for a in _CHARS for b in _CHARS][::7]


def _prose(rng: random.Random, chars: int) -> str:
    out: list[str] = [rng.choice(PHRASES) + "，"]
    while sum(len(p) for p in out) < chars:
        out.append("".join(rng.choices(_WORDS, k=rng.randint(4, 9))) + rng.choice("，，。"))
    return "".join(out).rstrip("，") + "。"


def _row(values: list[int]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in zip(COLS, values, strict=True)) + "}"


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def report_yaml(rng: random.Random, year: int, carried_over: list[int], chain: dict[str, int]) -> tuple[str, list[int]]:
    """One report; `chain` carries table 二 figures that link consecutive years (RY-2 to RY-4)."""
    received = [rng.randint(5, 60), rng.randint(0, 9), rng.randint(0, 3), rng.randint(0, 2), rng.randint(0, 3), rng.randint(0, 4)]
    forward = [rng.randint(0, min(3, r + c)) for r, c in zip(received, carried_over, strict=True)]
    done = [r + c - f for r, c, f in zip(received, carried_over, forward, strict=True)]
    v2019 = year <= 2020
    outcome_keys = ["granted", "partly_granted", "refused.third_party_rights", "unavailable.not_held", "not_processed.repeated"]
    outcome_keys.append("other_handling" if v2019 else "other_handling.no_correction")
    split = [_split(rng, d, len(outcome_keys)) for d in done]  # per column
    outcomes = {key: [split[c][i] for c in range(6)] for i, key in enumerate(outcome_keys)}
    zero = [0] * 6

    def row(key: str) -> str:
        return _row(outcomes.get(key, zero))

    groups = {
        "refused": ("state_secret", "prohibited_by_law", "security_stability", "third_party_rights", "internal_affairs",
                    "process_information", "enforcement_files", "query_matters"),
        "unavailable": ("not_held", "needs_creation", "unclear"),
        "not_processed": ("complaints", "repeated", "publications", "excessive", "confirmation"),
    }  # fmt: skip
    if not v2019:
        groups["other_handling"] = ("no_correction", "unpaid_fees", "other")
    lines = [
        f"year: {year}",
        f"opening: 根据《中华人民共和国政府信息公开条例》编制本报告。本年度报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        "overview:",
        f"  text: {_prose(rng, 200)}",
        "  subsections:",
        *(f"    - title: {a}\n      text: {_prose(rng, 220)}" for a in AREAS),
        "active_disclosure:",
    ]
    if v2019:
        for key in ("regulations", "normative_documents"):
            chain[f"{key}.published"] = chain.get(f"{key}.published", rng.randint(3, 30)) + rng.randint(0, 3)
        items = []
        for key in ("licensing", "other_services", "punishment", "enforcement", "fees"):
            previous = chain.get(key, rng.randint(5, 50))
            change = rng.randint(-min(3, previous), 3)
            chain[key] = previous + change
            items.append(f"  {key}: {{previous: {previous}, change: {change}" + ("}" if key == "fees" else f", decisions: {rng.randint(0, 900)}}}"))
        lines += [
            f"  regulations: {{new_made: {rng.randint(0, 3)}, new_published: 0, total_published: {chain['regulations.published']}}}",
            f"  normative_documents: {{new_made: {rng.randint(1, 9)}, new_published: 1, total_published: {chain['normative_documents.published']}}}",
            *items,
            f"  procurement: {{projects: {rng.randint(1, 9)}, amount: {rng.randint(10, 900)}.5, unit: 万元}}",
        ]
    else:
        issued = {k: rng.randint(0, 6) for k in ("regulations", "normative_documents")}
        for key in issued:
            chain[f"{key}.in_force"] = chain.get(f"{key}.in_force", rng.randint(5, 40)) + issued[key]
        lines += [
            f"  regulations: {{issued: {issued['regulations']}, repealed: 0, in_force: {chain['regulations.in_force']}}}",
            f"  normative_documents: {{issued: {issued['normative_documents']}, repealed: 0, in_force: {chain['normative_documents.in_force']}}}",
            f"  licensing: {rng.randint(0, 5000)}",
            f"  punishment: {rng.randint(0, 500)}",
            f"  enforcement: {rng.randint(0, 50)}",
            f"  fees: {rng.randint(0, 99)}.{rng.randint(1, 99)}",
        ]
    lines += ["applications:", f"  received: {_row(received)}", f"  carried_over: {_row(carried_over)}"]
    lines += [f"  granted: {row('granted')}", f"  partly_granted: {row('partly_granted')}"]
    for group, items in groups.items():
        lines.append(f"  {group}:")
        lines += [f"    {item}: {row(f'{group}.{item}')}" for item in items]
    if v2019:
        lines.append(f"  other_handling: {row('other_handling')}")
    lines.append(f"  carried_forward: {_row(forward)}")
    lines += [
        "review_litigation:",
        f"  review: {{upheld: {rng.randint(0, 3)}, corrected: {rng.randint(0, 1)}, other: 0, pending: {rng.randint(0, 2)}}}",
        "  litigation_direct: {upheld: 1, corrected: 0, other: 0, pending: 0}",
        "  litigation_after_review: {upheld: 0, corrected: 0, other: 0, pending: 0}",
        f"problems: {_prose(rng, 300)}",
        "other_matters: 本年度未收取信息处理费。" if not v2019 else "other_matters: 无",
    ]
    return "\n".join(lines) + "\n", forward


def write_portal(data: Path, reports: int, seed: int = 2019) -> int:
    """Write about `reports` report files (six years per agency) under data/; return how many."""
    rng = random.Random(seed)
    agencies = max(1, reports // len(YEARS))
    written = 0
    for a in range(agencies):
        folder = data / f"bench-{a:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        kind = "government" if a % 25 == 0 else "department"
        profile = [f"name: 基准测试市第{a}号机关", f"type: {kind}", f"region: 基准测试市第{a // 25}区", f"address: 测试路{a}号", 'postcode: "100000"']
        (folder / "agency.yaml").write_text("\n".join(profile) + "\n", encoding="utf-8")
        carried = [0] * 6
        chain: dict[str, int] = {}
        for year in YEARS:
            text, carried = report_yaml(rng, year, carried, chain)
            (folder / f"{year}.yaml").write_text(text, encoding="utf-8")
            written += 1
    return written
