"""Word export: each report as a .docx in the national layout (电子版 and the stamped paper copy)."""

from __future__ import annotations

from nianbao.downloads.word.document import LABEL, report_docx, word_files

__all__ = ["LABEL", "report_docx", "word_files"]
