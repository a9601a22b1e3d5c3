"""nianbao: 政府信息公开工作年度报告 portals from one YAML file per agency and year.

The packages follow the pipeline, and `[tool.importlinter]` in pyproject.toml
keeps each one from importing those after it:

- `model`: the data — labels of the national formats, the typed model, loading
  with file:line, the consistency checks, the portal (`model.pipeline` builds it);
- `urls`: where every generated page and file lives;
- `lifetime`: child processes (download writers, Pagefind) that die with the build;
- `build`: one build's state — the portal, the download providers, caches;
- `downloads`: open data (JSON, CSV, XLSX) and the Word document;
- `site`: pages, their HTML bodies, indexes, charts, statistics, search, and the
  scripts and styles the site publishes;
- `importer`: published reports (PDF, Word, web pages, text) to draft data files;
- `workflow`: the clerks' and maintainers' tools — new files, preview, ownership;
- `engine`: the only code that knows MkDocs, Material and mkdocs-macros;
- `commands` and `cli`: the `nianbao` command.
"""
