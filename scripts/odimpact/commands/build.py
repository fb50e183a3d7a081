"""`odimpact build`: the bilingual site (MkDocs, strict) and its search index (Pagefind)."""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from odimpact.paths import REPO_ROOT


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="build the bilingual site into site/ and index it for search",
        description=(
            "Generate the case pages and lists from cases/, build the English and French site "
            "with MkDocs (strict: any warning fails), then index it with Pagefind. "
            "Exit codes: 0 built, 1 the build failed."
        ),
    )
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "site", help="output folder (default: site/)")
    parser.add_argument("--cases", type=Path, help="build from this cases folder instead of cases/ (in a temporary copy of docs/)")
    parser.add_argument("--no-search", action="store_true", help="skip the Pagefind index")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from odimpact.site.build import BuildError, build_isolated, build_site

    try:
        if args.cases:
            with tempfile.TemporaryDirectory(prefix="odimpact-build-") as work:
                build_isolated(args.cases, args.out, Path(work), search=not args.no_search)
        else:
            build_site(args.out, search=not args.no_search)
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Site built in {args.out}")
    return 0
