"""`odimpact export`: write the knowledge base's open data (the files the site publishes under
data/ and fr/data/) into a folder, without building the site."""
from __future__ import annotations

import argparse
from pathlib import Path

from odimpact.commands.options import add_cases_dir
from odimpact.corpus import load_corpus
from odimpact.languages import LANGUAGES, language
from odimpact.publication.exports import write_exports
from odimpact.publication.feeds import atom_feed
from odimpact.urls import SiteUrls, configured_site_url


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write cases.csv, impacts.csv, cases.json, datapackage.json and feed.xml per language",
        description=("Write the open data of the knowledge base (published cases only) into OUT: OUT/data/ in English "
                     "and OUT/fr/data/ in French, each with cases.csv, impacts.csv, cases.json and a Frictionless "
                     "datapackage.json, plus the Atom feeds OUT/feed.xml and OUT/fr/feed.xml. Addresses in the files "
                     "use site_url from mkdocs.yml unless --site-url is given."),
        epilog="Exit codes: 0 written, 2 usage error.",
    )
    parser.add_argument("out", type=Path, help="folder to write into (created if missing)")
    parser.add_argument("--site-url", help="absolute base URL of the site (default: site_url in mkdocs.yml)")
    add_cases_dir(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.cases_dir)
    urls = SiteUrls((args.site_url.rstrip("/") + "/") if args.site_url else configured_site_url())
    for lang in LANGUAGES:
        folder = args.out / language(lang).prefix
        for path in write_exports(corpus, lang, urls, folder / "data"):
            print(path.as_posix())
        feed = folder / "feed.xml"
        feed.write_text(atom_feed(corpus, lang, urls), encoding="utf-8")
        print(feed.as_posix())
    return 0
