"""`odimpact build`: the bilingual site (MkDocs, strict) and its search index (Pagefind)."""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from odimpact.paths import CASES_DIR, REPO_ROOT


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="build the bilingual site into site/ and index it for search",
        description=(
            "Generate the case pages and lists from cases/, build the English and French site "
            "with MkDocs (strict: any warning fails), then index it with Pagefind. The cases are "
            "validated first: a case with errors stops the build. "
            "Exit codes: 0 built, 1 invalid cases or the build failed."
        ),
    )
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "site", help="output folder (default: site/)")
    parser.add_argument("--cases", type=Path, help="build from this cases folder instead of cases/ (in a temporary working folder)")
    parser.add_argument("--no-search", action="store_true", help="skip the Pagefind index")
    parser.add_argument("--skip-validation", action="store_true",
                        help="build even if cases have errors (for tests of the build's own defences)")
    parser.set_defaults(func=run)


def _valid(cases_dir: Path) -> bool:
    """Run the validator like `odimpact validate`; its report is printed when there are errors."""
    from odimpact.cli import main as cli_main

    return cli_main(["validate", "--cases-dir", str(cases_dir)]) == 0


def run(args: argparse.Namespace) -> int:
    from odimpact.builder.build import BuildError, build_site

    if not args.skip_validation and not _valid(args.cases or CASES_DIR):
        print("odimpact build: fix the errors above (or use --skip-validation).", file=sys.stderr)
        return 1
    try:
        if args.cases:
            with tempfile.TemporaryDirectory(prefix="odimpact-build-") as work:
                build_site(args.out, cases_dir=args.cases, search=not args.no_search, work=Path(work))
        else:
            build_site(args.out, search=not args.no_search)
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Site built in {args.out}")
    return 0
