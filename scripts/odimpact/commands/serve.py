"""`odimpact serve`: preview the bilingual site with live reload while editing cases or pages."""
from __future__ import annotations

import argparse

from odimpact.commands.options import add_cases_dir


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="preview the site with live reload",
        description=(
            "Generate the site's pages from cases/ and docs/ and serve them on "
            "http://127.0.0.1:8000/knowledge-base/ (French under /fr/). Each save of a case, a page "
            "or mkdocs.yml regenerates what changed and reloads the browser. Search works on the "
            "output of `odimpact build` only (Pagefind indexes the built pages)."
        ),
    )
    add_cases_dir(parser)
    parser.add_argument("--address", default="127.0.0.1:8000", help="IP address and port (default: 127.0.0.1:8000)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from odimpact.builder.build import CONFIG, WORK
    from odimpact.builder.serve import serve

    return serve(CONFIG, args.cases_dir.resolve(), WORK, args.address)
