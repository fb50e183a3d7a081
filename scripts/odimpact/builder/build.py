"""Building the whole site: each language generated and rendered in its own process (language.py),
the two put side by side, then Pagefind (the search index) while the report's PDFs print.

Every build works in a folder of its own (`work`, build/ by default): one project per language
(build/en/, build/fr/: a tree of generated pages and its mkdocs.yml), and what each renders.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from odimpact.builder.project import read_settings
from odimpact.builder.search_index import SearchIndexError, compact_bundle
from odimpact.languages import BY_CODE, DEFAULT, LANGUAGES, language, without_prefix
from odimpact.paths import CASES_DIR, REPO_ROOT
from odimpact.urls import case_url, search_bundle

CONFIG = REPO_ROOT / "mkdocs.yml"
WORK = REPO_ROOT / "build"  # git-ignored
# Not indexed for search: heading permalinks ("¶") would show in result excerpts; the "Cite this
# case" block (reference, BibTeX, CSL-JSON) and the page footer repeat the site's name on every
# page, so a search for it, or for "BibTeX", matched every case.
EXCLUDED_FROM_SEARCH = (".headerlink", ".odi-citation", ".odi-footer")
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


class BuildError(RuntimeError):
    """MkDocs or Pagefind failed; the message holds their output."""


@dataclass
class BuildResult:
    site_dir: Path
    mkdocs_log: str
    pagefind_log: str
    # per process: "en", "fr", "pagefind", "reports"
    peak_mb: dict[str, float] = field(default_factory=dict)
    mkdocs_s: float = 0.0  # generation and MkDocs, before Pagefind and the report's PDFs


def _wait(process: subprocess.Popen[bytes]) -> tuple[int, float]:
    """Wait for a child; its exit code and its own peak memory in MB (os.wait4 gives each
    child's)."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss / 1024


def _wait_all(running: dict[str, subprocess.Popen[bytes]]) -> dict[str, tuple[int, float]]:
    """Wait for every child; as soon as one fails, stop waiting (the caller stops the others: the
    build has failed)."""
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


def _run(command: list[str], log: Path) -> tuple[str, float]:
    """Run a command, its output in `log`; its output and peak memory, or BuildError."""
    code, peak = _wait(_start(command, log))
    text = log.read_text(encoding="utf-8", errors="replace")
    log.unlink()
    if code != 0:
        raise BuildError(f"{' '.join(command)} failed ({code}):\n{text}")
    return text, peak


def _start(command: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as output:  # a file, not a pipe: a full pipe would block the build
        return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)


def run_languages(
    config: Path, cases_dir: Path, work: Path, stock: bool = False
) -> tuple[str, dict[str, float]]:
    """Generate and render every language at once, each in its own process, into work/<lang>/site.

    Returns their output and each process's peak memory in MB; as soon as one fails, the other is
    stopped."""
    running: dict[str, subprocess.Popen[bytes]] = {}
    work.mkdir(parents=True, exist_ok=True)
    try:
        for lang in LANGUAGES:
            command = [
                sys.executable,
                "-m",
                "odimpact.builder.language",
                lang,
                "--config",
                str(config),
                "--cases",
                str(cases_dir),
                "--project",
                str(work / lang),
                "--site",
                str(work / lang / "site"),
            ] + (["--stock"] if stock else [])
            running[lang] = _start(command, work / f"{lang}.log")
        finished = _wait_all(running)
        logs = {
            lang: (work / f"{lang}.log").read_text(encoding="utf-8", errors="replace")
            for lang in LANGUAGES
        }
        failed = [lang for lang, (code, _) in finished.items() if code != 0]
        if failed:
            raise BuildError(
                "\n".join(
                    f"building the {lang} pages failed ({finished[lang][0]}):\n{logs[lang]}"
                    for lang in failed
                )
            )
        return "".join(logs.values()), {lang: peak for lang, (_, peak) in finished.items()}
    finally:
        for process in running.values():
            if process.returncode is None:  # interrupted: leave no build running behind
                process.kill()
                _wait(process)


def put_together(work: Path, site_dir: Path, site_url: str) -> None:
    """The default language's site, with each other language's tree (under its prefix) and its own
    404 page beside it, and one sitemap listing every page with its other-language versions."""
    default = work / DEFAULT / "site"
    sitemaps = [default / "sitemap.xml"]
    for lang in LANGUAGES[1:]:
        prefix, built = language(lang).prefix.rstrip("/"), work / lang / "site"
        (built / "404.html").rename(built / prefix / "404.html")
        sitemaps.append(built / "sitemap.xml")
        shutil.rmtree(default / prefix, ignore_errors=True)
        (built / prefix).rename(default / prefix)
    write_sitemap(sitemaps, default / "sitemap.xml", site_url)
    site_dir.mkdir(parents=True, exist_ok=True)
    for entry in site_dir.iterdir():
        # as MkDocs does: hidden entries (.git, .nojekyll) are kept
        if not entry.name.startswith("."):
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    for entry in default.iterdir():
        entry.rename(site_dir / entry.name)
    for lang in LANGUAGES:  # what is left: the other languages' copies of the shared assets
        shutil.rmtree(work / lang / "site")


def write_sitemap(sitemaps: list[Path], out: Path, site_url: str) -> None:
    """One sitemap from each language's: every page, with a link to each language's version."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    pages = [
        (url.findtext(f"{{{SITEMAP}}}loc", ""), url.findtext(f"{{{SITEMAP}}}lastmod"))
        for path in sitemaps
        for url in ET.parse(path).getroot().iter(f"{{{SITEMAP}}}url")
    ]
    listed = {loc for loc, _ in pages}
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    for loc, lastmod in pages:
        url = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = loc
        if lastmod:
            ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = lastmod
        here = without_prefix(loc.removeprefix(site_url)) if loc.startswith(site_url) else None
        for lang in BY_CODE.values():
            version = f"{site_url}{lang.prefix}{here}"
            if here is not None and version in listed:
                ET.SubElement(
                    url, f"{{{XHTML}}}link", rel="alternate", hreflang=lang.code, href=version
                )
    ET.indent(urlset)
    data = ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"
    out.write_bytes(data)
    with gzip.GzipFile(out.with_name("sitemap.xml.gz"), "wb", mtime=0) as packed:
        packed.write(data)


def run_pagefind(site_dir: Path) -> tuple[str, float]:
    """Index the built pages, one language at a time, into its own bundle (pages.search_bundle).

    One run for both languages held every page's words at once: 620 MB at 1,000 cases, over the
    500 MB the build may use; each language alone needs about half. Each language is indexed as
    a site rooted where its bundle sits (French: fr/), so that its results' addresses are
    relative to the bundle. Each bundle's word index is then re-cut (search_index). Returns the
    output and the larger peak in MB."""
    roots = {lang: site_dir / search_bundle(lang).removesuffix("pagefind/") for lang in LANGUAGES}
    # Only case pages carry data-pagefind-body (overrides/main.html), so Pagefind would index
    # nothing else anyway: reading only them keeps the other pages' HTML out of its memory.
    pages = case_url("*") + "index.html"
    logs, peaks = [], []
    for lang, root in roots.items():
        command = [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(root),
            "--glob",
            pages,
            "--quiet",
        ]
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


def start_reports(
    config: Path, site_dir: Path, cases_dir: Path | None
) -> dict[str, tuple[subprocess.Popen[bytes], Path]]:
    """The findings report's PDFs, one process per language, printed while Pagefind indexes the
    pages."""
    site_url = str(read_settings(config).get("site_url") or "/")
    running = {}
    for lang in LANGUAGES:
        log = site_dir.parent / f".{site_dir.name}.report-{lang}.log"
        command = [
            sys.executable,
            "-m",
            "odimpact.publication.findings_pdf",
            str(site_dir),
            str(cases_dir or CASES_DIR),
            site_url,
            lang,
        ]
        running[lang] = (_start(command, log), log)
    return running


def finish_reports(running: dict[str, tuple[subprocess.Popen[bytes], Path]]) -> float:
    """Wait for the reports; the larger of their peak memories in MB."""
    peaks = []
    for lang, (process, log) in running.items():
        code, peak = _wait(process)
        if code != 0:
            raise BuildError(
                f"the findings report's PDF ({lang}) failed "
                f"({code}):\n{log.read_text(encoding='utf-8', errors='replace')}"
            )
        peaks.append(peak)
    return max(peaks)


def build_site(
    site_dir: Path,
    config: Path = CONFIG,
    cases_dir: Path | None = None,
    search: bool = True,
    work: Path = WORK,
    stock: bool = False,
) -> BuildResult:
    """Build the site from `cases_dir` (cases/ by default), then index it for search while the
    report's PDFs print. `stock`: render as stock MkDocs and Material do (the equality test)."""
    start = time.perf_counter()
    cases_dir = (cases_dir or CASES_DIR).resolve()
    log, peaks = run_languages(config.resolve(), cases_dir, work.resolve(), stock)
    put_together(work, site_dir, str(read_settings(config).get("site_url") or ""))
    result = BuildResult(site_dir, log, "", peaks, mkdocs_s=time.perf_counter() - start)
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
