"""Word export: each report as a .docx in the national layout (电子版 and the stamped paper copy)."""

from __future__ import annotations

from .document import LABEL, build_document, docx_path, report_docx

__all__ = ["LABEL", "build_document", "docx_path", "report_docx"]
