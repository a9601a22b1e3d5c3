"""The bundled sample portal (data/): fictional agencies of 示例市, clean enough to publish.

The sample is what a newcomer sees after `make serve` and what every page,
index and statistic is exercised on, so it must pass every check, cover both
formats, both agency types and two levels of parents, and chain from year to
year the way a real agency's reports do. Its newest year, 2025, shows every
state of the 报送进度 page as of the date mkdocs.yml fixes: one report on
time, one late and copied from last year, one draft, one government not
started, and departments that have not published.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from nianbao.model.load import AgencyDoc, ReportDoc
from nianbao.model.pipeline import build_portal
from nianbao.model.portal import Portal
from nianbao.model.progress import year_progress

SEED = "zhangshu-jgswj"
YEARS = range(2019, 2025)  # every sample agency has published these years (but one, see below)
NEWEST = 2025
AS_OF = dt.date(2026, 2, 20)  # mkdocs.yml: progress_as_of
# The newest year's deliberate problems: published late, and sections 一 and 五 copied from 2024.
LATE_AND_COPIED = "data/shili-shi-jyj/2025.yaml"
DRAFT = "data/shili-shi/2025.yaml"
SAMPLE_MARK = "示例数据，机关和数字均为虚构"


@pytest.fixture(scope="module")
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def portal(repo_root: Path) -> Iterator[Portal]:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(repo_root)
        yield build_portal(Path("data"), Path("."))


@pytest.fixture(scope="module")
def sample_agencies(portal: Portal) -> dict[str, AgencyDoc]:
    return {aid: doc for aid, doc in portal.agencies.items() if aid != SEED}


@pytest.fixture(scope="module")
def sample_reports(portal: Portal) -> list[ReportDoc]:
    return [doc for doc in portal.reports if doc.agency_id != SEED]


def test_no_blocking_findings(portal: Portal) -> None:
    blocking = [f.format_text() for f in portal.findings if f.blocks]
    assert not blocking, "\n".join(blocking)
    assert not portal.rejected


def test_sample_reports_have_no_findings_at_all(portal: Portal, sample_reports: list[ReportDoc]) -> None:
    # Sample data is the example clerks copy: not even a warning, but in the two files that show the assessment at work.
    paths = {doc.path for doc in sample_reports}
    found = [f.format_text() for f in portal.findings if (f.file in paths or f.file.startswith("data/shili")) and f.file not in (LATE_AND_COPIED, DRAFT)]
    assert not found, "\n".join(found)
    assert sorted({f.code for f in portal.findings if f.file == LATE_AND_COPIED}) == ["E15", "RY-6"]
    assert all(f.draft and not f.blocks for f in portal.findings if f.file == DRAFT)


def test_the_newest_year_shows_every_state(portal: Portal) -> None:
    progress = year_progress(portal, NEWEST, AS_OF)
    states = {e.agency.id: e.state for e in progress.entries}
    assert states == {
        "shili-dongcheng": "not_started",  # a government: due 3月31日
        "shili-dongcheng-czj": "overdue",
        "shili-shi": "drafting",
        "shili-shi-bgs": "on_time",
        "shili-shi-jyj": "late",
        "shili-shi-sthjj": "overdue",
    }
    assert [d.path for d in portal.drafts] == [DRAFT]


def test_agencies_cover_both_types_and_two_levels(sample_agencies: dict[str, AgencyDoc]) -> None:
    assert len(sample_agencies) >= 6
    types = {doc.agency.type for doc in sample_agencies.values()}
    assert types == {"government", "department"}
    for aid, doc in sample_agencies.items():
        assert doc.agency.parent is None or doc.agency.parent in sample_agencies, aid
    depths = []
    for doc in sample_agencies.values():
        depth, parent = 0, doc.agency.parent
        while parent is not None:
            depth += 1
            parent = sample_agencies[parent].agency.parent
        depths.append(depth)
    assert max(depths) >= 2


def test_agency_profiles_are_complete(sample_agencies: dict[str, AgencyDoc]) -> None:
    required = ("name", "region", "address", "postcode", "phone", "email", "website", "office_hours", "how_to_apply", "contact_office")
    for aid, doc in sample_agencies.items():
        missing = [key for key in required if not getattr(doc.agency, key)]
        assert not missing, f"{aid}: {missing}"
        assert "示例" in doc.agency.name
        assert doc.agency.postcode is not None and doc.agency.postcode.isdigit() and len(doc.agency.postcode) == 6


def test_every_sample_file_says_it_is_sample_data(repo_root: Path, sample_agencies: dict[str, AgencyDoc]) -> None:
    for aid in sample_agencies:
        for path in sorted((repo_root / "data" / aid).glob("*.yaml")):
            head = path.read_text(encoding="utf-8").splitlines()[:2]
            assert head[0].startswith("# yaml-language-server: $schema=../../schema/"), path
            assert SAMPLE_MARK in head[1], path


def test_reports_span_2019_to_2025_in_both_formats(sample_reports: list[ReportDoc]) -> None:
    assert {doc.year for doc in sample_reports} == {*YEARS, NEWEST}
    for doc in sample_reports:
        assert doc.format_version == ("2019" if doc.year <= 2020 else "2021"), doc.path
        assert not doc.archived, doc.path
    assert {doc.format_version for doc in sample_reports} == {"2019", "2021"}


def test_one_department_has_not_published_2024_yet(portal: Portal, sample_agencies: dict[str, AgencyDoc]) -> None:
    missing = [aid for aid in sample_agencies if not set(YEARS) <= {d.year for d in portal.by_agency.get(aid, [])}]
    assert len(missing) == 1
    (aid,) = missing
    assert sample_agencies[aid].agency.type == "department"
    assert {d.year for d in portal.by_agency[aid]} == set(range(2019, 2024))


def test_every_report_received_applications(sample_reports: list[ReportDoc]) -> None:
    for doc in sample_reports:
        assert doc.report.applications.received.shown_total > 0, doc.path


def test_carried_over_equals_last_years_carried_forward(portal: Portal, sample_agencies: dict[str, AgencyDoc]) -> None:
    # RY-1, all seven columns, including across the 2020 -> 2021 format change.
    for aid in sample_agencies:
        series = portal.by_agency[aid]
        for last, this in pairwise(series):
            assert this.year == last.year + 1
            assert this.report.applications.carried_over.cells() == last.report.applications.carried_forward.cells(), this.path


def test_published_within_the_legal_deadline(portal: Portal, sample_reports: list[ReportDoc]) -> None:
    for doc in sample_reports:
        if doc.path == LATE_AND_COPIED:
            continue  # late on purpose
        kind = portal.agency(doc).agency.type
        deadline = dt.date(doc.year + 1, 3, 31) if kind == "government" else dt.date(doc.year + 1, 1, 31)
        published = doc.report.published_date
        assert published is not None and dt.date(doc.year + 1, 1, 1) <= published <= deadline, doc.path


def test_opening_states_the_statistics_period(sample_reports: list[ReportDoc]) -> None:
    for doc in sample_reports:
        y = doc.year
        assert f"统计期限自{y}年1月1日起至{y}年12月31日止" in doc.report.opening, doc.path
        notice = "国办公开办函〔2021〕30号" if y >= 2021 else "国办公开办函〔2019〕60号"
        assert "国务院令第711号" in doc.report.opening and notice in doc.report.opening, doc.path
