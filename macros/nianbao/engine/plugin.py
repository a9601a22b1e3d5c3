"""MkDocs glue: the core's pages become virtual files; data problems stop the build.

All work happens in the core (`model`, `site`, `downloads`, through one `Build`); this plugin only wires it
into MkDocs' events. mkdocs-macros renders each generated page's Markdown,
whose `nianbao_page` macro (see `macros_env`) places the page's body: it leaves
a marker, and the body, rendered by the core, is put in its place as the page
is written. The body is final HTML: Python-Markdown's HTML parser cost more
per report page than everything else in the build.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

import nianbao.site
from nianbao.build import Build
from nianbao.downloads import site_build
from nianbao.downloads.writer import BackgroundWriter, DownloadFailed
from nianbao.engine.log import quiet
from nianbao.engine.macros_env import PAGE_SOURCE
from nianbao.engine.nav import without_progress
from nianbao.engine.sitelock import SiteLock
from nianbao.engine.unpublished import material_search_on, unused
from nianbao.model.pipeline import build_portal
from nianbao.model.progress_config import ProgressConfigError, progress_config
from nianbao.site.pages import Page, portal_pages
from nianbao.site.preview import problems
from nianbao.site.search import Indexing, SearchIndexError
from nianbao.site.statistics import fill_sizes
from nianbao.urls import ASSETS_URL, STYLESHEETS

log = get_plugin_logger("nianbao")
PREVIEW_LOG = "nianbao.preview"  # not under "mkdocs": never counted by strict mode
# What the portal needs besides its pages ships in the package, so a portal repository holds only
# mkdocs.yml, data/ and its own pages (as MkDocs' search plugin brings its own assets).
ASSETS = Path(nianbao.site.__file__).parent / "assets"  # published under assets/
THEME = Path(__file__).parent / "theme"  # Material overrides, by extending blocks


class NianbaoConfig(Config):
    data_dir = c.Type(str, default="data")
    search_index = c.Type(bool, default=True)  # build the Pagefind index after the site
    # 报送进度 and 考核 (model/progress_config.py reads and checks these, for the CLI too). Any YAML
    # value is accepted here, so a wrong one gets progress_config's Chinese message, not MkDocs' English one.
    progress = c.Optional(c.Type(object))
    progress_as_of = c.Optional(c.Type(object))
    rates_min_sample = c.Optional(c.Type(object))
    assessment = c.Optional(c.Type(object))
    deadlines = c.Optional(c.Type(object))


def _marker(uri: str) -> str:
    # uri is an ASCII path made by the core (urls.src_uri), never data.
    return f'<div data-nianbao-body="{uri}"></div>'


class NianbaoPlugin(BasePlugin[NianbaoConfig]):
    build: Build | None = None
    serving = False  # `mkdocs serve` and `nianbao preview`: data errors are shown, pages still built
    pages: dict[str, Page]
    problems: list[str]  # a preview's data errors, shown on every page (set in on_config)
    watched: list[Path]
    writer: BackgroundWriter | None = None
    lock: SiteLock | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # A preview server must keep serving while the clerk fixes what the errors say; a build
        # (`mkdocs build`, `gh-deploy`) publishes, and stops on any error.
        self.serving = command == "serve"

    def on_config(self, config: Any) -> Any:
        # The portal's own custom_dir (first, if any) still overrides ours; ours overrides Material.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        # Portals made before the assets moved into the package list the stylesheets themselves.
        config.extra_css[:0] = [css for css in STYLESHEETS if css not in config.extra_css]
        root = Path(config.config_file_path).parent
        options = {k: v for k, v in self.config.items() if v is not None}
        try:
            settings = progress_config(options, root)
        except ProgressConfigError as e:
            raise PluginError(str(e)) from e
        # `make serve` rebuilds when these change, besides docs/ and mkdocs.yml (on_serve).
        self.watched = [root / self.config.data_dir] + ([root / settings.rulepack_file] if settings.rulepack_file else [])
        if not settings.public:
            # Before MkDocs reads the nav: an entry for the unbuilt 报送进度 page would stop a --strict build in English.
            config.nav = without_progress(config.nav)
        # Only a preview server follows links in data/: `nianbao preview` links the real files into its
        # temporary project, and it publishes nothing. A build refuses every link (see model/datatree).
        # Drafts are published only in a preview too, where the clerk reads the page being written.
        portal = build_portal(
            root / self.config.data_dir,
            root,
            follow_links=self.serving,
            with_drafts=self.serving,
            deadlines=settings.deadlines,
            min_sample=settings.min_sample,
        )
        self.build = site_build(portal, settings, preview=self.serving)
        self.problems = problems(self.build)  # shown on every page of a preview; none otherwise
        # A preview reports data errors outside MkDocs' loggers: in strict mode (make serve) MkDocs counts
        # every warning and error under its own and aborts the rebuild, and the browser would keep the
        # old page with no sign of the error. The page itself shows them (site/preview.py).
        blocking = logging.getLogger(PREVIEW_LOG) if self.build.preview else log
        for finding in portal.findings:
            if finding.blocks or (self.build.preview and finding.draft and finding.is_error):  # a draft's: what to fix before publishing
                blocking.error(finding.format_text())
            else:
                # Warnings, archived reports' and drafts' findings are listed, not fatal: INFO keeps --strict for real problems.
                log.info(finding.format_text())
        drafted = any(f.is_error and f.draft for f in portal.findings)
        if (portal.blocked or drafted) and self.build.preview:
            # `nianbao preview`: the clerk sees the page while still fixing it; a real build still stops.
            blocking.warning("预览模式：数据还有错误（见上方，页面顶部也列出），页面仅供预览，改正前不能发布。")
        elif portal.blocked:
            errors = sum(1 for f in portal.findings if f.blocks)
            raise PluginError(f"数据检查发现 {errors} 个错误，构建已停止，未发布任何页面。请按上面的提示改正后重新构建（可先运行 nianbao check）。")
        self.pages = {page.src_uri: page for page in portal_pages(self.build)}
        quiet(self.pages)
        return config

    @event_priority(100)  # before MkDocs cleans the site folder, which comes right after this event
    def on_pre_build(self, *, config: Any) -> None:
        if self.lock is None:
            self.lock = SiteLock()
        self.lock.acquire(Path(config.site_dir), lambda: log.info("另一个构建正在写入同一个网站文件夹，等待它完成……"))

    def on_build_error(self, *, error: Exception) -> None:
        if self.lock is not None:
            self.lock.release()

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        """`mkdocs serve` (make serve) rebuilds when a data file or the rulepack (assessment.yaml) changes,
        not only docs/ and mkdocs.yml.

        The portal's own theme overrides (custom_dir) and ours are theme directories, which MkDocs watches already.
        """
        for path in self.watched:
            server.watch(str(path))
        return server

    def on_page_context(self, context: Any, *, page: MkPage, config: Any, nav: Any) -> Any:
        # A preview shows the data errors on every page (theme/partials/nianbao-problems.html).
        context["nianbao_problems"] = self.problems
        return context

    def on_template_context(self, context: Any, *, template_name: str, config: Any) -> Any:
        # 404.html: where a report that could not be read used to be.
        context["nianbao_problems"] = self.problems
        return context

    def on_files(self, files: Files, *, config: Any) -> Files:
        for uri, page in self.pages.items():
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"docs/{uri} 与自动生成的页面“{page.title}”重名，请删除或改名该手写页面。")
            # The Markdown holds only the macro call: data never becomes template source.
            files.append(File.generated(config, uri, content=PAGE_SOURCE))
        # Not the vendored package's README (*.md): it is for us, not a page for visitors.
        for path in sorted(p for p in ASSETS.rglob("*") if p.is_file() and p.suffix != ".md"):
            uri = ASSETS_URL + path.relative_to(ASSETS).as_posix()
            if files.get_file_from_path(uri) is None:  # a portal may replace one of ours with its own
                files.append(File(uri, str(ASSETS.parent), config.site_dir, config.use_directory_urls))
        macros = config.plugins.get("macros")
        if macros is not None:
            # mkdocs-macros compiles each page's Markdown with Jinja's `from_string`, which has no cache:
            # about half a millisecond a page for the one line every generated page shares. Its
            # environment exists once every plugin's on_config has run.
            macros.env.from_string = lru_cache(maxsize=256)(macros.env.from_string)
        assert self.build is not None
        # The site directory has been cleaned by now; downloads are written beside the pages, on another core.
        self.writer = BackgroundWriter(self.build.all_downloads(), Path(config.site_dir))
        material_search = material_search_on(config.plugins)
        for file in [f for f in files if unused(f.src_uri, material_search)]:
            files.remove(file)
        return files

    @event_priority(-100)  # after mkdocs-macros, so the title from data is never rendered as a template
    def on_page_markdown(self, markdown: str, *, page: MkPage, config: Any, files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.meta["title"] = generated.title
            page.meta["nianbao_generated"] = True  # theme/main.html: the body brings its own breadcrumbs and h1
        return markdown

    def render_page(self, uri: str) -> str:
        """Called by the macro: hand Markdown a marker where the body goes."""
        if uri not in self.pages:
            raise PluginError(f"页面 {uri} 不是自动生成的页面，不能使用 nianbao_page。")
        return _marker(uri)

    def on_post_page(self, output: str, *, page: MkPage, config: Any) -> str:
        """Render the body as the page is written, so no body stays in memory after its page.

        MkDocs processes every page before it writes any and keeps what it processed
        until the end: holding the bodies from the macro to here cost memory in
        proportion to the portal (and memory that is only touched once is slow to get).
        """
        uri = page.file.src_uri
        generated = self.pages.get(uri)
        if generated is None:
            return output
        marker = _marker(uri)
        if marker not in output:
            raise PluginError(f"页面 {uri} 的正文标记丢失，无法插入正文。")
        return output.replace(marker, generated.body(), 1)

    def on_post_build(self, *, config: Any) -> None:
        assert self.build is not None
        portal = self.build.portal
        site_dir = Path(config.site_dir)
        # The pages are written: index them while the downloads are still being written (Pagefind reads pages only).
        indexing = Indexing(site_dir) if self.config.search_index else None
        if self.writer is not None:
            try:
                self.writer.wait()
            except DownloadFailed as e:
                raise PluginError(f"{e}。构建已停止。") from e
            fill_sizes(site_dir, self.build)
        reports = sum(1 for p in self.pages.values() if p.kind == "report")
        archived = [f for f in portal.findings if f.is_error and not f.blocking and not f.draft]
        if self.build.preview:
            # A preview publishes nothing, and it shows the drafts too: "已发布" would count them as published.
            drafts = sum(1 for doc in portal.reports if doc.draft)
            log.info(f"预览 {reports} 份年度报告（含草稿 {drafts} 份），共生成 {len(self.pages)} 个页面。")
        else:
            log.info(f"已发布 {reports} 份年度报告（共生成 {len(self.pages)} 个页面）。")
        if archived:
            log.info(f"历史报告中有 {len(archived)} 处按原样保留的问题，见上方列表。")
        if indexing is not None:
            try:
                indexing.wait()
            except SearchIndexError as e:
                raise PluginError(f"{e}。构建已停止。") from e
            log.info("已生成搜索索引（pagefind/）。")
        if self.lock is not None:
            self.lock.release()
