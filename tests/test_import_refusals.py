"""`nianbao import` refuses hostile and broken files with a Chinese message and a non-zero exit (issue 16).

Each of these ended in a traceback, took gigabytes, or "imported" with exit 0:
a .docx whose document.xml is malformed or a billion-laughs, a zip bomb, an
HTML table of 600 cells spanning 200 x 200, an empty or whitespace-only file,
a 90 MB one-line text, a GBK agency.yaml elsewhere in data/, and data/<agency>
being a file. A dangling symbolic link at the target made the importer write
outside the repository.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from conftest import FIXTURES
from nianbao.cli import main
from nianbao.importer import docx as importer_docx
from nianbao.importer import html as importer_html
from nianbao.importer import import_file
from nianbao.importer import run as importer_run

SEED = FIXTURES / "seed-zhangshu-2020.txt"
WORD = FIXTURES / "import" / "jiaotong-2023.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LOL = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i + 1, (b"&lol%d;" % i) * 10) for i in range(9))
    + b']><w:document xmlns:w="'
    + W.encode()
    + b'"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
)


def docx_with(document_xml: bytes) -> bytes:
    """The Word fixture with word/document.xml replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(WORD) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, document_xml if info.filename == "word/document.xml" else zin.read(info.filename))
    return out.getvalue()


def run_import(tmp_path: Path, source: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["--root", str(tmp_path), "import", str(source), *args])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("2021.docx", docx_with(b"<w:document><w:body>"), "Word 文件内部的 XML 已损坏"),
        ("2021.docx", docx_with(LOL), "Word 文件内部的 XML 已损坏"),
        ("2021.txt", b"", "文件是空的，未导入"),
        ("2021.txt", b"  \n\t\r\n  ", "文件是空的，未导入"),
        ("2021.html", b"<html><body> <p>  </p> </body></html>", "文件中没有任何文字"),
    ],
    ids=["malformed-document-xml", "billion-laughs", "empty", "whitespace-only", "html-without-text"],
)
def test_a_broken_file_is_refused_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    status, output = run_import(tmp_path, source, "--agency", "ceshi-jyj", "--year", "2021", capsys=capsys)
    assert status == 1
    assert message in output
    assert "Traceback" not in output
    assert not (tmp_path / "data" / "ceshi-jyj").exists()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 1 GB of zeros packs into about 1 MB; a smaller cap keeps the test fast, the check is the same.
    monkeypatch.setattr(importer_docx, "MAX_UNPACKED", 20 * 1024 * 1024)
    out = io.BytesIO()
    with zipfile.ZipFile(WORD) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        zout.writestr("word/media/zeros.bin", b"\0" * (32 * 1024 * 1024))
    source = tmp_path / "2021.docx"
    source.write_bytes(out.getvalue())
    assert source.stat().st_size < 1024 * 1024
    result = import_file(source, tmp_path / "data", agency="ceshi-jyj", year=2021)
    assert result.error is not None and result.error.startswith("Word 文件解压后过大（32 MB")


def test_html_spans_are_capped_at_what_a_national_table_needs() -> None:
    assert importer_html._span("200", importer_html.MAX_ROWSPAN) == importer_html.MAX_ROWSPAN == 40
    assert importer_html._span("200", importer_html.MAX_COLSPAN) == importer_html.MAX_COLSPAN == 16
    # A table the importer reads (its labels are the national format's), 600 cells of 200 x 200:
    # 99 s and 4.0 GB before (24 million grid positions), a third of a second now.
    labels = "<td>本年新收政府信息公开申请 予以公开 行政复议</td>"
    cells = labels + "".join("<td rowspan=200 colspan=200>1</td>" for _ in range(30))
    raw = ("<html><body><table>" + "".join(f"<tr>{cells}</tr>" for _ in range(20)) + "</table></body></html>").encode()
    started = time.perf_counter()
    doc = importer_html.read_html(raw, "x.html")
    assert time.perf_counter() - started < 5
    assert [type(b).__name__ for b in doc.blocks] == ["Table"]


def test_a_huge_one_line_text_is_refused_before_it_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "2021.txt"
    with open(source, "wb") as f:
        f.truncate(importer_run.MAX_TEXT_BYTES + 1)
    status, output = run_import(tmp_path, source, "--agency", "ceshi-jyj", capsys=capsys)
    assert status == 1
    assert "文件过大" in output and "Traceback" not in output
    assert not (tmp_path / "data").exists()


def test_a_gbk_agency_file_elsewhere_in_data_does_not_stop_the_import(tmp_path: Path) -> None:
    other = tmp_path / "data" / "other"
    other.mkdir(parents=True)
    (other / "agency.yaml").write_bytes("name: 测试机关\ntype: department\n".encode("gbk"))
    result = import_file(SEED, tmp_path / "data")
    assert result.error is None, result.error


def test_an_agency_path_that_is_a_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "zhangshu-jgswj").write_text("x", encoding="utf-8")
    result = import_file(SEED, tmp_path / "data", agency="zhangshu-jgswj")
    assert result.error == "data/zhangshu-jgswj 已存在但不是文件夹（请删除或改名这个文件）"


@pytest.mark.parametrize("name", ["2020.yaml", "agency.yaml"])
def test_import_never_writes_through_a_dangling_link(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "repo" / "data" / "zhangshu-jgswj"
    folder.mkdir(parents=True)
    outside = tmp_path / "outside.yaml"
    (folder / name).symlink_to(outside)
    result = import_file(SEED, folder.parent, agency="zhangshu-jgswj")
    assert result.error == f"data/zhangshu-jgswj/{name} 是符号链接，不会通过它写入（请删除这个链接，数据文件夹中只放真实的文件和文件夹）"
    assert not outside.exists()


def test_a_folder_without_reports_names_every_kind_the_importer_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The message once said "支持 .txt、.html、.docx" after PDF import had landed: it is built from SUPPORTED now."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.xlsx").write_bytes(b"not a report")
    assert main(["--root", str(tmp_path), "import", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "没有找到可导入的文件" in err and "PDF（.pdf）" in err
    assert all(suffix in err for suffix in importer_run.SUPPORTED)
