"""One published report, end to end: read, split, match, write the draft, check it."""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from nianbao.importer import sections as S
from nianbao.importer.contact import contact_details
from nianbao.importer.document import Document, Table
from nianbao.importer.draft import Draft, agency_yaml, report_yaml
from nianbao.importer.figures import TableResult, table2, table3, table4
from nianbao.importer.notes import PLACEHOLDER, ImportProblem, Note
from nianbao.importer.rows import Collector, stream_of
from nianbao.importer.title import agency_name, page_title, period_year, year_of_title
from nianbao.importer.variants import detect_version, key, looks_like_report_table
from nianbao.model import labels as L
from nianbao.model.checks import check_report
from nianbao.model.findings import Finding, sort_findings
from nianbao.model.load import AGENCY_FILES, REPORT_FILE, SLUG, Loaded, load_agency, load_report
from nianbao.model.portal import index
from nianbao.model.targets import unsafe_target, write_whole

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".jhtml", ".mht"}
WORD_SUFFIXES = {".docx"}
PDF_SUFFIXES = {".pdf"}
# What the importer reads, in the words the CLI prints: messages are built from this, never retyped.
KINDS = (("文本", TEXT_SUFFIXES), ("网页", HTML_SUFFIXES), ("Word", WORD_SUFFIXES), ("PDF", PDF_SUFFIXES))
SUPPORTED = set().union(*(suffixes for _, suffixes in KINDS))
# A published report as text or a web page is well under 1 MB; as Word or PDF with photos, tens of MB.
# A 90 MB one-line text wrote a 90 MB draft, which the loader then refused.
MAX_TEXT_BYTES = 5 * 1024 * 1024
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024
DOCUMENT_SUFFIXES = {".docx", ".pdf"}
UNSUPPORTED = {
    ".doc": "旧版 Word（.doc）文件请先用 Word 或 WPS 另存为 .docx",
    ".wps": "WPS 文件请先另存为 .docx",
}


@dataclass
class ImportResult:
    source: Path
    target: Path | None = None
    agency_id: str | None = None
    year: int | None = None
    version: L.FormatVersion | None = None
    notes: list[Note] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    contact: dict[str, str] = field(default_factory=dict)
    agency_written: Path | None = None
    agency_name: str | None = None  # as the title names it
    figures_read: int = 0
    placeholders: int = 0
    read: list[str] = field(default_factory=list)  # what was read, in words
    error: str | None = None

    def count(self, kind: str) -> int:
        return sum(1 for n in self.notes if n.kind == kind)


def supported_words() -> str:
    """The file kinds the importer reads, e.g. "文本（.md、.text、.txt）、…、PDF（.pdf）"."""
    return "、".join(f"{name}（{'、'.join(sorted(suffixes))}）" for name, suffixes in KINDS)


def read_document(path: Path) -> Document:
    from nianbao.importer.docx import read_docx
    from nianbao.importer.html import read_html
    from nianbao.importer.pdf import read_pdf
    from nianbao.importer.text import read_text

    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise ImportProblem(f"不支持这种文件：{UNSUPPORTED[suffix]}")
    raw = read_source(path)
    if suffix in PDF_SUFFIXES or raw.startswith(b"%PDF-"):
        doc = read_pdf(raw, path.name)
        if not doc.blocks and doc.notices:  # pages that are pictures: a draft of placeholders, with the pages named
            return doc
    elif suffix in WORD_SUFFIXES or raw.startswith(b"PK\x03\x04"):
        doc = read_docx(raw, path.name)
    else:
        head = raw[:4096].lower()
        if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and (b"<html" in head or b"<table" in head or b"<!doctype" in head)):
            doc = read_html(raw, path.name)
        else:
            doc = read_text(raw, path.name)
    if not doc.blocks:
        raise ImportProblem("文件中没有任何文字（空文件或只有空白），未导入")
    return doc


def read_source(path: Path) -> bytes:
    """The bytes of a file to import: a regular file, not empty, within the size a published report has."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ImportProblem("不是普通文件，未导入")
        limit = MAX_DOCUMENT_BYTES if path.suffix.lower() in DOCUMENT_SUFFIXES else MAX_TEXT_BYTES
        if info.st_size > limit:
            raise ImportProblem(f"文件过大（{info.st_size // (1024 * 1024)} MB，上限 {limit // (1024 * 1024)} MB），不像一份年度报告，未导入")
        raw = path.read_bytes()
    except OSError as err:
        raise ImportProblem(f"无法读取文件：{err.strerror}") from err
    if not raw.strip():
        raise ImportProblem("文件是空的，未导入")
    return raw


def import_file(path: Path, data_dir: Path, agency: str | None = None, year: int | None = None, force: bool = False) -> ImportResult:
    result = ImportResult(path)
    try:
        _import(path, data_dir, agency, year, force, result)
    except ImportProblem as problem:
        result.error = str(problem)
    return result


def _import(path: Path, data_dir: Path, agency: str | None, year: int | None, force: bool, result: ImportResult) -> None:
    doc = read_document(path)
    result.notes += [Note("notice", "", n) for n in doc.notices]
    parts = S.split(doc, unwrap=path.suffix.lower() not in HTML_SUFFIXES | WORD_SUFFIXES | PDF_SUFFIXES)
    result.notes += parts.notes

    page = page_title(doc.page_title)
    if page and (parts.title is None or agency_name(parts.title) is None) and page != parts.title:
        result.notes.append(Note("read", "", f"标题“{page}”取自网页的 <title>" + (f"（正文标题为“{parts.title}”）" if parts.title else "")))
        parts.title = page
    result.year = _year(parts, doc, path, year, result)
    version, override = _version(doc, parts, result.year, result)
    result.version = version

    out = Collector()
    t2 = table2(_table_stream(doc, parts, "active_disclosure", "第二十条"), version, out)
    t3 = table3(_table_stream(doc, parts, "applications", "本年新收"), version, out)
    t4 = table4(_table_stream(doc, parts, "review_litigation", "行政复议"), out)
    for name, table in (("表二", t2), ("表三", t3), ("表四", t4)):
        if not table.found:
            out.add(Note("missing", "", f"原文没有{name}的文字（可能以图片发布）：{name}各格已写为“{PLACEHOLDER}”，请对照原报告填写"))
    result.notes += out.finish()
    result.figures_read = out.figures_read

    name = result.agency_name = agency_name(parts.title)
    result.contact = contact_details(parts.opening)
    result.agency_id = _agency_id(agency, name, path, data_dir)
    folder = data_dir / result.agency_id
    target = folder / f"{result.year}.yaml"
    for written in (target, folder / "agency.yaml"):
        if problem := unsafe_target(written, data_dir):
            raise ImportProblem(problem)
    if (target.exists() or target.is_symlink()) and not force:
        raise ImportProblem(f"{_show(target, data_dir.parent)} 已存在，未覆盖（确需覆盖请加 --force）")

    comments = {**t2.comments, **t3.comments, **t4.comments}
    draft = Draft(
        year=result.year,
        version=version,
        format_override=override,
        title=parts.title,
        published_date=parts.published_date,
        opening=parts.opening,
        overview_text=parts.overview_text,
        subsections=parts.subsections,
        active_disclosure=t2.data,
        applications=t3.data,
        review_litigation=t4.data,
        problems=parts.problems,
        other_matters=parts.other_matters,
        signature=parts.signature,
        comments=comments,
        header=_header(path, result, t2, t3, t4),
    )
    text = report_yaml(draft)
    result.placeholders = text.count(f'"{PLACEHOLDER}"')
    if not write_whole(target, text.encode("utf-8"), overwrite=force):
        raise ImportProblem(f"{_show(target, data_dir.parent)} 已存在，未覆盖（确需覆盖请加 --force）")
    result.target = target
    if not any((folder / n).exists() or (folder / n).is_symlink() for n in AGENCY_FILES):
        fields = _agency_fields(name, result.contact)
        if write_whole(folder / "agency.yaml", agency_yaml(fields, path.name).encode("utf-8"), overwrite=False):
            result.agency_written = folder / "agency.yaml"
    result.read = _read_summary(parts, t2, t3, t4, result)
    result.findings = verify(target, data_dir)


# --------------------------------------------------------------------------
# Year, format and agency
# --------------------------------------------------------------------------


def _year(parts: S.Sections, doc: Document, path: Path, given: int | None, result: ImportResult) -> int:
    seen: dict[str, int] = {}
    if (in_title := year_of_title(parts.title)) is not None:
        seen["标题"] = in_title
    if (in_period := period_year("\n".join(p.text for p in doc.paragraphs()))) is not None:
        seen["统计期限"] = in_period
    if m := re.search(r"(?<!\d)(20\d{2})(?!\d)", path.stem):
        seen["文件名"] = int(m.group(1))
    year = given or seen.get("标题") or seen.get("统计期限") or seen.get("文件名")
    if year is None:
        raise ImportProblem("无法确定报告年度（标题、统计期限和文件名中都没有年份），请用 --year 指定")
    for where, value in seen.items():
        if value != year and where != "文件名":
            result.notes.append(Note("notice", "", f"{where}中的年度为 {value}，与导入年度 {year} 不一致，请核对（E17）"))
    return year


def _version(doc: Document, parts: S.Sections, year: int, result: ImportResult) -> tuple[L.FormatVersion, bool]:
    texts = [c.text for b in doc.blocks if isinstance(b, Table) for row in b.rows for c in row]
    for region in ("active_disclosure", "applications"):
        texts += [c.text for c in stream_of(parts.regions.get(region, [])) if c is not None]
    detected, seen = detect_version(texts)
    by_year = L.format_for_year(year)
    if detected is None:
        result.notes.append(Note("read", "", f"表格标签不足以判断格式版本，按年度 {year} 用 {by_year} 年格式"))
        return by_year, False
    evidence = "、".join(f"“{t}”" for t in seen[detected][:3])
    if detected != by_year:
        result.notes.append(
            Note(
                "notice",
                "",
                f"表格用的是 {detected} 年格式（见 {evidence}），但 {year} 年度应使用 {by_year} 年格式：按原样导入并在草稿中写明 format（V-1）",
            )
        )
        return detected, True
    result.notes.append(Note("read", "", f"按表格标签（{evidence}）识别为 {detected} 年格式，与年度 {year} 一致"))
    return detected, False


def _agency_id(given: str | None, name: str | None, path: Path, data_dir: Path) -> str:
    if given:
        if not SLUG.fullmatch(given):
            raise ImportProblem(f"机关代码“{given}”不合规：只能用小写字母、数字和连字符，如 zhangshu-jgswj")
        return given
    if name and data_dir.is_dir():
        for folder in sorted(p for p in data_dir.iterdir() if p.is_dir()):
            agency_file = next((folder / n for n in AGENCY_FILES if (folder / n).is_file()), None)
            # Only a name to match: a file in another encoding (the loader refuses it) matches nothing.
            if agency_file and re.search(r"^name:\s*\"?" + re.escape(name) + r"\"?\s*$", _text_of(agency_file), re.M):
                return folder.name
    slug = re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", re.sub(r"20\d{2}", "", path.stem.lower()))).strip("-")
    if slug and SLUG.fullmatch(slug):
        return slug
    raise ImportProblem(f"无法确定机关代码（“{name or path.name}”没有对应的 agency.yaml，文件名也不是英文），请用 --agency 指定，如 --agency zhangshu-jgswj")


def _text_of(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return ""


def _agency_fields(name: str | None, contact: dict[str, str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    if name:
        fields["name"] = name
        fields["type"] = "government" if re.search(r"人民政府$", name) else "department"
        if m := re.match(r"^(.{1,10}?(?:自治区|自治州|自治县|省|市|县|区|旗|盟))", name):
            fields["region"] = m.group(1)
    fields.update(contact)
    return fields


# --------------------------------------------------------------------------
# Tables, summary and checks
# --------------------------------------------------------------------------


def _table_stream(doc: Document, parts: S.Sections, region: str, word: str) -> list:
    """The cells under the section's heading; else a table anywhere that carries the section's label."""
    blocks = parts.regions.get(region, [])
    if any(word in key(c.text) for c in stream_of(blocks) if c is not None):
        return stream_of(blocks)
    for block in doc.blocks:
        if isinstance(block, Table) and word in key(block.text()) and looks_like_report_table(block.text()):
            return stream_of([block])
    return stream_of(blocks)


def _header(path: Path, result: ImportResult, *tables: TableResult) -> list[str]:
    lines = [f"由 nianbao import 从 {path.name} 导入的历史报告（status: archived）：数字按原文照录，请对照原报告核对。"]
    tolerated = [n for n in result.notes if n.kind == "tolerated"]
    for note in tolerated[:20]:
        lines.append(note.message)
    if len(tolerated) > 20:
        lines.append(f"……另有 {len(tolerated) - 20} 处写法差异，见导入摘要")
    if any(n.kind == "deduced" for n in result.notes):
        lines.append("标注“按勾稽关系推定为 0”的行：原文复制时丢了列，因一、二两行全为 0，按表三勾稽关系这些行必为 0。")
    if any(n.kind == "missing" for n in result.notes):
        lines.append(f"“{PLACEHOLDER}”表示原文无法读取的格，填好之前 nianbao check 会报错。")
    return lines


def _read_summary(parts: S.Sections, t2: TableResult, t3: TableResult, t4: TableResult, result: ImportResult) -> list[str]:
    read = []
    if parts.title:
        read.append("标题")
    if parts.opening:
        read.append("开头段落")
    found = [n for n, k in zip("一二三四五六", S.SECTION_ORDER, strict=True) if k in parts.regions]
    read.append(f"第{'、'.join(found)}部分" if found else "（未找到任何部分标题）")
    if parts.subsections:
        read.append(f"总体情况 {len(parts.subsections)} 个分项")
    tables = [n for n, t in (("表二", t2), ("表三", t3), ("表四", t4)) if t.found]
    if tables:
        read.append(f"{'、'.join(tables)}共 {result.figures_read} 个数")
    if parts.signature:
        read.append("落款")
    if parts.published_date:
        read.append("发布日期")
    return read


def verify(target: Path, data_dir: Path) -> list[Finding]:
    """The draft through the same load and checks as `nianbao check`, with its agency's other years."""
    root = data_dir.parent
    folder = target.parent
    loaded = Loaded()
    agency_file = next((folder / n for n in AGENCY_FILES if (folder / n).is_file()), None)
    if agency_file is not None:
        doc, findings = load_agency(agency_file, _show(agency_file, root), folder.name)
        loaded.findings += findings
        if doc is not None:
            loaded.agencies[folder.name] = doc
    for path in sorted(folder.iterdir()):
        m = REPORT_FILE.fullmatch(path.name)
        if not m:
            continue
        doc, findings = load_report(path, _show(path, root), folder.name, int(m.group(1)))
        loaded.findings += findings
        if doc is not None:
            loaded.reports.append(doc)
    portal = index(loaded, root, loaded.findings)
    rel = _show(target, root)
    findings = [f for f in loaded.findings if f.file in (rel, _show(agency_file, root) if agency_file else "")]
    for doc in portal.reports:
        if doc.path == rel:
            findings += check_report(doc, portal)
    return sort_findings(findings)


def _show(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
