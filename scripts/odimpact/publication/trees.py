"""Generation, the step before rendering: everything one language's site is made of, written as
plain files into that language's own folder (its "tree"), which a renderer then only renders.

A tree holds, under the language's URL prefix (odimpact.languages): the hand-written pages of
docs/ in that language (their `<!-- odimpact:... -->` parts filled), the generated case pages,
lists and research pages, each case's images beside its page, and the files beside the pages
(exports, feed, chart images); at its root, the shared static files of docs/ (assets). Only
files whose content changed are written, so a renderer that watches the tree (`odimpact serve`)
rebuilds once per change; files no longer generated are removed. One process writes one tree:
there is no other writer to wait for.
"""

from __future__ import annotations

import os
from pathlib import Path

from odimpact.languages import DEFAULT, LANGUAGES, language
from odimpact.publication import fragments
from odimpact.publication.case_page import case_page, case_pages
from odimpact.publication.context import SiteContext
from odimpact.publication.overviews import overview_pages
from odimpact.publication.pages import Page
from odimpact.publication.research_pages import research_files, research_pages
from odimpact.typography import typeset
from odimpact.urls import case_url

MARKER_FILE = ".generated"  # marks a tree as ours: we never delete in a folder without it
Content = str | bytes | Path  # a Path is a file copied as is


def all_pages(ctx: SiteContext, languages: tuple[str, ...] = LANGUAGES) -> list[Page]:
    """Every generated page in the given languages, both by default."""
    return (
        case_pages(ctx, languages) + overview_pages(ctx, languages) + research_pages(ctx, languages)
    )


def hand_written(docs_dir: Path, lang: str) -> dict[str, Path]:
    """The hand-written pages of one language: path in its tree (without prefix) -> source.

    `page.en.md` is English, `page.fr.md` French; a page missing in a language is shown in the
    default language's text rather than missing from its navigation."""
    pages: dict[str, Path] = {}
    for code in (DEFAULT, lang) if lang != DEFAULT else (lang,):
        for path in sorted(docs_dir.rglob(f"*.{code}.md")):
            pages[path.relative_to(docs_dir).as_posix().removesuffix(f".{code}.md") + ".md"] = path
    return pages


def page_url(path: str) -> str:
    """The language-relative URL of a Markdown file's page: "index.md" -> "", "data.md" ->
    "data/"."""
    stem = path.removesuffix(".md")
    stem = "" if stem == "index" else stem.removesuffix("/index")
    return f"{stem}/" if stem else ""


def static_files(docs_dir: Path) -> dict[str, Path]:
    """docs/'s files that are not pages (stylesheets, scripts, screenshots), for every tree."""
    return {
        path.relative_to(docs_dir).as_posix(): path
        for path in sorted(docs_dir.rglob("*"))
        if path.is_file() and path.suffix != ".md" and not path.name.startswith(".")
    }


def language_tree(ctx: SiteContext, lang: str, docs_dir: Path, base_url: str) -> dict[str, Content]:
    """Every file of one language's tree: path in the tree -> content."""
    prefix = language(lang).prefix
    files: dict[str, Content] = dict(static_files(docs_dir))
    for path, source in hand_written(docs_dir, lang).items():
        # the same spacing as every generated text
        markdown = typeset(source.read_text(encoding="utf-8"), lang)
        files[prefix + path] = fragments.expand(markdown, ctx, page_url(path), lang)
    files.update({page.source_path: page.text() for page in all_pages(ctx, (lang,))})
    files.update(
        {
            prefix + case_url(case.id) + image.name: image
            for case in ctx.with_pages()
            for image in case.images
        }
    )
    files.update(
        {prefix + path: text for path, text in research_files(ctx, lang, base_url).items()}
    )
    return files


def write_case_pages(ctx: SiteContext, lang: str, case_ids: set[str], out_dir: Path) -> int:
    """Rewrite only these cases' pages in a language's tree; returns how many changed."""
    cases = ctx.pages_by_id()
    pages = [
        case_page(ctx, cases[case_id], lang) for case_id in sorted(case_ids) if case_id in cases
    ]
    return sum(write_if_changed(out_dir / page.source_path, page.text()) for page in pages)


def write_tree(files: dict[str, Content], out_dir: Path) -> tuple[int, int]:
    """Make `out_dir` hold exactly `files`; returns (files written, files removed)."""
    claim_tree(out_dir)
    written = sum(write_if_changed(out_dir / path, content) for path, content in files.items())
    keep = {out_dir / path for path in files} | {out_dir / MARKER_FILE}
    stale = [path for path in out_dir.rglob("*") if not path.is_dir() and path not in keep]
    for path in stale:
        path.unlink()
    for folder, _, _ in os.walk(out_dir, topdown=False):
        if folder != str(out_dir) and not os.listdir(folder):
            os.rmdir(folder)
    return written, len(stale)


def write_if_changed(path: Path, content: Content) -> bool:
    """Write atomically when the content differs; True when the file was (re)written."""
    data = (
        content.read_bytes()
        if isinstance(content, Path)
        else content.encode("utf-8")
        if isinstance(content, str)
        else content
    )
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")  # hidden: a renderer watching the tree skips it
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return True


def claim_tree(out_dir: Path) -> None:
    """Make the tree's folder with our marker; a folder someone else made, without it, is never
    touched."""
    if not out_dir.exists():
        out_dir.mkdir(parents=True)
        (out_dir / MARKER_FILE).write_text(
            "Generated by odimpact from cases/ and docs/: never edit, never commit.\n",
            encoding="utf-8",
        )
    if not (out_dir / MARKER_FILE).exists():
        raise RuntimeError(
            f"{out_dir} exists but was not generated by odimpact: refusing to touch it"
        )
