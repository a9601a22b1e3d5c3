"""Open data: every number in every CSV, JSON and XLSX equals the number in the YAML.

The expected numbers are read from the data files with plain yaml.safe_load
(`yamlfigures`), totals summed there when a file leaves them out; the files
under test are the exact bytes the site publishes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from conftest import REPO, Build
from nianbao import cli
from nianbao.downloads import exports, new_build
from nianbao.model.pipeline import build_portal
from nianbao.model.portal import Portal
from nianbao.urls import portal_file, report_file
from yamlfigures import (
    DATA,
    T3_COLUMN_KEYS,
    T4_COLUMN_KEYS,
    T4_ROW_LABELS,
    Expected,
    all_expected,
    expected,
    table2_cells,
    table3_rows,
    wide_headers,
)

BOM = b"\xef\xbb\xbf"
EXPECTED = all_expected()
IDS = [f"{e.agency}-{e.year}" for e in EXPECTED]


@pytest.fixture(scope="module")
def portal() -> Portal:
    return build_portal(DATA, REPO)


def files(portal: Portal) -> dict[str, bytes]:
    out = {d.path: d.build() for doc in portal.reports for d in new_build(portal).report_downloads(doc)}
    out.update({d.path: d.build() for d in new_build(portal).portal_downloads()})
    return out


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM), "CSV must start with a UTF-8 byte-order mark"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def number(text: str) -> int | Decimal:
    return Decimal(text) if "." in text else int(text)


def test_sample_data_covers_both_formats() -> None:
    assert {e.version for e in EXPECTED} == {"2019", "2021"}


# --------------------------------------------------------------------------
# Per report
# --------------------------------------------------------------------------


def csv_figures(e: Expected, table: str, data: bytes) -> dict[str, int | Decimal]:
    """The numbers of one table CSV, keyed by the model path their labels name."""
    rows = read_csv(data)
    header, body = rows[0], rows[1:]
    found: dict[str, int | Decimal] = {}
    if table == "table2":
        cells = table2_cells(e.version)
        assert header[:2] == ["条款", "信息内容"]
        for line in body:
            for column, text in zip(header[2:], line[2:], strict=True):
                if column == "采购总金额单位":
                    continue
                if (line[1], column) in cells:
                    found[cells[(line[1], column)]] = number(text)
                else:
                    assert text == "", f"{line[1]} × {column} is not a cell of the {e.version} format"
    elif table == "table3":
        labels = table3_rows(e.version)
        assert header == ["项目", *T3_COLUMN_KEYS]
        assert [line[0] for line in body] == list(labels)
        for line in body:
            found.update({f"{labels[line[0]]}.{T3_COLUMN_KEYS[col]}": number(t) for col, t in zip(header[1:], line[1:], strict=True)})
    else:
        assert header == ["项目", *T4_COLUMN_KEYS]
        assert [line[0] for line in body] == list(T4_ROW_LABELS)
        for line in body:
            found.update({f"review_litigation.{T4_ROW_LABELS[line[0]]}.{T4_COLUMN_KEYS[c]}": number(t) for c, t in zip(header[1:], line[1:], strict=True)})
    return found


@pytest.mark.parametrize("e", EXPECTED, ids=IDS)
def test_report_csvs_hold_every_number_of_the_yaml(portal: Portal, e: Expected) -> None:
    doc = next(d for d in portal.reports if d.agency_id == e.agency and d.year == e.year)
    by_path = {d.path: d for d in new_build(portal).report_downloads(doc)}
    found: dict[str, int | Decimal] = {}
    for table in ("table2", "table3", "table4"):
        found.update(csv_figures(e, table, by_path[report_file(e.agency, e.year, table)].build()))
    assert found == e.figures


def at(record: dict, dotted: str) -> object:
    node: object = record
    for key in dotted.split("."):
        assert isinstance(node, dict), dotted
        node = node[key]
    return node


@pytest.mark.parametrize("e", EXPECTED, ids=IDS)
def test_report_json_holds_the_whole_report(portal: Portal, e: Expected) -> None:
    doc = next(d for d in portal.reports if d.agency_id == e.agency and d.year == e.year)
    data = next(d for d in new_build(portal).report_downloads(doc) if d.path == report_file(e.agency, e.year, "json")).build()
    record = json.loads(data.decode("utf-8"), parse_float=Decimal)
    for path, value in e.figures.items():
        got = at(record, path)
        assert got == value and type(got) is type(value), path
    assert set(record["computed_totals"]) == set(e.omitted_totals)
    assert (record["agency"]["id"], record["year"], record["format"], record["status"]) == (e.agency, e.year, e.version, e.status)
    assert record["agency"]["name"] == portal.agencies[e.agency].agency.name
    assert record["title"] == portal.title(doc)
    assert record["problems"] == doc.report.problems and record["overview"]["text"] == doc.report.overview.text
    assert [f["code"] for f in record["findings"]] == [f.code for f in portal.findings_for(doc)]
    assert {d["path"] for d in record["downloads"]} == {d.path for d in new_build(portal).report_downloads(doc)}


def test_report_page_links_its_downloads(repo_site: Build) -> None:
    e = EXPECTED[0]
    html = (repo_site.site / "reports" / e.agency / str(e.year) / "index.html").read_text(encoding="utf-8")
    for kind in ("json", "table2", "table3", "table4"):
        name = report_file(e.agency, e.year, kind).rsplit("/", 1)[-1]
        assert re.search(rf'href="[./]*/?downloads/reports/{e.agency}/{re.escape(name)}"', html), name
        assert (repo_site.site / report_file(e.agency, e.year, kind)).is_file()


def test_omitted_totals_are_the_sums(tmp_path: Path) -> None:
    """A report that writes no total at all: every CSV and JSON total is the sum of its parts."""
    data = tmp_path / "data"
    shutil.copytree(DATA / "shili-shi", data / "shili-shi")
    for name in ("2020.yaml", "2022.yaml"):
        path = data / "shili-shi" / name
        path.write_text(re.sub(r",\s*total:\s*\d+", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    small = build_portal(data, tmp_path)
    for name in ("2020.yaml", "2022.yaml"):
        e = expected(data / "shili-shi" / name)
        assert "applications.received.total" in e.omitted_totals and "review_litigation.review.total" in e.omitted_totals
        doc = next(d for d in small.reports if d.year == e.year)
        built = {d.path: d.build() for d in new_build(small).report_downloads(doc)}
        found = {}
        for table in ("table2", "table3", "table4"):
            found.update(csv_figures(e, table, built[report_file(e.agency, e.year, table)]))
        assert found == e.figures
        record = json.loads(built[report_file(e.agency, e.year, "json")], parse_float=Decimal)
        f = e.figures
        outcomes = [
            k
            for k in f
            if k.endswith(".total") and k.startswith("applications.") and k.split(".")[1] not in ("received", "carried_over", "carried_forward", "total")
        ]
        assert at(record, "applications.total.total") == sum(f[k] for k in outcomes)
        # R3-1 holds in the sample data, so the computed 总计 also closes the table.
        assert (
            at(record, "applications.total.total")
            == f["applications.received.total"] + f["applications.carried_over.total"] - f["applications.carried_forward.total"]
        )
        assert set(record["computed_totals"]) == set(e.omitted_totals)


# --------------------------------------------------------------------------
# Whole portal and per year
# --------------------------------------------------------------------------


def check_wide_rows(rows: list[dict[str, str]], chosen: list[Expected]) -> None:
    assert [(r["机关代码"], int(r["年度"])) for r in rows] == [(e.agency, e.year) for e in chosen]
    every = {**wide_headers("2019"), **wide_headers("2021")}
    for row, e in zip(rows, chosen, strict=True):
        mine = wide_headers(e.version)
        for header, path in every.items():
            if header in mine:
                assert number(row[header]) == e.figures[path], (e.agency, e.year, header)
            else:
                assert row[header] == "", (e.agency, e.year, header)


def test_portal_csv_has_a_line_per_report_and_a_column_per_figure(portal: Portal) -> None:
    data = next(d for d in new_build(portal).portal_downloads() if d.path == portal_file("csv")).build()
    rows = read_csv(data)
    header = rows[0]
    assert len(header) == len(set(header)), "column names must be unique"
    assert set(wide_headers("2019")) | set(wide_headers("2021")) <= set(header)
    check_wide_rows([dict(zip(header, r, strict=True)) for r in rows[1:]], EXPECTED)


@pytest.mark.parametrize("year", sorted({e.year for e in EXPECTED}))
def test_year_csv_holds_that_years_reports(portal: Portal, year: int) -> None:
    data = next(d for d in new_build(portal).portal_downloads() if d.path == portal_file("csv", year)).build()
    rows = read_csv(data)
    check_wide_rows([dict(zip(rows[0], r, strict=True)) for r in rows[1:]], [e for e in EXPECTED if e.year == year])


def test_xlsx_opens_and_its_figures_are_numbers(portal: Portal) -> None:
    data = next(d for d in new_build(portal).portal_downloads() if d.path == portal_file("xlsx")).build()
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    assert wb.sheetnames == ["报告", "表二（2019年格式）", "表二（2021年格式）", "表三", "表四"]
    checked = 0
    for sheet in wb.sheetnames[1:]:
        rows = list(wb[sheet].iter_rows(values_only=True))
        header = rows[0]
        for values in rows[1:]:
            row = dict(zip(header, (*values, *[None] * (len(header) - len(values))), strict=True))  # trailing blanks are not stored
            e = next(x for x in EXPECTED if (x.agency, x.year) == (row["机关代码"], row["年度"]))
            mine = wide_headers(e.version, prefix=False)
            for column, value in row.items():
                if column in mine:
                    assert isinstance(value, int | float) and not isinstance(value, bool), (sheet, column, value)
                    assert Decimal(repr(value)) == e.figures[mine[column]], (e.agency, e.year, column)
                    checked += 1
    assert checked == sum(len(e.figures) for e in EXPECTED)


def test_xlsx_is_reproducible(portal: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = exports.workbook_xlsx(portal, portal.reports)
    assert exports.workbook_xlsx(portal, portal.reports) == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode("utf-8")
    assert "2023-11-14T22:13:20Z" in core


def test_index_json_lists_every_report_with_its_files(portal: Portal) -> None:
    data = next(d for d in new_build(portal).portal_downloads() if d.path == portal_file("index")).build()
    record = json.loads(data)
    assert record["count"] == len(EXPECTED)
    assert [(r["agency"], r["year"], r["format"]) for r in record["reports"]] == [(e.agency, e.year, e.version) for e in EXPECTED]
    site_files = files(portal)
    for r in record["reports"]:
        assert r["page"] == f"reports/{r['agency']}/{r['year']}/"
        assert all(d["path"] in site_files for d in r["downloads"])
    assert {d["path"] for d in record["files"]} == {d.path for d in new_build(portal).portal_downloads()} - {portal_file("index")}
    assert {f["key"] for f in record["figures"]["2021"]} >= set(wide_headers("2021").values())


def test_spreadsheets_never_run_text_as_a_formula(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA / "shili-shi", data / "shili-shi")
    agency = data / "shili-shi" / "agency.yaml"
    agency.write_text(re.sub(r"(?m)^name: .*$", 'name: "=HYPERLINK(\\"x\\")"', agency.read_text(encoding="utf-8")), encoding="utf-8")
    small = build_portal(data, tmp_path)
    assert small.agencies["shili-shi"].agency.name.startswith("=")
    rows = read_csv(exports.wide_csv(small, small.reports))
    assert rows[1][1] == '\'=HYPERLINK("x")'
    wb = openpyxl.load_workbook(io.BytesIO(exports.workbook_xlsx(small, small.reports)))
    cell = wb["报告"]["B2"]
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"


# --------------------------------------------------------------------------
# The site and the export command publish the same bytes
# --------------------------------------------------------------------------


def test_export_writes_the_files_the_site_publishes(repo_site: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = tmp_path / "out"
    assert cli.main(["--root", str(REPO), "export", "--out", str(out)]) == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert portal_file("xlsx") in written and report_file(EXPECTED[0].agency, EXPECTED[0].year, "json") in written
    for rel in written:
        assert (out / rel).read_bytes() == (repo_site.site / rel).read_bytes(), rel


def test_export_refuses_a_portal_that_would_not_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(DATA / "shili-shi", tmp_path / "data" / "shili-shi")
    bad = tmp_path / "data" / "shili-shi" / "2022.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("person: 254", "person: 999", 1), encoding="utf-8")
    assert cli.main(["--root", str(tmp_path), "export"]) == 1
    assert "未导出任何文件" in capsys.readouterr().err
    assert not (tmp_path / "export").exists()
