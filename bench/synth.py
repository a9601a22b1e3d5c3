"""Synthetic portals for the benchmark: N reports with realistic prose and consistent figures.

The figures satisfy every arithmetic and cross-year rule, so the benchmark
measures a portal that builds; the prose (~1,500 Chinese characters a report)
is drawn from the sentences of the repository's own reports with a fixed
seed, so runs are comparable.
"""

from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path

import yaml

YEARS = (2019, 2020, 2021, 2022, 2023, 2024)
COLS = ("person", "business", "research", "social", "legal", "other")
AREAS = ("（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障")
REGIONS = ["东城区", "西城区", "南湖区", "北山县", "青河县", "白云区", "长宁县", "临江市", "凤凰县", "安平区", "永和县", "石桥镇"]
DEPARTMENTS = [
    "人民政府",
    "人民政府办公室",
    "发展和改革局",
    "教育局",
    "科学技术局",
    "工业和信息化局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化广电旅游局",
    "卫生健康委员会",
    "退役军人事务局",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "林业局",
    "机关事务管理局",
    "信访局",
    "城市管理局",
]

REPO = Path(__file__).resolve().parent.parent
_HAN = re.compile(r"[\u4e00-\u9fff]")
_FIGURE = re.compile(r"[0-9０-９]")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@lru_cache(maxsize=1)
def sentences() -> tuple[str, ...]:
    """Every sentence of the prose in the repository's own reports (the real seed report and the samples).

    Real sentences give the Chinese segmenter of the search index real words: an
    earlier generator glued random characters together, and Pagefind took every
    such string for a new word (a vocabulary, index and memory no portal has).
    """
    found: dict[str, None] = {}
    for path in sorted((REPO / "data").glob("*/*.yaml")):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for sentence in re.split(r"(?<=[。；])|\n", text):
                # Sentences with figures are left out: they would contradict the synthetic tables (RX-1).
                if len(_HAN.findall(sentence)) >= 12 and not _FIGURE.search(sentence):
                    found[sentence.strip()] = None
    return tuple(found)


def _prose(rng: random.Random, chars: int) -> str:
    """About `chars` characters of real sentences, as a double-quoted YAML scalar (JSON's escapes are YAML's)."""
    bank = sentences()
    out: list[str] = []
    while sum(len(p) for p in out) < chars:
        out.append(rng.choice(bank))
    return json.dumps("".join(out), ensure_ascii=False)


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
    # Published in January, one in twenty in February (late for a department); derived from the figures,
    # not drawn from `rng`, so the rest of the portal is the same as before dates were written.
    seed = sum(received)
    published = f"{year + 1}-02-{seed % 28 + 1:02d}" if seed % 20 == 0 else f"{year + 1}-01-{seed % 26 + 5:02d}"
    lines = [
        f"year: {year}",
        f"published_date: {published}",
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


def agency_name(a: int) -> str:
    """A distinct, real-looking name: region × department, then numbered branches (分局) of them."""
    region, rest = REGIONS[a % len(REGIONS)], a // len(REGIONS)
    department, branch = DEPARTMENTS[rest % len(DEPARTMENTS)], rest // len(DEPARTMENTS)
    return f"基准测试市{region}{department}" + (f"第{branch}分局" if branch else "")


def write_portal(data: Path, reports: int, seed: int = 2019) -> int:
    """Write about `reports` report files (six years per agency) under data/; return how many."""
    rng = random.Random(seed)
    agencies = max(1, reports // len(YEARS))
    written = 0
    for a in range(agencies):
        folder = data / f"bench-{a:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        kind = "government" if a % 25 == 0 else "department"
        profile = [f"name: {agency_name(a)}", f"type: {kind}", f"region: 基准测试市{REGIONS[a % len(REGIONS)]}", f"address: 测试路{a}号", 'postcode: "100000"']
        (folder / "agency.yaml").write_text("\n".join(profile) + "\n", encoding="utf-8")
        carried = [0] * 6
        chain: dict[str, int] = {}
        for year in YEARS:
            text, carried = report_yaml(rng, year, carried, chain)
            (folder / f"{year}.yaml").write_text(text, encoding="utf-8")
            written += 1
    return written
