"""Word export: each report as a .docx in the national layout (电子版 and the stamped paper copy)."""

from __future__ import annotations

from nianbao.downloads.word.document import LABEL, docx_path, report_docx

__all__ = ["LABEL", "docx_path", "report_docx"]
