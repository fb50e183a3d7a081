"""One language's build, in its own process: generate its tree, then let MkDocs render it.

`odimpact build` runs one of these per language at once (build.py); each reads only its own
language's case files (and, for a case awaiting translation, the other's), writes only its own
project folder, and renders only its own pages, so the two never wait for each other.

    python -m odimpact.builder.language LANG --config mkdocs.yml --cases cases/ --project build/en
    --site out/
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from odimpact.builder.project import TREE, read_settings, write_project
from odimpact.corpus import Reader, load_corpus
from odimpact.languages import LANGUAGES
from odimpact.paths import REPO_ROOT
from odimpact.publication.context import SiteContext, make_context
from odimpact.publication.trees import language_tree, write_tree
from odimpact.reading import read_case_file


def site_context(
    config: Path,
    cases_dir: Path,
    languages: tuple[str, ...],
    read: Reader = read_case_file,
    preview: bool = False,
) -> SiteContext:
    """The corpus in the given languages, with the site's settings from mkdocs.yml (`preview`:
    drafts get pages too, for `odimpact serve`)."""
    settings = read_settings(config)
    odimpact = settings.get("extra", {}).get("odimpact", {})
    return make_context(
        load_corpus(cases_dir, REPO_ROOT, languages, read),
        odimpact.get("repository", ""),
        odimpact.get("branch", "main"),
        settings.get("site_url") or "",
        preview,
    )


def generate(
    config: Path,
    lang: str,
    ctx: SiteContext,
    project_dir: Path,
    shortcuts: bool = True,
    cases_dir: Path | None = None,
) -> tuple[Path, int, int]:
    """Write the language's tree and its MkDocs configuration; (configuration, written, removed).
    With `cases_dir`, the project can be served (the plugin regenerates it from there).

    When the configuration changed, every page counts as written (touched): a navigation title,
    say, changes every page, and a dirty build (`odimpact serve`) renders only changed files."""
    docs_dir = config.parent / read_settings(config).get("docs_dir", "docs")
    tree = project_dir / TREE
    written, removed = write_tree(language_tree(ctx, lang, docs_dir, ctx.site_url), tree)
    project, changed = write_project(config, lang, project_dir, shortcuts, cases_dir)
    if changed:
        pages = list(tree.rglob("*.md"))
        for page in pages:
            page.touch()
        written = len(pages)
    return project, written, removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m odimpact.builder.language")
    parser.add_argument("lang", choices=LANGUAGES)
    parser.add_argument("--config", type=Path, required=True, help="the shared mkdocs.yml")
    parser.add_argument("--cases", type=Path, required=True)
    parser.add_argument("--project", type=Path, required=True, help="the language's project folder")
    parser.add_argument(
        "--site", type=Path, required=True, help="where MkDocs writes the language's pages"
    )
    parser.add_argument(
        "--stock", action="store_true", help="render without the shortcuts (the equality test)"
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    ctx = site_context(args.config, args.cases, (args.lang,))
    project, written, removed = generate(args.config, args.lang, ctx, args.project, not args.stock)
    print(
        f"odimpact: {args.lang}: {len(ctx.with_pages())} cases with pages; {written} files "
        f"written, "
        f"{removed} removed in {time.perf_counter() - start:.2f} s",
        flush=True,
    )
    from mkdocs.__main__ import cli  # MkDocs' own command line, in this process: no second start-up

    # Never the quiet flag: it stops warnings from counting, and --strict must fail on every one of
    # them.
    return cli.main(
        ["build", "--strict", "-f", str(project), "-d", str(args.site)],
        prog_name="mkdocs",
        standalone_mode=True,
    )


if __name__ == "__main__":
    sys.exit(main())
