"""Import: reports agencies already published (text, HTML, Word, PDF) become YAML drafts.

The pipeline, one module each:

    text / html / docx   a file → `Document` (paragraphs and cell grids, with positions)
    pdf                  a PDF's text layer → `Document`, from glyph positions and ruling lines
                         (`pdf_layout`: lines, spaces, page furniture; `pdf_prose`: paragraphs; `pdf_rows`: tables without rules)
    sections             title, opening, the six sections' prose, contact details
    variants             label wording → canonical labels from `labels`, each variant noted
    values               one cell's text → a figure, 0 (blank, "-", "/"), or a visible placeholder
    figures              the cells of tables 二, 三 and 四 → figures by model key
    draft                the imported report → a readable YAML draft (and agency.yaml)
    run                  one file end to end, then the existing checks on the draft

Nothing here invents a figure: what cannot be read is written as `PLACEHOLDER`,
which the model rejects, so `nianbao check` fails until a person fills it in.
"""

from nianbao.importer.notes import PLACEHOLDER, Note
from nianbao.importer.run import ImportResult, import_file

__all__ = ["PLACEHOLDER", "ImportResult", "Note", "import_file"]
