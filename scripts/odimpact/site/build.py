"""Building the whole site: MkDocs (pages, through the hooks) then Pagefind (the search index).

`build_site` builds from the repository's docs/ and mkdocs.yml; `build_isolated` copies the
hand-written pages and configuration into a working folder first, so tests and the benchmark
can build from another cases folder without touching docs/cases/ in the working tree.
"""
from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from odimpact.paths import CASES_DIR, DOCS_DIR, LANGUAGES, REPO_ROOT
from odimpact.site.hooks import BARRIER_ENV, CASES_ENV, LANGUAGE_ENV
from odimpact.site.pages import search_bundle
from odimpact.site.search_index import SearchIndexError, compact_bundle

CONFIG = REPO_ROOT / "mkdocs.yml"
GENERATED = "cases"  # docs/cases/: written by the hooks, never copied
# Not indexed for search: heading permalinks ("¶") would show in result excerpts; the "Cite this
# case" block (reference, BibTeX, CSL-JSON) and the page footer repeat the site's name on every
# page, so a search for it, or for "BibTeX", matched every case.
EXCLUDED_FROM_SEARCH = (".headerlink", ".odi-citation", ".odi-footer")


class BuildError(RuntimeError):
    """MkDocs or Pagefind failed; the message holds their output."""


@dataclass
class BuildResult:
    site_dir: Path
    mkdocs_log: str
    pagefind_log: str
    peak_mb: dict[str, float] = field(default_factory=dict)  # per process: "en", "fr", "pagefind", "reports"
    mkdocs_s: float = 0.0  # MkDocs alone, before Pagefind and the report's PDFs


def _wait(process: subprocess.Popen[bytes]) -> tuple[int, float]:
    """Wait for a child; its exit code and its own peak memory in MB (os.wait4 gives each child's)."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss / 1024


def _wait_all(running: dict[str, subprocess.Popen[bytes]]) -> dict[str, tuple[int, float]]:
    """Wait for every child; as soon as one fails, stop the others (they may be waiting for its pages)."""
    finished: dict[str, tuple[int, float]] = {}
    while len(finished) < len(running):
        for lang, process in running.items():
            if lang in finished:
                continue
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                process.returncode = os.waitstatus_to_exitcode(status)
                finished[lang] = (process.returncode, usage.ru_maxrss / 1024)
        if any(code != 0 for code, _ in finished.values()):
            break
        time.sleep(0.02)
    return finished


def _run(command: list[str], log: Path, env: dict[str, str] | None = None) -> tuple[str, float]:
    """Run a command, its output in `log` (a file, not a pipe: a full pipe would block it)."""
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
    code, peak = _wait(process)
    text = log.read_text(encoding="utf-8", errors="replace")
    log.unlink()
    if code != 0:
        raise BuildError(f"{' '.join(command)} failed ({code}):\n{text}")
    return text, peak


def _mkdocs_command(config: Path, site_dir: Path) -> list[str]:
    # Never the quiet flag: it stops warnings from counting, and --strict must fail on every one of them.
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]


def _start(command: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    with log.open("wb") as output:  # a file, not a pipe: a full pipe would block the build
        return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)


def run_mkdocs(config: Path, site_dir: Path, cases_dir: Path | None = None) -> tuple[str, dict[str, float]]:
    """`mkdocs build --strict` (any warning fails), one process per language, run at once.

    Each process generates and renders all of one language's pages (and the other's hand-written
    ones, which static-i18n needs for its links); they wait for each other's generated pages in
    `parts/barrier` (see hooks.py). The English tree and the French one are then put together.
    Returns the output and each process's peak memory in MB."""
    env = dict(os.environ)
    if cases_dir is not None:
        env[CASES_ENV] = str(cases_dir.resolve())
    parts = site_dir.parent / f".{site_dir.name}.parts"
    shutil.rmtree(parts, ignore_errors=True)
    (parts / "barrier").mkdir(parents=True)
    env[BARRIER_ENV] = str((parts / "barrier").resolve())
    running: dict[str, subprocess.Popen[bytes]] = {}
    try:
        for lang in LANGUAGES:
            running[lang] = _start(_mkdocs_command(config, parts / lang), parts / f"{lang}.log", {**env, LANGUAGE_ENV: lang})
        finished = _wait_all(running)
        logs = {lang: (parts / f"{lang}.log").read_text(encoding="utf-8", errors="replace") for lang in LANGUAGES}
        failed = [lang for lang, (code, _) in finished.items() if code != 0]
        if failed:
            raise BuildError("\n".join(f"mkdocs build ({lang}) failed ({finished[lang][0]}):\n{logs[lang]}" for lang in failed))
        merge_languages(parts / "en", parts / "fr", site_dir)
        return "".join(logs.values()), {lang: peak for lang, (_, peak) in finished.items()}
    finally:
        for process in running.values():
            if process.returncode is None:  # interrupted: leave no build running behind
                process.kill()
                _wait(process)
        shutil.rmtree(parts, ignore_errors=True)


def merge_languages(english: Path, french: Path, site_dir: Path) -> None:
    """The English build with the French build's fr/ tree, and one sitemap listing both."""
    shutil.rmtree(english / "fr")
    (french / "fr").rename(english / "fr")
    merge_sitemaps(english / "sitemap.xml", french / "sitemap.xml")
    site_dir.mkdir(parents=True, exist_ok=True)
    for entry in site_dir.iterdir():
        if not entry.name.startswith("."):  # as MkDocs does: hidden entries (.git, .nojekyll) are kept
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    for entry in english.iterdir():
        entry.rename(site_dir / entry.name)


def merge_sitemaps(english: Path, french: Path) -> None:
    """Each build's sitemap lacks the case pages it did not render: add the French build's."""
    def entries(path: Path) -> dict[str, str]:
        urls = re.findall(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", path.read_text(encoding="utf-8"), re.DOTALL)
        blocks = re.findall(r"\s*<url>.*?</url>", path.read_text(encoding="utf-8"), re.DOTALL)
        return dict(zip(urls, blocks))

    listed, added = entries(english), entries(french)
    text = english.read_text(encoding="utf-8")
    head, tail = text[: text.index("<url>")].rstrip(), text[text.rindex("</urlset>") :]
    merged = head + "".join({**listed, **added}.values()) + "\n" + tail
    english.write_text(merged, encoding="utf-8")
    with gzip.GzipFile(english.with_name("sitemap.xml.gz"), "wb", mtime=0) as packed:
        packed.write(merged.encode("utf-8"))


def run_pagefind(site_dir: Path) -> tuple[str, float]:
    """Index the built pages, one language at a time, into its own bundle (pages.search_bundle).

    One run for both languages held every page's words at once: 620 MB at 1,000 cases, over the
    500 MB the build may use; each language alone needs about half. Each language is indexed as
    a site rooted where its bundle sits (French: fr/), so that its results' addresses are
    relative to the bundle. Each bundle's word index is then re-cut (search_index). Returns the
    output and the larger peak in MB."""
    roots = {lang: site_dir / search_bundle(lang).removesuffix("pagefind/") for lang in LANGUAGES}
    others = {root.name for lang, root in roots.items() if root != site_dir}
    default = sorted(entry.name + ("/**/*.html" if entry.is_dir() else "") for entry in site_dir.iterdir()
                     if entry.name not in others and (entry.is_dir() or entry.suffix == ".html"))
    logs, peaks = [], []
    for lang, root in roots.items():
        pages = "{" + ",".join(default) + "}" if root == site_dir else "**/*.html"
        command = [sys.executable, "-m", "pagefind", "--site", str(root), "--glob", pages, "--quiet"]
        for selector in EXCLUDED_FROM_SEARCH:
            command += ["--exclude-selectors", selector]
        log, peak = _run(command, site_dir.parent / f".{site_dir.name}.pagefind.log")
        try:
            reports = compact_bundle(site_dir / search_bundle(lang))
        except SearchIndexError as error:
            raise BuildError(str(error)) from None
        logs.append(log + "".join(f"{report}\n" for report in reports))
        peaks.append(peak)
    return "".join(logs), max(peaks)


def isolated_config(work_dir: Path, docs_dir: Path = DOCS_DIR, config: Path = CONFIG) -> Path:
    """A copy of the hand-written pages and of mkdocs.yml (absolute paths) in work_dir."""
    target_docs = work_dir / "docs"
    if target_docs.exists():
        shutil.rmtree(target_docs)
    shutil.copytree(docs_dir, target_docs, ignore=lambda folder, names: [GENERATED] if Path(folder) == docs_dir else [])
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["docs_dir"] = str(target_docs)
    settings["theme"]["custom_dir"] = str(config.parent / settings["theme"]["custom_dir"])
    settings["hooks"] = [str(config.parent / hook) for hook in settings.get("hooks", [])]
    path = work_dir / "mkdocs.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def start_reports(config: Path, site_dir: Path, cases_dir: Path | None) -> dict[str, tuple[subprocess.Popen[bytes], Path]]:
    """The findings report's PDFs, one process per language, printed while Pagefind indexes the pages."""
    site_url = str(yaml.safe_load(config.read_text(encoding="utf-8")).get("site_url") or "/")
    running = {}
    for lang in LANGUAGES:
        log = site_dir.parent / f".{site_dir.name}.report-{lang}.log"
        command = [sys.executable, "-m", "odimpact.research.findings_pdf", str(site_dir), str(cases_dir or CASES_DIR), site_url, lang]
        running[lang] = (_start(command, log), log)
    return running


def finish_reports(running: dict[str, tuple[subprocess.Popen[bytes], Path]]) -> float:
    """Wait for the reports; the larger of their peak memories in MB."""
    peaks = []
    for lang, (process, log) in running.items():
        code, peak = _wait(process)
        if code != 0:
            raise BuildError(f"the findings report's PDF ({lang}) failed ({code}):\n{log.read_text(encoding='utf-8', errors='replace')}")
        peaks.append(peak)
    return max(peaks)


def build_site(site_dir: Path, config: Path = CONFIG, cases_dir: Path | None = None, search: bool = True) -> BuildResult:
    """Build with a given configuration, then index for search while the report's PDFs print."""
    start = time.perf_counter()
    mkdocs_log, peaks = run_mkdocs(config, site_dir, cases_dir)
    result = BuildResult(site_dir, mkdocs_log, "", peaks, mkdocs_s=time.perf_counter() - start)
    reports = start_reports(config, site_dir, cases_dir)
    try:
        if search:
            result.pagefind_log, result.peak_mb["pagefind"] = run_pagefind(site_dir)
        result.peak_mb["reports"] = finish_reports(reports)
    finally:
        for process, _ in reports.values():
            if process.returncode is None:  # interrupted: leave no process running behind
                process.kill()
                process.wait()
    return result


def build_isolated(cases_dir: Path, site_dir: Path, work_dir: Path, search: bool = True) -> BuildResult:
    """Build from another cases folder, in a working folder (the repository's docs/ untouched)."""
    return build_site(site_dir, isolated_config(work_dir), cases_dir, search)
